"""Pages kept in the shared cache, and knowing when the data under them has changed.

The dashboard is worked out from every assessment a user can see: ten queries and a
large template, about forty milliseconds of a server's time (the list of assessments
about thirty, a report about twenty-five). Managers read them far more often than
anyone changes the data, so each is kept, rendered, in the shared cache (the database,
or Redis) and served again until the data changes. What can differ between requests
(access, the page header's sign-out form with its token, messages) stays out of it.

"Until the data changes" is a *generation*: a number in the database
(`coprod_site_datageneration`, one row) that every committed write to the agencies' data
moves on. Triggers on each watched table (`watched_tables`: the `assessments` and
`services` apps' tables and the users') move it inside the writing transaction itself, so
a write and its new generation commit together or not at all, whatever then happens to
the process that made it, and however the write was made: a page, the admin, a command, an
import, `psql`, another program. Each kept page is asked for with one query for the
number, and is kept under a key that holds it, so a page made from older data is never
found again. On PostgreSQL a statement trigger on each watched table leaves, at a
transaction's first write, a row whose deferred trigger moves the number once, at the
commit, so the number's lock is held only while a transaction commits (taking it at the
first write would make every save in every agency wait for the one before, and could
deadlock two of them); until then the transaction sees its own writes, which the
statement trigger also marks (`_seen`) so that its own pages are made afresh. On SQLite
(development) the number moves at each row written, with SQLite's one writer at a time.

Keys carry the installation (`cache_key`), so installations that share one Redis never
serve each other's pages. A cache apart from the database (Redis) can also disagree with
it; `check_cache` says how that is noticed and logged.

A cache that cannot be reached costs speed, not correctness: pages are worked out afresh
and the failure is logged.
"""

import hashlib
import logging
import pickle
import time
import zlib
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connection, connections
from django.shortcuts import render
from django.utils import timezone

logger = logging.getLogger(__name__)

GENERATION_TABLE = "coprod_site_datageneration"
# In a cache apart from the database: the newest generation it has been told of, and when.
MARKER_KEY = "data-generation"
# A kept page cannot outlive its data (its key holds the generation); this only lets the
# pages of past generations make room.
PAGE_SECONDS = 60 * 60
WATCHED_APPS = ("assessments", "services")
# Tables whose writes change nothing any kept page shows: the access tokens' "last used"
# is written on every use of a token.
UNWATCHED_MODELS = ("services.AccessToken", "services.AccessTokenUse")


def watched_tables() -> tuple[str, ...]:
    """The tables whose writes change the data: the one list the triggers follow."""
    unwatched = {apps.get_model(label) for label in UNWATCHED_MODELS}
    models = [
        model
        for label in WATCHED_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    ]
    # People's names appear on kept pages ("Assessed by ..."). Each sign-in writes its
    # time here too, which costs kept pages now and then, never a stale one.
    models.append(apps.get_model(settings.AUTH_USER_MODEL))
    return tuple(
        sorted(
            {
                model._meta.db_table
                for model in models
                if model not in unwatched and model._meta.managed and not model._meta.proxy
            }
        )
    )


# --- The generation, kept by the database --------------------------------------------------


def generation(database=None) -> int:
    """The data's generation, as committed (or as this connection's own transaction has
    moved it, on SQLite)."""
    return _seen(database)[0]


def _seen(database=None) -> tuple[int, str]:
    """The generation, and what this connection's transaction has written since: on
    PostgreSQL, the time of its latest write to a watched table, as its own number moves
    only when it commits; '' when it has written nothing (and always on SQLite, whose
    number moves at each write)."""
    database = database or connection
    written = (
        "COALESCE(current_setting('coprod.written', true), '')"
        if database.vendor == "postgresql"
        else "''"
    )
    with database.cursor() as cursor:
        cursor.execute(f"SELECT value, {written} FROM {GENERATION_TABLE} WHERE id = 1")
        return cursor.fetchone()


def new_generation(database=None, *, past: int = 0) -> int:
    """Move the generation on by hand (past `past`, if that is higher), as a write to a
    watched table would: after a migration that remade tables, or to measure a page
    worked out afresh."""
    with (database or connection).cursor() as cursor:
        cursor.execute(
            f"UPDATE {GENERATION_TABLE} SET value = CASE WHEN value < %s THEN %s "
            "ELSE value + 1 END WHERE id = 1",
            [past, past + 1],
        )
    return generation(database)


def _triggers(database, table: str) -> dict[str, str]:
    """The triggers that watch `table`, by name."""
    name = database.ops.quote_name(table)
    if database.vendor == "postgresql":
        return {
            "coprod_data_written": (
                f"CREATE TRIGGER coprod_data_written AFTER INSERT OR UPDATE OR DELETE ON {name} "
                "FOR EACH STATEMENT EXECUTE FUNCTION coprod_data_written()"
            ),
            "coprod_data_truncated": (
                f"CREATE TRIGGER coprod_data_truncated AFTER TRUNCATE ON {name} "
                "FOR EACH STATEMENT EXECUTE FUNCTION coprod_data_written()"
            ),
        }
    return {
        f"coprod_changed_{table}_{event}": (
            f"CREATE TRIGGER {database.ops.quote_name(f'coprod_changed_{table}_{event}')} "
            f"AFTER {event.upper()} ON {name} BEGIN "
            f"UPDATE {GENERATION_TABLE} SET value = value + 1 WHERE id = 1; END"
        )
        for event in ("insert", "update", "delete")
    }


def _installed_triggers(cursor, vendor: str) -> set[tuple[str, str]]:
    if vendor == "postgresql":
        cursor.execute(
            "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE t.tgname IN ('coprod_data_written', 'coprod_data_truncated') "
            "AND pg_table_is_visible(c.oid)"
        )
    else:
        cursor.execute(
            "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
            ["coprod_changed_%"],
        )
    return set(cursor.fetchall())


def sync_triggers(database=None, tables: tuple[str, ...] | None = None) -> None:
    """Watch exactly `tables` (by default, `watched_tables()`): put in the triggers any
    lacks and take out those on any other table. Two queries when nothing is missing.

    Run after every `migrate` (and `flush`), as a migration may add a watched table or,
    on SQLite, remake one without its triggers; the generation then moves on, as writes
    to a table without them went unseen. Nothing to do before the generation's own
    migration has run."""
    database = database or connection
    if database.vendor not in ("postgresql", "sqlite"):
        raise NotImplementedError(f"No triggers for {database.vendor}: kept pages need them.")
    with database.cursor() as cursor:
        existing = set(database.introspection.table_names(cursor))
        if GENERATION_TABLE not in existing:
            return
        wanted = {
            (table, name): sql
            for table in (watched_tables() if tables is None else tables)
            if table in existing
            for name, sql in _triggers(database, table).items()
        }
        installed = _installed_triggers(cursor, database.vendor)
        for table, name in installed - wanted.keys():
            on = f" ON {database.ops.quote_name(table)}" if database.vendor == "postgresql" else ""
            cursor.execute(f"DROP TRIGGER {database.ops.quote_name(name)}{on}")
        missing = wanted.keys() - installed
        for trigger in sorted(missing):
            cursor.execute(wanted[trigger])
    if missing:
        new_generation(database)


def migration_ended(using="default", **kwargs) -> None:
    """The `post_migrate` signal (sent by `migrate` and `flush`, once for each app)."""
    database = connections[using]
    sync_triggers(database)
    # Worked out now, while migrate has the connection, rather than in a page's request.
    installation_prefix(database)


# --- Which installation --------------------------------------------------------------------

_prefixes: dict[tuple, str] = {}


def installation_prefix(database=None) -> str:
    """Twelve hex digits that name this installation's database, for the cache's keys
    when CACHE_KEY_PREFIX is not set: on PostgreSQL, the cluster's system identifier
    (made by initdb, readable by any user) and the database's name; on SQLite, the
    file's absolute path. Asked of the database once a process."""
    database = database or connection
    settings_dict = database.settings_dict
    where = (database.vendor, settings_dict["NAME"], settings_dict["HOST"], settings_dict["PORT"])
    if where not in _prefixes:
        if database.vendor == "postgresql":
            with database.cursor() as cursor:
                cursor.execute(
                    "SELECT system_identifier, current_database() FROM pg_control_system()"
                )
                identity = repr(cursor.fetchone())
        elif database.vendor == "sqlite" and not database.is_in_memory_db():
            identity = str(Path(settings_dict["NAME"]).resolve())
        else:
            identity = repr(where)
        _prefixes[where] = hashlib.sha256(identity.encode()).hexdigest()[:12]
    return _prefixes[where]


def cache_key(key: str, key_prefix: str, version) -> str:
    """The cache's KEY_FUNCTION: Django's key, with this installation's prefix
    (CACHE_KEY_PREFIX, or `installation_prefix()`)."""
    return f"{key_prefix or installation_prefix()}:{version}:{key}"


# --- A cache apart from the database -------------------------------------------------------

# How far apart the clocks of two app servers may be.
CLOCK_TOLERANCE = 60
# The write time of the newest marker this process has read or written.
_newest_marker: float | None = None


def check_cache(marker, current: int) -> int:
    """Compare the marker a cache apart from the database holds (the newest generation
    it was told of, and when it was told) with the database's generation `current`, and
    return the generation to keep pages under.

    Kept pages are keyed on the database's generation, so a cache restored from an older
    state (or emptied) only holds pages of past generations, which are never found: it
    costs speed, not correctness. It is noticed, and logged once, by the process that
    first reads the marker after it: the marker is older than one this process has
    already seen (by more than CLOCK_TOLERANCE, for servers' clocks), or gone. A process
    started since cannot tell.

    The other way round is not harmless: a marker *ahead* of the database means the
    database went back (restored from a backup, or made anew) while the cache kept
    pages of generations it will now reach again with other data. That is logged, and
    the database's generation is moved past the marker, so those pages are never found.

    The marker is written when the database's generation is newer than it: once a
    generation, by the first request to find it so.
    """
    global _newest_marker
    told, when = marker if marker is not None else (None, None)
    tell = told is None or told < current
    if marker is None and _newest_marker is not None:
        logger.warning(
            "The cache has lost its record of the data's generation: it was emptied or "
            "restored from an older state. Kept pages are worked out again; none is stale."
        )
    elif (
        when is not None and _newest_marker is not None and when < _newest_marker - CLOCK_TOLERANCE
    ):
        logger.warning(
            "The cache went back in time (its record of the data's generation, %s, was "
            "written %.0f s before one already read): it was restored from an older state. "
            "Kept pages are worked out again; none is stale.",
            told,
            _newest_marker - when,
        )
        tell = True  # a new record, so that this is logged once
    if told is not None and told > current:
        logger.warning(
            "The database's data generation (%s) is behind the cache's (%s): the database "
            "was restored or made anew. Moving it past the cache's, so that no page kept "
            "from the data it had then is served.",
            current,
            told,
        )
        current = new_generation(past=told)
        tell = True
    if tell:
        when = time.time()
        cache.set(MARKER_KEY, (current, when), None)
    _newest_marker = max(_newest_marker or 0, when)
    return current


def _cache_apart() -> bool:
    """Whether the cache lives apart from the database (Redis): the database's own
    rolls back with it, and is restored with it."""
    return not isinstance(caches["default"], DatabaseCache)


# --- Kept pages ----------------------------------------------------------------------------


def _page_key(name: str, current: tuple[int, str], parts) -> str:
    # Today's date too: nothing kept says "today" now, but a page that did would be
    # worked out again each day.
    digest = hashlib.sha256(
        repr((build(), current, timezone.localdate(), parts)).encode()
    ).hexdigest()
    return f"page:{name}:{digest}"


def kept_page(name: str, *parts, make):
    """The page `name` for `parts` (who asks, with what filters): as kept, if it was made
    from the current generation of the data; otherwise `make()`, kept for next time.
    `make` returns a dict of the page's rendered parts, which must not hold a form token.

    One query (the generation) and one cache read when the page is kept; keeping it is
    one cache write more. A cache apart from the database is not used inside a
    transaction: a page made there may hold writes that are then rolled back.
    """
    apart = _cache_apart()
    if apart and connection.in_atomic_block:
        return _checked(name, make())
    current, written = _seen()
    key = _page_key(name, (current, written), parts)
    try:
        if apart:
            found = cache.get_many([MARKER_KEY, key])
            kept = found.get(key)
            moved = check_cache(found.get(MARKER_KEY), current)
            if moved != current:  # past the pages kept under `key`
                current, kept = moved, None
                key = _page_key(name, (current, written), parts)
        else:
            kept = cache.get(key)
    except Exception:
        logger.exception("The cache cannot be read: the %s page is worked out afresh.", name)
        return _checked(name, make())
    if kept is not None:
        return pickle.loads(zlib.decompress(kept))
    page = _checked(name, make())
    try:
        # Compressed: a dashboard's 70 KB of HTML keeps in about 10 KB.
        cache.set(key, zlib.compress(pickle.dumps(page), 1), PAGE_SECONDS)
    except Exception:
        logger.exception("The cache cannot be written: the %s page is not kept.", name)
    return page


def _checked(name: str, page: dict) -> dict:
    if any("csrfmiddlewaretoken" in part for part in page.values() if isinstance(part, str)):
        # Another session's form token would refuse every post from the kept page.
        raise ValueError(f"The kept {name} page holds a form token: render its forms outside it.")
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
