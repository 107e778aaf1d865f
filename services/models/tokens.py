"""Personal access tokens: how a reporting tool fetches a user's CSV exports without their
browser session.

A token is shown once, when it is made, and stored only as its SHA-256 hash, with its
first few characters kept to tell tokens apart. A request finds its token by the hash of
what it sends, so no stored secret is ever compared with it character by character.
Tokens open the exports only (services.tokens.AccessTokenMiddleware), read-only, as the
user who made them, and each use is recorded.
"""

import hashlib
import secrets
from datetime import timedelta
from uuid import uuid4

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

TOKEN_PREFIX = "coprod_"
# What is kept of a token to name it in lists: the prefix and five random characters.
SHOWN_LENGTH = len(TOKEN_PREFIX) + 5
TOKEN_NAME_MAX = 100
# A user's tokens that are still usable, at most.
ACTIVE_TOKENS_MAX = 10


class Lifetime(models.IntegerChoices):
    """How long a token lasts, in days: a year at most."""

    MONTH = 30, "30 days"
    QUARTER = 90, "90 days"
    YEAR = 365, "1 year"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class AccessTokenQuerySet(models.QuerySet):
    def usable(self):
        """Neither revoked nor expired."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())

    def revoke(self, reason: str = "Revoked") -> int:
        """Revoke the usable ones among these, kept with the time (not deleted, so the
        account page still lists them) and recorded in their history; how many."""
        now = timezone.now()
        tokens = list(self.usable())
        if not tokens:
            return 0
        self.model.objects.filter(pk__in=[token.pk for token in tokens]).update(revoked_at=now)
        for token in tokens:
            token.revoked_at = now
        self.model.history.bulk_history_create(
            tokens, update=True, default_change_reason=reason, default_date=now
        )
        return len(tokens)


class AccessToken(models.Model):
    code = models.UUIDField(default=uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_tokens"
    )
    name = models.CharField(
        max_length=TOKEN_NAME_MAX, help_text="What uses it, like 'Nightly report script'."
    )
    shown = models.CharField("starts with", max_length=SHOWN_LENGTH, editable=False)
    hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = AccessTokenQuerySet.as_manager()
    # Made and revoked, by whom and when; not each use (AccessTokenUse keeps those), nor
    # the hash of the secret.
    history = HistoricalRecords(excluded_fields=["hash", "last_used_at"])

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("created_at")),
                name="services_accesstoken_expires_after_created",
                violation_error_message="A token must expire after the time it was made.",
            ),
            models.CheckConstraint(
                condition=~models.Q(name=""),
                name="services_accesstoken_has_name",
                violation_error_message="Give the token a name that says what uses it.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.shown}…)"

    @classmethod
    def create_for(cls, user, name: str, lifetime: Lifetime) -> tuple["AccessToken", str]:
        """A new token and its secret value, which is not kept: show it to the user once."""
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        now = timezone.now()
        token = cls(
            user=user,
            name=name,
            shown=secret[:SHOWN_LENGTH],
            hash=token_hash(secret),
            created_at=now,
            expires_at=now + timedelta(days=int(lifetime)),
        )
        token._change_reason = "Made"
        token.save(force_insert=True)
        return token, secret

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_usable(self) -> bool:
        return not self.is_revoked and not self.is_expired

    def record_use(self, path: str) -> None:
        """Note the use: two small writes, the token's last use and a row of the log. Made
        after the export's response (services.tokens.record_use), which it never fails."""
        now = timezone.now()
        AccessToken.objects.filter(pk=self.pk).update(last_used_at=now)
        AccessTokenUse.objects.create(token=self, used_at=now, path=path[:PATH_MAX])
        self.last_used_at = now


PATH_MAX = 200


class AccessTokenUse(models.Model):
    """One request made with a token: which token, when, and what it fetched."""

    token = models.ForeignKey(AccessToken, on_delete=models.CASCADE, related_name="uses")
    used_at = models.DateTimeField()
    path = models.CharField(max_length=PATH_MAX)

    class Meta:
        ordering = ["-used_at", "-pk"]
        indexes = [models.Index(fields=["token", "-used_at"], name="services_token_use_idx")]

    def __str__(self) -> str:
        return f"{self.token} at {self.used_at:%Y-%m-%d %H:%M}"
