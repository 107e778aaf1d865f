import os

import django
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

from coprod_site.startup import GUNICORN_APP_LOAD_ERROR, static_files_error, stop

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coprod_site.settings")

# A mistake in the configuration, or production mode without its static files, stops the
# server at start-up with one line, rather than a traceback or a server that answers 500.
try:
    django.setup(set_prefix=False)
    if error := static_files_error():
        raise ImproperlyConfigured(error)
except ImproperlyConfigured as error:
    stop(error, GUNICORN_APP_LOAD_ERROR)

application = get_wsgi_application()
