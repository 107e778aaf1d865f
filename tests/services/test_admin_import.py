"""Import and export in the admin: curators move case examples in and out as CSV or XLSX,
administrators services. A file goes in whole or not at all, and every wrong row is
reported in plain words."""

import re

import pytest
import tablib
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from import_export.formats.base_formats import CSV, XLSX

from coprod_site.text import WRITTEN_ANSWER_MAX
from services.models import CaseExample, CaseSource, Service
from services.resources import CaseExampleResource, ServiceResource, parse_sources
from tests import factories

pytestmark = pytest.mark.usefixtures("empty_library")

CASE_IMPORT = "/admin/services/caseexample/import/"
CASE_CONFIRM = "/admin/services/caseexample/process_import/"
CASE_EXPORT = "/admin/services/caseexample/export/"
SERVICE_IMPORT = "/admin/services/service/import/"


@pytest.fixture
def library(db):
    first = factories.CaseExampleFactory(
        title="Kerbside recycling",
        slug="kerbside-recycling",
        sector="environment",
        motivators=["normative", "social"],
        special_assets=["trust"],
        sources=None,
    )
    factories.CaseSourceFactory(case=first, citation="Smith (2010), Waste", url="https://e.org/w")
    factories.CaseSourceFactory(case=first, citation="Jones, a book; second part", url="", order=2)
    factories.CaseExampleFactory(title="Tax returns online", slug="tax-online", draft=True)
    return first


def exported(resource, file_format=CSV) -> tablib.Dataset:
    dataset = resource.export()
    data = file_format().export_data(dataset)
    return file_format().create_dataset(data)


def snapshot() -> list[tuple]:
    cases = list(CaseExample.objects.order_by("slug").values_list())
    sources = list(CaseSource.objects.order_by("case__slug", "order").values_list(
        "case__slug", "citation", "url", "order"))  # fmt: skip
    return [*cases, *sources]


def errors_of(result) -> list[str]:
    """Every row's problems, as the admin lists them."""
    return [
        f"row {row.number}: {field}: {message}"
        for row in result.invalid_rows
        for field, messages in row.error_dict.items()
        for message in messages
    ] + [str(error.error) for row in result.row_errors() for error in row[1]]


# --- Round trips ---------------------------------------------------------------------------


@pytest.mark.parametrize("file_format", [CSV, XLSX], ids=["csv", "xlsx"])
def test_an_import_of_what_an_export_wrote_changes_nothing(library, file_format, curator):
    before = snapshot()
    dataset = exported(CaseExampleResource(), file_format)
    assert dataset.headers[:3] == ["slug", "title", "status"]
    assert "Environment" in dataset["sector"]
    assert "Normative; Social" in dataset["motivators"]
    result = CaseExampleResource().import_data(dataset, user=curator)
    assert not result.has_errors() and not result.has_validation_errors()
    assert [row.import_type for row in result.rows] == ["skip", "skip"]
    assert snapshot() == before


def test_an_exported_file_edited_and_imported_changes_and_adds_cases(library, curator):
    dataset = exported(CaseExampleResource())
    rows = dataset.dict
    rows[0]["title"] = "Kerbside recycling, revised"
    rows[0]["sources"] = "Smith (2010), Waste <https://e.org/w>\nBrown (2020)"
    rows.append({**rows[1], "slug": "new-case", "title": "A new case", "status": "Draft",
                 "sources": ""})  # fmt: skip
    edited = tablib.Dataset(headers=dataset.headers)
    for row in rows:
        edited.append([row[name] for name in dataset.headers])
    result = CaseExampleResource().import_data(edited, user=curator)
    assert not result.has_validation_errors(), errors_of(result)
    assert [row.import_type for row in result.rows] == ["update", "skip", "new"]
    case = CaseExample.objects.get(slug="kerbside-recycling")
    assert case.title == "Kerbside recycling, revised"
    assert case.curated_by == curator
    assert [(s.citation, s.url, s.order) for s in case.sources.all()] == [
        ("Smith (2010), Waste", "https://e.org/w", 1),
        ("Brown (2020)", "", 2),
    ]
    assert CaseExample.objects.get(slug="new-case").status == "draft"


def test_sources_are_one_a_line_with_the_address_in_angle_brackets():
    assert parse_sources("A (2001) <https://a.org/x>\n\n  B; with a semicolon  \n") == [
        ("A (2001)", "https://a.org/x"),
        ("B; with a semicolon", ""),
    ]


def test_labels_and_stored_values_both_import(curator, db):
    dataset = tablib.Dataset(headers=["slug", "title", "status", "country", "sector",
        "government_level", "co_producer_type", "level", "value_type", "necessity",
        "motivators"])  # fmt: skip
    dataset.append(["by-value", "By value", "draft", "UK", "tax_revenue", "national",
                    "citizens", "individual", "public", "necessary", "sanctions;material"])  # fmt: skip
    dataset.append(["by-label", "By label", "Draft", "UK", "tax and revenue",
        "National or federal", "Citizens or community members", "Individual",
        "Public value", "Necessary", "Sanctions; Material"])  # fmt: skip
    result = CaseExampleResource().import_data(dataset, user=curator)
    assert not result.has_validation_errors(), errors_of(result)
    by_value, by_label = CaseExample.objects.order_by("slug").reverse()
    assert by_value.sector == by_label.sector == "tax_revenue"
    assert by_value.motivators == by_label.motivators == ["sanctions", "material"]


# --- Wrong rows --------------------------------------------------------------------------


def test_a_bad_row_is_reported_in_plain_words_and_nothing_is_saved(library, curator):
    before = snapshot()
    dataset = exported(CaseExampleResource())
    rows = dataset.dict
    rows[0]["title"] = "This change must not be saved"
    rows[1]["sector"] = "Outer space"
    rows[1]["summary"] = "x" * (WRITTEN_ANSWER_MAX + 1)
    rows[1]["motivators"] = "Social; Greed"
    edited = tablib.Dataset(headers=dataset.headers)
    for row in rows:
        edited.append([row[name] for name in dataset.headers])
    result = CaseExampleResource().import_data(edited, user=curator)
    assert result.has_validation_errors()
    problems = "\n".join(errors_of(result))
    assert "“Outer space” is not a sector. Use one of: Health, Education" in problems
    assert "Keep summary to 2,000 characters or fewer: it has 2001" in problems
    assert "“Greed” is not a reason people take part" in problems
    assert "Constraint" not in problems  # never a database constraint's name
    assert snapshot() == before


def test_a_published_case_needs_a_source_and_a_summary(library, curator):
    dataset = exported(CaseExampleResource())
    rows = dataset.dict
    rows[1].update(status="Published", sources="", summary="")
    edited = tablib.Dataset(headers=dataset.headers)
    for row in rows:
        edited.append([row[name] for name in dataset.headers])
    before = snapshot()
    result = CaseExampleResource().import_data(edited, user=curator)
    problems = "\n".join(errors_of(result))
    assert "A published case needs at least one source" in problems
    assert "Write a summary before publishing" in problems
    assert snapshot() == before


def test_a_source_that_is_not_a_web_address_is_refused(library, curator):
    dataset = exported(CaseExampleResource())
    rows = dataset.dict
    rows[0]["sources"] = "Evil <javascript:alert(1)>"
    edited = tablib.Dataset(headers=dataset.headers)
    for row in rows:
        edited.append([row[name] for name in dataset.headers])
    result = CaseExampleResource().import_data(edited, user=curator)
    assert "Enter a web address starting with http:// or https://." in "\n".join(errors_of(result))
    assert CaseSource.objects.filter(url__startswith="javascript").count() == 0


# --- Services ----------------------------------------------------------------------------


def test_services_round_trip_and_a_bad_agency_is_named(agency, service, other_agency):
    factories.ServiceFactory(agency=other_agency, name="Parks", sector="environment")
    before = list(Service.objects.order_by("pk").values_list())
    dataset = exported(ServiceResource())
    assert dataset.headers[:3] == ["service_id", "agency", "name"]
    result = ServiceResource().import_data(dataset)
    assert [row.import_type for row in result.rows] == ["skip", "skip"]
    assert list(Service.objects.order_by("pk").values_list()) == before

    dataset.append(["", "no-such-agency", "New", "", "Health", "Citizens at large", "10",
                    "In-house staff"])  # fmt: skip
    dataset.append(["", agency.slug, "Another", "", "Health", "Beneficiaries", "-5",
                    "In-house staff"])  # fmt: skip
    result = ServiceResource().import_data(dataset)
    problems = "\n".join(errors_of(result))
    assert "There is no agency “no-such-agency”" in problems
    assert "greater than or equal to 0" in problems
    assert list(Service.objects.order_by("pk").values_list()) == before


# --- The admin ---------------------------------------------------------------------------


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="text/csv")


def test_a_curator_previews_then_confirms_an_import_in_the_admin(client, curator, library):
    client.force_login(curator)
    page = client.get(CASE_IMPORT)
    assert page.status_code == 200
    export = client.post(CASE_EXPORT, {"format": "0", "resource": "0", **{
        f"caseexample_{name}": "on" for name in ("slug", "title", "status")}})  # fmt: skip
    assert export.status_code == 200
    csv = "slug,title,status,country,sector,government_level,co_producer_type,level," \
          "value_type,necessity\nnew-case,A new case,Draft,UK,Health,Local or municipal," \
          "Volunteers,Group,Public value,Optional\n"  # fmt: skip
    preview = client.post(
        CASE_IMPORT,
        {"format": "0", "resource": "0", "import_file": upload("cases.csv", csv.encode())},
    )
    html = preview.content.decode()
    assert preview.status_code == 200 and "Confirm import" in html
    assert not CaseExample.objects.filter(slug="new-case").exists()  # a dry run
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', html))
    confirm = client.post(CASE_CONFIRM, {name: fields[name] for name in (
        "import_file_name", "original_file_name", "format", "resource")})  # fmt: skip
    assert confirm.status_code == 302
    assert CaseExample.objects.get(slug="new-case").curated_by == curator


def test_the_admin_lists_wrong_rows_and_offers_no_confirmation(client, curator, library):
    client.force_login(curator)
    csv = "slug,title,status,sector\nkerbside-recycling,Renamed,Draft,Outer space\n"
    preview = client.post(
        CASE_IMPORT,
        {"format": "0", "resource": "0", "import_file": upload("cases.csv", csv.encode())},
    )
    html = preview.content.decode()
    assert "“Outer space” is not a sector." in html
    assert "css/admin-import.css" in html  # shown in the row, not only on hover
    assert "Confirm import" not in html
    assert CaseExample.objects.get(slug="kerbside-recycling").title == "Kerbside recycling"


def test_curators_may_import_cases_but_not_services(client, curator):
    client.force_login(curator)
    assert client.get(CASE_IMPORT).status_code == 200
    assert client.get(CASE_EXPORT).status_code == 200
    assert client.get(SERVICE_IMPORT).status_code == 403
    assert not curator.has_perm("services.import_service")
    assert not curator.has_perm("services.delete_caseexample")


def test_staff_without_the_import_permission_are_refused(client, curator):
    curator.groups.clear()
    curator.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_caseexample", "change_caseexample"])
    )
    client.force_login(curator)
    assert client.get(CASE_IMPORT).status_code == 403
    assert client.get(CASE_EXPORT).status_code == 403


def test_an_administrator_imports_services(client, agency):
    admin = factories.UserFactory(username="admin", is_staff=True, is_superuser=True)
    client.force_login(admin)
    csv = (f"agency,name,sector,client_type,clients_per_year,delivery_mode\n"
           f"{agency.slug},Libraries,Education,Beneficiaries,1200,In-house staff\n")  # fmt: skip
    preview = client.post(
        SERVICE_IMPORT,
        {"format": "0", "resource": "0", "import_file": upload("services.csv", csv.encode())},
    )
    assert "Confirm import" in preview.content.decode()


def test_a_service_renamed_in_the_file_is_renamed_not_added(db):
    service = factories.ServiceFactory(name="Bin collection")
    dataset = exported(ServiceResource())
    name_at = dataset.headers.index("name")
    row = list(dataset[0])
    row[name_at] = "Waste and recycling collection"
    dataset = tablib.Dataset(row, headers=dataset.headers)
    result = ServiceResource().import_data(dataset)
    assert not result.has_errors() and not result.has_validation_errors()
    assert Service.objects.count() == 1
    service.refresh_from_db()
    assert service.name == "Waste and recycling collection"


def test_an_unknown_service_id_is_refused(db):
    factories.ServiceFactory(name="Bin collection")
    dataset = exported(ServiceResource())
    row = list(dataset[0])
    row[0] = "00000000-0000-0000-0000-000000000000"
    result = ServiceResource().import_data(tablib.Dataset(row, headers=dataset.headers))
    assert "No service has the id" in "\n".join(errors_of(result))
    assert Service.objects.count() == 1
