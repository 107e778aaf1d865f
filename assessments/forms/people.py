"""Who the options serve: the same people for every option, or each its own clients.

When every option serves the same people, the number of them is asked once, here, and each
option gives the share of them it reaches; otherwise each option gives its own clients a
year on its own page.
"""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Fieldset, Layout, Row
from django import forms
from django.utils.html import escape

from assessments.choices import Confidence, Necessity, WorkRelation
from assessments.forms.sections import InPythonRules, RefusesStaleSaves, YesNoField, layout_item
from assessments.models import Assessment
from assessments.models.adapter import clients_served
from assessments.scoring import LIMITS
from assessments.scoring.uncertainty import default_range_words
from coprod_site.numbers import (
    PEOPLE_WORDS,
    WholeNumberField,
    format_money,
    format_number,
    number_messages,
)

PEOPLE_FIELDS = (
    "same_population",
    "clients_per_year",
    "clients_per_year_low",
    "clients_per_year_high",
)
SAME_PEOPLE = "Yes: they are different ways of serving the same people"
OWN_CLIENTS = "No: each option serves its own clients"
# From the surest to the least sure: the people are taken to be as sure as the least sure
# option (as the scoring does).
SURENESS = (Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW)


def same_people_by_default(assessment) -> bool:
    """Work that adds to a service is compared with the service without it, and necessary
    work done different ways is the same work: both serve the same people."""
    return (
        assessment.work_relation == WorkRelation.ADDS or assessment.necessity == Necessity.NECESSARY
    )


def people_confidence(assessment) -> str | None:
    """How sure the people served are taken to be: as sure as the least sure option; None
    when an option has not said (then it counts as a rough guess)."""
    given = [option.confidence for option in assessment.ordered_options]
    if not given or any(confidence not in SURENESS for confidence in given):
        return None
    return max(given, key=SURENESS.index)


class PeopleForm(RefusesStaleSaves, InPythonRules, forms.ModelForm):
    """Do all the options serve the same people, and if so how many a year."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Assessment
        fields = list(PEOPLE_FIELDS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        assessment = self.instance
        self.currency = assessment.money_currency
        self.fields["version"].initial = assessment.version
        self.fields["same_population"] = YesNoField(
            label="Do all the options serve the same people?",
            help_text="Say yes when the options are different ways of serving one group of "
            "people, even if some options reach more of them than others. Say no when each "
            "option serves a different number or group of clients.",
        )
        self.fields["same_population"].choices = [("True", SAME_PEOPLE), ("False", OWN_CLIENTS)]
        self.fields["same_population"].required = True
        for code in ("required", "invalid_choice"):
            self.fields["same_population"].error_messages[code] = (
                "Say whether all the options serve the same people"
            )
        if assessment.same_population is None and same_people_by_default(assessment):
            self.initial["same_population"] = True
        on_record = assessment.service.clients_per_year
        hint = (
            f" The service's own record says about {format_number(on_record)} a year."
            if on_record
            else ""
        )
        self.fields["clients_per_year"] = WholeNumberField(
            label="How many people does the service serve in a year?",
            help_text="Everyone the options are for, whether or not an option reaches them "
            "all: each option then says what share of them it reaches. Needed if you answered "
            f"yes; leave it blank if you answered no.{hint}",
            unit="people",
            words=PEOPLE_WORDS,
            period="year",
            required=False,
            min_value=0,
            max_value=LIMITS.clients_a_year,
            error_messages=number_messages(
                "the number of people served in a year",
                example="40,000 or 40k",
                limit=LIMITS.clients_a_year,
            ),
        )
        for end, word in (("low", "fewest"), ("high", "most")):
            self.fields[f"clients_per_year_{end}"] = WholeNumberField(
                label=f"{word.capitalize()} people a year",
                unit="people",
                words=PEOPLE_WORDS,
                period="year",
                required=False,
                min_value=0,
                max_value=LIMITS.clients_a_year,
                error_messages=number_messages(
                    f"the {word} people served in a year",
                    example="30,000 or 30k",
                    limit=LIMITS.clients_a_year,
                ),
            )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            "version",
            "same_population",
            layout_item(self, "clients_per_year"),
            *self._range_layout(),
        )

    def _range_layout(self):
        """The fewest and the most, folded away like an option's ranges; open when either
        is given or wrong."""
        ends = ("clients_per_year_low", "clients_per_year_high")
        opened = bool(self.errors.keys() & set(ends)) or any(
            self[name].value() not in (None, "") for name in ends
        )
        words = default_range_words("clients_per_year", people_confidence(self.instance))
        return [
            HTML(
                f'<details class="ranges mt-4"{" open" if opened else ""}>'
                "<summary>How far might the number of people be out? (optional)</summary>"
                '<p class="mt-2">Give the fewest and the most people the service could '
                "realistically serve in a year. The report tries one number of people for "
                "every option at once, so the options rise and fall together.</p>"
                f'<p class="form-text">{escape(words)} We take you to be as sure of the people '
                "as of the least sure of your options.</p>"
            ),
            Fieldset(
                "People served in a year",
                Row(
                    Column(layout_item(self, ends[0]), css_class="col-sm-6"),
                    Column(layout_item(self, ends[1]), css_class="col-sm-6"),
                ),
                css_class="range-pair",
            ),
            HTML("</details>"),
        ]

    def clean(self):
        cleaned = super().clean()
        same = cleaned.get("same_population")
        population = cleaned.get("clients_per_year")
        if same and population is None and "clients_per_year" not in self.errors:
            self.add_error(
                "clients_per_year",
                "Enter how many people the service serves in a year, or answer no to the "
                "first question",
            )
        self._check_range(cleaned)
        if same and population:
            self._check_totals(population)
        return cleaned

    def _check_range(self, cleaned: dict) -> None:
        value, low, high = (
            cleaned.get(name)
            for name in ("clients_per_year", "clients_per_year_low", "clients_per_year_high")
        )
        if low is not None and high is not None and low > high:
            self.add_error(
                "clients_per_year_high", "The most people must not be fewer than the fewest"
            )
        elif value is not None:
            if low is not None and low > value:
                self.add_error(
                    "clients_per_year_low", "The fewest people must not be more than your figure"
                )
            if high is not None and high < value:
                self.add_error(
                    "clients_per_year_high", "The most people must not be fewer than your figure"
                )

    def _check_totals(self, population: int) -> None:
        """Every option's hours and money for each client, times the clients it then serves,
        must stay within what a year's total may be (as each option's own page checks)."""
        for option in self.instance.ordered_options:
            clients = clients_served(option, True, population)
            if not clients:
                continue
            for field, limit, what in (
                ("hours_per_client", LIMITS.hours_a_year, f"{LIMITS.hours_a_year:,} hours"),
                ("money_per_client", LIMITS.money, format_money(LIMITS.money, self.currency)),
            ):
                figures = (getattr(option, f"{field}{end}") for end in ("", "_low", "_high"))
                if any(each is not None and each * clients > limit for each in figures):
                    kind, adds = (
                        ("hours", "add") if field == "hours_per_client" else ("money", "adds")
                    )
                    self.add_error(
                        "clients_per_year",
                        f"With {format_number(population)} people, the {kind} for each client "
                        f"of “{option.name}” {adds} up to more than {what} a year. Give fewer "
                        f"people, or check the {kind} for each client on that option's page",
                    )

    def save_people(self) -> bool:
        """Save the answers (already on the assessment from validation), and the options'
        results with them; False if someone saved since the page was opened."""
        return self.instance.save_answers(PEOPLE_FIELDS, self.cleaned_data["version"])


NOW_IS_AN_OPTION = "Yes: one of them is how the work is done today"
ALL_NEW = "No: every option would be new"


class ComparatorForm(RefusesStaleSaves, InPythonRules, forms.ModelForm):
    """Is the option the others are compared against what happens now? When every option
    would be new, the report calls it "the option we compare against" instead."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Assessment
        fields = ["comparator_is_now"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version
        field = YesNoField(
            label="Is one of the options what happens now?",
            help_text="Each option is compared against one of them. Usually that is the way "
            "the work is done today. If every option would be new (two ways of starting a "
            "service that does not exist yet, say), answer no: you still choose one option "
            "to compare the others against.",
        )
        field.choices = [("True", NOW_IS_AN_OPTION), ("False", ALL_NEW)]
        field.required = True
        for code in ("required", "invalid_choice"):
            field.error_messages[code] = "Say whether one of the options is what happens now"
        self.fields["comparator_is_now"] = field
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout("version", "comparator_is_now")

    def save_comparator_kind(self) -> bool:
        """Save the answer; False if someone saved since the page was opened."""
        return self.instance.save_answers(["comparator_is_now"], self.cleaned_data["version"])
