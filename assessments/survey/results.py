"""What the answers add up to, shown only once enough people have answered, and then
only over complete batches of answers (see `models`): the figures and the comments change
five answers at a time, never one."""

import random
import statistics
from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings

from assessments.scoring import MOTIVATORS
from assessments.survey.models import Survey, SurveyResponse
from assessments.survey.questions import (
    EASE,
    HELPS,
    MOTIVATOR_STATEMENTS,
    MOTIVATOR_WORDS,
    agreement_to_strength,
    time_in_words,
)

# Below this many answers the results stay hidden: in a handful, one person's answers
# could be picked out by someone who knows who took part.
MIN_RESPONSES = 5


def min_responses() -> int:
    return getattr(settings, "SURVEY_MIN_RESPONSES", MIN_RESPONSES)


@dataclass(frozen=True)
class MotivatorResult:
    code: str
    words: str  # the plain words the wizard and the dashboard use for this reason
    statement: str
    answers: int
    mean_agreement: float | None
    surveyed_strength: int | None  # on the wizard's 0-4 scale
    managers_strength: int | None


@dataclass(frozen=True)
class SurveyResults:
    count: int
    activities: list[tuple[str, int]]
    hours_answers: int
    median_minutes_a_month: float | None
    motivators: list[MotivatorResult]
    ease: list[tuple[str, int]]
    ease_answers: int
    helps: list[tuple[str, int]]
    comments: list[str]

    @property
    def median_hours_a_month(self) -> Decimal | None:
        """The middle answer in hours, to two places (a minute is 0.0167 hours)."""
        if self.median_minutes_a_month is None:
            return None
        return (Decimal(str(self.median_minutes_a_month)) / 60).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )

    @property
    def median_time_a_month(self) -> str:
        """The middle answer as people say it: "1 hour 30 minutes"."""
        return time_in_words(self.median_minutes_a_month)

    @property
    def hours_a_year(self) -> Decimal | None:
        """The median co-producer's hours a year, to the tenth of an hour the wizard keeps
        (45 minutes a month is 9 hours a year, not 12)."""
        if self.median_minutes_a_month is None:
            return None
        return (Decimal(str(self.median_minutes_a_month)) * 12 / 60).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )

    @property
    def surveyed_strengths(self) -> dict[str, int]:
        return {m.code: m.surveyed_strength for m in self.motivators if m.answers}


COLUMNS = (
    "activities", "minutes_a_month", *(f"{m}_agreement" for m in MOTIVATORS), "ease", "helps",
    "comment",
)  # fmt: skip


def shuffled_comments(survey: Survey, comments: list[str]) -> list[str]:
    """The comments in an order that says nothing about when they were given: sorted,
    then shuffled by a seed of the survey and its number of complete batches. So the
    order is the same on every reload, and mixed afresh when a batch joins the results
    (the new comments are not simply added at the end). The seed need not be secret: the
    order it shuffles is alphabetical, which carries no timing."""
    ordered = sorted(comments)
    random.Random(f"survey-comments:{survey.pk}:{survey.complete_batches}").shuffle(ordered)
    return ordered


def results_for(survey: Survey) -> SurveyResults | None:
    """The results over the complete batches' answers, or None while those are fewer than
    min_responses(). One query, over the survey's responses only."""
    if survey.results_count < min_responses():
        return None
    rows = list(SurveyResponse.objects.in_results(survey).order_by("pk").values_list(*COLUMNS))
    if len(rows) < min_responses():  # the running count and the rows disagree: trust the rows
        return None
    activity_labels = survey.task_labels
    offered = dict(survey.offered_tasks)
    activities = Counter(code for row in rows for code in row[0] or () if code in activity_labels)
    hours = [row[1] for row in rows if row[1] is not None]
    motivators = []
    for index, code in enumerate(MOTIVATORS, start=2):
        answers = [row[index] for row in rows if row[index] is not None]
        mean = statistics.fmean(answers) if answers else None
        motivators.append(
            MotivatorResult(
                code=code,
                words=MOTIVATOR_WORDS[code],
                statement=MOTIVATOR_STATEMENTS[code],
                answers=len(answers),
                mean_agreement=mean,
                surveyed_strength=None if mean is None else agreement_to_strength(mean),
                managers_strength=getattr(survey.assessment, f"{code}_motivation"),
            )
        )
    ease = Counter(row[7] for row in rows if row[7] is not None)
    helps = Counter(code for row in rows for code in row[8] or () if code in HELPS)
    return SurveyResults(
        count=len(rows),
        # Every task offered now, and any taken off the list that someone had ticked.
        activities=[
            (label, activities[code])
            for code, label in activity_labels.items()
            if activities[code] or code in offered
        ],
        hours_answers=len(hours),
        median_minutes_a_month=statistics.median(hours) if hours else None,
        motivators=motivators,
        ease=[(label, ease[value]) for value, label in EASE],
        ease_answers=sum(ease.values()),
        helps=sorted(((HELPS[code], helps[code]) for code in HELPS), key=lambda h: -h[1]),
        comments=shuffled_comments(survey, [row[9] for row in rows if row[9]]),
    )


@dataclass(frozen=True)
class Change:
    """One figure "Use these figures" puts into a draft: its words, the assessment's field,
    its value before and after."""

    label: str
    field: str
    old: object
    new: object

    @property
    def changes(self) -> bool:
        return self.old != self.new  # Decimal("9.0") == 9: a figure given as 9 stays 9

    @staticmethod
    def _words(value) -> str:
        if value is None:
            return "not answered"
        return f"{Decimal(value).normalize():,f}"

    @property
    def old_words(self) -> str:
        return self._words(self.old)

    @property
    def new_words(self) -> str:
        return self._words(self.new)
