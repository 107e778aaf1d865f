"""Keeping the public survey from being flooded, without keeping who answered.

Each answer counts against its address, but the address itself is never stored: the
cache holds only a keyed hash of it, and the key changes every hour (it mixes the hour
into the site's secret), so a hash cannot be followed from one hour to the next or
turned back into an address. The cache is the project's shared one, so the count holds
across every app server.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from coprod_site.sign_in import client_address

WINDOW_SECONDS = 3600
# Enough for a family or a drop-in session sharing one connection; far short of a flood.
ANSWERS_PER_ADDRESS_PER_HOUR = 20


def _address_key(request, survey_token: str, now) -> str:
    hour = now.strftime("%Y%m%d%H")
    message = f"{hour}|{survey_token}|{client_address(request)}".encode()
    salt = f"survey-throttle|{settings.SECRET_KEY}".encode()
    return "survey-throttle:" + hmac.new(salt, message, hashlib.sha256).hexdigest()[:40]


def allow_answer(request, survey_token: str) -> bool:
    """Count an answer from this address to this survey; False once it has sent more than
    the limit this hour (settings.SURVEY_ANSWERS_PER_ADDRESS_PER_HOUR, if set)."""
    key = _address_key(request, survey_token, timezone.now())
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        count = 1
    limit = getattr(settings, "SURVEY_ANSWERS_PER_ADDRESS_PER_HOUR", ANSWERS_PER_ADDRESS_PER_HOUR)
    return count <= limit
