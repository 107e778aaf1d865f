"""The options part of the wizard: the list of options, a page for each, the quality grid.

Every change is saved to the database when it is made, under the assessment's version:
a change that crosses someone else's save is refused with the user's input kept. Changes
to the set of options (add, remove, reorder, choose the comparator) move the version on
too, so a page opened before them cannot save over them unnoticed.
"""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from assessments.forms import AddOptionForm, OptionForm, QualityGridForm
from assessments.forms.people import ComparatorForm, PeopleForm
from assessments.models import Option
from assessments.scoring import MAX_OPTIONS, MIN_OPTIONS
from assessments.sections import (
    SECTIONS_BY_SLUG,
    comparator_words,
    option_problems,
    options_title,
    people_words,
)
from assessments.views.wizard import (
    after_save,
    current_version,
    draft_for_manager,
    section_position,
)

OPTIONS_CHANGED = (
    "Someone else changed this assessment while you had this page open, so that change was "
    "not made. Check the options below and try again."
)


class StaleOptions(Exception):
    """The assessment's version moved on since the page was opened."""


def _option_of(assessment, option_code) -> Option:
    for option in assessment.ordered_options:
        if option.code == option_code:
            return option
    raise Http404("No such option.")


def _posted_version(request) -> int | None:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return None


def _change_options(assessment, version, change, reason: str = "") -> None:
    """Make a change to the set of options and store the new results, or none of it; the
    history says `reason` (options added or removed have history rows of their own).

    Raises StaleOptions if someone saved since `version`.
    """
    try:
        with transaction.atomic():
            change()
            assessment.forget_options()
            if version is None or not assessment.claim_version(version, reason):
                raise StaleOptions
    except IntegrityError as error:  # two changes crossed: say so rather than fail
        raise StaleOptions from error


def _options_page(request, assessment, add_form=None, status=200):
    section = SECTIONS_BY_SLUG["options"]
    number, total = section_position(section)
    options = assessment.ordered_options
    context = {
        "assessment": assessment,
        "section": section,
        "section_number": number,
        "section_count": total,
        "title": options_title(assessment),
        "comparator_words": comparator_words(assessment),
        "people_words": people_words(assessment),
        "currency": assessment.money_currency,
        "options": options,
        "problems": option_problems(assessment),
        "add_form": add_form or AddOptionForm(assessment=assessment),
        "can_add": len(options) < MAX_OPTIONS,
        "can_remove": len(options) > MIN_OPTIONS,
        "max_options": MAX_OPTIONS,
        "min_options": MIN_OPTIONS,
        "back_url": SECTIONS_BY_SLUG["capability"].url(assessment),
        "next_url": reverse("assessments:quality", args=[assessment.code]),
    }
    return render(request, "assessments/options.html", context, status=status)


@require_http_methods(["GET"])
def options_list(request, code):
    assessment = draft_for_manager(request, code)
    return _options_page(request, assessment)


@require_POST
def add_option(request, code):
    assessment = draft_for_manager(request, code)
    form = AddOptionForm(request.POST, assessment=assessment)
    if len(assessment.ordered_options) >= MAX_OPTIONS:
        form.add_error(None, f"You can compare at most {MAX_OPTIONS} options. Remove one first.")
    if not form.is_valid():
        return _options_page(request, assessment, add_form=form)
    highest = max(option.position for option in assessment.ordered_options)

    def add():
        Option.objects.create(
            assessment=assessment,
            position=highest + 1,
            name=form.cleaned_data["name"],
            co_produced=form.cleaned_data["co_produced"],
        )

    try:
        _change_options(assessment, form.cleaned_data["version"], add)
    except StaleOptions:
        assessment.forget_options()
        form.refuse_stale(current_version(assessment))
        return _options_page(request, assessment, add_form=form)
    added = assessment.ordered_options[-1]
    messages.success(request, f"Added “{added.name}”. Now give its costs and take-up.")
    return redirect("assessments:option", code=assessment.code, option_code=added.code)


@require_POST
def remove_option(request, code, option_code):
    assessment = draft_for_manager(request, code)
    option = _option_of(assessment, option_code)
    others = [o for o in assessment.ordered_options if o.pk != option.pk]
    if len(others) < MIN_OPTIONS:
        messages.error(request, f"Compare at least {MIN_OPTIONS} options: add another first.")
    elif option.comparator:
        messages.error(
            request,
            f"“{option.name}” is {comparator_words(assessment)}. Choose another option for that "
            "before you remove it.",
        )
    elif option.co_produced and not any(other.co_produced for other in others):
        messages.error(
            request, f"“{option.name}” is the only co-produced option, so it cannot be removed."
        )
    else:
        try:
            _change_options(assessment, _posted_version(request), option.delete)
            messages.success(request, f"Removed “{option.name}”.")
        except StaleOptions:
            messages.error(request, OPTIONS_CHANGED)
    return redirect("assessments:options", code=assessment.code)


def _move(request, code, option_code, step: int):
    """Swap an option with its neighbour above (step -1) or below (+1)."""
    assessment = draft_for_manager(request, code)
    options = assessment.ordered_options
    option = _option_of(assessment, option_code)
    index = options.index(option)
    if not 0 <= index + step < len(options):
        return redirect("assessments:options", code=assessment.code)
    neighbour = options[index + step]

    def swap():
        # Positions are unique, so one of the pair steps aside while the other moves.
        mine, theirs = option.position, neighbour.position
        parked = Option.objects.filter(assessment=assessment).aggregate(top=Max("position"))
        Option.objects.filter(pk=option.pk).update(position=parked["top"] + 1)
        Option.objects.filter(pk=neighbour.pk).update(position=mine)
        Option.objects.filter(pk=option.pk).update(position=theirs)

    direction = "up" if step < 0 else "down"
    try:
        _change_options(
            assessment, _posted_version(request), swap, f"Moved option “{option.name}” {direction}"
        )
    except StaleOptions:
        messages.error(request, OPTIONS_CHANGED)
    return redirect(
        reverse("assessments:options", args=[assessment.code]) + f"#option-{option.code}"
    )


@require_POST
def move_option_up(request, code, option_code):
    return _move(request, code, option_code, -1)


@require_POST
def move_option_down(request, code, option_code):
    return _move(request, code, option_code, 1)


@require_POST
def make_comparator(request, code, option_code):
    assessment = draft_for_manager(request, code)
    option = _option_of(assessment, option_code)

    def choose():
        # Unset the old one first: the database allows one comparator at a time.
        Option.objects.filter(assessment=assessment, comparator=True).update(comparator=False)
        Option.objects.filter(pk=option.pk).update(comparator=True)

    words = comparator_words(assessment)
    try:
        _change_options(
            assessment, _posted_version(request), choose, f"Option “{option.name}” is now {words}"
        )
        messages.success(
            request,
            f"“{option.name}” is now {comparator_words(assessment)}: the other options are "
            "compared against it.",
        )
    except StaleOptions:
        messages.error(request, OPTIONS_CHANGED)
    return redirect("assessments:options", code=assessment.code)


@require_http_methods(["GET", "POST"])
def option_page(request, code, option_code):
    assessment = draft_for_manager(request, code)
    option = _option_of(assessment, option_code)
    form = OptionForm(request.POST or None, instance=option, assessment=assessment)
    if request.method == "POST" and form.is_valid():
        if form.save_option():
            options = assessment.ordered_options
            index = options.index(option)
            following = (
                reverse("assessments:option", args=[assessment.code, options[index + 1].code])
                if index + 1 < len(options)
                else reverse("assessments:options", args=[assessment.code])
            )
            return after_save(request, assessment, following)
        form.refuse_stale(current_version(assessment))
    number, total = section_position(SECTIONS_BY_SLUG["options"])
    context = {
        "assessment": assessment,
        "option": option,
        "option_number": assessment.ordered_options.index(option) + 1,
        "option_count": len(assessment.ordered_options),
        "form": form,
        "section_number": number,
        "section_count": total,
        "title": options_title(assessment),
        "comparator_words": comparator_words(assessment),
        "back_url": reverse("assessments:options", args=[assessment.code]),
    }
    return render(request, "assessments/option.html", context)


@require_http_methods(["GET", "POST"])
def people(request, code):
    """Do all the options serve the same people, and how many: asked once for them all."""
    return _asked_of_every_option(
        request, code, PeopleForm, PeopleForm.save_people, "assessments/people.html",
        heading="Who the options serve",
    )  # fmt: skip


@require_http_methods(["GET", "POST"])
def comparator_kind(request, code):
    """Is the option the others are compared against what happens now, or (when every
    option would be new) just the one chosen to compare against?"""
    return _asked_of_every_option(
        request,
        code,
        ComparatorForm,
        ComparatorForm.save_comparator_kind,
        "assessments/comparator_kind.html",
        heading="What the options are compared against",
    )


def _asked_of_every_option(request, code, form_class, save, template, *, heading: str):
    """A question about all the options at once, on a page of its own that leads back to
    the list of options (or to check your answers)."""
    assessment = draft_for_manager(request, code)
    form = form_class(request.POST or None, instance=assessment)
    if request.method == "POST" and form.is_valid():
        if save(form):
            return after_save(
                request, assessment, reverse("assessments:options", args=[assessment.code])
            )
        form.refuse_stale(current_version(assessment))
    number, total = section_position(SECTIONS_BY_SLUG["options"])
    context = {
        "assessment": assessment,
        "form": form,
        "section_number": number,
        "section_count": total,
        "back_url": reverse("assessments:options", args=[assessment.code]),
        "heading": heading,
    }
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
def quality(request, code):
    assessment = draft_for_manager(request, code)
    form = QualityGridForm(request.POST or None, assessment=assessment)
    if request.method == "POST" and form.is_valid():
        if form.save_ratings():
            # On to the outcomes (optional), which lead on to the appraisal settings.
            outcomes = reverse("assessments:outcomes", args=[assessment.code])
            return after_save(request, assessment, outcomes)
        form.refuse_stale(current_version(assessment))
    section = SECTIONS_BY_SLUG["quality"]
    number, total = section_position(section)
    context = {
        "assessment": assessment,
        "section": section,
        "form": form,
        "section_number": number,
        "section_count": total,
        "comparator_words": comparator_words(assessment),
        "back_url": reverse("assessments:options", args=[assessment.code]),
    }
    return render(request, "assessments/quality.html", context)
