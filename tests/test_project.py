"""Project-wide checks: migrations are in step with models, settings refuse bad values."""

import subprocess
import sys

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_pending_migrations():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def _import_settings(env):
    code = "import coprod_site.settings"
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )


def test_production_mode_requires_a_real_secret_key(monkeypatch):
    env = {"PATH": "", "DEBUG": "false", "ALLOWED_HOSTS": "coprod.example.org"}
    result = _import_settings(env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_a_misspelt_boolean_fails_loudly():
    result = _import_settings({"PATH": "", "DEBUG": "maybe"})
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr
