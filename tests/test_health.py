"""/healthz tells the truth: 200 "ok" only when pages can be served and saves would work."""

import json
import sqlite3
import threading

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.db import DatabaseError, connection, connections
from django.db.backends.sqlite3.base import DatabaseWrapper as SQLiteDatabase
from django.db.migrations.recorder import MigrationRecorder
from django.test.utils import CaptureQueriesContext

from coprod_site import views

pytestmark = pytest.mark.django_db


def health(client):
    response = client.get("/healthz")
    return response.status_code, response.content.decode()


def test_a_healthy_app_answers_ok(client):
    assert health(client) == (200, "ok")


def test_the_write_probe_leaves_nothing_behind(client):
    before = list(MigrationRecorder.Migration.objects.values_list("id", "app", "name", "applied"))
    assert health(client) == (200, "ok")
    after = list(MigrationRecorder.Migration.objects.values_list("id", "app", "name", "applied"))
    assert after == before


def test_a_database_that_does_not_answer_is_503(client, monkeypatch):
    def broken(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr("coprod_site.views.connection.cursor", broken)
    assert health(client) == (503, "database unavailable")


@pytest.fixture
def read_only_database(tmp_path, monkeypatch):
    """A SQLite file the app may read but not write (as after a disk was remounted
    read-only), put in place of the app's database for the health check. It is opened
    read-only as well as made so: file modes do not stop root, who may run the tests."""
    path = tmp_path / "read-only.sqlite3"
    with sqlite3.connect(path) as database:
        database.execute(
            "CREATE TABLE django_migrations (id integer PRIMARY KEY, app text, name text, "
            "applied datetime)"
        )
        database.execute("INSERT INTO django_migrations VALUES (1, 'app', 'one', '2026-01-01')")
    database.close()
    path.chmod(0o444)
    settings = {
        **connections["default"].settings_dict,
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": f"file:{path}?mode=ro",
        "OPTIONS": {"uri": True},
        "CONN_MAX_AGE": 0,
    }
    read_only = SQLiteDatabase(settings, alias="read_only")
    connections["read_only"] = read_only
    monkeypatch.setattr(views, "connection", read_only)
    yield read_only
    read_only.close()
    del connections["read_only"]


def test_a_read_only_database_is_503_though_it_still_answers(client, read_only_database):
    with read_only_database.cursor() as cursor:  # reading works
        cursor.execute("SELECT COUNT(*) FROM django_migrations")
        assert cursor.fetchone() == (1,)
    status, reason = health(client)
    assert (status, reason) == (503, "database cannot be written: saves would fail")
    assert "\n" not in reason


def test_static_files_not_collected_is_503_in_production(client, settings, tmp_path):
    settings.DEBUG = False
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    assert health(client) == (503, "static files not collected: run collectstatic")
    (tmp_path / "staticfiles.json").write_text(json.dumps({"paths": {}, "version": "1.1"}))
    assert health(client) == (200, "ok")


def test_static_files_are_not_checked_in_development(client, settings, tmp_path):
    settings.DEBUG = True
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    assert health(client) == (200, "ok")


def test_the_health_check_is_one_write_rolled_back_and_one_read_of_the_cache(client):
    with CaptureQueriesContext(connection) as queries:
        assert health(client)[0] == 200
    # In production a BEGIN and a ROLLBACK around each; here, the test's savepoints.
    statements = [q["sql"] for q in queries if "SAVEPOINT" not in q["sql"]]
    assert statements[0] == views.WRITE_PROBE
    # The database's cache, read in the same connection (no thread to contend with it),
    # on PostgreSQL with a lock timeout set for that read alone.
    statements = [sql for sql in statements if not sql.startswith("SET LOCAL lock_timeout")]
    assert len(statements) == 2 and "coprod_cache" in statements[1]
    assert views.CACHE_PROBE_KEY in statements[1]


class BrokenCache(LocMemCache):
    """A cache whose server is gone."""

    def get(self, *args, **kwargs):
        raise ConnectionError("Connection refused")


RELEASE_THE_STUCK_CACHE = threading.Event()


class StuckCache(LocMemCache):
    """A cache that answers only when let go, as one behind a locked table."""

    def get(self, *args, **kwargs):
        RELEASE_THE_STUCK_CACHE.wait(10)
        return super().get(*args, **kwargs)


@pytest.fixture
def use_cache(settings):
    """Put a cache in place of the app's (Django's test signals open it anew)."""

    def use(backend: type):
        settings.CACHES = {"default": {"BACKEND": f"{__name__}.{backend.__name__}"}}

    return use


def test_a_cache_that_fails_is_503_and_named(client, use_cache):
    use_cache(BrokenCache)
    assert health(client) == (503, "cache unavailable")


def test_a_cache_that_does_not_answer_in_time_is_503_and_named(client, use_cache, monkeypatch):
    monkeypatch.setattr(views, "CACHE_PROBE_SECONDS", 0.2)
    use_cache(StuckCache)
    RELEASE_THE_STUCK_CACHE.clear()
    try:
        assert health(client) == (503, "cache: no answer within 0.2 seconds")
        # The probe still waiting is not joined by another.
        assert health(client) == (503, "cache: an earlier check is still waiting for an answer")
    finally:
        RELEASE_THE_STUCK_CACHE.set()
        views._cache_probe.join(5)
    assert health(client) == (200, "ok")


def test_every_part_that_fails_is_named(client, use_cache, monkeypatch):
    def broken(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr("coprod_site.views.connection.cursor", broken)
    use_cache(BrokenCache)
    assert health(client) == (503, "database unavailable; cache unavailable")
