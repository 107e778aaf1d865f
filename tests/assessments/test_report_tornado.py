"""The report's tornado table and chart data: default ranges marked, alike figures merged,
the axis told the currency's sign."""

from decimal import Decimal

import pytest

from tests.assessments.test_report import submitted
from tests.assessments.test_report_uncertainty import json_data, page, table
from tests.factories import complete_options

pytestmark = pytest.mark.django_db


def fragile_options(**first) -> list[dict]:
    options = complete_options()
    options[0]["annual_agency_cost"] = Decimal("55000")
    options[0]["confidence"] = options[1]["confidence"] = "low"
    options[0].update(first)
    return options


def test_default_ranges_are_marked_in_the_chart_and_the_table(client, viewer, service):
    # Parents at home's yearly cost has a range given; every other range is a default.
    options = fragile_options(
        annual_agency_cost_low=Decimal("50000"), annual_agency_cost_high=Decimal("70000")
    )
    assessment = submitted(service, options=options, willingness_to_pay=Decimal("0.5"))
    text = page(client, viewer, assessment)

    bars = {bar["label"]: bar for bar in json_data(text, "tornado-data")["bars"]}
    given = bars["Parents at home: cost to the agency each year"]
    assert given["default"] is False
    defaulted = bars["Teaching assistants in school: cost to the agency each year (default range)"]
    assert defaulted["default"] is True
    tornado = table(text, "tornado-table")
    # Teaching assistants' £60,000 a year, at low confidence: half of it either side.
    assert (
        '<td class="text-end">£30,000 to £90,000<br>'
        '<span class="default-range">default range: ±50%</span></td>'
    ) in tornado
    assert '<td class="text-end">£50,000 to £70,000</td>' in tornado  # given: no words
    assert 'id="tornado-key"' in text and "A default range (striped)" in text
    assert "A default range is one you left empty" in text


def test_ranges_all_given_have_no_key_or_default_words(client, viewer, service):
    options = complete_options()
    for option in options:
        option["annual_agency_cost_low"] = option["annual_agency_cost"] * Decimal("0.8")
        option["annual_agency_cost_high"] = option["annual_agency_cost"] * Decimal("1.2")
        for name in ("setup_cost", "hours_per_client", "clients_per_year"):
            option[f"{name}_low"] = option[f"{name}_high"] = option[name]
        for name in ("effectiveness", "consistency", "trust", "experience"):
            option[f"{name}_low"] = option[f"{name}_high"] = option[name]
    assessment = submitted(service, options=options, willingness_to_pay=Decimal("1"))
    text = page(client, viewer, assessment)

    assert "default range" not in table(text, "tornado-table")
    assert 'id="tornado-key"' not in text
    assert not any(bar["default"] for bar in json_data(text, "tornado-data")["bars"])


def test_alike_ratings_are_one_row_and_one_bar(client, viewer, service):
    assessment = submitted(service, options=fragile_options(), willingness_to_pay=Decimal("0.5"))
    text = page(client, viewer, assessment)

    label = (
        "Parents at home: ratings for effectiveness, consistency across areas, trust and "
        "responsiveness, and client experience"
    )
    labels = [bar["label"] for bar in json_data(text, "tornado-data")["bars"]]
    assert labels.count(f"{label} (default range)") == 1
    assert not any("Parents at home: rating for" in label for label in labels)
    tornado = table(text, "tornado-table")
    assert tornado.count(f'<th scope="row" class="fw-normal">{label}</th>') == 1
    # The four ratings' ranges are alike: given once, "each".
    assert "2.5 to 5 each<br>" in tornado
    assert "share one bar, and one row" in text


def test_the_charts_are_told_the_currencys_sign(client, viewer, service):
    assessment = submitted(service, options=fragile_options(), willingness_to_pay=Decimal("0.5"))
    text = page(client, viewer, assessment)

    assert json_data(text, "tornado-data")["symbol"] == "£"
    assert json_data(text, "acceptability-data")["symbol"] == "£"
