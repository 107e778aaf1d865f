"""The list of the user's assessments at `/assessments/`, filtered and paged.

Like the dashboard, the page's own part is kept in the shared cache for each user and
address (filters and page), and served again until the data changes
(`coprod_site.changes`).
"""

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from assessments.filters import filtered_assessments
from assessments.forms.compare import CompareForm
from coprod_site.changes import render_kept
from services.access import agency_ids
from services.context_processors import header_agencies

ASSESSMENTS_PER_PAGE = 25


@require_safe
def assessment_list(request):
    return render_kept(
        request, "assessments/assessment_list.html", "assessments", make=lambda: _list(request)
    )


def _list(request) -> dict:
    """The list's own part of the page, rendered, with what the rest of the page needs."""
    form, assessments = filtered_assessments(request)
    page = Paginator(assessments.for_listing(), ASSESSMENTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {
        "form": form,
        "page": page,
        "can_start": bool(agency_ids(request.user, write=True)),
        # Offers the assessments on this page (already read for the table: no query).
        "compare_form": CompareForm(choices=page.object_list),
    }
    return {
        "form_errors": bool(form.errors),
        "content": render_to_string(
            "assessments/includes/_assessment_list_page.html", context, request
        ),
        "header_agencies": header_agencies(request.user),
    }
