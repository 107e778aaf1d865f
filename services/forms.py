from django import forms

from services.models import Sector


class ServiceFilterForm(forms.Form):
    """GET filters on the services page; the CSV export reads the same ones."""

    agency = forms.ModelChoiceField(
        queryset=None, required=False, empty_label="All my agencies", to_field_name="slug"
    )
    sector = forms.ChoiceField(choices=[("", "All sectors"), *Sector.choices], required=False)
    q = forms.CharField(label="Name contains", required=False, max_length=100)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies

    def filter(self, services):
        if not self.is_valid():
            return services
        data = self.cleaned_data
        if data["agency"]:
            services = services.filter(agency=data["agency"])
        if data["sector"]:
            services = services.filter(sector=data["sector"])
        if data["q"]:
            services = services.filter(name__icontains=data["q"])
        return services
