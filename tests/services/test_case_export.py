import csv
import io

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.usefixtures("empty_library")

EXPORT = reverse("export-cases")


def read_csv(response) -> list[dict]:
    assert isinstance(response, StreamingHttpResponse)
    body = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(body)))


def test_anonymous_user_is_sent_to_sign_in(client):
    response = client.get(EXPORT)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_export_streams_the_published_cases_with_readable_labels(client, reader):
    case = factories.CaseExampleFactory(
        title="Reading at home",
        sector="education",
        motivators=["normative", "social"],
        special_assets=["trust"],
        sources=None,
    )
    factories.CaseSourceFactory(
        case=case, citation="Hewison (1988)", url="https://e.org/h", order=1
    )
    factories.CaseSourceFactory(case=case, citation="Toomey (1993)", url="", order=2)
    factories.CaseExampleFactory(draft=True, title="Unfinished draft")
    client.force_login(reader)
    response = client.get(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="coprod-cases-' in response["Content-Disposition"]
    (row,) = read_csv(response)
    assert row["title"] == "Reading at home"
    assert row["status"] == "Published"
    assert row["sector"] == "Education"
    assert row["motivators"] == "Normative; Social"
    assert row["special_assets"] == "Trust"
    assert row["sources"] == "Hewison (1988) <https://e.org/h>; Toomey (1993)"


def test_staff_export_includes_drafts(client, curator):
    factories.CaseExampleFactory(title="Published one")
    factories.CaseExampleFactory(draft=True, title="Unfinished draft")
    client.force_login(curator)
    rows = read_csv(client.get(EXPORT))
    assert {row["title"]: row["status"] for row in rows} == {
        "Published one": "Published",
        "Unfinished draft": "Draft",
    }


def test_export_honours_the_list_filters(client, reader):
    factories.CaseExampleFactory(title="Tax A", sector="tax_revenue", motivators=["sanctions"])
    factories.CaseExampleFactory(title="Tax B", sector="tax_revenue", motivators=["material"])
    factories.CaseExampleFactory(title="Health", sector="health", motivators=["sanctions"])
    client.force_login(reader)
    rows = read_csv(client.get(EXPORT, {"sector": "tax_revenue", "motivator": "sanctions"}))
    assert [row["title"] for row in rows] == ["Tax A"]
    rows = read_csv(client.get(EXPORT, {"q": "health"}))
    assert [row["title"] for row in rows] == ["Health"]


def test_export_guards_against_spreadsheet_formulas(client, reader):
    factories.CaseExampleFactory(title='=HYPERLINK("http://evil")', lessons="@SUM(A1)")
    client.force_login(reader)
    (row,) = read_csv(client.get(EXPORT))
    assert row["title"].startswith("'=HYPERLINK")
    assert row["lessons"] == "'@SUM(A1)"


def test_export_query_count_is_bounded(client, reader, django_assert_max_num_queries):
    factories.CaseExampleFactory.create_batch(25)
    client.force_login(reader)
    # session, user, country choices, the cases, all their sources in one query
    with django_assert_max_num_queries(5):
        rows = read_csv(client.get(EXPORT))
    assert len(rows) == 25


def test_the_list_links_to_the_export_with_its_filters(client, reader):
    factories.CaseExampleFactory(sector="health")
    client.force_login(reader)
    page = client.get(reverse("cases:list"), {"sector": "health"}).content.decode()
    assert f'href="{EXPORT}?sector=health">Download these cases (CSV)</a>' in page
