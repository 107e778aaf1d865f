"""The wizard's sections: their order, their questions, and when each is complete.

The task list, the wizard and the check-your-answers page all read this one list.
"""

from dataclasses import dataclass
from enum import StrEnum

from assessments.choices import Necessity
from assessments.models import MOTIVATORS, OPTIONS, RATINGS


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
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    # Filled in from the agency's defaults when the assessment starts: answers, but not a
    # sign that the manager has begun the section.
    prefilled: tuple[str, ...] = ()

    @property
    def fields(self) -> tuple[str, ...]:
        return self.required + self.optional

    def applies_to(self, assessment) -> bool:
        # A necessary arrangement cannot be swapped for another tool, so the cost and
        # quality comparison does not apply to it.
        return not (self.slug == "costs" and assessment.necessity == Necessity.NECESSARY)

    def state(self, assessment) -> SectionState:
        answered = [name for name in self.required if _answered(assessment.answer(name))]
        if len(answered) == len(self.required):
            return SectionState.COMPLETE
        started = any(
            _answered(assessment.answer(name)) for name in self.fields if name not in self.prefilled
        )
        return SectionState.IN_PROGRESS if started else SectionState.NOT_STARTED


def _answered(value) -> bool:
    # An empty list is an answer ("none of these"); None and "" are not.
    return value is not None and value != ""


OPTION_FIELDS = tuple(
    f"{option}_{name}"
    for option in OPTIONS
    for name in (
        "setup_cost",
        "annual_agency_cost",
        "annual_co_producer_hours",
        "clients_per_year",
        "confidence",
        *RATINGS,
    )
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
        "Reciprocity",
        "What the agency and the co-producers each give, and when.",
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
        "Value",
        "Who benefits: the people taking part, the public, or both.",
        required=("private_value_strength", "public_value_strength"),
        optional=("private_value_description", "public_value_description"),
    ),
    Section(
        "necessity",
        "Necessity",
        "Whether the service could work without the co-producers.",
        required=("necessity",),
        optional=("necessity_reason",),
    ),
    Section(
        "motivations",
        "Motivations",
        "How strongly does each reason move people to take part? Most arrangements mix several.",
        required=(*(f"{m}_motivation" for m in MOTIVATORS), "material_rewards_offered"),
        optional=("motivation_notes",),
    ),
    Section(
        "capability",
        "Capability and context",
        "The expertise the work needs, what co-producers bring, and who carries the burden.",
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
        "costs",
        "Costs and quality",
        "Co-production against its alternative, on spending, citizens' time and quality.",
        required=(
            "alternative_name",
            "hourly_rate",
            "appraisal_years",
            "discount_rate",
            *OPTION_FIELDS,
        ),
        prefilled=("hourly_rate", "appraisal_years", "discount_rate"),
    ),
)

SECTIONS_BY_SLUG = {section.slug: section for section in SECTIONS}


def sections_for(assessment) -> list[tuple[Section, SectionState]]:
    """The sections that apply to this assessment, each with its state."""
    return [(s, s.state(assessment)) for s in SECTIONS if s.applies_to(assessment)]


def is_complete(assessment) -> bool:
    return all(state is SectionState.COMPLETE for _, state in sections_for(assessment))
