"""Pages kept in the shared cache, and knowing when the data under them has changed.

The dashboard is worked out from every assessment a user can see: ten queries and a
large template, about forty milliseconds of a server's time (the list of assessments
about thirty, a report about twenty-five). Managers read them far more often than
anyone changes the data, so each is kept, rendered, in the shared cache (the database,
or Redis) and served again until the data changes. What can differ between requests
(access, the page header's sign-out form with its token, messages) stays out of it.

"Until the data changes" is a *generation*: a number in the database that every
committed write under it moves on. There is one for each agency
(`coprod_site_agencygeneration`, a row an agency, made at its first write) and one for
what every agency shares (`coprod_site_datageneration`, one row: case examples, reference
values, the price index, people's names). A kept page is kept under the shared number and
the numbers of each agency of the user who asked, with their role in each; so a write in
one agency leaves every other agency's pages kept, a user of several agencies sees a
change in any of them, and a membership added, removed or changed gives its user pages of
their own at once (docs/architecture.md).

Triggers on each watched table (`watched_tables`: the `assessments` and `services` apps'
tables and the users') move the numbers inside the writing transaction itself, so a
write and its new generation commit together or not at all, whatever then happens to
the process that made it, and however the write was made: a page, the admin, a command,
an import, `psql`, another program. Each table's rows name their agency
(`agency_route`): on the row (`agency_id`, or an agency's own `id`) or through its parent
(an option's effects through the option, a survey's answers through the survey and its
assessment); a table whose rows name none (case examples, users) moves the shared number,
and so does a row whose agency cannot be found. Each kept page is asked for with one
query, for the numbers and the user's agencies, which it leaves for the access checks
(`services.access`), and is kept under a key that holds them, so a page made from older
data is never found again.

On PostgreSQL a statement trigger on each watched table notes the agencies its rows
belong to (from the statement's transition tables) and, at a transaction's first write,
leaves a row whose deferred trigger moves the noted numbers once, at the commit, in the
agencies' order and the shared one last: a number's lock is held only while a
transaction commits (taking it at the first write would make every save in an agency
wait for the one before, and could deadlock two of them), and two commits take them in
one order, so they cannot deadlock each other. Until then the transaction sees its own
writes, which the statement trigger also marks (`_seen`) so that its own pages are made
afresh. On SQLite (development) the numbers move at each row written, with SQLite's one
writer at a time.

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
AGENCY_GENERATION_TABLE = "coprod_site_agencygeneration"
# In a cache apart from the database: the newest generation it has been told of, and when.
MARKER_KEY = "data-generation"
# A kept page cannot outlive its data (its key holds the generation); this only lets the
# pages of past generations make room.
PAGE_SECONDS = 60 * 60
WATCHED_APPS = ("assessments", "services")
# Tables whose writes change nothing any kept page shows: the access tokens' "last used"
# is written on every use of a token.
UNWATCHED_MODELS = ("services.AccessToken", "services.AccessTokenUse")
# The users' columns a sign-in writes, and nothing kept shows.
UNWATCHED_USER_COLUMNS = ("last_login",)
# The parents through which a row finds its agency, in the order they are tried.
PARENTS = ("assessment", "option", "survey", "outcome", "service")


def _watched_models() -> list:
    unwatched = {apps.get_model(label) for label in UNWATCHED_MODELS}
    models = [
        model
        for label in WATCHED_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    ]
    # People's names appear on kept pages ("Assessed by ..."). A sign-in writes only its
    # time (`UNWATCHED_USER_COLUMNS`), which moves nothing.
    models.append(apps.get_model(settings.AUTH_USER_MODEL))
    return [
        model
        for model in models
        if model not in unwatched and model._meta.managed and not model._meta.proxy
    ]


def watched_tables() -> tuple[str, ...]:
    """The tables whose writes change the data: the one list the triggers follow."""
    return tuple(sorted({model._meta.db_table for model in _watched_models()}))


def agency_route(model) -> tuple[str, tuple[tuple[str, str, str], ...]] | None:
    """How a row of `model` names its agency: the row's column, and the tables it leads
    through, each as (table, its key column, the column that leads on), the last one's
    column being the agency's id. None for a table whose rows belong to no agency.

    An agency's own row names itself (its history's rows too); a row with an `agency`
    names it; any other follows its parent (`PARENTS`): a survey's answers lead through
    the survey to its assessment, whose row holds its agency."""
    agency = apps.get_model("services", "Agency")
    if getattr(model, "instance_type", model) is agency:  # its history's rows too
        return model._meta.get_field("id").column, ()
    fields = {field.name: field for field in model._meta.concrete_fields}
    own = fields.get("agency")
    if own is not None and own.is_relation and own.related_model is agency:
        return own.column, ()
    for name in PARENTS:
        field = fields.get(name)
        if field is None or not field.is_relation or field.related_model is None:
            continue
        parent = field.related_model
        found = agency_route(parent)
        if found is not None:
            column, hops = found
            return field.column, ((parent._meta.db_table, parent._meta.pk.column, column), *hops)
    return None


def _models_by_table() -> dict:
    return {model._meta.db_table: model for model in _watched_models()}


# --- The generations, kept by the database -------------------------------------------------


def generation(database=None) -> int:
    """The shared generation (of what every agency sees), as committed (or as this
    connection's own transaction has moved it, on SQLite)."""
    return _seen(database)[0]


def agency_generation(agency_id: int, database=None) -> int:
    """An agency's generation: 0 before its first write."""
    with (database or connection).cursor() as cursor:
        cursor.execute(
            f"SELECT value FROM {AGENCY_GENERATION_TABLE} WHERE agency_id = %s", [agency_id]
        )
        row = cursor.fetchone()
    return row[0] if row else 0


def _written(database) -> str:
    return (
        "COALESCE(current_setting('coprod.written', true), '')"
        if database.vendor == "postgresql"
        else "''"
    )


def _seen(database=None) -> tuple[int, str]:
    """The shared generation, and what this connection's transaction has written since:
    on PostgreSQL, the time of its latest write to a watched table, as its own numbers
    move only when it commits; '' when it has written nothing (and always on SQLite,
    whose numbers move at each write)."""
    database = database or connection
    with database.cursor() as cursor:
        cursor.execute(f"SELECT value, {_written(database)} FROM {GENERATION_TABLE} WHERE id = 1")
        return cursor.fetchone()


def generations(user_id, *, total: bool = False, database=None):
    """In one query: the shared generation, what this transaction has written (`_seen`),
    and the user's agencies, each as (agency id, role, name, slug, generation), by name;
    with `total`, the sum of every generation in the installation as well (for a cache
    apart from the database, `check_cache`), else 0."""
    database = database or connection
    membership = apps.get_model("services", "Membership")._meta.db_table
    agency = apps.get_model("services", "Agency")._meta.db_table
    everything = (
        f"value + (SELECT COALESCE(SUM(value), 0) FROM {AGENCY_GENERATION_TABLE})" if total else "0"
    )
    with database.cursor() as cursor:
        cursor.execute(
            f"SELECT 0 AS kind, NULL AS agency_id, {_written(database)} AS role, "
            f"'' AS name, '' AS slug, value, {everything} AS total "
            f"FROM {GENERATION_TABLE} WHERE id = 1 "
            "UNION ALL "
            "SELECT 1, m.agency_id, m.role, a.name, a.slug, COALESCE(g.value, 0), 0 "
            f"FROM {membership} m JOIN {agency} a ON a.id = m.agency_id "
            f"LEFT JOIN {AGENCY_GENERATION_TABLE} g ON g.agency_id = m.agency_id "
            "WHERE m.user_id = %s ORDER BY kind, name",
            [user_id],
        )
        (_, _, written, _, _, shared, everything), *rows = cursor.fetchall()
    return shared, written, tuple(row[1:6] for row in rows), int(everything)


def new_generation(database=None, *, past: int = 0) -> int:
    """Move the shared generation on by hand (past `past`, if that is higher): every kept
    page depends on it, so after a migration that remade tables, or to measure a page
    worked out afresh, or past the pages a cache kept of a database since restored."""
    with (database or connection).cursor() as cursor:
        cursor.execute(
            f"UPDATE {GENERATION_TABLE} SET value = CASE WHEN value < %s THEN %s "
            "ELSE value + 1 END WHERE id = 1",
            [past, past + 1],
        )
    return generation(database)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:8]


def _postgresql_agencies(route) -> str:
    """The SELECT of each row's agency from the transition table `%1$I`, for `format`."""
    column, hops = route
    joins, agency = "", f"r.{column}"
    for number, (table, key, onward) in enumerate(hops):
        joins += f" LEFT JOIN {table} h{number} ON h{number}.{key} = {agency}"
        agency = f"h{number}.{onward}"
    return f"SELECT {agency} FROM %1$I r{joins}"


def _sqlite_agency(route, row: str) -> str:
    """The agency of the trigger's row `row` (NEW or OLD), as an SQLite expression."""
    column, hops = route
    agency = f"{row}.{column}"
    for table, key, onward in hops:
        agency = f"(SELECT {onward} FROM {table} WHERE {key} = {agency})"
    return agency


def _triggers(database, table: str) -> dict[str, str]:
    """The triggers that watch `table`, by name. A name ends with a digest of what it does,
    so that a trigger whose work changes (a table that gains an agency) is replaced."""
    name = database.ops.quote_name(table)
    model = _models_by_table().get(table)
    route = agency_route(model) if model is not None else None
    events = {"insert": "INSERT", "update": "UPDATE", "delete": "DELETE"}
    if model is not None and model is apps.get_model(settings.AUTH_USER_MODEL):
        # A new user shows on no page until they write in an agency, and a sign-in
        # writes only its time: a name changed, or a user deleted, is what shows.
        del events["insert"]
        events["update"] = "UPDATE OF " + ", ".join(
            field.column
            for field in model._meta.concrete_fields
            if field.column not in UNWATCHED_USER_COLUMNS
        )
    if database.vendor == "postgresql":
        if route is None:
            written = " OR ".join(events.values())
            return {
                f"coprod_watch_written_{_digest(written)}": (
                    f"CREATE TRIGGER coprod_watch_written_{_digest(written)} AFTER {written} "
                    f"ON {name} "
                    "FOR EACH STATEMENT EXECUTE FUNCTION coprod_data_written()"
                ),
                "coprod_watch_truncated": (
                    f"CREATE TRIGGER coprod_watch_truncated AFTER TRUNCATE ON {name} "
                    "FOR EACH STATEMENT EXECUTE FUNCTION coprod_data_written()"
                ),
            }
        agencies = _postgresql_agencies(route)
        tables = {
            "insert": "NEW TABLE AS new_rows",
            "update": "NEW TABLE AS new_rows OLD TABLE AS old_rows",
            "delete": "OLD TABLE AS old_rows",
        }
        triggers = {
            f"coprod_watch_{event}_{_digest(agencies)}": (
                f"CREATE TRIGGER coprod_watch_{event}_{_digest(agencies)} AFTER {event.upper()} "
                f"ON {name} REFERENCING {transition} FOR EACH STATEMENT "
                f"EXECUTE FUNCTION coprod_data_written('{agencies}')"
            )
            for event, transition in tables.items()
        }
        # No transition table: a table emptied moves the shared number, on which every
        # page depends.
        triggers["coprod_watch_truncated"] = (
            f"CREATE TRIGGER coprod_watch_truncated AFTER TRUNCATE ON {name} "
            "FOR EACH STATEMENT EXECUTE FUNCTION coprod_data_written()"
        )
        return triggers
    if route is None:
        shared = f"UPDATE {GENERATION_TABLE} SET value = value + 1 WHERE id = 1;"
        moves = dict.fromkeys(events, shared)
    else:
        moves = {}
        for event, rows in (("insert", ["NEW"]), ("update", ["OLD", "NEW"]), ("delete", ["OLD"])):
            found = [_sqlite_agency(route, row) for row in rows]
            moves[event] = (
                "".join(
                    f"INSERT OR IGNORE INTO {AGENCY_GENERATION_TABLE} (agency_id, value) "
                    f"SELECT {agency}, 0 WHERE {agency} IS NOT NULL; "
                    for agency in found
                )
                + f"UPDATE {AGENCY_GENERATION_TABLE} SET value = value + 1 "
                f"WHERE agency_id IN ({', '.join(found)}); "
                f"UPDATE {GENERATION_TABLE} SET value = value + 1 WHERE id = 1 "
                f"AND ({' OR '.join(f'{agency} IS NULL' for agency in found)});"
            )
    triggers = {}
    for event, body in moves.items():
        when = events[event]
        trigger = f"coprod_changed_{table}_{event}_{_digest(when + body)}"
        triggers[trigger] = (
            f"CREATE TRIGGER {database.ops.quote_name(trigger)} AFTER {when} ON {name} "
            f"BEGIN {body} END"
        )
    return triggers


def _installed_triggers(cursor, vendor: str) -> set[tuple[str, str]]:
    if vendor == "postgresql":
        cursor.execute(
            "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE t.tgname LIKE %s AND pg_table_is_visible(c.oid)",
            ["coprod\\_watch\\_%"],
        )
    else:
        cursor.execute(
            "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
            ["coprod_changed_%"],
        )
    return set(cursor.fetchall())


def sync_triggers(database=None, tables: tuple[str, ...] | None = None) -> None:
    """Watch exactly `tables` (by default, `watched_tables()`): put in the triggers any
    lacks and take out those on any other table, or no longer wanted. Two queries when
    nothing is missing.

    Run after every `migrate` (and `flush`), as a migration may add a watched table or,
    on SQLite, remake one without its triggers; the shared generation then moves on, as
    writes to a table without them went unseen. Nothing to do before the generations'
    own migrations have run."""
    database = database or connection
    if database.vendor not in ("postgresql", "sqlite"):
        raise NotImplementedError(f"No triggers for {database.vendor}: kept pages need them.")
    with database.cursor() as cursor:
        existing = set(database.introspection.table_names(cursor))
        if not {GENERATION_TABLE, AGENCY_GENERATION_TABLE} <= existing:
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


def drop_triggers(database=None) -> None:
    """Take out every trigger that watches a table (`sync_triggers` puts them back)."""
    database = database or connection
    with database.cursor() as cursor:
        for table, name in _installed_triggers(cursor, database.vendor):
            on = f" ON {database.ops.quote_name(table)}" if database.vendor == "postgresql" else ""
            cursor.execute(f"DROP TRIGGER {database.ops.quote_name(name)}{on}")


def migration_starting(using="default", **kwargs) -> None:
    """The `pre_migrate` signal. On SQLite, where Django alters a table by making it anew
    under another name, a trigger that names a table being remade (as those that find a
    row's agency through its parent do) stops the renaming: they are taken out for the
    migrate, and put back after it (`migration_ended`)."""
    database = connections[using]
    if database.vendor == "sqlite":
        drop_triggers(database)


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
    """Compare the marker a cache apart from the database holds (the newest total of the
    generations it was told of, and when it was told) with the database's total `current`
    (the shared generation and every agency's, added up: it grows with every committed
    write in the installation), and return the total to keep pages under.

    Kept pages are keyed on the database's generations, so a cache restored from an older
    state (or emptied) only holds pages of past generations, which are never found: it
    costs speed, not correctness. It is noticed, and logged once, by the process that
    first reads the marker after it: the marker is older than one this process has
    already seen (by more than CLOCK_TOLERANCE, for servers' clocks), or gone. A process
    started since cannot tell.

    The other way round is not harmless: a marker *ahead* of the database means the
    database went back (restored from a backup, or made anew) while the cache kept
    pages of generations it will now reach again with other data. That is logged, and
    the shared generation, on which every page depends, is moved past the marker (so past
    any shared generation a kept page's key holds: none exceeds a total told), so those
    pages are never found.

    The marker is written when the database's total is newer than it: once a generation,
    by the first request to find it so.
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
        new_generation(past=told)
        current = _total()
        tell = True
    if tell:
        when = time.time()
        cache.set(MARKER_KEY, (current, when), None)
    _newest_marker = max(_newest_marker or 0, when)
    return current


def _total(database=None) -> int:
    """Every generation of the installation, added up (`check_cache`)."""
    with (database or connection).cursor() as cursor:
        cursor.execute(
            f"SELECT value + (SELECT COALESCE(SUM(value), 0) FROM {AGENCY_GENERATION_TABLE}) "
            f"FROM {GENERATION_TABLE} WHERE id = 1"
        )
        return int(cursor.fetchone()[0])  # a SUM: numeric, on PostgreSQL


def _cache_apart() -> bool:
    """Whether the cache lives apart from the database (Redis): the database's own
    rolls back with it, and is restored with it."""
    return not isinstance(caches["default"], DatabaseCache)


# --- Kept pages ----------------------------------------------------------------------------


def _page_key(name: str, current: tuple, parts) -> str:
    # Today's date too: nothing kept says "today" now, but a page that did would be
    # worked out again each day.
    digest = hashlib.sha256(
        repr((build(), current, timezone.localdate(), parts)).encode()
    ).hexdigest()
    return f"page:{name}:{digest}"


def kept_page(name: str, *parts, make, user=None):
    """The page `name` for `parts` (who asks, with what filters): as kept, if it was made
    from the current generations of the data; otherwise `make()`, kept for next time.
    `make` returns a dict of the page's rendered parts, which must not hold a form token.

    With `user`, the page depends on the shared generation and on each of the user's
    agencies (with the user's role in each), read in one query that also gives the
    access checks the user's agencies (`services.access.remember_agencies`); without,
    on the shared generation alone.

    One query (the generations) and one cache read when the page is kept; keeping it is
    one cache write more. A cache apart from the database is not used inside a
    transaction: a page made there may hold writes that are then rolled back.
    """
    return _kept_page(name, parts, make, user)[0]


def _kept_page(name: str, parts, make, user) -> tuple[dict, bool]:
    """`kept_page`'s page, and whether it was found kept."""
    apart = _cache_apart()
    if apart and connection.in_atomic_block:
        return _checked(name, make()), False
    signed_in = user is not None and user.is_authenticated

    def current_generations():
        shared, written, agencies, total = generations(user.pk if signed_in else None, total=apart)
        if signed_in:
            from services.access import remember_agencies

            remember_agencies(user, [agency[:4] for agency in agencies])
        # The agencies' ids, the user's role in each, and their generations (their names
        # are in the page, which their generations cover).
        return (shared, written, tuple((a[0], a[1], a[4]) for a in agencies)), total

    current, total = current_generations()
    key = _page_key(name, current, parts)
    try:
        if apart:
            found = cache.get_many([MARKER_KEY, key])
            kept = found.get(key)
            if check_cache(found.get(MARKER_KEY), total) != total:  # past the pages kept
                current, total = current_generations()
                kept, key = None, _page_key(name, current, parts)
        else:
            kept = cache.get(key)
    except Exception:
        logger.exception("The cache cannot be read: the %s page is worked out afresh.", name)
        return _checked(name, make()), False
    if kept is not None:
        return pickle.loads(zlib.decompress(kept)), True
    page = _checked(name, make())
    try:
        # Compressed: a dashboard's 70 KB of HTML keeps in about 10 KB.
        cache.set(key, zlib.compress(pickle.dumps(page), 1), PAGE_SECONDS)
    except Exception:
        logger.exception("The cache cannot be written: the %s page is not kept.", name)
    return page, False


def _checked(name: str, page: dict) -> dict:
    if any("csrfmiddlewaretoken" in part for part in page.values() if isinstance(part, str)):
        # Another session's form token would refuse every post from the kept page.
        raise ValueError(f"The kept {name} page holds a form token: render its forms outside it.")
    return page


def render_kept(request, template: str, name: str, *parts, make, context=None):
    """Render `template` around the page `name` kept for this user and address (and
    `parts`), with `context`. `make` must also give the page header's agencies
    ("header_agencies"), which then need no query of their own. The response says in
    `X-Kept-Page` whether the page was found kept ("hit") or worked out ("made"), for
    the operators' hit rate (`scripts/load.py`)."""
    page, hit = _kept_page(
        name, (request.user.pk, *parts, request.GET.urlencode()), make, request.user
    )
    request.header_agencies = page["header_agencies"]
    response = render(request, template, {**(context or {}), **page})
    response["X-Kept-Page"] = "hit" if hit else "made"
    return response


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
