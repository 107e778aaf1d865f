"""Every answer of a draft as check your answers shows it, and what is still missing.

Each row links to its question, on its page, with `?return=check` so that Continue comes
back here, and an anchor that the page focuses.
"""

from dataclasses import dataclass

from django import forms
from django.urls import reverse

from assessments.forms import SECTION_FORMS, OptionForm, QualityGridForm
from assessments.forms.options import FIGURE_RANGE_FIELDS, RATING_QUESTIONS
from assessments.forms.people import PeopleForm
from assessments.models import OPTIONAL_COST_FIELDS
from assessments.scoring import RATING_FIELDS
from assessments.sections import SECTIONS, option_problems
from coprod_site.numbers import (
    AmountField,
    WholeNumberField,
    currency_sign,
    format_money,
    format_number,
)

RETURN = "?return=check"
UNSAID_PEOPLE = "Not said, so each option gives its own clients a year"


@dataclass(frozen=True)
class AnswerRow:
    label: str
    value: str | None  # None: not answered
    required: bool
    url: str

    @property
    def missing(self) -> bool:
        return self.value is None and self.required


@dataclass(frozen=True)
class AnswerGroup:
    """Rows under one heading: a section, or one option within the options part."""

    heading: str
    rows: list[AnswerRow]
    tags: tuple[str, ...] = ()


def anchor(field: forms.BoundField) -> str:
    """The id to focus: the first box of a group of radios or tick boxes."""
    widget = field.field.widget
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"{field.auto_id}_0"
    return field.auto_id


def shown(field: forms.Field, value, currency: str) -> str | None:
    """How an answer reads: choices by their label, money with its sign, counts with
    separators; None when not answered."""
    if value is None or value == "":
        return None
    if isinstance(value, list):
        labels = dict(field.choices)
        return ", ".join(str(labels.get(item, item)) for item in value) or str(
            getattr(field, "none_label", None) or "None"
        )
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(field, AmountField) and field.unit == currency_sign(currency):
        return format_money(value, currency)
    if isinstance(field, AmountField | WholeNumberField):
        unit = f" {field.unit}" if field.unit and not field.unit.startswith("%") else field.unit
        places = 2 if isinstance(field, AmountField) and value % 1 else 0
        return f"{format_number(value, places=places)}{unit}"
    choices = getattr(field, "choices", None)
    if choices:
        return str(dict(choices).get(value, value))
    return str(value)


def section_groups(assessment) -> list[tuple[object, list[AnswerGroup]]]:
    """(section, its groups of rows) for every section, in the wizard's order."""
    currency = assessment.money_currency
    result = []
    for section in SECTIONS:
        if section.slug == "options":
            groups = _option_groups(assessment, currency)
        elif section.slug == "quality":
            groups = _quality_groups(assessment)
        else:
            groups = [_section_group(assessment, section, currency)]
        result.append((section, groups))
    return result


def _section_group(assessment, section, currency) -> AnswerGroup:
    form = SECTION_FORMS[section.slug](instance=assessment, prefix=section.slug)
    url = section.url(assessment) + RETURN
    rows = [
        AnswerRow(
            label=str(form.fields[name].label),
            value=shown(form.fields[name], assessment.answer(name), currency),
            required=name in section.required,
            url=f"{url}#{anchor(form[name])}",
        )
        for name in section.fields
    ]
    return AnswerGroup(section.title_for(assessment), rows)


def _people_group(assessment) -> AnswerGroup:
    """Who the options serve: asked once for all the options, on a page of its own."""
    form = PeopleForm(instance=assessment)
    url = reverse("assessments:people", args=[assessment.code]) + RETURN
    same = assessment.same_population
    rows = [
        AnswerRow(
            label=str(form.fields["same_population"].label),
            # Left unsaid, each option's own clients are used: say so rather than "blank".
            value=UNSAID_PEOPLE if same is None else ("Yes" if same else "No"),
            required=False,
            url=f"{url}#{anchor(form['same_population'])}",
        )
    ]
    if same:
        field = form.fields["clients_per_year"]
        rows.append(
            AnswerRow(
                label=str(field.label),
                value=shown(field, assessment.clients_per_year, ""),
                required=True,
                url=f"{url}#{anchor(form['clients_per_year'])}",
            )
        )
    return AnswerGroup("Who the options serve", rows)


def _option_value(form, option, name, currency) -> str | None:
    if name == "take_up" and option.take_up is None:
        return "All of them"  # blank means the option reaches everyone
    return shown(form.fields[name], getattr(option, name), currency)


def _option_groups(assessment, currency) -> list[AnswerGroup]:
    groups = [_people_group(assessment)]
    for option in assessment.ordered_options:
        form = OptionForm(instance=option, assessment=assessment)
        url = reverse("assessments:option", args=[assessment.code, option.code]) + RETURN
        rows = [
            AnswerRow(
                label=str(form.fields[name].label).removesuffix(" (optional)"),
                value=_option_value(form, option, name, currency),
                required=name not in (*OPTIONAL_COST_FIELDS, "description"),
                url=f"{url}#{anchor(form[name])}",
            )
            # The page asks either the option's clients or its share of the same people.
            for name in OptionForm.Meta.fields
            # Ranges are optional refinements, summed up on the report, not answers to check.
            if name in form.fields and name != "name" and name not in FIGURE_RANGE_FIELDS
        ]
        tags = ("comparator",) if option.comparator else ()
        groups.append(AnswerGroup(option.name, rows, tags))
    return groups


def _quality_groups(assessment) -> list[AnswerGroup]:
    form = QualityGridForm(assessment=assessment)
    url = reverse("assessments:quality", args=[assessment.code]) + RETURN
    groups = []
    for option in assessment.ordered_options:
        rows = []
        for rating in RATING_FIELDS:
            field = form[QualityGridForm.field_name(rating, option)]
            rows.append(
                AnswerRow(
                    label=RATING_QUESTIONS[rating][0],
                    value=shown(field.field, getattr(option, rating), ""),
                    required=True,
                    url=f"{url}#{field.id_for_label}",
                )
            )
        groups.append(AnswerGroup(option.name, rows))
    return groups


def missing_answers(assessment, sections) -> list[tuple[str, str]]:
    """(what is missing, where to answer it) for the list at the top of check your answers."""
    missing = [
        (f"{group.heading}: {row.label}", row.url)
        for _, groups in sections
        for group in groups
        for row in group.rows
        if row.missing
    ]
    options_url = reverse("assessments:options", args=[assessment.code])
    missing += [(problem, options_url) for problem in option_problems(assessment)]
    return missing
