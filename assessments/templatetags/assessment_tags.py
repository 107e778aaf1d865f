"""Template tags for showing assessments on other apps' pages."""

from django import template

from assessments.access import assessments_for

register = template.Library()


@register.inclusion_tag("assessments/includes/_service_assessments.html", takes_context=True)
def service_assessments(context, service):
    """The assessments of a service the user may already read, and whether they may start one.

    One query, the assessments: `service` comes from get_service_for_user, which kept the
    user's role in its agency.
    """
    user = context["request"].user
    assessments = (
        assessments_for(user)
        .filter(service=service)
        .select_related("result_best")
        .only(
            "code",
            "title",
            "status",
            "result_classification",
            "result_quadrant",
            "result_best__name",
            "updated_at",
        )
        .order_by("-updated_at", "-pk")
    )
    return {
        "service": service,
        "assessments": list(assessments),
        "can_start": service.user_role.can_change,
    }
