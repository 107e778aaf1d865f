"""Sign-in protection with django-axes: whose attempts count together, the lock on a user
name that many addresses got wrong, and the page a locked-out sign-in gets.

Five wrong passwords for one user name from one address lock that pair (axes' own
AXES_LOCKOUT_PARAMETERS), so a neighbour behind the same office address cannot lock the
user out of anywhere else. Guessing from many addresses is what the pair cannot stop:
once SIGN_IN_USER_LOCK_ADDRESSES addresses have failed for one user name within axes'
cool-off, the user name is locked from everywhere for SIGN_IN_USER_LOCK_TIME. Axes cannot
say "the user name alone, after many addresses", so SignInHandler (settings.AXES_HANDLER)
adds it. Neither lock restarts on further tries: axes records no failure while a sign-in is
locked (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT off), and the user-name lock is added
once and keeps its end.
"""

import hashlib
import ipaddress
import logging

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils import timezone

log = logging.getLogger(__name__)

Address = ipaddress.IPv4Address | ipaddress.IPv6Address

# One IPv6 customer (a home, a phone) holds a whole /64, and picks addresses in it freely.
IPV6_BLOCK = 64


def _parse(address: str) -> Address | None:
    try:
        parsed = ipaddress.ip_address(address.strip())
    except ValueError:
        return None
    if isinstance(parsed, ipaddress.IPv6Address) and parsed.ipv4_mapped:
        return parsed.ipv4_mapped
    return parsed


def _trusted(address: Address) -> bool:
    return any(
        address in ipaddress.ip_network(network, strict=False)
        for network in settings.TRUSTED_PROXIES
    )


def client_address(request) -> str:
    """The address of whoever sent the request: for counting wrong passwords
    (sign_in_address) and the survey's answers (assessments/survey/guard.py).

    X-Forwarded-For is read only on a request that comes from one of the proxies named in
    settings.TRUSTED_PROXIES (addresses or networks): anyone else can write what they like
    there, and a client that reaches the app directly would otherwise pick a new address
    for each try. Each proxy adds the address it was called from at the right-hand end, so
    the list is read from the right, past every address of a trusted proxy; the first one
    that is not is the client. Anything a client wrote there itself is further left and
    never reached. If every address is a proxy's, the client is the leftmost (a machine
    inside the proxies' own network); an entry that is not an address stops the walk at
    the last proxy, which is then counted as the client.

    django-ipware does this with a count of proxies or address prefixes, not networks, and
    would be one more package, so this is our own.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    address = _parse(remote)
    if address is None or not settings.TRUSTED_PROXIES or not _trusted(address):
        return remote if address is None else str(address)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for entry in reversed([entry for entry in forwarded if entry.strip()]):
        hop = _parse(entry)
        if hop is None:
            break
        address = hop
        if not _trusted(hop):
            break
    return str(address)


def address_block(address: str) -> str:
    """The address as one client holds it: an IPv6 address as the first address of its
    /64, an IPv4 address as it is. Anything else is given back unchanged."""
    parsed = _parse(address)
    if isinstance(parsed, ipaddress.IPv6Address):
        block = ipaddress.ip_network(f"{parsed}/{IPV6_BLOCK}", strict=False)
        return str(block.network_address)
    return address if parsed is None else str(parsed)


def sign_in_address(request) -> str:
    """The address wrong passwords are counted by (settings.AXES_CLIENT_IP_CALLABLE): the
    client's, by its /64 for IPv6, so that stepping through the block is one address."""
    return address_block(client_address(request))


# --- The lock on a user name from everywhere ----------------------------------------------


def _user_lock_key(username: str) -> str:
    return "sign-in-user-lock:" + hashlib.sha256(username.encode()).hexdigest()


def user_locked_until(username: str | None):
    """When the lock on this user name from every address ends, or None if there is none.
    It is kept in the shared cache, so it holds across servers."""
    if not username:
        return None
    until = cache.get(_user_lock_key(username))
    if until is None or until <= timezone.now():
        return None
    return until


def lift_user_lock(username: str | None) -> None:
    if username:
        cache.delete(_user_lock_key(username))


def addresses_failing(username: str) -> int:
    """How many addresses have got this user name's password wrong within axes' cool-off
    (older failures are deleted by axes)."""
    since = timezone.now() - get_cool_off()
    return (
        AccessAttempt.objects.filter(username=username, attempt_time__gte=since)
        .values("ip_address")
        .distinct()
        .count()
    )


class SignInHandler(AxesDatabaseHandler):
    """Axes' database handler with the user-name lock on top (settings.AXES_HANDLER)."""

    def is_locked(self, request, credentials=None) -> bool:
        if super().is_locked(request, credentials):
            return True
        return user_locked_until(get_client_username(request, credentials)) is not None

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        refused_unheard = request is not None and getattr(request, "axes_locked_out", False)
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is None or refused_unheard:
            return  # a try while locked out: not counted, and it moves no lock on
        username = get_client_username(request, credentials)
        if not username or addresses_failing(username) < settings.SIGN_IN_USER_LOCK_ADDRESSES:
            return
        until = timezone.now() + settings.SIGN_IN_USER_LOCK_TIME
        # add, not set: a lock already there keeps its end.
        if cache.add(
            _user_lock_key(username), until, int(settings.SIGN_IN_USER_LOCK_TIME.total_seconds())
        ):
            log.warning(
                "Sign-in: wrong passwords for one user name from %d addresses; its sign-ins "
                "are paused from every address until %s",
                settings.SIGN_IN_USER_LOCK_ADDRESSES,
                until.isoformat(timespec="minutes"),
            )
        request.axes_locked_out = True
        request.axes_credentials = credentials

    def reset_attempts(self, *, ip_address=None, username=None, ip_or_username=False) -> int:
        # `manage.py axes_reset_username <name>` lifts the user-name lock too.
        lift_user_lock(username)
        return super().reset_attempts(
            ip_address=ip_address, username=username, ip_or_username=ip_or_username
        )

    def post_delete_access_attempt(self, instance, **kwargs):
        """Staff lift a lock by deleting a row of it under Axes → Access attempts; that lifts
        the user-name lock as well. Axes' own clearing of rows past the cool-off does not,
        as the user-name lock lasts longer than they do."""
        if instance.attempt_time > timezone.now() - get_cool_off():
            lift_user_lock(instance.username)


def locked_out(request, original_response=None, credentials=None):
    """The page for a sign-in refused after too many wrong passwords
    (settings.AXES_LOCKOUT_CALLABLE). Tries while locked out do not move its end."""
    username = get_client_username(request, credentials)
    user_until = user_locked_until(username)
    if user_until is not None:
        wait, until, everywhere = settings.SIGN_IN_USER_LOCK_TIME, user_until, True
    else:
        wait, everywhere = get_cool_off(request), False
        last_failure = (
            AccessAttempt.objects.filter(
                username=username, ip_address=getattr(request, "axes_ip_address", None)
            )
            .order_by("-attempt_time")
            .values_list("attempt_time", flat=True)
            .first()
        )
        until = (last_failure or timezone.now()) + wait
    return render(
        request,
        "registration/locked_out.html",
        {
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "minutes": round(wait.total_seconds() / 60),
            "until": until,
            "everywhere": everywhere,
            "addresses": settings.SIGN_IN_USER_LOCK_ADDRESSES,
        },
        status=429,
    )
