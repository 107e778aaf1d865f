"""The data dictionary of the CSV exports, for people (/export/) and for tools
(/export/datapackage.json, a Frictionless Data package).

Both are made from each export's own `Export` and its columns, the same lists that write
the files' headers and cells. The page also describes the files offered beside a page's
tables, the dashboard's (`/dashboard/<table>.csv`) and the comparison's; those are not in
the data package, as a reporting tool's token cannot fetch them.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from assessments.views.compare import COMPARE_EXPORT, CSV_ROWS
from assessments.views.dashboard_csv import DASHBOARD_EXPORTS
from assessments.views.export import ASSESSMENTS_EXPORT, OPTIONS_EXPORT
from assessments.views.export_budget import BUDGET_EXPORT
from coprod_site.columns import Column, Export
from services.case_views import CASES_EXPORT
from services.views import SERVICES_EXPORT

EXPORTS: tuple[Export, ...] = (
    ASSESSMENTS_EXPORT,
    OPTIONS_EXPORT,
    BUDGET_EXPORT,
    SERVICES_EXPORT,
    CASES_EXPORT,
)

# How every file is written: see coprod_site/csv_export.py.
DIALECT = {
    "delimiter": ",",
    "lineTerminator": "\n",
    "quoteChar": '"',
    "doubleQuote": True,
    "header": True,
}
FILES_NOTE = (
    "UTF-8 text, comma-separated, one header row. An empty cell has no value. Numbers use a "
    "point for decimals and no thousands separators. Money is written to two decimal places "
    "in the currency named in the row's currency column. A share is a percentage (62.5, not "
    "0.625) in a column whose name ends in _percent. Dates are ISO 8601 (2026-04-30). Text "
    "that a spreadsheet would run as a formula (starting with = + - or @) starts with an "
    "apostrophe. Add ?format=excel to an "
    "address for the same file with a byte-order mark, which Excel needs to read it as UTF-8."
)


def resource(export: Export, request) -> dict:
    """The export as a tabular data resource with its Table Schema."""
    schema = {
        "fields": [column.schema() for column in export.columns],
        "missingValues": [""],
    }
    if export.primary_key:
        schema["primaryKey"] = list(export.primary_key)
    return {
        "profile": "tabular-data-resource",
        "name": export.name,
        "title": export.title,
        "description": export.row,
        "path": request.build_absolute_uri(reverse(export.url_name)),
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": DIALECT,
        "schema": schema,
    }


def datapackage(request) -> dict:
    return {
        "profile": "tabular-data-package",
        "name": "coprod-exports",
        "title": "Coprod's CSV exports",
        "description": "Every CSV file Coprod offers, its columns and what they mean. "
        + FILES_NOTE
        + " Each file holds only the rows of the agencies of whoever fetches it, narrowed by "
        "the filters in its address.",
        "homepage": request.build_absolute_uri(reverse("export-dictionary")),
        "resources": [resource(export, request) for export in EXPORTS],
    }


@dataclass(frozen=True)
class File:
    """A file as the dictionary page lists it: its address, a link downloading all of the
    reader's rows where one address does, and for a file whose rows are labelled (the
    comparison) each row."""

    export: Export
    address: str
    download: str = ""
    rows: Sequence[Column] = ()


def files() -> list[File]:
    """The exports, then the dashboard's tables, then the comparison."""
    described = [File(e, reverse(e.url_name), reverse(e.url_name)) for e in EXPORTS]
    for table, export in DASHBOARD_EXPORTS:
        address = reverse("dashboard-table", args=[table])
        described.append(File(export, address, address))
    compare = reverse(COMPARE_EXPORT.url_name) + "?a=<assessment_id>&b=<assessment_id>"
    described.append(File(COMPARE_EXPORT, compare, rows=CSV_ROWS))
    return described


@require_safe
def data_dictionary(request):
    """Every downloadable file: what a row is, the filters it honours, and each column's
    type, unit and meaning."""
    return render(request, "data_dictionary.html", {"files": files()})


@require_safe
def datapackage_json(request):
    response = JsonResponse(datapackage(request), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = 'inline; filename="datapackage.json"'
    return response


# A reporting tool that fetches the files with a token may read their description too.
datapackage_json.opens_with_token = True
