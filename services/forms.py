from django import forms

from services.models import Motivator, Necessity, Sector, ValueType


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


NOT_AN_OPTION = {"invalid_choice": "Choose one of the options in the list."}


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
    sector = forms.ChoiceField(
        choices=[("", "All sectors"), *Sector.choices],
        required=False,
        error_messages=NOT_AN_OPTION,
    )
    country = forms.ChoiceField(required=False, error_messages=NOT_AN_OPTION)
    value_type = forms.ChoiceField(
        label="Value made",
        choices=[("", "Any value"), *ValueType.choices],
        required=False,
        error_messages=NOT_AN_OPTION,
    )
    necessity = forms.ChoiceField(
        label="Necessary or optional",
        choices=[("", "Either"), *Necessity.choices],
        required=False,
        error_messages=NOT_AN_OPTION,
    )
    motivator = forms.ChoiceField(
        label="Why people take part",
        choices=[("", "Any reason"), *Motivator.choices],
        required=False,
        error_messages=NOT_AN_OPTION,
    )

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
