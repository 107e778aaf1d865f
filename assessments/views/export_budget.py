"""The budget CSV: each option's cash to the agency in each year of the appraisal period.

Unlike the assessments and options files, the rows are made in Python, from one streamed
query of the options (`iterator()`), each option giving a row for each year 0..N. A row
per year needs a series of years joined to the options: SQL can do it (PostgreSQL's
generate_series, a recursive WITH in both), but Django's ORM cannot join one, and in raw
SQL Django's converters no longer tidy SQLite's floating-point money, so the two databases
would write different digits. In Python the cells are `scoring.incidence.budget`'s own exact
decimals, the figures the report's budget table shows, so the file cannot drift from it.
Text passes the formula guard as the rows are written (`streaming_csv_response`).
"""

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter
from uuid import UUID

from django.db.models import F

from assessments.models.assessment import money_currency
from assessments.scoring.incidence import BudgetYear, budget
from assessments.scoring.inputs import OPTIMISM_BIAS_UPLIFT, OptionInputs
from assessments.views.export import FILTERS, exported_options
from coprod_site.columns import INTEGER, MONEY, NUMBER, TEXT, Column, Export, python_row
from coprod_site.csv_export import export_view, streaming_csv_response

# The allowance can leave fractions of a cent (£0.01 x 1.25): kept, so the years discounted
# add up to the agency's present value.
ALLOWANCE_PLACES = Decimal("0.0001")
PERCENT_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class BudgetRow:
    """One year of one option."""

    assessment_id: UUID
    position: int
    option: str
    currency: str
    uplift_percent: Decimal
    year: BudgetYear


BUDGET_COLUMNS = [
    Column(
        "assessment_id",
        attrgetter("assessment_id"),
        TEXT,
        "The assessment's permanent id, as in the assessments export.",
        format="uuid",
    ),
    Column(
        "position",
        attrgetter("position"),
        INTEGER,
        "The option's place in the assessment's list, from 1, as in the options export.",
    ),
    Column("option", attrgetter("option"), TEXT, "The option's name."),
    Column(
        "year",
        lambda row: row.year.year,
        INTEGER,
        "The year of the appraisal period: 0 is the start, when the set-up cost is paid; 1 to "
        "the assessment's appraisal_years are the years the option runs.",
        "years from the start",
    ),
    Column(
        "cash",
        lambda row: row.year.cash,
        NUMBER,
        "What the agency pays that year, as estimated, not discounted: the set-up cost in year "
        "0, the yearly cost at full take-up (agency_cost_a_year) in each later year. The "
        "agency runs the whole service from year 1, so its cost is not ramped up.",
        MONEY,
    ),
    Column(
        "cash_with_allowance",
        lambda row: row.year.with_allowance.quantize(ALLOWANCE_PLACES),
        NUMBER,
        "The cash raised by the optimism allowance for the option's confidence "
        "(optimism_uplift_percent), to four places, as the appraisal counts it: each year "
        "discounted at the assessment's rate and added up, these make the options export's "
        "agency_cost_pv.",
        MONEY,
    ),
    Column(
        "optimism_uplift_percent",
        attrgetter("uplift_percent"),
        NUMBER,
        "The optimism allowance added to the cash, for how sure the manager is of the option's "
        "figures: "
        + ", ".join(
            f"{percent:.0%} where confidence is {level}"
            for level, percent in OPTIMISM_BIAS_UPLIFT.items()
        )
        + ".",
        "per cent of the cash",
    ),
    Column(
        "currency",
        attrgetter("currency"),
        TEXT,
        "The three-letter code of the currency the row's money is in.",
    ),
]


def budget_rows(options) -> Iterator[BudgetRow]:
    """Each option's years, from one query streamed in chunks; an option whose costs,
    confidence or period are missing has none."""
    costed = (
        options.filter(
            setup_cost__isnull=False,
            annual_agency_cost__isnull=False,
            confidence__in=list(OPTIMISM_BIAS_UPLIFT),
            assessment__appraisal_years__gte=1,
        )
        .annotate(
            assessment_code=F("assessment__code"),
            currency=money_currency("assessment__"),
            appraisal_years=F("assessment__appraisal_years"),
        )
        .values_list(
            "assessment_code",
            "position",
            "name",
            "currency",
            "appraisal_years",
            "setup_cost",
            "annual_agency_cost",
            "confidence",
            named=True,
        )
    )
    for option in costed.iterator(chunk_size=2000):
        costs = OptionInputs(
            setup_cost=option.setup_cost,
            annual_agency_cost=option.annual_agency_cost,
            confidence=option.confidence,
        )
        uplift = Decimal(str(OPTIMISM_BIAS_UPLIFT[option.confidence])) * 100
        for year in budget(costs, option.appraisal_years):
            yield BudgetRow(
                assessment_id=option.assessment_code,
                position=option.position,
                option=option.name,
                currency=option.currency,
                uplift_percent=uplift.quantize(PERCENT_PLACES),
                year=year,
            )


_export_row = python_row(BUDGET_COLUMNS)


@export_view
def export_budget_csv(request):
    """One row per year of each option of the assessments the assessments export would
    write, in the options export's order."""
    rows = map(_export_row, budget_rows(exported_options(request)))
    return streaming_csv_response("coprod-budget", BUDGET_EXPORT.header, rows)


BUDGET_EXPORT = Export(
    name="budget",
    url_name="export-budget",
    title="Budget by year",
    row="One row for each year of the appraisal period (0 to appraisal_years) of each option "
    "of the assessments the options export would write, in the same order: the agency's cash "
    "that year, to check the option is affordable. An option whose set-up cost, yearly cost "
    "or confidence, or whose assessment's appraisal period, is not given has no rows.",
    columns=BUDGET_COLUMNS,
    filters=FILTERS,
    primary_key=("assessment_id", "position", "year"),
    offered_on="each assessment's report, for that assessment (?assessment=<assessment_id>)",
)
