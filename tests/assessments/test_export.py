import csv
import io
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from assessments.access import assessments_for
from assessments.choices import Status
from assessments.models import Assessment
from assessments.views.export import COLUMNS
from coprod_site.csv_export import computed_rows, copy_csv, python_csv
from tests import factories

pytestmark = pytest.mark.django_db

EXPORT_URL = "/export/assessments.csv"
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="COPY is PostgreSQL's; SQLite has one path"
)


def make(service, status=Status.DRAFT, **overrides):
    extra = {"submitted_at": timezone.now()} if status != Status.DRAFT else {}
    return factories.AssessmentFactory(
        **factories.complete_answers(**overrides), service=service, status=status, **extra
    )


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
    rows = records(download(client, status="submitted", verdict="necessary"))
    assert [row["title"] for row in rows] == ["Necessary one"]
    rows = records(download(client, status="archived"))
    assert [row["title"] for row in rows] == ["Archived one"]


def test_formula_guard_quotes_text_a_spreadsheet_would_run(client, owner, agency):
    service = factories.ServiceFactory(agency=agency, name="+SUM(A1:A9)")
    make(service, title="=HYPERLINK(evil)", alternative_name="@cmd")
    make(service, title="-2+3", alternative_name="\tTabbed")
    make(service, title="Plain, with a comma", alternative_name="")
    client.force_login(owner)
    rows = {row["title"]: row for row in records(download(client))}
    assert set(rows) == {"'=HYPERLINK(evil)", "'-2+3", "Plain, with a comma"}
    assert rows["'=HYPERLINK(evil)"]["service"] == "'+SUM(A1:A9)"
    assert rows["'=HYPERLINK(evil)"]["alternative"] == "'@cmd"
    assert rows["'-2+3"]["alternative"] == "'\tTabbed"
    assert rows["Plain, with a comma"]["alternative"] == ""


def test_columns_are_readable(client, owner, service):
    assessment = make(service, status=Status.SUBMITTED, burden_on_vulnerable=True)
    client.force_login(owner)
    (row,) = records(download(client))
    assert row["assessment_id"] == str(assessment.code)
    assert row["service_id"] == str(service.code)
    assert row["status"] == "Submitted"
    assert row["author"] == assessment.author.username
    assert row["necessity"] == "Optional: the agency could do the work another way"
    assert row["classification"] == "Co-production"
    assert row["value_type"] == "Private and public value"
    assert row["verdict"] == "Co-production is cheaper and better"
    assert row["sensitivity"] == "Robust"
    assert row["risk_flag_count"] == "1"
    assert row["risk_flags"] == "unfair_burden"


def test_risk_flag_codes_are_joined_with_semicolons_in_order(client, owner, service):
    make(service, burden_on_vulnerable=True, co_production_confidence="low")
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
        alternative_name="Teaching assistants\nin school",
        co_producer_types=["families", "volunteers"],
    )
    Assessment.objects.filter(pk=assessment.pk).update(
        created_at=moment, updated_at=moment, submitted_at=moment
    )
    client.force_login(owner)
    header, line = download(client).split("\n", 1)
    assert header.split(",") == [name for name, _ in COLUMNS]
    assert line == (
        f'{assessment.code},"Parents ""hear"" reading, at home",{service.code},Home Service,'
        f"Home Agency,GBP,Submitted,2025-03-04,2025-03-04,2025-03-04,{assessment.author.username},"
        "families;volunteers,Optional: the agency could do the work another way,3,2,1,2,2,4,0,"
        '500,20.0,"Teaching assistants\nin school",10.00,3,3.50,Co-production,'
        "Private and public value,Co-production is cheaper and better,Robust,97954.02,"
        "184908.04,32.65,61.64,75.0,50.0,0,\n"
    )


def test_a_blank_draft_exports_empty_cells(client, owner, service):
    factories.AssessmentFactory(service=service, title="Just started")
    client.force_login(owner)
    (row,) = records(download(client))
    assert row["title"] == "Just started"
    assert row["necessity"] == row["verdict"] == row["risk_flags"] == row["submitted_on"] == ""
    assert row["risk_flag_count"] == "0"


@on_postgresql
def test_copy_and_the_csv_writer_write_the_same_bytes(owner, service):
    make(service, title='Commas, "quotes"\nand lines', alternative_name="Carriage\rreturn")
    make(service, title="=1+1", alternative_name="", burden_on_vulnerable=True)
    make(service, title="Ünïcödé – “quotes”", co_producer_types=[], status=Status.SUBMITTED)
    factories.AssessmentFactory(service=service, title="Blank draft")
    rows = computed_rows(assessments_for(owner).order_by("pk"), COLUMNS)
    from_copy = b"".join(copy_csv(rows)).decode()
    from_python = "".join(python_csv(rows))
    assert from_copy == from_python
    assert len(records(",".join(name for name, _ in COLUMNS) + "\n" + from_copy)) == 4
