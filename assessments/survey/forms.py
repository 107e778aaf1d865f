"""The survey's forms: the public answers, and the manager's settings."""

from django import forms
from django.utils import timezone

from assessments.scoring import MOTIVATORS
from assessments.survey.models import Survey
from assessments.survey.questions import (
    AGREEMENT,
    COMMENT_MAX,
    DESCRIPTION_MAX,
    EASE,
    HELPS,
    HOURS_A_MONTH_MAX,
    MINUTES_A_MONTH_MAX,
    MOTIVATOR_STATEMENTS,
    PUBLIC_TITLE_MAX,
    SOMETHING_ELSE,
    TASK_MAX,
    TASKS_MAX,
    Per,
    minutes_a_month,
    revised_tasks,
    suggested_description,
    suggested_public_title,
    suggested_tasks,
)
from assessments.survey.results import min_responses
from coprod_site.text import too_long

# The answers come three short pages at a time; every question may be left out.
PAGES = (
    ("What you do", ("activities", "hours", "minutes", "per")),
    ("Why you take part", tuple(f"{m}_agreement" for m in MOTIVATORS)),
    ("How it goes", ("ease", "helps", "comment")),
)
ANSWER_NAMES = tuple(name for _, names in PAGES for name in names)
# A box off the screen (answer.html), left empty by people and filled in by bots that fill
# in every box; not a field of the form, so nothing it holds is ever cleaned or kept.
HONEYPOT = "website"


class AnswerForm(forms.Form):
    """Every answer of the survey. Each page sends only its own questions; the answers so
    far travel in a signed cookie in the person's own browser (`progress`), so nothing is
    kept on the server until the last page is sent."""

    activities = forms.MultipleChoiceField(
        label="What do you do?",
        help_text="Tick all that apply.",
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    # The time, as people count it: hours and minutes, a week or a month.
    hours = forms.IntegerField(
        label="Hours",
        required=False,
        min_value=0,
        widget=forms.NumberInput(
            attrs={"inputmode": "numeric", "class": "form-control survey-hours"}
        ),
        error_messages={
            "invalid": "Enter the hours as a whole number, like 6",
            "min_value": "Enter 0 or more hours",
        },
    )
    minutes = forms.IntegerField(
        label="Minutes",
        required=False,
        min_value=0,
        max_value=59,
        widget=forms.NumberInput(
            attrs={"inputmode": "numeric", "class": "form-control survey-hours"}
        ),
        error_messages={
            "invalid": "Enter the minutes as a whole number from 0 to 59, like 30",
            "min_value": "Enter the minutes as a whole number from 0 to 59, like 30",
            "max_value": "Enter the minutes as a whole number from 0 to 59, like 30",
        },
    )
    per = forms.ChoiceField(
        label="Is that a week or a month?",
        choices=Per.CHOICES,
        required=False,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
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

    def __init__(self, *args, tasks=((SOMETHING_ELSE, "Something else"),), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activities"].choices = list(tasks)
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

    def clean(self):
        """The time as minutes a month (None when not given), from hours and minutes a
        week or a month."""
        cleaned = super().clean()
        hours, minutes = cleaned.get("hours"), cleaned.get("minutes")
        if hours is None and minutes is None:
            cleaned["minutes_a_month"] = None
            return cleaned
        if "hours" in self.errors or "minutes" in self.errors:
            return cleaned
        per = cleaned.get("per")
        if not per:
            self.add_error("per", "Say whether that time is a week or a month")
            return cleaned
        total = minutes_a_month(hours or 0, minutes or 0, per)
        if total > MINUTES_A_MONTH_MAX:
            most = HOURS_A_MONTH_MAX if per == Per.MONTH else HOURS_A_MONTH_MAX * 12 // 52
            self.add_error("hours", f"Enter at most {most} hours a {per}")
            return cleaned
        cleaned["minutes_a_month"] = total
        return cleaned

    def page_of_first_error(self) -> int | None:
        """The first page with a problem, or None."""
        for number, (_, names) in enumerate(PAGES, start=1):
            if any(name in self.errors for name in names):
                return number
        return None

    def fields_of(self, page: int):
        return [self[name] for name in PAGES[page - 1][1]]

    def errors_of(self, page: int) -> list[tuple]:
        """(field, message) for each problem on `page`, for its error summary."""
        if not self.is_bound:
            return []
        return [(self[name], error) for name in PAGES[page - 1][1] for error in self[name].errors]


TASKS_HELP = (
    "Write one task a line, as the people who do it would say it, for example “Sorting "
    "my recycling into the right bins”. Everyone can also tick “Something else”."
)
TASKS_SUGGESTED = (
    " We have started the list from what this assessment says people give: change the "
    "words so they make sense to someone who has not seen it."
)


class OpenSurveyForm(forms.ModelForm):
    """The survey's settings: what the people answering read, and when it closes. A new
    survey starts from words suggested from the service's name and today's list of what
    people give, for the manager to put in the words of the people who do the work."""

    tasks = forms.CharField(
        label="What people can say they do",
        help_text=TASKS_HELP,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Write at least one task people can tick"},
    )

    class Meta:
        model = Survey
        fields = ["public_title", "description", "closes_on", "response_limit", "one_per_browser"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "closes_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "response_limit": forms.NumberInput(attrs={"inputmode": "numeric"}),
        }
        labels = {
            "public_title": "Title people see",
            "description": "What people read first (optional)",
            "closes_on": "Closing date (optional)",
            "response_limit": "Most answers (optional)",
        }
        help_texts = {
            "public_title": "It heads every page of the survey and the printed poster, beside "
            "your agency's name. Use words the public would use, not the name of this "
            "assessment.",
            "description": "A sentence or two under the title: who is asking and why.",
        }
        error_messages = {
            "public_title": {
                "required": "Enter the title people see",
                "max_length": too_long("the title", PUBLIC_TITLE_MAX),
            },
            "description": {"max_length": too_long("the description", DESCRIPTION_MAX)},
            "closes_on": {"invalid": "Enter the closing date as a date, like 31/12/2026"},
            "response_limit": {"invalid": "Enter the most answers as a whole number, like 200"},
        }

    def __init__(self, *args, assessment, **kwargs):
        super().__init__(*args, **kwargs)
        survey = self.instance
        if survey.pk is None:
            service = assessment.service
            self.initial.setdefault("public_title", suggested_public_title(service.name))
            self.initial.setdefault(
                "description", suggested_description(service.name, service.agency.name)
            )
            tasks = suggested_tasks(assessment.co_producer_contributions)
            self.fields["tasks"].help_text = TASKS_HELP + TASKS_SUGGESTED
        else:
            tasks = [label for code, label in survey.offered_tasks if code != SOMETHING_ELSE]
        self.initial.setdefault("tasks", "\n".join(tasks))
        self.order_fields(["public_title", "description", "tasks"])

    def clean_tasks(self) -> list[str]:
        """The lines written, each once, without "something else" (always offered)."""
        tasks = []
        for line in self.cleaned_data["tasks"].splitlines():
            task = " ".join(line.split())
            if not task or task.casefold() in {"something else", *map(str.casefold, tasks)}:
                continue
            if len(task) > TASK_MAX:
                raise forms.ValidationError(
                    f"Keep each task to {TASK_MAX} characters or fewer: “{task[:30]}…” "
                    f"has {len(task)}"
                )
            tasks.append(task)
        if not tasks:
            raise forms.ValidationError("Write at least one task people can tick")
        if len(tasks) > TASKS_MAX:
            raise forms.ValidationError(
                f"Give at most {TASKS_MAX} tasks: you have {len(tasks)}. A short list is "
                "quicker to answer on a phone."
            )
        return tasks

    def save(self, commit=True):
        survey = super().save(commit=False)
        survey.task_choices = revised_tasks(survey.task_choices, self.cleaned_data["tasks"])
        if commit:
            survey.save()
        return survey

    def clean_closes_on(self):
        closes_on = self.cleaned_data.get("closes_on")
        if closes_on is not None and closes_on < timezone.localdate():
            raise forms.ValidationError("The closing date must be today or later")
        return closes_on

    def clean_response_limit(self):
        limit = self.cleaned_data.get("response_limit")
        if limit is not None and not 1 <= limit <= 100_000:
            raise forms.ValidationError("Enter a number of answers from 1 to 100,000")
        least = min_responses()
        if limit is not None and limit < least:
            # The results stay hidden until this many have answered: fewer could never show.
            raise forms.ValidationError(
                f"Allow at least {least} answers: results are shown only once {least} people "
                "have answered, so that no one can be singled out, and with fewer you would "
                "never see any"
            )
        return limit
