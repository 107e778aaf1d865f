"""Streaming CSV downloads shared by every export.

Rows are written as they are read from the database, so memory stays flat
whatever the size of the export. Text that a spreadsheet would run as a formula
(starting with = + - @, a tab or a carriage return) is prefixed with a quote.
"""

import csv
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from django.http import StreamingHttpResponse
from django.utils import timezone

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Echo:
    def write(self, value: str) -> str:
        return value


def spreadsheet_safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_rows(header: Sequence[str], rows: Iterable[Sequence]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(header)
    for row in rows:
        yield writer.writerow([spreadsheet_safe(value) for value in row])


def streaming_csv_response(filename_stem: str, header: Sequence[str], rows: Iterable[Sequence]):
    response = StreamingHttpResponse(csv_rows(header, rows), content_type="text/csv; charset=utf-8")
    stamp = date.isoformat(timezone.localdate())
    response["Content-Disposition"] = f'attachment; filename="{filename_stem}-{stamp}.csv"'
    return response
