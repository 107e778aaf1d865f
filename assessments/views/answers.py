"""Every answer of a draft as check your answers shows it, and what is still missing.

Each row links to its question, on its page, with `?return=check&row=<row>` so that
Continue comes back here, to that row (`#answer-<row>`, which the page focuses), and an
anchor that the question's page focuses. A blank answer that the scoring fills in by a
sum says so, with the sum; a figure's range is shown beside it, given or worked out.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from assessments.forms import SECTION_FORMS, OptionForm, QualityGridForm
from assessments.forms.appraisal import APPRAISAL_RANGE_WORDS
from assessments.forms.options import FIGURE_RANGE_FIELDS, RATING_QUESTIONS, SCORING_NAMES
from assessments.forms.people import (
    ALL_NEW,
    NOW_IS_AN_OPTION,
    ComparatorForm,
    PeopleForm,
    people_confidence,
)
from assessments.models import OPTIONAL_COST_FIELDS
from assessments.scoring import RATING_FIELDS
from assessments.scoring.uncertainty import default_range
from assessments.sections import JUDGEMENT_ENDS, SECTIONS, SECTIONS_BY_SLUG, option_problems
from coprod_site.numbers import (
    AmountField,
    WholeNumberField,
    currency_sign,
    format_money,
    format_number,
    round_to_estimate,
)

RETURN = "?return=check"
UNSAID_PEOPLE = "Not said, so each option gives its own clients a year"
NOT_GIVEN = "Not given"
# A row's name in `?row=` and `#answer-<row>`: a field's name, perhaps with an option's code.
ROW_NAME = re.compile(r"[A-Za-z0-9_-]{1,100}")
# Counts shown with a unit the form's box does not carry.
SHOWN_UNITS = {"co_producers_per_year": "people"}
SINGULAR = {"hours": "hour", "years": "year", "people": "person"}
# Why a range left empty is what it is: how sure the manager said they are of the figures.
SURE_WORDS = {
    "high": ", as you are very sure",
    "medium": ", as you are fairly sure",
    "low": ", as it is a rough guess",
}


def sure_words(confidence: str | None) -> str:
    """Blank counts as a rough guess, as it does in the scoring."""
    return SURE_WORDS.get(confidence or "", SURE_WORDS["low"])


JUDGEMENT_RULES = {
    "hourly_rate": ", half and one and a half times it",
    "willingness_to_pay": ", half and one and a half times it",
    "discount_rate": ", one percentage point either side",
}

# An option's answers in the few words a card has room for; the page asks them in full.
OPTION_LABELS = {
    "description": "What happens in it",
    "co_produced": "Co-producers take part",
    "setup_cost": "One-off cost to set it up",
    "annual_agency_cost": "Cost to the agency a year",
    "hours_per_client": "Hours per client a year",
    "money_per_client": "Own money per client a year",
    "clients_per_year": "Clients a year",
    "take_up": "Share of people reached",
    "ramp_up_years": "Years to full take-up",
    "confidence": "How sure of the figures",
}


@dataclass(frozen=True)
class AnswerRow:
    label: str
    value: str | None  # None: not answered
    required: bool
    url: str
    key: str = ""  # the row's id is answer-<key>
    detail: str = ""  # the range, in words, shown after the value

    @property
    def missing(self) -> bool:
        return self.value is None and self.required


@dataclass(frozen=True)
class AnswerGroup:
    """Rows under one heading: a section, or one option within the options part."""

    heading: str
    rows: list[AnswerRow]
    tags: tuple[str, ...] = ()
    card: bool = False  # one option's answers, shown as a card beside the others


def anchor(field: forms.BoundField) -> str:
    """The id to focus: the first box of a group of radios or tick boxes."""
    widget = field.field.widget
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"{field.auto_id}_0"
    return field.auto_id


def change_url(page: str, key: str, field_id: str) -> str:
    """The question's page, told to come back to this row, at the question's box."""
    return f"{page}{RETURN}&row={key}#{field_id}"


def back_to_check(request, assessment) -> str:
    """Where Continue leads from a page opened by a Change link: check your answers, at
    the row that was changed when the address names one (a row name is letters, digits,
    dashes and underscores; anything else is ignored)."""
    url = reverse("assessments:check", args=[assessment.code])
    row = request.GET.get("row", "")
    target = f"{url}#answer-{row}" if ROW_NAME.fullmatch(row) else url
    # Built from our own path, so always on this site; checked all the same, as any
    # address a request helped to make.
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return url


def counted(number: str, unit: str) -> str:
    """A count with its unit, singular for one: 1 year, 9 hours, 1 person."""
    return f"{number} {SINGULAR.get(unit, unit) if number == '1' else unit}"


def shown(field: forms.Field, value, currency: str, unit: str | None = None) -> str | None:
    """How an answer reads: choices by their label, money with its sign, counts with
    separators and their unit (the box's own, or `unit`; "" for none); None when not
    answered."""
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
        places = 2 if isinstance(field, AmountField) and value % 1 else 0
        number = format_number(value, places=places)
        unit = field.unit if unit is None else unit
        if unit.startswith("%"):
            return f"{number}{unit}"
        return counted(number, unit) if unit else number
    choices = getattr(field, "choices", None)
    if choices:
        return str(dict(choices).get(value, value))
    return str(value)


def _decimal(value: float) -> Decimal:
    return Decimal(str(round(value, 2)))


@dataclass(frozen=True)
class RangeOf:
    """How to show the ends of one figure's range, and where its default comes from."""

    field: forms.Field | None  # None for a rating: the ends are plain figures
    currency: str
    rule: str  # why the default ends are what they are, after a comma or a space

    @property
    def unit(self) -> str:
        """A word unit (hours, years, people) is said once, after the highest."""
        unit = getattr(self.field, "unit", "")
        return unit if unit in SINGULAR else ""

    def end(self, value) -> str:
        if self.field is None:
            return format_number(value, places=1)
        return shown(self.field, value, self.currency, "" if self.unit else None)

    def both(self, low, high) -> str:
        high = self.end(high)
        return f"{self.end(low)} to {counted(high, self.unit) if self.unit else high}"

    def words(self, low, high, default_low, default_high) -> str:
        """The range in brackets: the manager's ends where given, the default ones (None
        when there is no default range) where not."""
        if low is None and high is None:
            if default_low is None or default_low == default_high:
                return ""
            return f"(range not given: {self.both(default_low, default_high)}{self.rule})"
        if low is not None and high is not None:
            return f"({self.both(low, high)})"
        given, worked_out = ("highest", "lowest") if low is None else ("lowest", "highest")
        if default_low is None:
            return f"({given} {self.end(high if low is None else low)}; {worked_out} not given)"
        low = default_low if low is None else low
        high = default_high if high is None else high
        return f"({self.both(low, high)}; the {worked_out} worked out{self.rule})"


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
    page = section.url(assessment)
    rows = []
    for name in section.fields:
        if name in JUDGEMENT_ENDS:
            continue  # shown as the range of the judgement they belong to
        field = form.fields[name]
        value = shown(field, assessment.answer(name), currency, SHOWN_UNITS.get(name))
        detail = _judgement_range(assessment, field, name, currency)
        rows.append(
            AnswerRow(
                label=str(field.label),
                value=value,
                required=name in section.required,
                url=change_url(page, name, anchor(form[name])),
                key=name,
                detail=detail,
            )
        )
    return AnswerGroup(section.title_for(assessment), rows)


def _judgement_range(assessment, field, name, currency) -> str:
    """The low and high values the report tries a value judgement at: the agency's, or
    worked out from it. Other answers have no range."""
    figure = getattr(assessment, name) if name in APPRAISAL_RANGE_WORDS else None
    if figure is None:
        return ""
    if name == "discount_rate":  # a fraction to the scoring, a percentage here
        defaults = [100 * end for end in default_range(name, float(figure) / 100, None)]
    else:
        defaults = default_range(name, float(figure), None)
    return RangeOf(field, currency, JUDGEMENT_RULES[name]).words(
        getattr(assessment, f"{name}_low"),
        getattr(assessment, f"{name}_high"),
        *(_decimal(end) for end in defaults),
    )


def _people_group(assessment) -> AnswerGroup:
    """Who the options serve: asked once for all the options, on a page of its own."""
    form = PeopleForm(instance=assessment)
    page = reverse("assessments:people", args=[assessment.code])
    same = assessment.same_population
    rows = [
        AnswerRow(
            label=str(form.fields["same_population"].label),
            # Left unsaid, each option's own clients are used: say so rather than "blank".
            value=UNSAID_PEOPLE if same is None else ("Yes" if same else "No"),
            required=False,
            url=change_url(page, "same_population", anchor(form["same_population"])),
            key="same_population",
        )
    ]
    if same:
        field = form.fields["clients_per_year"]
        population = assessment.clients_per_year
        detail = ""
        if population is not None:
            sure = people_confidence(assessment)
            defaults = default_range("clients_per_year", population, sure)
            detail = RangeOf(field, "", sure_words(sure)).words(
                assessment.clients_per_year_low,
                assessment.clients_per_year_high,
                *(_decimal(end) for end in defaults),
            )
        rows.append(
            AnswerRow(
                label=str(field.label),
                value=shown(field, population, ""),
                required=True,
                url=change_url(page, "clients_per_year", anchor(form["clients_per_year"])),
                key="clients_per_year",
                detail=detail,
            )
        )
    compared = ComparatorForm(instance=assessment)
    rows.append(
        AnswerRow(
            label=str(compared.fields["comparator_is_now"].label),
            value=NOW_IS_AN_OPTION if assessment.comparator_is_now else ALL_NEW,
            required=False,
            url=change_url(
                reverse("assessments:comparator_kind", args=[assessment.code]),
                "comparator_is_now",
                anchor(compared["comparator_is_now"]),
            ),
            key="comparator_is_now",
        )
    )
    return AnswerGroup("Who the options serve", rows)


def _option_value(assessment, option, name, field, currency) -> str | None:
    """An option's answer, or, where it is blank and the scoring works it out, how."""
    if name == "take_up" and option.take_up is None:
        # Blank means the option reaches everyone.
        population = assessment.clients_per_year
        if population is None:
            return f"{NOT_GIVEN}: all of them"
        return f"{NOT_GIVEN}: all of them, {counted(format_number(population), 'people')} a year"
    if name == "hours_per_client" and option.hours_per_client is None and option.co_produced:
        people, each = assessment.co_producers_per_year, assessment.hours_per_co_producer
        if people is None or each is None:
            return (
                f"{NOT_GIVEN}: to be worked out from the people who take part and the hours "
                "each gives, once you give them"
            )
        total = counted(format_number(people * each, places=1), "hours")
        return (
            f"{NOT_GIVEN}: worked out as {format_number(people)} × "
            f"{format_number(each, places=1)} = {total} a year in all"
        )
    return shown(field, getattr(option, name), currency)


def _option_range(form, option, name, currency) -> str:
    """The range of an option's figure, where its page asks one and the figure is given."""
    value = getattr(option, name)
    if value is None or f"{name}_low" not in form.fields:
        return ""
    if name == "take_up":  # a fraction to the scoring, a percentage here
        defaults = [100 * end for end in default_range(name, float(value) / 100, option.confidence)]
    else:
        defaults = default_range(SCORING_NAMES.get(name, name), value, option.confidence)
    if name in ("setup_cost", "annual_agency_cost"):
        defaults = [round_to_estimate(end) for end in defaults]
    return RangeOf(form.fields[name], currency, sure_words(option.confidence)).words(
        getattr(option, f"{name}_low"),
        getattr(option, f"{name}_high"),
        *(_decimal(end) for end in defaults),
    )


def _option_groups(assessment, currency) -> list[AnswerGroup]:
    groups = [_people_group(assessment)]
    for option in assessment.ordered_options:
        form = OptionForm(instance=option, assessment=assessment)
        page = reverse("assessments:option", args=[assessment.code, option.code])
        rows = []
        # The page asks either the option's clients or its share of the same people.
        for name in OptionForm.Meta.fields:
            if name not in form.fields or name == "name" or name in FIGURE_RANGE_FIELDS:
                continue
            field = form.fields[name]
            key = f"{name}-{option.code.hex}"
            rows.append(
                AnswerRow(
                    label=OPTION_LABELS[name],
                    value=_option_value(assessment, option, name, field, currency),
                    required=name not in (*OPTIONAL_COST_FIELDS, "description"),
                    url=change_url(page, key, anchor(form[name])),
                    key=key,
                    detail=_option_range(form, option, name, currency),
                )
            )
        tags = ("comparator",) if option.comparator else ()
        groups.append(AnswerGroup(option.name, rows, tags, card=True))
    return groups


def _quality_groups(assessment) -> list[AnswerGroup]:
    form = QualityGridForm(assessment=assessment)
    page = reverse("assessments:quality", args=[assessment.code])
    groups = []
    for option in assessment.ordered_options:
        rows = []
        for rating in RATING_FIELDS:
            field = form[QualityGridForm.field_name(rating, option)]
            value = getattr(option, rating)
            detail = ""
            if value is not None:
                detail = RangeOf(None, "", sure_words(option.confidence)).words(
                    getattr(option, f"{rating}_low"),
                    getattr(option, f"{rating}_high"),
                    *(_decimal(end) for end in default_range(rating, value, option.confidence)),
                )
            key = f"{rating}-{option.code.hex}"
            rows.append(
                AnswerRow(
                    label=RATING_QUESTIONS[rating][0],
                    # The grid's choices are keyed by text: "4 – very good".
                    value=shown(field.field, None if value is None else str(value), ""),
                    required=True,
                    url=change_url(page, key, field.id_for_label),
                    key=key,
                    detail=detail,
                )
            )
        groups.append(AnswerGroup(option.name, rows, card=True))
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
    if not assessment.appraisal_confirmed:
        # Filled in from the agency's defaults, so answered; but not yet looked at.
        appraisal = SECTIONS_BY_SLUG["appraisal"]
        missing.append(
            (
                f"{appraisal.title}: check your agency's usual settings and press Continue",
                f"{appraisal.url(assessment)}?return=check",
            )
        )
    return missing
