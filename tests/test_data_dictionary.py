"""The data dictionary (/export/) and its data package describe exactly what the exports
write: the same columns, in the same order, with types every cell honours."""

import csv
import html as html_text
import io
import json
import re
import uuid
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments import portfolio
from assessments.choices import Status
from assessments.models import Assessment
from assessments.views.compare import COMPARE_EXPORT
from assessments.views.dashboard_csv import DASHBOARD_EXPORTS
from coprod_site.data_dictionary import EXPORTS
from tests import factories

DICTIONARY = "/export/"
DATAPACKAGE = "/export/datapackage.json"
TABLE_SCHEMA_TYPES = {"string", "number", "integer", "boolean", "date", "datetime"}


@pytest.fixture
def everything(owner, service):
    """A row or two for every export: a submitted assessment (results filled in), a blank
    draft, a service, and a published case with two sources."""
    factories.AssessmentFactory(
        **factories.complete_answers(willingness_to_pay=Decimal("2"), burden_on_vulnerable=True),
        service=service,
        author=owner,
        status=Status.SUBMITTED,
        submitted_at=timezone.now(),
        title="Reading at home, £ and café",
    )
    factories.AssessmentFactory(service=service, author=owner, title="Just started")
    case = factories.CaseExampleFactory(
        title="Kerbside recycling", motivators=["social", "normative"], special_assets=["trust"]
    )
    factories.CaseSourceFactory(case=case, url="", order=2)


def fetch(client, export) -> tuple[list[str], list[dict]]:
    response = client.get(reverse(export.url_name))
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    reader = csv.reader(io.StringIO(body))
    header = next(reader)
    return header, [dict(zip(header, row, strict=True)) for row in reader]


def columns_on_the_page(html: str, export) -> list[str]:
    section = html.split(f'<section aria-labelledby="{export.name}"', 1)[1].split("</section>")[0]
    table = section.split("Columns of the", 1)[1]
    return re.findall(r'<th scope="row"><code>([^<]+)</code></th>', table)


def test_the_dictionary_lists_exactly_the_columns_each_export_writes(client, owner, everything):
    client.force_login(owner)
    html = client.get(DICTIONARY).content.decode()
    for export in EXPORTS:
        header, rows = fetch(client, export)
        assert rows, f"the {export.name} export wrote no row to check"
        assert columns_on_the_page(html, export) == header, export.name


def test_the_dictionary_says_each_columns_type_unit_and_meaning(client, owner):
    client.force_login(owner)
    response = client.get(DICTIONARY)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>What the downloads hold</h1>" in html
    # A money column: its type, its unit and what it means.
    row = html.split("<code>best_option_net_benefit</code>", 1)[1].split("</tr>", 1)[0]
    assert "<td>number</td>" in row
    assert "present value over the appraisal period" in row
    assert "less its full cost" in row
    # A label column lists what it may hold; a filter its values.
    assert "“Cheaper and better”" in html
    assert "<code>submitted</code> (Submitted)" in html


def test_the_dictionary_needs_a_sign_in(client):
    response = client.get(DICTIONARY)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


# --- The data package --------------------------------------------------------------------


def datapackage(client) -> dict:
    response = client.get(DATAPACKAGE)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def test_the_datapackage_is_a_tabular_data_package(client, owner):
    client.force_login(owner)
    package = datapackage(client)
    assert package["profile"] == "tabular-data-package"
    assert re.fullmatch(r"[a-z0-9._-]+", package["name"])
    assert package["homepage"] == "http://testserver/export/"
    names = [resource["name"] for resource in package["resources"]]
    assert names == ["assessments", "options", "budget", "services", "cases"]
    for resource in package["resources"]:
        assert resource["profile"] == "tabular-data-resource"
        assert re.fullmatch(r"[a-z0-9._/-]+", resource["name"])
        assert resource["path"].startswith("http://testserver/export/")
        assert resource["format"] == "csv" and resource["encoding"] == "utf-8"
        assert resource["dialect"]["delimiter"] == "," and resource["dialect"]["header"] is True
        fields = resource["schema"]["fields"]
        field_names = [field["name"] for field in fields]
        assert len(set(field_names)) == len(field_names)
        for field in fields:
            assert field["type"] in TABLE_SCHEMA_TYPES, field
            assert field["description"], field
            assert set(field) <= {"name", "type", "format", "description", "unit", "constraints"}
            if "constraints" in field:
                assert field["constraints"]["enum"] and field["type"] == "string"
        assert set(resource["schema"]["primaryKey"]) <= set(field_names)


def test_the_datapackages_fields_match_the_files_and_every_cell_fits_its_type(
    client, owner, everything
):
    client.force_login(owner)
    package = datapackage(client)
    for resource, export in zip(package["resources"], EXPORTS, strict=True):
        assert resource["path"] == f"http://testserver{reverse(export.url_name)}"
        header, rows = fetch(client, export)
        fields = resource["schema"]["fields"]
        assert [field["name"] for field in fields] == header
        for row in rows:
            for field in fields:
                cell = row[field["name"]]
                if cell != "":  # missingValues: [""]
                    assert fits(cell, field), (export.name, field["name"], cell)


def test_each_files_primary_key_names_one_row(client, owner, everything):
    client.force_login(owner)
    for export in EXPORTS:
        _, rows = fetch(client, export)
        keys = [tuple(row[name] for name in export.primary_key) for row in rows]
        assert len(set(keys)) == len(keys), export.name


def test_the_budget_is_described_with_the_other_exports(client, owner):
    client.force_login(owner)
    html = client.get(DICTIONARY).content.decode()
    section = html.split('<section aria-labelledby="budget"', 1)[1].split("</section>")[0]
    assert "Address: <code>/export/budget.csv</code>" in section
    assert "<code>assessment</code>" in section  # the same filters as the options file
    row = section.split("<code>cash_with_allowance</code>", 1)[1].split("</tr>", 1)[0]
    assert "<td>number</td>" in row and "optimism allowance" in row


def fits(cell: str, field: dict) -> bool:
    """Whether a cell reads as its Table Schema field says (by hand: frictionless is not a
    dependency)."""
    kind = field["type"]
    try:
        if kind == "integer":
            int(cell)
        elif kind == "number":
            Decimal(cell)
            assert "," not in cell
        elif kind == "boolean":
            assert cell in ("true", "false")
        elif kind == "date":
            date.fromisoformat(cell)
        elif kind == "datetime":
            datetime.fromisoformat(cell)
        elif field.get("format") == "uuid":
            uuid.UUID(cell)
    except (ValueError, ArithmeticError, AssertionError):
        return False
    enum = field.get("constraints", {}).get("enum")
    return enum is None or cell in enum


def test_the_datapackage_needs_a_sign_in(client):
    assert client.get(DATAPACKAGE).status_code == 302


# --- The dashboard's tables and the comparison ---------------------------------------------


def download(client, url, **params) -> list[list[str]]:
    response = client.get(url, params)
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_the_dictionary_lists_every_column_of_each_dashboard_table(
    client, owner, everything, monkeypatch
):
    client.force_login(owner)
    html = client.get(DICTIONARY).content.decode()
    described = {export.name for _, export in DASHBOARD_EXPORTS}
    assert described == {
        f"dashboard-{name}"
        for name in ("agencies", "sectors", "currencies", "ranking", "services-ranking",
                     "plane", "plane-cells", "quadrants", "profile")
    }  # fmt: skip
    for table, export in DASHBOARD_EXPORTS:
        if export.name == "dashboard-plane-cells":
            continue  # below: the plane in cells, past PLANE_POINTS_MAX
        header, *rows = download(client, reverse("dashboard-table", args=[table]))
        assert rows, f"the {table} table wrote no row to check"
        assert columns_on_the_page(html, export) == header, export.name
        section = html.split(f'<section aria-labelledby="{export.name}"', 1)[1]
        assert f"Address: <code>/dashboard/{table}.csv</code>" in section.split("</section>")[0]
    monkeypatch.setattr(portfolio, "PLANE_POINTS_MAX", 0)
    header, *rows = download(client, reverse("dashboard-table", args=["plane"]))
    assert rows
    (cells,) = [export for _, export in DASHBOARD_EXPORTS if export.name == "dashboard-plane-cells"]
    assert columns_on_the_page(html, cells) == header


def test_every_dashboard_cell_fits_its_described_type(client, owner, everything):
    client.force_login(owner)
    for table, export in DASHBOARD_EXPORTS:
        if export.name == "dashboard-plane-cells":
            continue
        header, *rows = download(client, reverse("dashboard-table", args=[table]))
        fields = {column.name: column.schema() for column in export.columns}
        for row in rows:
            for name, cell in zip(header, row, strict=True):
                if cell != "":
                    assert fits(cell, fields[name]), (table, name, cell)


def rows_on_the_page(html: str, export) -> dict[str, str]:
    """The labelled rows a file's section lists: {label: unit}."""
    section = html.split(f'<section aria-labelledby="{export.name}"', 1)[1].split("</section>")[0]
    table = section.split("Rows of the", 1)[1]
    found = re.findall(r'<th scope="row" class="fw-normal">([^<]+)</th>\s*<td>([^<]*)</td>', table)
    return {
        html_text.unescape(label): "" if unit == "–" else html_text.unescape(unit)
        for label, unit in found
    }


def test_the_dictionary_lists_the_comparisons_columns_and_every_row_with_its_unit(
    client, owner, everything
):
    client.force_login(owner)
    html = client.get(DICTIONARY).content.decode()
    compared = Assessment.objects.order_by("pk")
    assert compared.count() == 2
    query = dict(zip("ab", (str(a.code) for a in compared), strict=True))
    header, *lines = download(client, reverse("assessments:compare_csv"), **query)
    assert columns_on_the_page(html, COMPARE_EXPORT) == [
        "what",
        "unit",
        "(title of each assessment)",
    ]
    assert header == ["what", "unit", *(a.title for a in compared)]
    described = rows_on_the_page(html, COMPARE_EXPORT)
    captions = 0
    for what, unit, *cells in lines:
        label = re.sub(r"^Option \d+", "Option N", what)
        if label in described:
            assert unit == described[label], label
        else:  # a table's name, before its rows
            assert unit == "" and not any(cells), what
            captions += 1
    assert captions == 6
    assert described["Chance it is the best option"] == "per cent (0 to 100)"


def test_the_dictionary_says_how_figures_are_written(client, owner):
    client.force_login(owner)
    html = client.get(DICTIONARY).content.decode()
    reading = html.split('id="reading-the-files"', 1)[1].split("</section>")[0]
    assert "two decimal places" in reading and "<code>currency</code>" in reading
    assert "<code>_percent</code>" in reading and "62.5, not 0.625" in reading
    assert "ISO 8601" in reading
    assert "two decimal places" in datapackage(client)["description"]
