"""Which assessments to put side by side: two to four public codes, as a, b, c and d."""

from string import ascii_lowercase

from django import forms
from django.utils.formats import date_format

# The query keys of the assessments compared, in their order on the page.
COMPARE_KEYS = ("a", "b", "c", "d")
MIN_COMPARED = 2
MAX_COMPARED = len(COMPARE_KEYS)
LABELS = {
    "a": "First assessment",
    "b": "Second assessment",
    "c": "Third assessment (optional)",
    "d": "Fourth assessment (optional)",
}
BLANK_CHOICE = {
    "a": "Choose an assessment",
    "b": "Choose an assessment",
    "c": "None",
    "d": "None",
}


class CompareForm(forms.Form):
    """Two to four assessments, chosen from `choices` (assessments read with
    `for_listing()`, which the selects offer; a code typed into the address need not be
    one of them).

    Only the codes' shape is checked here: whether the user may read each assessment is
    the view's question, answered 404 as for any other page of it. A key given twice, or a
    letter after d (an address edited by hand), counts as more assessments, so too many is
    said plainly instead of some being silently dropped.
    """

    a = forms.UUIDField(label=LABELS["a"], required=False)
    b = forms.UUIDField(label=LABELS["b"], required=False)
    c = forms.UUIDField(label=LABELS["c"], required=False)
    d = forms.UUIDField(label=LABELS["d"], required=False)

    def __init__(self, *args, choices=(), **kwargs):
        kwargs.setdefault("auto_id", "compare_%s")
        super().__init__(*args, **kwargs)
        for key in COMPARE_KEYS:
            self.fields[key].error_messages["invalid"] = "Choose an assessment from the list"
        self.offer(choices)

    def offer(self, choices) -> None:
        """Let the selects offer these assessments (read with `for_listing()`), grouped by
        service, each with its status and date so that an assessment and its revision, or
        two of the same name, can be told apart."""
        groups: dict[str, list] = {}
        for assessment in choices:
            service = f"{assessment.service.name} ({assessment.service.agency.name})"
            groups.setdefault(service, []).append((str(assessment.code), describe(assessment)))
        offered = sorted(groups.items())
        for key in COMPARE_KEYS:
            self.fields[key].widget = forms.Select(choices=[("", BLANK_CHOICE[key]), *offered])

    def clean(self):
        cleaned = super().clean()
        given = self._given_values()
        if len(given) > MAX_COMPARED:
            raise forms.ValidationError(
                f"Choose at most four assessments to compare: {len(given)} were chosen",
                code="too_many",
            )
        if self.errors:
            return cleaned
        codes = self.codes
        if len(codes) < MIN_COMPARED:
            raise forms.ValidationError(
                "Choose at least two assessments to compare", code="too_few"
            )
        if len(set(codes)) < len(codes):
            raise forms.ValidationError(
                "Choose different assessments: the same one was chosen more than once",
                code="repeated",
            )
        return cleaned

    @property
    def codes(self) -> list:
        """The chosen codes (UUIDs) in the order of a, b, c, d; only once the form is valid,
        or in its clean()."""
        return [self.cleaned_data[key] for key in COMPARE_KEYS if self.cleaned_data.get(key)]

    def _given_values(self) -> list[str]:
        """Every non-blank value of a key a to z, each key's repeats included."""
        return [
            value
            for key in self.data
            if key in ascii_lowercase and len(key) == 1
            for value in self.data.getlist(key)
            if value.strip()
        ]


def describe(assessment) -> str:
    """An assessment as a choice names it: "Household recycling (revision) · submitted
    3 Dec 2026 · a revision"."""
    if assessment.submitted_at and assessment.status == "submitted":
        when = f"submitted {date_format(assessment.submitted_at, 'j M Y')}"
    else:
        when = f"{assessment.get_status_display().lower()}, updated "
        when += date_format(assessment.updated_at, "j M Y")
    revision = " · a revision" if assessment.revision_of_id else ""
    return f"{assessment.title} · {when}{revision}"
