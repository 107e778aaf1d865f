"""Starting, filling in, checking and submitting an assessment.

Every section is saved to the database when the manager presses Continue, so a closed
browser or an expired session loses nothing and a draft can be picked up on any device.
The formtools session storage only remembers which step is current; answers always come
from the database.
"""

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import BadRequest, PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from formtools.wizard.forms import ManagementForm
from formtools.wizard.views import NamedUrlSessionWizardView

from assessments.access import get_assessment_for_user
from assessments.forms import SECTION_FORMS, NewAssessmentForm
from assessments.models import Assessment
from assessments.sections import (
    SECTIONS,
    SECTIONS_BY_SLUG,
    comparator_words,
    is_complete,
    next_section,
    previous_section,
    sections_for,
)
from assessments.views.answers import back_to_check, missing_answers, section_groups
from services.access import agencies_for
from services.models import Service


class ConflictingSave(Exception):
    """Someone saved the draft between the page opening and this save."""

    def __init__(self, form):
        super().__init__("conflicting save")
        self.form = form


RETURN_TO_CHECK = "check"


def returning_to_check(request) -> bool:
    """The page was opened from check your answers, and Continue should go back there."""
    return request.GET.get("return") == RETURN_TO_CHECK


def after_save(request, assessment, next_url: str):
    """Where Continue leads: back to check your answers, at the changed row, if the page
    came from there."""
    if returning_to_check(request):
        return redirect(back_to_check(request, assessment))
    return redirect(next_url)


def current_version(assessment) -> int:
    """The version in the database now (after a save was refused because it moved on)."""
    return Assessment.objects.values_list("version", flat=True).get(pk=assessment.pk)


@require_http_methods(["GET", "POST"])
def new_assessment(request):
    services = Service.objects.for_agencies(agencies_for(request.user, write=True))
    services = services.select_related("agency")
    if not services.exists():
        if agencies_for(request.user).exists():
            raise PermissionDenied("Viewers can read assessments but cannot start them.")
        raise Http404("You do not belong to an agency.")
    initial = {}
    if code := _uuid_or_none(request.GET.get("service")):
        initial["service"] = services.filter(code=code).first()
    form = NewAssessmentForm(request.POST or None, services=services, initial=initial)
    if form.is_valid():
        agency = form.cleaned_data["service"].agency
        assessment = form.save(commit=False)
        assessment.author = request.user
        # Start from the agency's usual appraisal settings, and the low and high values it
        # tries them at; the manager can change them.
        for name, value in agency.appraisal_defaults().items():
            setattr(assessment, name, value)
        with transaction.atomic():
            assessment.save()
            assessment.add_default_options()
        return redirect("assessments:tasks", code=assessment.code)
    return render(request, "assessments/new.html", {"form": form})


def _uuid_or_none(text: str | None) -> UUID | None:
    """The public code in `text`, or None for anything else (an address edited by hand)."""
    try:
        return UUID(text) if text else None
    except ValueError:
        return None


def draft_for_manager(request, code) -> Assessment:
    assessment = get_assessment_for_user(request.user, code, write=True)
    if not assessment.is_editable:
        raise Http404("Only drafts can be changed.")
    return assessment


@require_safe
def task_list(request, code):
    assessment = get_assessment_for_user(request.user, code)
    if not assessment.is_editable:
        return redirect(assessment)
    sections = [
        (section, section.title_for(assessment), section.url(assessment), state)
        for section, state in sections_for(assessment)
    ]
    return render(
        request,
        "assessments/task_list.html",
        {
            "assessment": assessment,
            "sections": sections,
            "complete_count": sum(state == "complete" for *_, state in sections),
            "can_edit": assessment.user_role.can_change,
        },
    )


def section_position(section) -> tuple[int, int]:
    return SECTIONS.index(section) + 1, len(SECTIONS)


class AssessmentWizard(NamedUrlSessionWizardView):
    """The sections asked of the assessment itself, each saved on Continue.

    The options part (a list of options and a page each, then the quality grid) has
    views of its own in `assessments.views.options`; this wizard hands over to it after
    the capability section and takes over again for the appraisal settings.
    """

    form_list = list(SECTION_FORMS.items())
    template_name = "assessments/section.html"
    storage_name = "assessments.wizard_storage.RequestStorage"

    def dispatch(self, request, *args, **kwargs):
        self.assessment = draft_for_manager(request, kwargs["code"])
        return super().dispatch(request, *args, **kwargs)

    def post(self, *args, **kwargs):
        # The URL names the section being saved, even if the session has lost track of it
        # (it expired, or the page was opened in another tab).
        if kwargs.get("step") in self.get_form_list():
            self.storage.current_step = kwargs["step"]
        # formtools would look up the section the page names, and fail if there is none: no
        # page of ours sends such a name, so it is a bad request, not a server error.
        management = ManagementForm(self.request.POST, prefix=self.prefix)
        named = management.cleaned_data["current_step"] if management.is_valid() else None
        if named is not None and named not in self.get_form_list():
            raise BadRequest("The page names a section that does not exist.")
        try:
            return super().post(*args, **kwargs)
        except ConflictingSave as conflict:
            conflict.form.refuse_stale(current_version(self.assessment))
            return self.render(conflict.form)

    def get_prefix(self, request, *args, **kwargs):
        return f"assessment_{kwargs['code']}"

    def get_step_url(self, step):
        return reverse(self.url_name, kwargs={"code": self.assessment.code, "step": step})

    def get_form_instance(self, step):
        return self.assessment

    def process_step(self, form):
        if not form.save_section():
            raise ConflictingSave(form)
        # The database holds the answers; keep nothing in the session that could go stale.
        return None

    def render_next_step(self, form, **kwargs):
        following = next_section(SECTIONS_BY_SLUG[self.steps.current])
        return after_save(self.request, self.assessment, following.url(self.assessment))

    def render_done(self, form, **kwargs):
        # Completeness is checked on the check-answers page, against the database.
        return redirect("assessments:check", code=self.assessment.code)

    def done(self, form_list, **kwargs):  # pragma: no cover - render_done never calls it
        return redirect("assessments:check", code=self.assessment.code)

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        section = SECTIONS_BY_SLUG[self.steps.current]
        previous = previous_section(section)
        number, total = section_position(section)
        context.update(
            assessment=self.assessment,
            section=section,
            section_number=number,
            section_count=total,
            back_url=previous.url(self.assessment)
            if previous
            else reverse("assessments:tasks", args=[self.assessment.code]),
        )
        return context


@require_safe
def check_answers(request, code):
    assessment = draft_for_manager(request, code)
    sections = section_groups(assessment)
    states = dict(sections_for(assessment))
    return render(
        request,
        "assessments/check_answers.html",
        {
            "assessment": assessment,
            "sections": [
                (section, section.title_for(assessment), states[section], groups)
                for section, groups in sections
            ],
            "missing": missing_answers(assessment, sections),
            "result": assessment.score(),
            "complete": is_complete(assessment),
            "comparator_words": comparator_words(assessment),
        },
    )


@require_POST
def submit(request, code):
    assessment = draft_for_manager(request, code)
    if not is_complete(assessment):
        messages.error(request, "Answer every question before you submit the assessment.")
        return redirect("assessments:check", code=code)
    try:
        checked_version = int(request.POST.get("version", ""))
    except ValueError:
        checked_version = None
    if not assessment.submit(checked_version):
        messages.error(
            request,
            "Someone changed this assessment since you checked it. Check the answers again, "
            "then submit.",
        )
        return redirect("assessments:check", code=code)
    messages.success(request, "Assessment submitted.")
    return redirect(assessment)
