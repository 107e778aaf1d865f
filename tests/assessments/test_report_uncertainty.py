"""The report's uncertainty section: how often each option comes out best, what finding out
more could be worth, the acceptability curve and the tornado."""

import json
from decimal import Decimal

import pytest
from django.utils.html import escape

from tests.assessments.test_report import returns_option, returns_options, submitted
from tests.factories import complete_options

pytestmark = pytest.mark.django_db


def page(client, viewer, assessment) -> str:
    client.force_login(viewer)
    response = client.get(assessment.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def json_data(text: str, script_id: str) -> dict:
    start = text.index(f'<script id="{script_id}" type="application/json">')
    return json.loads(text[start:].split(">", 1)[1].split("</script>", 1)[0])


def test_a_clear_choice_is_robust_and_not_worth_more_evidence(client, viewer, service):
    # Parents at home are cheaper and better than teaching assistants on every count.
    assessment = submitted(service, willingness_to_pay=Decimal("1"))
    text = page(client, viewer, assessment)
    assert "<strong>Robust.</strong> Parents at home came out best in 100% of the tries" in text
    assert "Knowing the figures for certain would not change the choice" in text
    assert 'id="probability-table"' in text


def test_a_close_choice_is_fragile_and_says_what_finding_out_more_is_worth(client, viewer, service):
    options = complete_options()
    options[0]["annual_agency_cost"] = Decimal("55000")  # nearly as dear as the other
    options[0]["confidence"] = options[1]["confidence"] = "low"
    assessment = submitted(service, options=options, willingness_to_pay=Decimal("0.5"))
    assessment.refresh_from_db()
    text = page(client, viewer, assessment)
    assert "<strong>Fragile.</strong>" in text
    assert "under the 80% a robust choice needs" in text
    assert "could be worth up to <strong>£" in text
    assert "gather it before you decide" in text
    assert assessment.result_evpi > 0
    assert assessment.result_sensitivity == "fragile"
    # The tornado: a chart with its table, the figure that matters most first.
    tornado = json_data(text, "tornado-data")
    assert 1 <= len(tornado["bars"]) <= 10
    swings = [abs(bar["high"] - bar["low"]) for bar in tornado["bars"]]
    assert swings == sorted(swings, reverse=True)
    assert 'id="tornado-table"' in text
    assert escape(tornado["bars"][0]["label"]) in text


def test_the_acceptability_curve_has_a_chart_and_a_table(client, viewer, service):
    assessment = submitted(service, options=returns_options(), willingness_to_pay=Decimal("1"))
    text = page(client, viewer, assessment)
    curve = json_data(text, "acceptability-data")
    assert curve["your_wtp"] == 1.0
    assert [series["label"] for series in curve["series"]] == [
        "Paper returns",
        "Online returns",
        "Online with phone help",
        "Pre-filled returns",
        "Home visits",
    ]
    for index in range(len(curve["wtp"])):
        assert sum(series["data"][index] for series in curve["series"]) == pytest.approx(1)
    # At no value on quality, the cheapest (online returns) comes out best.
    assert curve["wtp"][0] == 0
    assert curve["series"][1]["data"][0] > 0.5
    assert text.count('<tr><th scope="row" class="fw-normal">£') >= len(curve["wtp"])
    assert 'id="acceptability-chart" role="img"' in text


def test_without_a_willingness_to_pay_there_is_a_curve_but_no_choice_to_test(
    client, viewer, service
):
    assessment = submitted(service, options=returns_options(), willingness_to_pay=None)
    text = page(client, viewer, assessment)
    assert 'id="acceptability-data"' in text
    assert "Robust." not in text and "Fragile." not in text
    assert 'id="tornado-table"' not in text and 'id="probability-table"' not in text


def test_a_draft_without_costs_has_no_uncertainty_section(client, viewer, service):
    options = [returns_option("Online", "1000", 3), {"name": "Paper", "comparator": True}]
    assessment = submitted(service, options=options, willingness_to_pay=Decimal("1"))
    text = page(client, viewer, assessment)
    assert "How sure can you be?" not in text
