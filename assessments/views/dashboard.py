"""The dashboard at `/`: benefits against costs across the user's services and agencies.

Every figure is a database aggregate over the assessments the filters keep
(`assessments.portfolio`); every chart has a table with the same figures, which a CSV
link downloads, so the page works with JavaScript off.

The page's own part is kept in the shared cache for each user and set of filters, and
served again until the data changes (`coprod_site.changes`): a kept dashboard costs a
server about a tenth of working it out again.
"""

from django.db.models import Count, Sum
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from assessments import portfolio
from assessments.access import assessments_for
from assessments.choices import Quadrant, Status
from assessments.filters import DashboardFilterForm
from assessments.scoring import MOTIVATORS, RISK_FLAG_TEXT
from coprod_site.changes import render_kept
from coprod_site.numbers import format_number
from services.access import agencies_for, role_subquery, services_for
from services.context_processors import header_agencies
from services.models import Role, Sector, SpecialAsset

DRAFTS_SHOWN = 10
MOTIVATOR_WORDS = {
    "material": "What they gain for themselves",
    "intrinsic": "Enjoying the work itself",
    "social": "Company and respect",
    "normative": "Duty, or doing right",
    "sanctions": "Avoiding a penalty",
}


def _portfolio(request):
    """The filter form and every figure it selects: seven queries, whatever the number of
    assessments (agencies, services for the filter, counts and profile, plane,
    comparisons with who pays, and the two watch lists: the fragile choices, and the
    flagged with those that shift cost onto co-producers)."""
    user = request.user
    # 1 query: the user's agencies with their service counts, clients served and my role;
    # the page header reuses it (`_dashboard`).
    agencies = list(
        agencies_for(user).annotate(
            service_count=Count("services"),
            clients_total=Sum("services__clients_per_year"),
            my_role=role_subquery(user, "pk"),
        )
    )
    services = services_for(user).select_related("agency").only("code", "name", "agency__name")
    form = DashboardFilterForm(request.GET or None, agencies=agencies, services=services)
    everything = form.filter(assessments_for(user))
    submitted = everything.filter(status=Status.SUBMITTED)
    counts = portfolio.headline(everything)
    tables = portfolio.comparisons(submitted)
    shown = [a for a in agencies if a.slug == form.one_agency] if form.one_agency else agencies
    return {
        "form": form,
        "agencies": agencies,
        "counts": counts,
        "tables": tables,
        "plane": portfolio.plane(submitted, counts),
        # The willingness-to-pay line only makes sense for one agency's own figure.
        "plane_wtp": shown[0].default_willingness_to_pay if len(shown) == 1 else None,
        "plane_currency": shown[0].currency if len(shown) == 1 else None,
        "plane_agency": shown[0].name if len(shown) == 1 else None,
        "watch": portfolio.watch_list(submitted),
    }


def quadrant_rows(counts) -> list[tuple]:
    return [(quadrant, counts[f"quadrant_{quadrant}"]) for quadrant in Quadrant]


def surveyed_strength(counts, motivator: str) -> float | None:
    """Co-producers' pooled average agreement with a reason's statement (1 to 5), on the
    wizard's 0-4 scale of strength."""
    answers = counts["surveyed_answers"]
    total = counts[f"surveyed_{motivator}_total"]
    return None if not answers or total is None else total / answers - 1


def profile_rows(counts) -> dict[str, list]:
    submitted = counts["submitted"] or 0
    return {
        "motivators": [(MOTIVATOR_WORDS[m], counts[f"avg_{m}_motivation"]) for m in MOTIVATORS],
        # Where surveys have enough answers: (reason, managers' estimate for the surveyed
        # assessments, what co-producers said), both on the 0-4 scale.
        "surveyed_count": counts["surveyed"],
        "surveyed": [
            (
                MOTIVATOR_WORDS[m],
                counts[f"surveyed_avg_{m}_motivation"],
                surveyed_strength(counts, m),
            )
            for m in MOTIVATORS
            if counts["surveyed"]
        ],
        "capability": [
            ("Expertise the work needs", counts["avg_expertise_required"]),
            ("Co-producers' capability", counts["avg_co_producer_capability"]),
        ],
        "assets": [
            (asset.label, counts[f"asset_{asset}"], counts[f"asset_{asset}"] / submitted)
            for asset in SpecialAsset
            if submitted
        ],
        "flags": sorted(
            (
                (title, counts[f"flag_{code}"], code)
                for code, (title, _) in RISK_FLAG_TEXT.items()
                if counts[f"flag_{code}"]
            ),
            key=lambda row: -row[1],
        ),
    }


def plane_chart(figures) -> dict:
    plane = figures["plane"]
    return {
        "binned": plane["binned"],
        "wtp": None if figures["plane_wtp"] is None else float(figures["plane_wtp"]),
        "currency": figures["plane_currency"],
        "quadrants": {q.value: q.label for q in Quadrant},
        "points": [
            {
                "x": float(p["result_quality_change"]),
                "y": float(p["result_cost_change"]),
                "quadrant": p["result_quadrant"],
                "label": p["title"],
                "url": f"/assessments/{p['code']}/",
            }
            for p in plane.get("points", [])
        ],
        "cells": [
            {
                "x": (c["x_from"] + c["x_to"]) / 2,
                "y": (c["y_from"] + c["y_to"]) / 2,
                "count": c["count"],
                "quadrant": c["result_quadrant"],
            }
            for c in plane.get("cells", [])
        ],
    }


def plane_rows(plane) -> list[dict]:
    """The rows of the plane's table, its figures already text: each cell's ranges with
    its count, or each point's changes; and the quadrant's name.

    Made here rather than in the template, which took a fifth of the dashboard's time
    over them: neighbouring cells share their edges (12 a side), so each edge is
    formatted once here rather than four times a row, and the quadrant's name is a
    lookup rather than a loop over the quadrants in each of up to 300 rows.
    """
    names = dict(Quadrant.choices)
    formatted = {}

    def figure(value, places):
        if (value, places) not in formatted:
            formatted[value, places] = format_number(value, places=places)
        return formatted[value, places]

    if plane["binned"]:
        return [
            {
                "quality": f"{figure(c['x_from'], 1)} to {figure(c['x_to'], 1)}",
                "cost": f"{figure(c['y_from'], 2)} to {figure(c['y_to'], 2)}",
                "quadrant": names.get(c["result_quadrant"], c["result_quadrant"]),
                "count": c["count"],
            }
            for c in plane["cells"]
        ]
    return [
        {
            "code": p["code"],
            "title": p["title"],
            "agency": p["service__agency__name"],
            "quality": format_number(p["result_quality_change"], places=1),
            "cost": format_number(p["result_cost_change"], places=2),
            "quadrant": names.get(p["result_quadrant"], p["result_quadrant"]),
        }
        for p in plane["points"]
    ]


@require_safe
def dashboard(request):
    return render_kept(
        request, "assessments/dashboard.html", "dashboard", make=lambda: _dashboard(request)
    )


def _dashboard(request) -> dict:
    """The dashboard's own part of the page and its charts' scripts, rendered, with what
    the rest of the page needs from them."""
    user = request.user
    figures = _portfolio(request)
    counts = figures["counts"]
    agencies = figures["agencies"]
    tables = figures["tables"]
    drafts = list(
        assessments_for(user)
        .drafts()
        .filter(author=user)
        .for_listing()
        .order_by("-updated_at", "-pk")[: DRAFTS_SHOWN + 1]
    )
    sector_names = dict(Sector.choices)
    profile = profile_rows(counts)
    context = {
        **figures,
        "can_start": any(agency.my_role == Role.MANAGER for agency in agencies),
        # Where no value is put on a quality point: what is missing, and where to set it.
        "undecided": counts["submitted"] - counts["decided"],
        "undecided_agencies": [
            agency
            for agency in agencies
            if agency.default_willingness_to_pay is None and agency.my_role == Role.MANAGER
        ],
        "quadrants": quadrant_rows(counts),
        "profile": profile,
        "sector_names": sector_names,
        "overall": tables["all"][0][1] if tables["all"] else None,
        # Who pays, only where some co-produced option is set against its comparator.
        "incidence_assessed": any(
            outcomes.incidence_assessed for _, outcomes, _ in tables["currency"]
        ),
        # The headline's value of outcomes, only where some assessment puts a value on one.
        "outcomes_valued": any(
            outcomes.outcome_value_change for _, outcomes, _ in tables["currency"]
        ),
        "plane_chart": plane_chart(figures),
        "plane_rows": plane_rows(figures["plane"]),
        "comparison_charts": {
            "agencies": [
                {
                    "label": name,
                    "share": outcomes.co_produced_share,
                    "quality": outcomes.quality_gained,
                }
                for name, outcomes, _ in tables["agency"]
            ],
            "sectors": [
                {
                    "label": str(sector_names.get(name, name)),
                    "share": outcomes.co_produced_share,
                    "quality": outcomes.quality_gained,
                }
                for name, outcomes, _ in tables["sector"]
            ],
            "motivators": [
                {"label": label, "value": None if value is None else float(value)}
                for label, value in profile["motivators"]
            ],
        },
        "drafts": drafts,
        "drafts_shown": DRAFTS_SHOWN,
        "filter_query": request.GET.urlencode(),
    }
    return {
        "form_errors": bool(figures["form"].errors),
        "content": render_to_string("assessments/includes/_dashboard_page.html", context, request),
        "scripts": render_to_string(
            "assessments/includes/_dashboard_scripts.html", context, request
        ),
        "header_agencies": header_agencies(user, agencies),
    }
