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


class Verdict(models.TextChoices):
    DOMINATES = "dominates", "Co-production is cheaper and better"
    DOMINATED = "dominated", "Co-production costs more and is worse"
    COSTS_MORE_BETTER = "costs_more_better", "Co-production costs more for better quality"
    SAVES_MONEY_LOWER_QUALITY = (
        "saves_money_lower_quality",
        "Co-production saves money at lower quality",
    )
    EQUIVALENT = "equivalent", "No real difference in cost or quality"
    NECESSARY = "necessary", "Necessary: improve how it is done"


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
