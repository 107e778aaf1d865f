"""Starting, filling in, checking and submitting an assessment.

Every section is saved to the database when the manager presses Continue, so a closed
browser or an expired session loses nothing and a draft can be picked up on any device.
The formtools session storage only remembers which step is current; answers always come
from the database.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from formtools.wizard.views import NamedUrlSessionWizardView

from assessments.access import get_assessment_for_user
from assessments.choices import Status
from assessments.forms import SECTION_FORMS, NewAssessmentForm
from assessments.models import Assessment
from assessments.sections import SECTIONS_BY_SLUG, is_complete, sections_for
from services.access import agencies_for
from services.models import Service


class ConflictingSave(Exception):
    """Someone saved the draft between our check and our write."""


@require_http_methods(["GET", "POST"])
def new_assessment(request):
    services = Service.objects.for_agencies(agencies_for(request.user, write=True))
    services = services.select_related("agency")
    if not services.exists():
        if agencies_for(request.user).exists():
            raise PermissionDenied("Viewers can read assessments but cannot start them.")
        raise Http404("You do not belong to an agency.")
    initial = {}
    if code := request.GET.get("service"):
        initial["service"] = services.filter(code=code).first()
    form = NewAssessmentForm(request.POST or None, services=services, initial=initial)
    if form.is_valid():
        agency = form.cleaned_data["service"].agency
        assessment = form.save(commit=False)
        assessment.author = request.user
        # Start from the agency's usual appraisal settings; the manager can change them.
        assessment.hourly_rate = agency.default_hourly_value
        assessment.appraisal_years = agency.default_appraisal_years
        assessment.discount_rate = agency.default_discount_rate
        assessment.save()
        return redirect("assessments:tasks", code=assessment.code)
    return render(request, "assessments/new.html", {"form": form})


def _draft_for_manager(request, code) -> Assessment:
    assessment = get_assessment_for_user(request.user, code, write=True)
    if not assessment.is_editable:
        raise Http404("Only drafts can be changed.")
    return assessment


@require_safe
def task_list(request, code):
    assessment = get_assessment_for_user(request.user, code)
    if not assessment.is_editable:
        return redirect(assessment)
    sections = sections_for(assessment)
    return render(
        request,
        "assessments/task_list.html",
        {
            "assessment": assessment,
            "sections": sections,
            "complete_count": sum(state == "complete" for _, state in sections),
            "can_edit": assessment.user_role.can_change,
        },
    )


class AssessmentWizard(NamedUrlSessionWizardView):
    form_list = list(SECTION_FORMS.items())
    template_name = "assessments/section.html"
    condition_dict = {
        "costs": lambda wizard: SECTIONS_BY_SLUG["costs"].applies_to(wizard.assessment)
    }

    def dispatch(self, request, *args, **kwargs):
        self.assessment = _draft_for_manager(request, kwargs["code"])
        try:
            return super().dispatch(request, *args, **kwargs)
        except ConflictingSave:
            messages.error(
                request,
                "Someone else saved this assessment at the same moment, so your answers on "
                "that page were not saved. Check the page and enter them again.",
            )
            return redirect(self.get_step_url(self.steps.current))

    def post(self, *args, **kwargs):
        # The URL names the section being saved, even if the session has lost track of it
        # (it expired, or the page was opened in another tab).
        if kwargs.get("step") in self.get_form_list():
            self.storage.current_step = kwargs["step"]
        return super().post(*args, **kwargs)

    def get_prefix(self, request, *args, **kwargs):
        return f"assessment_{kwargs['code']}"

    def get_step_url(self, step):
        return reverse(self.url_name, kwargs={"code": self.assessment.code, "step": step})

    def get_form_instance(self, step):
        return self.assessment

    def process_step(self, form):
        if not form.save_section():
            raise ConflictingSave
        # The database holds the answers; keep nothing in the session that could go stale.
        return None

    def render_next_step(self, form, **kwargs):
        return redirect(self.get_step_url(self.get_next_step()))

    def render_done(self, form, **kwargs):
        # Completeness is checked on the check-answers page, against the database.
        return redirect("assessments:check", code=self.assessment.code)

    def done(self, form_list, **kwargs):  # pragma: no cover - render_done never calls it
        return redirect("assessments:check", code=self.assessment.code)

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        previous = self.steps.prev
        context.update(
            assessment=self.assessment,
            section=SECTIONS_BY_SLUG[self.steps.current],
            back_url=self.get_step_url(previous)
            if previous
            else reverse("assessments:tasks", args=[self.assessment.code]),
        )
        return context


def _answer_rows(assessment, section):
    """(label, shown value, required?) for every question in a section."""
    form = SECTION_FORMS[section.slug](instance=assessment)
    return [
        (
            _option_label(name, form.fields[name].label),
            _display(form.fields[name], assessment.answer(name)),
            name in section.required,
        )
        for name in section.fields
    ]


def _option_label(name, label):
    """The costs page asks the same questions of both options; say which one is meant."""
    for prefix, option in (("co_production_", "Co-production"), ("alternative_", "Alternative")):
        if name.startswith(prefix) and name != "alternative_name":
            return f"{option} – {label}"
    return label


def _display(field, value):
    if value is None or value == "":
        return None
    if isinstance(value, list):
        labels = dict(field.choices)
        return ", ".join(str(labels.get(item, item)) for item in value) or str(
            getattr(field, "none_label", None) or "None"
        )
    if isinstance(value, bool):
        return "Yes" if value else "No"
    choices = getattr(field, "choices", None)
    if choices:
        return str(dict(choices).get(value, value))
    return str(value)


@require_safe
def check_answers(request, code):
    assessment = _draft_for_manager(request, code)
    sections = [
        (section, state, _answer_rows(assessment, section))
        for section, state in sections_for(assessment)
    ]
    result = assessment.score()
    return render(
        request,
        "assessments/check_answers.html",
        {
            "assessment": assessment,
            "sections": sections,
            "result": result,
            "complete": is_complete(assessment),
        },
    )


@require_POST
def submit(request, code):
    assessment = _draft_for_manager(request, code)
    if not is_complete(assessment):
        messages.error(request, "Answer every question before you submit the assessment.")
        return redirect("assessments:check", code=code)
    try:
        checked_version = int(request.POST.get("version", ""))
    except ValueError:
        checked_version = None
    updated = Assessment.objects.filter(
        pk=assessment.pk, version=checked_version, status=Status.DRAFT
    ).update(status=Status.SUBMITTED, submitted_at=timezone.now(), version=F("version") + 1)
    if not updated:
        messages.error(
            request,
            "Someone changed this assessment since you checked it. Check the answers again, "
            "then submit.",
        )
        return redirect("assessments:check", code=code)
    messages.success(request, "Assessment submitted.")
    return redirect(assessment)


@require_POST
def archive(request, code):
    assessment = get_assessment_for_user(request.user, code, write=True)
    assessment = get_object_or_404(Assessment, pk=assessment.pk, status=Status.SUBMITTED)
    Assessment.objects.filter(pk=assessment.pk).update(
        status=Status.ARCHIVED, version=F("version") + 1
    )
    messages.success(request, "Assessment archived. It no longer counts on your dashboard.")
    return redirect(assessment)
