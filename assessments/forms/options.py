"""Forms of the options part: adding an option, one option's costs, and the quality grid.

Every message names the option it is about, so a manager with six options knows which
box to fix. Rules the database cannot hold (at least one co-produced option, names that
differ) are checked here against the options already read for the page.
"""

from copy import deepcopy
from decimal import Decimal

from crispy_forms.bootstrap import InlineRadios
from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Fieldset, Layout, Row
from django import forms
from django.utils.html import escape

from assessments.choices import RATING_CHOICES, Confidence
from assessments.forms.sections import (
    InPythonRules,
    RefusesStaleSaves,
    YesNoField,
    layout_item,
)
from assessments.models import Option
from assessments.models.fields import PER_CLIENT_PLACES
from assessments.models.option import RANGED_FIELDS
from assessments.scoring import LIMITS, OPTIMISM_BIAS_UPLIFT, RATING_FIELDS
from assessments.scoring.uncertainty import default_range
from coprod_site.glossary import term_link
from coprod_site.numbers import (
    PEOPLE_WORDS,
    AmountField,
    PercentField,
    WholeNumberField,
    currency_sign,
    format_money,
    format_number,
    number_messages,
    round_to_estimate,
)
from coprod_site.text import limit_hint, too_long

RATING_QUESTIONS = {
    "effectiveness": ("Effectiveness", "Does it achieve what the service is for?"),
    "consistency": ("Consistency across areas", "Is it as good in every area and for everyone?"),
    "trust": ("Trust and responsiveness", "Do clients trust it, and does it respond to them?"),
    "experience": ("Client experience", "How do clients find it?"),
}
NAME_MAX_LENGTH = Option._meta.get_field("name").max_length
DESCRIPTION_MAX_LENGTH = Option._meta.get_field("description").max_length


class VersionedForm(RefusesStaleSaves, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


def _name_field(label, help_text=""):
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=NAME_MAX_LENGTH,
        error_messages={
            "required": "Enter a name for the option",
            "max_length": f"Keep the name to {NAME_MAX_LENGTH} characters or fewer",
        },
    )


def _check_name_is_new(form, name: str, others) -> None:
    if name and any(other.name.casefold() == name.casefold() for other in others):
        form.add_error("name", f"Another option is already called “{name}”: choose another name")


class AddOptionForm(VersionedForm):
    name = _name_field(
        "Name of the new option",
        "A few words your colleagues will recognise, like 'Pre-filled online returns'.",
    )
    co_produced = YesNoField(label="Do co-producers do part of the work in this option?")

    def __init__(self, *args, assessment, **kwargs):
        super().__init__(*args, **kwargs)
        self.assessment = assessment
        self.fields["version"].initial = assessment.version
        self.fields["co_produced"].required = True
        self.fields["co_produced"].error_messages["required"] = (
            "Say whether co-producers do part of the work in the new option"
        )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        _check_name_is_new(self, name, self.assessment.ordered_options)
        return name


# The figures on an option's page that may carry a range (the ratings' are on the grid).
FIGURE_RANGES = tuple(name for name in RANGED_FIELDS if name not in RATING_FIELDS)
FIGURE_RANGE_FIELDS = tuple(f"{name}_{end}" for name in FIGURE_RANGES for end in ("low", "high"))


class OptionForm(RefusesStaleSaves, InPythonRules, forms.ModelForm):
    """One option's page: its name and description, and its costs and take-up."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    co_produced = YesNoField(label="Do co-producers do part of the work in this option?")

    class Meta:
        model = Option
        fields = [
            "name",
            "description",
            "co_produced",
            "setup_cost",
            "annual_agency_cost",
            "hours_per_client",
            "money_per_client",
            "clients_per_year",
            "take_up",
            "ramp_up_years",
            "confidence",
            *FIGURE_RANGE_FIELDS,
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "confidence": forms.RadioSelect,
        }

    def name_in_messages(self) -> str:
        """The option's name as the messages should say it: as just typed, when the same
        post renames it, so the errors name the option the manager now sees."""
        typed = " ".join(str(self.data.get(self.add_prefix("name"), "")).split())
        if self.is_bound and 0 < len(typed) <= NAME_MAX_LENGTH:
            return typed
        return self.instance.name

    def __init__(self, *args, assessment, **kwargs):
        super().__init__(*args, **kwargs)
        self.assessment = assessment
        name = self.name_in_messages()
        of = f"of {name}"
        self.currency = assessment.money_currency
        sign = currency_sign(self.currency)
        self.fields["version"].initial = assessment.version
        self.fields["name"] = _name_field("Name of the option")
        self.fields["description"].label = "What happens in this option? (optional)"
        self.fields["description"].error_messages["max_length"] = too_long(
            "the description", DESCRIPTION_MAX_LENGTH
        )
        self.fields["description"].help_text = limit_hint(DESCRIPTION_MAX_LENGTH)
        self.fields["co_produced"].required = True
        self.fields["co_produced"].error_messages["required"] = (
            f"Say whether co-producers do part of the work in {name}"
        )

        def money(label, what, help_text="", required=True, period=None):
            return AmountField(
                label=label,
                help_text=help_text,
                unit=sign,
                unit_before=True,
                period=period,
                required=False,
                min_value=0,
                max_value=LIMITS.money,
                max_digits=14,
                decimal_places=2,
                error_messages=number_messages(
                    f"{what} {of}", example="2,600,000 or 2.6m", limit=LIMITS.money
                ),
            )

        self.fields["setup_cost"] = money(
            "One-off cost to set it up",
            "the one-off set-up cost",
            "Building, buying, training or publicity before it starts. Enter 0 if there is none.",
        )
        self.fields["annual_agency_cost"] = money(
            "Cost to the agency each year, once running",
            "the cost to the agency each year",
            "Staff, contracts, systems and materials: everything the agency pays each year.",
            period="year",
        )
        self.same_population = bool(assessment.same_population)
        fallback = ""
        if assessment.co_producers_per_year is not None and assessment.hours_per_co_producer:
            total = assessment.co_producers_per_year * assessment.hours_per_co_producer
            fallback = (
                f" ({assessment.co_producers_per_year:,} people × "
                f"{assessment.hours_per_co_producer.normalize():f} hours, "
                f"{format_number(total)} hours a year in all)"
            )
        self.fields["hours_per_client"] = AmountField(
            label="Hours citizens or clients give for each client served, in a year (optional)",
            help_text="For each client, so the total grows with the number served: 7.5 for "
            "seven and a half hours a year. For a co-produced option you may leave it blank to "
            f"use the people and hours you gave earlier{fallback}; for other options, blank "
            "means none.",
            unit="hours",
            period="year",
            required=False,
            min_value=0,
            max_value=LIMITS.hours_a_year,
            max_digits=24,
            decimal_places=PER_CLIENT_PLACES,
            error_messages=number_messages(
                f"the hours given for each client {of}", example="7.5", limit=LIMITS.hours_a_year
            ),
        )
        self.fields["money_per_client"] = AmountField(
            label="Money citizens or clients spend to take part, for each client served, in a "
            "year (optional)",
            help_text="Fees, travel, equipment: for each client, so the total grows with the "
            "number served. Leave blank if none.",
            unit=sign,
            unit_before=True,
            period="year",
            required=False,
            min_value=0,
            max_value=LIMITS.money,
            max_digits=24,
            decimal_places=PER_CLIENT_PLACES,
            error_messages=number_messages(
                f"the money spent for each client {of}", example="12.50", limit=LIMITS.money
            ),
        )
        self.fields["clients_per_year"] = WholeNumberField(
            label="Clients served each year, once take-up is full",
            words=PEOPLE_WORDS,
            period="year",
            required=False,
            min_value=0,
            max_value=LIMITS.clients_a_year,
            error_messages=number_messages(
                f"the clients served each year {of}",
                example="2,000 or 2k",
                limit=LIMITS.clients_a_year,
            ),
        )
        population = assessment.clients_per_year
        people = f"the {format_number(population)} people" if population else "the people"
        self.fields["take_up"] = PercentField(
            label=f"What share of {people} served does this option reach, once take-up is "
            "full? (optional)",
            help_text="Every option serves the same people. Leave it blank if this one "
            "reaches all of them.",
            unit="%",
            required=False,
            min_value=0,
            max_value=100,
            max_digits=5,
            decimal_places=2,
            error_messages=number_messages(f"the share reached {of}", example="80", limit=100),
        )
        # One of the two is asked: the option's own clients, or its share of the same people.
        unasked = "clients_per_year" if self.same_population else "take_up"
        for name in (unasked, f"{unasked}_low", f"{unasked}_high"):
            self.fields.pop(name, None)
        self.figure_ranges = tuple(name for name in FIGURE_RANGES if name != unasked)
        self.fields["ramp_up_years"] = WholeNumberField(
            label="Years until everyone who will use it does (optional)",
            help_text="A new way of working takes time to catch on: clients, hours and money "
            "then grow evenly until this year. Leave blank if it is in full use from the "
            f"first year. {term_link('take-up', 'About take-up')}",
            unit="years",
            required=False,
            min_value=0,
            max_value=LIMITS.ramp_up_years,
            error_messages=number_messages(
                f"the years to full take-up {of}", example="3", limit=LIMITS.ramp_up_years
            ),
        )
        self.fields["confidence"].label = "How sure are you of these figures?"
        self.fields["confidence"].help_text = (
            "Estimates tend to be too hopeful, so costs are raised to allow for it: by 10% if "
            "you are very sure, 25% if fairly sure and 50% if it is a rough guess. "
            f"{term_link('optimism-bias', 'About this allowance')}"
        )
        self.fields["confidence"].choices = list(Confidence.choices)
        self.fields["confidence"].error_messages["invalid_choice"] = (
            f"Choose how sure you are of the figures {of}"
        )
        self._add_ranges(of)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            "version",
            Fieldset("The option", "name", "description", "co_produced"),
            Fieldset(
                "Costs",
                *(
                    layout_item(self, name)
                    for name in (
                        "setup_cost",
                        "annual_agency_cost",
                        "hours_per_client",
                        "money_per_client",
                    )
                ),
            ),
            Fieldset(
                "Take-up",
                *(
                    layout_item(self, name)
                    for name in ("take_up" if self.same_population else "clients_per_year",)
                ),
                layout_item(self, "ramp_up_years"),
            ),
            InlineRadios("confidence"),
            HTML(self._allowance_note()),
            *self._range_layout(),
        )

    def _allowance_note(self) -> str:
        """What the allowance for optimism adds to this option's costs at each level of
        confidence, in money: worked out here from the figures on the page, and again by
        option-allowance.js as the manager types them."""
        figures = [_typed_amount(self, name) for name in ("setup_cost", "annual_agency_cost")]
        words = escape(allowance_words(*figures, self.currency))
        uplifts = ",".join(
            f"{code}:{OPTIMISM_BIAS_UPLIFT[code]}" for code in ("high", "medium", "low")
        )
        return (
            f'<p class="allowance-note form-text" id="allowance-note" aria-live="polite" '
            f'data-currency="{escape(self.currency)}" data-uplifts="{uplifts}">{words}</p>'
        )

    def _add_ranges(self, of: str) -> None:
        """A lowest and a highest box for each figure, of the same kind as the figure's."""
        for name in self.figure_ranges:
            figure = self.fields[name]
            for end, word in (("low", "lowest"), ("high", "highest")):
                field = deepcopy(figure)
                field.label = word.capitalize()
                field.help_text = ""
                what = str(figure.error_messages["invalid"]).split(" as a number")[0]
                what = what.removeprefix("Enter ")
                # The error summary names the box in full, not "Highest:".
                field.summary_label = f"The {word} {what.removeprefix('the ')}"
                field.error_messages = {
                    **figure.error_messages,
                    **number_messages(
                        f"the {word} {what.removeprefix('the ')}",
                        example=str(figure.error_messages["invalid"]).split("like ")[-1],
                        limit=figure.max_value,
                    ),
                }
                self.fields[f"{name}_{end}"] = field

    def _range_layout(self):
        """The ranges, folded away under a question, open when any is given or wrong."""
        option, assessment = self.instance, self.assessment
        confidence = self["confidence"].value() or option.confidence
        ranged = {f"{name}_{end}" for name in self.figure_ranges for end in ("low", "high")}
        opened = self.errors.keys() & ranged or any(
            getattr(option, name) is not None for name in ranged
        )
        items = [
            HTML(
                f'<details class="ranges mt-4"{" open" if opened else ""}>'
                "<summary>How far might these figures be out? (optional)</summary>"
                f'<p class="mt-2">{escape(range_intro(confidence))}</p>'
            )
        ]
        currency = assessment.money_currency
        for name in self.figure_ranges:
            note = default_range_note(name, getattr(option, name), confidence, currency)
            items.append(
                Fieldset(
                    str(self.fields[name].label).removesuffix(" (optional)"),
                    Row(
                        Column(layout_item(self, f"{name}_low"), css_class="col-sm-6"),
                        Column(layout_item(self, f"{name}_high"), css_class="col-sm-6"),
                    ),
                    HTML(f'<p class="form-text mt-0">{escape(note)}</p>') if note else HTML(""),
                    css_class="range-pair",
                )
            )
        items.append(HTML("</details>"))
        return items

    def clean(self):
        cleaned = super().clean()
        for name in self.figure_ranges:
            check_range(self, name, cleaned, str(self.fields[name].label))
        self._check_totals(cleaned)
        return cleaned

    def _check_totals(self, cleaned: dict) -> None:
        """Hours and money for each client, times the clients, must stay within what a year's
        total may be (so every result fits its column)."""
        if self.same_population:
            population = self.assessment.clients_per_year
            share = cleaned.get("take_up")
            clients = None if population is None else population * (share or 100) / 100
        else:
            clients = cleaned.get("clients_per_year")
        if not clients:
            return
        name = self.name_in_messages()
        for field, limit, what in (
            ("hours_per_client", LIMITS.hours_a_year, f"{LIMITS.hours_a_year:,} hours"),
            ("money_per_client", LIMITS.money, format_money(LIMITS.money, self.currency)),
        ):
            for end in ("", "_low", "_high"):
                each = cleaned.get(f"{field}{end}")
                if each is not None and each * clients > limit and f"{field}{end}" in self.fields:
                    self.add_error(
                        f"{field}{end}",
                        f"For all the clients of {name} this comes to more than {what} a "
                        "year. Check the figure for each client",
                    )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        others = [o for o in self.assessment.ordered_options if o.pk != self.instance.pk]
        _check_name_is_new(self, name, others)
        return name

    def clean_co_produced(self):
        co_produced = self.cleaned_data["co_produced"]
        others = [o for o in self.assessment.ordered_options if o.pk != self.instance.pk]
        if co_produced is False and not any(other.co_produced for other in others):
            raise forms.ValidationError(
                "At least one option must have co-producers doing part of the work. Add "
                "another co-produced option first, or answer Yes here"
            )
        return co_produced

    def save_option(self) -> bool:
        """Save the option (already updated by validation); False if someone saved since."""
        return self.assessment.save_answers(
            (), self.cleaned_data["version"], options=[(self.instance, self._meta.fields)]
        )


def _typed_amount(form, name: str):
    """The figure in a box as it stands on the page: what was typed, if it reads as an
    amount, else what is saved."""
    if not form.is_bound:
        return getattr(form.instance, name)
    try:
        return form.fields[name].clean(form[name].value())
    except forms.ValidationError:
        return None


def allowance_words(setup, yearly, currency: str) -> str:
    """What the allowance for optimism adds to a set-up cost and a yearly cost, at each
    level of confidence."""
    if setup is None or yearly is None:
        return (
            "Once you give the set-up and yearly costs, this says what the allowance adds to them."
        )

    def adds(code: str) -> tuple[str, str]:
        uplift = Decimal(str(OPTIMISM_BIAS_UPLIFT[code]))
        return tuple(
            format_money(round(figure * uplift, 2), currency) for figure in (setup, yearly)
        )

    (high_setup, high_yearly), medium, low = adds("high"), adds("medium"), adds("low")
    return (
        f"With these costs, the allowance adds {high_setup} to the set-up cost and "
        f"{high_yearly} a year at high confidence; {medium[0]} and {medium[1]} a year at "
        f"medium; or {low[0]} and {low[1]} a year at low. The report shows the costs with it."
    )


def range_intro(confidence: str | None) -> str:
    words = {
        "high": "very sure of them: 10% either side of each figure",
        "medium": "fairly sure of them: 25% either side of each figure",
    }.get(confidence or "", "giving a rough guess: 50% either side of each figure")
    return (
        "Give the lowest and highest each figure could realistically be, and the report says "
        "how likely the best option is to stay the best. Any range you leave empty follows "
        f"how sure you said you are; at present you are {words}."
    )


# The scoring's name for a figure the model holds for each client (its defaults are alike).
SCORING_NAMES = {
    "hours_per_client": "annual_co_producer_hours",
    "money_per_client": "annual_co_producer_money",
}


def default_range_note(name: str, value, confidence: str | None, currency: str) -> str:
    """What is used when this figure's range is left empty, in figures."""
    if value is None:
        return ""
    if name == "take_up":
        low, high = (100 * end for end in default_range(name, value / 100, confidence))
    else:
        low, high = default_range(SCORING_NAMES.get(name, name), value, confidence)
    if low == high:
        return ""
    if name in ("setup_cost", "annual_agency_cost"):
        shown = [format_money(round_to_estimate(end), currency) for end in (low, high)]
    elif name == "money_per_client":
        shown = [format_money(end, currency) for end in (low, high)]
    elif name == "take_up":
        shown = [f"{format_number(end, places=1)}%" for end in (low, high)]
    else:
        shown = [format_number(round_to_estimate(end), places=1) for end in (low, high)]
    return f"Left empty, we use {shown[0]} to {shown[1]}."


def check_range(form, name: str, cleaned: dict, label: str) -> None:
    """The lowest must not be above the estimate, nor the highest below it."""
    value, low, high = (cleaned.get(n) for n in (name, f"{name}_low", f"{name}_high"))
    what = label.removesuffix(" (optional)").lower()
    if low is not None and high is not None and low > high:
        form.add_error(f"{name}_high", f"The highest {what} must not be below the lowest")
    elif value is not None:
        if low is not None and low > value:
            form.add_error(f"{name}_low", f"The lowest {what} must not be above your estimate")
        if high is not None and high < value:
            form.add_error(f"{name}_high", f"The highest {what} must not be below your estimate")


class QualityGridForm(VersionedForm):
    """Every option's four quality ratings on one page, so options are compared as rated.

    Fields are named `<rating>-<option code>`; each one's label names the option.
    """

    def __init__(self, *args, assessment, **kwargs):
        super().__init__(*args, **kwargs)
        self.assessment = assessment
        self.fields["version"].initial = assessment.version
        choices = [("", "Choose a rating"), *((str(v), label) for v, label in RATING_CHOICES)]
        self.rows = []
        for rating in RATING_FIELDS:
            title, question = RATING_QUESTIONS[rating]
            cells = []
            for option in assessment.ordered_options:
                bound = []
                for end, words in (("", ""), ("_low", "lowest "), ("_high", "highest ")):
                    name = self.field_name(f"{rating}{end}", option)
                    self.fields[name] = forms.TypedChoiceField(
                        label=f"{title}: {option.name}" if not end else words.strip().capitalize(),
                        choices=choices if not end else [("", "As usual"), *choices[1:]],
                        coerce=int,
                        empty_value=None,
                        required=False,
                        initial=getattr(option, f"{rating}{end}"),
                        error_messages={
                            "invalid_choice": f"Choose a {words}rating from 1 to 5 for "
                            f"{title.lower()} of {option.name}"
                        },
                    )
                    if end:  # the error summary names the box in full, not "Highest:"
                        self.fields[name].summary_label = (
                            f"{words.strip().capitalize()} rating for {title.lower()} of "
                            f"{option.name}"
                        )
                    bound.append(self[name])
                cells.append((option, *bound))
            self.rows.append((title, question, cells))

    def clean(self):
        cleaned = super().clean()
        for option in self.assessment.ordered_options:
            for rating in RATING_FIELDS:
                value, low, high = (
                    cleaned.get(self.field_name(f"{rating}{end}", option))
                    for end in ("", "_low", "_high")
                )
                what = f"rating for {RATING_QUESTIONS[rating][0].lower()} of {option.name}"
                if low is not None and high is not None and low > high:
                    self.add_error(
                        self.field_name(f"{rating}_high", option),
                        f"The highest {what} must not be below the lowest",
                    )
                elif value is not None and low is not None and low > value:
                    self.add_error(
                        self.field_name(f"{rating}_low", option),
                        f"The lowest {what} must not be above the rating itself",
                    )
                elif value is not None and high is not None and high < value:
                    self.add_error(
                        self.field_name(f"{rating}_high", option),
                        f"The highest {what} must not be below the rating itself",
                    )
        return cleaned

    @staticmethod
    def field_name(rating: str, option: Option) -> str:
        return f"{rating}-{option.code.hex}"

    def save_ratings(self) -> bool:
        options = self.assessment.ordered_options
        names = [f"{rating}{end}" for rating in RATING_FIELDS for end in ("", "_low", "_high")]
        for option in options:
            for name in names:
                setattr(option, name, self.cleaned_data[self.field_name(name, option)])
        return self.assessment.save_answers(
            (), self.cleaned_data["version"], options=[(o, names) for o in options]
        )
