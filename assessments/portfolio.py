"""The portfolio's figures, for the dashboard: every one a database aggregate.

Each submitted assessment stands on the portfolio plane for its best co-produced option
(`result_plane_option`, "P") against its comparator (`result_plane_comparator`, "C"), and
names its best option at its own willingness to pay (`result_best`, "B"). Those three are
foreign keys, so the sums below are plain LEFT JOINs: one row per assessment, never
multiplied by its options.

Units: money is in each assessment's currency (its agency's, or the one it was
submitted in), present value over each assessment's own period; no figure adds up or
sets side by side money in two currencies. Hours are co-producers' hours a year at full take-up.

Who gains and who pays (`scoring.incidence`) is stored on each option against the
comparator, so the portfolio's incidence is the sum of the plane option's: what the
agencies spend (negative: they save), the co-producers' hours, the value of their time
and their own money, and the money shifted onto them.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import connections
from django.db.models import (
    Avg,
    Case,
    Count,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    FloatField,
    Max,
    Min,
    OuterRef,
    Q,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import (
    Cast,
    Coalesce,
    Floor,
    Greatest,
    Least,
    NullIf,
    RowNumber,
)
from django.db.models.lookups import Exact, GreaterThan, GreaterThanOrEqual, IsNull

from assessments.choices import Classification, Quadrant, Sensitivity, Status
from assessments.models import Assessment
from assessments.models.assessment import money_currency
from assessments.models.bits import RISK_FLAG_BITS, SPECIAL_ASSET_BITS, bit_set
from assessments.scoring import MOTIVATORS, RISK_FLAG_TEXT
from assessments.survey.results import min_responses
from services.models import SpecialAsset

# Past this many points the plane is drawn as counts per cell.
PLANE_POINTS_MAX = 300
PLANE_CELLS = 12  # cells a side when binned
RANKING_MAX = 20  # rows of each currency's value-for-money ranking on the page
WATCH_LIST_MAX = 20
COST_SHIFTED_MAX = 10  # the assessments shifting the most money, on the watch list

P, C, B = "result_plane_option", "result_plane_comparator", "result_best"


def replaced():
    """A submitted revision of the assessment exists: it is an earlier version, and its
    revision speaks for it (a chain of revisions counts once, as its latest submitted
    version). "revision_of IS NOT NULL", implied by the match, is said so that the planner
    reads the few revisions through the key's index rather than hash every submitted
    assessment of the installation in each query."""
    revisions = Assessment.objects.filter(revision_of__isnull=False, status=Status.SUBMITTED)
    return Exists(revisions.filter(revision_of=OuterRef("pk")))


def portfolio_sets(everything):
    """The filtered assessments (any status) as the dashboard counts them: those that no
    submitted revision replaces; the submitted among them; and of those, the ones
    classed co-production, the only ones that enter co-production's comparisons."""
    current = everything.exclude(Q(status=Status.SUBMITTED) & Q(replaced()))
    submitted = current.filter(status=Status.SUBMITTED)
    co_production = submitted.filter(result_classification=Classification.CO_PRODUCTION)
    return current, submitted, co_production


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

    `everything` is the filtered assessments whatever their status, counted by status
    (and, for the submitted, whether a submitted revision replaces them) in a row for
    each; every other figure comes from the row of submitted assessments that nothing
    replaces (their results are final). How co-production compares (the quadrants)
    counts only those classed co-production; the others are counted by their class. The
    money and quality figures come from `comparisons`, which keeps currencies apart.

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
            f"classed_{classification}": Count(
                "pk", filter=Exact(F("result_classification"), classification)
            )
            for classification in Classification
        },
        **{
            f"quadrant_{quadrant}": Count(
                "pk",
                filter=Q(Exact(F("result_quadrant"), quadrant))
                & Q(Exact(F("result_classification"), Classification.CO_PRODUCTION)),
            )
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

    # Only a submitted assessment can be replaced: the others' rows say False.
    is_replaced = Case(
        When(Q(status=Status.SUBMITTED) & Q(replaced()), then=Value(True)), default=Value(False)
    )
    rows = everything.order_by().annotate(replaced=is_replaced).values("status", "replaced")
    by_status = {(row["status"], row["replaced"]): row for row in rows.annotate(**figures)}
    # No submitted assessment: counts of none, and no averages or extremes.
    none = {name: 0 if isinstance(figure, Count) else None for name, figure in figures.items()}
    counts = {**none, **by_status.get((Status.SUBMITTED, False), {})}
    counts.pop("status", None)
    counts.pop("replaced", None)
    counts["submitted"] = counts.pop("count")
    counts["co_production"] = counts[f"classed_{Classification.CO_PRODUCTION}"]
    counts["counted_apart"] = counts["submitted"] - counts["co_production"]
    counts["replaced"] = by_status.get((Status.SUBMITTED, True), none)["count"]
    counts["drafts"] = by_status.get((Status.DRAFT, False), none)["count"]
    counts["archived"] = by_status.get((Status.ARCHIVED, False), none)["count"]
    return counts


def plane(co_production, count: int) -> dict:
    """The portfolio plane, each currency apart (money in two currencies never shares an
    axis): a point per assessment or, past PLANE_POINTS_MAX (`count`, the caller's count
    of the assessments given, so choosing costs no query), counts per cell, each
    currency's PLANE_CELLS x PLANE_CELLS cells spanning its own points. One query either
    way.

    Returns {"binned", "currencies" (in order), "points" or "cells"}: each point with its
    `currency_code` and `result_net_benefit_change` (the names go to the top five); each
    cell with its `currency_code`, quadrant, count and edges.
    """
    on_plane = co_production.filter(result_quadrant__gt="").annotate(currency_code=money_currency())
    if count <= PLANE_POINTS_MAX:
        points = list(
            on_plane.values(
                "code",
                "title",
                "currency_code",
                "result_quadrant",
                "result_quality_change",
                "result_cost_change",
                "result_net_benefit_change",
                "service__agency__name",
                "submitted_at",  # for the table's CSV
            ).order_by("currency_code", "title", "pk")
        )
        currencies = sorted({p["currency_code"] for p in points})
        return {"binned": False, "currencies": currencies, "points": points}
    return {"binned": True, **_plane_cells(on_plane)}


def _plane_cells(on_plane) -> dict:
    """Counts per cell, each currency binned over its own range: the ranges come from
    windows over each currency, and SQL cannot group by a window's result, so Django's
    query (each assessment's cell) is grouped in an outer SELECT of its own."""
    each_currency = {"partition_by": [F("currency_code")]}
    quality = Cast("result_quality_change", FloatField())
    cost = Cast("result_cost_change", FloatField())

    def cell(value, low, high):
        # The top edge belongs to the last cell; one value only makes one cell.
        span = NullIf(F(high) - F(low), Value(0.0))
        index = Floor((F(value) - F(low)) * Value(float(PLANE_CELLS)) / span)
        return Least(Coalesce(index, Value(0.0)), Value(float(PLANE_CELLS - 1)))

    rows = (
        on_plane.annotate(quality=quality, cost=cost)
        .annotate(
            x_low=Window(Min("quality"), **each_currency),
            x_high=Window(Max("quality"), **each_currency),
            y_low=Window(Min("cost"), **each_currency),
            y_high=Window(Max("cost"), **each_currency),
        )
        .annotate(x_cell=cell("quality", "x_low", "x_high"), y_cell=cell("cost", "y_low", "y_high"))
        .values(
            "currency_code",
            "result_quadrant",
            "x_cell",
            "y_cell",
            "x_low",
            "x_high",
            "y_low",
            "y_high",
        )
        .order_by()
    )
    inner, params = rows.query.sql_with_params()
    grouped = (
        "SELECT currency_code, result_quadrant, x_cell, y_cell, MIN(x_low), MIN(x_high), "
        f"MIN(y_low), MIN(y_high), COUNT(*) FROM ({inner}) each_assessment "
        "GROUP BY currency_code, result_quadrant, x_cell, y_cell "
        "ORDER BY currency_code, x_cell, y_cell, result_quadrant"
    )
    with connections[on_plane.db].cursor() as cursor:
        cursor.execute(grouped, params)
        found = cursor.fetchall()
    cells = []
    for currency, quadrant, x_cell, y_cell, x_low, x_high, y_low, y_high, count in found:
        x_step = (x_high - x_low) / PLANE_CELLS or 1.0
        y_step = (y_high - y_low) / PLANE_CELLS or 1.0
        x_cell, y_cell = int(x_cell), int(y_cell)
        cells.append(
            {
                "currency_code": currency,
                "result_quadrant": quadrant,
                "x_cell": x_cell,
                "y_cell": y_cell,
                "count": count,
                "x_from": x_low + x_step * x_cell,
                "x_to": x_low + x_step * (x_cell + 1),
                "y_from": y_low + y_step * y_cell,
                "y_to": y_low + y_step * (y_cell + 1),
            }
        )
    return {"currencies": sorted({c["currency_code"] for c in cells}), "cells": cells}


def _add_up(table: dict, key, row: dict) -> None:
    total = table.setdefault(key, dict.fromkeys(Outcomes.__dataclass_fields__))
    for name in Outcomes.__dataclass_fields__:
        if row[name] is not None:
            total[name] = row[name] if total[name] is None else total[name] + row[name]


def comparisons(submitted) -> dict[str, list]:
    """The outcomes by agency, by sector and by currency, from one GROUP BY agency,
    currency and sector, summed up each way here (sums of sums, so nothing is averaged
    twice). Money in two currencies is never added up: an agency or a sector with
    assessments in two currencies has a row for each.

    Each list holds (name, Outcomes, [currency]) in order of name then currency."""
    rows = (
        submitted.annotate(currency_code=money_currency())
        .values("service__agency__name", "currency_code", "service__sector")
        .annotate(**outcome_sums())
    )
    tables = {"agency": {}, "sector": {}, "currency": {}}
    for row in rows.order_by("service__agency__name", "service__sector"):
        currency = row["currency_code"]
        _add_up(tables["agency"], (row["service__agency__name"], currency), row)
        _add_up(tables["sector"], (row["service__sector"], currency), row)
        _add_up(tables["currency"], (currency, currency), row)
    return {
        name: [
            (key, Outcomes.from_row(total), [currency])
            for (key, currency), total in sorted(table.items())
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


def quality_per_thousand():
    """Quality gained per 1,000 of full cost: the quality points the co-produced option
    gains over its comparator for each client-year, per 1,000 (pounds, dollars) of its
    full cost for each client-year. The same as point-client-years per 1,000 of the
    option's full cost, so a cheap option that gains a little can outrank a dear one that
    gains more. None where the option costs nothing (or no quality change is known)."""
    cost = F(f"{P}__result_cost_per_client_year")
    ratio = Cast("result_quality_change", FloatField()) * Value(1000.0) / Cast(cost, FloatField())
    return Case(
        When(**{f"{P}__result_cost_per_client_year__gt": 0}, then=ratio),
        default=Value(None),
        output_field=FloatField(),
    )


RANK_ORDERS = {
    # Highest first; undecided (no value on a quality point) or unknown last.
    "net_benefit": F("result_net_benefit_change").desc(nulls_last=True),
    "quality_per_cost": F("quality_per_thousand").desc(nulls_last=True),
}
RANKING_COLUMNS = (
    "code",
    "title",
    "service__name",
    "service__agency__name",
    "currency_code",
    "result_net_benefit_change",
    "result_cost_change",
    "result_quality_change",
    f"{P}__result_cost_per_client_year",
    "quality_per_thousand",
    "rank",
    "ranked",
)


def ranking(co_production, order: str = "net_benefit", limit: int | None = RANKING_MAX):
    """The assessments ranked for value for money within each currency (money in two
    currencies is never compared): by net benefit against the comparator, or by quality
    gained per 1,000 of full cost (`quality_per_thousand`), the first `limit` of each
    currency (all with None). One query: a row number in each currency, and each
    currency's count, kept where the number is within the limit.

    Returns [(currency, rows, how many are ranked in that currency)], currencies in
    order; each row a dict of RANKING_COLUMNS."""
    ranked = co_production.annotate(
        currency_code=money_currency(), quality_per_thousand=quality_per_thousand()
    ).annotate(
        rank=Window(
            RowNumber(),
            partition_by=[F("currency_code")],
            order_by=[RANK_ORDERS[order], F("title").asc(), F("pk").asc()],
        ),
        ranked=Window(Count("pk"), partition_by=[F("currency_code")]),
    )
    if limit is not None:
        ranked = ranked.filter(rank__lte=limit)
    tables: dict[str, list] = {}
    for row in ranked.values(*RANKING_COLUMNS).order_by("currency_code", "rank"):
        row["cost_per_client_year"] = row.pop(f"{P}__result_cost_per_client_year")
        tables.setdefault(row["currency_code"], []).append(row)
    return [(currency, rows, rows[0]["ranked"]) for currency, rows in tables.items()]


def latest_for_each_service(co_production):
    """Each service's latest submitted assessment among these: its most recent
    submission (a window over each service, in a subquery)."""
    latest = co_production.annotate(
        latest=Window(
            RowNumber(),
            partition_by=[F("service_id")],
            order_by=[F("submitted_at").desc(nulls_last=True), F("pk").desc()],
        )
    ).filter(latest=1)
    return co_production.filter(pk__in=latest.values("pk"))
