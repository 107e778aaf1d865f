"""Forms for starting an assessment and for each section of the wizard."""

from crispy_forms.bootstrap import AppendedText, InlineRadios, PrependedText
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout
from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import construct_instance

from assessments.choices import Contribution, CoProducerType, Phase, SpecialAsset
from assessments.models import (
    HOURS_IN_A_YEAR,
    MOTIVATORS,
    TEXT_FIELDS,
    Assessment,
    AssessmentText,
)
from assessments.scoring import LIMITS
from assessments.sections import SECTIONS_BY_SLUG
from coprod_site.glossary import term_link
from coprod_site.numbers import (
    PEOPLE_WORDS,
    AmountField,
    WholeNumberField,
    number_messages,
)
from coprod_site.text import limit_hint, too_long

NOTHING = "nothing"
STALE_MESSAGE = (
    "Someone else saved changes to this assessment while you were working on this page, so "
    "your answers here have not been saved yet. Open the assessment in a new tab to see their "
    "changes. To keep your own answers instead, press Continue again."
)


class NewAssessmentForm(forms.ModelForm):
    class Meta:
        model = Assessment
        fields = ["service", "title"]
        labels = {"service": "Which service is it part of?"}

    def __init__(self, *args, services, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = services
        self.fields["service"].to_field_name = "code"
        self.fields["service"].label_from_instance = lambda s: f"{s.name} ({s.agency.name})"
        self.fields["service"].empty_label = "Choose a service"
        self.fields["service"].error_messages = {
            "required": "Choose the service this arrangement is part of",
            "invalid_choice": "Choose one of your agencies' services from the list",
        }
        self.fields["title"].label = "What do you call this arrangement?"
        self.fields["title"].error_messages["required"] = (
            "Enter what you call this arrangement, like “Residents sorting their recycling”"
        )
        self.helper = FormHelper()
        self.helper.form_tag = False


class ListChoiceField(forms.MultipleChoiceField):
    """Tick boxes stored as a JSON list, with an optional 'none of these' box.

    Nothing ticked means 'not answered yet' (None); 'none of these' alone is the
    answer 'none' (an empty list).
    """

    widget = forms.CheckboxSelectMultiple

    def __init__(self, *, choices, none_label=None, **kwargs):
        self.none_label = none_label
        if none_label:
            choices = [*choices, (NOTHING, none_label)]
        super().__init__(choices=choices, required=False, **kwargs)

    def prepare_value(self, value):
        if value == [] and self.none_label:
            return [NOTHING]
        return value

    def clean(self, value):
        values = super().clean(value)
        if not values:
            return None
        if NOTHING in values:
            if len(values) > 1:
                raise forms.ValidationError(
                    f"Choose “{self.none_label}” or the things that apply, not both."
                )
            return []
        return values


class YesNoField(forms.TypedChoiceField):
    widget = forms.RadioSelect

    def __init__(self, **kwargs):
        super().__init__(
            choices=[("True", "Yes"), ("False", "No")],
            coerce=lambda value: value == "True",
            empty_value=None,
            required=False,
            **kwargs,
        )


def layout_item(form, name):
    """How one question is laid out: scales (0–4 strengths, 1–5 ratings) as a row of radio
    buttons; a figure with its unit beside the box (£ before it, hours or years after)."""
    field = form.fields[name]
    if isinstance(field.widget, forms.RadioSelect) and all(
        str(value).isdigit() for value, _ in field.choices
    ):
        return InlineRadios(name)
    if unit := getattr(field, "unit", ""):
        return PrependedText(name, unit) if field.unit_before else AppendedText(name, unit)
    return name


class RefusesStaleSaves:
    """A form carrying the assessment's version, so a save that crosses another is refused."""

    def refuse_stale(self, current_version: int) -> None:
        """Someone saved since this page was opened: say so beside the user's own answers.

        The hidden version moves on to the current one, so pressing Continue again
        deliberately saves these answers over the other person's.
        """
        self.data = self.data.copy()
        self.data[self.add_prefix("version")] = current_version
        self.add_error(None, forms.ValidationError(STALE_MESSAGE, code="stale"))


class InPythonRules:
    """A ModelForm that checks the model's rules in Python only.

    Django's ModelForm asks the database about each check constraint (one query each, some
    twenty on an assessment) before saving. The fields' validators and the forms' clean
    methods hold the same rules with plain messages, and the database still enforces the
    constraints on save, so the queries buy nothing but time.
    """

    def _post_clean(self):
        try:
            self.instance = construct_instance(self, self.instance, self._meta.fields)
        except ValidationError as error:
            self._update_errors(error)
        try:
            self.instance.full_clean(
                exclude=self._get_validation_exclusions(),
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as error:
            self._update_errors(error)


class SectionForm(RefusesStaleSaves, InPythonRules, forms.ModelForm):
    """One wizard section. Saves to the database, refusing to overwrite a newer save."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    section_slug = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version
        # The free-text answers live on the assessment's AssessmentText row, which the
        # ModelForm does not read: fill them in here.
        for name in self.text_field_names():
            self.initial.setdefault(name, getattr(self.instance.text_answers, name))
        for field in self.fields.values():
            if isinstance(field.widget, forms.RadioSelect):
                field.choices = [c for c in field.choices if c[0] not in ("", None)]
            if hasattr(field, "choices"):
                # Django's "Select a valid choice. X is not one of the available choices."
                # says nothing to a manager; name the question instead.
                field.error_messages["invalid_choice"] = (
                    f"Choose one of the answers to “{str(field.label).rstrip('?')}”"
                )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(*(self.layout_item(name) for name in self.fields))

    def layout_item(self, name):
        return layout_item(self, name)

    def text_field_names(self) -> list[str]:
        return [name for name in self._meta.fields if name in TEXT_FIELDS]

    def save_section(self) -> bool:
        """Save this section's answers; False if someone saved in between."""
        text = self.instance.text_answers
        for name in self.text_field_names():
            setattr(text, name, self.cleaned_data[name])
        return self.instance.save_answers(self._meta.fields, self.cleaned_data["version"])


def _radio_widgets(*names):
    return dict.fromkeys(names, forms.RadioSelect)


def _text_answer(name, label, help_text=""):
    """A free-text answer; declared on the form because it is a field of AssessmentText."""
    limit = AssessmentText._meta.get_field(name).max_length
    return AssessmentText._meta.get_field(name).formfield(
        label=label,
        help_text=f"{help_text} {limit_hint(limit)}".strip(),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": too_long("your answer", limit)},
    )


class WorkForm(SectionForm):
    co_producer_types = ListChoiceField(
        label="Who are the co-producers?",
        choices=CoProducerType.choices,
        help_text="Tick all that apply.",
    )
    phases = ListChoiceField(
        label="At which stages do they take part?",
        choices=Phase.choices,
        help_text="Tick all that apply. Only doing the work itself (delivery) is co-production; "
        f"helping to decide, plan or review a service is {term_link('participation')}.",
    )
    work_description = _text_answer(
        "work_description",
        "What work do the co-producers do?",
        "Describe the tasks, for example 'parents listen to their child read for ten minutes "
        "each evening'.",
    )
    inputs = _text_answer(
        "inputs",
        "What goes into the work?",
        "Time, materials, information, skills: what the work is made from.",
    )
    outputs = _text_answer(
        "outputs",
        "What comes out of it?",
        "What the work produces that is worth more than what went in.",
    )

    class Meta:
        model = Assessment
        fields = list(SECTIONS_BY_SLUG["work"].fields)
        labels = {
            "level": "Do they take part as individuals, in groups, or as a whole community?",
            "work_relation": "Does their work add to the service or replace work the agency did?",
        }
        help_texts = {
            "level": "Each on their own, together with others who share a need or a place, or "
            f"for the whole community. {term_link('level', 'What these mean')}",
        }
        widgets = _radio_widgets("level", "work_relation")


class ReciprocityForm(SectionForm):
    agency_contributions = ListChoiceField(
        label="What does the agency give?",
        choices=Contribution.choices,
        none_label="Nothing at present",
        help_text="Tick all that apply.",
    )
    co_producer_contributions = ListChoiceField(
        label="What do the co-producers give?",
        choices=Contribution.choices,
        none_label="Nothing at present",
        help_text="Tick all that apply.",
    )
    agency_contribution_notes = _text_answer(
        "agency_contribution_notes", "Anything more about what the agency gives (optional)"
    )
    co_producer_contribution_notes = _text_answer(
        "co_producer_contribution_notes", "Anything more about what co-producers give (optional)"
    )

    co_producers_per_year = WholeNumberField(
        label="About how many people take part in a year?",
        words=PEOPLE_WORDS,
        period="year",
        required=False,
        min_value=0,
        max_value=LIMITS.clients_a_year,
        error_messages=number_messages(
            "how many people take part", example="600 or 2.5k", limit=LIMITS.clients_a_year
        ),
    )
    hours_per_co_producer = AmountField(
        label="About how many hours does each of them give in a year?",
        help_text="A rough figure is fine, for example 12 for an hour a month.",
        unit="hours",
        period="year",
        required=False,
        min_value=0,
        max_value=HOURS_IN_A_YEAR,
        max_digits=14,
        decimal_places=1,
        error_messages=number_messages(
            "the hours each person gives", example="12", limit=HOURS_IN_A_YEAR
        ),
    )

    class Meta:
        model = Assessment
        fields = list(SECTIONS_BY_SLUG["reciprocity"].fields)
        labels = {"timing": "Do both sides contribute at the same time?"}
        help_texts = {
            "timing": "They need not. An agency can build an online form this year that "
            "citizens fill in next year: that still counts.",
        }
        widgets = _radio_widgets("timing")

    def clean(self):
        cleaned = super().clean()
        people, each = cleaned.get("co_producers_per_year"), cleaned.get("hours_per_co_producer")
        if people is not None and each is not None and people * each > LIMITS.hours_a_year:
            self.add_error(
                "hours_per_co_producer",
                f"Together these come to more than {LIMITS.hours_a_year:,} hours a year. "
                "Check the number of people and the hours each gives",
            )
        return cleaned


class ValueForm(SectionForm):
    private_value_description = _text_answer(
        "private_value_description", "Describe the private value (optional)"
    )
    public_value_description = _text_answer(
        "public_value_description", "Describe the public value (optional)"
    )

    class Meta:
        model = Assessment
        fields = list(SECTIONS_BY_SLUG["value"].fields)
        labels = {
            "private_value_strength": "How much private value does it create?",
            "public_value_strength": "How much public value does it create?",
        }
        help_texts = {
            "private_value_strength": f"{term_link('private-value', 'Private value')} is "
            "enjoyed by the person themselves, like better health or a child who reads well.",
            "public_value_strength": f"{term_link('public-value', 'Public value')} is shared "
            "by everyone, like safer streets or a tax system that costs less to run.",
        }
        widgets = _radio_widgets("private_value_strength", "public_value_strength")


class NecessityForm(SectionForm):
    necessity_reason = _text_answer("necessity_reason", "Why? (optional)")

    class Meta:
        model = Assessment
        fields = list(SECTIONS_BY_SLUG["necessity"].fields)
        labels = {"necessity": "Could the service work without the co-producers' part?"}
        help_texts = {
            "necessity": "Regulators need people to comply and many human services need people "
            "to change how they live: there, the question is how to get people to do their part, "
            f"not whether. {term_link('necessary', 'More about necessary and optional')}",
        }
        widgets = _radio_widgets("necessity")


class MotivationsForm(SectionForm):
    material_rewards_offered = YesNoField(
        label="Does the agency pay or reward co-producers?",
        help_text="Payments, vouchers, discounts or prizes.",
    )
    motivation_notes = _text_answer("motivation_notes", "Notes on motivation (optional)")

    class Meta:
        model = Assessment
        fields = list(SECTIONS_BY_SLUG["motivations"].fields)
        labels = {
            "material_motivation": "What they gain for themselves: money, time saved, a reward",
            "intrinsic_motivation": "They enjoy the work itself",
            "social_motivation": "The company and respect of others",
            "normative_motivation": "A sense of duty, or of doing the right thing",
            "sanctions_motivation": "They would be penalised if they did not",
        }
        help_texts = {
            "material_motivation": f"Called {term_link('material', 'material reasons')}.",
            "intrinsic_motivation": f"Called {term_link('intrinsic', 'intrinsic motivation')}: "
            "the satisfaction of the task, not anything it brings.",
            "social_motivation": f"Called {term_link('social', 'social reasons')}.",
            "normative_motivation": f"Called {term_link('normative', 'normative motivation')}: "
            "wanting to help others or to play fair.",
            "sanctions_motivation": f"{term_link('sanctions', 'Sanctions')} apply only to people "
            "the law obliges to take part.",
        }
        widgets = _radio_widgets(*(f"{m}_motivation" for m in MOTIVATORS))


class CapabilityForm(SectionForm):
    capability_varies_by_area = YesNoField(
        label="Does their capability vary much from one area to another?",
        help_text="For example, parents' own schooling differs between neighbourhoods.",
    )
    special_assets = ListChoiceField(
        label="What do co-producers bring that a paid provider could not?",
        choices=SpecialAsset.choices,
        none_label="None of these",
        help_text=f"Tick all that apply. {term_link('special-assets', 'What these mean')}",
    )
    burden_on_vulnerable = YesNoField(
        label="Does the work fall on clients who are least able to carry it?",
        help_text="For example, people who are ill, poor, short of time or with little schooling.",
    )
    special_assets_notes = _text_answer(
        "special_assets_notes", "More about what they bring (optional)"
    )
    support_given = _text_answer(
        "support_given", "What training or support does the agency give? (optional)"
    )

    class Meta:
        model = Assessment
        fields = list(SECTIONS_BY_SLUG["capability"].fields)
        labels = {
            "expertise_required": "How much expertise does the work need?",
            "co_producer_capability": "How capable are the co-producers of doing it well?",
        }
        widgets = _radio_widgets("expertise_required", "co_producer_capability")
