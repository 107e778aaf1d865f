"""The assessment's answer vocabularies.

Values match the strings `assessments.scoring` works with; a test keeps them in step.
"""

from django.db import models

# Shared with the case library, so that similar cases can be matched on them.
from services.models import CoProducerType, Level, SpecialAsset  # noqa: F401


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    ARCHIVED = "archived", "Archived"

    @property
    def editable(self) -> bool:
        return self is Status.DRAFT


class Phase(models.TextChoices):
    COMMISSIONING = "commissioning", "Commissioning: deciding what the service should do"
    DESIGN = "design", "Design: planning how the service works"
    DELIVERY = "delivery", "Delivery: doing the work of the service"
    ASSESSMENT = "assessment", "Assessment: checking how well it works"


class WorkRelation(models.TextChoices):
    ADDS = "adds", "It adds to what the agency does"
    REPLACES = "replaces", "It replaces work the agency did"


class Contribution(models.TextChoices):
    TIME = "time", "Time"
    EFFORT = "effort", "Effort"
    MONEY = "money", "Money or resources"
    TOOLS = "tools", "Tools or equipment"
    TRAINING = "training", "Training"
    INFORMATION = "information", "Information"
    COMPLIANCE = "compliance", "Compliance with rules"
    KNOWLEDGE = "knowledge", "Knowledge or expertise"


class Timing(models.TextChoices):
    SIMULTANEOUS = "simultaneous", "At the same time, working alongside each other"
    SEQUENTIAL = "sequential", "At different times, one after the other"


class Necessity(models.TextChoices):
    NECESSARY = "necessary", "Necessary: the service cannot work without it"
    OPTIONAL = "optional", "Optional: the agency could do the work another way"


class Confidence(models.TextChoices):
    HIGH = "high", "High: from contracts, budgets or past spending"
    MEDIUM = "medium", "Medium: from comparable services"
    LOW = "low", "Low: a rough estimate"


class Classification(models.TextChoices):
    CO_PRODUCTION = "co_production", "Co-production"
    PARTICIPATION = "participation", "Participation, not co-production"
    NOT_CO_PRODUCTION = "not_co_production", "Not co-production"


class ValueType(models.TextChoices):
    PRIVATE = "private", "Private value"
    PUBLIC = "public", "Public value"
    BOTH = "both", "Private and public value"
    NONE = "none", "No value"


class Quadrant(models.TextChoices):
    """The best co-produced option against the comparator, on cost per client-year and
    quality. A tie on one axis is named as a tie: "same cost, better quality" is not
    "cheaper and better"."""

    CHEAPER_BETTER = "cheaper_better", "Cheaper and better"
    CHEAPER_SAME = "cheaper_same", "Cheaper, same quality"
    SAME_BETTER = "same_better", "Same cost, better quality"
    DEARER_BETTER = "dearer_better", "Costs more for better quality"
    SAME_SAME = "same_same", "Same cost and quality"
    CHEAPER_WORSE = "cheaper_worse", "Cheaper but lower quality"
    SAME_WORSE = "same_worse", "Same cost, lower quality"
    DEARER_SAME = "dearer_same", "Costs more for the same quality"
    DEARER_WORSE = "dearer_worse", "Costs more and is worse"

    @property
    def co_production_wins(self) -> bool:
        """Co-production is at least as good on both counts and better on one."""
        return self in (Quadrant.CHEAPER_BETTER, Quadrant.CHEAPER_SAME, Quadrant.SAME_BETTER)

    @property
    def trade_off(self) -> bool:
        """Better on one count, worse on the other: the willingness to pay decides."""
        return self in (Quadrant.DEARER_BETTER, Quadrant.CHEAPER_WORSE)


class Sensitivity(models.TextChoices):
    ROBUST = "robust", "Robust"
    FRAGILE = "fragile", "Fragile"


STRENGTH_CHOICES = [
    (0, "0 – none"),
    (1, "1 – weak"),
    (2, "2 – moderate"),
    (3, "3 – strong"),
    (4, "4 – very strong"),
]
RATING_CHOICES = [
    (1, "1 – poor"),
    (2, "2 – fair"),
    (3, "3 – good"),
    (4, "4 – very good"),
    (5, "5 – excellent"),
]
