"""The wizard's sections: their order, their questions, and when each is complete.

The task list, the wizard and the check-your-answers page all read this one list. Most
sections are one page of questions about the assessment; the options part is a list of
options with a page each, then a page rating every option's quality side by side.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.urls import reverse

from assessments.choices import Necessity, WorkRelation
from assessments.models import COST_FIELDS, MOTIVATORS, OPTIONAL_COST_FIELDS
from assessments.scoring import MAX_OPTIONS, MIN_OPTIONS
from coprod_site.numbers import format_number


class SectionState(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"

    @property
    def label(self) -> str:
        return {"not_started": "Not started", "in_progress": "In progress"}.get(
            self.value, "Complete"
        )


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    summary: str
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    # Filled in from the agency's defaults when the assessment starts: answers, but not a
    # sign that the manager has begun the section.
    prefilled: tuple[str, ...] = ()
    # For a section filled in from defaults: the assessment's flag that says the manager
    # has seen the page and pressed Continue. Until then the section is not complete.
    confirmed_by: str = ""

    @property
    def fields(self) -> tuple[str, ...]:
        return self.required + self.optional

    @property
    def is_wizard_step(self) -> bool:
        """A page of questions about the assessment itself, shown by the wizard."""
        return self.slug not in (*OPTION_SECTIONS, "outcomes")

    def url(self, assessment) -> str:
        if self.is_wizard_step:
            return reverse("assessments:edit", args=[assessment.code, self.slug])
        return reverse(f"assessments:{self.slug}", args=[assessment.code])

    def title_for(self, assessment) -> str:
        if self.slug == "options":
            return options_title(assessment)
        return self.title

    def state(self, assessment) -> SectionState:
        if self.slug == "options":
            return _options_state(assessment)
        if self.slug == "quality":
            return _quality_state(assessment)
        if self.slug == "outcomes":
            return _outcomes_state(assessment)
        answered = [name for name in self.required if _answered(assessment.answer(name))]
        confirmed = not self.confirmed_by or getattr(assessment, self.confirmed_by)
        if confirmed and len(answered) == len(self.required):
            return SectionState.COMPLETE
        started = any(
            _answered(assessment.answer(name)) for name in self.fields if name not in self.prefilled
        )
        return SectionState.IN_PROGRESS if started else SectionState.NOT_STARTED


def _answered(value) -> bool:
    # An empty list is an answer ("none of these"); None and "" are not.
    return value is not None and value != ""


def options_title(assessment) -> str:
    """A necessary arrangement compares ways of getting people to do the work, not
    whether to have it done by them."""
    if assessment.necessity == Necessity.NECESSARY:
        return "Ways of getting people to do this work"
    return "Ways of doing the work"


def comparator_words(assessment) -> str:
    """What the comparator stands for in this arrangement, in a manager's words: just the
    option chosen to compare against when every option would be new; the service without
    the work where the work adds to it (and is not needed for it to run); otherwise the way
    things are done now."""
    if not assessment.comparator_is_now:
        return "the option we compare against"
    if (
        assessment.work_relation == WorkRelation.ADDS
        and assessment.necessity != Necessity.NECESSARY
    ):
        return "the service without it"
    return "what happens now"


def people_words(assessment) -> str:
    """Who the options serve, in a line for the options page and check your answers."""
    if assessment.same_population is None:
        return "Not answered yet"
    if not assessment.same_population:
        return "Each option serves its own number of clients"
    if assessment.clients_per_year is None:
        return "The same people for every option (how many a year is not given yet)"
    return f"The same {format_number(assessment.clients_per_year)} people a year for every option"


def option_problems(assessment) -> list[str]:
    """What stops the set of options being compared, in plain words (empty when none)."""
    options = assessment.ordered_options
    problems = []
    if not MIN_OPTIONS <= len(options) <= MAX_OPTIONS:
        problems.append(f"Compare between {MIN_OPTIONS} and {MAX_OPTIONS} options.")
    if sum(option.comparator for option in options) != 1:
        problems.append(
            f"Choose one option as {comparator_words(assessment)}, to compare the others with."
        )
    if not any(option.co_produced for option in options):
        problems.append("At least one option must have co-producers doing part of the work.")
    return problems


def _options_state(assessment) -> SectionState:
    options = assessment.ordered_options
    same = bool(assessment.same_population)
    people_known = not same or assessment.clients_per_year is not None
    if options and people_known and all(option.costs_complete for option in options):
        if not option_problems(assessment):
            return SectionState.COMPLETE
        return SectionState.IN_PROGRESS
    answered = (
        getattr(option, name) not in (None, "")
        for option in options
        for name in COST_FIELDS
        if name not in OPTIONAL_COST_FIELDS
    )
    # Saying who the options serve is an answer of this section too.
    started = assessment.same_population is not None or any(answered)
    return SectionState.IN_PROGRESS if started else SectionState.NOT_STARTED


def _quality_state(assessment) -> SectionState:
    ratings = [rating for option in assessment.ordered_options for rating in option.ratings]
    if ratings and all(rating is not None for rating in ratings):
        return SectionState.COMPLETE
    if any(rating is not None for rating in ratings):
        return SectionState.IN_PROGRESS
    return SectionState.NOT_STARTED


def _outcomes_state(assessment) -> SectionState:
    outcomes = assessment.ordered_outcomes
    if not outcomes:
        return SectionState.NOT_STARTED
    if all(outcome.ordered_effects for outcome in outcomes):
        return SectionState.COMPLETE
    return SectionState.IN_PROGRESS


OPTION_SECTIONS = ("options", "quality")

# The low and high values each value judgement is tried at (all copied from the agency).
JUDGEMENT_ENDS = tuple(
    f"{name}_{end}"
    for name in ("hourly_rate", "discount_rate", "willingness_to_pay")
    for end in ("low", "high")
)

SECTIONS = (
    Section(
        "work",
        "The work",
        "What co-producers do, who they are and at what stage they take part.",
        required=(
            "work_description",
            "co_producer_types",
            "level",
            "phases",
            "inputs",
            "outputs",
            "work_relation",
        ),
    ),
    Section(
        "reciprocity",
        "What each side gives",
        "What the agency and the co-producers each put in, and when.",
        required=(
            "agency_contributions",
            "co_producer_contributions",
            "timing",
            "co_producers_per_year",
            "hours_per_co_producer",
        ),
        optional=("agency_contribution_notes", "co_producer_contribution_notes"),
    ),
    Section(
        "value",
        "Who benefits",
        "Who gains from the work: the people taking part, the public, or both.",
        required=("private_value_strength", "public_value_strength"),
        optional=("private_value_description", "public_value_description"),
    ),
    Section(
        "necessity",
        "Could the service do without it",
        "Whether the service could work without the co-producers' part.",
        required=("necessity",),
        optional=("necessity_reason",),
    ),
    Section(
        "motivations",
        "Why people take part",
        "How strongly each reason moves people to take part. Most arrangements mix several.",
        required=(*(f"{m}_motivation" for m in MOTIVATORS), "material_rewards_offered"),
        optional=("motivation_notes",),
    ),
    Section(
        "capability",
        "Skills and circumstances",
        "The skill the work needs, what co-producers bring, and who carries the burden.",
        required=(
            "expertise_required",
            "co_producer_capability",
            "capability_varies_by_area",
            "special_assets",
            "burden_on_vulnerable",
        ),
        optional=("special_assets_notes", "support_given"),
    ),
    Section(
        "options",
        "Ways of doing the work",
        "The options you are choosing between, with the costs and take-up of each.",
    ),
    Section(
        "quality",
        "Quality of each option",
        "How good each option is for the people it serves, rated side by side.",
    ),
    Section(
        "appraisal",
        "How to weigh the options",
        "The period, the discount rate, what people's time is worth and what better quality "
        "is worth to you.",
        required=("hourly_rate", "appraisal_years", "discount_rate"),
        optional=(
            "willingness_to_pay",
            *JUDGEMENT_ENDS,
        ),
        prefilled=(
            "hourly_rate",
            "appraisal_years",
            "discount_rate",
            "willingness_to_pay",
            *JUDGEMENT_ENDS,
        ),
        confirmed_by="appraisal_confirmed",
    ),
)

SECTIONS_BY_SLUG = {section.slug: section for section in SECTIONS}

# What the options change in people's lives, valued at published prices: asked after the
# quality ratings, but optional, so it is not one of SECTIONS (which must all be complete
# to submit, and which the wizard steps through). The task list and check your answers
# show it after the quality ratings.
OUTCOMES = Section(
    "outcomes",
    "Outcomes (optional)",
    "What each option changes in people's lives, such as crimes prevented or quality-adjusted "
    "life years, valued at published prices.",
)


def sections_for(assessment) -> list[tuple[Section, SectionState]]:
    """Every section, each with its state. (All apply: a necessary arrangement compares
    ways of getting the work done.)"""
    return [(section, section.state(assessment)) for section in SECTIONS]


def is_complete(assessment) -> bool:
    return all(state is SectionState.COMPLETE for _, state in sections_for(assessment))


def next_section(section: Section) -> Section | None:
    index = SECTIONS.index(section)
    return SECTIONS[index + 1] if index + 1 < len(SECTIONS) else None


def previous_section(section: Section) -> Section | None:
    index = SECTIONS.index(section)
    return SECTIONS[index - 1] if index > 0 else None
