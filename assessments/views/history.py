"""An assessment's history: who changed what and when, newest first, in plain words.

Built from simple-history's rows of the assessment, its written answers and its options
(three queries, whatever the length of the history): each row is compared with the one
before it for the same object, and the rows one save wrote (they share a time and a user)
make one entry. Answers read as on check your answers, with the questions' own labels.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django import forms
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.text import Truncator
from django.views.decorators.http import require_safe

from assessments.access import get_assessment_for_user
from assessments.choices import Status
from assessments.forms import RATING_QUESTIONS, SECTION_FORMS, OptionForm
from assessments.models import EVENTS, Assessment, AssessmentText, Option
from assessments.scoring import RATING_FIELDS
from assessments.views.answers import shown

ENTRIES_PER_PAGE = 20
NOT_ANSWERED = "not answered"
# Long written answers are cut to this many characters in the list of changes.
TEXT_SHOWN = 200

# What a change to an assessment shows: its answers, title and status, not its identity,
# timestamps, version or results (worked out from the answers).
ASSESSMENT_NOT_SHOWN = {
    "id",
    "code",
    "service",
    "author",
    "created_at",
    "updated_at",
    "submitted_at",
    "currency",  # stamped on submission, which the history already shows
    "version",
    "revision_of",
}
# Options: their answers; moves (position) are told by the reason the move recorded.
OPTION_NOT_SHOWN = {"id", "code", "assessment", "position"}


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str


@dataclass
class Part:
    """What happened to one thing in one save: 'Changed option “X”' and its changes."""

    headline: str
    changes: list[Change] = field(default_factory=list)


@dataclass
class Entry:
    when: datetime
    who: object  # a user, or None where nobody was signed in (a script, a data load)
    parts: list[Part]


class Describer:
    """Labels and readable values for the fields of an assessment and its options."""

    def __init__(self, assessment: Assessment):
        self.currency = assessment.money_currency
        self.form_fields: dict[str, forms.Field] = {}
        for slug, form_class in SECTION_FORMS.items():
            form = form_class(instance=assessment, prefix=slug)
            for name, form_field in form.fields.items():
                self.form_fields.setdefault(name, form_field)
        option_form = OptionForm(instance=Option(assessment=assessment), assessment=assessment)
        self.option_fields = dict(option_form.fields)
        self.assessment_fields = _shown_fields(Assessment, ASSESSMENT_NOT_SHOWN)
        self.text_fields = _shown_fields(AssessmentText, {"assessment"})
        self.option_model_fields = _shown_fields(Option, OPTION_NOT_SHOWN)

    def assessment_label(self, name: str) -> str:
        form_field = self.form_fields.get(name)
        if form_field is not None:
            return _label(form_field.label)
        return _model_label(Assessment, name)

    def option_label(self, name: str) -> str:
        figure, _, end = name.rpartition("_")
        if name in RATING_FIELDS:
            return RATING_QUESTIONS[name][0]
        if end in ("low", "high") and figure in RATING_FIELDS:
            return f"{RATING_QUESTIONS[figure][0]}: {_END_WORDS[end]}"
        if end in ("low", "high") and figure in self.option_fields:
            return f"{_label(self.option_fields[figure].label)}: {_END_WORDS[end]}"
        if name in self.option_fields:
            return _label(self.option_fields[name].label)
        if name == "comparator":
            return "Is this the option the others are compared with?"
        return _model_label(Option, name)

    def value(self, form_field: forms.Field | None, model_field, value) -> str:
        if model_field.name == "status":
            return str(Status(value).label) if value else NOT_ANSWERED
        if form_field is not None:
            text = shown(form_field, value, self.currency)
        elif value is None or value == "":
            text = None
        elif isinstance(value, bool):
            text = "Yes" if value else "No"
        elif model_field.choices:
            text = str(dict(model_field.flatchoices).get(value, value))
        else:
            text = str(value)
        if text is None:
            return NOT_ANSWERED
        return Truncator(text).chars(TEXT_SHOWN)

    def changes(self, fields, before, after, label, form_fields) -> list[Change]:
        """The fields that differ between two history rows (`before` None: a new object)."""
        changes = []
        for model_field in fields:
            old = getattr(before, model_field.attname) if before is not None else None
            new = getattr(after, model_field.attname)
            if before is None and new in (None, "", [], False):
                continue  # a new object: list what it was given, not every blank
            if old != new:
                form_field = form_fields.get(model_field.name)
                changes.append(
                    Change(
                        label(model_field.name),
                        self.value(form_field, model_field, old)
                        if before is not None
                        else NOT_ANSWERED,
                        self.value(form_field, model_field, new),
                    )
                )
        return changes


_END_WORDS = {"low": "lowest", "high": "highest"}


def _label(label) -> str:
    text = str(label).removesuffix(" (optional)")
    return text[:1].upper() + text[1:]


def _model_label(model, name: str) -> str:
    return _label(model._meta.get_field(name).verbose_name)


def _shown_fields(model, not_shown) -> list:
    return [
        f
        for f in model._meta.concrete_fields
        if f.name not in not_shown and not f.name.startswith("result_")
    ]


def _by_object(rows, key):
    """History rows grouped by the object they are of, oldest first within each."""
    objects: dict[object, list] = {}
    for row in sorted(rows, key=lambda r: (r.history_date, r.history_id)):
        objects.setdefault(getattr(row, key), []).append(row)
    return objects.values()


def _began(row) -> bool:
    """The row written for what already stood when the history began: a starting point to
    compare with, not a change."""
    return row.history_change_reason == EVENTS["history_began"]


def _who_and_when(row) -> tuple:
    return row.history_date, row.history_user_id


def history_entries(assessment: Assessment) -> list[Entry]:
    """Every recorded change to the assessment, its written answers and its options, one
    entry a save, newest first. Three queries."""
    describe = Describer(assessment)
    parts: list[tuple[tuple, object, int, Part]] = []  # (key, user, order, part)

    rows = Assessment.history.filter(id=assessment.pk).select_related("history_user")
    for versions in _by_object(rows, "id"):
        previous = None
        for row in versions:
            if row.history_type == "+":
                part = Part(row.history_change_reason or "Started the assessment")
            else:
                part = Part(
                    row.history_change_reason or "Changed answers",
                    describe.changes(
                        describe.assessment_fields,
                        previous,
                        row,
                        describe.assessment_label,
                        describe.form_fields,
                    ),
                )
                if not part.changes and not row.history_change_reason:
                    part = None  # a save that changed only results (an option was added)
            if part:
                parts.append((_who_and_when(row), row.history_user, 0, part))
            previous = row

    rows = AssessmentText.history.filter(assessment_id=assessment.pk).select_related("history_user")
    for versions in _by_object(rows, "assessment_id"):
        previous = None
        for row in versions:
            if _began(row):
                previous = row
                continue
            changes = describe.changes(
                describe.text_fields,
                previous,
                row,
                describe.assessment_label,
                describe.form_fields,
            )
            if changes:
                part = Part("Changed answers", changes)
                parts.append((_who_and_when(row), row.history_user, 1, part))
            previous = row

    rows = Option.history.filter(assessment_id=assessment.pk).select_related("history_user")
    for versions in _by_object(rows, "id"):
        previous = None
        for row in versions:
            if _began(row):
                part = None  # the assessment's own row says the history began
            elif row.history_type == "-":
                part = Part(f"Removed option “{row.name}”")
            else:
                changes = describe.changes(
                    describe.option_model_fields,
                    previous,
                    row,
                    describe.option_label,
                    describe.option_fields,
                )
                if row.history_type == "+":
                    part = Part(f"Added option “{row.name}”", changes)
                elif changes:
                    part = Part(f"Changed option “{row.name}”", changes)
                else:
                    part = None
            if part:
                parts.append((_who_and_when(row), row.history_user, 2, part))
            previous = row

    return _entries(parts)


def _entries(parts) -> list[Entry]:
    """One entry for the parts one save made (same time, same user), newest first; the
    assessment's own and written answers under one headline."""
    entries: dict[tuple, Entry] = {}
    for key, user, _, part in sorted(parts, key=lambda p: (p[0][0], p[2])):
        entry = entries.setdefault(key, Entry(when=key[0], who=user, parts=[]))
        same = next((p for p in entry.parts if p.headline == part.headline), None)
        if same is not None:
            same.changes.extend(part.changes)
        else:
            entry.parts.append(part)
    return sorted(entries.values(), key=lambda entry: entry.when, reverse=True)


@require_safe
def history(request, code):
    assessment = get_assessment_for_user(request.user, code, options=False)
    page = Paginator(history_entries(assessment), ENTRIES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "assessments/history.html",
        {"assessment": assessment, "page": page, "entries": page.object_list},
    )
