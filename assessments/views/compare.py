"""Two to four assessments side by side: /assessments/compare/?a=<code>&b=<code>[&c=…&d=…].

Everything shown is an assessment's stored results (its `result_*` columns and its
options'), never a fresh scoring run, so the page reads three queries however many options
and outcomes the assessments have: the assessments with their service and agency, their
options, and the names of the outcomes they value.
The page's tables and the CSV download are built from the same rows (`comparison`), so
the download is the comparison on the page, with figures as plain numbers: money to two
places in the assessment's currency (its Currency row), chances as percentages, each row's
unit beside its label (`CSV_ROWS`, which the data dictionary shows too).
"""

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from assessments.access import assessments_for
from assessments.forms.compare import COMPARE_KEYS, CompareForm
from assessments.models import Assessment, Option, OutcomeMeasure
from assessments.scoring import RISK_FLAG_TEXT
from coprod_site import columns
from coprod_site.columns import QUALITY_POINTS, Column, Export, Filter
from coprod_site.csv_export import fixed, money, percent, spreadsheet_safe, streaming_csv_response

# How many of the user's assessments the chooser offers when the page is asked without a
# valid choice (the list page offers the assessments it shows).
CHOICES_OFFERED = 50

# What a cell shows, and how: the template formats each kind with the figures filters; the
# CSV writes the value as it is stored.
TEXT, LIST, YES_NO = "text", "list", "yes_no"
MONEY, MONEY_EXACT, MONEY_CHANGE, NET_BENEFIT_CHANGE = (
    "money",
    "money_exact",
    "money_change",
    "net_benefit_change",
)
QUALITY, QUALITY_CHANGE, PERCENT, RATE, YEARS, OPTION = (
    "quality",
    "quality_change",
    "percent",
    "rate",
    "years",
    "option",
)
NOT_KNOWN = "Not known yet"
MONEY_KINDS = (MONEY, MONEY_EXACT, MONEY_CHANGE, NET_BENEFIT_CHANGE)


@dataclass(frozen=True)
class Cell:
    """One assessment's entry in a row. `value` is None when it is not known (`missing`
    says so in words); `currency` is the assessment's agency's, for money; `heading` is
    the assessment's title, which labels the cell when the table is stacked on a phone.
    An option's cell carries the option's own figures as (label, Cell) pairs, and
    `highlight` when it is the assessment's best option."""

    value: Any
    kind: str = TEXT
    currency: str = ""
    heading: str = ""
    missing: str = NOT_KNOWN
    figures: tuple[tuple[str, "Cell"], ...] = ()
    highlight: bool = False

    @property
    def size(self):
        """A change without its sign, for "£3.70 less" or "12.5 points higher"."""
        return abs(self.value)

    @property
    def csv_value(self):
        """The cell as the CSV writes it, in its row's unit (`CSV_UNITS`)."""
        if self.kind == LIST:
            return "; ".join(self.value or ())
        if self.kind == YES_NO:
            return "Yes" if self.value else "No"
        if self.value is None:
            return ""
        if self.kind in MONEY_KINDS:
            return money(self.value)
        if self.kind == PERCENT:
            return percent(self.value)
        if self.kind in (QUALITY, QUALITY_CHANGE):
            return fixed(self.value, 1)
        if self.kind == RATE:
            return fixed(self.value, 2)
        return self.value


@dataclass(frozen=True)
class Row:
    label: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    caption: str
    slug: str
    rows: tuple[Row, ...]


class Compared:
    """One assessment of the comparison, with its options read once in their order."""

    def __init__(self, assessment: Assessment):
        self.assessment = assessment
        self.currency = assessment.money_currency
        self.options = assessment.ordered_options
        # The names of the outcomes it values, in their order (prefetched, names only).
        self.outcome_names = [outcome.name for outcome in assessment.outcomes.all()]
        self._by_id = {option.pk: option for option in self.options}

    def option(self, option_id) -> Option | None:
        """One of its options by primary key, from the options already read."""
        return self._by_id.get(option_id)

    def cell(self, value, kind: str = TEXT, **more) -> Cell:
        return Cell(value, kind, currency=self.currency, heading=self.assessment.title, **more)

    def named(self, option: Option | None, missing: str = NOT_KNOWN) -> Cell:
        return self.cell(option and option.name, missing=missing)

    def figure(self, option: Option | None, attribute: str, kind: str) -> Cell:
        return self.cell(None if option is None else getattr(option, attribute), kind)


def _best(c: Compared) -> Option | None:
    return c.option(c.assessment.result_best_id)


def _no_best_words(c: Compared) -> str:
    if c.assessment.willingness_to_pay is None:
        return "None named: no value is put on a quality point"
    return NOT_KNOWN


def _status(c: Compared) -> Cell:
    a = c.assessment
    provisional = " (results provisional)" if a.is_editable else ""
    return c.cell(f"{a.get_status_display()}{provisional}")


def _risk_flags(c: Compared) -> Cell:
    # A flag stored before its wording was retired still shows, by its code.
    titles = [
        RISK_FLAG_TEXT.get(code, (code.replace("_", " ").capitalize(),))[0]
        for code in c.assessment.result_risk_flags or ()
    ]
    return c.cell(titles, LIST, missing="None flagged")


def _option_cell(c: Compared, position: int) -> Cell:
    """The option at this place in the assessment's order, or a blank past its last."""
    if position >= len(c.options):
        return c.cell(None, OPTION, missing="No further option")
    option = c.options[position]
    figures = (
        ("Co-produced", c.cell(option.co_produced, YES_NO)),
        ("What happens now", c.cell(option.comparator, YES_NO)),
        ("Cost to the agency", c.figure(option, "result_agency_cost", MONEY)),
        ("Full cost", c.figure(option, "result_full_cost", MONEY)),
        ("Full cost per client-year", c.figure(option, "result_cost_per_client_year", MONEY)),
        ("Quality index (0 to 100)", c.figure(option, "result_quality", QUALITY)),
        ("Value of outcomes", c.figure(option, "result_outcome_value", MONEY)),
        ("Net benefit on the estimates", c.figure(option, "result_net_benefit", MONEY)),
        ("Net benefit on average", c.figure(option, "result_mean_net_benefit", MONEY)),
        ("Chance of being best", c.figure(option, "result_probability_best", PERCENT)),
        (
            "Loss on average against the best of each try",
            c.figure(option, "result_expected_loss", MONEY),
        ),
        ("On the efficient frontier", c.cell(option.result_on_frontier, YES_NO)),
        ("Best at its value of a quality point", c.cell(option.result_is_best, YES_NO)),
    )
    return c.cell(option.name, OPTION, figures=figures, highlight=option.result_is_best)


# (label, how to read it from one Compared), table by table.
ASSESSMENT_ROWS = (
    ("Service", lambda c: c.cell(c.assessment.service.name)),
    ("Agency", lambda c: c.cell(c.assessment.service.agency.name)),
    ("Status", _status),
    ("Currency", lambda c: c.cell(c.currency)),
)
RESULT_ROWS = (
    ("Classification", lambda c: c.cell(c.assessment.get_result_classification_display() or None)),
    ("Best option at its value of a quality point", lambda c: c.named(_best(c), _no_best_words(c))),
    (
        "Its net benefit on average over the tries",
        lambda c: c.figure(_best(c), "result_mean_net_benefit", MONEY),
    ),
    (
        "Best on the single estimates, where that differs",
        lambda c: c.named(c.option(c.assessment.result_single_estimate_best_id), "The same"),
    ),
    (
        "Its full cost per client-year",
        lambda c: c.figure(_best(c), "result_cost_per_client_year", MONEY),
    ),
    ("Its quality index (0 to 100)", lambda c: c.figure(_best(c), "result_quality", QUALITY)),
    ("Outcomes valued", lambda c: c.cell(c.outcome_names, LIST, missing="None")),
    ("Its value of outcomes", lambda c: c.figure(_best(c), "result_outcome_value", MONEY)),
    (
        "Chance it is the best option",
        lambda c: c.cell(c.assessment.result_probability_best, PERCENT),
    ),
    (
        "Robust or fragile (robust: best in at least 80% of the tries)",
        lambda c: c.cell(c.assessment.get_result_sensitivity_display() or None),
    ),
    ("What finding out more could be worth", lambda c: c.cell(c.assessment.result_evpi, MONEY)),
    (
        "What finding out the hours and money people give could be worth",
        lambda c: c.cell(c.assessment.result_evppi_time_and_money, MONEY),
    ),
    (
        "The choice changes if an hour is worth less than",
        lambda c: c.cell(c.assessment.result_hourly_rate_below, MONEY_EXACT, missing="No value"),
    ),
    (
        "The choice changes if an hour is worth more than",
        lambda c: c.cell(c.assessment.result_hourly_rate_above, MONEY_EXACT, missing="No value"),
    ),
)
PLANE_ROWS = (
    (
        "Co-produced option",
        lambda c: c.named(c.option(c.assessment.result_plane_option_id)),
    ),
    ("What happens now", lambda c: c.named(c.option(c.assessment.result_plane_comparator_id))),
    ("Co-production is", lambda c: c.cell(c.assessment.get_result_quadrant_display() or None)),
    (
        "Full cost per client-year, against what happens now",
        lambda c: c.cell(c.assessment.result_cost_change, MONEY_CHANGE),
    ),
    (
        "Quality index, against what happens now",
        lambda c: c.cell(c.assessment.result_quality_change, QUALITY_CHANGE),
    ),
    (
        "Net benefit, against what happens now",
        lambda c: c.cell(c.assessment.result_net_benefit_change, NET_BENEFIT_CHANGE),
    ),
)
RISK_ROWS = (
    ("Number of risk flags", lambda c: c.cell(c.assessment.result_risk_flag_count)),
    ("Risk flags", _risk_flags),
)
SETTINGS_ROWS = (
    (
        "What one quality point is worth for one client for a year",
        lambda c: c.cell(c.assessment.willingness_to_pay, MONEY_EXACT, missing="Not set"),
    ),
    ("Appraisal period", lambda c: c.cell(c.assessment.appraisal_years, YEARS)),
    ("Discount rate", lambda c: c.cell(c.assessment.discount_rate, RATE)),
    (
        "Value of an hour of co-producers' time",
        lambda c: c.cell(c.assessment.hourly_rate, MONEY_EXACT),
    ),
)


def comparison(compared: list[Compared]) -> list[Table]:
    """The tables of the page, one cell per assessment in each row."""

    def rows(definitions) -> tuple[Row, ...]:
        return tuple(Row(label, tuple(read(c) for c in compared)) for label, read in definitions)

    most_options = max(len(c.options) for c in compared)
    option_rows = tuple(
        Row(f"Option {position + 1}", tuple(_option_cell(c, position) for c in compared))
        for position in range(most_options)
    )
    return [
        Table("The assessments compared", "assessments", rows(ASSESSMENT_ROWS)),
        Table("The result", "result", rows(RESULT_ROWS)),
        Table("Co-production against what happens now", "plane", rows(PLANE_ROWS)),
        Table("The options, in each assessment's order", "options", option_rows),
        Table("Risks to watch", "risks", rows(RISK_ROWS)),
        Table("Appraisal settings", "settings", rows(SETTINGS_ROWS)),
    ]


# --- The CSV ---------------------------------------------------------------------------

MONEY_UNIT = "the assessment's currency (its Currency row)"
# The unit each kind of cell is written in, in the CSV's unit column.
CSV_UNITS = {
    **dict.fromkeys(MONEY_KINDS, MONEY_UNIT),
    QUALITY: QUALITY_POINTS,
    QUALITY_CHANGE: QUALITY_POINTS,
    PERCENT: "per cent (0 to 100)",
    RATE: "per cent a year",
    YEARS: "years",
    YES_NO: "Yes or No",
}


def csv_table(compared: list[Compared], tables: list[Table]) -> tuple[list, list]:
    """The comparison as a header and rows: a row for each table's caption, then its rows,
    each with its unit; an option's figures follow its name, each on a row of its own."""
    blank = [""] * len(compared)
    # The header is written as it is (only rows are guarded), and titles are typed by users.
    header = ["what", "unit", *(spreadsheet_safe(c.assessment.title) for c in compared)]
    lines = []
    for table in tables:
        lines.append([table.caption, "", *blank])
        for row in table.rows:
            unit = CSV_UNITS.get(row.cells[0].kind, "")
            lines.append([row.label, unit, *(cell.csv_value for cell in row.cells)])
            if row.cells[0].kind == OPTION:
                figures = next(cell.figures for cell in row.cells if cell.figures)
                for index, (label, figure) in enumerate(figures):
                    lines.append(
                        [
                            f"{row.label}: {label.lower()}",
                            CSV_UNITS.get(figure.kind, ""),
                            *(
                                cell.figures[index][1].csv_value if cell.figures else ""
                                for cell in row.cells
                            ),
                        ]
                    )
    return header, lines


def _row(label: str, kind: str, meaning: str) -> Column:
    """One row of the CSV as the data dictionary describes it: its label, its unit."""
    kinds = {YES_NO: columns.TEXT, TEXT: columns.TEXT, LIST: columns.TEXT, OPTION: columns.TEXT}
    values = ("Yes", "No") if kind == YES_NO else ()
    column_type = kinds.get(kind, columns.NUMBER)
    return Column(label, None, column_type, meaning, CSV_UNITS.get(kind, ""), values)


# Every row the CSV can write, in its order, for the data dictionary; "Option N" stands for
# each option by its place. tests/test_data_dictionary.py checks it against a real file.
OPTION_FIGURES = (
    ("co-produced", YES_NO, "Whether co-producers do part of the work."),
    ("what happens now", YES_NO, "Whether it is what happens now, which others are set "
     "against."),
    ("cost to the agency", MONEY, "The agency's spending over the appraisal period (present "
     "value)."),
    ("full cost", MONEY, "The agency's spending plus the value of co-producers' time and money "
     "(present value)."),
    ("full cost per client-year", MONEY, "Full cost divided by the discounted client-years."),
    ("quality index (0 to 100)", QUALITY, "Service quality, from the option's four ratings."),
    ("value of outcomes", MONEY, "What its changes to the assessment's outcomes are worth "
     "(present value)."),
    ("net benefit on the estimates", MONEY, "Quality valued at the assessment's value of a quality point, plus "
     "the value of outcomes, less full cost, on the single estimates."),
    ("net benefit on average", MONEY, "The same averaged over the uncertainty draws."),
    ("chance of being best", PERCENT, "The share of the uncertainty draws in which it is "
     "best, to one place."),
    ("loss on average against the best of each try", MONEY, "What choosing it would lose on "
     "average against the best option of each uncertainty draw."),
    ("on the efficient frontier", YES_NO, "Whether no other option, or mix of two, is both "
     "cheaper and better."),
    ("best at its value of a quality point", YES_NO, "Whether it has the highest mean net benefit."),
)  # fmt: skip
CSV_ROWS = (
    _row("Service", TEXT, "The service assessed."),
    _row("Agency", TEXT, "The agency that runs it."),
    _row("Status", TEXT, "Draft, submitted or archived; a draft's results are provisional."),
    _row("Currency", TEXT, "The three-letter code of the currency every amount of money in "
         "the column is in."),
    _row("Classification", TEXT, "Co-production, participation, or neither."),
    _row("Best option at its value of a quality point", TEXT, "The option with the highest mean "
         "net benefit over the uncertainty draws."),
    _row("Its net benefit on average over the tries", MONEY, "The best option's net benefit "
         "averaged over the uncertainty draws (present value)."),
    _row("Best on the single estimates, where that differs", TEXT, "The option that would be "
         "best if every figure were exactly as estimated; empty when the same."),
    _row("Its full cost per client-year", MONEY, "The best option's full cost divided by the "
         "discounted client-years."),
    _row("Its quality index (0 to 100)", QUALITY, "The best option's quality, to one place."),
    _row("Outcomes valued", LIST, "The outcomes the assessment values, separated by "
         "semicolons."),
    _row("Its value of outcomes", MONEY, "What the best option's changes to them are worth "
         "(present value)."),
    _row("Chance it is the best option", PERCENT, "The share of the uncertainty draws in "
         "which the best option is best, to one place."),
    _row("Robust or fragile (robust: best in at least 80% of the tries)", TEXT, "Robust "
         "when the best option is best in at least 80% of the uncertainty draws."),
    _row("What finding out more could be worth", MONEY, "The value of perfect information "
         "(present value)."),
    _row("What finding out the hours and money people give could be worth", MONEY, "The "
         "value of knowing co-producers' hours and money for certain (present value)."),
    _row("The choice changes if an hour is worth less than", MONEY, "The value of an hour "
         "of co-producers' time below which another option is best."),
    _row("The choice changes if an hour is worth more than", MONEY, "The value of an hour "
         "of co-producers' time above which another option is best."),
    _row("Co-produced option", TEXT, "The best co-produced option, set against what "
         "happens now."),
    _row("What happens now", TEXT, "The option it is set against: what happens now, or the "
         "option compared against when nothing does yet."),
    _row("Co-production is", TEXT, "The co-produced option against what happens now: "
         "cheaper or dearer, better or worse."),
    _row("Full cost per client-year, against what happens now", MONEY, "The co-produced "
         "option's full cost per client-year less the same figure for what happens now: below zero is cheaper."),
    _row("Quality index, against what happens now", QUALITY_CHANGE, "Its quality less the "
         "one of what happens now, to one place: above zero is better."),
    _row("Net benefit, against what happens now", MONEY, "Its net benefit less the "
         "one of what happens now (present value)."),
    _row("Option N", OPTION, "The option at place N in the assessment's order; empty past "
         "its last."),
    *(_row(f"Option N: {label}", kind, meaning) for label, kind, meaning in OPTION_FIGURES),
    _row("Number of risk flags", TEXT, "How many risk flags the assessment raises."),
    _row("Risk flags", LIST, "The risk flags raised, separated by semicolons."),
    _row("What one quality point is worth for one client for a year", MONEY, "The "
         "assessment's value of a quality point; empty while not set."),
    _row("Appraisal period", YEARS, "How many years costs and benefits are counted over."),
    _row("Discount rate", RATE, "The rate later years are discounted at, to two places."),
    _row("Value of an hour of co-producers' time", MONEY, "The money value put on an hour "
         "of a co-producer's time."),
)  # fmt: skip
COMPARE_EXPORT = Export(
    name="comparison",
    url_name="assessments:compare_csv",
    title="Assessments compared",
    row="The comparison page's tables, turned on their side: a column for each assessment "
    "compared (two to four), headed by its title, and a row for each figure, labelled as on "
    "the page, with its unit; a row naming each table comes before its rows. The rows are "
    "listed below the columns.",
    columns=(
        Column("what", None, columns.TEXT, "The row's label, as on the page, or a table's name."),
        Column("unit", None, columns.TEXT, "The unit the row's figures are in; empty for text."),
        Column(
            "(title of each assessment)",
            None,
            columns.TEXT,
            "One column for each assessment compared, in the order asked for: its figure for "
            "the row, in the row's unit; money in its own currency (its Currency row).",
        ),
    ),
    filters=tuple(
        Filter(key, f"The {word} assessment compared, by its id.")
        for key, word in zip("abcd", ("first", "second", "third", "fourth"), strict=True)
    ),
    offered_on="the comparison page",
)


def _read_compared(user, codes) -> list[Compared]:
    """The assessments with these codes, in this order: 404 unless the user may read every
    one, so a code of another agency's reads as one that does not exist.

    Three queries: the assessments with their service and agency (the options they point
    at are found among their own options, not joined), their options, and their outcomes'
    names.
    """
    names = OutcomeMeasure.objects.only("assessment_id", "position", "name")
    found = {
        assessment.code: assessment
        for assessment in assessments_for(user)
        .filter(code__in=codes)
        .select_related("service__agency")
        .prefetch_related("options", Prefetch("outcomes", queryset=names))
    }
    if len(found) < len(codes):
        raise Http404("No such page.")
    return [Compared(found[code]) for code in codes]


def _choose(request, form: CompareForm):
    """The form asking which assessments to compare: 200 when nothing was asked yet, 400
    when the address asked for something that cannot be compared."""
    form.offer(assessments_for(request.user).current().for_listing()[:CHOICES_OFFERED])
    status = 400 if form.is_bound else 200
    return render(request, "assessments/compare.html", {"form": form}, status=status)


@require_safe
def compare(request):
    form = CompareForm(request.GET or None)
    if not form.is_valid():
        return _choose(request, form)
    compared = _read_compared(request.user, form.codes)
    context = {
        "compared": compared,
        "tables": comparison(compared),
        "any_draft": any(c.assessment.is_editable for c in compared),
        "query": urlencode(dict(zip(COMPARE_KEYS, map(str, form.codes), strict=False))),
    }
    return render(request, "assessments/compare.html", context)


@require_safe
def compare_csv(request):
    """The comparison on the page as CSV, under the same rules: 404 for a code the user may
    not read, the chooser for a choice that cannot be compared."""
    form = CompareForm(request.GET or None)
    if not form.is_valid():
        return _choose(request, form)
    compared = _read_compared(request.user, form.codes)
    header, rows = csv_table(compared, comparison(compared))
    return streaming_csv_response("coprod-comparison", header, rows)
