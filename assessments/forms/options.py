"""Forms of the options part: adding an option, one option's costs, and the quality grid.

Every message names the option it is about, so a manager with six options knows which
box to fix. Rules the database cannot hold (at least one co-produced option, names that
differ) are checked here against the options already read for the page.
"""

from crispy_forms.bootstrap import InlineRadios
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms

from assessments.choices import RATING_CHOICES, Confidence
from assessments.forms.sections import (
    InPythonRules,
    RefusesStaleSaves,
    YesNoField,
    layout_item,
)
from assessments.models import Option
from assessments.scoring import LIMITS, RATING_FIELDS
from coprod_site.glossary import term_link
from coprod_site.numbers import AmountField, WholeNumberField, currency_sign, number_messages

RATING_QUESTIONS = {
    "effectiveness": ("Effectiveness", "Does it achieve what the service is for?"),
    "consistency": ("Consistency across areas", "Is it as good in every area and for everyone?"),
    "trust": ("Trust and responsiveness", "Do clients trust it, and does it respond to them?"),
    "experience": ("Client experience", "How do clients find it?"),
}
NAME_MAX_LENGTH = Option._meta.get_field("name").max_length
DESCRIPTION_MAX_LENGTH = 1000


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
            "annual_co_producer_hours",
            "annual_co_producer_money",
            "clients_per_year",
            "ramp_up_years",
            "confidence",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "confidence": forms.RadioSelect,
        }

    def __init__(self, *args, assessment, **kwargs):
        super().__init__(*args, **kwargs)
        self.assessment = assessment
        option = self.instance
        of = f"of {option.name}"
        sign = currency_sign(assessment.service.agency.currency)
        self.fields["version"].initial = assessment.version
        self.fields["name"] = _name_field("Name of the option")
        self.fields["description"].label = "What happens in this option? (optional)"
        self.fields["description"].error_messages["max_length"] = (
            f"Keep the description to {DESCRIPTION_MAX_LENGTH} characters or fewer"
        )
        self.fields["co_produced"].required = True
        self.fields["co_produced"].error_messages["required"] = (
            f"Say whether co-producers do part of the work in {option.name}"
        )

        def money(label, what, help_text="", required=True):
            return AmountField(
                label=label,
                help_text=help_text,
                unit=sign,
                unit_before=True,
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
        )
        fallback = ""
        if assessment.co_producers_per_year is not None and assessment.hours_per_co_producer:
            fallback = (
                f" ({assessment.co_producers_per_year:,} people × "
                f"{assessment.hours_per_co_producer.normalize():f} hours)"
            )
        self.fields["annual_co_producer_hours"] = AmountField(
            label="Hours citizens or clients give each year (optional)",
            help_text="In total, once take-up is full. For a co-produced option you may leave it "
            f"blank to use the people and hours you gave earlier{fallback}; for other options, "
            "blank means none.",
            unit="hours",
            required=False,
            min_value=0,
            max_value=LIMITS.hours_a_year,
            max_digits=14,
            decimal_places=1,
            error_messages=number_messages(
                f"the hours given each year {of}", example="3,000 or 3k", limit=LIMITS.hours_a_year
            ),
        )
        self.fields["annual_co_producer_money"] = money(
            "Money citizens or clients spend each year to take part (optional)",
            "the money people spend each year",
            "Fees, travel, equipment: in total, once take-up is full. Leave blank if none.",
        )
        self.fields["clients_per_year"] = WholeNumberField(
            label="Clients served each year, once take-up is full",
            required=False,
            min_value=0,
            max_value=LIMITS.clients_a_year,
            error_messages=number_messages(
                f"the clients served each year {of}",
                example="2,000 or 2k",
                limit=LIMITS.clients_a_year,
            ),
        )
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
                        "annual_co_producer_hours",
                        "annual_co_producer_money",
                    )
                ),
            ),
            Fieldset(
                "Take-up",
                *(layout_item(self, name) for name in ("clients_per_year", "ramp_up_years")),
            ),
            InlineRadios("confidence"),
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
                name = self.field_name(rating, option)
                self.fields[name] = forms.TypedChoiceField(
                    label=f"{title}: {option.name}",
                    choices=choices,
                    coerce=int,
                    empty_value=None,
                    required=False,
                    initial=getattr(option, rating),
                    error_messages={
                        "invalid_choice": f"Choose a rating from 1 to 5 for {title.lower()} "
                        f"of {option.name}"
                    },
                )
                cells.append((option, self[name]))
            self.rows.append((title, question, cells))

    @staticmethod
    def field_name(rating: str, option: Option) -> str:
        return f"{rating}-{option.code.hex}"

    def save_ratings(self) -> bool:
        options = self.assessment.ordered_options
        for option in options:
            for rating in RATING_FIELDS:
                setattr(option, rating, self.cleaned_data[self.field_name(rating, option)])
        return self.assessment.save_answers(
            (), self.cleaned_data["version"], options=[(o, RATING_FIELDS) for o in options]
        )
