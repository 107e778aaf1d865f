"""The GET filters of the assessments list (which its CSV exports read too) and of the
dashboard."""

from django import forms
from django.db.models import Exists, OuterRef, Q

from assessments.access import assessments_for
from assessments.choices import Classification, Necessity, Quadrant, Status, ValueType
from assessments.models import Option
from services.access import agencies_for, services_for
from services.forms import NOT_AN_OPTION, agency_filter, filter_choice
from services.models import Sector


class AssessmentFilterForm(forms.Form):
    """Narrow the user's assessments by words in their names, agency, service, status, result
    and classification.

    With no status chosen, archived assessments are left out, as on the dashboard. A bad
    value (from an edited address) shows as an error on its field and is ignored; the
    other filters still apply.
    """

    q = forms.CharField(
        label="Search",
        help_text="Words from the name of the assessment, one of its options, its service or "
        "its agency.",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    agency = agency_filter()
    service = forms.ModelChoiceField(
        queryset=None,
        required=False,
        empty_label="All services",
        to_field_name="code",
        error_messages={"invalid_choice": "Choose one of your services from the list."},
    )
    status = filter_choice(Status, "Drafts and submitted")
    quadrant = filter_choice(Quadrant, "Any result", label="Co-production against the comparison")
    classification = filter_choice(Classification, "Any classification")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies_for(user).only("name", "slug")
        services = services_for(user).select_related("agency").only("code", "name", "agency__name")
        self.fields["service"].queryset = services
        self.fields["service"].label_from_instance = lambda s: f"{s.name} ({s.agency.name})"

    def filter(self, assessments):
        if not self.is_bound:
            return assessments.current()
        self.is_valid()  # a field with a bad value is left out of cleaned_data
        data = self.cleaned_data
        if data.get("q"):
            words = data["q"]
            # An option's name ("MRF") finds its assessment, once however many match.
            in_an_option = Exists(
                Option.objects.filter(assessment=OuterRef("pk"), name__icontains=words)
            )
            assessments = assessments.filter(
                Q(title__icontains=words)
                | Q(service__name__icontains=words)
                | Q(service__agency__name__icontains=words)
                | Q(in_an_option)
            )
        if data.get("agency"):
            assessments = assessments.filter(service__agency=data["agency"])
        if data.get("service"):
            assessments = assessments.filter(service=data["service"])
        if data.get("status"):
            assessments = assessments.filter(status=data["status"])
        else:
            assessments = assessments.current()
        if data.get("quadrant"):
            assessments = assessments.filter(result_quadrant=data["quadrant"])
        if data.get("classification"):
            assessments = assessments.filter(result_classification=data["classification"])
        return assessments


def filtered_assessments(request):
    """The user's assessments narrowed by the GET filters, newest change first."""
    form = AssessmentFilterForm(request.GET or None, user=request.user)
    assessments = form.filter(assessments_for(request.user))
    return form, assessments.order_by("-updated_at", "-pk")


RANK_BY_CHOICES = [
    ("", "Net benefit against what happens now"),
    ("quality_per_cost", "Quality gained per 1,000 of full cost"),
]

ROBUSTNESS_CHOICES = [
    ("", "Any"),
    ("robust", "Robust choices"),
    ("fragile", "Fragile choices"),
    ("undecided", "No value put on quality yet"),
]


class DashboardFilterForm(forms.Form):
    """The dashboard's filters, all in the address so a view can be shared and bookmarked.

    Every figure on the dashboard follows them. A bad value (from an edited address) shows
    as an error on its field and is ignored; the other filters still apply. The agency
    choices come from the agencies the page has already read.
    """

    agency = forms.ChoiceField(required=False, error_messages=NOT_AN_OPTION)
    sector = filter_choice(Sector, "All sectors")
    service = forms.ModelChoiceField(
        queryset=None,
        required=False,
        empty_label="All services",
        to_field_name="code",
        error_messages={"invalid_choice": "Choose one of your services from the list."},
    )
    classification = filter_choice(Classification, "Any classification")
    value_type = filter_choice(ValueType, "Any value", label="Value created")
    necessity = filter_choice(Necessity, "Either", label="Necessary or optional")
    quadrant = filter_choice(Quadrant, "Any result", label="Co-production against the comparison")
    robustness = forms.ChoiceField(
        label="How sure the choice is",
        choices=ROBUSTNESS_CHOICES,
        required=False,
        error_messages=NOT_AN_OPTION,
    )
    # Dates in the address are ISO only: "01/04/2026" is refused rather than read as
    # the 4th of January or the 1st of April.
    submitted_from = forms.DateField(
        label="Submitted on or after",
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Enter a real date as year-month-day, like 2026-04-01."},
    )
    submitted_to = forms.DateField(
        label="Submitted on or before",
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Enter a real date as year-month-day, like 2026-12-31."},
    )
    # Not a filter: the order of the value-for-money ranking, kept in the address too.
    rank_by = forms.ChoiceField(
        label="Rank by",
        choices=RANK_BY_CHOICES,
        required=False,
        error_messages=NOT_AN_OPTION,
    )

    FILTERS = ("agency", "sector", "service", "classification", "value_type", "necessity",
               "quadrant", "robustness", "submitted_from", "submitted_to")  # fmt: skip

    def __init__(self, *args, agencies, services, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = [
            ("", "All my agencies"),
            *((agency.slug, agency.name) for agency in agencies),
        ]
        self.fields["service"].queryset = services
        self.fields["service"].label_from_instance = lambda s: f"{s.name} ({s.agency.name})"

    def clean(self):
        data = super().clean()
        start, end = data.get("submitted_from"), data.get("submitted_to")
        if start and end and start > end:
            self.add_error(
                "submitted_to",
                f"The last date must be the same as or after the first date ({start.isoformat()}).",
            )
            data.pop("submitted_to", None)
        return data

    def filter(self, assessments):
        """The assessments (of any status) that the filters keep."""
        if not self.is_bound:
            return assessments
        self.is_valid()  # a field with a bad value is left out of cleaned_data
        data = self.cleaned_data
        lookups = {
            "agency": "service__agency__slug",
            "sector": "service__sector",
            "service": "service",
            "classification": "result_classification",
            "value_type": "result_value_type",
            "necessity": "necessity",
            "quadrant": "result_quadrant",
            "submitted_from": "submitted_at__date__gte",
            "submitted_to": "submitted_at__date__lte",
        }
        for name, lookup in lookups.items():
            if data.get(name):
                assessments = assessments.filter(**{lookup: data[name]})
        match data.get("robustness"):
            case "robust" | "fragile" as robustness:
                assessments = assessments.filter(result_sensitivity=robustness)
            case "undecided":
                assessments = assessments.filter(willingness_to_pay__isnull=True)
        return assessments

    @property
    def filtering(self) -> bool:
        """Some filter is set (the ranking's order is not a filter)."""
        return self.is_bound and any(self.data.get(name) for name in self.FILTERS)

    @property
    def ranking_order(self) -> str:
        """The ranking's order: "net_benefit" (the default) or "quality_per_cost"."""
        chosen = self.cleaned_data.get("rank_by") if self.is_bound and self.is_valid() else ""
        return chosen or "net_benefit"

    @property
    def one_agency(self) -> str | None:
        """The slug of the one agency chosen, if one is."""
        return self.cleaned_data.get("agency") if self.is_bound and self.is_valid() else None
