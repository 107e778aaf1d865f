"""The data dictionary of the CSV exports, for people (/export/) and for tools
(/export/datapackage.json, a Frictionless Data package).

Both are made from each export's own `Export` and its columns, the same lists that write
the files' headers and cells.
"""

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from assessments.views.export import ASSESSMENTS_EXPORT, OPTIONS_EXPORT
from assessments.views.export_budget import BUDGET_EXPORT
from coprod_site.columns import Export
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
    "point for decimals and no thousands separators. Text that a spreadsheet would run as a "
    "formula (starting with = + - or @) starts with an apostrophe. Add ?format=excel to an "
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


@require_safe
def data_dictionary(request):
    """Every export: what a row is, the filters it honours, and each column's type, unit and
    meaning."""
    return render(request, "data_dictionary.html", {"exports": EXPORTS})


@require_safe
def datapackage_json(request):
    response = JsonResponse(datapackage(request), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = 'inline; filename="datapackage.json"'
    return response


# A reporting tool that fetches the files with a token may read their description too.
datapackage_json.opens_with_token = True
