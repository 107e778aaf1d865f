"""Forms of the outcomes part: the price year, adding an outcome, and one outcome's effects.

An outcome's price is a published reference value, copied with its source, or a value of
the agency's own with its reason. Its effects are typed for each option like the option's
figures (so "-0.5", "1.2k" and "£20k" read as on the option pages), and each message names
the option it is about.
"""

from datetime import date
from decimal import Decimal

from crispy_forms.bootstrap import InlineRadios
from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Fieldset, Layout, Row
from django import forms
from django.core.validators import URLValidator
from django.utils.html import escape, format_html

from assessments.forms.options import VersionedForm
from assessments.forms.sections import YesNoField, layout_item
from assessments.models.outcome import EFFECT_LIMIT, REASON_MAX, OutcomeMeasure
from coprod_site.numbers import (
    AmountField,
    WholeNumberField,
    currency_sign,
    format_money,
    format_number,
    number_messages,
)
from coprod_site.text import limit_hint, too_long
from services import deflators
from services.models import EffectSpread
from services.models.reference_values import UNIT_VALUE_LIMIT

OWN_VALUE = "own"
NAME_MAX = OutcomeMeasure._meta.get_field("name").max_length
UNIT_MAX = OutcomeMeasure._meta.get_field("unit").max_length
URL_MAX = OutcomeMeasure._meta.get_field("source_url").max_length
AS_DIFFERENCE = "Differences from {comparator}, as a trial or review reports them"
AS_LEVELS = "A level for each option"


def price_years(currency: str, *, also=None) -> list[int]:
    """The years a price year may be: those the price index covers, this year, and `also`
    (the year already chosen), newest first."""
    years = set(deflators.years(currency)) | {date.today().year}
    if also is not None:
        years.add(also)
    return sorted(years, reverse=True)


def _helper(layout=None) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    if layout is not None:
        helper.layout = layout
    return helper


class PriceYearForm(VersionedForm):
    """Which year's prices the assessment's money is in; every outcome's value follows."""

    price_year = forms.TypedChoiceField(
        label="Which year's prices are your figures in?",
        help_text="Usually this year, or the year your costs were worked out in. Published "
        "values are brought to this year's prices with the GDP deflator where we have it.",
        coerce=int,
        empty_value=None,
        required=False,
    )

    def __init__(self, *args, assessment, **kwargs):
        super().__init__(*args, **kwargs)
        self.assessment = assessment
        self.fields["version"].initial = assessment.version
        self.fields["price_year"].initial = assessment.price_year
        years = price_years(assessment.money_currency, also=assessment.price_year)
        self.fields["price_year"].choices = [
            ("", "Not said: use each value as published"),
            *((year, str(year)) for year in years),
        ]
        self.fields["price_year"].error_messages["invalid_choice"] = (
            "Choose a year from the list for the prices your figures are in"
        )
        self.helper = _helper()


def reference_value_label(value, currency: str):
    """A reference value as its radio button says it: what, how much, and whose figure."""
    spread = ""
    if value.low != value.value or value.high != value.value:
        spread = (
            f" (from {format_money(value.low, currency)} to {format_money(value.high, currency)})"
        )
    return format_html(
        '<span class="fw-semibold">{}</span><br><span class="small">{} for {}{}, in {} prices, '
        '{}.</span><br><span class="small text-body-secondary">Source: {}</span>',
        value.name,
        format_money(value.value, currency),
        value.unit,
        spread,
        value.price_year,
        value.country,
        value.citation,
    )


class AddOutcomeForm(VersionedForm):
    """A published reference value, or a value of the agency's own with its reason."""

    reference_value = forms.ChoiceField(
        label="What will you value?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a published value, or a value of your own"},
    )

    def __init__(self, *args, assessment, reference_values, **kwargs):
        super().__init__(*args, **kwargs)
        self.assessment = assessment
        self.currency = currency = assessment.money_currency
        sign = currency_sign(currency)
        self.reference_values = {str(value.code): value for value in reference_values}
        self.fields["version"].initial = assessment.version
        self.fields["reference_value"].choices = [
            *(
                (code, reference_value_label(v, currency))
                for code, v in self.reference_values.items()
            ),
            (OWN_VALUE, "A value of your own"),
        ]
        self.fields["name"] = forms.CharField(
            label="What changes",
            help_text="As your colleagues would say it, like “Falls at home prevented”.",
            max_length=NAME_MAX,
            required=False,
            error_messages={"max_length": too_long("what changes", NAME_MAX)},
        )
        self.fields["unit"] = forms.CharField(
            label="One unit",
            help_text="What one unit is, like “one fall”.",
            max_length=UNIT_MAX,
            required=False,
            error_messages={"max_length": too_long("the unit", UNIT_MAX)},
        )
        for name, label, what in (
            ("unit_value", "Value of one unit", "the value of one unit"),
            ("unit_value_low", "Lowest it might be (optional)", "the lowest value of one unit"),
            ("unit_value_high", "Highest it might be (optional)", "the highest value of one unit"),
        ):
            self.fields[name] = AmountField(
                label=label,
                unit=sign,
                unit_before=True,
                required=False,
                min_value=0,
                max_value=UNIT_VALUE_LIMIT,
                max_digits=14,
                decimal_places=2,
                error_messages=number_messages(what, example="2,500", limit=UNIT_VALUE_LIMIT),
            )
        self.fields["price_year"] = WholeNumberField(
            label="The year whose prices it is in",
            required=False,
            min_value=1900,
            max_value=2100,
            initial=assessment.price_year or date.today().year,
            error_messages={
                **number_messages("the price year of your value", example="2024", whole=True),
                "min_value": "Enter the price year of your value as a year from 1900 to 2100",
                "max_value": "Enter the price year of your value as a year from 1900 to 2100",
            },
        )
        self.fields["reason"] = forms.CharField(
            label="Where it comes from, and why you use it",
            help_text="Say who worked it out and how, so a reader can judge it. "
            + limit_hint(REASON_MAX),
            widget=forms.Textarea(attrs={"rows": 3}),
            max_length=REASON_MAX,
            required=False,
            error_messages={"max_length": too_long("where the value comes from", REASON_MAX)},
        )
        self.fields["source_url"] = forms.URLField(
            label="Web address of the source (optional)",
            max_length=URL_MAX,
            required=False,
            assume_scheme="https",
            validators=[URLValidator(schemes=["http", "https"])],
            error_messages={
                "invalid": "Enter the web address of the source, like https://example.org/report",
                "max_length": too_long("the web address", URL_MAX),
            },
        )
        self.helper = _helper(
            Layout(
                "version",
                "reference_value",
                Fieldset(
                    "A value of your own",
                    HTML(
                        '<p class="form-text mt-0">Fill these in only if you chose a value of '
                        "your own.</p>"
                    ),
                    "name",
                    "unit",
                    layout_item(self, "unit_value"),
                    Row(
                        Column(layout_item(self, "unit_value_low"), css_class="col-sm-6"),
                        Column(layout_item(self, "unit_value_high"), css_class="col-sm-6"),
                    ),
                    "price_year",
                    "reason",
                    "source_url",
                    css_class="own-value",
                ),
            )
        )

    @property
    def own_value(self) -> bool:
        return self.cleaned_data.get("reference_value") == OWN_VALUE

    def clean(self):
        cleaned = super().clean()
        choice = cleaned.get("reference_value")
        if choice == OWN_VALUE:
            self._clean_own_value(cleaned)
        elif choice is not None:
            cleaned["name"] = self.reference_values[choice].name
        name = (cleaned.get("name") or "").strip()
        taken = {outcome.name.casefold() for outcome in self.assessment.ordered_outcomes}
        if name and name.casefold() in taken:
            field = "name" if choice == OWN_VALUE else "reference_value"
            self.add_error(field, f"You have already added an outcome called “{name}”")
        return cleaned

    def _clean_own_value(self, cleaned: dict) -> None:
        for name, message in (
            ("name", "Enter what changes"),
            ("unit", "Enter what one unit is"),
            ("unit_value", "Enter the value of one unit"),
            ("price_year", "Enter the price year of your value"),
            ("reason", "Say where your value comes from and why you use it"),
        ):
            value = cleaned.get(name)
            if isinstance(value, str):
                value = cleaned[name] = value.strip()
            if value in (None, "") and name not in self.errors:
                self.add_error(name, message)
        value, low, high = (
            cleaned.get(n) for n in ("unit_value", "unit_value_low", "unit_value_high")
        )
        if value is None:
            return
        if low is not None and low > value:
            self.add_error("unit_value_low", "The lowest value must not be above the value")
        if high is not None and high < value:
            self.add_error("unit_value_high", "The highest value must not be below the value")

    def measure(self, position: int) -> OutcomeMeasure:
        """The new outcome, unsaved, at this position, its price brought to the assessment's
        price year."""
        data = self.cleaned_data
        if self.own_value:
            value = data["unit_value"]
            measure = OutcomeMeasure(
                name=data["name"],
                unit=data["unit"],
                unit_value=value,
                unit_value_low=value if data["unit_value_low"] is None else data["unit_value_low"],
                unit_value_high=value
                if data["unit_value_high"] is None
                else data["unit_value_high"],
                currency=self.currency,
                price_year=data["price_year"],
                reason=data["reason"],
                source_url=data["source_url"],
            )
        else:
            # A copy: a later correction of the library never changes this assessment.
            reference = self.reference_values[data["reference_value"]]
            measure = OutcomeMeasure(
                reference_value=reference,
                name=reference.name,
                unit=reference.unit,
                unit_value=reference.value,
                unit_value_low=reference.low,
                unit_value_high=reference.high,
                currency=reference.currency,
                price_year=reference.price_year,
                source=reference.citation[: OutcomeMeasure._meta.get_field("source").max_length],
                source_url=reference.url,
            )
        measure.assessment = self.assessment
        measure.position = position
        measure.bring_to(self.assessment.price_year)
        return measure


class OutcomeEffectsForm(VersionedForm):
    """How the effects are given, and each option's change for each client a year.

    Fields are named `<figure>-<option code>`, figure one of estimate, low, high, spread.
    The comparator is asked only when the effects are levels: as differences, its own is
    none by definition.
    """

    FIGURES = ("estimate", "low", "high", "spread")

    def __init__(self, *args, assessment, measure, comparator_words: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.assessment = assessment
        self.measure = measure
        self.fields["version"].initial = assessment.version
        self.fields["as_difference"] = YesNoField(
            label="How are the effects given?",
            initial=measure.as_difference,
        )
        self.fields["as_difference"].choices = [
            ("True", AS_DIFFERENCE.format(comparator=comparator_words)),
            ("False", AS_LEVELS),
        ]
        self.fields["as_difference"].required = True
        self.fields["as_difference"].error_messages["required"] = "Say how the effects are given"
        effects = {effect.option_id: effect for effect in measure.ordered_effects}
        limit = format_number(EFFECT_LIMIT)
        self.option_rows = []
        for option in assessment.ordered_options:
            effect = effects.get(option.pk)
            of = f"{measure.name} for {option.name}"
            for figure, label, what in (
                ("estimate", "Change for each client a year", f"the change in {of}"),
                ("low", "Lowest", f"the lowest change in {of}"),
                ("high", "Highest", f"the highest change in {of}"),
            ):
                self.fields[self.field_name(figure, option)] = AmountField(
                    label=label,
                    required=False,
                    min_value=-EFFECT_LIMIT,
                    max_value=EFFECT_LIMIT,
                    max_digits=16,
                    decimal_places=6,
                    initial=getattr(effect, figure, None),
                    error_messages={
                        **number_messages(what, example="0.02", limit=EFFECT_LIMIT),
                        "min_value": f"Enter {what} as -{limit} or more",
                        "max_value": f"Enter {what} as {limit} or less",
                    },
                )
                # The error summary names the box in full, not "Highest:".
                self.fields[self.field_name(figure, option)].summary_label = what.capitalize()
            self.fields[self.field_name("spread", option)] = forms.ChoiceField(
                label="The lowest and highest are",
                choices=EffectSpread.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=getattr(effect, "spread", "") or None,
                error_messages={
                    "invalid_choice": f"Choose what the lowest and highest of {of} are"
                },
            )
            self.option_rows.append(option)
        self.helper = _helper(self._layout(comparator_words))

    @staticmethod
    def field_name(figure: str, option) -> str:
        return f"{figure}-{option.code.hex}"

    def as_difference_value(self) -> bool:
        """As the page now says: as typed when the form was sent, else as saved."""
        value = self["as_difference"].value()
        if value in (None, ""):
            return self.measure.as_difference
        return str(value) == "True"

    def asked(self, option) -> bool:
        return not (option.comparator and self.as_difference_value())

    def _layout(self, comparator_words: str):
        unit = escape(self.measure.unit)
        items = ["version", "as_difference"]
        for option in self.option_rows:
            if not self.asked(option):
                continue
            note = f" ({escape(comparator_words)})" if option.comparator else ""
            items.append(
                Fieldset(
                    f"{escape(option.name)}{note}",
                    HTML(
                        f'<p class="form-text mt-0">Counting {unit} as 1, for each client a year; '
                        "negative for a fall. Leave blank if it makes no difference.</p>"
                    ),
                    self.field_name("estimate", option),
                    Row(
                        Column(self.field_name("low", option), css_class="col-sm-6"),
                        Column(self.field_name("high", option), css_class="col-sm-6"),
                    ),
                    InlineRadios(self.field_name("spread", option)),
                    css_class="effect-option",
                )
            )
        return Layout(*items)

    def clean(self):
        cleaned = super().clean()
        for option in self.option_rows:
            names = {figure: self.field_name(figure, option) for figure in self.FIGURES}
            if self.asked(option) and not self.errors.keys() & set(names.values()):
                self._check_effect(option, names, cleaned)
        return cleaned

    def _check_effect(self, option, names: dict, cleaned: dict) -> None:
        """Both ends or neither, around the change, and what they are."""
        estimate, low, high, spread = (cleaned.get(names[figure]) for figure in self.FIGURES)
        of = f"{self.measure.name} for {option.name}"
        if (low is None) != (high is None):
            end, word = ("high", "highest") if high is None else ("low", "lowest")
            self.add_error(names[end], f"Enter the {word} change in {of} too, or neither")
            return
        if low is None:
            return
        if estimate is None:
            self.add_error(names["estimate"], f"Enter the change in {of}, between the two")
        elif low > estimate:
            self.add_error(names["low"], f"The lowest change in {of} must not be above the change")
        elif high < estimate:
            self.add_error(
                names["high"], f"The highest change in {of} must not be below the change"
            )
        if not spread:
            self.add_error(names["spread"], f"Say what the lowest and highest of {of} are")

    def effects(self) -> dict:
        """{option: (estimate, low, high, spread) or None} for every option asked."""
        data = self.cleaned_data
        result = {}
        for option in self.option_rows:
            if not self.asked(option):
                result[option] = None
                continue
            estimate, low, high, spread = (data[self.field_name(f, option)] for f in self.FIGURES)
            if estimate is None:
                result[option] = None
            else:
                result[option] = (estimate, low, high, spread if low is not None else "")
        return result

    def changed_co_produced_figures(self) -> bool:
        """Whether a co-produced option's figure differs from what was saved: a study's
        effect, once changed, is the manager's own."""
        saved = {effect.option_id: effect for effect in self.measure.ordered_effects}
        for option, given in self.effects().items():
            if not option.co_produced or option.comparator:
                continue
            effect = saved.get(option.pk)
            before = None if effect is None else (effect.estimate, effect.low, effect.high)
            after = None if given is None else given[:3]
            if _figures(before) != _figures(after):
                return True
        return False


def _figures(values):
    """Figures compared by value: 0.020000 and 0.02 are the same figure."""
    if values is None:
        return None
    return tuple(None if v is None else Decimal(v).normalize() for v in values)
