"""Sign-in protection, session expiry, and the headers every page sends: a Content Security
Policy with no inline script or style, and a Permissions-Policy."""

import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessments.choices import Status
from coprod_site.sign_in import client_address
from tests import factories
from tests.factories import PASSWORD

LOGIN = "/accounts/login/"
TEMPLATES = Path(settings.BASE_DIR) / "templates"


def sign_in(client, username="owner", password=PASSWORD, address="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def fail(client, times, username="owner", address="10.0.0.1"):
    return [sign_in(client, username, "wrong", address).status_code for _ in range(times)]


# --- Lockout -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_five_wrong_passwords_lock_the_user_name_and_address_out(client, owner):
    assert fail(client, 4) == [200] * 4  # the form again, with its error
    locked = sign_in(client, password="wrong")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Sign-in paused for 30 minutes" in page
    assert "The wrong password was given 5 times" in page
    assert "You can try again after" in page
    # The right password is refused while locked out, and no session is started.
    right = sign_in(client)
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_lockout_page_says_when_to_try_again(client, owner):
    fail(client, 4)
    before = timezone.now()
    locked = sign_in(client, password="wrong")
    until = locked.context["until"]
    assert before + timedelta(minutes=30) <= until <= timezone.now() + timedelta(minutes=30)
    assert f'datetime="{until.isoformat()}"' in locked.content.decode()


@pytest.mark.django_db
def test_the_lockout_is_per_user_name_and_address(client, owner, viewer):
    fail(client, 5)
    assert sign_in(client, "viewer").status_code == 302  # another user name, same address
    client.logout()
    assert sign_in(client, address="10.0.0.2").status_code == 302  # same name, elsewhere


@pytest.mark.django_db
def test_the_lockout_ends_after_the_cool_off(client, owner):
    fail(client, 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=31))
    assert sign_in(client).status_code == 302


@pytest.mark.django_db
def test_signing_in_clears_earlier_failures(client, owner):
    fail(client, 4)
    assert sign_in(client).status_code == 302
    client.logout()
    assert fail(client, 4) == [200] * 4


@pytest.mark.django_db
def test_an_admin_unlocks_a_locked_out_user_in_the_admin(client, owner):
    fail(client, 5)
    attempt = AccessAttempt.objects.get(username="owner")
    admin = factories.UserFactory(username="admin", is_staff=True, is_superuser=True)
    admin_client = type(client)()
    admin_client.force_login(admin)
    listing = admin_client.get(reverse("admin:axes_accessattempt_changelist"))
    assert "owner" in listing.content.decode()
    delete = reverse("admin:axes_accessattempt_delete", args=[attempt.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 302
    assert sign_in(client).status_code == 302


@pytest.mark.django_db
def test_behind_a_proxy_the_lockout_goes_by_the_clients_address(client, owner, settings):
    settings.TRUSTED_PROXIES = 1
    proxy = "10.0.0.1"

    def from_client(address, password="wrong", claimed=""):
        forwarded = f"{claimed}, {address}" if claimed else address
        return client.post(
            LOGIN,
            {"username": "owner", "password": password},
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR=forwarded,
        ).status_code

    # A client that writes addresses of its own into the header is still known by its own.
    tries = [from_client("203.0.113.7", claimed=f"192.0.2.{n}") for n in range(5)]
    assert tries == [200, 200, 200, 200, 429]
    assert from_client("198.51.100.2", password=PASSWORD) == 302  # another client, same proxy


def test_the_clients_address_is_the_one_the_outermost_trusted_proxy_saw(rf, settings):
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.1.1.1, 2.2.2.2, 3.3.3.3")
    settings.TRUSTED_PROXIES = 0
    assert client_address(request) == "10.0.0.1"
    settings.TRUSTED_PROXIES = 1
    assert client_address(request) == "3.3.3.3"
    settings.TRUSTED_PROXIES = 2
    assert client_address(request) == "2.2.2.2"
    settings.TRUSTED_PROXIES = 5  # fewer addresses than proxies: the header is not to be trusted
    assert client_address(request) == "10.0.0.1"


# --- Sessions ------------------------------------------------------------------------------


def session_row(client) -> Session:
    return Session.objects.get(session_key=client.session.session_key)


@pytest.mark.django_db
def test_a_session_lasts_a_working_day_without_a_request(client, owner):
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    client.force_login(owner)
    left = session_row(client).expire_date - timezone.now()
    assert timedelta(hours=7, minutes=59) < left <= timedelta(hours=8)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("assessments:list"))
    assert response.status_code == 302 and response.url.startswith(LOGIN)


@pytest.mark.django_db
def test_a_request_soon_after_the_last_save_does_not_write_the_session(client, owner):
    client.force_login(owner)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("assessments:list")).status_code == 200
    assert not [q for q in queries if "django_session" in q["sql"] and "UPDATE" in q["sql"]]


@pytest.mark.django_db
def test_a_request_some_minutes_later_moves_the_expiry_on(client, owner):
    client.force_login(owner)
    earlier = timezone.now() + timedelta(hours=8) - timedelta(minutes=6)
    Session.objects.update(expire_date=earlier)  # as if last saved six minutes ago
    response = client.get(reverse("assessments:list"))
    assert response.status_code == 200
    assert session_row(client).expire_date > earlier + timedelta(minutes=5)
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 8 * 60 * 60


# --- Content Security Policy and Permissions-Policy ----------------------------------------


@pytest.fixture
def pages(client, owner, service):
    """The kinds of page the app has, as the owner sees them."""
    submitted = factories.AssessmentFactory(
        service=service,
        author=owner,
        status=Status.SUBMITTED,
        submitted_at=timezone.now(),
        **factories.complete_answers(),
    )
    draft = factories.AssessmentFactory(service=service, author=owner)
    factories.CaseExampleFactory(title="A case", slug="a-case")
    client.force_login(owner)
    return [
        "/",
        reverse("help"),
        reverse("services:list"),
        service.get_absolute_url(),
        reverse("assessments:list"),
        submitted.get_absolute_url(),
        reverse("assessments:history", args=[submitted.code]),
        reverse("assessments:tasks", args=[draft.code]),
        reverse("assessments:edit", args=[draft.code, "work"]),
        reverse("assessments:options", args=[draft.code]),
        reverse("assessments:quality", args=[draft.code]),
        reverse("cases:list"),
        reverse("cases:detail", args=["a-case"]),
    ]


@pytest.mark.django_db
def test_every_page_sends_a_strict_content_security_policy(client, pages):
    for page in [*pages, LOGIN]:
        if page == LOGIN:
            client.logout()
        response = client.get(page)
        assert response.status_code == 200, page
        policy = dict(
            directive.strip().split(" ", 1)
            for directive in response["Content-Security-Policy"].split(";")
        )
        assert policy["default-src"] == "'self'", page
        assert policy["script-src"] == "'self'", page
        assert policy["style-src"] == "'self'", page
        assert policy["object-src"] == "'none'", page
        assert policy["frame-ancestors"] == "'none'", page
        assert "unsafe" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_every_page_sends_a_permissions_policy(client, pages):
    for page in [*pages, reverse("healthz")]:
        policy = client.get(page)["Permissions-Policy"]
        for feature in ("camera", "microphone", "geolocation", "payment"):
            assert f"{feature}=()" in policy, page


# Inline code the policy would block: a script element without src (a JSON data block made
# by json_script is not run, so the policy lets it be), a style element or attribute, an
# event handler attribute, a javascript: address.
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>")
INLINE_STYLE = re.compile(r"<style\b|\sstyle\s*=", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
SCRIPT_ADDRESS = re.compile(r"javascript:", re.IGNORECASE)


def inline_code(html: str) -> list[str]:
    found = []
    for pattern in (INLINE_SCRIPT, INLINE_STYLE, EVENT_HANDLER, SCRIPT_ADDRESS):
        found += [match.group(0) for match in pattern.finditer(html)]
    return found


def test_no_template_has_inline_script_or_style():
    offenders = {
        str(path.relative_to(TEMPLATES)): found
        for path in TEMPLATES.rglob("*.html")
        if (found := inline_code(path.read_text()))
    }
    assert offenders == {}, "move inline code into static files"


def test_the_inline_code_check_finds_what_it_should():
    assert inline_code("<script>alert(1)</script>")
    assert inline_code('<div style="color: red">')
    assert inline_code('<button onclick="go()">')
    assert inline_code('<a href="javascript:go()">')
    assert not inline_code('<script src="/static/js/x.js"></script>')
    assert not inline_code('<script id="d" type="application/json">{"a": 1}</script>')


@pytest.mark.django_db
def test_no_page_has_inline_script_or_style(client, pages):
    for page in pages:
        html = client.get(page).content.decode()
        assert inline_code(html) == [], page


# --- Deployment check ----------------------------------------------------------------------


def test_the_deployment_check_stays_clean_in_production_mode():
    # The environment of a deployment: the tests' own settings left out.
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DEBUG": "false",
        "SECRET_KEY": "deployment-check-" + "x" * 60,
        "ALLOWED_HOSTS": "coprod.example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
