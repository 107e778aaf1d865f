from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from assessments.filters import filtered_assessments
from assessments.forms.compare import CompareForm
from services.access import agencies_for

ASSESSMENTS_PER_PAGE = 25


@require_safe
def assessment_list(request):
    form, assessments = filtered_assessments(request)
    page = Paginator(assessments.for_listing(), ASSESSMENTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {
        "form": form,
        "page": page,
        "can_start": agencies_for(request.user, write=True).exists(),
        # Offers the assessments on this page (already read for the table: no query).
        "compare_form": CompareForm(choices=page.object_list),
    }
    return render(request, "assessments/assessment_list.html", context)
