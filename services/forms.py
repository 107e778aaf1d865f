from copy import deepcopy

from crispy_forms.bootstrap import AppendedText, PrependedText
from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Div, Fieldset, Layout, Row
from django import forms

from coprod_site.numbers import (
    AmountField,
    PercentField,
    WholeNumberField,
    currency_sign,
    number_messages,
)
from coprod_site.text import WRITTEN_ANSWER_MAX, limit_hint, too_long
from services.models import (
    Agency,
    Motivator,
    Necessity,
    Perspective,
    Sector,
    Service,
    ValueType,
)

NOT_AN_OPTION = {"invalid_choice": "Choose one of the options in the list."}


def filter_choice(choices, everything: str, label: str | None = None) -> forms.ChoiceField:
    """An optional filter on one of `choices` (a TextChoices): the blank choice, worded
    `everything`, filters nothing; a value not in the list (an edited address) gets the
    plain message."""
    return forms.ChoiceField(
        label=label,
        choices=[("", everything), *choices.choices],
        required=False,
        error_messages=NOT_AN_OPTION,
    )


def agency_filter() -> forms.ModelChoiceField:
    """An optional filter on one of the user's agencies, by slug in the address; the form
    sets its queryset to the user's agencies."""
    return forms.ModelChoiceField(
        queryset=None,
        required=False,
        empty_label="All my agencies",
        to_field_name="slug",
        error_messages={"invalid_choice": "Choose one of your agencies from the list."},
    )


class ServiceFilterForm(forms.Form):
    """GET filters on the services page; the CSV export reads the same ones. A bad value
    (from an edited address) shows as an error on its field and is ignored; the other
    filters still apply."""

    agency = agency_filter()
    sector = filter_choice(Sector, "All sectors")
    q = forms.CharField(label="Name contains", required=False, max_length=100)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies

    def offer_agencies(self, agencies) -> None:
        """Offer these agencies, already read by the page, saving a query to read them again.

        A chosen agency is still checked against the queryset.
        """
        self.fields["agency"].choices = [
            ("", self.fields["agency"].empty_label),
            *((agency.slug, agency.name) for agency in agencies),
        ]

    def filter(self, services):
        if not self.is_bound:
            return services
        self.is_valid()  # a field with a bad value is left out of cleaned_data
        data = self.cleaned_data
        if data.get("agency"):
            services = services.filter(agency=data["agency"])
        if data.get("sector"):
            services = services.filter(sector=data["sector"])
        if data.get("q"):
            services = services.filter(name__icontains=data["q"])
        return services


class CaseFilterForm(forms.Form):
    """GET filters on the case library; the CSV export reads the same ones.

    A bad value (from an edited address) shows as an error on its field and is ignored;
    the other filters still apply.
    """

    q = forms.CharField(
        label="Search",
        required=False,
        max_length=100,
        help_text="Words in the title, summary, work, lessons or country.",
    )
    sector = filter_choice(Sector, "All sectors")
    country = forms.ChoiceField(required=False, error_messages=NOT_AN_OPTION)
    value_type = filter_choice(ValueType, "Any value", label="Value made")
    necessity = filter_choice(Necessity, "Either", label="Necessary or optional")
    motivator = filter_choice(Motivator, "Any reason", label="Why people take part")

    def __init__(self, *args, cases, **kwargs):
        super().__init__(*args, **kwargs)
        # One query: the countries of the cases this user may see.
        countries = cases.order_by("country").values_list("country", flat=True).distinct()
        self.fields["country"].choices = [("", "All countries"), *((c, c) for c in countries)]

    def filter(self, cases):
        if not self.is_bound:
            return cases
        self.is_valid()  # a field with a bad value is left out of cleaned_data
        data = self.cleaned_data
        for field in ("sector", "country", "value_type", "necessity"):
            if data.get(field):
                cases = cases.filter(**{field: data[field]})
        if data.get("motivator"):
            cases = cases.with_motivator(data["motivator"])
        if data.get("q"):
            cases = cases.search(data["q"])
        return cases


SERVICE_NAME_MAX_LENGTH = Service._meta.get_field("name").max_length
CLIENTS_LIMIT = 1_000_000_000  # as many clients a year as an assessment's options may serve
CLIENT_TYPE_HINT = (
    "Beneficiaries receive the service, like patients or pupils. Obligatees owe a duty, "
    "like taxpayers or regulated firms. Paying customers pay for what they get, like a "
    "swimming pool's users. Citizens at large share the benefit together, like clean streets "
    "or safe neighbourhoods."
)


class ServiceForm(forms.ModelForm):
    """A service's name and facts, for a manager of its agency; a new one names its agency.

    The database keeps a service's name unique within its agency; the form says so in
    plain words before the database has to (see `clean`).
    """

    class Meta:
        model = Service
        fields = [
            "name",
            "description",
            "sector",
            "client_type",
            "clients_per_year",
            "delivery_mode",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "client_type": forms.RadioSelect,
            "delivery_mode": forms.RadioSelect,
        }

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.fields
        if agencies is not None:
            fields["agency"] = forms.ModelChoiceField(
                queryset=agencies,
                to_field_name="slug",
                label="Which agency delivers it?",
                empty_label="Choose an agency",
                error_messages={
                    "required": "Choose the agency that delivers the service",
                    "invalid_choice": "Choose one of the agencies you manage",
                },
            )
        fields["name"].label = "Name of the service"
        fields["name"].help_text = "The name your colleagues know it by."
        fields["name"].error_messages.update(
            required="Enter the name of the service",
            max_length=f"Keep the name to {SERVICE_NAME_MAX_LENGTH} characters or fewer",
        )
        fields["description"].label = "What the service does (optional)"
        fields["description"].help_text = limit_hint(WRITTEN_ANSWER_MAX)
        fields["description"].error_messages["max_length"] = too_long(
            "the description", WRITTEN_ANSWER_MAX
        )
        fields["sector"].label = "Sector"
        fields["sector"].error_messages["required"] = "Choose the sector the service is in"
        fields["client_type"].label = "Who the clients are"
        fields["client_type"].help_text = CLIENT_TYPE_HINT
        fields["client_type"].error_messages["required"] = "Choose who the clients are"
        fields["clients_per_year"] = WholeNumberField(
            label="Clients a year",
            help_text="Roughly how many people the service serves in a year, like 9,500 or 40k.",
            min_value=0,
            max_value=CLIENTS_LIMIT,
            error_messages=number_messages(
                "the number of clients a year", example="9,500 or 40k", limit=CLIENTS_LIMIT
            ),
        )
        fields["delivery_mode"].label = "How it is delivered now"
        fields["delivery_mode"].error_messages["required"] = "Choose how it is delivered now"
        for name in ("sector", "client_type", "delivery_mode"):
            fields[name].choices = [c for c in fields[name].choices if c[0] != ""]
            fields[name].error_messages["invalid_choice"] = "Choose one of the options"
        if isinstance(fields["sector"].widget, forms.Select):
            fields["sector"].choices = [("", "Choose a sector"), *fields["sector"].choices]
        self.order_fields(["agency"])
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the page's form tag has the token

    def clean(self):
        cleaned = super().clean()
        agency = cleaned.get("agency") if "agency" in self.fields else self.instance.agency
        name = cleaned.get("name")
        if agency is not None and name:
            others = Service.objects.filter(agency=agency, name__iexact=name)
            if self.instance.pk:
                others = others.exclude(pk=self.instance.pk)
            if others.exists():
                self.add_name_taken_error(agency)
        return cleaned

    def add_name_taken_error(self, agency) -> None:
        self.add_error(
            "name",
            f"{agency.name} already has a service called “{self.cleaned_data['name']}”: "
            "choose another name",
        )

    def save(self, commit=True):
        if "agency" in self.fields:
            self.instance.agency = self.cleaned_data["agency"]
        return super().save(commit)


HOURLY_VALUE_LIMIT = 10_000  # what an assessment accepts (assessments.scoring.LIMITS)
APPRAISAL_YEARS_LIMIT = 50
DISCOUNT_RATE_LIMIT = 20
WILLINGNESS_TO_PAY_LIMIT = 100_000


# The defaults that also have low and high values to try, and what each is in a sentence.
JUDGEMENT_WORDS = {
    "default_hourly_value": "value of an hour",
    "default_discount_rate": "discount rate",
    "default_willingness_to_pay": "value of a quality point",
}
JUDGEMENT_RANGE_FIELDS = tuple(
    f"{name}_{end}" for name in JUDGEMENT_WORDS for end in ("low", "high")
)


# Whose costs reports lead with, worded for the question the settings page asks.
HEADLINE_CHOICES = [
    (
        Perspective.FULL,
        "The best choice counting everyone's costs: the agency's spending and the time and "
        "money co-producers give",
    ),
    (Perspective.AGENCY, "The best choice counting only the agency's own spending"),
]


class AgencySettingsForm(forms.ModelForm):
    """The figures a new assessment starts from: an agency's appraisal defaults.

    The limits are the ones the assessment's own appraisal page accepts, so an assessment
    started from these figures never starts with one its managers could not have typed.
    """

    class Meta:
        model = Agency
        fields = [
            "default_hourly_value",
            "default_appraisal_years",
            "default_discount_rate",
            "default_willingness_to_pay",
            *JUDGEMENT_RANGE_FIELDS,
            "headline_perspective",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sign = currency_sign(self.instance.currency)
        self.fields["headline_perspective"] = forms.ChoiceField(
            label="Which choice should reports lead with?",
            help_text="Every report shows both; this is the one it puts first.",
            choices=HEADLINE_CHOICES,
            widget=forms.RadioSelect,
            # A form posted without the question (one loaded before it was asked, or a
            # script) keeps the agency's choice: see clean_headline_perspective.
            required=False,
            error_messages=NOT_AN_OPTION,
        )
        self.fields["default_hourly_value"] = AmountField(
            label="What is an hour of a co-producer's time worth?",
            help_text="We count people's time as a cost too, so a saving that only moves work "
            "onto citizens or clients shows up as the cost it is.",
            unit=sign,
            period="hour",
            min_value=0,
            max_value=HOURLY_VALUE_LIMIT,
            max_digits=10,
            decimal_places=2,
            error_messages=number_messages(
                "the value of an hour", example="18.50", limit=HOURLY_VALUE_LIMIT
            ),
        )
        self.fields["default_appraisal_years"] = WholeNumberField(
            label="Over how many years should options be compared?",
            help_text="Long enough to cover setting up and a few years of running: 5 or 10 "
            "is usual.",
            unit="years",
            min_value=1,
            max_value=APPRAISAL_YEARS_LIMIT,
            error_messages=number_messages(
                "the number of years", example="5", limit=APPRAISAL_YEARS_LIMIT, low=1
            ),
        )
        self.fields["default_discount_rate"] = PercentField(
            label="Discount rate",
            help_text="Money spent or saved in later years counts for a little less than money "
            "today; 3.5% is the usual rate for public services.",
            unit="% a year",
            min_value=0,
            max_value=DISCOUNT_RATE_LIMIT,
            max_digits=5,
            decimal_places=2,
            error_messages=number_messages(
                "the discount rate", example="3.5%", limit=DISCOUNT_RATE_LIMIT
            ),
        )
        self.fields["default_willingness_to_pay"] = AmountField(
            label="What is one point of better quality worth, for one person for a year? "
            "(optional)",
            help_text="How much the agency would pay to make the service one point better, on "
            "the 0 to 100 quality scale, for one person for a year; leave blank if undecided.",
            unit=sign,
            required=False,
            min_value=0,
            max_value=WILLINGNESS_TO_PAY_LIMIT,
            max_digits=12,
            decimal_places=2,
            error_messages=number_messages(
                "what one point of quality is worth",
                example="2.50",
                limit=WILLINGNESS_TO_PAY_LIMIT,
            ),
        )
        self._add_judgement_ranges()

        def with_unit(name):
            unit = self.fields[name].unit
            if not unit:
                return name
            return PrependedText(name, unit) if unit == sign else AppendedText(name, unit)

        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the page's form tag has the token
        self.helper.layout = Layout(
            with_unit("default_hourly_value"),
            AppendedText("default_appraisal_years", "years"),
            with_unit("default_discount_rate"),
            with_unit("default_willingness_to_pay"),
            Fieldset(
                "Low and high values to try (optional)",
                HTML(
                    '<p class="form-text mt-0">These figures are judgements, not estimates, so '
                    "each report also shows the choice at a low and a high value of each, and "
                    "the value at which the choice would change. Give the low and high values "
                    "your agency wants every assessment to try; a new assessment starts with "
                    "them. Left empty, an assessment tries half and one and a half times the "
                    "value of an hour and of a quality point, and the discount rate one "
                    "percentage point either side.</p>"
                ),
                *(
                    Row(
                        Column(with_unit(f"{name}_low"), css_class="col-sm-6"),
                        Column(with_unit(f"{name}_high"), css_class="col-sm-6"),
                    )
                    for name in JUDGEMENT_WORDS
                ),
                css_class="mt-4",
            ),
            Div("headline_perspective", css_class="mt-4"),
        )

    def clean_headline_perspective(self) -> str:
        return self.cleaned_data["headline_perspective"] or self.instance.headline_perspective

    def _add_judgement_ranges(self) -> None:
        """A low and a high box for each judgement, of the same kind as its central box."""
        for name, words in JUDGEMENT_WORDS.items():
            central = self.fields[name]
            for end in ("low", "high"):
                field = deepcopy(central)
                field.label = f"{words.capitalize()}: {end}"
                field.help_text = ""
                field.required = False
                field.error_messages = {
                    **central.error_messages,
                    **number_messages(
                        f"the {end} {words}",
                        example="2.5%" if name == "default_discount_rate" else "10",
                        limit=central.max_value,
                    ),
                }
                self.fields[f"{name}_{end}"] = field

    def clean(self):
        cleaned = super().clean()
        for name, words in JUDGEMENT_WORDS.items():
            central, low, high = (cleaned.get(n) for n in (name, f"{name}_low", f"{name}_high"))
            if low is not None and high is not None and low > high:
                self.add_error(f"{name}_high", f"The high {words} must not be below the low one")
            else:
                if central is not None and low is not None and low > central:
                    self.add_error(
                        f"{name}_low", f"The low {words} must not be above the usual one"
                    )
                if central is not None and high is not None and high < central:
                    self.add_error(
                        f"{name}_high", f"The high {words} must not be below the usual one"
                    )
        return cleaned
