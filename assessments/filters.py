"""The GET filters of the assessments list, which its CSV export reads too."""

from django import forms
from django.db.models import Q

from assessments.access import assessments_for
from assessments.choices import Classification, Quadrant, Status
from services.access import agencies_for, services_for


class AssessmentFilterForm(forms.Form):
    """Narrow the user's assessments by words in their names, agency, service, status, result
    and classification.

    With no status chosen, archived assessments are left out, as on the dashboard. A bad
    value (from an edited address) shows as an error on its field and is ignored; the
    other filters still apply.
    """

    q = forms.CharField(
        label="Search",
        help_text="Words from the name of the assessment, its service or its agency.",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    agency = forms.ModelChoiceField(
        queryset=None, required=False, empty_label="All my agencies", to_field_name="slug"
    )
    service = forms.ModelChoiceField(
        queryset=None, required=False, empty_label="All services", to_field_name="code"
    )
    status = forms.ChoiceField(
        choices=[("", "Drafts and submitted"), *Status.choices], required=False
    )
    quadrant = forms.ChoiceField(
        label="Co-production against the comparison",
        choices=[("", "Any result"), *Quadrant.choices],
        required=False,
    )
    classification = forms.ChoiceField(
        choices=[("", "Any classification"), *Classification.choices], required=False
    )

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
            assessments = assessments.filter(
                Q(title__icontains=data["q"])
                | Q(service__name__icontains=data["q"])
                | Q(service__agency__name__icontains=data["q"])
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
