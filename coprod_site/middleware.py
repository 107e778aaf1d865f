"""Small middleware of the site's own."""

from django.conf import settings


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
