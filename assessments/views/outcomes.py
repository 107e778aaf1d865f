"""The outcomes part of the wizard: what the options change in people's lives, and its price.

Optional, after the quality ratings: a list of the assessment's outcome measures and the
year its prices are in, a page to add one (a published reference value or a value of the
agency's own), and a page for each giving every option's effect, or adopting a case
example's measured effect. Like the option pages, every change is saved under the
assessment's version and scored again in the same transaction: a change that crosses
someone else's save is refused, with what the manager typed kept.
"""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from assessments.forms.outcomes import AddOutcomeForm, OutcomeEffectsForm, PriceYearForm
from assessments.models import OutcomeEffect, OutcomeMeasure
from assessments.models.outcome import EFFECT_LIMIT, MAX_OUTCOMES
from assessments.sections import OUTCOMES, SECTIONS_BY_SLUG, comparator_words
from assessments.views.wizard import after_save, current_version, draft_for_manager
from services.models import CaseEffect, CaseStatus, ReferenceValue

OUTCOMES_CHANGED = (
    "Someone else changed this assessment while you had this page open, so that change was "
    "not made. Check the outcome below and try again."
)
PRICE_FIELDS = ("price", "price_low", "price_high", "conversion")
EVIDENCE_MAX = OutcomeMeasure._meta.get_field("evidence").max_length


class StaleOutcomes(Exception):
    """The assessment's version moved on since the page was opened."""


def _outcome_of(assessment, outcome_code) -> OutcomeMeasure:
    for outcome in assessment.ordered_outcomes:
        if outcome.code == outcome_code:
            return outcome
    raise Http404("No such outcome.")


def _posted_version(request) -> int | None:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return None


def _change_outcomes(assessment, version, change, reason: str) -> None:
    """Make a change to the outcomes and store the new results, or none of it.

    Raises StaleOutcomes if someone saved since `version`.
    """
    try:
        with transaction.atomic():
            change()
            assessment.forget_outcomes()
            if version is None or not assessment.save_answers((), version, reason=reason):
                raise StaleOutcomes
    except IntegrityError as error:  # two changes crossed: say so rather than fail
        raise StaleOutcomes from error
    finally:
        assessment.forget_outcomes()


def _effects_by_option(outcome) -> list[tuple]:
    """(option, its effect or None) for every option, in the options' order."""
    effects = {effect.option_id: effect for effect in outcome.ordered_effects}
    return [(option, effects.get(option.pk)) for option in outcome.assessment.ordered_options]


def _outcomes_page(request, assessment, form=None, status=200):
    outcomes = assessment.ordered_outcomes
    for outcome in outcomes:
        outcome.assessment = assessment  # the options are read once, for them all
    context = {
        "assessment": assessment,
        "section": OUTCOMES,
        "currency": assessment.money_currency,
        "comparator_words": comparator_words(assessment),
        "outcomes": [(outcome, _effects_by_option(outcome)) for outcome in outcomes],
        "form": form or PriceYearForm(assessment=assessment),
        "can_add": len(outcomes) < MAX_OUTCOMES,
        "max_outcomes": MAX_OUTCOMES,
        "back_url": SECTIONS_BY_SLUG["quality"].url(assessment),
    }
    return render(request, "assessments/outcomes.html", context, status=status)


@require_http_methods(["GET", "POST"])
def outcomes_list(request, code):
    """The outcomes, and the year whose prices the assessment's figures are in."""
    assessment = draft_for_manager(request, code)
    form = PriceYearForm(request.POST or None, assessment=assessment)
    if request.method == "POST" and form.is_valid():
        following = SECTIONS_BY_SLUG["appraisal"].url(assessment)
        year = form.cleaned_data["price_year"]
        if year == assessment.price_year:
            return after_save(request, assessment, following)
        if _save_price_year(assessment, year, form.cleaned_data["version"]):
            return after_save(request, assessment, following)
        form.refuse_stale(current_version(assessment))
    return _outcomes_page(request, assessment, form)


def _save_price_year(assessment, year: int | None, version: int) -> bool:
    """Set the price year and bring every outcome's value to it; False if someone saved
    since `version` (then nothing is saved)."""
    before = assessment.price_year
    assessment.price_year = year
    outcomes = assessment.ordered_outcomes
    for outcome in outcomes:
        outcome.bring_to(year)
    try:
        with transaction.atomic():
            if outcomes:
                OutcomeMeasure.objects.bulk_update(outcomes, PRICE_FIELDS)
            reason = f"Prices in {year}" if year else "Prices as published"
            if not assessment.save_answers(("price_year",), version, reason=reason):
                raise StaleOutcomes
    except StaleOutcomes:
        assessment.price_year = before
        assessment.forget_outcomes()
        return False
    return True


def _published_reference_values(assessment):
    return ReferenceValue.objects.for_currency(assessment.money_currency)


@require_http_methods(["GET", "POST"])
def add_outcome(request, code):
    assessment = draft_for_manager(request, code)
    form = AddOutcomeForm(
        request.POST or None,
        assessment=assessment,
        reference_values=list(_published_reference_values(assessment)),
    )
    full = len(assessment.ordered_outcomes) >= MAX_OUTCOMES
    if request.method == "POST":
        if full:
            form.add_error(
                None, f"You can value at most {MAX_OUTCOMES} outcomes. Remove one first."
            )
        if form.is_valid():
            positions = [outcome.position for outcome in assessment.ordered_outcomes]
            measure = form.measure(position=max(positions, default=0) + 1)
            try:
                _change_outcomes(
                    assessment,
                    form.cleaned_data["version"],
                    measure.save,
                    f"Added outcome “{measure.name}”",
                )
            except StaleOutcomes:
                form.refuse_stale(current_version(assessment))
            else:
                messages.success(request, f"Added “{measure.name}”. Now give each option's effect.")
                return redirect(
                    "assessments:outcome", code=assessment.code, outcome_code=measure.code
                )
    context = {
        "assessment": assessment,
        "section": OUTCOMES,
        "form": form,
        "full": full,
        "max_outcomes": MAX_OUTCOMES,
        "back_url": reverse("assessments:outcomes", args=[assessment.code]),
    }
    return render(request, "assessments/outcome_add.html", context)


def _case_effects(outcome):
    """Published cases' measured effects, those in the outcome's own unit first."""
    same_unit = Case(
        When(unit__iexact=outcome.unit, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return (
        CaseEffect.objects.filter(case__status=CaseStatus.PUBLISHED)
        .select_related("case")
        .annotate(same_unit=same_unit)
        .order_by("same_unit", "case__title", "order", "id")
    )


@require_http_methods(["GET", "POST"])
def outcome_page(request, code, outcome_code):
    assessment = draft_for_manager(request, code)
    outcome = _outcome_of(assessment, outcome_code)
    words = comparator_words(assessment)
    form = OutcomeEffectsForm(
        request.POST or None, assessment=assessment, measure=outcome, comparator_words=words
    )
    if request.method == "POST" and form.is_valid():
        was_difference = outcome.as_difference
        try:
            _change_outcomes(
                assessment,
                form.cleaned_data["version"],
                lambda: _save_effects(outcome, form),
                f"Changed the effects on “{outcome.name}”",
            )
        except StaleOutcomes:
            # The typed figures stay; the page around them shows the outcome as saved.
            assessment.version = current_version(assessment)
            form.refuse_stale(assessment.version)
            outcome = _outcome_of(assessment, outcome_code)
        else:
            if was_difference and not outcome.as_difference:
                # The comparator's level was not asked while the effects were differences.
                messages.success(request, "Saved. Now give the level for every option.")
                return redirect(request.get_full_path())
            return after_save(
                request, assessment, reverse("assessments:outcomes", args=[assessment.code])
            )
    context = {
        "assessment": assessment,
        "section": OUTCOMES,
        "outcome": outcome,
        "form": form,
        "currency": assessment.money_currency,
        "comparator_words": words,
        "case_effects": _case_effects(outcome),
        "back_url": reverse("assessments:outcomes", args=[assessment.code]),
    }
    return render(request, "assessments/outcome.html", context)


def _save_effects(outcome, form) -> None:
    """Write the outcome's effects as the form gives them (inside the caller's transaction)."""
    if form.changed_co_produced_figures():
        # The study's effect, once changed, is the manager's own estimate.
        outcome.evidence, outcome.evidence_case = "", None
    outcome.as_difference = form.cleaned_data["as_difference"]
    outcome.save(update_fields=["as_difference", "evidence", "evidence_case"])
    _write_effects(outcome, form.effects())


def _write_effects(outcome, given: dict) -> None:
    """Set each option's effect to (estimate, low, high, spread), or remove it for None."""
    saved = {effect.option_id: effect for effect in outcome.ordered_effects}
    for option, figures in given.items():
        effect = saved.get(option.pk)
        if figures is None:
            if effect is not None:
                effect.delete()
            continue
        if effect is None:
            effect = OutcomeEffect(outcome=outcome, option=option)
        effect.estimate, effect.low, effect.high, effect.spread = figures
        effect.save()


@require_POST
def adopt_effect(request, code, outcome_code):
    """Copy a case's measured effect onto every co-produced option, with its citation."""
    assessment = draft_for_manager(request, code)
    outcome = _outcome_of(assessment, outcome_code)
    page = reverse("assessments:outcome", args=[assessment.code, outcome.code])
    try:
        case_effect = (
            CaseEffect.objects.filter(case__status=CaseStatus.PUBLISHED)
            .select_related("case")
            .get(pk=int(request.POST.get("effect", "")))
        )
    except (ValueError, CaseEffect.DoesNotExist):
        messages.error(request, "That measured effect is no longer in the case library.")
        return redirect(page)
    ends = [case_effect.effect, case_effect.low, case_effect.high]
    if any(end is not None and abs(end) > EFFECT_LIMIT for end in ends):
        messages.error(request, "That measured effect is too large to use here.")
        return redirect(page)
    figures = (case_effect.effect, case_effect.low, case_effect.high, case_effect.spread)
    if case_effect.low is None:
        figures = (case_effect.effect, None, None, "")
    co_produced = [o for o in assessment.ordered_options if o.co_produced and not o.comparator]

    def adopt():
        # A copy of the figures and the citation: a later edit of the case changes nothing.
        outcome.as_difference = True  # a study's effect is against what it compared with
        outcome.evidence = case_effect.citation[:EVIDENCE_MAX]
        outcome.evidence_case = case_effect
        outcome.save(update_fields=["as_difference", "evidence", "evidence_case"])
        _write_effects(outcome, dict.fromkeys(co_produced, figures))

    try:
        _change_outcomes(
            assessment,
            _posted_version(request),
            adopt,
            f"Used a measured effect for “{outcome.name}”",
        )
    except StaleOutcomes:
        messages.error(request, OUTCOMES_CHANGED)
        return redirect(page)
    messages.success(
        request,
        f"Used the effect from {case_effect.case.title} for every co-produced option.",
    )
    return redirect(page)


@require_http_methods(["GET", "POST"])
def remove_outcome(request, code, outcome_code):
    """Ask, then remove the outcome and its effects."""
    assessment = draft_for_manager(request, code)
    outcome = _outcome_of(assessment, outcome_code)
    if request.method == "POST":
        try:
            _change_outcomes(
                assessment,
                _posted_version(request),
                outcome.delete,
                f"Removed outcome “{outcome.name}”",
            )
        except StaleOutcomes:
            messages.error(request, OUTCOMES_CHANGED)
        else:
            messages.success(request, f"Removed “{outcome.name}”.")
        return redirect("assessments:outcomes", code=assessment.code)
    context = {
        "assessment": assessment,
        "section": OUTCOMES,
        "outcome": outcome,
        "back_url": reverse("assessments:outcomes", args=[assessment.code]),
    }
    return render(request, "assessments/outcome_remove.html", context)
