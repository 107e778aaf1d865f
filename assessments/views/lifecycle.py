"""Archiving, restoring, deleting and revising an assessment.

Each is two views: a page that asks "are you sure" and says what will happen (GET), and
the change itself (POST only), which the page's button sends. Only managers of the
assessment's agency get either; each change applies to one status only (a draft is
deleted, never a submitted assessment), anything else answers 404.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from assessments.access import get_assessment_for_user
from assessments.choices import Status
from assessments.models import EVENTS, Assessment

REVISABLE = (Status.SUBMITTED, Status.ARCHIVED)


def for_manager(request, code, statuses, *, options: bool = False) -> Assessment:
    """The assessment, if the user manages its agency and it is in one of `statuses`."""
    assessment = get_assessment_for_user(request.user, code, write=True, options=options)
    if assessment.status not in statuses:
        raise Http404("That cannot be done to this assessment as it stands.")
    return assessment


def confirm(request, assessment, page: str, **context):
    return render(
        request, f"assessments/confirm_{page}.html", {"assessment": assessment, **context}
    )


@require_safe
def confirm_archive(request, code):
    return confirm(request, for_manager(request, code, [Status.SUBMITTED]), "archive")


@require_POST
def archive(request, code):
    assessment = for_manager(request, code, [Status.SUBMITTED])
    if assessment.change_status(Status.SUBMITTED, Status.ARCHIVED, EVENTS["archived"]):
        messages.success(request, "Assessment archived. It no longer counts on your dashboard.")
    return redirect(assessment)


@require_safe
def confirm_restore(request, code):
    return confirm(request, for_manager(request, code, [Status.ARCHIVED]), "restore")


@require_POST
def restore(request, code):
    assessment = for_manager(request, code, [Status.ARCHIVED])
    if assessment.change_status(Status.ARCHIVED, Status.SUBMITTED, EVENTS["restored"]):
        messages.success(request, "Assessment restored. It counts on your dashboard again.")
    return redirect(assessment)


@require_safe
def confirm_delete(request, code):
    return confirm(request, for_manager(request, code, [Status.DRAFT]), "delete")


@require_POST
def delete(request, code):
    assessment = for_manager(request, code, [Status.DRAFT])
    # Only while it is still a draft: someone may have submitted it since the page opened.
    deleted, _ = Assessment.objects.filter(pk=assessment.pk, status=Status.DRAFT).delete()
    if not deleted:
        messages.error(request, "This assessment was submitted, so it was not deleted.")
        return redirect(assessment)
    messages.success(request, f"The draft “{assessment.title}” was deleted.")
    return redirect("assessments:list")


@require_safe
def confirm_revise(request, code):
    assessment = for_manager(request, code, REVISABLE)
    # Listed so that nobody starts a second revision without knowing of the first.
    return confirm(request, assessment, "revise", revisions=assessment.revisions_started())


@require_POST
def revise(request, code):
    original = for_manager(request, code, REVISABLE, options=True)
    revision = original.start_revision(author=request.user)
    messages.success(
        request,
        "You have started a revision. It is a draft with the same answers and options; "
        "change what you need, then submit it.",
    )
    return redirect("assessments:tasks", code=revision.code)
