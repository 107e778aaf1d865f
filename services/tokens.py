"""Sign a request in with a personal access token: `Authorization: Bearer <token>`.

Only views marked `opens_with_token` (the CSV exports and their data package, see
coprod_site.csv_export.export_view) accept a token, and only for GET and HEAD. A bearer
request anywhere else is refused outright, whatever session cookie it also carries, so a
token never opens a page and never starts a session. The token's user becomes
`request.user` for that one request, so every access helper limits the rows to their
agencies exactly as their session would; nothing is written to the session, no sign-in
signal is sent (so django-axes and the session store see nothing) and CSRF does not apply
to a GET.

Listed before CsrfViewMiddleware (so a bearer POST reads this refusal) and before
LoginRequiredMiddleware, which then lets the token's user through. Every process_view
runs after AuthenticationMiddleware has set the session's user, so this one wins.
"""

import logging

from django.db import DatabaseError, transaction
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from services.models import AccessToken
from services.models.tokens import token_hash

log = logging.getLogger(__name__)

READ_ONLY_METHODS = ("GET", "HEAD")


def refusal(status: int, error: str, message: str) -> HttpResponse:
    """A plain-text refusal with the header RFC 6750 asks for."""
    response = HttpResponse(message + "\n", status=status, content_type="text/plain; charset=utf-8")
    response["WWW-Authenticate"] = f'Bearer realm="Coprod exports", error="{error}"'
    patch_cache_control(response, no_store=True)
    return response


def bearer_credentials(request) -> str | None:
    """The token a request sends, or None if it sends none ("" if the header is empty)."""
    scheme, _, credentials = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer":
        return None
    return credentials.strip()


def find_token(credentials: str) -> tuple[AccessToken | None, str]:
    """The usable token these credentials name, or None and why not, in plain words."""
    token = (
        AccessToken.objects.select_related("user").filter(hash=token_hash(credentials)).first()
        if credentials
        else None
    )
    if token is None:
        return None, (
            "This token is not known. Check that it was copied whole, or make a new one on "
            "your account page."
        )
    if token.is_revoked:
        return None, f"This token was revoked on {token.revoked_at:%d %B %Y}."
    if token.is_expired:
        return None, (
            f"This token expired on {token.expires_at:%d %B %Y}. Make a new one on your "
            "account page."
        )
    if not token.user.is_active:
        return None, "This token's account is closed."
    return token, ""


class AccessTokenMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        token = getattr(request, "access_token", None)
        if token is not None:
            # A cache in between must not hand one token's rows to another request.
            patch_vary_headers(response, ["Authorization"])
            patch_cache_control(response, private=True, no_store=True)
            record_use(token, request.path)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        credentials = bearer_credentials(request)
        if credentials is None:
            return None
        if request.method not in READ_ONLY_METHODS:
            return refusal(403, "insufficient_scope", "Tokens are read-only: they only fetch.")
        if not getattr(view_func, "opens_with_token", False):
            return refusal(
                403,
                "insufficient_scope",
                "Tokens open the CSV exports (/export/…csv) only. Sign in to use this page.",
            )
        token, problem = find_token(credentials)
        if token is None:
            return refusal(401, "invalid_token", problem)
        request.access_token = token
        request.user = token.user
        return None


def record_use(token: AccessToken, path: str) -> None:
    """Log the token's use once its export is made, and never fail the export over it: a
    database that can be read but not written (a replica, a full disk) still serves it. Its
    own savepoint, so a refused write leaves the connection usable for the rows that
    stream after it."""
    try:
        with transaction.atomic():
            token.record_use(path)
    except DatabaseError as error:
        log.warning("Could not record a use of access token %s: %s", token.pk, error)
