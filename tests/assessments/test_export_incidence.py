"""Who gains and who pays in the exports: the options file's columns against the comparator,
the two perspectives in the assessments file, and the budget file, year by year."""

import csv
import io
from decimal import Decimal
from fractions import Fraction

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from assessments.access import assessments_for
from assessments.choices import Status
from assessments.models import Option
from assessments.scoring.rounding import round_half_up
from assessments.views.export import COLUMNS, INCIDENCE_COLUMNS, OPTION_COLUMNS
from assessments.views.export_budget import BUDGET_COLUMNS
from coprod_site.csv_export import computed_rows, copy_csv, python_csv
from services.models import AccessToken, Lifetime
from tests import factories
from tests.assessments.test_report import certain

pytestmark = pytest.mark.django_db

ASSESSMENTS_URL = "/export/assessments.csv"
OPTIONS_URL = "/export/options.csv"
BUDGET_URL = "/export/budget.csv"
INCIDENCE = [
    "agency_cost_change_pv",
    "co_producer_time_cost_change_pv",
    "co_producer_money_cost_change_pv",
    "co_producer_hours_a_year_change",
    "gains_change_pv",
    "clients_gain_pv",
    "public_gain_pv",
    "net_benefit_change_pv",
    "agency_view_mean_net_benefit",
    "best_at_agency_cost",
]
RATINGS = ("effectiveness", "consistency", "trust", "experience")


def recycling_options() -> list[dict]:
    """tests/assessments/test_incidence.py's recycling case as an assessment's options: the
    council sorts the waste for 40,000 households at £3m a year (high confidence, 10%), or
    households sort at the kerb, 7 hours each a year, and the council spends £0.4m to set it
    up and £2m a year (medium confidence, 25%). No figure is uncertain."""
    return certain(
        [
            factories.option_answers(
                "Council sorts the waste",
                co_produced=False,
                comparator=True,
                setup_cost=Decimal("0"),
                annual_agency_cost=Decimal("3000000"),
                hours_per_client=Decimal("0"),
                clients_per_year=40_000,
                confidence="high",
                **dict.fromkeys(RATINGS, 3),
            ),
            factories.option_answers(
                "Households sort at the kerb",
                co_produced=True,
                setup_cost=Decimal("400000"),
                annual_agency_cost=Decimal("2000000"),
                hours_per_client=Decimal("7"),
                clients_per_year=40_000,
                confidence="medium",
                **{**dict.fromkeys(RATINGS, 3), "effectiveness": 4},
            ),
        ]
    )


def recycling(service, **overrides):
    """Two years, undiscounted, £10 an hour, £5 a quality point; the value mostly public
    (strength 3 against private 1), so the public gains three quarters."""
    answers = factories.complete_answers(
        options=recycling_options(),
        appraisal_years=2,
        discount_rate=Decimal("0"),
        hourly_rate=Decimal("10"),
        willingness_to_pay=Decimal("5"),
        private_value_strength=1,
        public_value_strength=3,
        title="Recycling",
    )
    answers.update(overrides)
    return factories.AssessmentFactory(
        **answers, service=service, status=Status.SUBMITTED, submitted_at=timezone.now()
    )


def reading(service, **overrides):
    """factories.complete_answers: parents at home against teaching assistants, 3 years at
    3.5%, at £2 a quality point, every figure certain."""
    answers = factories.complete_answers(
        options=certain(factories.complete_options()),
        willingness_to_pay=Decimal("2"),
        title="Reading",
    )
    answers.update(overrides)
    return factories.AssessmentFactory(**answers, service=service)


def download(client, url, **params) -> list[dict]:
    response = client.get(url, params)
    assert response.status_code == 200
    assert response.streaming, "an export must stream"
    body = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(body)))


def by_option(rows) -> dict[str, dict]:
    return {row["option"]: row for row in rows}


# --- The options file: each option against the comparator --------------------------------


def test_the_incidence_columns_follow_the_choice_on_average():
    names = [column.name for column in OPTION_COLUMNS]
    assert names[-len(INCIDENCE) :] == INCIDENCE == [c.name for c in INCIDENCE_COLUMNS]
    assert names.index("agency_cost_change_pv") == names.index("expected_loss") + 1


def test_the_options_file_says_who_gains_and_who_pays(client, owner, service):
    recycling(service)
    client.force_login(owner)
    options = by_option(download(client, OPTIONS_URL))
    households, council = options["Households sort at the kerb"], options["Council sorts the waste"]
    # Households: (0.4m + 2 x 2m) + 25% = 5.5m against the council's 3m x 2 + 10% = 6.6m;
    # 280,000 hours a year x £10 x 2 years + 25% = 7m; quality 56.25 against 50 for 80,000
    # client-years at £5 = 2.5m, a quarter to the clients, three quarters to the public.
    assert households["agency_cost_change_pv"] == "-1100000.00"  # the agency saves
    assert households["co_producer_time_cost_change_pv"] == "7000000.00"
    assert households["co_producer_money_cost_change_pv"] == "0.00"
    assert households["co_producer_hours_a_year_change"] == "280000.0"
    assert households["gains_change_pv"] == "2500000.00"
    assert households["clients_gain_pv"] == "625000.00"
    assert households["public_gain_pv"] == "1875000.00"
    assert households["net_benefit_change_pv"] == "-3400000.00"
    # The comparator is set against nothing: its cells are empty.
    assert all(council[name] == "" for name in INCIDENCE[:8])


def test_gains_less_what_is_spent_and_given_is_the_change_in_net_benefit(client, owner, service):
    recycling(service)
    reading(service)
    client.force_login(owner)
    rows = download(client, OPTIONS_URL)
    comparators = {row["assessment_id"]: row for row in rows if row["comparator"] == "true"}
    checked = 0
    for row in rows:
        if row["comparator"] == "true":
            continue
        comparator = comparators[row["assessment_id"]]
        gains, agency, time, money = (
            Decimal(row[name])
            for name in (
                "gains_change_pv",
                "agency_cost_change_pv",
                "co_producer_time_cost_change_pv",
                "co_producer_money_cost_change_pv",
            )
        )
        change = Decimal(row["net_benefit"]) - Decimal(comparator["net_benefit"])
        assert gains - agency - time - money == change == Decimal(row["net_benefit_change_pv"])
        assert Decimal(row["clients_gain_pv"]) + Decimal(row["public_gain_pv"]) == gains
        checked += 1
    assert checked == 2


def test_the_reading_example_in_cents(client, owner, service):
    # 3 years at 3.5% (A = 2.8016370): the parents save the agency (5,000 + 20,000 A
    # - 60,000 A) x 1.1 = -117,772.03 and give 1,000 hours a year at £10, 30,818.01.
    reading(service)
    client.force_login(owner)
    parents = by_option(download(client, OPTIONS_URL))["Parents at home"]
    assert parents["agency_cost_change_pv"] == "-117772.03"
    assert parents["co_producer_time_cost_change_pv"] == "30818.01"
    assert parents["co_producer_hours_a_year_change"] == "1000.0"
    # Private 3 and public 2: the public's part is two fifths of the gains.
    gains = Decimal(parents["gains_change_pv"])
    assert Decimal(parents["public_gain_pv"]) == (gains * 2 / 5).quantize(Decimal("0.01"))


def test_gains_are_empty_while_no_value_is_put_on_quality(client, owner, service):
    reading(service, willingness_to_pay=None)
    client.force_login(owner)
    parents = by_option(download(client, OPTIONS_URL))["Parents at home"]
    assert parents["agency_cost_change_pv"] == "-117772.03"  # costs need no value of quality
    for name in ("gains_change_pv", "clients_gain_pv", "public_gain_pv", "net_benefit_change_pv"):
        assert parents[name] == "", name
    assert parents["agency_view_mean_net_benefit"] == parents["best_at_agency_cost"] == ""


def test_the_clients_part_is_empty_where_the_value_is_not_split(client, owner, service):
    recycling(service, private_value_strength=0, public_value_strength=0)
    client.force_login(owner)
    households = by_option(download(client, OPTIONS_URL))["Households sort at the kerb"]
    assert households["gains_change_pv"] == "2500000.00"
    assert households["clients_gain_pv"] == households["public_gain_pv"] == ""


# --- Two perspectives --------------------------------------------------------------------


def test_the_agency_and_society_choosing_differently_is_exported(client, owner, service):
    recycling(service)
    client.force_login(owner)
    (assessment,) = download(client, ASSESSMENTS_URL)
    # At full cost the council's own sorting: 20m - 6.6m = 13.4m against 22.5m - 5.5m - 7m
    # = 10m. At the agency's cost, households: 22.5m - 5.5m = 17m against 13.4m.
    assert assessment["best_option"] == "Council sorts the waste"
    assert assessment["best_option_at_agency_cost"] == "Households sort at the kerb"
    assert assessment["perspectives_agree"] == "false"
    options = by_option(download(client, OPTIONS_URL))
    households, council = options["Households sort at the kerb"], options["Council sorts the waste"]
    assert households["agency_view_mean_net_benefit"] == "17000000.00"
    assert council["agency_view_mean_net_benefit"] == "13400000.00"
    assert (households["best"], households["best_at_agency_cost"]) == ("false", "true")
    assert (council["best"], council["best_at_agency_cost"]) == ("true", "false")


def test_perspectives_that_agree_and_perspectives_not_yet_known(client, owner, service):
    reading(service, title="Agreed")
    factories.AssessmentFactory(service=service, title="Just started")
    client.force_login(owner)
    rows = {row["title"]: row for row in download(client, ASSESSMENTS_URL)}
    agreed, blank = rows["Agreed"], rows["Just started"]
    assert agreed["best_option"] == agreed["best_option_at_agency_cost"] == "Parents at home"
    assert agreed["perspectives_agree"] == "true"
    assert blank["best_option_at_agency_cost"] == blank["perspectives_agree"] == ""


def test_the_perspective_columns_sit_beside_the_best_option():
    names = [column.name for column in COLUMNS]
    at = names.index("best_option")
    assert names[at : at + 3] == ["best_option", "best_option_at_agency_cost", "perspectives_agree"]


on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="COPY is PostgreSQL's; SQLite has one path"
)


@on_postgresql
def test_copy_and_the_csv_writer_write_the_same_differences(owner, service):
    recycling(service)
    reading(service)
    options = Option.objects.filter(assessment__in=assessments_for(owner)).order_by("pk")
    rows = computed_rows(options, OPTION_COLUMNS)
    assert b"".join(copy_csv(rows)).decode() == "".join(python_csv(rows))


# --- The budget file -----------------------------------------------------------------------


def test_the_budget_is_at_export_budget():
    assert reverse("export-budget") == BUDGET_URL


def test_each_option_has_a_row_for_each_year_of_the_period(client, owner, service):
    assessment = recycling(service)
    client.force_login(owner)
    rows = download(client, BUDGET_URL)
    assert list(rows[0]) == [column.name for column in BUDGET_COLUMNS]
    cells = [
        (
            row["option"],
            row["position"],
            row["year"],
            row["cash"],
            row["cash_with_allowance"],
            row["optimism_uplift_percent"],
        )
        for row in rows
    ]
    council, households = "Council sorts the waste", "Households sort at the kerb"
    assert cells == [
        (council, "1", "0", "0.00", "0.0000", "10.00"),
        (council, "1", "1", "3000000.00", "3300000.0000", "10.00"),
        (council, "1", "2", "3000000.00", "3300000.0000", "10.00"),
        (households, "2", "0", "400000.00", "500000.0000", "25.00"),
        (households, "2", "1", "2000000.00", "2500000.0000", "25.00"),
        (households, "2", "2", "2000000.00", "2500000.0000", "25.00"),
    ]
    assert {row["assessment_id"] for row in rows} == {str(assessment.code)}
    assert {row["currency"] for row in rows} == {"GBP"}


def present_value(rows: list[dict], rate_percent: str) -> Decimal:
    growth = 1 + Fraction(rate_percent) / 100
    total = sum(Fraction(row["cash_with_allowance"]) / growth ** int(row["year"]) for row in rows)
    return Decimal(str(round_half_up(total, 2)))


def test_the_budget_discounted_is_the_agencys_present_value(client, owner, service):
    recycling(service)
    reading(service)
    client.force_login(owner)
    budget = download(client, BUDGET_URL)
    assessments = {row["assessment_id"]: row for row in download(client, ASSESSMENTS_URL)}
    options = download(client, OPTIONS_URL)
    assert len(options) == 4
    for option in options:
        years = [
            row
            for row in budget
            if (row["assessment_id"], row["position"])
            == (option["assessment_id"], option["position"])
        ]
        period = assessments[option["assessment_id"]]
        assert [int(row["year"]) for row in years] == list(
            range(int(period["appraisal_years"]) + 1)
        )
        rate = period["discount_rate_percent"]
        assert present_value(years, rate) == Decimal(option["agency_cost_pv"]), option["option"]


def test_the_allowance_keeps_fractions_of_a_cent(client, owner, service):
    # £1,234.57 x 1.25 = £1,543.2125: kept to four places, as the appraisal counts it.
    options = recycling_options()
    options[1]["setup_cost"] = options[1]["setup_cost_low"] = Decimal("1234.57")
    options[1]["setup_cost_high"] = Decimal("1234.57")
    recycling(service, options=options)
    client.force_login(owner)
    households = [
        row
        for row in download(client, BUDGET_URL)
        if row["option"] == "Households sort at the kerb"
    ]
    assert (households[0]["cash"], households[0]["cash_with_allowance"]) == (
        "1234.57",
        "1543.2125",
    )
    option = by_option(download(client, OPTIONS_URL))["Households sort at the kerb"]
    assert present_value(households, "0") == Decimal(option["agency_cost_pv"])


def test_options_missing_a_cost_or_confidence_or_the_period_have_no_rows(client, owner, service):
    options = certain(factories.complete_options())
    options[0]["confidence"] = ""
    reading(service, options=options, title="No confidence")
    options = certain(factories.complete_options())
    options[1]["setup_cost"] = options[1]["setup_cost_low"] = options[1]["setup_cost_high"] = None
    reading(service, options=options, title="No set-up cost")
    reading(service, appraisal_years=None, title="No period")
    factories.AssessmentFactory(service=service, title="Just started")
    client.force_login(owner)
    rows = download(client, BUDGET_URL)
    # Newest first: no period, no rows; the parents where the assistants have no set-up
    # cost; the assistants where the parents have no confidence. Years 0 to 3 each.
    assert [(row["option"], row["year"]) for row in rows] == [
        ("Parents at home", str(year)) for year in range(4)
    ] + [("Teaching assistants in school", str(year)) for year in range(4)]


def test_the_budget_honours_the_filters_and_one_assessment(client, owner, service):
    wanted = reading(service, title="Wanted")
    recycling(service)  # submitted
    client.force_login(owner)
    rows = download(client, BUDGET_URL, assessment=str(wanted.code))
    assert {row["assessment_id"] for row in rows} == {str(wanted.code)}
    assert len(rows) == 8  # two options, years 0 to 3
    rows = download(client, BUDGET_URL, status="submitted")
    assert {row["option"] for row in rows} == {
        "Council sorts the waste",
        "Households sort at the kerb",
    }


def test_the_budget_guards_names_a_spreadsheet_would_run(client, owner, service):
    options = certain(factories.complete_options())
    options[0]["name"] = "=HYPERLINK(evil)"
    reading(service, options=options)
    client.force_login(owner)
    names = {row["option"] for row in download(client, BUDGET_URL)}
    assert names == {"'=HYPERLINK(evil)", "Teaching assistants in school"}


def test_the_budget_in_the_options_order(client, owner, service):
    reading(service)
    recycling(service)
    client.force_login(owner)
    order = [(row["assessment_id"], row["position"]) for row in download(client, OPTIONS_URL)]
    budget = [(row["assessment_id"], row["position"]) for row in download(client, BUDGET_URL)]
    assert len(order) == 4 and list(dict.fromkeys(budget)) == order


# --- Who may download the budget ---------------------------------------------------------------


def test_anonymous_user_is_sent_to_sign_in(client):
    response = client.get(BUDGET_URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_outsider_gets_404_for_one_assessment_and_no_rows_otherwise(client, outsider, service):
    assessment = reading(service)
    client.force_login(outsider)
    assert client.get(BUDGET_URL, {"assessment": str(assessment.code)}).status_code == 404
    assert client.get(BUDGET_URL, {"assessment": "not-a-code"}).status_code == 404
    assert download(client, BUDGET_URL) == []


def test_viewer_downloads_their_agencys_budget(client, viewer, service, other_service):
    reading(service, title="Home work")
    theirs = reading(other_service, title="Their work")
    client.force_login(viewer)
    rows = download(client, BUDGET_URL)
    assert len(rows) == 8 and str(theirs.code) not in {row["assessment_id"] for row in rows}


def test_the_budget_is_read_only(client, owner):
    client.force_login(owner)
    assert client.post(BUDGET_URL).status_code == 405
    assert client.head(BUDGET_URL).status_code == 200


def test_a_token_fetches_the_budget_and_only_its_users(client, owner, service, other_service):
    reading(service)
    theirs = reading(other_service)
    _, secret = AccessToken.create_for(owner, "Finance", Lifetime.QUARTER)
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    response = client.get(BUDGET_URL, **bearer)
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    assert len(list(csv.DictReader(io.StringIO(body)))) == 8
    response = client.get(BUDGET_URL, {"assessment": str(theirs.code)}, **bearer)
    assert response.status_code == 404


def test_the_budget_reads_a_bounded_number_of_queries(
    client, owner, service, django_assert_max_num_queries
):
    for number in range(5):
        reading(service, title=f"Assessment {number}")
    client.force_login(owner)
    # session, user, the user's agencies (their ids, given as values to the next), then the
    # options with their assessments' period and currency (1 query, streamed in chunks);
    # the filter form reads no choices for an export.
    with django_assert_max_num_queries(4):
        assert len(download(client, BUDGET_URL)) == 5 * 8


def test_one_assessments_budget_reads_one_query_more(
    client, owner, service, django_assert_max_num_queries
):
    assessment = reading(service)
    client.force_login(owner)
    # session, user, the assessment (its access check), the user's agencies, the options.
    with django_assert_max_num_queries(5):
        download(client, BUDGET_URL, assessment=str(assessment.code))
