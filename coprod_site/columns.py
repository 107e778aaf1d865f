"""What each column of an export holds: the one definition that writes the file and
documents it.

An export's columns are a list of `Column`s. The export writes their names as its header
and computes each cell from the column's `expression`; the data dictionary at /export/
and its machine-readable twin, /export/datapackage.json, read the same list, so neither
can drift from the files.

Types are those of a Frictionless Data Table Schema (https://specs.frictionlessdata.io/),
the open-data convention for describing CSV files.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django import forms


class ColumnType(StrEnum):
    STRING = "string"
    NUMBER = "number"
    INTEGER = "integer"
    BOOLEAN = "boolean"
    DATE = "date"
    DATETIME = "datetime"

    @property
    def words(self) -> str:
        """The type as the dictionary page says it."""
        return {
            ColumnType.STRING: "text",
            ColumnType.NUMBER: "number",
            ColumnType.INTEGER: "whole number",
            ColumnType.BOOLEAN: "true or false",
            ColumnType.DATE: "date (YYYY-MM-DD)",
            ColumnType.DATETIME: "date and time (ISO 8601, with its offset from UTC)",
        }[self]


TEXT, NUMBER, INTEGER = ColumnType.STRING, ColumnType.NUMBER, ColumnType.INTEGER
BOOLEAN, DATE, DATETIME = ColumnType.BOOLEAN, ColumnType.DATE, ColumnType.DATETIME

# Units, said once so the same unit reads the same everywhere.
MONEY = "the agency's currency (see the currency column)"
MONEY_PV = "the agency's currency, present value over the appraisal period"
PERCENT = "per cent a year"
HOURS_A_YEAR = "hours a year"
CLIENTS_A_YEAR = "clients a year"
CLIENT_YEARS = "client-years, discounted"
QUALITY_POINTS = "points of the 0 to 100 quality index"
PROBABILITY = "probability from 0 to 1"
STRENGTH = "0 (none) to 4 (very strong)"
RATING = "1 (poor) to 5 (excellent)"
YEARS = "years"


@dataclass(frozen=True)
class Column:
    """One column of an export.

    `expression` computes the cell: a query expression for an export the database writes
    (`csv_export.computed_csv_response`), or a function of the row's object for one written
    in Python. `values` lists every value the column can hold, when there are few.
    """

    name: str
    expression: Any
    type: ColumnType
    description: str
    unit: str = ""
    values: tuple[str, ...] = ()
    format: str = ""

    def schema(self) -> dict:
        """The column as a field of a Frictionless Table Schema."""
        described = {"name": self.name, "type": str(self.type), "description": self.description}
        if self.format:
            described["format"] = self.format
        elif self.type is DATETIME:
            # Python's isoformat(), with microseconds and "+00:00", is ISO 8601 but not the
            # spec's default pattern.
            described["format"] = "any"
        if self.unit:
            described["unit"] = self.unit  # a custom property: Table Schema has none for units
        if self.values:
            described["constraints"] = {"enum": list(self.values)}
        return described


def labels(choices) -> tuple[str, ...]:
    """The labels of a TextChoices, as an export writes them."""
    return tuple(str(label) for label in choices.labels)


@dataclass(frozen=True)
class Filter:
    """One parameter of an export's address that narrows its rows."""

    name: str
    meaning: str
    values: tuple[tuple[str, str], ...] = ()  # (value to send, what it means)


def form_filters(form_class: type[forms.Form], **meanings: str) -> list[Filter]:
    """The filters of a page's filter form, which its export reads too.

    A field's label and help make its meaning unless `meanings` names it; a field with a
    fixed list of choices lists them (the empty "any" choice left out).
    """
    filters = []
    for name, form_field in form_class.base_fields.items():
        label = str(form_field.label or name.replace("_", " ").capitalize())
        meaning = meanings.get(name) or f"{label}. {form_field.help_text or ''}".strip()
        values = ()
        if isinstance(form_field, forms.ChoiceField) and not isinstance(
            form_field, forms.ModelChoiceField
        ):
            values = tuple((str(value), str(label)) for value, label in form_field.choices if value)
        filters.append(Filter(name, meaning, values))
    return filters


@dataclass(frozen=True)
class Export:
    """A downloadable CSV: its address, what a row is, its filters and its columns."""

    name: str  # the file's stem and its resource name in the data package
    url_name: str
    title: str
    row: str  # what one row of the file is
    columns: Sequence[Column]
    filters: Sequence[Filter] = ()
    primary_key: tuple[str, ...] = ()  # the columns that together name a row
    offered_on: str = ""  # the pages that link to it, in words

    @property
    def header(self) -> list[str]:
        return [column.name for column in self.columns]


def python_row(columns: Sequence[Column]) -> Callable[[Any], tuple]:
    """A function making an object's row of cells from columns whose expressions are
    functions of the object."""
    getters = [column.expression for column in columns]

    def row(item) -> tuple:
        return tuple(getter(item) for getter in getters)

    return row
