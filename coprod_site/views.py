import logging
import threading

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.core.cache import cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.db import DatabaseError, connection, connections, transaction
from django.http import HttpResponse
from django.shortcuts import render, resolve_url
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from coprod_site.glossary import GLOSSARY
from services.models import Membership

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


# How long the cache may take to answer before /healthz calls it broken: a page makes a
# few cache calls, and a load balancer waits a few seconds.
CACHE_PROBE_SECONDS = 2
CACHE_PROBE_KEY = "healthz-probe"
_cache_probe_lock = threading.Lock()
_cache_probe: threading.Thread | None = None


def _probe_cache(outcome: dict) -> None:
    try:
        cache.get(CACHE_PROBE_KEY)
        outcome["answered"] = True
    except Exception as error:  # every backend fails in its own words: all mean "broken"
        outcome["error"] = error
    finally:
        # The thread's own database connection, when the cache is the database's.
        connections.close_all()


def _database_cache_problem() -> str | None:
    """The database's cache, asked in the request's own connection with the database told
    to give up waiting for a lock after CACHE_PROBE_SECONDS (SQLite waits its own busy
    timeout): no thread, so no second connection to contend with the first."""
    try:
        with transaction.atomic(using=connection.alias):
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL lock_timeout = %s", [f"{CACHE_PROBE_SECONDS}s"])
            cache.get(CACHE_PROBE_KEY)
    except Exception as error:  # a lock waited out, a table gone: the cache is broken
        log.warning("Health check: the cache failed: %s", error)
        return "cache unavailable"
    return None


def cache_problem() -> str | None:
    """Why the cache cannot be used, or None. A locked cache table, or a Redis that stopped
    answering, makes every page wait rather than fail, so the cache is given
    CACHE_PROBE_SECONDS to answer: the database's cache through a lock timeout, any other
    in a thread of its own. Asked, not written to: the database's cache lets a failed write
    pass without a word, so a write would prove nothing, and it would queue behind the
    pages' own writes. A probe still waiting from an earlier check is not joined by
    another."""
    if isinstance(caches["default"], DatabaseCache):
        return _database_cache_problem()
    global _cache_probe
    outcome: dict = {}
    with _cache_probe_lock:
        if _cache_probe is not None and _cache_probe.is_alive():
            return "cache: an earlier check is still waiting for an answer"
        _cache_probe = threading.Thread(
            target=_probe_cache, args=(outcome,), name="healthz-cache", daemon=True
        )
        _cache_probe.start()
    _cache_probe.join(CACHE_PROBE_SECONDS)
    if "error" in outcome:
        log.warning("Health check: the cache failed: %s", outcome["error"])
        return "cache unavailable"
    if not outcome:
        return f"cache: no answer within {CACHE_PROBE_SECONDS} seconds"
    return None


@login_not_required
@never_cache
@require_safe
def healthz(request):
    """200 "ok" when the app can serve pages and save; 503 with the reasons on one line
    otherwise ("database cannot be written: saves would fail; cache unavailable"), for load
    balancers and whoever reads their logs."""
    database = database_problem()
    # A database that does not answer takes its cache with it: say the cause once.
    broken_with_it = database == "database unavailable" and isinstance(
        caches["default"], DatabaseCache
    )
    cache_part = None if broken_with_it else cache_problem()
    problems = [problem for problem in (database, cache_part, static_files_problem()) if problem]
    if problems:
        return HttpResponse("; ".join(problems), status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


@login_not_required
def csrf_failure(request, reason=""):
    """A form sent without a valid form token (settings.CSRF_FAILURE_VIEW): in the site's
    own page and plain words, not Django's, whose inline style our policy blocks. The
    reason goes to the log (django.security.csrf), not to the page."""
    return render(request, "403_csrf.html", status=403)


@login_not_required
@require_safe
def help_page(request):
    """The glossary: every term Coprod uses, in plain words; hints link to its entries."""
    return render(request, "help.html", {"glossary": GLOSSARY})


class SignInView(auth_views.LoginView):
    """Django's sign-in, landing where the user's work is: a curator who belongs to no
    agency has no dashboard to read, so lands on the case library. A `next` address
    still wins."""

    def get_default_redirect_url(self):
        user = self.request.user
        curates = user.has_perm("services.change_caseexample")
        if curates and not Membership.objects.filter(user=user).exists():
            return resolve_url("cases:list")
        return super().get_default_redirect_url()
