"""Keeping the public survey from being flooded, without keeping who answered.

Each answer counts against its address, but the address itself is never stored: the
cache holds only a count under a keyed hash of it. The key is random, made in the cache
itself and replaced every clock hour (the last hour's is deleted when the next is made);
it is never derived from the site's secret or anything else kept. So nothing in the
database, with or without the secret key, can test a guess of an address against a
hash, and a hash cannot be followed from one hour to the next.

Nor is any time kept: every count of an hour expires at the end of that hour, whenever
its first answer came, so a count's expiry tells only the hour (which its key already
says). An IPv6 address counts by its /64 network, which is what one household or phone
is given; an IPv4 one by itself.

The cache is the project's shared one, so the count holds across every app server. If it
fails (the cache table gone, Redis stopped), the answer is taken without a count and a
warning is logged. Refusing answers because our own cache is down would lose real
people's answers, which cannot be asked for again; a spell without flood control costs
little, since the survey is a poor target (nothing is shown but sums of many answers, a
flood shows in the count of answers, and a manager can close the survey).
"""

import hashlib
import hmac
import logging
import secrets
from contextlib import nullcontext
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone

from coprod_site.sign_in import IPV6_BLOCK, address_block, client_address

logger = logging.getLogger(__name__)

# Enough for a family or a drop-in session sharing one connection; far short of a flood.
ANSWERS_PER_ADDRESS_PER_HOUR = 20
# An hour's key and counts outlive it by this much, for app servers whose clocks differ.
CLOCK_MARGIN_SECONDS = 120


def counted_address(address: str) -> str:
    """What an answer counts against: the client's block as sign-in counts it
    (`address_block`: an IPv6 address's /64, one household or phone may hold all of it; an
    IPv4 address, or one written as IPv6, itself), a /64 written as the network."""
    block = address_block(address)
    return f"{block}/{IPV6_BLOCK}" if ":" in block else block


def _hour_key(now: datetime, seconds_left: int) -> str:
    """This hour's random key, made by whichever server first needs it. Making it deletes
    the last hour's, which the database cache would otherwise keep, expired, until a cull."""
    name = f"survey-throttle-key:{now:%Y%m%d%H}"
    key = cache.get(name)
    if key is None:
        if cache.add(name, secrets.token_hex(32), seconds_left):
            cache.delete(f"survey-throttle-key:{now - timedelta(hours=1):%Y%m%d%H}")
        key = cache.get(name)
    return key


def _count(request, survey_token: str, now: datetime) -> int:
    """Add this answer to its address's count for this hour, and return the count."""
    hour = now.strftime("%Y%m%d%H")
    end_of_hour = now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    seconds_left = int((end_of_hour - now).total_seconds()) + CLOCK_MARGIN_SECONDS
    key = _hour_key(now, seconds_left)
    message = f"{survey_token}|{counted_address(client_address(request))}".encode()
    name = f"survey-throttle:{hour}:" + hmac.new(key.encode(), message, hashlib.sha256).hexdigest()
    cache.add(name, 0, seconds_left)
    try:
        count = cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.set(name, 1, seconds_left)
        return 1
    # Some caches (the database's) store an incremented value with a new expiry, from
    # now: set it back to the end of the hour, so that it does not tell when this came.
    cache.touch(name, seconds_left)
    return count


def allow_answer(request, survey_token: str) -> bool:
    """Count an answer from this address to this survey; False once it has sent more than
    the limit this hour (settings.SURVEY_ANSWERS_PER_ADDRESS_PER_HOUR, if set). True,
    with a warning logged, if the cache fails (see the module's docstring)."""
    # Inside a transaction, a failed statement of the database cache would spoil the rest
    # of it on PostgreSQL: give the cache a savepoint of its own.
    savepoint = transaction.atomic() if connection.in_atomic_block else nullcontext()
    try:
        with savepoint:
            count = _count(request, survey_token, timezone.now())
    except Exception:
        logger.warning(
            "The survey's flood control could not reach the cache: this answer is taken "
            "without it.",
            exc_info=True,
        )
        return True
    limit = getattr(settings, "SURVEY_ANSWERS_PER_ADDRESS_PER_HOUR", ANSWERS_PER_ADDRESS_PER_HOUR)
    return count <= limit
