"""The survey's pages: answering it (public, no sign-in) and running it (the agency's
managers; its viewers read the results)."""

import csv
import io

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from assessments.choices import Status
from assessments.models import EVENTS, Assessment
from assessments.scoring import MOTIVATORS
from assessments.survey import progress
from assessments.survey.forms import HONEYPOT, PAGES, AnswerForm, OpenSurveyForm
from assessments.survey.guard import allow_answer
from assessments.survey.models import RESULTS_BATCH, Survey, SurveyResponse
from assessments.survey.results import Change, min_responses, results_for
from coprod_site.csv_export import spreadsheet_safe
from services.access import get_for_user

ANSWERED_COOKIE_SALT = "coprod-survey-answered"
ANSWERED_COOKIE_AGE = 365 * 24 * 60 * 60


# --- Answering ---------------------------------------------------------------------------


class SeeOther(HttpResponseRedirect):
    """303: what follows a page's POST is fetched by a GET, so Back and reload never send
    the answers again (the browser's "Confirm form resubmission")."""

    status_code = 303


def _answered_cookie(survey: Survey) -> str:
    return f"answered-{survey.pk}"


def _open_survey(request, token: str):
    """(survey, None) if it takes answers, else (survey or None, the page that says why)."""
    survey = get_object_or_404(
        Survey.objects.select_related("assessment__service__agency"), token=token
    )
    state = survey.state()
    if state != "open":
        return survey, _closed_page(request, survey, state)
    return survey, None


def _closed_page(request, survey: Survey, state: str):
    return render(
        request, "assessments/survey/closed.html", {"survey": survey, "state": state}, status=410
    )


def _page_number(value) -> int:
    try:
        return min(max(int(value), 1), len(PAGES))
    except (TypeError, ValueError):
        return 1


@login_not_required
@require_http_methods(["GET", "HEAD", "POST"])
def answer(request, token):
    """One page of the survey. A GET shows a page (`?page=N`, or the one this browser
    was on) with the answers so far; a POST takes a page's answers and redirects to the
    next GET, or, from the last page, saves them all."""
    survey, refusal = _open_survey(request, token)
    if refusal:
        return refusal
    if survey.one_per_browser and request.get_signed_cookie(
        _answered_cookie(survey), default=None, salt=ANSWERED_COOKIE_SALT
    ):
        return render(request, "assessments/survey/already.html", {"survey": survey})
    if request.method != "POST":
        return _show_page(request, survey)
    if "start_again" in request.POST:
        return _start_again(survey)
    page = _page_number(request.POST.get("page"))
    so_far = progress.read(request, survey).with_page(request.POST, PAGES[page - 1][1])
    if "back" in request.POST:
        return _go_to(request, survey, so_far, page - 1)
    form = AnswerForm(so_far.as_data(), tasks=survey.offered_tasks)
    first_problem = None if form.is_valid() else form.page_of_first_error()
    if first_problem is not None and first_problem <= page:
        return _go_to(request, survey, so_far, first_problem)
    if page < len(PAGES):
        return _go_to(request, survey, so_far, page + 1)
    if first_problem is not None:  # only an altered form gets here
        return _go_to(request, survey, so_far, first_problem)
    return _send(request, survey, form, so_far)


def _go_to(request, survey: Survey, so_far: progress.Progress, page: int):
    """Keep the answers so far in the browser's cookie and show `page` by a GET."""
    so_far.page = _page_number(page)
    response = SeeOther(f"{survey.public_path()}?page={so_far.page}")
    progress.keep(response, request, survey, so_far)
    return response


def _start_again(survey: Survey):
    response = SeeOther(survey.public_path())
    progress.forget(response, survey)
    return response


def _send(request, survey: Survey, form: AnswerForm, so_far: progress.Progress):
    """Save the answers (the last page's POST), clear the answers so far and thank them.
    Refused for too many answers from one connection, they keep the answers so far, to
    send again later."""
    done = SeeOther(reverse("survey-thanks", args=[survey.token]))
    progress.forget(done, survey)
    if request.POST.get(HONEYPOT):
        return done  # thanked, and nothing kept
    if not allow_answer(request, survey.token):
        refused = render(
            request, "assessments/survey/too_many.html", {"survey": survey}, status=429
        )
        progress.keep(refused, request, survey, so_far)
        return refused
    data = form.cleaned_data
    response = SurveyResponse(
        activities=data["activities"],
        minutes_a_month=data["minutes_a_month"],
        ease=data["ease"],
        helps=data["helps"],
        comment=data["comment"].strip(),
        **{f"{m}_agreement": data[f"{m}_agreement"] for m in MOTIVATORS},
    )
    if not survey.record(response):
        survey.refresh_from_db()
        return _closed_page(request, survey, survey.state())
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


def _show_page(request, survey: Survey):
    """A page with the answers this browser has given so far, and their problems, if any
    of this page's are wrong."""
    so_far = progress.read(request, survey)
    page = _page_number(request.GET.get("page", so_far.page))
    form = AnswerForm(so_far.as_data() if so_far else None, tasks=survey.offered_tasks)
    errors = form.errors_of(page)
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
            "errors": errors,
            "show_errors": bool(errors),
            # Opened again (no page asked for) with answers kept: say so, once.
            "resumed": bool(so_far) and "page" not in request.GET,
            "kept": bool(so_far),
            "last": page == len(PAGES),
            "needed": min_responses(),
        },
    )


@login_not_required
@require_safe
def thanks(request, token):
    survey = get_object_or_404(
        Survey.objects.select_related("assessment__service__agency"), token=token
    )
    return render(request, "assessments/survey/thanks.html", {"survey": survey})


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
    form = OpenSurveyForm(instance=survey, assessment=assessment)
    return _manage_page(request, assessment, survey, form)


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
        "labels": [m.words for m in results.motivators],
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
    form = OpenSurveyForm(request.POST, instance=survey, assessment=assessment)
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
        ["time a month", "middle answer", results.median_hours_a_month, "hours"],
        ["time a month", "answered", results.hours_answers, "people"],
    ]
    for m in results.motivators:
        mean = None if m.mean_agreement is None else round(m.mean_agreement, 2)
        rows += [
            [f"why they take part: {m.words}", m.statement, mean, "average answer (1 to 5)"],
            [
                f"why they take part: {m.words}",
                m.statement,
                m.surveyed_strength,
                "strength (0 to 4)",
            ],
            [
                f"why they take part: {m.words}",
                m.statement,
                m.managers_strength,
                "this assessment's estimate (0 to 4)",
            ],
        ]
    rows += [["how easy", label, count, "people"] for label, count in results.ease]
    rows += [["what would help", label, count, "people"] for label, count in results.helps]
    body = io.StringIO()
    csv.writer(body).writerows([[spreadsheet_safe(cell) for cell in row] for row in rows])
    response = HttpResponse(body.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="survey-{assessment.code}.csv"'
    return response


def _figures_to_use(assessment: Assessment, results) -> list[Change]:
    """Each figure "Use these figures" would put into the draft, with its value now."""
    changes = [
        Change(
            f"Why people take part: {m.words} (strength 0 to 4)",
            f"{m.code}_motivation",
            getattr(assessment, f"{m.code}_motivation"),
            m.surveyed_strength,
        )
        for m in results.motivators
        if m.answers
    ]
    if results.hours_a_year is not None:
        changes.insert(
            0,
            Change(
                "Hours each co-producer gives a year",
                "hours_per_co_producer",
                assessment.hours_per_co_producer,
                results.hours_a_year,
            ),
        )
    return changes


def _results_to_use(request, code):
    assessment = _assessment(request, code, write=True)
    if assessment.status == Status.ARCHIVED:
        raise Http404("An archived assessment takes no figures.")
    results = results_for(_survey_of(assessment, required=True))
    if results is None:
        raise Http404("Too few answers yet to use.")
    return assessment, results


@require_safe
def confirm_use_figures(request, code):
    """What "Use these figures" would change, each figure from and to, before it does."""
    assessment, results = _results_to_use(request, code)
    return render(
        request,
        "assessments/survey/use_figures.html",
        {"assessment": assessment, "changes": _figures_to_use(assessment, results)},
    )


@require_POST
def use_figures(request, code):
    """Put the surveyed hours and motivation into a draft: this one if it is a draft,
    else a new revision. A submitted assessment is never changed in place."""
    assessment, results = _results_to_use(request, code)
    target = assessment
    if assessment.status != Status.DRAFT:
        target = assessment.start_revision(request.user)
    target = Assessment.objects.get(pk=target.pk)
    changes = _figures_to_use(target, results)
    for change in changes:
        setattr(target, change.field, change.new)
    names = [change.field for change in changes]
    if not target.save_answers(names, target.version, reason="Used the survey's figures"):
        messages.error(request, "Someone saved this draft just now. Try again.")
        return redirect("assessments:survey", code=assessment.code)
    changed = [change for change in changes if change.changes]
    if changed:
        listed = "; ".join(
            f"{change.label}: {change.old_words} → {change.new_words}" for change in changed
        )
        message = f"The survey's figures are in this draft. {listed}. Check them, then submit it when you are ready."
    else:
        message = "The survey's figures are the same as this draft's: nothing changed."
    messages.success(request, message)
    return redirect("assessments:tasks", code=target.code)
