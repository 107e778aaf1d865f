"""Kept pages cannot go stale (`coprod_site/changes.py`): the data's generation moves in
the writing transaction itself, so a process that dies after its commit, and a write made
with psql, are seen by the next page; installations sharing one cache keep apart; and a
cache that disagrees with the database is noticed.

Like test_kept_pages.py, these tests commit for real."""

import logging
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import connection, transaction

from assessments.choices import Status
from assessments.models import Assessment
from coprod_site import changes
from services.models import Membership
from tests.assessments.test_dashboard import make
from tests.test_kept_pages import content, page_queries, submitted

pytestmark = pytest.mark.django_db(transaction=True)


# --- A process that dies after its commit ----------------------------------------------------


def test_a_write_committed_by_a_process_that_then_dies_shows_on_the_next_page(
    client, owner, service, monkeypatch
):
    client.force_login(owner)
    make(service, title="Counted")
    assert submitted(client.get("/")) == 1  # kept now

    def killed():
        raise SystemExit("killed between the commit and anything after it")

    # Nothing of the app's runs after the COMMIT: the process is gone.
    monkeypatch.setattr(connection, "run_and_clear_commit_hooks", killed)
    with pytest.raises(SystemExit), transaction.atomic():
        Assessment.objects.update(status=Status.ARCHIVED)
    monkeypatch.undo()
    connection.run_on_commit = []
    connection.run_commit_hooks_on_set_autocommit_on = False

    assert submitted(client.get("/")) == 0


@pytest.mark.skipif(
    django_settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
    reason="another process cannot reach the tests' in-memory SQLite database",
)
def test_a_write_committed_by_a_process_killed_at_once_shows_on_the_next_page(
    client, owner, service
):
    client.force_login(owner)
    assessment = make(service, title="Before the kill")
    assert "Before the kill" in content(client.get("/assessments/"))
    database = connection.settings_dict
    address = (
        f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:"
        f"{database['PORT'] or 5432}/{database['NAME']}"
    )
    script = f"""
import os, signal, django
django.setup()
from django.db import connection
from assessments.models import Assessment
# SIGKILL straight after the COMMIT, before any of Django's code after it.
connection.run_and_clear_commit_hooks = lambda: os.kill(os.getpid(), signal.SIGKILL)
from django.db import transaction
with transaction.atomic():
    Assessment.objects.filter(pk={assessment.pk}).update(title="After the kill")
"""
    finished = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(django_settings.BASE_DIR),
        env={
            **os.environ,
            "DATABASE_URL": address,
            "DJANGO_SETTINGS_MODULE": "coprod_site.settings",
        },
        capture_output=True,
        timeout=60,
    )
    assert finished.returncode == -signal.SIGKILL, finished.stderr.decode()
    assert "After the kill" in content(client.get("/assessments/"))


# --- Writes from outside the app -------------------------------------------------------------


class Psql:
    """A connection of the database's own driver, as psql or another program would have:
    none of the app's code runs around its statements."""

    def __init__(self):
        database = connection.settings_dict
        if connection.vendor == "postgresql":
            import psycopg

            self.connection = psycopg.connect(
                dbname=database["NAME"],
                user=database["USER"],
                password=database["PASSWORD"] or None,
                host=database["HOST"],
                port=database["PORT"] or None,
                autocommit=True,
            )
        else:
            self.connection = sqlite3.connect(database["NAME"], uri=True, isolation_level=None)

    def run(self, sql: str, *params) -> None:
        if connection.vendor == "postgresql":
            sql = sql.replace("?", "%s")
        try:
            self.connection.execute(sql, params)
        finally:
            self.connection.close()


WRITES = {
    "an UPDATE": "UPDATE assessments_assessment SET status = 'archived' WHERE id = ?",
    "after a comment": "/* tidying */ UPDATE assessments_assessment SET status = 'archived' "
    "WHERE id = ?",
    "a WITH": "WITH gone AS (SELECT ? AS id) UPDATE assessments_assessment "
    "SET status = 'archived' WHERE id IN (SELECT id FROM gone)",
    "a MERGE": "MERGE INTO assessments_assessment a USING (SELECT ?::bigint AS id) gone "
    "ON a.id = gone.id WHEN MATCHED THEN UPDATE SET status = 'archived'",
}


@pytest.mark.parametrize("how", WRITES)
def test_a_write_made_with_psql_shows_at_once(client, owner, service, how):
    if how == "a MERGE" and connection.vendor != "postgresql":
        pytest.skip("SQLite has no MERGE")
    assessment = make(service)
    client.force_login(owner)
    assert submitted(client.get("/")) == 1
    assert page_queries(client)[0] == 4  # kept
    Psql().run(WRITES[how], assessment.pk)
    assert submitted(client.get("/")) == 0


def test_a_member_removed_with_psql_no_longer_sees_the_agencys_pages(
    client, owner, service, agency
):
    make(service, title="The agency's work")
    client.force_login(owner)
    assert "The agency&#x27;s work" in content(client.get("/assessments/"))
    assert "Home Agency" in content(client.get("/"))
    Psql().run(f"DELETE FROM {Membership._meta.db_table} WHERE user_id = ?", owner.pk)
    assert "The agency&#x27;s work" not in content(client.get("/assessments/"))
    assert "Home Agency" not in content(client.get("/"))


# --- Installations sharing one cache ---------------------------------------------------------


def shared_cache(settings, prefix: str = "") -> None:
    """One cache apart from the database, as a Redis shared by installations would be."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "shared-by-installations",
            "KEY_PREFIX": prefix,
            "KEY_FUNCTION": "coprod_site.changes.cache_key",
        }
    }


@pytest.fixture
def apart(settings, monkeypatch):
    """A shared cache apart from the database, and a process that has read nothing yet."""
    monkeypatch.setattr(changes, "_newest_marker", None)
    shared_cache(settings)
    yield
    cache.clear()


def test_two_installations_on_one_cache_never_serve_each_others_pages(apart, settings, owner):
    shared_cache(settings, "production")
    production = changes.kept_page("list", owner.pk, make=lambda: {"content": "production's"})
    shared_cache(settings, "staging")
    # The same user id, page, release and generation: only the prefix differs.
    staging = changes.kept_page("list", owner.pk, make=lambda: {"content": "staging's"})
    assert (production["content"], staging["content"]) == ("production's", "staging's")
    shared_cache(settings, "production")
    assert changes.kept_page("list", owner.pk, make=dict)["content"] == "production's"


def test_without_a_prefix_set_the_keys_carry_the_databases_identity(apart):
    prefix = changes.installation_prefix()
    assert len(prefix) == 12 and int(prefix, 16) >= 0
    assert cache.make_key("page") == f"{prefix}:1:page"
    # Two SQLite files, two installations.
    first, second = (changes.installation_prefix(_SqliteFile(f"/tmp/{n}.sqlite3")) for n in "ab")
    assert first != second


class _SqliteFile:
    """Just enough of a SQLite connection for `installation_prefix`."""

    vendor = "sqlite"

    def __init__(self, path):
        self.settings_dict = {"NAME": path, "HOST": "", "PORT": ""}

    def is_in_memory_db(self):
        return False


# --- A cache apart from the database that disagrees with it ----------------------------------


def test_a_cache_restored_from_an_older_state_is_logged_and_serves_nothing_old(
    apart, client, owner, service, caplog, monkeypatch
):
    monkeypatch.setattr(changes, "CLOCK_TOLERANCE", 0)
    stores = (cache._cache, cache._expire_info)  # the local-memory cache's own
    client.force_login(owner)
    make(service)
    assert submitted(client.get("/")) == 1
    snapshot = [dict(store) for store in stores]
    time.sleep(0.01)
    make(service)
    assert submitted(client.get("/")) == 2
    for store, old in zip(stores, snapshot, strict=True):
        store.clear()
        store.update(old)  # the cache as it was: its marker, and the page showing 1
    with caplog.at_level(logging.WARNING, logger="coprod_site.changes"):
        assert submitted(client.get("/")) == 2
        assert submitted(client.get("/")) == 2
    assert caplog.text.count("restored from an older state") == 1


def test_an_emptied_cache_is_logged(apart, client, owner, service, caplog):
    client.force_login(owner)
    make(service)
    client.get("/")
    cache.clear()
    with caplog.at_level(logging.WARNING, logger="coprod_site.changes"):
        assert submitted(client.get("/")) == 1
    assert "lost its record of the data's generation" in caplog.text


def test_a_database_behind_the_cache_moves_past_the_pages_it_kept(apart, owner, caplog):
    current, total = changes.generation(), changes._total()
    # The cache was told of generations the database has not reached: it was restored
    # from a backup while the cache kept the pages made since.
    cache.set(changes.MARKER_KEY, (total + 5, time.time()), None)
    # The page as kept now, and under the generations the database will reach again (a
    # few: the local-memory cache keeps 300 entries).
    for ahead in (current, *range(total, total + 6)):
        key = changes._page_key("list", (ahead, "", ()), (owner.pk,))
        cache.set(key, changes.zlib.compress(changes.pickle.dumps({"content": "gone data"})))
    with caplog.at_level(logging.WARNING, logger="coprod_site.changes"):
        page = changes.kept_page("list", owner.pk, make=lambda: {"content": "today's data"})
    assert page["content"] == "today's data"
    assert "database was restored or made anew" in caplog.text
    assert changes.generation() > total + 5
    # A write to what every agency shares (a name shown on pages).
    type(owner).objects.filter(pk=owner.pk).update(first_name="Written after")
    assert changes.kept_page("list", owner.pk, make=lambda: {"content": "newer"})["content"] == (
        "newer"
    )


def test_a_cache_apart_from_the_database_keeps_nothing_inside_a_transaction(apart, owner):
    made = []

    def make_page():
        made.append(1)
        return {"content": "page"}

    with transaction.atomic():
        changes.kept_page("list", owner.pk, make=make_page)
        changes.kept_page("list", owner.pk, make=make_page)
    assert len(made) == 2
    changes.kept_page("list", owner.pk, make=make_page)
    changes.kept_page("list", owner.pk, make=make_page)
    assert len(made) == 3


def test_a_transaction_sees_its_own_writes_on_kept_pages(client, owner, service):
    client.force_login(owner)
    make(service)
    with transaction.atomic():
        assert submitted(client.get("/")) == 1
        make(service)  # not committed yet, but this transaction sees it
        assert submitted(client.get("/")) == 2
        Assessment.objects.update(status=Status.ARCHIVED)
        assert submitted(client.get("/")) == 0
