"""Outcomes on the report, the compare page, the exports and the dashboard: what each
option changes in people's lives, its price per unit, and the value of that change."""

import csv
import io
import re
from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.choices import Status
from assessments.models import Assessment, OutcomeEffect, OutcomeMeasure
from assessments.portfolio import comparisons
from services.models import Membership
from tests import factories
from tests.assessments.test_report import THREE_YEARS, certain, returns_option

pytestmark = pytest.mark.django_db

NICE = "https://www.nice.org.uk/process/pmg36"
PRICE_YEAR = 2024


def volunteers_options() -> list[dict]:
    """Paper returns (the comparator) at £60,000 a year against Volunteers at £70,000, both
    rated 2 and serving 1,000 clients a year, high confidence (10% uplift), no uncertainty.
    Volunteers cost £11,000 a year more (with the uplift); their outcome below buys 10
    QALYs a year more, so they are best while a QALY is worth more than £1,100."""
    return certain(
        [
            returns_option("Paper returns", "60000", 2, co_produced=False, comparator=True),
            returns_option("Volunteers", "70000", 2),
        ]
    )


def assessment_with_outcomes(service, *, interval=False, status=Status.SUBMITTED, **overrides):
    """Volunteers against Paper returns at £1 a quality point (see `volunteers_options`),
    valuing two outcomes:

    - "Health gained", in QALYs at NICE's £20,000 (£15,000 to £30,000), in the assessment's
      price year; Volunteers give 0.01 QALY for each client a year more than Paper returns
      (certain, or with a 95% interval of 0 to 0.02 when `interval`): 10 QALYs a year,
      28.016 over the three discounted years, worth £560,327.
    - "Officer hours freed" at the agency's own £30 an hour, with a reason: no effect given.
    """
    extra = {"submitted_at": timezone.now()} if status == Status.SUBMITTED else {}
    assessment = factories.AssessmentFactory(
        **factories.complete_answers(
            **{
                "options": volunteers_options(),
                "willingness_to_pay": Decimal("1"),
                "price_year": PRICE_YEAR,
                **overrides,
            }
        ),
        service=service,
        status=status,
        **extra,
    )
    health = OutcomeMeasure(
        assessment=assessment,
        position=1,
        name="Health gained",
        unit="one QALY",
        unit_value=Decimal("20000"),
        unit_value_low=Decimal("15000"),
        unit_value_high=Decimal("30000"),
        currency=service.agency.currency,
        price_year=PRICE_YEAR,
        source="NICE health technology evaluations manual (2022), section 4.10",
        source_url=NICE,
        evidence="Smith et al. (2021), a randomised trial of volunteer help",
    )
    health.bring_to(assessment.price_year)
    health.save()
    hours = OutcomeMeasure(
        assessment=assessment,
        position=2,
        name="Officer hours freed",
        unit="one hour",
        unit_value=Decimal("30"),
        unit_value_low=Decimal("30"),
        unit_value_high=Decimal("30"),
        currency=service.agency.currency,
        price_year=PRICE_YEAR,
        reason="What an hour of an officer's time costs us, on-costs included.",
    )
    hours.bring_to(assessment.price_year)
    hours.save()
    paper, volunteers = assessment.ordered_options
    spread = {"low": Decimal("0"), "high": Decimal("0.02"), "spread": "ci95"}
    if not interval:
        spread = {"low": Decimal("0.01"), "high": Decimal("0.01"), "spread": "range"}
    OutcomeEffect.objects.create(
        outcome=health, option=volunteers, estimate=Decimal("0.01"), **spread
    )
    assessment.forget_outcomes()
    assessment.save()
    return assessment


def page_text(client, assessment) -> str:
    response = client.get(assessment.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def words(html: str) -> str:
    """The page's text, tags dropped and spaces collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


# --- The report ------------------------------------------------------------------------


def test_the_scoring_counts_the_outcomes_value(service):
    assessment = assessment_with_outcomes(service)
    paper, volunteers = Assessment.objects.get(pk=assessment.pk).ordered_options
    assert paper.result_outcome_value == 0
    assert float(volunteers.result_outcome_value) == pytest.approx(20000 * 10 * THREE_YEARS, 1e-4)
    assert assessment.result_best_id == volunteers.pk


def test_the_report_has_an_outcomes_section_after_the_options_costs(client, owner, service):
    client.force_login(owner)
    html = page_text(client, assessment_with_outcomes(service))
    assert html.index('id="options-table"') < html.index('id="outcomes-heading"')
    text = words(html)
    assert "One QALY is worth £20,000 in 2024 prices (from £15,000 to £30,000)." in text
    assert f'<a href="{NICE}">NICE health technology evaluations manual' in html
    assert "The effects come from: Smith et al. (2021), a randomised trial" in text
    # The agency's own value, with its reason.
    assert "One hour is worth £30 in 2024 prices. This is your own value: What an hour" in text
    # Each option's effect, its range and what kind, the units over the period and value.
    table = words(html.split('id="outcome-table-0"', 1)[1].split("</table>", 1)[0])
    assert "Paper returns None The effects are differences from it 0 £0" in table
    assert "Volunteers 0.01 0.01 to 0.01 (a range) 28 £560,000" in table
    hours = words(html.split('id="outcome-table-1"', 1)[1].split("</table>", 1)[0])
    assert "Volunteers None given" in hours


def test_the_price_year_conversion_is_shown_when_the_years_differ(client, owner, service):
    assessment = assessment_with_outcomes(service)
    health = assessment.ordered_outcomes[0]
    health.price_year = 2019
    health.bring_to(assessment.price_year)
    health.save()
    assert health.conversion
    client.force_login(owner)
    text = words(page_text(client, assessment))
    assert f"Published as £20,000 for one QALY in 2019 prices. {health.conversion}" in text


def test_the_options_table_adds_the_value_of_outcomes_to_net_benefit(client, owner, service):
    client.force_login(owner)
    html = page_text(client, assessment_with_outcomes(service))
    table = html.split('id="options-table"', 1)[1].split("</table>", 1)[0]
    assert ">Value of quality</th>" in table
    assert ">Value of outcomes</th>" in table
    assert 'data-label="Value of outcomes">£560,000</td>' in table
    assert "Net benefit = value of quality + value of outcomes − full cost." in html
    assert "plus the value of its outcomes (£560,000)" in words(html)


def test_break_even_and_scenarios_name_the_outcome(client, owner, service):
    client.force_login(owner)
    text = words(page_text(client, assessment_with_outcomes(service)))
    assert (
        "Volunteers stays the best choice while one QALY (Health gained) is worth more than "
        "£1,100 (you use £20,000); below it, Paper returns would be."
    ) in text
    assert "Whatever one hour (Officer hours freed) is worth, within what the forms" in text
    assert "The value of one QALY (Health gained) £15,000: Volunteers" in text


def test_finding_out_an_outcomes_effect_reads_as_a_trial(client, owner, service):
    client.force_login(owner)
    text = words(page_text(client, assessment_with_outcomes(service, interval=True)))
    assert re.search(
        r"Finding out the effect on Health gained could be worth up to £[\d,]+ \(£[\d.]+ for "
        r"each client-year\); a trial or an evaluation of the options would show this\.",
        text,
    )
    assert "0 to 0.02 (a 95% confidence interval)" in text
    # The tornado's bar for the effect, in the outcome's units; the choice changes where
    # the effect is 30,818 / (2,801.64 x £20,000) = 0.00055 a client a year.
    assert "Volunteers: Health gained for each client a year 0 to 0.02" in text
    assert "0.00055" in text


def test_a_report_without_outcomes_has_no_outcome_words(client, owner, service):
    assessment = factories.AssessmentFactory(
        **factories.complete_answers(willingness_to_pay=Decimal("1")), service=service
    )
    client.force_login(owner)
    html = page_text(client, assessment)
    assert "outcomes-heading" not in html
    assert "Value of outcomes" not in html
    assert "Net benefit is what an option's quality is worth at £1 a point" in html


@pytest.mark.parametrize("outcome_count", [1, 2])
def test_report_queries_do_not_grow_with_the_outcomes(
    client, owner, service, django_assert_num_queries, outcome_count
):
    assessment = assessment_with_outcomes(service)
    if outcome_count == 1:
        assessment.ordered_outcomes[1].delete()
        assessment.forget_outcomes()
        assessment.save()
    client.force_login(owner)
    # As without outcomes (test_report_query_count_does_not_grow_with_the_options), and
    # the outcomes' effects, read with the outcomes in one more query.
    with django_assert_num_queries(15):
        assert client.get(assessment.get_absolute_url()).status_code == 200


# --- The compare page ----------------------------------------------------------------------


def compare_rows(html: str) -> dict[str, list[str]]:
    """Each row of the compare page's tables by its heading: its cells' text."""
    rows = {}
    for row in re.findall(r"<tr role=\"row\">(.*?)</tr>", html, re.S):
        if '<th scope="row"' not in row:
            continue
        label = words(row.split("</th>", 1)[0])
        rows[label] = [words(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
    return rows


def test_compare_shows_the_best_options_value_of_outcomes_and_the_outcomes(client, owner, service):
    valued = assessment_with_outcomes(service, title="Valued")
    plain = factories.AssessmentFactory(
        **factories.complete_answers(willingness_to_pay=Decimal("1")),
        service=service,
        title="Plain",
    )
    client.force_login(owner)
    response = client.get("/assessments/compare/", {"a": valued.code, "b": plain.code})
    assert response.status_code == 200
    rows = compare_rows(response.content.decode())
    assert rows["Outcomes valued"] == ["Health gained Officer hours freed", "None"]
    assert rows["Its value of outcomes"] == ["£560,000", "£0"]
    assert "Value of outcomes £560,000" in rows["Option 2"][0]

    response = client.get("/assessments/compare/csv/", {"a": valued.code, "b": plain.code})
    lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    by_label = {line[0]: line[2:] for line in lines}  # after the label, its unit
    assert by_label["Outcomes valued"] == ["Health gained; Officer hours freed", ""]
    assert float(by_label["Its value of outcomes"][0]) == pytest.approx(560327, abs=5)


# --- The exports and the data dictionary ---------------------------------------------------


def download(client, url) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(body)))


def test_the_exports_carry_the_outcomes_and_their_value(client, owner, service):
    assessment_with_outcomes(service, title="Valued")
    factories.AssessmentFactory(**factories.complete_answers(), service=service, title="Plain")
    risky = assessment_with_outcomes(service, title="Risky")
    risky.ordered_outcomes[0].delete()
    OutcomeMeasure.objects.filter(assessment=risky).update(name="=cmd")
    client.force_login(owner)
    rows = {row["title"]: row for row in download(client, "/export/assessments.csv")}
    assert rows["Valued"]["outcomes"] == "Health gained;Officer hours freed"
    assert rows["Plain"]["outcomes"] == ""
    assert rows["Risky"]["outcomes"] == "'=cmd"  # the formula guard
    options = {
        (row["assessment"], row["option"]): row for row in download(client, "/export/options.csv")
    }
    assert float(options["Valued", "Volunteers"]["outcome_value"]) == pytest.approx(560327, abs=5)
    assert options["Valued", "Paper returns"]["outcome_value"] == "0.00"
    assert options["Plain", "Parents at home"]["outcome_value"] == "0.00"


def test_the_assessments_export_reads_the_outcomes_in_the_same_query(
    client, owner, service, django_assert_max_num_queries
):
    for number in range(4):
        assessment_with_outcomes(service, title=f"Valued {number}")
    client.force_login(owner)
    # session, user, the export's one query (the filter's agencies a subquery), and room
    # for the list filter's own reads: never one a row.
    with django_assert_max_num_queries(4):
        assert len(download(client, "/export/assessments.csv")) == 4


def test_the_data_dictionary_explains_the_outcome_columns(client, owner):
    client.force_login(owner)
    html = client.get(reverse("export-dictionary")).content.decode()
    for export, name, unit, said in (
        ("assessments", "outcomes", "", "separated by semicolons"),
        ("options", "outcome_value", "present value over the appraisal period", "price per unit"),
    ):
        section = html.split(f'<section aria-labelledby="{export}"', 1)[1].split("</section>")[0]
        row = section.split(f'<th scope="row"><code>{name}</code></th>', 1)[1].split("</tr>")[0]
        text = words(row)
        assert unit in text and said in text, name
    package = client.get("/export/datapackage.json").json()
    fields = {
        (resource["name"], field["name"]): field
        for resource in package["resources"]
        for field in resource["schema"]["fields"]
    }
    assert fields["options", "outcome_value"]["type"] == "number"
    assert "present value" in fields["options", "outcome_value"]["unit"]
    assert fields["assessments", "outcomes"]["type"] == "string"


# --- The dashboard ---------------------------------------------------------------------------


def test_the_dashboard_adds_up_the_value_of_outcomes_by_currency(client, owner, service):
    euro_agency = factories.AgencyFactory(name="Euro Agency", currency="EUR")
    Membership.objects.create(user=owner, agency=euro_agency, role="manager")
    euro_service = factories.ServiceFactory(agency=euro_agency, name="Euro Service")
    assessment_with_outcomes(service, title="Pounds one")
    assessment_with_outcomes(service, title="Pounds two")
    assessment_with_outcomes(euro_service, title="Euros")
    assessment_with_outcomes(service, title="Draft", status=Status.DRAFT)  # not counted
    client.force_login(owner)
    response = client.get("/")
    assert response.status_code == 200
    by_currency = {
        currency: outcomes for currency, outcomes, _ in response.context["tables"]["currency"]
    }
    # Volunteers against Paper returns: 560,327 each, the comparator none.
    assert float(by_currency["GBP"].outcome_value_change) == pytest.approx(2 * 560327, abs=10)
    assert float(by_currency["EUR"].outcome_value_change) == pytest.approx(560327, abs=5)
    html = response.content.decode()
    assert html.count("Value of outcomes, co-production against what happens now") == 2
    assert "£1.1 million more" in html and "€560,000 more" in html
    # The same sums in the headline's CSV.
    lines = list(
        csv.DictReader(
            io.StringIO(
                b"".join(client.get("/dashboard/currencies.csv").streaming_content).decode()
            )
        )
    )
    gained = {
        line["currency"]: line["outcome_value_gained_against_comparators_pv"] for line in lines
    }
    assert float(gained["EUR"]) == pytest.approx(560327, abs=5)


def test_the_dashboard_says_nothing_of_outcomes_where_none_is_valued(client, owner, service):
    factories.AssessmentFactory(
        **factories.complete_answers(willingness_to_pay=Decimal("1")),
        service=service,
        status=Status.SUBMITTED,
        submitted_at=timezone.now(),
    )
    client.force_login(owner)
    response = client.get("/")
    ((_, outcomes, _),) = response.context["tables"]["currency"]
    assert outcomes.outcome_value_change == 0
    assert "Value of outcomes" not in response.content.decode()


def test_the_sums_are_one_query_whatever_the_outcomes(owner, service, django_assert_num_queries):
    for number in range(3):
        assessment_with_outcomes(service, title=f"Valued {number}")
    submitted = Assessment.objects.filter(status=Status.SUBMITTED)
    with django_assert_num_queries(1):
        tables = comparisons(submitted)
    ((_, outcomes, _),) = tables["currency"]
    assert float(outcomes.outcome_value_change) == pytest.approx(3 * 560327, abs=15)
