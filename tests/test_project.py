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


def test_production_mode_compiles_each_template_once():
    """Django keeps compiled templates for the life of the process (its cached loader)
    when TEMPLATES names no loaders; a list of loaders without it would compile every
    template of every page on every request."""
    code = (
        "import django; django.setup(); from django.template import engines; "
        "[cached] = engines['django'].engine.template_loaders; "
        "print(type(cached).__module__, *(type(inner).__module__ for inner in cached.loaders))"
    )
    env = {
        "PATH": "",
        "DJANGO_SETTINGS_MODULE": "coprod_site.settings",
        "DEBUG": "false",
        "SECRET_KEY": "a-test-key-of-more-than-fifty-characters-0123456789abcdef",
        "ALLOWED_HOSTS": "coprod.example.org",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.template.loaders.cached",
        "django.template.loaders.filesystem",
        "django.template.loaders.app_directories",
    ]
