from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save, pre_save


def keep_curators_permissions(sender, **kwargs):
    """After each migrate, put an existing "Case curators" group back to exactly the
    curators' permissions, so rights added by a release (importing and exporting cases,
    say) reach databases made before it. Permissions are created by Django's own
    post_migrate handler, so this runs after every app has migrated."""
    from django.contrib.auth.models import Group
    from django.db import connections

    from services.curators import CASE_CURATORS, case_curators_group

    using = kwargs.get("using", "default")
    # A migrate of some apps only (`migrate coprod_site`) may run before auth's tables exist.
    if Group._meta.db_table not in connections[using].introspection.table_names():
        return
    if Group.objects.using(using).filter(name=CASE_CURATORS).exists():
        case_curators_group()


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = "Agencies, services and cases"

    def ready(self):
        # For this app's own signal, after auth's handler (connected earlier, as auth comes
        # first in INSTALLED_APPS) has made this app's permissions.
        post_migrate.connect(
            keep_curators_permissions, sender=self, dispatch_uid="services.curators"
        )
        from django.contrib.auth import get_user_model
        from django.core.signals import request_finished, request_started
        from django.db.models.signals import post_delete

        from services import access, signals
        from services.models import Membership

        # The user's agencies, read once a request (`access.user_agencies`).
        request_started.connect(access.request_started, dispatch_uid="services.access")
        request_finished.connect(access.request_ended, dispatch_uid="services.access")
        for signal in (post_save, post_delete):
            signal.connect(
                access.memberships_changed, sender=Membership, dispatch_uid="services.access"
            )

        user_model = get_user_model()
        pre_save.connect(
            signals.note_password_change, sender=user_model, dispatch_uid="services.password"
        )
        post_save.connect(
            signals.revoke_tokens_on_password_change,
            sender=user_model,
            dispatch_uid="services.password",
        )
