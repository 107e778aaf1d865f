"""The dashboard's tables as CSV (/dashboard/<table>.csv): figures for people and tools.

Money to two places beside its currency, shares as percentages named `_percent`, quality
and hours to fixed places, ISO dates, and no float noise; the Excel variant unchanged."""

import csv
import io
import re
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments import portfolio as portfolio_module
from assessments.choices import Status
from assessments.models import Assessment
from assessments.views.dashboard_csv import DASHBOARD_EXPORTS, TABLES
from coprod_site.columns import NUMBER
from coprod_site.csv_export import (
    BYTE_ORDER_MARK,
    MONEY_CELL,
    PERCENT_CELL,
    cell_column,
    fixed,
    iso_date,
    money,
    percent,
)
from tests import factories
from tests.assessments.test_dashboard import bigger, make

pytestmark = pytest.mark.django_db

TWO_PLACES = re.compile(r"-?\d+\.\d\d")
COLUMNS = {export.name: export.columns for _, export in DASHBOARD_EXPORTS}


def download(client, table, **params) -> tuple[list[str], list[dict]]:
    response = client.get(reverse("dashboard-table", args=[table]), params)
    assert response.status_code == 200
    reader = csv.reader(io.StringIO(b"".join(response.streaming_content).decode()))
    header = next(reader)
    return header, [dict(zip(header, row, strict=True)) for row in reader]


def money_columns(export_name: str) -> list[str]:
    return [c.name for c in COLUMNS[export_name] if c.type is NUMBER and "currency" in c.unit]


@pytest.fixture
def portfolio(service, other_service, owner):
    """The dashboard tests' worked example: two submitted (1,000 and 3,000 clients), a
    draft, and another agency's assessment that must never count."""
    make(service, title="Reading at home")
    make(service, title="Reading, bigger", options=bigger(), burden_on_vulnerable=True)
    make(service, status=Status.DRAFT, author=owner, title="My unfinished draft")
    make(other_service, title="Another agency's work")


@pytest.fixture
def australian(owner):
    """A second agency of the owner's, in Australian dollars, in the same sector, with one
    submitted assessment."""
    agency = factories.AgencyFactory(name="Aussie Agency", currency="AUD")
    agency.memberships.create(user=owner, role="manager")
    service = factories.ServiceFactory(agency=agency, name="Aussie Service")
    return make(service, title="Reading down under")


# --- Money, shares, quality and hours --------------------------------------------------


def test_money_is_written_to_two_places(client, owner, portfolio):
    """The database's sum was written with its stray places: 134272.020000000."""
    client.force_login(owner)
    header, (row,) = download(client, "currencies")
    assert row["agency_spending_pv"] == "134272.02"
    assert row["agency_spending_change_against_comparators_pv"] == "-235544.06"
    assert row["outcome_value_gained_against_comparators_pv"] == "0.00"
    for name in money_columns("dashboard-currencies"):
        assert TWO_PLACES.fullmatch(row[name]), (name, row[name])


def test_the_share_is_a_percentage_with_its_unit_in_the_header(client, owner, portfolio):
    """Two of three best options co-produced was written 0.6667 under a bare name."""
    third = make(owner.memberships.get().agency.services.get(), title="Staff do it")
    comparator = third.options.get(comparator=True)
    Assessment.objects.filter(pk=third.pk).update(result_best=comparator)
    client.force_login(owner)
    for table in ("agencies", "sectors", "currencies"):
        header, (row,) = download(client, table)
        assert "share_best_option_co_produced_percent" in header
        assert "share_best_option_co_produced" not in header
        assert row["best_option_co_produced"] == "2" and row["with_a_best_option"] == "3"
        assert row["share_best_option_co_produced_percent"] == "66.7"


def test_quality_and_hours_have_fixed_places(client, owner, portfolio):
    client.force_login(owner)
    _, (row,) = download(client, "agencies")
    assert row["quality_points_gained_per_client_year"] == "43.75"
    assert row["co_producer_hours_a_year"] == "4000.0"  # to a tenth of an hour, always
    _, points = download(client, "plane")
    assert {p["quality_change"] for p in points} == {"25.00", "50.00"}
    _, profile = download(client, "profile")
    averages = [r["value"] for r in profile if r["unit"] == "0 (none) to 4 (very strong)"]
    counts = [r["value"] for r in profile if r["unit"] == "assessments"]
    assert averages and all(TWO_PLACES.fullmatch(v) for v in averages)
    assert counts and all(v.isdigit() for v in counts)


@pytest.mark.parametrize("table", TABLES)
def test_no_figure_carries_float_noise(client, owner, portfolio, australian, table):
    client.force_login(owner)
    header, rows = download(client, table)
    assert rows
    for row in rows:
        for name, cell in row.items():
            if re.fullmatch(r"-?\d+\.\d+", cell):
                assert len(cell.split(".")[1]) <= 2, (name, cell)


# --- Currencies ------------------------------------------------------------------------


def test_the_plane_names_the_currency_beside_each_cost(client, owner, portfolio, australian):
    """The plane wrote -31.04 and -26.57 side by side with no currency."""
    client.force_login(owner)
    header, points = download(client, "plane")
    assert header.index("currency") == header.index("cost_per_client_year_change") + 1
    currencies = {p["title"]: p["currency"] for p in points}
    assert currencies == {
        "Reading at home": "GBP",
        "Reading, bigger": "GBP",
        "Reading down under": "AUD",
    }
    assert all(TWO_PLACES.fullmatch(p["cost_per_client_year_change"]) for p in points)
    assert {p["quadrant"] for p in points} == {"Cheaper and better"}


def test_a_sector_in_two_currencies_has_a_row_for_each(client, owner, portfolio, australian):
    client.force_login(owner)
    _, rows = download(client, "sectors")
    assert [(row["sector"], row["currency"], row["assessments"]) for row in rows] == [
        ("Health", "AUD", "1"),
        ("Health", "GBP", "2"),
    ]
    assert all(TWO_PLACES.fullmatch(row["agency_spending_pv"]) for row in rows)


def test_a_binned_plane_counts_each_currency_in_cells_of_its_own(
    client, owner, portfolio, australian, monkeypatch
):
    monkeypatch.setattr(portfolio_module, "PLANE_POINTS_MAX", 1)
    client.force_login(owner)
    header, cells = download(client, "plane")
    assert header.index("currency") == header.index("cost_change_to") + 1
    assert {c["currency"] for c in cells} == {"AUD", "GBP"}
    assert sum(int(c["assessments"]) for c in cells) == 3
    for cell in cells:  # the edges are worked out in floating point: rounded
        assert TWO_PLACES.fullmatch(cell["cost_change_from"]), cell
        assert TWO_PLACES.fullmatch(cell["quality_change_to"]), cell
        assert cell["quadrant"] == "Cheaper and better"


# --- Dates -----------------------------------------------------------------------------


def test_the_plane_dates_its_points_in_iso_8601(client, owner, service):
    submitted_at = datetime(2026, 4, 30, 23, 15, tzinfo=UTC)
    dated = make(service, title="Dated")
    Assessment.objects.filter(pk=dated.pk).update(submitted_at=submitted_at)
    client.force_login(owner)
    _, (point,) = download(client, "plane")
    assert point["submitted_on"] == timezone.localdate(submitted_at).isoformat()
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", point["submitted_on"])


# --- The Excel variant and the helpers ---------------------------------------------------


@pytest.mark.parametrize("table", TABLES)
def test_each_table_has_its_excel_variant(client, owner, portfolio, table):
    client.force_login(owner)
    url = reverse("dashboard-table", args=[table])
    plain = b"".join(client.get(url).streaming_content)
    response = client.get(url, {"format": "excel"})
    assert b"".join(response.streaming_content) == BYTE_ORDER_MARK + plain
    assert response["Content-Disposition"].endswith('-for-excel.csv"')


def test_figures_are_rounded_without_noise():
    assert fixed(0.1 + 0.2, 2) == Decimal("0.30")
    assert str(money(Decimal("1565065349.9100000"))) == "1565065349.91"
    assert str(money(Decimal("2.345"))) == "2.35"  # halves away from zero
    assert str(money(2.675)) == "2.68"  # as written, not as the float's binary value
    assert str(money(Decimal("-0.001"))) == "0.00"  # never minus nought
    assert str(percent(0.625)) == "62.5"
    assert str(percent(2 / 3)) == "66.7"
    assert money(None) is None and percent(None) is None


def test_dates_are_iso_8601():
    assert iso_date(datetime(2026, 4, 30, 12, tzinfo=UTC)) == "2026-04-30"
    assert iso_date(datetime(2026, 4, 30, 12).date()) == "2026-04-30"
    assert iso_date(None) is None


def test_a_percentage_column_must_say_so_in_its_name():
    with pytest.raises(ValueError, match="_percent"):
        cell_column("share", PERCENT_CELL, lambda row: row, "A share.")
    column = cell_column("share_percent", PERCENT_CELL, lambda row: row, "A share.")
    assert column.expression(0.5) == Decimal("50.0")
    assert column.unit == "per cent (0 to 100)"
    assert cell_column("cost", MONEY_CELL, lambda row: row, "Money.").expression(1) == Decimal(
        "1.00"
    )


def test_a_draft_is_never_on_the_plane(client, owner, service):
    make(service, status=Status.DRAFT, title="Unfinished")
    client.force_login(owner)
    header, rows = download(client, "plane")
    assert rows == [] and "currency" in header
