"""The dashboard's tables as CSV (`/dashboard/<table>.csv`), for the same filters as the page."""

from django.http import Http404
from django.views.decorators.http import require_safe

from assessments.views.dashboard import _portfolio, profile_rows, quadrant_rows
from coprod_site.csv_export import excel_variant, streaming_csv_response
from services.models import Sector


def _outcome_row(name, outcomes, currencies):
    def money(value):
        # Money in two currencies is never added up: a row holding several leaves its money
        # out, as the page's tables do ("Several currencies").
        return None if len(currencies) > 1 else value

    return [
        name,
        ";".join(currencies),
        outcomes.assessed,
        outcomes.decided,
        outcomes.co_produced_best,
        None if outcomes.co_produced_share is None else round(outcomes.co_produced_share, 4),
        money(outcomes.net_benefit),
        money(outcomes.net_benefit_change),
        money(outcomes.agency_spending),
        money(outcomes.spending_change),
        outcomes.hours,
        money(outcomes.time_value),
        money(outcomes.outcome_value_change),
        None if outcomes.quality_gained is None else round(outcomes.quality_gained, 2),
        outcomes.robust,
        outcomes.fragile,
        outcomes.incidence_assessed,
        outcomes.hours_change,
        money(outcomes.time_change),
        money(outcomes.money_change),
        money(outcomes.cost_shifted),
        outcomes.cost_shifted_count,
    ]


OUTCOME_HEADER = [
    "currency",
    "assessments",
    "with_a_best_option",
    "best_option_co_produced",
    "share_best_option_co_produced",
    "net_benefit_of_best_options",
    "net_benefit_gained_against_comparators",
    "agency_spending_pv",
    "agency_spending_change_against_comparators_pv",
    "co_producer_hours_a_year",
    "co_producer_time_value_pv",
    "outcome_value_gained_against_comparators_pv",
    "quality_points_gained_per_client_year",
    "robust",
    "fragile",
    # Who pays: each co-produced option against its comparator (`scoring.incidence`); the
    # agency's part is agency_spending_change_against_comparators_pv above.
    "assessments_with_incidence",
    "co_producer_hours_a_year_change",
    "co_producer_time_value_change_pv",
    "co_producer_money_change_pv",
    "money_shifted_onto_co_producers_pv",
    "flagged_cost_shifted",
]


def _table(name: str, figures: dict):
    counts, tables = figures["counts"], figures["tables"]
    sectors = dict(Sector.choices)
    if name in ("agencies", "sectors", "currencies"):
        key = {"agencies": "agency", "sectors": "sector", "currencies": "currency"}[name]
        rows = [
            _outcome_row(str(sectors.get(group, group)) if key == "sector" else group, o, c)
            for group, o, c in tables[key]
        ]
        if key == "currency":  # the group is the currency column already
            return OUTCOME_HEADER, [row[1:] for row in rows]
        return [key, *OUTCOME_HEADER], rows
    if name == "plane":
        plane = figures["plane"]
        if plane["binned"]:
            header = ["quality_change_from", "quality_change_to", "cost_change_from",
                      "cost_change_to", "quadrant", "assessments"]  # fmt: skip
            rows = [
                [c["x_from"], c["x_to"], c["y_from"], c["y_to"], c["result_quadrant"], c["count"]]
                for c in plane["cells"]
            ]
            return header, rows
        header = ["assessment_id", "title", "agency", "quadrant", "quality_change",
                  "cost_per_client_year_change"]  # fmt: skip
        rows = [
            [
                p["code"],
                p["title"],
                p["service__agency__name"],
                p["result_quadrant"],
                p["result_quality_change"],
                p["result_cost_change"],
            ]  # fmt: skip
            for p in plane["points"]
        ]
        return header, rows
    if name == "quadrants":
        return ["quadrant", "assessments"], [[q.label, n] for q, n in quadrant_rows(counts)]
    if name == "profile":
        profile = profile_rows(counts)
        rows = [["average strength", label, value] for label, value in profile["motivators"]]
        rows += [["average", label, value] for label, value in profile["capability"]]
        rows += [["surveyed strength", label, said] for label, _, said in profile["surveyed"]]
        rows += [["special asset", label, n] for label, n, _ in profile["assets"]]
        rows += [["risk flag", title, n] for title, n, _ in profile["flags"]]
        return ["kind", "what", "value"], rows
    raise Http404("No such table.")


@require_safe
@excel_variant
def dashboard_table_csv(request, table):
    """One of the dashboard's tables as CSV, for the same filters."""
    if table not in ("agencies", "sectors", "currencies", "plane", "quadrants", "profile"):
        raise Http404("No such table.")
    header, rows = _table(table, _portfolio(request))
    return streaming_csv_response(f"coprod-dashboard-{table}", header, rows)
