"""A changed password revokes the user's access tokens (connected in ServicesConfig.ready).

Whoever learnt the old password may have made a token with it, and a token outlives the
password that made it otherwise. Django sends no signal for a password change, so the
stored hash is compared before each save of a user that may change it. A hash that changes
for the same password (Django upgrading its hasher at a sign-in) is not a change.
"""

import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password

log = logging.getLogger(__name__)


def note_password_change(sender, instance, update_fields=None, **kwargs):
    """pre_save of the user model: mark a user whose password is about to change."""
    if instance.pk is None or (update_fields is not None and "password" not in update_fields):
        return
    stored = (
        get_user_model().objects.filter(pk=instance.pk).values_list("password", flat=True).first()
    )
    if stored is None or stored == instance.password:
        return
    new_password = getattr(instance, "_password", None)  # kept by set_password until saved
    if new_password is not None and check_password(new_password, stored):
        return  # the same password, hashed anew
    instance._password_changed = True


def revoke_tokens_on_password_change(sender, instance, created=False, **kwargs):
    """post_save of the user model: revoke their tokens once the new password is saved."""
    if not getattr(instance, "_password_changed", False):
        return
    instance._password_changed = False
    revoked = instance.access_tokens.revoke("Revoked: the owner's password changed")
    if revoked:
        log.info(
            "Revoked %d access token(s) of user id %s: their password changed",
            revoked,
            instance.pk,
        )
