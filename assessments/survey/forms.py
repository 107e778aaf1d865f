"""The survey's forms: the public answers, and the manager's settings."""

from django import forms
from django.utils import timezone

from assessments.scoring import MOTIVATORS
from assessments.survey.models import Survey
from assessments.survey.questions import (
    AGREEMENT,
    COMMENT_MAX,
    EASE,
    HELPS,
    HOURS_A_MONTH_MAX,
    MOTIVATOR_STATEMENTS,
    activity_choices,
)
from coprod_site.text import too_long

# The answers come three short pages at a time; every question may be left out.
PAGES = (
    ("What you do", ("activities", "hours_a_month")),
    ("Why you take part", tuple(f"{m}_agreement" for m in MOTIVATORS)),
    ("How it goes", ("ease", "helps", "comment")),
)
# A box off the screen (answer.html), left empty by people and filled in by bots that fill
# in every box; not a field of the form, so nothing it holds is ever cleaned or kept.
HONEYPOT = "website"


class AnswerForm(forms.Form):
    """Every answer of the survey. Each page shows its own questions and carries the
    earlier pages' answers in hidden fields, so nothing is kept on the server until the
    last page is sent (no session, no half-finished answers)."""

    activities = forms.MultipleChoiceField(
        label="What do you do?",
        help_text="Tick all that apply.",
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    hours_a_month = forms.IntegerField(
        label="Roughly how many hours a month do you spend on it?",
        help_text="A rough guess is fine. Leave it empty if you would rather not say.",
        required=False,
        min_value=0,
        max_value=HOURS_A_MONTH_MAX,
        widget=forms.NumberInput(
            attrs={"inputmode": "numeric", "class": "form-control survey-hours"}
        ),
        error_messages={
            "invalid": "Enter the hours as a whole number, like 6",
            "min_value": "Enter 0 or more hours",
            "max_value": f"Enter at most {HOURS_A_MONTH_MAX} hours a month",
        },
    )
    ease = forms.TypedChoiceField(
        label="How easy is it to do your part?",
        choices=EASE,
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    helps = forms.MultipleChoiceField(
        label="What would help you do it, or keep doing it?",
        help_text="Tick any that apply.",
        choices=list(HELPS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    comment = forms.CharField(
        label="Anything else you would like to tell them? (optional)",
        help_text=f"Please do not include names or anything that could identify you or "
        f"anyone else. Up to {COMMENT_MAX} characters.",
        required=False,
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4, "class": "form-control"}),
        error_messages={"max_length": too_long("your comment", COMMENT_MAX)},
    )

    def __init__(self, *args, contributions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activities"].choices = activity_choices(contributions)
        # The five statements, in the order of the motivators, after the hours.
        for motivator in MOTIVATORS:
            self.fields[f"{motivator}_agreement"] = forms.TypedChoiceField(
                label=MOTIVATOR_STATEMENTS[motivator],
                choices=AGREEMENT,
                coerce=int,
                required=False,
                empty_value=None,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
            )

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get(HONEYPOT))

    def page_of_first_error(self) -> int:
        for number, (_, names) in enumerate(PAGES, start=1):
            if any(name in self.errors for name in names):
                return number
        return len(PAGES)

    def fields_of(self, page: int):
        return [self[name] for name in PAGES[page - 1][1]]

    def carried(self, page: int):
        """The answers of the other pages (of a bound form), as hidden inputs for this one."""
        shown = set(PAGES[page - 1][1])
        for _, names in PAGES:
            for name in names:
                if name not in shown:
                    yield from ((name, value) for value in self.data.getlist(name))


class OpenSurveyForm(forms.ModelForm):
    class Meta:
        model = Survey
        fields = ["closes_on", "response_limit", "one_per_browser"]
        widgets = {
            "closes_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "response_limit": forms.NumberInput(attrs={"inputmode": "numeric"}),
        }
        labels = {
            "closes_on": "Closing date (optional)",
            "response_limit": "Most answers (optional)",
        }
        error_messages = {
            "closes_on": {"invalid": "Enter the closing date as a date, like 31/12/2026"},
            "response_limit": {"invalid": "Enter the most answers as a whole number, like 200"},
        }

    def clean_closes_on(self):
        closes_on = self.cleaned_data.get("closes_on")
        if closes_on is not None and closes_on < timezone.localdate():
            raise forms.ValidationError("The closing date must be today or later")
        return closes_on

    def clean_response_limit(self):
        limit = self.cleaned_data.get("response_limit")
        if limit is not None and not 1 <= limit <= 100_000:
            raise forms.ValidationError("Enter a number of answers from 1 to 100,000")
        return limit
