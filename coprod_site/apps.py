from django.apps import AppConfig


class CoprodSiteConfig(AppConfig):
    """The site itself: the shared cache's table, and a runserver that will not half-start."""

    name = "coprod_site"
    verbose_name = "Coprod site"
