from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate


class CoprodSiteConfig(AppConfig):
    """The site itself: the shared cache's table, a runserver that will not half-start, the
    triggers that tell kept pages the data has changed (`changes.py`, kept right after every
    migrate), and one rule for every text box."""

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

        pre_migrate.connect(changes.migration_starting, dispatch_uid="coprod_site.changes")
        post_migrate.connect(changes.migration_ended, dispatch_uid="coprod_site.changes")
