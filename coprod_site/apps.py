import atexit

from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate, pre_migrate


class CoprodSiteConfig(AppConfig):
    """The site itself: the shared cache's table, a runserver that will not half-start, and
    the watch on writes that tells kept pages the data has changed (`changes.py`)."""

    name = "coprod_site"
    verbose_name = "Coprod site"

    def ready(self):
        from django import forms

        from coprod_site import changes
        from coprod_site.text import readable_text

        # One rule for every text box in every form, ours, crispy's and the admin's: no
        # characters that reverse the text's direction, and nothing given that no one can
        # read. A class default, so no form can forget it.
        if readable_text not in forms.CharField.default_validators:
            forms.CharField.default_validators = [
                *forms.CharField.default_validators,
                readable_text,
            ]

        connection_created.connect(changes.watch_writes, dispatch_uid="coprod_site.changes")
        pre_migrate.connect(changes.migration_starts, dispatch_uid="coprod_site.changes")
        post_migrate.connect(changes.migration_ended, dispatch_uid="coprod_site.changes")
        atexit.register(changes.publish_at_exit)
