"""The dashboard's tables as CSV (`/dashboard/<table>.csv`), for the same filters as the page.

Each table's columns are a list of `Column`s made with `csv_export.cell_column`: its name,
the kind of figure it holds (which rounds the cell and gives its type and unit), how to
read it from a row's object, and what it means. The same lists write the files and
describe them in the data dictionary (`DESCRIPTIONS`, shown at /export/), so a header
cannot change without its description; tests/test_data_dictionary.py downloads each table
and checks its header against the dictionary. The figures follow the rules of every
export: money to two places beside a `currency` column, shares as percentages in a
`_percent` column, fixed places for quality and hours, ISO dates.

A new table, such as the ranking, takes four steps:

1. A column list, each column read from one of the rows it will be given (here the dicts
   of `portfolio.ranking`, flattened over its currencies):

       RANKING_COLUMNS = [
           cell_column("rank", COUNT_CELL, itemgetter("rank"), "Its place in its currency."),
           cell_column("assessment_id", TEXT_CELL, itemgetter("code"), "Its permanent id."),
           cell_column("currency", TEXT_CELL, itemgetter("currency_code"), "The currency "
                       "the row's money is in."),
           cell_column("net_benefit_change_pv", MONEY_CELL,
                       itemgetter("result_net_benefit_change"), "...", unit=MONEY_PV),
           cell_column("cost_per_client_year", MONEY_CELL, itemgetter("cost_per_client_year"),
                       "...", unit=f"{MONEY} per client-year"),
           cell_column("quality_change", QUALITY_CELL, itemgetter("result_quality_change"),
                       "..."),
           cell_column("quality_gained_per_1000_of_full_cost",
                       FigureKind(NUMBER, "quality points per 1,000 of full cost", places=2),
                       itemgetter("quality_per_thousand"), "..."),
           cell_column("report", TEXT_CELL, itemgetter("report"), "The report's address."),
       ]

   A kind of figure is one line, `FigureKind(type, unit, places=...)`; money is
   `MONEY_CELL` (two places), a share `PERCENT_CELL` (its name must end in `_percent`), a
   date `DATE_CELL`, a count `COUNT_CELL`.
2. Its name in `TABLES`.
3. A branch of `_table` giving the list and the rows, with anything a `read` needs added
   to each row first (as `_plane_points` adds the date; the report's absolute address,
   `request.build_absolute_uri(...)`, likewise).
4. A line of `DESCRIPTIONS`, so the data dictionary shows it.
"""

from operator import itemgetter
from typing import NamedTuple

from django.http import Http404
from django.urls import reverse
from django.views.decorators.http import require_safe

from assessments import portfolio
from assessments.choices import Quadrant
from assessments.filters import DashboardFilterForm
from assessments.views.dashboard import _portfolio, profile_rows, quadrant_rows
from coprod_site.columns import (
    HOURS_A_YEAR,
    MONEY,
    MONEY_PV,
    NUMBER,
    QUALITY_POINTS,
    STRENGTH,
    Export,
    form_filters,
    labels,
    python_row,
)
from coprod_site.csv_export import (
    COUNT_CELL,
    DATE_CELL,
    MONEY_CELL,
    PERCENT_CELL,
    TEXT_CELL,
    FigureKind,
    cell_column,
    excel_variant,
    fixed,
    streaming_csv_response,
)
from services.models import Sector

QUALITY_CELL = FigureKind(NUMBER, QUALITY_POINTS, places=2)
HOURS_CELL = FigureKind(NUMBER, HOURS_A_YEAR, places=1)


class Group(NamedTuple):
    """One row of the comparisons by agency, sector or currency (`portfolio.comparisons`):
    money in two currencies is never added up, so each row is in one currency."""

    name: str
    outcomes: object  # portfolio.Outcomes
    currencies: list[str]


def _figure(attribute: str):
    return lambda group: getattr(group.outcomes, attribute)


def _money_column(name: str, attribute: str, description: str):
    return cell_column(name, MONEY_CELL, _figure(attribute), description, unit=MONEY_PV)


CURRENCY_COLUMN = cell_column(
    "currency",
    TEXT_CELL,
    lambda group: ";".join(group.currencies),
    "The three-letter code of the currency the row's money is in. An agency or sector with "
    "assessments in two currencies has a row for each.",
)
OUTCOME_COLUMNS = [
    cell_column("assessments", COUNT_CELL, _figure("assessed"), "Submitted assessments."),
    cell_column(
        "with_a_best_option",
        COUNT_CELL,
        _figure("decided"),
        "Of them, those naming a best option (a value is put on quality).",
    ),
    cell_column(
        "best_option_co_produced",
        COUNT_CELL,
        _figure("co_produced_best"),
        "Of them, those whose best option is co-produced.",
    ),
    cell_column(
        "share_best_option_co_produced_percent",
        PERCENT_CELL,
        lambda group: group.outcomes.co_produced_share,
        "best_option_co_produced as a percentage of with_a_best_option, to one place "
        "(62.5); empty where none names a best option.",
        unit="per cent of the assessments with a best option",
    ),
    _money_column(
        "net_benefit_of_best_options",
        "net_benefit",
        "The best options' net benefits averaged over the uncertainty draws, added up.",
    ),
    _money_column(
        "net_benefit_gained_against_comparators",
        "net_benefit_change",
        "Each best co-produced option's net benefit less its comparator's, added up.",
    ),
    _money_column(
        "agency_spending_pv",
        "agency_spending",
        "What the agencies spend on the best co-produced options.",
    ),
    _money_column(
        "agency_spending_change_against_comparators_pv",
        "spending_change",
        "The agencies' spending on the best co-produced options less on their comparators: "
        "below zero they save.",
    ),
    cell_column(
        "co_producer_hours_a_year",
        HOURS_CELL,
        _figure("hours"),
        "The hours co-producers give each year at full take-up in the best co-produced "
        "options, to one place.",
    ),
    _money_column(
        "co_producer_time_value_pv",
        "time_value",
        "The value of co-producers' time in the best co-produced options.",
    ),
    _money_column(
        "outcome_value_gained_against_comparators_pv",
        "outcome_value_change",
        "The value of the best co-produced options' outcomes less their comparators'.",
    ),
    cell_column(
        "quality_points_gained_per_client_year",
        QUALITY_CELL,
        lambda group: group.outcomes.quality_gained,
        "The best co-produced options' quality less their comparators', averaged over the "
        "client-years they serve, to two places: above zero is better.",
        unit=f"{QUALITY_POINTS} per client-year",
    ),
    cell_column(
        "robust",
        COUNT_CELL,
        _figure("robust"),
        "Assessments whose best option is best in at least 80% of the uncertainty draws.",
    ),
    cell_column(
        "fragile", COUNT_CELL, _figure("fragile"), "Assessments whose best option is not robust."
    ),
    # Who pays: each co-produced option against its comparator (`scoring.incidence`); the
    # agency's part is agency_spending_change_against_comparators_pv above.
    cell_column(
        "assessments_with_incidence",
        COUNT_CELL,
        _figure("incidence_assessed"),
        "Assessments whose best co-produced option is set against a comparator, whose "
        "figures the who-pays columns below add up.",
    ),
    cell_column(
        "co_producer_hours_a_year_change",
        HOURS_CELL,
        _figure("hours_change"),
        "The hours co-producers give each year less in the comparators, to one place: above "
        "zero they give more.",
    ),
    _money_column(
        "co_producer_time_value_change_pv",
        "time_change",
        "The value of co-producers' time less in the comparators: above zero they give more.",
    ),
    _money_column(
        "co_producer_money_change_pv",
        "money_change",
        "Co-producers' own money less in the comparators: above zero they spend more.",
    ),
    _money_column(
        "money_shifted_onto_co_producers_pv",
        "cost_shifted",
        "Of what the agencies save, what co-producers make up in time and money.",
    ),
    cell_column(
        "flagged_cost_shifted",
        COUNT_CELL,
        _figure("cost_shifted_count"),
        "Assessments flagged “cost shifted, not saved”.",
    ),
]


def _group_column(name: str, description: str):
    return cell_column(name, TEXT_CELL, lambda group: group.name, description)


OUTCOME_TABLES = {
    # table: (the key of portfolio.comparisons, its columns)
    "agencies": (
        "agency",
        [_group_column("agency", "The agency."), CURRENCY_COLUMN, *OUTCOME_COLUMNS],
    ),
    "sectors": (
        "sector",
        [_group_column("sector", "The services' sector."), CURRENCY_COLUMN, *OUTCOME_COLUMNS],
    ),
    # The group is the currency column already.
    "currencies": ("currency", [CURRENCY_COLUMN, *OUTCOME_COLUMNS]),
}

# The plane: a point for each assessment, or, past portfolio.PLANE_POINTS_MAX, counts per
# cell. A point's money is in its own currency, named beside it.
PLANE_COLUMNS = [
    cell_column("assessment_id", TEXT_CELL, itemgetter("code"), "The assessment's permanent id."),
    cell_column("title", TEXT_CELL, itemgetter("title"), "The assessment's name."),
    cell_column("agency", TEXT_CELL, itemgetter("service__agency__name"), "Its agency."),
    cell_column(
        "quadrant",
        TEXT_CELL,
        itemgetter("quadrant"),
        "The best co-produced option against what happens now, on cost per client-year and "
        "quality.",
        values=labels(Quadrant),
    ),
    cell_column(
        "quality_change",
        QUALITY_CELL,
        itemgetter("result_quality_change"),
        "The best co-produced option's quality less the comparator's, to two places: above "
        "zero is better.",
    ),
    cell_column(
        "cost_per_client_year_change",
        MONEY_CELL,
        itemgetter("result_cost_change"),
        "The best co-produced option's full cost per client-year less the comparator's: "
        "below zero is cheaper.",
        unit=f"{MONEY} per client-year",
    ),
    cell_column(
        "currency",
        TEXT_CELL,
        itemgetter("currency_code"),
        "The three-letter code of the currency cost_per_client_year_change is in.",
    ),
    cell_column("submitted_on", DATE_CELL, itemgetter("submitted_at"), "When it was submitted."),
]
BINNED_PLANE_COLUMNS = [
    cell_column(
        "quality_change_from",
        QUALITY_CELL,
        itemgetter("x_from"),
        "The cell's lowest change in quality, to two places.",
    ),
    cell_column(
        "quality_change_to",
        QUALITY_CELL,
        itemgetter("x_to"),
        "The cell's highest change in quality, to two places.",
    ),
    cell_column(
        "cost_change_from",
        MONEY_CELL,
        itemgetter("y_from"),
        "The cell's lowest change in full cost per client-year.",
        unit=f"{MONEY} per client-year",
    ),
    cell_column(
        "cost_change_to",
        MONEY_CELL,
        itemgetter("y_to"),
        "The cell's highest change in full cost per client-year.",
        unit=f"{MONEY} per client-year",
    ),
    cell_column(
        "currency",
        TEXT_CELL,
        itemgetter("currency_code"),
        "The three-letter code of the currency the cell's cost changes are in: each "
        "currency's assessments are counted in cells of their own, over their own range.",
    ),
    cell_column(
        "quadrant",
        TEXT_CELL,
        itemgetter("quadrant"),
        "The quadrant of the assessments counted.",
        values=labels(Quadrant),
    ),
    cell_column(
        "assessments", COUNT_CELL, itemgetter("count"), "Assessments in the cell and quadrant."
    ),
]
RANKING_COLUMNS = [
    cell_column(
        "rank",
        COUNT_CELL,
        itemgetter("rank"),
        "Its place among the assessments (or the services) in the same currency: 1 is the "
        "best value. Those with no net benefit (no value put on a quality point) come last "
        "when ranked by it.",
    ),
    cell_column("assessment_id", TEXT_CELL, itemgetter("code"), "The assessment's permanent id."),
    cell_column("title", TEXT_CELL, itemgetter("title"), "The assessment's name."),
    cell_column("service", TEXT_CELL, itemgetter("service__name"), "Its service."),
    cell_column("agency", TEXT_CELL, itemgetter("service__agency__name"), "Its agency."),
    cell_column(
        "currency",
        TEXT_CELL,
        itemgetter("currency_code"),
        "The three-letter code of the currency the row's money is in; each currency is "
        "ranked on its own.",
    ),
    cell_column(
        "net_benefit_change_pv",
        MONEY_CELL,
        itemgetter("result_net_benefit_change"),
        "The net benefit the best co-produced option gains over what happens now, at the "
        "assessment's own value of a quality point: above zero is a gain. Blank where no "
        "value is put on a quality point.",
        unit=MONEY_PV,
    ),
    cell_column(
        "cost_per_client_year",
        MONEY_CELL,
        itemgetter("cost_per_client_year"),
        "The best co-produced option's full cost (to the agency and the co-producers) for "
        "each client-year.",
        unit=f"{MONEY} per client-year",
    ),
    cell_column(
        "cost_per_client_year_change",
        MONEY_CELL,
        itemgetter("result_cost_change"),
        "That cost less the comparator's: below zero is cheaper.",
        unit=f"{MONEY} per client-year",
    ),
    cell_column(
        "quality_change",
        QUALITY_CELL,
        itemgetter("result_quality_change"),
        "The best co-produced option's quality less the comparator's: above zero is better.",
    ),
    cell_column(
        "quality_gained_per_1000_of_full_cost",
        FigureKind(NUMBER, "quality points per 1,000 of full cost per client-year", places=2),
        itemgetter("quality_per_thousand"),
        "Quality gained for each client-year per 1,000 (in the row's currency) of the "
        "option's full cost for each client-year: the same as point-client-years per 1,000 "
        "of its full cost. Blank where the option costs nothing.",
    ),
    cell_column("report", TEXT_CELL, itemgetter("report"), "The address of its report."),
]
QUADRANT_COLUMNS = [
    cell_column(
        "quadrant",
        TEXT_CELL,
        itemgetter(0),
        "The best co-produced option against what happens now.",
        values=labels(Quadrant),
    ),
    cell_column("assessments", COUNT_CELL, itemgetter(1), "Submitted assessments in it."),
]
PROFILE_KINDS = ("average strength", "average", "surveyed strength", "special asset", "risk flag")
PROFILE_COLUMNS = [
    cell_column(
        "kind",
        TEXT_CELL,
        itemgetter(0),
        "What the row counts: a reason's average strength as managers rate it, an average "
        "of capability, the strength co-producers' surveys give a reason, a special asset "
        "or a risk flag.",
        values=PROFILE_KINDS,
    ),
    cell_column("what", TEXT_CELL, itemgetter(1), "The reason, capability, asset or flag."),
    cell_column(
        "value",
        FigureKind(NUMBER),  # rounded in _profile: an average to two places, a count whole
        itemgetter(2),
        "Its average to two places, or its count of assessments; the unit column says which.",
    ),
    cell_column(
        "unit",
        TEXT_CELL,
        itemgetter(3),
        "The value's unit: “0 (none) to 4 (very strong)” for a strength or capability, "
        "“assessments” for a count.",
        values=(STRENGTH, "assessments"),
    ),
]


def _outcome_rows(groups, sector_names: dict) -> list[Group]:
    return [
        Group(str(sector_names.get(name, name)), outcomes, currencies)
        for name, outcomes, currencies in groups
    ]


def _plane_points(points) -> list[dict]:
    """The points with their quadrant's name."""
    names = dict(Quadrant.choices)
    return [{**p, "quadrant": names.get(p["result_quadrant"])} for p in points]


def _plane_cells(cells) -> list[dict]:
    names = dict(Quadrant.choices)
    return [{**c, "quadrant": names.get(c["result_quadrant"])} for c in cells]


def _profile(counts) -> list[tuple]:
    """The profile's rows: (kind, what, value, unit)."""
    profile = profile_rows(counts)
    averages = [("average strength", label, v) for label, v in profile["motivators"]]
    averages += [("average", label, v) for label, v in profile["capability"]]
    averages += [("surveyed strength", label, said) for label, _, said in profile["surveyed"]]
    counted = [("special asset", label, n) for label, n, _ in profile["assets"]]
    counted += [("risk flag", title, n) for title, n, _ in profile["flags"]]
    return [(kind, what, fixed(value, 2), STRENGTH) for kind, what, value in averages] + [
        (kind, what, n, "assessments") for kind, what, n in counted
    ]


def _ranking(request, name: str, figures: dict) -> list[dict]:
    """The whole ranking (the page shows the first few of each currency), in the page's
    order, each row with its report's address."""
    assessments = figures["co_production"]
    if name == "services-ranking":
        assessments = portfolio.latest_for_each_service(assessments)
    rows = []
    for _, ranked, _ in portfolio.ranking(assessments, figures["ranking_order"], limit=None):
        for row in ranked:
            report = request.build_absolute_uri(reverse("assessments:report", args=[row["code"]]))
            rows.append({**row, "report": report})
    return rows


def _table(request, name: str, figures: dict) -> tuple[list, list]:
    """The table's columns and the objects its rows are read from."""
    if name in OUTCOME_TABLES:
        key, columns = OUTCOME_TABLES[name]
        return columns, _outcome_rows(figures["tables"][key], dict(Sector.choices))
    if name == "plane":
        plane = figures["plane"]
        if plane["binned"]:
            return BINNED_PLANE_COLUMNS, _plane_cells(plane["cells"])
        return PLANE_COLUMNS, _plane_points(plane["points"])
    if name in ("ranking", "services-ranking"):
        return RANKING_COLUMNS, _ranking(request, name, figures)
    if name == "quadrants":
        return QUADRANT_COLUMNS, [(q.label, n) for q, n in quadrant_rows(figures["counts"])]
    if name == "profile":
        return PROFILE_COLUMNS, _profile(figures["counts"])
    raise Http404("No such table.")


@require_safe
@excel_variant
def dashboard_table_csv(request, table):
    """One of the dashboard's tables as CSV, for the same filters."""
    if table not in TABLES:
        raise Http404("No such table.")
    columns, items = _table(request, table, _portfolio(request))
    header = [column.name for column in columns]
    return streaming_csv_response(
        f"coprod-dashboard-{table}", header, map(python_row(columns), items)
    )


# --- What the data dictionary says of them ---------------------------------------------

TABLES = ("agencies", "sectors", "currencies", "ranking", "services-ranking", "plane", "quadrants",
          "profile")  # fmt: skip
DASHBOARD_FILTERS = form_filters(
    DashboardFilterForm,
    agency="One of your agencies, by the name in its address.",
    service="One of your services, by its id.",
)


DESCRIPTIONS = (
    # (the table in the address, its name in the dictionary, title, what a row is,
    # columns, the columns naming a row)
    ("agencies", "agencies", "by agency", "One row for each agency and currency of "
     "the submitted assessments the filters keep: their results added up.",
     OUTCOME_TABLES["agencies"][1], ("agency", "currency")),
    ("sectors", "sectors", "by sector", "One row for each sector and currency of the "
     "submitted assessments the filters keep: their results added up.",
     OUTCOME_TABLES["sectors"][1], ("sector", "currency")),
    ("currencies", "currencies", "headline figures by currency", "One row for each currency "
     "the submitted assessments the filters keep are in: the dashboard's headline figures, "
     "never adding up two currencies.", OUTCOME_TABLES["currencies"][1], ("currency",)),
    ("ranking", "ranking", "where the value is: assessments ranked", "One row for each "
     "submitted assessment classed co-production that the filters keep, ranked within its "
     "currency by net benefit against what happens now (or, with rank_by=quality_per_cost, by "
     "quality gained per 1,000 of full cost). The page shows the first 20 of each currency; "
     "the file holds them all.", RANKING_COLUMNS, ("assessment_id",)),
    ("services-ranking", "services-ranking", "where the value is: services ranked", "One row "
     "for each service, by its latest submitted assessment classed co-production that the "
     "filters keep, ranked within its currency as the assessments are.", RANKING_COLUMNS,
     ("assessment_id",)),
    ("plane", "plane", "the portfolio plane", "One row for each submitted assessment the "
     "filters keep that stands on the plane: its best co-produced option against what "
     "happens now. Past 300 assessments the file holds cells instead (next).", PLANE_COLUMNS,
     ("assessment_id",)),
    ("plane", "plane-cells", "the portfolio plane in cells", "Where more than 300 submitted "
     "assessments stand on the plane: one row for each cell of a 12 by 12 grid and "
     "quadrant, each currency's over its own range, with how many assessments it holds.",
     BINNED_PLANE_COLUMNS, ()),
    ("quadrants", "quadrants", "co-production against what happens now", "One row for each "
     "quadrant of the plane: how many submitted assessments are in it.", QUADRANT_COLUMNS,
     ("quadrant",)),
    ("profile", "profile", "why people take part", "One row for each figure of the "
     "dashboard's profile of the submitted assessments the filters keep: average strengths "
     "of the reasons people take part and of capability, what surveys said, and counts of "
     "special assets and risk flags.", PROFILE_COLUMNS, ("kind", "what")),
)  # fmt: skip
# (the table in the address, its description)
DASHBOARD_EXPORTS: tuple[tuple[str, Export], ...] = tuple(
    (
        table,
        Export(
            name=f"dashboard-{name}",
            url_name="dashboard-table",
            title=f"Dashboard: {title}",
            row=row,
            columns=columns,
            filters=DASHBOARD_FILTERS,
            primary_key=key,
            offered_on="the dashboard, under the table",
        ),
    )
    for table, name, title, row, columns, key in DESCRIPTIONS
)
