"""Sign-in protection with django-axes: whose attempts count together, and the page a
locked-out sign-in gets."""

from axes.helpers import get_cool_off
from django.conf import settings
from django.shortcuts import render
from django.utils import timezone


def client_address(request) -> str:
    """The address failed sign-ins are counted by (settings.AXES_CLIENT_IP_CALLABLE).

    Behind proxies every request comes from the nearest proxy, which would make a lockout
    per user name alone: anyone could lock anyone out. With settings.TRUSTED_PROXIES
    proxies, each adding the address it was called from to X-Forwarded-For, the client is
    the address the outermost one saw; anything the client wrote there itself comes
    earlier in the list and is ignored.
    """
    proxies = settings.TRUSTED_PROXIES
    if proxies:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        forwarded = [address.strip() for address in forwarded if address.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def locked_out(request, original_response=None, credentials=None):
    """The page for a sign-in refused after too many wrong passwords
    (settings.AXES_LOCKOUT_CALLABLE). Each try while locked out starts the wait again."""
    cool_off = get_cool_off(request)
    tried_at = getattr(request, "axes_attempt_time", None) or timezone.now()
    return render(
        request,
        "registration/locked_out.html",
        {
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "minutes": round(cool_off.total_seconds() / 60),
            "until": tried_at + cool_off,
        },
        status=429,
    )
