"""Personal access tokens: a reporting tool fetches its user's exports with
`Authorization: Bearer <token>`, and nothing else."""

import csv
import io
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.hashers import make_password
from django.contrib.sessions.models import Session
from django.db import DatabaseError
from django.urls import reverse
from django.utils import timezone

from services.models import AccessToken, AccessTokenUse, Lifetime
from services.models.tokens import token_hash
from tests import factories

EXPORTS = ["/export/assessments.csv", "/export/options.csv", "/export/budget.csv",
           "/export/services.csv",
           "/export/cases.csv"]  # fmt: skip


@pytest.fixture
def secret(owner) -> str:
    _, secret = AccessToken.create_for(owner, "Nightly report", Lifetime.QUARTER)
    return secret


def bearer(secret: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def rows(response) -> list[dict]:
    body = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(body)))


def test_the_token_is_stored_only_as_its_hash(owner):
    token, secret = AccessToken.create_for(owner, "Script", Lifetime.MONTH)
    token.refresh_from_db()
    assert secret.startswith("coprod_") and len(secret) > 40
    assert token.hash == token_hash(secret) and len(token.hash) == 64
    assert token.shown == secret[:12]
    stored = [str(value) for value in AccessToken.objects.values_list().get(pk=token.pk)]
    assert not any(secret in value for value in stored)
    assert token.expires_at - token.created_at == timedelta(days=30)


@pytest.mark.parametrize("url", EXPORTS)
def test_a_token_fetches_its_users_exports(client, secret, service, url):
    response = client.get(url, **bearer(secret))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "Authorization" in response["Vary"]
    assert "no-store" in response["Cache-Control"]
    b"".join(response.streaming_content)


def test_a_token_fetches_the_excel_variant_and_the_data_package(client, secret):
    excel = client.get("/export/services.csv", {"format": "excel"}, **bearer(secret))
    assert b"".join(excel.streaming_content).startswith(b"\xef\xbb\xbf")
    assert client.get("/export/datapackage.json", **bearer(secret)).status_code == 200
    assert client.head("/export/services.csv", **bearer(secret)).status_code == 200


def test_a_token_sees_only_its_users_agencies(client, owner, service, other_service, secret):
    factories.AssessmentFactory(service=service, author=owner, title="Ours")
    factories.AssessmentFactory(service=other_service, title="Theirs")
    assessments = rows(client.get("/export/assessments.csv", **bearer(secret)))
    assert [row["title"] for row in assessments] == ["Ours"]
    services = rows(client.get("/export/services.csv", **bearer(secret)))
    assert [row["service"] for row in services] == ["Home Service"]
    # Another agency's assessment asked for by its id: not found, as for the session.
    theirs = other_service.assessments.get()
    response = client.get("/export/options.csv", {"assessment": theirs.code}, **bearer(secret))
    assert response.status_code == 404


def test_each_use_is_recorded(client, secret):
    token = AccessToken.objects.get()
    assert token.last_used_at is None
    client.get("/export/services.csv?sector=health", **bearer(secret))
    client.get("/export/cases.csv", **bearer(secret))
    token.refresh_from_db()
    assert token.last_used_at is not None
    uses = list(AccessTokenUse.objects.filter(token=token).values_list("path", flat=True))
    assert uses == ["/export/cases.csv", "/export/services.csv"]


def test_a_revoked_token_is_refused_in_plain_words(client, secret):
    AccessToken.objects.update(revoked_at=timezone.now())
    response = client.get("/export/services.csv", **bearer(secret))
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer ")
    assert b"This token was revoked on" in response.content
    assert not AccessTokenUse.objects.exists()


def test_an_expired_token_is_refused(client, secret):
    past = timezone.now() - timedelta(days=1)
    AccessToken.objects.update(created_at=past - timedelta(days=30), expires_at=past)
    response = client.get("/export/services.csv", **bearer(secret))
    assert response.status_code == 401
    assert b"This token expired on" in response.content


def test_an_unknown_or_empty_token_is_refused(client, secret):
    for value in (secret + "x", secret[:-1], "", "coprod_" + "A" * 43):
        response = client.get("/export/services.csv", HTTP_AUTHORIZATION=f"Bearer {value}")
        assert response.status_code == 401, value
    assert b"not known" in response.content


def test_a_token_of_a_closed_account_is_refused(client, owner, secret):
    owner.is_active = False
    owner.save()
    assert client.get("/export/services.csv", **bearer(secret)).status_code == 401


OTHER_PAGES = ["/", "/assessments/", "/services/", "/cases/", "/export/", "/admin/",
               "/dashboard/plane.csv", "/help/", "/accounts/login/"]  # fmt: skip


@pytest.mark.parametrize("url", OTHER_PAGES)
def test_a_token_opens_no_other_page(client, secret, url):
    response = client.get(url, **bearer(secret))
    assert response.status_code == 403
    assert b"Tokens open the CSV exports" in response.content
    assert "sessionid" not in response.cookies


def test_a_token_never_writes(client, secret, service):
    for url in ("/export/services.csv", "/services/new/", "/accounts/logout/"):
        response = client.post(url, {"name": "x"}, **bearer(secret))
        assert response.status_code == 403
        assert b"Tokens are read-only" in response.content


def test_a_token_beside_a_session_still_opens_only_the_exports(client, owner, secret):
    client.force_login(owner)
    assert client.get("/", **bearer(secret)).status_code == 403
    assert client.get("/").status_code == 200  # the session alone is untouched


def test_a_token_starts_no_session_and_signs_no_one_in(client, secret):
    sessions = Session.objects.count()
    response = client.get("/export/services.csv", **bearer(secret))
    b"".join(response.streaming_content)
    assert "sessionid" not in response.cookies and "csrftoken" not in response.cookies
    assert Session.objects.count() == sessions
    # Without the header the same client is anonymous: sent to sign in.
    response = client.get("/export/services.csv")
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_refused_tokens_do_not_lock_anyone_out(client, owner, secret):
    """Axes guards the sign-in form; a wrong token is not a failed sign-in, and the
    token's user may still sign in with their password."""
    for _ in range(6):
        client.get("/export/services.csv", HTTP_AUTHORIZATION="Bearer wrong")
    assert not AccessAttempt.objects.exists()
    assert client.get("/export/services.csv", **bearer(secret)).status_code == 200


def test_other_authorization_schemes_are_left_alone(client):
    response = client.get("/export/services.csv", HTTP_AUTHORIZATION="Basic b3duZXI6eA==")
    assert response.status_code == 302  # no token: sign in, as before


def test_a_token_fetch_reads_a_bounded_number_of_queries(
    client, secret, service, django_assert_max_num_queries
):
    factories.ServiceFactory.create_batch(5, agency=service.agency)
    # the token and its user; the user's agencies (their ids, given as values to the
    # next); the services; its last use and the log row, after the export, in a savepoint
    # of their own (two more statements)
    with django_assert_max_num_queries(7):
        response = client.get("/export/services.csv", **bearer(secret))
        b"".join(response.streaming_content)


def test_the_export_is_served_when_its_use_cannot_be_recorded(client, secret, caplog, monkeypatch):
    """A database that reads but refuses writes (a replica, a full disk) still serves it."""

    def refuse(*args, **kwargs):
        raise DatabaseError("attempt to write a readonly database")

    monkeypatch.setattr(AccessTokenUse.objects, "create", refuse)
    response = client.get("/export/services.csv", **bearer(secret))
    assert response.status_code == 200
    b"".join(response.streaming_content)
    assert "Could not record a use of access token" in caplog.text
    # Both writes or neither: the last use is not moved on without its row of the log.
    assert AccessToken.objects.get().last_used_at is None


def test_changing_the_password_revokes_the_users_tokens(client, owner, secret):
    _, other = AccessToken.create_for(owner, "Spreadsheet", Lifetime.MONTH)
    owner.set_password("a new password, long enough")
    owner.save()
    for token in (secret, other):
        response = client.get("/export/services.csv", **bearer(token))
        assert response.status_code == 401
        assert b"This token was revoked on" in response.content
    # Revoked, not deleted: the account page still lists them.
    assert AccessToken.objects.filter(user=owner, revoked_at__isnull=False).count() == 2


def test_a_password_set_straight_in_the_database_field_revokes_too(client, owner, secret):
    owner.password = make_password("set by a script")
    owner.save()
    assert client.get("/export/services.csv", **bearer(secret)).status_code == 401


def test_other_saves_and_a_rehash_of_the_same_password_keep_the_tokens(client, owner, secret):
    owner.first_name = "Ann"
    owner.save()
    owner.set_password(factories.PASSWORD)  # the same password, a new salt
    owner.save()
    assert client.get("/export/services.csv", **bearer(secret)).status_code == 200


def test_the_account_page_says_a_password_change_revokes_the_tokens(client, owner):
    client.force_login(owner)
    html = client.get(reverse("account:index")).content.decode()
    assert "Changing your password revokes all your tokens." in html
