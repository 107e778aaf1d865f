"""Small middleware of the site's own, and the log filter that keeps a refusal to one line.

Nothing here imports models: the log filter is read with the settings, before the apps.
"""

import logging

from django.conf import settings
from django.utils.cache import patch_cache_control


def permissions_policy(get_response):
    """Send the Permissions-Policy header of settings.PERMISSIONS_POLICY (a feature and the
    origins allowed it, none for a feature switched off), which Django does not send."""
    header = ", ".join(
        f"{feature}=({' '.join(origins)})"
        for feature, origins in settings.PERMISSIONS_POLICY.items()
    )

    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", header)
        return response

    return middleware


def private_pages(get_response):
    """`Cache-Control: private, no-store` on every response to a signed-in user (a session
    or an export's token) that says nothing of caching itself: a shared cache or a browser's
    back button must not hand one user's agencies to whoever comes next. Pages for anyone
    (sign-in, the survey, /healthz, static files) are left as they are. After
    AuthenticationMiddleware, so the user is known."""

    def middleware(request):
        response = get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response

    return middleware


class ForbiddenInOneLine(logging.Filter):
    """A 403 logged by django.request as one line, "403 Forbidden: /path (user id 7)", not a
    warning with the traceback of the PermissionDenied a view raised: a viewer pressing a
    manager's button is ordinary, and 27 lines each time bury what matters."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) != 403:
            return True
        request = getattr(record, "request", None)
        path = getattr(request, "path", "?")
        record.msg = "403 Forbidden: %s (%s)"
        record.args = (path, _who(request))
        record.exc_info = None
        record.exc_text = None
        return True


def _who(request) -> str:
    try:
        user = request.user
        if user.is_authenticated:
            return f"user id {user.pk}"
    except Exception:  # a log line must never break the response it describes
        return "user unknown"
    return "not signed in"
