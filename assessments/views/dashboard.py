from django.db.models import Count, Q, Sum
from django.shortcuts import render
from django.views.decorators.http import require_safe

from assessments.access import assessments_for
from assessments.choices import Classification, Quadrant, Sensitivity, Status
from services.access import agencies_for, role_subquery
from services.models import Role

RECENT_COUNT = 5
DRAFTS_SHOWN = 10


def portfolio_counts(assessments) -> dict[str, int]:
    """Counts of the assessments by status, and of the submitted ones by result.

    One query: every count is a FILTER clause of a single aggregate, so the table is
    scanned once however many counts the dashboard shows. Archived assessments are left
    out; drafts count only as drafts, because their results are provisional.
    """
    submitted = Q(status=Status.SUBMITTED)
    counts = {
        "drafts": Count("pk", filter=Q(status=Status.DRAFT)),
        "submitted": Count("pk", filter=submitted),
        "robust": Count("pk", filter=submitted & Q(result_sensitivity=Sensitivity.ROBUST)),
        "fragile": Count("pk", filter=submitted & Q(result_sensitivity=Sensitivity.FRAGILE)),
        "flagged": Count("pk", filter=submitted & Q(result_risk_flag_count__gt=0)),
    }
    for quadrant in Quadrant:
        counts[f"quadrant_{quadrant}"] = Count("pk", filter=submitted & Q(result_quadrant=quadrant))
    for classification in Classification:
        counts[f"classification_{classification}"] = Count(
            "pk", filter=submitted & Q(result_classification=classification)
        )
    return assessments.current().aggregate(**counts)


@require_safe
def dashboard(request):
    user = request.user
    # 1 query: the user's agencies with their service counts, clients served and my role.
    agencies = list(
        agencies_for(user).annotate(
            service_count=Count("services"),
            clients_total=Sum("services__clients_per_year"),
            my_role=role_subquery(user, "pk"),
        )
    )
    mine = assessments_for(user)
    counts = portfolio_counts(mine)
    quadrants = [(quadrant, counts[f"quadrant_{quadrant}"]) for quadrant in Quadrant]
    classifications = [(c, counts[f"classification_{c}"]) for c in Classification]
    context = {
        "agencies": agencies,
        "can_start": any(agency.my_role == Role.MANAGER for agency in agencies),
        "counts": counts,
        "quadrants": quadrants,
        "classifications": classifications,
        "chart_data": {
            "labels": [str(quadrant.label) for quadrant, _ in quadrants],
            "counts": [count for _, count in quadrants],
        },
        # The user's own drafts have a list of their own just above; not twice.
        "recent": mine.current()
        .exclude(status=Status.DRAFT, author=user)
        .for_listing()
        .order_by("-updated_at", "-pk")[:RECENT_COUNT],
        "drafts": list(
            mine.drafts()
            .filter(author=user)
            .for_listing()
            .order_by("-updated_at", "-pk")[: DRAFTS_SHOWN + 1]
        ),
        "drafts_shown": DRAFTS_SHOWN,
    }
    return render(request, "assessments/dashboard.html", context)
