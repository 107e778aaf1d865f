"""Streaming CSV downloads shared by every export.

Rows are written as they are read from the database, so memory stays flat
whatever the size of the export. Text that a spreadsheet would run as a formula
(starting with = + - @, a tab or a carriage return) is prefixed with a quote.

Figures follow the rules the data dictionary states: money to two decimal places in the
row's currency (named in a `currency` column); a share as a percentage (62.5, not 0.625)
in a column whose name ends in `_percent`; other figures to fixed places; dates as ISO
8601 (2026-04-30); no float noise. An export the database computes gets them from its
columns' types (money is stored to the cent). A file written in Python gets them from its
columns' kinds (`FigureKind`): each cell is rounded with Decimal `quantize`, halves away
from zero, so 0.1 + 0.2 is written 0.30, never 0.30000000000000004, and a sum's stray
digits (1565065349.9100000) are gone. Such a file says its columns once, as a list:

    COLUMNS = [
        cell_column("currency", TEXT_CELL, itemgetter("currency"), "Its currency code."),
        cell_column("net_benefit_change_pv", MONEY_CELL, itemgetter("gain"), "...",
                    unit=MONEY_PV),
        cell_column("share_co_produced_percent", PERCENT_CELL, itemgetter("share"), "..."),
        cell_column("quality_change", FigureKind(NUMBER, QUALITY_POINTS, places=2),
                    itemgetter("quality"), "..."),
        cell_column("submitted_on", DATE_CELL, itemgetter("submitted_at"), "..."),
    ]
    rows = map(python_row(COLUMNS), items)
    streaming_csv_response("coprod-something", [c.name for c in COLUMNS], rows)

and the data dictionary shows the same list (an `Export` of it), so the header, the cells
and their description cannot drift apart. `cell_column` refuses a percentage whose name
does not end in `_percent`. assessments/views/dashboard_csv.py has a worked example.
"""

import csv
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, localcontext
from functools import wraps
from itertools import chain

from django.db import NotSupportedError, connections
from django.db.models import Case, CharField, F, Func, Value, When, lookups
from django.db.models.functions import Concat, Left, NullIf
from django.http import Http404, StreamingHttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from coprod_site.columns import (
    BOOLEAN,
    DATE,
    INTEGER,
    MONEY,
    NUMBER,
    TEXT,
    Column,
    ColumnType,
    labels,
)

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
    return _csv_download(filename_stem, csv_rows(header, rows))


def _csv_download(filename_stem: str, lines) -> StreamingHttpResponse:
    """A streamed CSV attachment named after today's date, e.g. coprod-cases-2026-11-28.csv."""
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    stamp = date.isoformat(timezone.localdate())
    response["Content-Disposition"] = f'attachment; filename="{filename_stem}-{stamp}.csv"'
    return response


# --- Exports computed by the database --------------------------------------------------
#
# Each column of such an export is a query expression, so one queryset yields the finished
# cells: labels come from CASE, the formula guard from CASE, lists are joined in SQL. On
# PostgreSQL the rows then stream out of `COPY (<that query>) TO STDOUT`, three to four
# times faster than writing them one by one through Python's csv module (see STACK.md); on
# other databases they go through csv.writer. Both write the same bytes for the same rows:
# lines end in "\n" (COPY cannot write "\r\n"), empty text is NULL so neither quotes it, a
# field is quoted when it holds a comma, a quote, "\r" or "\n", as COPY does, and decimals
# and dates print alike (fixed decimal places; ISO dates, the DateStyle psycopg 3 needs).


def spreadsheet_safe_sql(expression):
    """The SQL twin of `spreadsheet_safe`: a quote before text a spreadsheet would run.

    Empty text becomes NULL, so the two export paths write the same empty cell.
    """
    guarded = Case(
        When(
            lookups.In(Left(expression, 1), list(FORMULA_STARTS)),
            then=Concat(Value("'"), expression),
        ),
        default=expression,
        output_field=CharField(),
    )
    return NullIf(guarded, Value(""))


def choice_label(field: str, choices) -> Case:
    """The label of a TextChoices field's value; NULL when blank or unknown."""
    return Case(
        *[When(**{field: value}, then=Value(str(label))) for value, label in choices.choices],
        default=None,
        output_field=CharField(),
    )


def true_false(field: str) -> Case:
    """A yes-or-no column as "true" or "false" (NULL when unknown), the same from both
    databases: PostgreSQL's COPY would write t and f, Python's csv True and False."""
    return Case(
        When(**{field: True}, then=Value("true")),
        When(**{field: False}, then=Value("false")),
        default=None,
        output_field=CharField(),
    )


class JoinedList(Func):
    """The items of a JSON list of strings joined by ";" in their order; NULL if none."""

    output_field = CharField()

    def as_sql(self, compiler, connection, **extra):
        raise NotSupportedError(f"JoinedList is not written for {connection.vendor}.")

    def as_sqlite(self, compiler, connection, **extra):
        template = (
            "(SELECT group_concat(value, ';') FROM "
            "(SELECT value FROM json_each(%(expressions)s) ORDER BY key))"
        )
        return super().as_sql(compiler, connection, template=template, **extra)

    def as_postgresql(self, compiler, connection, **extra):
        template = (
            "(SELECT string_agg(item, ';' ORDER BY position) FROM "
            "jsonb_array_elements_text(%(expressions)s) WITH ORDINALITY AS list(item, position))"
        )
        return super().as_sql(compiler, connection, template=template, **extra)


def computed_rows(queryset, columns: Sequence[Column]):
    """The queryset as tuples of the columns' values, in the columns' order."""
    aliases = [f"csv_column_{index}" for index in range(len(columns))]
    expressions = dict(zip(aliases, (column.expression for column in columns), strict=True))
    return queryset.annotate(**expressions).values_list(*aliases)


def csv_lines(rows) -> Iterator[str]:
    """Each row as a CSV line ending in "\\n", quoted as PostgreSQL's COPY quotes.

    csv.writer quotes a field holding a character of the line terminator, so it writes
    "\\r\\n" lines (quoting "\\r" as well as "\\n") and the "\\r" is then dropped.
    Decimals are written in plain digits, as COPY writes them: str() would write a nought
    to twelve places (a per-client figure) as "0E-12".
    """
    writer = csv.writer(_Echo(), lineterminator="\r\n")
    for row in rows:
        cells = [format(cell, "f") if isinstance(cell, Decimal) else cell for cell in row]
        yield writer.writerow(cells)[:-2] + "\n"


def copy_csv(rows) -> Iterator[bytes]:
    """Stream a values_list queryset as CSV from PostgreSQL's COPY, in chunks as they arrive.

    psycopg 3 binds COPY's parameters on the client (the server does not accept them
    there), using the same adapters as the connection's other queries. A download
    abandoned half way cancels the COPY: harmless in autocommit, as views run here, but
    it would abort an enclosing transaction (ATOMIC_REQUESTS, or a test's).
    """
    sql, params = rows.query.get_compiler(using=rows.db).as_sql()
    statement = f"COPY ({sql}) TO STDOUT WITH (FORMAT csv)"
    with connections[rows.db].cursor() as cursor, cursor.cursor.copy(statement, params) as copy:
        for chunk in copy:
            yield bytes(chunk)


def python_csv(rows) -> Iterator[str]:
    return csv_lines(rows.iterator(chunk_size=2000))


def computed_csv_response(filename_stem: str, queryset, columns: Sequence[Column]):
    """A streaming CSV download of the queryset, a column for each Column's expression."""
    rows = computed_rows(queryset, columns)
    body = copy_csv(rows) if connections[rows.db].vendor == "postgresql" else python_csv(rows)
    header = csv_lines([[column.name for column in columns]])
    return _csv_download(filename_stem, chain(header, body))


# --- Columns the database computes -----------------------------------------------------


def text_column(name: str, path: str, description: str) -> Column:
    """Free text, behind the formula guard."""
    return Column(name, spreadsheet_safe_sql(F(path)), TEXT, description)


def label_column(name: str, field: str, choices, description: str) -> Column:
    """A choice written as its label."""
    return Column(name, choice_label(field, choices), TEXT, description, values=labels(choices))


def yes_no_column(name: str, field: str, description: str) -> Column:
    return Column(name, true_false(field), BOOLEAN, description)


# --- Figures written in Python ---------------------------------------------------------

MONEY_PLACES = 2
PERCENT_PLACES = 1
SHARE_UNIT = "per cent (0 to 100)"


def fixed(value, places: int) -> Decimal | None:
    """A figure to `places` decimal places, halves away from zero; None stays None.

    A float goes through its shortest text (repr), so 2.675 rounds to 2.68 as written,
    not to 2.67 as its binary value (2.67499999…) would; minus nought is written 0.
    """
    if value is None:
        return None
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    with localcontext() as context:
        context.prec = 60  # enough for any sum of money: quantize never raises
        context.rounding = ROUND_HALF_UP
        rounded = number.quantize(Decimal(1).scaleb(-places))
    return rounded.copy_abs() if rounded.is_zero() else rounded


def money(value) -> Decimal | None:
    """An amount of money to the cent (or the currency's hundredth)."""
    return fixed(value, MONEY_PLACES)


def percent(fraction, places: int = PERCENT_PLACES) -> Decimal | None:
    """A share given as a fraction (0.625) written as a percentage (62.5)."""
    if fraction is None:
        return None
    number = fraction if isinstance(fraction, Decimal) else Decimal(str(fraction))
    return fixed(number * 100, places)


def iso_date(value) -> str | None:
    """A date as ISO 8601 (2026-04-30); a date and time as the local day it falls on."""
    if value is None:
        return None
    if isinstance(value, datetime):
        value = timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value.isoformat()


@dataclass(frozen=True)
class FigureKind:
    """How a column's cells are written: their type, their default unit, and for numbers
    how many decimal places (None: as they are, for whole numbers and text)."""

    type: ColumnType
    unit: str = ""
    places: int | None = None
    write: Callable[[object], object] | None = None

    def cell(self, value):
        if self.write is not None:
            return self.write(value)
        if self.places is not None:
            return fixed(value, self.places)
        return value


TEXT_CELL = FigureKind(TEXT)
COUNT_CELL = FigureKind(INTEGER)
MONEY_CELL = FigureKind(NUMBER, MONEY, write=money)
PERCENT_CELL = FigureKind(NUMBER, SHARE_UNIT, write=percent)
DATE_CELL = FigureKind(DATE, write=iso_date)


def cell_column(
    name: str, kind: FigureKind, read: Callable, description: str, *, unit: str = "", values=()
) -> Column:
    """A column of a file written in Python: `read` takes the row's object to its value,
    `kind` writes the value as a cell. A percentage's name must say so (`_percent`)."""
    if kind.write is percent and not name.endswith("_percent"):
        raise ValueError(f"A percentage's column name ends in _percent: {name}")

    def expression(item):
        return kind.cell(read(item))

    return Column(name, expression, kind.type, description, unit or kind.unit, tuple(values))


# --- The export views ------------------------------------------------------------------

BYTE_ORDER_MARK = "\ufeff".encode()
FORMATS = ("csv", "excel")


def excel_variant(view):
    """Add the "for Excel" variant, ?format=excel: the same bytes after a UTF-8 byte-order
    mark, which tells Excel the file is UTF-8 (without it, Excel reads "£" and accents in
    the computer's old code page). Numbers, dates and the formula guard are as in the plain
    file: Excel reads unquoted numbers as numbers and YYYY-MM-DD as dates. Still streamed."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        flavour = request.GET.get("format") or "csv"
        if flavour not in FORMATS:
            raise Http404("No such format: leave format out, or ask for format=excel.")
        response = view(request, *args, **kwargs)
        if flavour == "excel" and response.streaming and response.status_code == 200:
            response.streaming_content = chain([BYTE_ORDER_MARK], response.streaming_content)
            disposition = response["Content-Disposition"]
            response["Content-Disposition"] = disposition.replace('.csv"', '-for-excel.csv"')
        return response

    return wrapped


def export_view(view):
    """A CSV export: GET or HEAD only, with a "for Excel" variant, and open to a personal
    access token as well as a session (`opens_with_token`, read by
    services.tokens.AccessTokenMiddleware; no other view is)."""
    view = require_safe(excel_variant(view))
    view.opens_with_token = True
    return view
