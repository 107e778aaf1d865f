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
from coprod_site.csv_export import computed_rows, copy_csv, python_csv
from tests import factories

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
    """The same bytes from PostgreSQL's COPY and from Python's csv writer on SQLite."""
    moment = datetime(2025, 3, 4, 10, 30, tzinfo=UTC)
    assessment = make(
        service,
        status=Status.SUBMITTED,
        title='Parents "hear" reading, at home',
        comparator_name="Teaching assistants\nin school",
        co_producer_types=["families", "volunteers"],
        willingness_to_pay=Decimal("2"),
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
        "500,20.0,10.00,3,3.50,2.00,Co-production,Private and public value,Parents at home,"
        # 1,000 clients a year for 3 years at 3.5% are 2,801.64 discounted client-years;
        # 97,954.02 / 2,801.64 = 34.96 a client-year; net benefit 2 x 75 x 2,801.64 - 97,954.02
        # = 322,291.98, against the comparator's 2 x 50 x 2,801.64 - 184,908.04 = 95,255.96.
        "true,97954.02,34.96,75.0,322291.98,Cheaper and better,-31.04,25.0,227036.02,Robust,"
        # Best in every Monte Carlo try, so finding out more is worth nothing.
        "1.00000,0.00,0.0000,0,\n"
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
    assert best["quality_index"] == "75.0" and best["setup_cost"] == "5000.00"
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
