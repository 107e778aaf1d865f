"""Running the app for real: a wrong configuration stops it with one line, production mode
will not start without its static files, log lines print once, and the cache is shared by
every app server rather than kept in one process.

Most of these start manage.py, Python or gunicorn as a deployment would, in a subprocess."""

import os
import socket
import subprocess
import sys
import uuid

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection

PROJECT = settings.BASE_DIR
SECRET_KEY = "operations-test-" + "x" * 60


def run(args, timeout=60, **env_vars):
    """Run a command in the project folder with a deployment's environment: none of the
    tests' own Django settings, and only the variables given."""
    deployment_only = ("DJANGO_", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "REDIS_URL")
    env = {k: v for k, v in os.environ.items() if not k.startswith(deployment_only)}
    env.update(env_vars)
    return subprocess.run(
        args, cwd=PROJECT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def manage(*args, **env_vars):
    return run([sys.executable, "manage.py", *args], **env_vars)


def python(code, **env_vars):
    return run([sys.executable, "-c", code], **env_vars)


# --- Configuration errors ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env_vars", "message"),
    [
        ({"DEBUG": "false", "ALLOWED_HOSTS": "coprod.example.org"}, "SECRET_KEY must be set"),
        ({"DEBUG": "false", "SECRET_KEY": SECRET_KEY}, "ALLOWED_HOSTS must name"),
        ({"DEBUG": "maybe"}, "DEBUG must be true or false, not 'maybe'."),
        ({"CONN_MAX_AGE": "a minute"}, "CONN_MAX_AGE must be a whole number"),
        ({"DATABASE_URL": "nonsense://db"}, "DATABASE_URL is not a database address"),
        ({"REDIS_URL": "http://cache:6379"}, "REDIS_URL must start with redis://"),
    ],
)
def test_a_configuration_error_is_one_line_not_a_traceback(env_vars, message):
    result = manage("check", **env_vars)
    assert result.returncode == 2
    assert result.stderr.startswith(f"Configuration error: {message}")
    assert result.stderr.count("\n") == 1, result.stderr


def test_a_configuration_error_stops_gunicorn_with_one_line_per_worker():
    result = run(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "coprod_site.wsgi",
            "--workers",
            "1",
            "--bind",
            "127.0.0.1:0",
        ],
        DEBUG="false",
        ALLOWED_HOSTS="coprod.example.org",
    )
    # 4 is gunicorn's "App failed to load": it stops instead of restarting the worker.
    assert result.returncode == 4, result.stderr
    assert "Configuration error: SECRET_KEY must be set" in result.stderr
    assert "Traceback" not in result.stderr


# --- Production mode needs its static files ------------------------------------------------


@pytest.fixture
def uncollected_static_settings(tmp_path):
    """The app's settings with an empty folder for the collected static files, as on a
    server where collectstatic was never run."""
    (tmp_path / "uncollected_settings.py").write_text(
        "from coprod_site.settings import *  # noqa: F403\n"
        f"STATIC_ROOT = {str(tmp_path / 'staticfiles')!r}\n"
    )
    return {
        "PYTHONPATH": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "uncollected_settings",
        "DEBUG": "false",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "localhost",
    }


def test_runserver_will_not_start_in_production_mode_without_static_files(
    uncollected_static_settings,
):
    result = manage("runserver", "127.0.0.1:0", "--noreload", **uncollected_static_settings)
    assert result.returncode == 1
    assert result.stderr == (
        "CommandError: Static files have not been collected: run "
        "`manage.py collectstatic --noinput` before starting with DEBUG=false.\n"
    )


def test_the_wsgi_application_will_not_load_in_production_mode_without_static_files(
    uncollected_static_settings,
):
    result = python("import coprod_site.wsgi", **uncollected_static_settings)
    assert result.returncode == 4
    assert result.stderr == (
        "Configuration error: Static files have not been collected: run "
        "`manage.py collectstatic --noinput` before starting with DEBUG=false.\n"
    )


def test_the_wsgi_application_loads_in_production_mode_once_static_files_are_collected(
    tmp_path, uncollected_static_settings
):
    # What collectstatic leaves for the check to find: the manifest of hashed file names.
    (tmp_path / "staticfiles").mkdir()
    (tmp_path / "staticfiles" / "staticfiles.json").write_text('{"paths": {}, "version": "1.1"}')
    result = python(
        "from coprod_site.wsgi import application; print(callable(application))",
        **uncollected_static_settings,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "True\n", "")


# --- Logging -------------------------------------------------------------------------------


def test_a_log_line_prints_once():
    code = (
        "import django, logging; django.setup(); "
        "logging.getLogger('django.request').warning('Not Found: /nowhere'); "
        "logging.getLogger('services').warning('from the app')"
    )
    result = python(code, DJANGO_SETTINGS_MODULE="coprod_site.settings", DEBUG="true")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 2, result.stderr
    assert lines[0].endswith("WARNING django.request: Not Found: /nowhere")
    assert lines[1].endswith("WARNING services: from the app")


# --- A cache every app server shares -------------------------------------------------------

CACHE_BACKEND = (
    "import django; django.setup(); from django.core.cache import caches; "
    "backend = type(caches['default']); print(backend.__module__ + '.' + backend.__name__)"
)


def test_outside_the_tests_the_cache_is_the_database_by_default():
    result = python(CACHE_BACKEND, DJANGO_SETTINGS_MODULE="coprod_site.settings")
    assert result.stdout == "django.core.cache.backends.db.DatabaseCache\n", result.stderr


def test_outside_the_tests_the_cache_is_redis_when_redis_url_is_set():
    result = python(
        CACHE_BACKEND,
        DJANGO_SETTINGS_MODULE="coprod_site.settings",
        REDIS_URL="redis://127.0.0.1:6379/15",
    )
    assert result.stdout == "django.core.cache.backends.redis.RedisCache\n", result.stderr


@pytest.mark.django_db
def test_a_cached_value_is_a_row_in_the_database_that_every_server_reads():
    cache.set("shared-by-every-server", "yes", 60)
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM coprod_cache")
        keys = [key for (key,) in cursor.fetchall()]
    assert any(key.endswith("shared-by-every-server") for key in keys)
    assert cache.get("shared-by-every-server") == "yes"


def test_migrate_makes_the_cache_table(tmp_path):
    database = tmp_path / "fresh.sqlite3"
    env = {"DATABASE_URL": f"sqlite:///{database}"}
    migrated = manage("migrate", "coprod_site", "--noinput", **env)
    assert migrated.returncode == 0, migrated.stderr
    result = python(
        "import django; django.setup(); from django.db import connection; "
        "print('coprod_cache' in connection.introspection.table_names())",
        DJANGO_SETTINGS_MODULE="coprod_site.settings",
        **env,
    )
    assert result.stdout == "True\n", result.stderr


def redis_is_running():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not redis_is_running(), reason="no Redis on 127.0.0.1:6379")
def test_with_redis_a_value_one_process_caches_another_reads():
    key = f"operations-test-{uuid.uuid4()}"
    env = {
        "DJANGO_SETTINGS_MODULE": "coprod_site.settings",
        "REDIS_URL": "redis://127.0.0.1:6379/15",
    }
    setup = "import django; django.setup(); from django.core.cache import cache; "
    written = python(setup + f"cache.set({key!r}, 'from the first server', 60)", **env)
    assert written.returncode == 0, written.stderr
    read = python(setup + f"print(cache.get({key!r})); cache.delete({key!r})", **env)
    assert read.stdout == "from the first server\n", read.stderr
