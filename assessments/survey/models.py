"""A survey of an assessment's co-producers, and the answers to it.

Nothing here can identify a person: a response has no user, no address, no browser
details and no time of day, only the date. Its id is random, so the order of the rows
says nothing about the order the answers came in (which a proxy's log of requests could
tie to addresses). The throttle that keeps a form from being flooded works from a keyed
hash of the address held briefly in the cache (`guard`).

Results change only in batches of RESULTS_BATCH answers: each response stores the batch
it arrived in, and the results (and the running totals the dashboard reads) take in a
batch only once it is complete. So a manager who reloads the results after someone they
know has answered sees nothing change until four more people have answered too, and
then sees five people's answers change the figures together.
"""

import secrets
from datetime import datetime

from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from assessments.scoring import MOTIVATORS
from assessments.survey.questions import (
    COMMENT_MAX,
    DESCRIPTION_MAX,
    MINUTES_A_MONTH_MAX,
    MOTIVATOR_STATEMENTS,
    PUBLIC_TITLE_MAX,
    task_choices,
    task_labels,
)
from coprod_site.text import length_limit

# Results take in answers this many at a time (see the module's docstring).
RESULTS_BATCH = 5
# Response ids are drawn at random below this: far from the largest a 64-bit key can hold,
# so an id the database picks itself (a row made outside `record`) still has room after it.
RESPONSE_ID_LIMIT = 2**62


def new_token() -> str:
    """An unguessable address for a survey: 192 random bits, unrelated to anything else
    (not the assessment's code, not a counter, not the time)."""
    return secrets.token_urlsafe(24)


class Survey(models.Model):
    assessment = models.OneToOneField(
        "assessments.Assessment", on_delete=models.CASCADE, related_name="survey"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    # What the people answering read: never the assessment's own title, which is the
    # agency's working name and can name an option it is still weighing.
    public_title = models.CharField("title people see", max_length=PUBLIC_TITLE_MAX)
    description = models.TextField("what people read first", max_length=DESCRIPTION_MAX, blank=True)
    # The tasks people choose from under "What do you do?", in their own words, as
    # {"code", "label", "offered"}: a task keeps its code while its words stay the same,
    # and one taken off the list stays, not offered, so earlier answers still count.
    task_choices = models.JSONField(default=list, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    opened_at = models.DateTimeField(default=timezone.now)
    closes_on = models.DateField(
        "closing date", null=True, blank=True, help_text="The last day people can answer."
    )
    response_limit = models.PositiveIntegerField(
        "most answers", null=True, blank=True, help_text="It closes once this many have answered."
    )
    one_per_browser = models.BooleanField(
        "one answer per phone or computer",
        default=True,
        help_text="Stops the same browser answering twice. Turn it off for a shared computer, "
        "for example at a drop-in session.",
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    # Totals kept with the responses in the same transaction, so the limit and the
    # dashboard's surveyed profile need no count over the responses. `response_count` is
    # every answer; the agreement totals are those of the complete batches only (they
    # move every RESULTS_BATCH answers, with the results), or the dashboard could be
    # reloaded between two answers to read the second one off.
    response_count = models.PositiveIntegerField(default=0, editable=False)
    agreement_answers = models.PositiveIntegerField(default=0, editable=False)
    material_agreement_total = models.PositiveIntegerField(default=0, editable=False)
    intrinsic_agreement_total = models.PositiveIntegerField(default=0, editable=False)
    social_agreement_total = models.PositiveIntegerField(default=0, editable=False)
    normative_agreement_total = models.PositiveIntegerField(default=0, editable=False)
    sanctions_agreement_total = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(response_limit__isnull=True) | Q(response_limit__gte=1),
                name="assessments_survey_limit_positive",
                violation_error_message="The most answers it takes must be 1 or more, or left "
                "empty for no limit.",
            ),
            length_limit(
                "assessments_survey", "public_title", PUBLIC_TITLE_MAX, "the title people see"
            ),
            length_limit(
                "assessments_survey", "description", DESCRIPTION_MAX, "what people read first"
            ),
        ]

    def __str__(self) -> str:
        return f"Survey of {self.assessment}"

    def get_absolute_url(self) -> str:
        return reverse("assessments:survey", args=[self.assessment.code])

    def public_path(self) -> str:
        return reverse("survey-answer", args=[self.token])

    @property
    def agency_name(self) -> str:
        """Who is asking, named on every public page and on the poster."""
        return self.assessment.service.agency.name

    @property
    def offered_tasks(self) -> list[tuple[str, str]]:
        """(code, words) of each task people can choose now, then "something else"."""
        return task_choices(self.task_choices)

    @property
    def task_labels(self) -> dict[str, str]:
        """The words of every task ever offered, by code (for counting the answers)."""
        return task_labels(self.task_choices)

    def state(self, now: datetime | None = None) -> str:
        """ "open", or why it is not: "closed" (by a manager or its date) or "full"."""
        now = now or timezone.now()
        if self.closed_at is not None:
            return "closed"
        if self.closes_on is not None and timezone.localdate(now) > self.closes_on:
            return "closed"
        if self.response_limit is not None and self.response_count >= self.response_limit:
            return "full"
        return "open"

    @property
    def is_open(self) -> bool:
        return self.state() == "open"

    @property
    def complete_batches(self) -> int:
        return self.response_count // RESULTS_BATCH

    @property
    def results_count(self) -> int:
        """How many answers the results take in: those of the complete batches. A closed
        survey's last, incomplete batch stays out too: a manager could otherwise close it
        just after someone answered, read their answers off, and open it again."""
        return self.complete_batches * RESULTS_BATCH

    @property
    def results_update_at(self) -> int:
        """The count of answers at which the results next take in more."""
        return self.results_count + RESULTS_BATCH

    def record(self, response: "SurveyResponse") -> bool:
        """Save `response` if the survey is still open and has room, in one transaction
        with the count, under a random id and in its batch; False (nothing saved) if it
        closed or filled meanwhile. The answer that completes a batch also brings the
        agreement totals up to date (one sum over the complete batches' responses).

        The UPDATE of the count locks the survey's row until the transaction ends, so
        answers arriving together are numbered one after the other."""
        room = Q(closed_at__isnull=True) & (
            Q(response_limit__isnull=True) | Q(response_limit__gt=F("response_count"))
        )
        if self.closes_on is not None and timezone.localdate() > self.closes_on:
            return False
        surveys = Survey.objects.filter(pk=self.pk)
        with transaction.atomic():
            if not surveys.filter(room).update(response_count=F("response_count") + 1):
                return False
            count = surveys.values_list("response_count", flat=True).get()
            response.survey = self
            response.batch = (count - 1) // RESULTS_BATCH
            response.pk = secrets.randbelow(RESPONSE_ID_LIMIT - 1) + 1
            response.save(force_insert=True)
            if count % RESULTS_BATCH == 0:
                surveys.update(**self.responses.batch_totals(count // RESULTS_BATCH))
        self.response_count = count
        return True


def _agreement():
    """Agreement with a motivator's statement, 1 (strongly disagree) to 5 (strongly agree)."""
    return models.PositiveSmallIntegerField(null=True, blank=True)


class SurveyResponseQuerySet(models.QuerySet):
    def in_results(self, survey: Survey):
        """The survey's responses that its results take in: those of complete batches."""
        return self.filter(survey=survey, batch__lt=survey.complete_batches)

    def batch_totals(self, batches: int) -> dict:
        """The survey's agreement totals over its first `batches` batches, as Survey's
        fields: counted over the responses that answered every statement (see
        `SurveyResponse.has_agreement`)."""
        complete = self.filter(
            batch__lt=batches, **{f"{m}_agreement__isnull": False for m in MOTIVATORS}
        )
        totals = complete.aggregate(
            agreement_answers=models.Count("pk"),
            **{f"{m}_agreement_total": models.Sum(f"{m}_agreement") for m in MOTIVATORS},
        )
        return {field: value or 0 for field, value in totals.items()}


class SurveyResponse(models.Model):
    """One person's answers. Deliberately without a user, an address, a browser or a
    time: only the day it was given, and which batch of RESULTS_BATCH answers it came in
    (the first five are batch 0). Its id is random (`Survey.record`)."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    batch = models.PositiveIntegerField(default=0, editable=False)
    answered_on = models.DateField(default=timezone.localdate, editable=False)
    activities = models.JSONField(default=list, blank=True)
    # The time given, as whole minutes a month, however it was answered (hours and
    # minutes, a week or a month: `questions.minutes_a_month`).
    minutes_a_month = models.PositiveIntegerField(null=True, blank=True)
    material_agreement = _agreement()
    intrinsic_agreement = _agreement()
    social_agreement = _agreement()
    normative_agreement = _agreement()
    sanctions_agreement = _agreement()
    ease = models.PositiveSmallIntegerField(null=True, blank=True)
    helps = models.JSONField(default=list, blank=True)
    comment = models.TextField(blank=True, max_length=COMMENT_MAX)

    objects = SurveyResponseQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(minutes_a_month__lte=MINUTES_A_MONTH_MAX),
                name="assessments_surveyresponse_minutes_in_range",
                violation_error_message="The time given must be no more than "
                f"{MINUTES_A_MONTH_MAX // 60:,} hours a month.",
            ),
            models.CheckConstraint(
                condition=Q(ease__gte=1, ease__lte=5) | Q(ease__isnull=True),
                name="assessments_surveyresponse_ease_in_range",
                violation_error_message="The answer on how easy it is must be from 1 (very "
                "hard) to 5 (very easy).",
            ),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{m}_agreement__gte": 1, f"{m}_agreement__lte": 5})
                    | Q(**{f"{m}_agreement__isnull": True}),
                    name=f"assessments_surveyresponse_{m}_agreement_in_range",
                    violation_error_message=f"The answer to “{MOTIVATOR_STATEMENTS[m]}” must be "
                    "from 1 (strongly disagree) to 5 (strongly agree).",
                )
                for m in MOTIVATORS
            ),
            length_limit("assessments_surveyresponse", "comment", COMMENT_MAX, "the comment"),
        ]

    def __str__(self) -> str:
        return f"Answer of {self.answered_on:%d %B %Y}"

    @property
    def has_agreement(self) -> bool:
        """Whether every motivator statement was answered (only then does it count in the
        motivator profile, so each motivator's average is over the same people)."""
        return all(getattr(self, f"{m}_agreement") is not None for m in MOTIVATORS)
