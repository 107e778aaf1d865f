"""The portfolio's figures, for the dashboard: every one a database aggregate.

Each submitted assessment stands on the portfolio plane for its best co-produced option
(`result_plane_option`, "P") against its comparator (`result_plane_comparator`, "C"), and
names its best option at its own willingness to pay (`result_best`, "B"). Those three are
foreign keys, so the sums below are plain LEFT JOINs: one row per assessment, never
multiplied by its options.

Units: money is in each agency's currency, present value over each assessment's own
period; the dashboard shows one currency when every agency uses it, and says so when
they differ. Hours are co-producers' hours a year at full take-up.

Who gains and who pays (`scoring.incidence`) is stored on each option against the
comparator, so the portfolio's incidence is the sum of the plane option's: what the
agencies spend (negative: they save), the co-producers' hours, the value of their time
and their own money, and the money shifted onto them.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Avg,
    Case,
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    FloatField,
    Max,
    Min,
    Q,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Cast, Coalesce, Floor, Greatest, Least, RowNumber
from django.db.models.lookups import Exact, GreaterThan, GreaterThanOrEqual, IsNull

from assessments.choices import Quadrant, Sensitivity, Status
from assessments.models.assessment import money_currency
from assessments.models.bits import RISK_FLAG_BITS, SPECIAL_ASSET_BITS, bit_set
from assessments.scoring import MOTIVATORS, RISK_FLAG_TEXT
from assessments.survey.results import min_responses
from services.models import SpecialAsset

# Past this many points the plane is drawn as counts per cell.
PLANE_POINTS_MAX = 300
PLANE_CELLS = 12  # cells a side when binned
WATCH_LIST_MAX = 20
COST_SHIFTED_MAX = 10  # the assessments shifting the most money, on the watch list

P, C, B = "result_plane_option", "result_plane_comparator", "result_best"


def _money(expression):
    return ExpressionWrapper(expression, output_field=DecimalField(max_digits=24, decimal_places=2))


def hours_a_year():
    """The co-produced option's hours a year at full take-up (its hours for each client
    times its clients, or people x hours each where left blank), as the scoring stored it."""
    return F(f"{P}__result_hours_a_year")


def weighted_quality():
    """Quality points gained, times the client-years they are gained for."""
    return ExpressionWrapper(
        F("result_quality_change") * F(f"{P}__result_client_years"), output_field=FloatField()
    )


def outcome_value_change():
    """The value of outcomes of the co-produced option less its comparator's (present
    values): an option that values no outcome counts as none."""
    nothing = Value(0, output_field=DecimalField(max_digits=24, decimal_places=2))
    return _money(
        Coalesce(F(f"{P}__result_outcome_value"), nothing)
        - Coalesce(F(f"{C}__result_outcome_value"), nothing)
    )


def _cost_shifting_flag():
    """The assessment carries the risk flag "cost shifted, not saved"."""
    return bit_set("result_risk_flag_bits", RISK_FLAG_BITS["cost_shifting"])


def cost_shifted():
    """Money the agency saves on the co-produced option that the co-producers make up in
    time and money (`Incidence.cost_shifted`): the smaller of the agency's saving and what
    they give more, or nothing when the agency does not save or they give no more. Nothing
    too where no incidence is stored (no comparator)."""
    nothing = Value(Decimal(0), output_field=DecimalField(max_digits=24, decimal_places=2))
    saved = _money(nothing - Coalesce(F(f"{P}__result_agency_change"), nothing))
    given = _money(
        Coalesce(F(f"{P}__result_time_change"), nothing)
        + Coalesce(F(f"{P}__result_money_change"), nothing)
    )
    return _money(Greatest(nothing, Least(saved, given)))


def outcome_sums(where: Q | None = None) -> dict:
    """The money, time and quality sums the headline and the comparisons share, each
    counting only the rows `where` holds (all rows without it)."""

    def only(condition: Q | None = None) -> Q | None:
        if where is None:
            return condition
        return where if condition is None else where & condition

    return {
        "assessed": Count("pk", filter=only()),
        "decided": Count("pk", filter=only(Q(**{f"{B}__isnull": False}))),
        "co_produced_best": Count("pk", filter=only(Q(**{f"{B}__co_produced": True}))),
        "net_benefit": Sum(f"{B}__result_mean_net_benefit", filter=only()),
        "net_benefit_change": Sum("result_net_benefit_change", filter=only()),
        "agency_spending": Sum(f"{P}__result_agency_cost", filter=only()),
        "spending_change": Sum(
            _money(F(f"{P}__result_agency_cost") - F(f"{C}__result_agency_cost")),
            filter=only(),
        ),
        "time_value": Sum(f"{P}__result_time_cost", filter=only()),
        "outcome_value_change": Sum(outcome_value_change(), filter=only()),
        "hours": Sum(hours_a_year(), filter=only()),
        "quality_client_years": Sum(weighted_quality(), filter=only()),
        "client_years": Sum(
            f"{P}__result_client_years", filter=only(Q(result_quality_change__isnull=False))
        ),
        "robust": Count("pk", filter=only(Q(result_sensitivity=Sensitivity.ROBUST))),
        "fragile": Count("pk", filter=only(Q(result_sensitivity=Sensitivity.FRAGILE))),
        # Who pays: the co-produced option against the comparator (`scoring.incidence`).
        "incidence_assessed": Count(
            "pk", filter=only(Q(**{f"{P}__result_agency_change__isnull": False}))
        ),
        "agency_change": Sum(f"{P}__result_agency_change", filter=only()),
        "hours_change": Sum(f"{P}__result_hours_change", filter=only()),
        "time_change": Sum(f"{P}__result_time_change", filter=only()),
        "money_change": Sum(f"{P}__result_money_change", filter=only()),
        "cost_shifted": Sum(cost_shifted(), filter=only()),
        "cost_shifted_count": Count("pk", filter=only(Q(_cost_shifting_flag()))),
    }


@dataclass(frozen=True)
class Outcomes:
    """The sums for a set of submitted assessments, with the figures derived from them."""

    assessed: int
    decided: int
    co_produced_best: int
    net_benefit: object
    net_benefit_change: object
    agency_spending: object
    spending_change: object
    time_value: object
    outcome_value_change: object
    hours: object
    quality_client_years: float | None
    client_years: object
    robust: int
    fragile: int
    incidence_assessed: int  # with the co-produced option set against the comparator
    agency_change: object  # negative: the agencies save
    hours_change: object
    time_change: object
    money_change: object
    cost_shifted: object
    cost_shifted_count: int  # flagged "cost shifted, not saved"

    @classmethod
    def from_row(cls, row: dict) -> "Outcomes":
        return cls(**{name: row[name] for name in cls.__dataclass_fields__})

    @property
    def co_produced_share(self) -> float | None:
        """Of the assessments with a decided best option, the share where it is co-produced."""
        return self.co_produced_best / self.decided if self.decided else None

    @property
    def quality_gained(self) -> float | None:
        """Quality points gained per client-year, averaged over all clients served."""
        if not self.client_years:
            return None
        return (self.quality_client_years or 0) / float(self.client_years)


def headline(everything) -> dict:
    """The counts and the profile of the filtered assessments, in one query.

    `everything` is the filtered assessments whatever their status, counted by status in
    a row for each; every other figure comes from the submitted row only (their results
    are final). The money and quality figures come from `comparisons`, which keeps
    currencies apart.

    The rows by status, rather than a FILTER (WHERE status = 'submitted') on each of the
    sixty-odd aggregates, and conditions written as lookups rather than Q objects (which
    Django resolves field name by field name), halve the time Django takes to build the
    query: it was the dashboard's costliest step after its template.
    """
    figures = {
        "count": Count("pk"),
        "quality_min": Min("result_quality_change"),
        "quality_max": Max("result_quality_change"),
        "cost_min": Min("result_cost_change"),
        "cost_max": Max("result_cost_change"),
        "flagged": Count("pk", filter=GreaterThan(F("result_risk_flag_count"), 0)),
        **{
            f"quadrant_{quadrant}": Count("pk", filter=Exact(F("result_quadrant"), quadrant))
            for quadrant in Quadrant
        },
    }
    # The profile: how strongly people take part, and what they bring.
    for name in (*(f"{m}_motivation" for m in MOTIVATORS), "expertise_required",
                 "co_producer_capability"):  # fmt: skip
        figures[f"avg_{name}"] = Avg(name)
    for asset in SpecialAsset:
        has_asset = bit_set("result_special_asset_bits", SPECIAL_ASSET_BITS[asset])
        figures[f"asset_{asset}"] = Count("pk", filter=has_asset)
    for code in RISK_FLAG_TEXT:
        has_flag = bit_set("result_risk_flag_bits", RISK_FLAG_BITS[code])
        figures[f"flag_{code}"] = Count("pk", filter=has_flag)
    # What co-producers said, where a survey has enough answers to show: their agreement
    # totals (kept on each survey) against the managers' estimates for the same assessments.
    surveyed = GreaterThanOrEqual(F("survey__response_count"), min_responses())
    figures["surveyed"] = Count("pk", filter=surveyed)
    figures["surveyed_answers"] = Sum("survey__agreement_answers", filter=surveyed)
    for motivator in MOTIVATORS:
        figures[f"surveyed_{motivator}_total"] = Sum(
            f"survey__{motivator}_agreement_total", filter=surveyed
        )
        figures[f"surveyed_avg_{motivator}_motivation"] = Avg(
            f"{motivator}_motivation", filter=surveyed
        )
    figures["robust"] = Count("pk", filter=Exact(F("result_sensitivity"), Sensitivity.ROBUST))
    figures["fragile"] = Count("pk", filter=Exact(F("result_sensitivity"), Sensitivity.FRAGILE))
    figures["decided"] = Count("pk", filter=IsNull(F("willingness_to_pay"), False))

    rows = everything.order_by().values("status").annotate(**figures)
    by_status = {row["status"]: row for row in rows}
    # No submitted assessment: counts of none, and no averages or extremes.
    none = {name: 0 if isinstance(figure, Count) else None for name, figure in figures.items()}
    counts = {**none, **by_status.get(Status.SUBMITTED, {})}
    counts.pop("status", None)
    counts["submitted"] = counts.pop("count")
    counts["drafts"] = by_status.get(Status.DRAFT, none)["count"]
    counts["archived"] = by_status.get(Status.ARCHIVED, none)["count"]
    return counts


def plane(submitted, row: dict) -> dict:
    """The portfolio plane: a point per assessment, or counts per cell past
    PLANE_POINTS_MAX (with the cells' edges). One query."""
    on_plane = submitted.filter(result_quadrant__gt="")
    if row["submitted"] <= PLANE_POINTS_MAX:
        points = list(
            on_plane.values(
                "code",
                "title",
                "result_quadrant",
                "result_quality_change",
                "result_cost_change",
                "service__agency__name",
            ).order_by("title", "pk")
        )
        return {"binned": False, "points": points}
    x_low, x_high = float(row["quality_min"] or 0), float(row["quality_max"] or 0)
    y_low, y_high = float(row["cost_min"] or 0), float(row["cost_max"] or 0)
    x_step = (x_high - x_low) / PLANE_CELLS or 1.0
    y_step = (y_high - y_low) / PLANE_CELLS or 1.0

    def cell(field, low, step):
        # The top edge belongs to the last cell.
        index = Floor((Cast(field, FloatField()) - Value(low)) / Value(step))
        return Case(
            When(**{f"{field}__gte": high_edge(low, step)}, then=Value(float(PLANE_CELLS - 1))),
            default=index,
            output_field=FloatField(),
        )

    def high_edge(low, step):
        return low + step * PLANE_CELLS

    cells = list(
        on_plane.annotate(
            x_cell=cell("result_quality_change", x_low, x_step),
            y_cell=cell("result_cost_change", y_low, y_step),
        )
        .values("x_cell", "y_cell", "result_quadrant")
        .annotate(count=Count("pk"))
        .order_by("x_cell", "y_cell", "result_quadrant")
    )
    return {
        "binned": True,
        "cells": [
            {
                **cell_row,
                "x_from": x_low + x_step * int(cell_row["x_cell"]),
                "x_to": x_low + x_step * (int(cell_row["x_cell"]) + 1),
                "y_from": y_low + y_step * int(cell_row["y_cell"]),
                "y_to": y_low + y_step * (int(cell_row["y_cell"]) + 1),
            }
            for cell_row in cells
        ],
    }


def _add_up(table: dict, key, row: dict) -> None:
    total = table.setdefault(key, dict.fromkeys(Outcomes.__dataclass_fields__))
    total.setdefault("currencies", set()).add(row["currency_code"])
    for name in Outcomes.__dataclass_fields__:
        if row[name] is not None:
            total[name] = row[name] if total[name] is None else total[name] + row[name]


def comparisons(submitted) -> dict[str, list]:
    """The outcomes by agency, by sector and by currency (for the headline: money in two
    currencies is not added up), from one GROUP BY agency and sector, summed up each way
    here (sums of sums, so nothing is averaged twice). Each list holds (name, Outcomes,
    currencies) in name order."""
    rows = (
        submitted.annotate(currency_code=money_currency())
        .values("service__agency__name", "currency_code", "service__sector")
        .annotate(**outcome_sums())
    )
    tables = {"agency": {}, "sector": {}, "currency": {}, "all": {}}
    for row in rows.order_by("service__agency__name", "service__sector"):
        _add_up(tables["agency"], row["service__agency__name"], row)
        _add_up(tables["sector"], row["service__sector"], row)
        _add_up(tables["currency"], row["currency_code"], row)
        _add_up(tables["all"], "all", row)
    return {
        name: [
            (key, Outcomes.from_row(total), sorted(total["currencies"]))
            for key, total in sorted(table.items())
        ]
        for name, table in tables.items()
    }


def watch_list(submitted) -> tuple[list, list, list]:
    """Submitted assessments to look at: the fragile choices, and those with risks
    flagged, each list the most recent first and at most WATCH_LIST_MAX long; and those
    flagged "cost shifted, not saved", the most money shifted first (`cost_shifted`, in
    their agency's `currency`), at most COST_SHIFTED_MAX. Two queries.

    Cost shifting is a risk flag, so the last two lists come from one query over the
    flagged: each row is numbered in both orders (cost shifting first in the second), and
    kept where either number is within its list's length.
    """
    columns = ("code", "title", "result_risk_flags", "result_probability_best", "updated_at")
    newest = ("-updated_at", "-pk")
    fragile = submitted.filter(result_sensitivity=Sensitivity.FRAGILE)
    shifting = Case(When(_cost_shifting_flag(), then=Value(1)), default=Value(0))
    flagged = list(
        submitted.filter(result_risk_flag_count__gt=0)
        .annotate(
            cost_shifting=shifting,
            money_shifted=cost_shifted(),
            currency_code=money_currency(),
        )
        .annotate(
            newest_rank=Window(RowNumber(), order_by=[F("updated_at").desc(), F("pk").desc()]),
            shifted_rank=Window(
                RowNumber(),
                order_by=[
                    F("cost_shifting").desc(),
                    F("money_shifted").desc(),
                    F("updated_at").desc(),
                    F("pk").desc(),
                ],
            ),
        )
        .filter(Q(newest_rank__lte=WATCH_LIST_MAX) | Q(shifted_rank__lte=COST_SHIFTED_MAX))
        .only(*columns)
        .order_by(*newest)
    )
    return (
        list(fragile.only(*columns).order_by(*newest)[:WATCH_LIST_MAX]),
        [a for a in flagged if a.newest_rank <= WATCH_LIST_MAX],
        sorted(
            (a for a in flagged if a.cost_shifting and a.shifted_rank <= COST_SHIFTED_MAX),
            key=lambda a: a.shifted_rank,
        ),
    )
