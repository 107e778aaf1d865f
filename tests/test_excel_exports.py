"""The "for Excel" variant of every export (?format=excel): the same bytes after a UTF-8
byte-order mark, still streamed, on PostgreSQL's COPY path as on Python's."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.choices import Status
from coprod_site.csv_export import BYTE_ORDER_MARK
from coprod_site.data_dictionary import EXPORTS
from tests import factories

BOM = b"\xef\xbb\xbf"


@pytest.fixture
def data(owner, service):
    factories.AssessmentFactory(
        **factories.complete_answers(willingness_to_pay=Decimal("2")),
        service=service,
        author=owner,
        status=Status.SUBMITTED,
        submitted_at=timezone.now(),
        title="Café reading — £2.6m, “quoted”",
    )
    factories.ServiceFactory(agency=service.agency, name="Ünïcödé service")


def download(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    assert response.streaming, "an export must stream"
    return response, b"".join(response.streaming_content)


def test_the_bom_is_the_utf8_byte_order_mark():
    assert BYTE_ORDER_MARK == BOM


@pytest.mark.parametrize("export", EXPORTS, ids=lambda export: export.name)
def test_the_excel_variant_is_the_plain_file_after_a_byte_order_mark(client, owner, data, export):
    client.force_login(owner)
    url = reverse(export.url_name)
    plain_response, plain = download(client, url)
    response, excel = download(client, url, format="excel")
    assert excel.startswith(BOM) and not plain.startswith(BOM)
    assert excel[len(BOM) :] == plain
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].endswith('-for-excel.csv"')
    assert plain_response["Content-Disposition"].startswith(
        f'attachment; filename="coprod-{export.name}-'
    )
    # Decoded as Excel does, the header is the export's own, with no stray mark before it.
    rows = list(csv.reader(io.StringIO(excel.decode("utf-8-sig"))))
    assert rows[0] == export.header


def test_numbers_stay_numbers_and_dates_stay_iso_dates(client, owner, data):
    client.force_login(owner)
    _, excel = download(client, reverse("export-assessments"), format="excel")
    text = excel.decode("utf-8-sig")
    (row,) = csv.DictReader(io.StringIO(text))
    assert row["title"] == "Café reading — £2.6m, “quoted”"
    # Unquoted in the file, with a point for decimals and no thousands separator.
    assert ",97954.02," in text and ",322291.98," in text
    assert Decimal(row["best_option_net_benefit"]) == Decimal("322291.98")
    assert row["submitted_on"] == timezone.localdate().isoformat()
    assert row["best_option_co_produced"] == "true"


def test_the_filters_apply_to_the_excel_variant_too(client, owner, data, service):
    client.force_login(owner)
    _, excel = download(client, reverse("export-services"), format="excel", q="Ünïcödé")
    rows = list(csv.DictReader(io.StringIO(excel.decode("utf-8-sig"))))
    assert [row["service"] for row in rows] == ["Ünïcödé service"]


def test_an_unknown_format_is_not_found(client, owner):
    client.force_login(owner)
    assert client.get(reverse("export-assessments"), {"format": "xlsx"}).status_code == 404
    assert client.get(reverse("export-assessments"), {"format": "csv"}).status_code == 200


@pytest.mark.parametrize("table", ["agencies", "plane", "profile"])
def test_the_dashboard_tables_have_an_excel_variant(client, owner, data, table):
    client.force_login(owner)
    url = reverse("dashboard-table", args=[table])
    _, plain = download(client, url)
    _, excel = download(client, url, format="excel")
    assert excel == BOM + plain


def test_the_excel_variant_reads_no_more_queries(
    client, owner, data, django_assert_max_num_queries
):
    client.force_login(owner)
    # session, user, then the assessments (1 query: every cell is computed in it); the
    # filter form reads no choices for an export.
    with django_assert_max_num_queries(4):
        download(client, reverse("export-assessments"), format="excel")


@pytest.mark.parametrize(
    ("page", "export", "anchor"),
    [
        ("/assessments/?status=submitted", "/export/assessments.csv", "assessments"),
        ("/services/?sector=health", "/export/services.csv", "services"),
        ("/cases/?sector=health", "/export/cases.csv", "cases"),
    ],
)
def test_pages_that_offer_exports_link_to_the_excel_variant_and_the_dictionary(
    client, owner, data, page, export, anchor
):
    factories.ServiceFactory(agency=owner.memberships.get().agency, sector="health")
    factories.CaseExampleFactory(sector="health")
    client.force_login(owner)
    html = client.get(page).content.decode()
    query = page.split("?")[1]
    assert f'href="{export}?{query}&amp;format=excel"' in html
    assert f'href="/export/#{anchor}"' in html


def test_the_report_links_to_its_excel_files(client, owner, service):
    assessment = factories.AssessmentFactory(service=service, author=owner)
    client.force_login(owner)
    html = client.get(f"/assessments/{assessment.code}/").content.decode()
    assert f"/export/assessments.csv?assessment={assessment.code}&amp;format=excel" in html
    assert f"/export/options.csv?assessment={assessment.code}&amp;format=excel" in html
