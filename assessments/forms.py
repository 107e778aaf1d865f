"""Forms for starting an assessment and for each section of the wizard."""

from crispy_forms.bootstrap import InlineRadios
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms

from assessments.choices import Contribution, CoProducerType, Phase, SpecialAsset
from assessments.models import MOTIVATORS, OPTIONS, TEXT_FIELDS, Assessment, AssessmentText
from assessments.sections import SECTIONS_BY_SLUG

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
        self.fields["title"].label = "What do you call this arrangement?"
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


class SectionForm(forms.ModelForm):
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
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(*(self.layout_item(name) for name in self.fields))

    def layout_item(self, name):
        """Scales (0–4 strengths, 1–5 ratings) read best as a row of radio buttons."""
        field = self.fields[name]
        scale = isinstance(field.widget, forms.RadioSelect) and all(
            str(value).isdigit() for value, _ in field.choices
        )
        return InlineRadios(name) if scale else name

    def clean(self):
        cleaned = super().clean()
        posted = cleaned.get("version")
        current = (
            Assessment.objects.filter(pk=self.instance.pk).values_list("version", flat=True).first()
        )
        if posted is not None and current is not None and posted != current:
            # Let a second Continue deliberately save over the other person's changes.
            self.data = self.data.copy()
            self.data[self.add_prefix("version")] = current
            raise forms.ValidationError(STALE_MESSAGE, code="stale")
        return cleaned

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
    return AssessmentText._meta.get_field(name).formfield(
        label=label, help_text=help_text, widget=forms.Textarea(attrs={"rows": 3})
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
        "helping to decide, plan or review a service is participation.",
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

    class Meta:
        model = Assessment
        fields = list(SECTIONS_BY_SLUG["reciprocity"].fields)
        labels = {
            "timing": "Do both sides contribute at the same time?",
            "co_producers_per_year": "About how many people take part in a year?",
            "hours_per_co_producer": "About how many hours does each of them give in a year?",
        }
        help_texts = {
            "timing": "They need not. An agency can build an online form this year that "
            "citizens fill in next year: that still counts.",
            "hours_per_co_producer": "A rough figure is fine, for example 12 for an hour a month.",
        }
        widgets = _radio_widgets("timing")


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
            "private_value_strength": "Private value is enjoyed by the person themselves, like "
            "better health or a child who reads well.",
            "public_value_strength": "Public value is shared by everyone, like safer streets or "
            "a tax system that costs less to run.",
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
            "to change how they live: there, the question is how to co-produce, not whether.",
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
            "material_motivation": "Material: what they gain for themselves, in money or benefit",
            "intrinsic_motivation": "Intrinsic: they enjoy the work itself",
            "social_motivation": "Social: the company, fellowship and respect of others",
            "normative_motivation": "Normative: their values, a wish to help or a sense of duty",
            "sanctions_motivation": "Sanctions: they would be penalised if they did not",
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
        help_text="Tick all that apply.",
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


class CostsForm(SectionForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        currency = self.instance.service.agency.currency if self.instance.service_id else ""
        for option in OPTIONS:
            self.fields[f"{option}_setup_cost"].label = f"One-off set-up cost ({currency})"
            self.fields[
                f"{option}_annual_agency_cost"
            ].label = f"Cost to the agency each year ({currency})"
            self.fields[
                f"{option}_annual_co_producer_hours"
            ].label = "Hours citizens or clients give each year"
            self.fields[f"{option}_clients_per_year"].label = "Clients served each year"
            self.fields[f"{option}_confidence"].label = "How sure are you of these costs?"
            for rating, words in RATING_QUESTIONS.items():
                self.fields[f"{option}_{rating}"].label = words
        self.fields[
            "co_production_annual_co_producer_hours"
        ].help_text = "Leave blank to use the people and hours you gave under Reciprocity."
        self.fields["co_production_confidence"].help_text = (
            "Less certain costs get a larger allowance for optimism: 10% if high, 25% if "
            "medium, 50% if low."
        )
        self.fields[
            "co_production_effectiveness"
        ].help_text = "Rate each option from 1 (poor) to 5 (excellent)."
        self.helper.layout = Layout(
            "version",
            Fieldset("The comparison", "alternative_name", "hourly_rate", "appraisal_years",
                     "discount_rate"),
            *(
                Fieldset(
                    heading,
                    *(self.layout_item(f"{option}_{name}") for name in OPTION_QUESTION_ORDER),
                )
                for option, heading in (
                    ("co_production", "The co-production option"),
                    ("alternative", "The alternative"),
                )
            ),
        )  # fmt: skip

    class Meta:
        model = Assessment
        fields = list(SECTIONS_BY_SLUG["costs"].fields)
        labels = {
            "alternative_name": "What is the alternative to co-production?",
            "hourly_rate": "What is an hour of a co-producer's time worth?",
            "appraisal_years": "Over how many years should we compare the options?",
            "discount_rate": "Discount rate (% a year)",
        }
        help_texts = {
            "alternative_name": "The way you would do the work otherwise, for example 'in-house "
            "nurses' or 'a contracted provider'.",
            "hourly_rate": "We count citizens' time as a cost too, so a saving that only moves "
            "work onto them shows up. Your agency's usual rate is filled in.",
            "discount_rate": "Future costs count for less than costs today. 3.5 is the usual "
            "public-sector rate.",
        }
        widgets = _radio_widgets(
            *(
                f"{option}_{name}"
                for option in OPTIONS
                for name in ("confidence", "effectiveness", "consistency", "trust", "experience")
            )
        )


RATING_QUESTIONS = {
    "effectiveness": "Effectiveness: does it achieve what the service is for?",
    "consistency": "Consistency: is it as good in every area?",
    "trust": "Trust and responsiveness: do clients trust it, does it respond to them?",
    "experience": "Client experience: how do clients find it?",
}
OPTION_QUESTION_ORDER = (
    "setup_cost",
    "annual_agency_cost",
    "annual_co_producer_hours",
    "clients_per_year",
    "confidence",
    *RATING_QUESTIONS,
)

SECTION_FORMS = {
    "work": WorkForm,
    "reciprocity": ReciprocityForm,
    "value": ValueForm,
    "necessity": NecessityForm,
    "motivations": MotivationsForm,
    "capability": CapabilityForm,
    "costs": CostsForm,
}
