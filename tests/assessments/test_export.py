import csv
import io
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from assessments.access import assessments_for
from assessments.choices import Status
from assessments.models import Assessment, Option
from assessments.views.export import COLUMNS, OPTION_COLUMNS
from assessments.views.export_budget import BUDGET_COLUMNS
from coprod_site.csv_export import computed_rows, copy_csv, python_csv
from tests import factories
from tests.assessments.test_report import THREE_YEARS, certain, skewed_options

pytestmark = pytest.mark.django_db

EXPORT_URL = "/export/assessments.csv"
OPTIONS_URL = "/export/options.csv"
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="COPY is PostgreSQL's; SQLite has one path"
)


def make(service, status=Status.DRAFT, comparator_name=None, confidence=None, **overrides):
    """A complete assessment; `comparator_name` renames the comparator, `confidence` sets
    the co-produced option's."""
    extra = {"submitted_at": timezone.now()} if status != Status.DRAFT else {}
    answers = factories.complete_answers(**overrides)
    if comparator_name is not None:
        answers["options"][1]["name"] = comparator_name
    if confidence is not None:
        answers["options"][0]["confidence"] = confidence
    return factories.AssessmentFactory(**answers, service=service, status=status, **extra)


def download(client, **params) -> str:
    response = client.get(EXPORT_URL, params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="coprod-assessments-')
    return b"".join(response.streaming_content).decode()


def records(body: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(body)))


def test_the_export_is_named_export_assessments():
    assert reverse("export-assessments") == EXPORT_URL


def test_anonymous_user_is_sent_to_sign_in(client):
    response = client.get(EXPORT_URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_outsider_never_gets_another_agencys_rows(client, outsider, service):
    make(service, title="Home work")
    client.force_login(outsider)
    body = download(client)
    assert "Home work" not in body
    assert len(body.splitlines()) == 1  # the header only


def test_outsider_gets_404_asking_for_one_assessment(client, outsider, service):
    assessment = make(service)
    client.force_login(outsider)
    response = client.get(EXPORT_URL, {"assessment": str(assessment.code)})
    assert response.status_code == 404
    assert client.get(EXPORT_URL, {"assessment": "not-a-code"}).status_code == 404


def test_viewer_exports_their_agencys_assessments(client, viewer, service, other_service):
    make(service, title="Home work")
    make(other_service, title="Their work")
    client.force_login(viewer)
    rows = records(download(client))
    assert [row["title"] for row in rows] == ["Home work"]


def test_one_assessment_by_its_code(client, viewer, service):
    wanted = make(service, title="Wanted", status=Status.ARCHIVED)
    make(service, title="Not wanted")
    client.force_login(viewer)
    rows = records(download(client, assessment=str(wanted.code)))
    assert [row["assessment_id"] for row in rows] == [str(wanted.code)]


def test_honours_the_list_pages_filters(client, owner, service):
    make(service, title="Draft one")
    make(service, title="Necessary one", status=Status.SUBMITTED, necessity="necessary")
    make(service, title="Archived one", status=Status.ARCHIVED)
    client.force_login(owner)
    assert {row["title"] for row in records(download(client))} == {"Draft one", "Necessary one"}
    rows = records(download(client, status="submitted", quadrant="cheaper_better"))
    assert [row["title"] for row in rows] == ["Necessary one"]
    rows = records(download(client, status="archived"))
    assert [row["title"] for row in rows] == ["Archived one"]


def test_formula_guard_quotes_text_a_spreadsheet_would_run(client, owner, agency):
    service = factories.ServiceFactory(agency=agency, name="+SUM(A1:A9)")
    make(service, title="=HYPERLINK(evil)", comparator_name="@cmd", willingness_to_pay=0)
    make(service, title="-2+3", comparator_name="\tTabbed")
    make(service, title="Plain, with a comma", comparator_name="Plain")
    client.force_login(owner)
    rows = {row["title"]: row for row in records(download(client))}
    assert set(rows) == {"'=HYPERLINK(evil)", "'-2+3", "Plain, with a comma"}
    assert rows["'=HYPERLINK(evil)"]["service"] == "'+SUM(A1:A9)"
    options = {row["option"]: row for row in records(download_options(client))}
    assert {"'@cmd", "'\tTabbed", "Plain"} <= set(options)
    assert options["'@cmd"]["assessment"] == "'=HYPERLINK(evil)"


def test_columns_are_readable(client, owner, service):
    assessment = make(
        service, status=Status.SUBMITTED, burden_on_vulnerable=True, willingness_to_pay=1
    )
    client.force_login(owner)
    (row,) = records(download(client))
    assert row["assessment_id"] == str(assessment.code)
    assert row["service_id"] == str(service.code)
    assert row["status"] == "Submitted"
    assert row["author"] == assessment.author.username
    assert row["necessity"] == "Optional: the agency could do the work another way"
    assert row["classification"] == "Co-production"
    assert row["value_type"] == "Private and public value"
    assert row["co_production_against_comparator"] == "Cheaper and better"
    assert row["quality_index_change"] == "25.0"
    assert row["best_option"] == "Parents at home"
    assert row["best_option_probability_best"] == "1.00000"
    assert row["sensitivity"] == "Robust"
    assert row["risk_flag_count"] == "1"
    assert row["risk_flags"] == "unfair_burden"


def test_risk_flag_codes_are_joined_with_semicolons_in_order(client, owner, service):
    make(service, burden_on_vulnerable=True, confidence="low")
    client.force_login(owner)
    (row,) = records(download(client))
    assert row["risk_flags"] == "unfair_burden;low_confidence"


def test_the_worked_example_exports_exactly(client, owner, service):
    """The same bytes from PostgreSQL's COPY and from Python's csv writer on SQLite. No
    figure is uncertain, so the averages over the tries are the single estimates."""
    moment = datetime(2025, 3, 4, 10, 30, tzinfo=UTC)
    assessment = make(
        service,
        status=Status.SUBMITTED,
        title='Parents "hear" reading, at home',
        comparator_name="Teaching assistants\nin school",
        co_producer_types=["families", "volunteers"],
        willingness_to_pay=Decimal("2"),
        options=certain(factories.complete_options()),
    )
    Assessment.objects.filter(pk=assessment.pk).update(
        created_at=moment, updated_at=moment, submitted_at=moment
    )
    client.force_login(owner)
    header, line = download(client).split("\n", 1)
    assert header.split(",") == [column.name for column in COLUMNS]
    assert line == (
        f'{assessment.code},"Parents ""hear"" reading, at home",{service.code},Home Service,'
        f"Home Agency,GBP,Submitted,2025-03-04,2025-03-04,2025-03-04,{assessment.author.username},"
        "families;volunteers,Individual,It adds to what the agency does,"
        "Optional: the agency could do the work another way,3,2,1,2,2,4,0,"
        # Not asked whether every option serves the same people: both cells empty; the
        # comparator is what happens now.
        "500,20.0,,true,,10.00,3,3.50,2.00,Co-production,Private and public value,"
        "Parents at home,"
        # Best at the agency's own cost too: 150,000 A - (5,000 + 20,000 A) x 1.1 against
        # 100,000 A - 66,000 A, so the two perspectives agree.
        "Parents at home,true,"
        # Best on the single estimates too (empty). On average over the tries, unrounded,
        # with A = 2.8016370 discounted years: 2 x 75 x 1,000 A less (5,000 + 20,000 A) x 1.1
        # less 1,000 hours x £10 x A x 1.1 = 117,000 A - 5,500 = 322,291.53.
        ",322291.53,"
        # 1,000 clients a year for 3 years at 3.5% are 2,801.64 discounted client-years;
        # 97,954.02 / 2,801.64 = 34.96 a client-year; net benefit 2 x 75 x 2,801.64 - 97,954.02
        # = 322,291.98. Quality to 2 places, its change on the plane to 1. The change in net
        # benefit is in means: the comparator's is 2 x 50 x 1,000 A - 60,000 x 1.1 x A =
        # 34,000 A, so 83,000 A - 5,500 = 227,035.87.
        "true,97954.02,34.96,75.00,322291.98,Cheaper and better,-31.04,25.0,227035.87,Robust,"
        # Best in every Monte Carlo try, so finding out more, or any part of it, is worth
        # nothing: perfect information, then people, time and money, agency costs, quality.
        "1.00000,0.00,0.0000,0.00,0.00,0.00,0.00,"
        # Break-even values. Parents at home's lead at £h an hour is 94,000 A - 5,500 -
        # 1,100 A h, nil at h = 85.4545 - 5 / A = £83.67; none below. It leads at any value
        # of a quality point (cheaper and better) and at any discount rate (94,000 A(r) is
        # over 5,500 at every rate up to 20%).
        ",83.6700,,,,,"
        # No outcome valued (empty), no risk flag (0, and no codes).
        ",0,\n"
    )


def test_a_blank_draft_exports_empty_cells(client, owner, service):
    factories.AssessmentFactory(service=service, title="Just started")
    client.force_login(owner)
    (row,) = records(download(client))
    assert row["title"] == "Just started"
    assert row["necessity"] == row["best_option"] == row["risk_flags"] == row["submitted_on"] == ""
    assert row["co_production_against_comparator"] == ""
    assert row["risk_flag_count"] == "0"


@on_postgresql
def test_copy_and_the_csv_writer_write_the_same_bytes(owner, service):
    make(service, title='Commas, "quotes"\nand lines', comparator_name="Carriage\rreturn")
    make(service, title="=1+1", comparator_name="=2+2", burden_on_vulnerable=True)
    make(service, title="Ünïcödé – “quotes”", co_producer_types=[], status=Status.SUBMITTED)
    factories.AssessmentFactory(service=service, title="Blank draft")
    rows = computed_rows(assessments_for(owner).order_by("pk"), COLUMNS)
    from_copy = b"".join(copy_csv(rows)).decode()
    from_python = "".join(python_csv(rows))
    assert from_copy == from_python
    assert len(records(",".join(column.name for column in COLUMNS) + "\n" + from_copy)) == 4
    options = Option.objects.filter(assessment__service=service).order_by("pk")
    option_rows = computed_rows(options, OPTION_COLUMNS)
    assert b"".join(copy_csv(option_rows)).decode() == "".join(python_csv(option_rows))


# --- /export/options.csv -------------------------------------------------------------------


def download_options(client, **params) -> str:
    response = client.get(OPTIONS_URL, params)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="coprod-options-')
    return b"".join(response.streaming_content).decode()


def test_options_export_has_a_row_per_option_of_the_same_assessments(client, owner, service):
    make(service, title="Kept", willingness_to_pay=Decimal("2"))
    make(service, title="Archived", status=Status.ARCHIVED)
    client.force_login(owner)
    rows = records(download_options(client))
    assert [(row["assessment"], row["option"]) for row in rows] == [
        ("Kept", "Parents at home"),
        ("Kept", "Teaching assistants in school"),
    ]
    best, comparator = rows
    assert (best["co_produced"], best["comparator"], best["best"]) == ("true", "false", "true")
    assert best["on_frontier"] == "true" and comparator["on_frontier"] == "false"
    assert best["quality_index"] == "75.00" and best["setup_cost"] == "5000.00"
    assert best["cost_per_client_year"] == "34.96"
    assert best["best_from_willingness_to_pay"] == "0.0000"
    assert best["best_below_willingness_to_pay"] == ""


def test_options_export_honours_the_filters_and_one_assessment(client, owner, service):
    wanted = make(service, title="Wanted")
    make(service, title="Other", status=Status.SUBMITTED)
    client.force_login(owner)
    rows = records(download_options(client, assessment=str(wanted.code)))
    assert {row["assessment"] for row in rows} == {"Wanted"}
    rows = records(download_options(client, status="submitted"))
    assert {row["assessment"] for row in rows} == {"Other"}


def test_options_export_never_shows_another_agency(client, outsider, service):
    wanted = make(service, title="Home work")
    client.force_login(outsider)
    assert len(download_options(client).splitlines()) == 1
    response = client.get(OPTIONS_URL, {"assessment": str(wanted.code)})
    assert response.status_code == 404


def test_options_export_reads_a_bounded_number_of_queries(
    client, owner, service, django_assert_max_num_queries
):
    for number in range(5):
        make(service, title=f"Assessment {number}")
    client.force_login(owner)
    with django_assert_max_num_queries(4):
        download_options(client)


def test_the_choice_on_average_and_what_finding_out_is_worth_are_exported(client, owner, service):
    # skewed_options: Staff best on average, Volunteers on the single estimates; only
    # Volunteers' cost to the agency is uncertain, so only finding that out is worth anything.
    assessment = make(
        service, status=Status.SUBMITTED, options=skewed_options(), willingness_to_pay=1
    )
    assessment.refresh_from_db()
    client.force_login(owner)
    (row,) = records(download(client))
    assert row["best_option"] == "Staff"
    assert row["best_option_on_single_estimates"] == "Volunteers"
    # Staff is certain: 50 x 1,000 x A - 45,000 x 1.1 x A = 500 A.
    assert row["best_option_mean_net_benefit"] == "1400.82"
    assert Decimal(row["value_of_perfect_information"]) == assessment.result_evpi > 0
    assert row["value_of_finding_out_agency_costs"] == row["value_of_perfect_information"]
    for group in ("people", "time_and_money", "quality"):
        assert row[f"value_of_finding_out_{group}"] == "0.00"
    # No hours, so no value of an hour changes the choice; Staff is never beaten on the
    # quality it gives for its cost, nor at any discount rate.
    for name in ("hourly_rate", "discount_rate", "willingness_to_pay"):
        assert row[f"{name}_break_even_below"] == row[f"{name}_break_even_above"] == ""
    options = {option["option"]: option for option in records(download_options(client))}
    staff, volunteers = options["Staff"], options["Volunteers"]
    assert (staff["best"], volunteers["best"]) == ("true", "false")
    assert staff["mean_net_benefit"] == "1400.82"
    assert staff["expected_loss"] == row["value_of_perfect_information"]
    # Volunteers: 6,000 A on the estimates; -5,000 A on average, give or take the draws.
    # On the estimates, on 2,801.64 rounded client-years: 50 x 2,801.64 - 123,272.03.
    assert volunteers["net_benefit"] == "16809.97"
    assert float(volunteers["mean_net_benefit"]) == pytest.approx(
        -5000 * THREE_YEARS, abs=1250
    )  # 3 standard errors
    assert Decimal(volunteers["expected_loss"]) > 0


def test_the_people_served_and_the_per_client_figures_are_exported(client, owner, service):
    # Every option serves the same 2,000 people: Parents at home reach half of them
    # (1,000), giving 1 hour and spending £2.50 each; Teaching assistants reach them all.
    options = factories.complete_options()
    for option in options:
        del option["clients_per_year"]
    options[0].update(take_up=Decimal("50"), money_per_client=Decimal("2.50"))
    make(
        service,
        status=Status.SUBMITTED,
        same_population=True,
        clients_per_year=2000,
        options=options,
        willingness_to_pay=Decimal("2"),
    )
    client.force_login(owner)
    (row,) = records(download(client))
    assert (row["same_people_every_option"], row["people_served_a_year"]) == ("true", "2000")
    assert row["comparator_is_what_happens_now"] == "true"
    parents, assistants = records(download_options(client))
    assert parents["co_producer_hours_per_client"] == "1.000000000000"
    assert parents["co_producer_money_per_client"] == "2.500000000000"
    assert parents["co_producer_hours_a_year"] == "1000.0"  # 1 x 2,000 x 50%
    assert (parents["take_up_percent"], assistants["take_up_percent"]) == ("50.00", "")
    assert parents["clients_a_year"] == assistants["clients_a_year"] == ""  # not asked
    # Written in plain digits, as COPY writes them, never "0E-12".
    assert assistants["co_producer_hours_per_client"] == "0.000000000000"
    assert assistants["co_producer_hours_a_year"] == "0.0"
    # The same 1,000 clients as the worked example: 75.00, and 1,000 hours a year at £10.
    assert parents["quality_index"] == "75.00"
    assert parents["co_producer_time_cost_pv"] == "30818.01"
    # Their own money: £2.50 x 1,000 a year x A x 1.1 = £7,704.50.
    assert parents["co_producer_money_cost_pv"] == "7704.50"
    for option in (parents, assistants):
        assert option["mean_net_benefit"] and option["expected_loss"]


# --- The data dictionary ----------------------------------------------------------------

# The decision model's columns: (export, column) -> (type, unit, words its meaning holds).
MONEY_PV = "the agency&#x27;s currency, present value over the appraisal period"
CURRENCY = "the agency&#x27;s currency (see the currency column)"
DECISION_COLUMNS = {
    ("assessments", "same_people_every_option"): ("true or false", "–", "the same people"),
    ("assessments", "comparator_is_what_happens_now"): ("true or false", "–", "would be new"),
    ("assessments", "people_served_a_year"): ("whole number", "clients a year", "the same people"),
    ("assessments", "best_option_on_single_estimates"): ("text", "–", "exactly as estimated"),
    ("assessments", "best_option_mean_net_benefit"): ("number", MONEY_PV, "averaged over"),
    **{
        ("assessments", f"value_of_finding_out_{group}"): ("number", MONEY_PV, words)
        for group, words in (
            ("people", "how many people the options reach"),
            ("time_and_money", "the hours and money co-producers give"),
            ("agency_costs", "what each option costs the agency"),
            ("quality", "quality"),
        )
    },
    **{
        ("assessments", f"{name}_break_even_{end}"): ("number", unit, f"{words} {end}")
        for name, words, unit in (
            ("hourly_rate", "value of an hour", f"{CURRENCY} an hour"),
            ("discount_rate", "discount rate", "a fraction a year: 0.035 is 3.5%"),
            (
                "willingness_to_pay",
                "value of a quality point",
                f"{CURRENCY} per quality point per client-year",
            ),
        )
        for end in ("below", "above")
    },
    ("options", "co_producer_hours_per_client"): (
        "number",
        "hours per client a year",
        "for each client served",
    ),
    ("options", "co_producer_money_per_client"): (
        "number",
        f"{CURRENCY} per client a year",
        "for each client served",
    ),
    ("options", "co_producer_hours_a_year"): ("number", "hours a year", "times the clients"),
    ("options", "take_up_percent"): (
        "number",
        "per cent of the people served (0 to 100)",
        "the share of them this option reaches",
    ),
    ("options", "mean_net_benefit"): ("number", MONEY_PV, "averaged over"),
    ("options", "expected_loss"): ("number", MONEY_PV, "lose on average"),
    # Who gains and who pays: each option against the comparator, and the two perspectives.
    ("assessments", "best_option_at_agency_cost"): ("text", "–", "agency&#x27;s own spending"),
    ("assessments", "perspectives_agree"): ("true or false", "–", "empty while either"),
    ("options", "agency_cost_change_pv"): ("number", MONEY_PV, "below zero the agency saves"),
    ("options", "co_producer_time_cost_change_pv"): (
        "number",
        MONEY_PV,
        "empty for the comparator",
    ),
    ("options", "co_producer_money_cost_change_pv"): ("number", MONEY_PV, "they spend more"),
    ("options", "co_producer_hours_a_year_change"): ("number", "hours a year", "they give more"),
    ("options", "gains_change_pv"): ("number", MONEY_PV, "the clients and the public gain"),
    ("options", "clients_gain_pv"): ("number", MONEY_PV, "does not say whose the value is"),
    ("options", "public_gain_pv"): ("number", MONEY_PV, "The public&#x27;s part"),
    ("options", "net_benefit_change_pv"): ("number", MONEY_PV, "Who gains less who pays"),
    ("options", "agency_view_mean_net_benefit"): ("number", MONEY_PV, "agency&#x27;s own"),
    ("options", "best_at_agency_cost"): ("true or false", "–", "agency&#x27;s own perspective"),
    ("budget", "year"): ("whole number", "years from the start", "the set-up cost"),
    ("budget", "cash"): ("number", CURRENCY, "not discounted"),
    ("budget", "cash_with_allowance"): ("number", CURRENCY, "agency_cost_pv"),
    ("budget", "optimism_uplift_percent"): ("number", "per cent of the cash", "50% where"),
}


def test_the_data_dictionary_explains_the_decision_models_columns(client, owner):
    client.force_login(owner)
    html = client.get(reverse("export-dictionary")).content.decode()
    assert "co_producer_money_a_year" not in html  # no longer written
    for (export, name), (kind, unit, words) in DECISION_COLUMNS.items():
        section = html.split(f'<section aria-labelledby="{export}"', 1)[1].split("</section>")[0]
        row = section.split(f'<th scope="row"><code>{name}</code></th>', 1)[1].split("</tr>")[0]
        cells = [cell.split("</td>")[0].strip() for cell in row.split("<td>")[1:]]
        assert cells[:2] == [kind, unit], name
        assert words in cells[2], name
    assessments = (c.name for c in COLUMNS)
    options = (c.name for c in OPTION_COLUMNS)
    assert {name for export, name in DECISION_COLUMNS if export == "assessments"} <= set(
        assessments
    )
    assert {name for export, name in DECISION_COLUMNS if export == "options"} <= set(options)
    budget = (c.name for c in BUDGET_COLUMNS)
    assert {name for export, name in DECISION_COLUMNS if export == "budget"} <= set(budget)
