import logging

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.db import DatabaseError, connection, transaction
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from coprod_site.glossary import GLOSSARY

log = logging.getLogger(__name__)

# A write every database of the app accepts while it works: a row of Django's own table of
# applied migrations, which always has one, set to what it is, then rolled back.
WRITE_PROBE = (
    "UPDATE django_migrations SET applied = applied "
    "WHERE id = (SELECT MIN(id) FROM django_migrations)"
)


def database_problem() -> str | None:
    """Why the database cannot be used, or None. It must accept a write: a read-only file,
    replica or transaction still answers queries, while every save fails. The reason is
    short and general, as anyone may read it; the database's own words go to the log."""
    try:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute(WRITE_PROBE)
            transaction.set_rollback(True, using=connection.alias)
        return None
    except DatabaseError as error:
        log.warning("Health check: the database refused a write: %s", error)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return "database unavailable"
    return "database cannot be written: saves would fail"


def static_files_problem() -> str | None:
    """In production, the manifest of the collected static files must be there, or every
    page that names a static file fails."""
    if settings.DEBUG or not isinstance(staticfiles_storage, ManifestFilesMixin):
        return None
    if not staticfiles_storage.exists(staticfiles_storage.manifest_name):
        return "static files not collected: run collectstatic"
    return None


@login_not_required
@never_cache
@require_safe
def healthz(request):
    """200 "ok" when the app can serve pages and save; 503 with the reason on one line
    otherwise, for load balancers and whoever reads their logs."""
    problem = database_problem() or static_files_problem()
    if problem:
        return HttpResponse(problem, status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


@login_not_required
@require_safe
def help_page(request):
    """The glossary: every term Coprod uses, in plain words; hints link to its entries."""
    return render(request, "help.html", {"glossary": GLOSSARY})
