"""The survey's pages: answering it (public, no sign-in) and running it (the agency's
managers; its viewers read the results)."""

import csv
import io

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from assessments.choices import Status
from assessments.models import EVENTS, Assessment
from assessments.scoring import MOTIVATORS
from assessments.survey.forms import PAGES, AnswerForm, OpenSurveyForm
from assessments.survey.guard import allow_answer
from assessments.survey.models import RESULTS_BATCH, Survey, SurveyResponse
from assessments.survey.results import min_responses, results_for
from coprod_site.csv_export import spreadsheet_safe
from services.access import get_for_user

ANSWERED_COOKIE_SALT = "coprod-survey-answered"
ANSWERED_COOKIE_AGE = 365 * 24 * 60 * 60


# --- Answering ---------------------------------------------------------------------------


def _answered_cookie(survey: Survey) -> str:
    return f"answered-{survey.pk}"


def _open_survey(request, token: str):
    """(survey, None) if it takes answers, else (survey or None, the page that says why)."""
    survey = get_object_or_404(Survey.objects.select_related("assessment"), token=token)
    state = survey.state()
    if state != "open":
        page = render(request, "assessments/survey/closed.html", {"state": state}, status=410)
        return survey, page
    return survey, None


@login_not_required
@require_http_methods(["GET", "HEAD", "POST"])
def answer(request, token):
    survey, refusal = _open_survey(request, token)
    if refusal:
        return refusal
    if survey.one_per_browser and request.get_signed_cookie(
        _answered_cookie(survey), default=None, salt=ANSWERED_COOKIE_SALT
    ):
        return render(request, "assessments/survey/already.html", {"survey": survey})
    contributions = survey.assessment.co_producer_contributions
    if request.method != "POST":
        return _page(request, survey, AnswerForm(contributions=contributions), 1)

    form = AnswerForm(request.POST, contributions=contributions)
    try:
        page = min(max(int(request.POST.get("page", 1)), 1), len(PAGES))
    except ValueError:
        page = 1
    if "back" in request.POST:
        return _page(request, survey, form, max(page - 1, 1), show_errors=False)
    if not form.is_valid():
        return _page(request, survey, form, min(page, form.page_of_first_error()))
    if page < len(PAGES):
        return _page(request, survey, form, page + 1, show_errors=False)
    if form.is_bot:
        return redirect("survey-thanks", token=token)  # thanked, and nothing kept
    if not allow_answer(request, survey.token):
        return render(request, "assessments/survey/too_many.html", status=429)
    data = form.cleaned_data
    response = SurveyResponse(
        activities=data["activities"],
        hours_a_month=data["hours_a_month"],
        ease=data["ease"],
        helps=data["helps"],
        comment=data["comment"].strip(),
        **{f"{m}_agreement": data[f"{m}_agreement"] for m in MOTIVATORS},
    )
    if not survey.record(response):
        survey.refresh_from_db()
        return render(
            request, "assessments/survey/closed.html", {"state": survey.state()}, status=410
        )
    done = redirect("survey-thanks", token=token)
    if survey.one_per_browser:
        done.set_signed_cookie(
            _answered_cookie(survey),
            "1",
            salt=ANSWERED_COOKIE_SALT,
            max_age=ANSWERED_COOKIE_AGE,
            path=survey.public_path(),
            secure=request.is_secure(),
            httponly=True,
            samesite="Lax",
        )
    return done


def _page(request, survey, form, page: int, *, show_errors: bool = True):
    title, _ = PAGES[page - 1]
    return render(
        request,
        "assessments/survey/answer.html",
        {
            "survey": survey,
            "form": form,
            "page": page,
            "pages": len(PAGES),
            "title": title,
            "fields": form.fields_of(page),
            "carried": list(form.carried(page)) if form.is_bound else [],
            "show_errors": show_errors and form.is_bound and bool(form.errors),
            "last": page == len(PAGES),
            "needed": min_responses(),
        },
    )


@login_not_required
@require_safe
def thanks(request, token):
    get_object_or_404(Survey, token=token)
    return render(request, "assessments/survey/thanks.html")


# --- Running it ---------------------------------------------------------------------------


def _assessment(request, code, *, write: bool = False) -> Assessment:
    """The assessment with its survey (if any) in one query; 404 to outsiders, 403 to
    viewers who would change it."""
    assessments = Assessment.objects.select_related("service__agency", "survey")
    return get_for_user(request.user, assessments, "service__agency", write=write, code=code)


def _survey_of(assessment: Assessment, *, required: bool = False) -> Survey | None:
    """The assessment's survey (read with it, and pointing back to it), or None; with
    `required`, 404 when there is none."""
    try:
        return assessment.survey
    except Survey.DoesNotExist:
        if required:
            raise Http404("This assessment has no survey.") from None
        return None


def _link(request, survey: Survey) -> str:
    return request.build_absolute_uri(survey.public_path())


@require_safe
def survey_page(request, code):
    assessment = _assessment(request, code)
    survey = _survey_of(assessment)
    return _manage_page(request, assessment, survey, OpenSurveyForm(instance=survey))


def _manage_page(request, assessment, survey, form):
    """The survey's page: how to open one, or its link, state and results; `form` is its
    settings, as saved or as just (wrongly) sent."""
    context = {
        "assessment": assessment,
        "survey": survey,
        "can_change": assessment.user_role.can_change,
        "needed": min_responses(),
        "batch": RESULTS_BATCH,
        "form": form,
    }
    if survey is not None:
        results = results_for(survey)
        context.update(
            link=_link(request, survey),
            state=survey.state(),
            results=results,
            chart=results and _chart(results),
        )
    return render(request, "assessments/survey/manage.html", context)


def _chart(results) -> dict:
    return {
        "labels": [m.name for m in results.motivators],
        "surveyed": [m.surveyed_strength for m in results.motivators],
        "estimate": [m.managers_strength for m in results.motivators],
    }


@require_POST
def open_survey(request, code):
    """Open a survey for the assessment, or reopen it with new settings."""
    assessment = _assessment(request, code, write=True)
    if assessment.status == Status.ARCHIVED:
        raise Http404("An archived assessment takes no survey.")
    survey = _survey_of(assessment)
    form = OpenSurveyForm(request.POST, instance=survey)
    if not form.is_valid():
        return _manage_page(request, assessment, survey, form)
    survey = form.save(commit=False)
    if survey.pk is None:
        survey.assessment = assessment
        survey.opened_by = request.user
        message = "The survey is open. Share the link or print the page with its QR code."
        event = EVENTS["survey_opened"]
    else:
        message = "The survey's settings are saved, and it is open."
        event = EVENTS["survey_changed"]
    survey.closed_at = None
    with transaction.atomic():
        survey.save()
        assessment.record_history(event)  # who and when, on the assessment's History page
    messages.success(request, message)
    return redirect("assessments:survey", code=assessment.code)


@require_POST
def close_survey(request, code):
    assessment = _assessment(request, code, write=True)
    survey = _survey_of(assessment, required=True)
    with transaction.atomic():
        closed = Survey.objects.filter(pk=survey.pk, closed_at__isnull=True).update(
            closed_at=timezone.now()
        )
        if closed:
            assessment.record_history(EVENTS["survey_closed"])
    messages.success(request, "The survey is closed. Its answers are kept.")
    return redirect("assessments:survey", code=assessment.code)


@require_safe
def print_survey(request, code):
    assessment = _assessment(request, code)
    survey = _survey_of(assessment, required=True)
    link = _link(request, survey)
    qr = segno.make(link, error="m").svg_inline(scale=6, title="QR code for the survey's link")
    return render(
        request,
        "assessments/survey/print.html",
        {"assessment": assessment, "survey": survey, "link": link, "qr": qr},
    )


@require_safe
def results_csv(request, code):
    """The aggregated results: counts and medians only, never a single person's answers
    or a comment."""
    assessment = _assessment(request, code)
    survey = _survey_of(assessment, required=True)
    results = results_for(survey)
    if results is None:
        raise Http404("Too few answers yet to show results.")
    rows = [["question", "answer", "figure", "unit"], ["answers", "", results.count, "people"]]
    rows += [["what they do", label, count, "people"] for label, count in results.activities]
    rows += [
        ["hours a month", "median", results.median_hours_a_month, "hours"],
        ["hours a month", "answered", results.hours_answers, "people"],
    ]
    for m in results.motivators:
        mean = None if m.mean_agreement is None else round(m.mean_agreement, 2)
        rows += [
            ["why they take part", m.statement, mean, "mean agreement (1-5)"],
            ["why they take part", m.statement, m.surveyed_strength, "strength (0-4)"],
            ["why they take part", m.statement, m.managers_strength, "manager's strength (0-4)"],
        ]
    rows += [["how easy", label, count, "people"] for label, count in results.ease]
    rows += [["what would help", label, count, "people"] for label, count in results.helps]
    body = io.StringIO()
    csv.writer(body).writerows([[spreadsheet_safe(cell) for cell in row] for row in rows])
    response = HttpResponse(body.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="survey-{assessment.code}.csv"'
    return response


@require_POST
def use_figures(request, code):
    """Put the surveyed hours and motivation into a draft: this one if it is a draft,
    else a new revision. A submitted assessment is never changed in place."""
    assessment = _assessment(request, code, write=True)
    if assessment.status == Status.ARCHIVED:
        raise Http404("An archived assessment takes no figures.")
    results = results_for(_survey_of(assessment, required=True))
    if results is None:
        raise Http404("Too few answers yet to use.")
    figures = {f"{m}_motivation": value for m, value in results.surveyed_strengths.items()}
    if results.hours_a_year is not None:
        figures["hours_per_co_producer"] = results.hours_a_year
    target = assessment
    if assessment.status != Status.DRAFT:
        target = assessment.start_revision(request.user)
    target = Assessment.objects.get(pk=target.pk)
    for name, value in figures.items():
        setattr(target, name, value)
    if not target.save_answers(list(figures), target.version, reason="Used the survey's figures"):
        messages.error(request, "Someone saved this draft just now. Try again.")
        return redirect("assessments:survey", code=assessment.code)
    messages.success(
        request,
        "The surveyed hours and reasons for taking part are in this draft. Check them, "
        "then submit it when you are ready.",
    )
    return redirect("assessments:tasks", code=target.code)
