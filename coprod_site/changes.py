"""Pages kept in the shared cache, and knowing when the data under them has changed.

The dashboard is worked out from every assessment a user can see: ten queries and a
large template, about forty milliseconds of a server's time (the list of assessments
about thirty, a report about twenty-five). Managers read them far more often than
anyone changes the data, so each is kept, rendered, in the shared cache (the database,
or Redis) and served again until the data changes. What can differ between requests
(access, the page header's sign-out form with its token, messages) stays out of it.

"Until the data changes" is a *generation*: a random token in the cache, replaced after
every committed write to the agencies' data. A kept page records the generation it was
made from and is served only while that is still the current one.

Writes are seen where they happen, in the database connection: every INSERT, UPDATE or
DELETE on a table of the `assessments` or `services` apps, or of users, marks the data
changed, however it was made (a model's save, a queryset's `.update()`, a bulk insert, a
cascade, the admin, an import). The new generation is published once the transaction
commits, never before: a page worked out between the write and its commit would
otherwise be kept under the new generation without the write in it. A rolled-back write
publishes nothing. Writes made outside the app (psql, another program) are not seen; a
kept page also expires after PAGE_SECONDS, which bounds how long such a write can go
unshown.

A cache that cannot be reached costs speed, not correctness: pages are worked out afresh
and the failure is logged. A generation that could not be published while the cache was
away is the one case where a kept page may be served from older data, for at most
PAGE_SECONDS after the cache comes back.
"""

import contextlib
import hashlib
import logging
import pickle
import secrets
import zlib
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection, connections, transaction
from django.shortcuts import render
from django.utils import timezone

logger = logging.getLogger(__name__)

GENERATION_KEY = "data-generation"
# How long a kept page may be served at most, whatever the generation says.
PAGE_SECONDS = 10 * 60
WATCHED_APPS = ("assessments", "services")
# Tables whose writes change nothing any kept page shows: the access tokens' "last used"
# is written on every use of a token.
UNWATCHED_MODELS = ("services.AccessToken", "services.AccessTokenUse")
WRITES = ("INSERT", "UPDATE", "DELETE", "TRUNCATE")


def watched_tables() -> tuple[str, ...]:
    """The names of the tables whose writes change the data, in lower case. Searched for
    unquoted in a statement, so that hand-written SQL is seen too; a table whose name
    holds a watched one also counts, which costs a kept page, never a stale one."""
    unwatched = {apps.get_model(label) for label in UNWATCHED_MODELS}
    models = [model for label in WATCHED_APPS for model in apps.get_app_config(label).get_models()]
    # People's names appear on kept pages ("Assessed by ..."). Each sign-in writes its
    # time here too, which costs kept pages now and then, never a stale one.
    models.append(apps.get_model(settings.AUTH_USER_MODEL))
    return tuple(sorted(model._meta.db_table.lower() for model in models if model not in unwatched))


class WriteWatcher:
    """An execute wrapper (`connection.execute_wrappers`) that marks the data changed on
    every write to a watched table. It looks at the start of each statement and, for a
    write, searches it for the watched tables' names: microseconds a query.

    Nothing is published from inside a statement: its results may not be read yet (an
    INSERT's RETURNING row), and the cache may share its connection. A write in a
    transaction is published when the transaction commits; one outside a transaction,
    before the connection's next statement or, in a request, before its response leaves
    (`publish_changes`), or when the process ends (`publish_at_exit`), whichever comes
    first."""

    def __init__(self, tables: tuple[str, ...]):
        self.tables = tables

    def __call__(self, execute, sql, params, many, context):
        database = context["connection"]
        if not database.in_atomic_block:
            publish(database)
        result = execute(sql, params, many, context)
        if not _migrating and sql.lstrip()[:8].upper().startswith(WRITES):
            statement = sql.lower()
            if any(table in statement for table in self.tables):
                data_changed(database)
        return result


# While `migrate` runs, the cache's own table may not be there yet: its writes are not
# watched one by one, and a new generation is published when it ends.
_migrating = False


def migration_starts(**kwargs) -> None:
    """The `pre_migrate` signal."""
    global _migrating
    _migrating = True


def migration_ended(**kwargs) -> None:
    """The `post_migrate` signal: a migration may have changed any data."""
    global _migrating
    _migrating = False
    # A migrate of some apps only may run before the cache's table exists.
    with contextlib.suppress(DatabaseError):
        cache.set(GENERATION_KEY, secrets.token_hex(8), None)


def watch_writes(sender, connection, **kwargs) -> None:
    """On each new database connection (the `connection_created` signal)."""
    if not any(isinstance(wrapper, WriteWatcher) for wrapper in connection.execute_wrappers):
        connection.execute_wrappers.append(WriteWatcher(watched_tables()))


def data_changed(database) -> None:
    """Mark the data changed. In a transaction, a new generation is published once it
    commits (the first of its writes' callbacks publishes, the others find it done; a
    rollback drops them all). Outside one, see WriteWatcher."""
    if database.in_atomic_block:
        database.coprod_committing = True
        transaction.on_commit(lambda: _committed(database), using=database.alias, robust=True)
    else:
        database.coprod_unpublished = True


def _committed(database) -> None:
    if database.coprod_committing:
        database.coprod_committing = False
        new_generation()


def publish(database=None) -> None:
    """Publish a new generation if a write made outside a transaction is waiting."""
    database = database or connection
    if getattr(database, "coprod_unpublished", False):
        # Cleared first: the cache's own statements come back through the watcher.
        database.coprod_unpublished = False
        new_generation()


def publish_at_exit() -> None:
    """At the end of a command or script (registered with `atexit`): its writes made
    outside a transaction after its last statement."""
    for database in connections.all(initialized_only=True):
        publish(database)


def new_generation() -> None:
    try:
        cache.set(GENERATION_KEY, secrets.token_hex(8), None)
    except Exception:  # the write is committed: failing its request now helps nobody
        logger.exception(
            "Could not publish a change of the data to the cache: kept pages may show "
            "data up to %d minutes old once it is back.",
            PAGE_SECONDS // 60,
        )


def publish_changes(get_response):
    """Middleware: a request's writes are published before its response leaves, so the
    next page anyone asks for, from any server, is worked out from them."""

    def middleware(request):
        response = get_response(request)
        publish()
        return response

    return middleware


def _page_key(name: str, *parts) -> str:
    # Today's date too: nothing kept says "today" now, but a page that did would be
    # worked out again each day.
    digest = hashlib.sha256(repr((build(), timezone.localdate(), parts)).encode()).hexdigest()
    return f"page:{name}:{digest}"


def kept_page(name: str, *parts, make):
    """The page `name` for `parts` (who asks, with what filters): as kept, if it was made
    from the current generation of the data; otherwise `make()`, kept for next time.
    `make` returns a dict of the page's rendered parts, which must not hold a form token.

    One cache read (the generation and the page together) when the page is kept; two
    more (a new generation, if the cache has lost it, and keeping the page) when not.
    """
    key = _page_key(name, *parts)
    publish()  # this connection's own writes, if any are waiting
    try:
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        if generation is None:
            # The cache lost it (or never had it): a new one, which no page was made from.
            cache.add(GENERATION_KEY, secrets.token_hex(8), None)
            generation = cache.get(GENERATION_KEY)
    except Exception:
        logger.exception("The cache cannot be read: the %s page is worked out afresh.", name)
        return make()
    kept = found.get(key)
    if kept is not None and kept[0] == generation:
        return pickle.loads(zlib.decompress(kept[1]))
    page = make()
    if any("csrfmiddlewaretoken" in part for part in page.values() if isinstance(part, str)):
        # Another session's form token would refuse every post from the kept page.
        raise ValueError(f"The kept {name} page holds a form token: render its forms outside it.")
    try:
        # Compressed: a dashboard's 70 KB of HTML keeps in about 10 KB.
        cache.set(key, (generation, zlib.compress(pickle.dumps(page), 1)), PAGE_SECONDS)
    except Exception:
        logger.exception("The cache cannot be written: the %s page is not kept.", name)
    return page


def render_kept(request, template: str, name: str, *parts, make, context=None):
    """Render `template` around the page `name` kept for this user and address (and
    `parts`), with `context`. `make` must also give the page header's agencies
    ("header_agencies"), which then need no query of their own."""
    page = kept_page(name, request.user.pk, *parts, request.GET.urlencode(), make=make)
    request.header_agencies = page["header_agencies"]
    return render(request, template, {**(context or {}), **page})


_build = None


def build() -> str:
    """A digest of the code and templates this server runs, so that a kept page is never
    served by a release other than the one that made it. Worked out once a process."""
    global _build
    if _build is None:
        digest = hashlib.sha256()
        base = Path(settings.BASE_DIR)
        sources = [
            *base.glob("templates/**/*.html"),
            *(
                path
                for app in (*WATCHED_APPS, "coprod_site")
                for path in base.glob(f"{app}/**/*.py")
            ),
        ]
        # In production, the names of the collected static files (with their hashes).
        manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
        named = [(str(path.relative_to(base)), path) for path in sorted(sources)]
        if manifest.exists():
            named.append((manifest.name, manifest))
        for name, path in named:
            digest.update(name.encode())
            digest.update(path.read_bytes())
        _build = digest.hexdigest()[:16]
    return _build
