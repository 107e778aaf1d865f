import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories
from tests.factories import PASSWORD

pytestmark = pytest.mark.usefixtures("empty_library")

LIST = reverse("cases:list")


def titles(response) -> list[str]:
    return [case.title for case in response.context["page"].object_list]


@pytest.fixture
def two_cases(db):
    """Two published cases that differ on every filter."""
    health = factories.CaseExampleFactory(
        title="Peer support for new mothers",
        sector="health",
        country="United Kingdom",
        value_type="both",
        necessity="optional",
        motivators=["social", "normative"],
    )
    tax = factories.CaseExampleFactory(
        title="Pre-filled tax returns",
        sector="tax_revenue",
        country="Australia",
        value_type="public",
        necessity="necessary",
        motivators=["material", "sanctions"],
    )
    return health, tax


def test_anonymous_user_is_sent_to_sign_in(client):
    response = client.get(LIST)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_any_signed_in_user_reads_the_published_cases(client, reader, two_cases):
    client.force_login(reader)
    response = client.get(LIST)
    assert response.status_code == 200
    assert titles(response) == ["Peer support for new mothers", "Pre-filled tax returns"]
    assert "Download these cases (CSV)" in response.content.decode()


def test_drafts_never_appear_to_non_staff(client, reader, two_cases):
    factories.CaseExampleFactory(draft=True, title="Secret garden draft")
    factories.CaseExampleFactory(status="in_review", title="Garden share in review")
    client.force_login(reader)
    assert "garden" not in client.get(LIST).content.decode().lower()
    assert titles(client.get(LIST, {"q": "garden"})) == []


def test_staff_see_drafts_marked_as_not_published(client, curator, two_cases):
    factories.CaseExampleFactory(draft=True, title="Secret garden draft")
    client.force_login(curator)
    response = client.get(LIST)
    assert "Secret garden draft" in titles(response)
    assert 'Draft<span class="visually-hidden">, not published' in response.content.decode()


@pytest.mark.parametrize(
    "field, value, expected",
    [
        ("sector", "tax_revenue", "Pre-filled tax returns"),
        ("country", "United Kingdom", "Peer support for new mothers"),
        ("value_type", "public", "Pre-filled tax returns"),
        ("necessity", "optional", "Peer support for new mothers"),
        ("motivator", "sanctions", "Pre-filled tax returns"),
        ("motivator", "social", "Peer support for new mothers"),
    ],
)
def test_each_filter_keeps_only_matching_cases(client, reader, two_cases, field, value, expected):
    client.force_login(reader)
    assert titles(client.get(LIST, {field: value})) == [expected]


def test_a_motivator_no_case_has_finds_nothing(client, reader, two_cases):
    client.force_login(reader)
    response = client.get(LIST, {"motivator": "intrinsic"})
    assert titles(response) == []
    assert "No cases match" in response.content.decode()


@pytest.mark.parametrize("field", ["title", "summary", "work", "lessons", "country"])
def test_text_search_looks_in_each_field_ignoring_case(client, reader, two_cases, field):
    factories.CaseExampleFactory(**{field: "Zebra crossing wardens"}, slug="zebra")
    client.force_login(reader)
    found = titles(client.get(LIST, {"q": "zebra"}))
    assert len(found) == 1
    assert found[0] not in {case.title for case in two_cases}


def test_filters_combine(client, reader, two_cases):
    client.force_login(reader)
    assert titles(client.get(LIST, {"sector": "health", "value_type": "public"})) == []
    assert titles(client.get(LIST, {"country": "Australia", "q": "tax"})) == [
        "Pre-filled tax returns"
    ]


def test_the_country_choices_are_the_countries_in_the_library(client, reader, two_cases):
    factories.CaseExampleFactory(draft=True, country="Atlantis")
    client.force_login(reader)
    choices = dict(client.get(LIST).context["form"].fields["country"].choices)
    assert set(choices) == {"", "Australia", "United Kingdom"}


def test_a_bad_filter_value_is_shown_as_an_error_and_the_rest_still_apply(
    client, reader, two_cases
):
    client.force_login(reader)
    response = client.get(
        LIST,
        {"sector": "nonsense", "motivator": "greed", "value_type": "public", "page": "x"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Sector: Choose one of the options in the list." in page
    assert titles(response) == ["Pre-filled tax returns"]


def test_an_overlong_search_is_an_error_not_a_crash(client, reader, two_cases):
    client.force_login(reader)
    response = client.get(LIST, {"q": "x" * 500})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


def test_the_list_is_paginated_and_pages_keep_the_filters(client, reader):
    factories.CaseExampleFactory.create_batch(12, sector="justice")
    factories.CaseExampleFactory(sector="health")
    client.force_login(reader)
    first = client.get(LIST, {"sector": "justice"})
    assert len(titles(first)) == 10
    assert "sector=justice&amp;page=2" in first.content.decode()
    second = client.get(LIST, {"sector": "justice", "page": 2})
    assert len(titles(second)) == 2
    assert set(titles(first)).isdisjoint(titles(second))


def test_list_page_query_count_does_not_grow_with_cases(client, reader):
    client.force_login(reader)

    def count_queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(LIST, {"motivator": "social", "q": "case"}).status_code == 200
        return len(ctx)

    factories.CaseExampleFactory.create_batch(3)
    few = count_queries()
    factories.CaseExampleFactory.create_batch(20)
    # session, user, country choices, count, page of cases, header agencies
    assert count_queries() == few == 6


def test_the_nav_links_to_the_case_library(client, reader):
    client.force_login(reader)
    page = client.get(LIST).content.decode()
    assert f'aria-current="page" href="{LIST}">Case library</a>' in page


def test_a_curator_with_no_agency_lands_on_the_case_library(client, curator, owner):
    response = client.post("/accounts/login/", {"username": "curator", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/cases/"
    client.logout()
    # A manager lands on the dashboard, and anyone may still be sent on with `next`.
    response = client.post("/accounts/login/", {"username": "owner", "password": PASSWORD})
    assert response["Location"] == "/"
    client.logout()
    response = client.post(
        "/accounts/login/?next=/services/", {"username": "curator", "password": PASSWORD}
    )
    assert response["Location"] == "/services/"
