import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from services.models import CaseEffect, CaseSource
from tests import factories

pytestmark = pytest.mark.usefixtures("empty_library")


@pytest.fixture
def case(db):
    case = factories.CaseExampleFactory(
        title="Kerbside recycling",
        slug="kerbside-recycling",
        work="Households sort their waste into three bins.",
        benefits="Less waste went to landfill.",
        costs="Bins and collection rounds.",
        quality_effect="Cleaner streams of recyclable material.",
        lessons="Make sorting easy.",
        agencies="Northvale City Council",
        period="2004 onwards",
        level="collective",
        motivators=["normative", "sanctions"],
        special_assets=["location"],
        sources=None,
    )
    factories.CaseSourceFactory(
        case=case, citation="Waste Review (2010)", url="https://example.org/review", order=1
    )
    factories.CaseSourceFactory(case=case, citation="Council minutes, 2005", url="", order=2)
    return case


def test_anonymous_user_is_sent_to_sign_in(client, case):
    response = client.get(case.get_absolute_url())
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_reader_sees_the_whole_case(client, reader, case):
    client.force_login(reader)
    response = client.get(case.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    for text in [
        "<h1>Kerbside recycling</h1>",
        escape(case.summary),
        "What co-producers do",
        "Households sort their waste",
        "Northvale City Council",
        "2004 onwards",
        "Citizens or community members",
        "Collective",
        "Private and public value",
        "Optional",
        "Normative",
        "Sanctions",
        "Locational advantage",
        "Less waste went to landfill.",
        "Bins and collection rounds.",
        "Effect on service quality",
        "Make sorting easy.",
    ]:
        assert text in page, text
    assert "not published" not in page


def test_sources_are_links_that_open_safely(client, reader, case):
    client.force_login(reader)
    page = client.get(case.get_absolute_url()).content.decode()
    assert '<a href="https://example.org/review" rel="noopener">Waste Review (2010)</a>' in page
    assert "<li>Council minutes, 2005</li>" in page
    assert page.index("Waste Review") < page.index("Council minutes")


def test_unknown_slug_is_404(client, reader):
    client.force_login(reader)
    assert client.get("/cases/no-such-case/").status_code == 404


def test_a_draft_is_404_for_non_staff(client, reader, owner):
    draft = factories.CaseExampleFactory(draft=True)
    for user in (reader, owner):
        client.force_login(user)
        assert client.get(draft.get_absolute_url()).status_code == 404


def test_staff_preview_a_draft_with_a_banner(client, curator):
    draft = factories.CaseExampleFactory(draft=True, title="Garden share")
    client.force_login(curator)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert "Draft — not published." in page
    assert reverse("admin:services_caseexample_change", args=[draft.pk]) in page


def test_the_case_page_only_reads(client, reader, case):
    client.force_login(reader)
    assert client.post(case.get_absolute_url()).status_code == 405


def test_case_page_query_count_does_not_grow_with_sources_or_effects(client, reader, case):
    client.force_login(reader)

    def count_queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(case.get_absolute_url()).status_code == 200
        return len(ctx)

    few = count_queries()
    CaseSource.objects.bulk_create(CaseSource(case=case, citation=f"S{n}") for n in range(10))
    CaseEffect.objects.bulk_create(
        CaseEffect(
            case=case,
            outcome=f"O{n}",
            unit="one",
            effect=n,
            compared_with="none",
            population="all",
            study=f"S{n}",
        )  # fmt: skip
        for n in range(10)
    )
    # session, user, the case, its sources, its effects, header agencies
    assert count_queries() == few == 6
