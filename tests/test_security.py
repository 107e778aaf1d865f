"""Sign-in protection, session expiry, and the headers every page sends: a Content Security
Policy with no inline script or style, and a Permissions-Policy."""

import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from unittest.mock import patch

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessments.choices import Status
from coprod_site.sign_in import client_address, user_locked_until
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
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
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


@pytest.mark.django_db
def test_a_forged_forwarded_for_from_outside_the_proxies_is_ignored(client, owner, settings):
    """The app reached directly, past its proxy: a new X-Forwarded-For on each try must not
    make each try a new address."""
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]

    def forged(n, password="wrong"):
        return client.post(
            LOGIN,
            {"username": "owner", "password": password},
            REMOTE_ADDR="203.0.113.7",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        ).status_code

    assert [forged(n) for n in range(5)] == [200, 200, 200, 200, 429]
    assert forged(99, password=PASSWORD) == 429  # the right password, still paused
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.7"}


def test_the_client_is_the_first_address_from_the_right_that_is_not_a_proxy(rf, settings):
    def address(remote, forwarded=None):
        extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
        return client_address(rf.get("/", REMOTE_ADDR=remote, **extra))

    chain = "1.1.1.1, 2.2.2.2, 10.0.0.7"
    settings.TRUSTED_PROXIES = []
    assert address("10.0.0.1", chain) == "10.0.0.1"  # no proxies: the header is not read
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "192.168.1.5"]
    assert address("10.0.0.1", chain) == "2.2.2.2"  # past the inner proxy 10.0.0.7
    assert address("192.168.1.5", "2.2.2.2") == "2.2.2.2"  # a proxy named by its address
    assert address("203.0.113.9", chain) == "203.0.113.9"  # not from a proxy: not read
    assert address("10.0.0.1", "10.0.0.3, 10.0.0.2") == "10.0.0.3"  # a client inside
    assert address("10.0.0.1", "") == "10.0.0.1"
    assert address("10.0.0.1", "1.1.1.1, nonsense") == "10.0.0.1"  # stops at the proxy
    assert address("10.0.0.1", "::ffff:2.2.2.2") == "2.2.2.2"
    settings.TRUSTED_PROXIES = ["fd00::/8"]
    assert address("fd00::1", "2001:DB8::5") == "2001:db8::5"


@pytest.mark.django_db
def test_ipv6_addresses_in_one_64_count_as_one_for_the_lockout(client, owner):
    tries = [
        sign_in(client, password="wrong", address=f"2001:db8:1:2::{n:x}").status_code
        for n in range(1, 6)
    ]
    assert tries == [200, 200, 200, 200, 429]
    assert sign_in(client, address="2001:db8:1:3::1").status_code == 302  # the next /64


@pytest.mark.django_db
def test_a_neighbour_cannot_lock_a_user_out_of_another_address(client, owner):
    """An office behind one address: someone there types wrong passwords for a colleague,
    who can still sign in from home."""
    fail(client, 20, address="198.51.100.1")
    assert sign_in(client, address="203.0.113.5").status_code == 302


@pytest.mark.django_db
def test_tries_during_the_pause_do_not_make_it_longer(client, owner):
    fail(client, 5)
    locked_at = AccessAttempt.objects.get().attempt_time
    AccessAttempt.objects.update(attempt_time=locked_at - timedelta(minutes=20))
    later = sign_in(client, password="wrong")
    assert later.status_code == 429
    assert AccessAttempt.objects.get().attempt_time == locked_at - timedelta(minutes=20)
    assert later.context["until"] == locked_at + timedelta(minutes=10)
    AccessAttempt.objects.update(attempt_time=locked_at - timedelta(minutes=31))
    assert sign_in(client).status_code == 302  # 31 minutes after the fifth, not the sixth


def test_the_lockout_page_no_longer_says_each_try_restarts_the_wait():
    page = (TEMPLATES / "registration" / "locked_out.html").read_text()
    assert "starts the" not in page
    assert "does not make the wait longer" in page


@pytest.mark.django_db
def test_wrong_passwords_from_many_addresses_lock_the_user_name_everywhere(client, owner):
    addresses = [f"198.51.100.{n}" for n in range(1, 10)]
    for address in addresses:  # nine addresses, four tries each: no pair is locked
        assert fail(client, 4, address=address) == [200] * 4
    tenth = sign_in(client, password="wrong", address="203.0.113.10")
    assert tenth.status_code == 429
    assert "from anywhere" in tenth.content.decode()
    assert tenth.context["minutes"] == 60
    until = tenth.context["until"]
    # The right password from a new address is refused, and the end does not move.
    again = sign_in(client, address="192.0.2.1")
    assert again.status_code == 429
    assert again.context["until"] == until
    with patch("coprod_site.sign_in.timezone.now", return_value=until + timedelta(seconds=1)):
        assert user_locked_until("owner") is None


@pytest.mark.django_db
def test_the_user_name_lock_needs_many_addresses(client, owner, viewer):
    for address in [f"198.51.100.{n}" for n in range(1, 10)]:
        fail(client, 4, address=address)
    assert sign_in(client, address="192.0.2.1").status_code == 302
    client.logout()
    # Other user names' failures do not add up to it.
    fail(client, 1, username="viewer", address="203.0.113.1")
    assert user_locked_until("owner") is None


@pytest.mark.django_db
def test_an_admin_lifts_the_user_name_lock_too(client, owner):
    for n in range(1, 11):
        fail(client, 1, address=f"198.51.100.{n}")
    assert user_locked_until("owner") is not None
    AccessAttempt.objects.filter(ip_address="198.51.100.3").get().delete()
    assert user_locked_until("owner") is None
    assert sign_in(client, address="192.0.2.1").status_code == 302


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1", "TRUSTED_PROXIES now lists the proxies' addresses or networks, e.g. 10.0.0.0/8"),
        ("10.0.0.0/8,300.1.1.1", "TRUSTED_PROXIES must list IP addresses or networks"),
    ],
)
def test_an_old_count_of_proxies_stops_the_start_in_one_line(value, message):
    env = {
        **{k: v for k, v in os.environ.items() if k != "TRUSTED_PROXIES"},
        "TRUSTED_PROXIES": value,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert result.stderr.startswith(f"Configuration error: {message}")
    assert result.stderr.count("\n") == 1, result.stderr


def test_no_proxies_is_written_empty_or_0():
    for value in ("", "0"):
        env = {**os.environ, "TRUSTED_PROXIES": value}
        code = "from django.conf import settings; print(settings.TRUSTED_PROXIES)"
        result = subprocess.run(
            [sys.executable, "-c", f"import django; django.setup(); {code}"],
            cwd=settings.BASE_DIR,
            env={**env, "DJANGO_SETTINGS_MODULE": "coprod_site.settings"},
            capture_output=True,
            text=True,
            check=True,
        )
        assert result.stdout.strip() == "[]"


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


# --- Caching, refusals and the form-token page --------------------------------------------


@pytest.mark.django_db
def test_signed_in_pages_and_exports_are_kept_by_no_cache(client, owner):
    client.force_login(owner)
    for url in (reverse("services:list"), "/", "/export/services.csv"):
        response = client.get(url)
        assert response.status_code == 200, url
        cache_control = response["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control, url


@pytest.mark.django_db
def test_pages_for_anyone_keep_their_own_caching(client):
    assert "Cache-Control" not in client.get(reverse("help"))  # read without signing in
    assert "no-cache" in client.get(reverse("healthz"))["Cache-Control"]  # its own never_cache


@pytest.mark.django_db
def test_a_refusal_is_logged_in_one_line_without_a_traceback(client, viewer, caplog):
    client.force_login(viewer)
    with caplog.at_level("WARNING", logger="django.request"):
        response = client.get(reverse("services:new"))
    assert response.status_code == 403
    records = [r for r in caplog.records if r.name == "django.request"]
    assert [r.getMessage() for r in records] == [
        f"403 Forbidden: {reverse('services:new')} (user id {viewer.pk})"
    ]
    assert records[0].exc_info is None and records[0].exc_text is None
    assert "Traceback" not in caplog.text


@pytest.mark.django_db
def test_a_form_sent_without_its_token_gets_our_own_page(owner):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(LOGIN, {"username": "owner", "password": PASSWORD})
    assert response.status_code == 403
    html = response.content.decode()
    assert "This page was open too long or your sign-in changed." in html
    assert "Go back, reload the page and try again" in html
    assert [t.name for t in response.templates][:2] == ["403_csrf.html", "base.html"]
    assert inline_code(html) == []


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
