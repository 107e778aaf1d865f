"""The "Your account" page: make a token (shown once), see your tokens, revoke one."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from services.models import AccessToken
from services.models.tokens import ACTIVE_TOKENS_MAX, token_hash
from tests import factories

ACCOUNT = "/account/"
CREATE = "/account/tokens/"


def make_token(client, name="Nightly report", lifetime="90"):
    return client.post(CREATE, {"name": name, "lifetime": lifetime})


def test_the_header_links_to_the_account_page(client, owner):
    client.force_login(owner)
    assert f'href="{ACCOUNT}"' in client.get("/").content.decode()
    assert reverse("account:index") == ACCOUNT


def test_a_new_token_is_shown_once_and_kept_only_as_its_hash(client, owner):
    client.force_login(owner)
    response = make_token(client)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    (secret,) = re.findall(r'value="(coprod_[^"]+)"', html)
    assert f"Bearer {secret}" in html  # the curl example
    token = AccessToken.objects.get()
    assert token.user == owner and token.name == "Nightly report"
    assert token.hash == token_hash(secret)
    assert (token.expires_at - token.created_at).days == 90
    # Never again: the account page names it by its first characters only.
    page = client.get(ACCOUNT).content.decode()
    assert secret not in page
    assert f"{token.shown}…" in page and "Nightly report" in page


def test_the_account_page_lists_tokens_with_their_dates_and_state(client, owner, viewer):
    used, _ = AccessToken.create_for(owner, "Used one", 30)
    AccessToken.objects.filter(pk=used.pk).update(last_used_at=timezone.now())
    revoked, _ = AccessToken.create_for(owner, "Revoked one", 30)
    AccessToken.objects.filter(pk=revoked.pk).update(revoked_at=timezone.now())
    AccessToken.create_for(viewer, "Someone else's", 30)
    client.force_login(owner)
    html = client.get(ACCOUNT).content.decode()
    assert "Used one" in html and "Revoked one" in html
    assert "Someone else&#x27;s" not in html and "Someone else's" not in html
    assert html.count("Never") == 1  # the revoked one was never used
    assert 'Revoke<span class="visually-hidden"> Used one' in html
    assert 'Revoke<span class="visually-hidden"> Revoked one' not in html


def test_a_name_is_needed_and_the_lifetime_is_one_of_the_choices(client, owner):
    client.force_login(owner)
    response = make_token(client, name="", lifetime="3650")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Give the token a name" in html
    assert "Choose one of the options in the list." in html
    assert not AccessToken.objects.exists()


def test_tokens_in_use_are_limited(client, owner):
    for number in range(ACTIVE_TOKENS_MAX):
        AccessToken.create_for(owner, f"Token {number}", 30)
    client.force_login(owner)
    response = make_token(client)
    assert "the most anyone may have" in response.content.decode()
    assert AccessToken.objects.count() == ACTIVE_TOKENS_MAX


def test_revoking_a_token_stops_it(client, owner):
    token, secret = AccessToken.create_for(owner, "Old script", 30)
    client.force_login(owner)
    response = client.post(reverse("account:revoke_token", args=[token.code]))
    assert response.status_code == 302 and response.url == ACCOUNT
    token.refresh_from_db()
    assert token.revoked_at is not None
    client.logout()
    refused = client.get("/export/cases.csv", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert refused.status_code == 401


def test_nobody_revokes_anothers_token(client, owner, viewer):
    token, _ = AccessToken.create_for(owner, "Mine", 30)
    client.force_login(viewer)
    response = client.post(reverse("account:revoke_token", args=[token.code]))
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_the_account_page_reads_a_bounded_number_of_queries(
    client, owner, django_assert_num_queries
):
    for number in range(5):
        AccessToken.create_for(owner, f"Token {number}", 30)
    client.force_login(owner)
    # session, user, the tokens, the header's agencies
    with django_assert_num_queries(4):
        assert client.get(ACCOUNT).status_code == 200


def test_an_expired_token_shows_as_expired(client, owner):
    token, _ = AccessToken.create_for(owner, "Lapsed", 30)
    past = timezone.now() - timedelta(days=1)
    AccessToken.objects.filter(pk=token.pk).update(
        created_at=past - timedelta(days=30), expires_at=past
    )
    client.force_login(owner)
    html = client.get(ACCOUNT).content.decode()
    assert "Expired" in html


@pytest.mark.parametrize("url", [ACCOUNT])
def test_anonymous_is_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_a_user_outside_any_agency_may_still_make_tokens(client, db):
    # The case library is shared: its export is theirs to fetch.
    reader = factories.UserFactory(username="reader")
    client.force_login(reader)
    assert make_token(client).status_code == 200


def test_making_and_revoking_tokens_is_in_their_history(client, owner):
    client.force_login(owner)
    make_token(client)
    token = AccessToken.objects.get()
    client.post(reverse("account:revoke_token", args=[token.code]))
    rows = token.history.order_by("history_date", "history_id")
    assert [(row.history_type, row.history_change_reason) for row in rows] == [
        ("+", "Made"),
        ("~", "Revoked by its owner"),
    ]
    assert all(row.history_user == owner for row in rows)
    assert not hasattr(rows[0], "hash")  # the secret's hash is not copied


def test_a_password_change_revokes_tokens_with_a_reason_in_their_history(client, owner):
    client.force_login(owner)
    make_token(client)
    owner.set_password("a-new-password-2027")
    owner.save()
    token = AccessToken.objects.get()
    assert token.is_revoked
    latest = token.history.order_by("-history_date", "-history_id").first()
    assert latest.history_change_reason == "Revoked: the owner's password changed"
