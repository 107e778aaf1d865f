from django.contrib.staticfiles.management.commands.runserver import Command as RunserverCommand
from django.core.management.base import CommandError

from coprod_site.startup import static_files_error


class Command(RunserverCommand):
    """Django's runserver, which refuses to start in production mode (DEBUG=false) before the
    static files are collected, rather than answer 500 on every page."""

    def handle(self, *args, **options):
        if error := static_files_error():
            raise CommandError(error)
        super().handle(*args, **options)
