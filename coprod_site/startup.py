"""How the app stops when it cannot run: one line on stderr that says what to do, not a
traceback. Used by manage.py, the WSGI entry point and runserver."""

import sys

from django.core.exceptions import ImproperlyConfigured

# gunicorn stops when a worker exits with this code ("App failed to load"); on any other
# code it starts the worker again, and again.
GUNICORN_APP_LOAD_ERROR = 4


def stop(error: Exception | str, code: int):
    print(f"Configuration error: {error}", file=sys.stderr, flush=True)
    sys.exit(code)


def read_settings_or_stop(code: int) -> None:
    """Read the settings now, as they come from the environment and refuse bad values."""
    from django.conf import settings

    try:
        settings.INSTALLED_APPS  # noqa: B018 (reading it loads the settings)
    except ImproperlyConfigured as error:
        stop(error, code)


def static_files_error() -> str | None:
    """Why production mode cannot serve pages yet, or None. Whitenoise serves only collected
    static files when DEBUG is off, so without them every page answers 500."""
    from coprod_site.views import static_files_problem

    if static_files_problem():
        return (
            "Static files have not been collected: run "
            "`manage.py collectstatic --noinput` before starting with DEBUG=false."
        )
    return None
