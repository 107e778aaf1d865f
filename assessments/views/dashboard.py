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
from assessments.choices import Quadrant
from assessments.filters import RANK_BY_CHOICES, DashboardFilterForm
from assessments.scoring import MOTIVATORS, RISK_FLAG_TEXT
from assessments.survey.questions import MOTIVATOR_WORDS
from assessments.templatetags.figures import gains_or_loses
from assessments.views import dashboard_plane
from coprod_site.changes import render_kept
from coprod_site.numbers import format_money, format_number
from services.access import agencies_for, role_subquery, services_for
from services.context_processors import header_agencies
from services.models import Role, Sector, SpecialAsset

DRAFTS_SHOWN = 10


def _portfolio(request):
    """The filter form and every figure it selects: nine queries, whatever the number of
    assessments (agencies, services for the filter, counts and profile, the two rankings
    (assessments, and services by their latest), plane, comparisons with who pays, and
    the two watch lists: the fragile choices, and the flagged with those that shift cost
    onto co-producers).

    A submitted assessment that a submitted revision replaces is left out everywhere (its
    revision counts for it); the comparisons of co-production against what happens now,
    the rankings and the plane count only those classed co-production."""
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
    current, submitted, co_production = portfolio.portfolio_sets(everything)
    counts = portfolio.headline(everything)
    tables = portfolio.comparisons(co_production)
    shown = [a for a in agencies if a.slug == form.one_agency] if form.one_agency else agencies
    order = form.ranking_order
    return {
        "form": form,
        "agencies": agencies,
        "current": current,
        "co_production": co_production,  # (a query not yet run) for the rankings' CSV
        "counts": counts,
        "tables": tables,
        "ranking_order": order,
        "ranking": portfolio.ranking(co_production, order, portfolio.RANKING_MAX),
        "service_ranking": portfolio.ranking(
            portfolio.latest_for_each_service(co_production), order, portfolio.RANKING_MAX
        ),
        "plane": portfolio.plane(co_production, counts["co_production"]),
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
    """The plane drawn on the server, a plane for each currency (`views.dashboard_plane`),
    each with the rows of its own table (`rows`; all of them in the chart's `rows`); one
    agency in view draws its value of a quality point as a line."""
    plane = figures["plane"]
    chart = dashboard_plane.planes(
        plane, wtp=figures["plane_wtp"], wtp_currency=figures["plane_currency"]
    )
    chart["rows"] = plane_rows(plane)
    for figure in chart["planes"]:
        figure["rows"] = [row for row in chart["rows"] if row["currency"] == figure["currency"]]
    return chart


def plane_rows(plane) -> list[dict]:
    """The rows of the plane's table, its figures already text, money with its currency:
    each cell's ranges with its count, or each point's changes; and the quadrant's name.

    Made here rather than in the template, which took a fifth of the dashboard's time
    over them: neighbouring cells share their edges (12 a side), so each edge is
    formatted once here rather than four times a row, and the quadrant's name is a
    lookup rather than a loop over the quadrants in each of up to 300 rows.
    """
    names = dict(Quadrant.choices)
    formatted = {}

    def figure(value, places, currency=None):
        """A figure, or with a currency a change in cost in words that carry its sign
        ("£26.57 less"), never a negative amount."""
        if (value, places, currency) not in formatted:
            if currency is None:
                text = format_number(value, places=places)
            elif round(value, places) == 0:
                text = "No change"
            else:
                amount = format_money(round(abs(value), places), currency, places=places)
                text = f"{amount} {'more' if value > 0 else 'less'}"
            formatted[value, places, currency] = text
        return formatted[value, places, currency]

    if plane["binned"]:
        return [
            {
                "currency": c["currency_code"],
                "quality": f"{figure(c['x_from'], 1)} to {figure(c['x_to'], 1)}",
                "cost": (
                    f"{figure(c['y_from'], 2, c['currency_code'])} to "
                    f"{figure(c['y_to'], 2, c['currency_code'])}"
                ),
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
            "currency": p["currency_code"],
            "quality": format_number(p["result_quality_change"], places=1),
            "cost": figure(p["result_cost_change"], 2, p["currency_code"]),
            "net_benefit_change": gains_or_loses(
                p["result_net_benefit_change"], p["currency_code"]
            ),
            "quadrant": names.get(p["result_quadrant"], p["result_quadrant"]),
        }
        for p in plane["points"]
    ]


def _with(query, **changes) -> str:
    """The page's address query with some values changed (an empty value removed)."""
    query = query.copy()
    for name, value in changes.items():
        query.pop(name, None)
        if value:
            query[name] = value
    return query.urlencode()


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
    # The user's own drafts among those the filters keep, as the tiles count them.
    drafts = list(
        figures["current"]
        .drafts()
        .filter(author=user)
        .for_listing()
        .order_by("-updated_at", "-pk")[: DRAFTS_SHOWN + 1]
    )
    sector_names = dict(Sector.choices)
    profile = profile_rows(counts)
    chart = plane_chart(figures)
    context = {
        **figures,
        "can_start": any(agency.my_role == Role.MANAGER for agency in agencies),
        # Where no value is put on a quality point: what is missing, and where to set it
        # (a manager may; the others are told whom to ask).
        "undecided": counts["submitted"] - counts["decided"],
        "undecided_agencies": [
            agency for agency in agencies if agency.default_willingness_to_pay is None
        ],
        "quadrants": quadrant_rows(counts),
        "profile": profile,
        "sector_names": sector_names,
        # Who pays, only where some co-produced option is set against its comparator.
        "incidence_assessed": any(
            outcomes.incidence_assessed for _, outcomes, _ in tables["currency"]
        ),
        # The headline's value of outcomes, only where some assessment puts a value on one.
        "outcomes_valued": any(
            outcomes.outcome_value_change for _, outcomes, _ in tables["currency"]
        ),
        "plane_chart": chart,
        "plane_rows": chart["rows"],
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
        # The ranking's two orders: (words, the address that asks for it, chosen).
        "ranking_links": [
            (
                label[0].lower() + label[1:],
                _with(request.GET, rank_by=order),
                (order or "net_benefit") == figures["ranking_order"],
            )
            for order, label in RANK_BY_CHOICES
        ],
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
