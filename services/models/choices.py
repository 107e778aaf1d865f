"""The vocabulary of co-production, shared by the case library and the assessments.

Stored values match `services/case_library_data.py` and must not change once data exists;
labels and descriptions may be reworded freely.
"""

from django.db import models


class CoProducerType(models.TextChoices):
    CLIENTS = "clients", "Clients or service users"
    CITIZENS = "citizens", "Citizens or community members"
    VOLUNTEERS = "volunteers", "Volunteers"
    FAMILIES = "families", "Families or carers"
    COMMUNITY_ORGS = "community_orgs", "Community organisations"


class Level(models.TextChoices):
    """Nabatchi's 'who': one person, a group with something in common, or the community."""

    INDIVIDUAL = "individual", "Individual"
    GROUP = "group", "Group"
    COLLECTIVE = "collective", "Collective"

    @property
    def description(self) -> str:
        return {
            Level.INDIVIDUAL: "People each do their part, mostly for their own benefit.",
            Level.GROUP: "A group of people who share a need or a place work together.",
            Level.COLLECTIVE: "The work benefits the whole community, not only those doing it.",
        }[self]


class ValueType(models.TextChoices):
    PRIVATE = "private", "Private value"
    PUBLIC = "public", "Public value"
    BOTH = "both", "Private and public value"

    @property
    def description(self) -> str:
        return {
            ValueType.PRIVATE: "Enjoyed by the person who receives the service.",
            ValueType.PUBLIC: "Enjoyed by everyone together, such as a fairer tax system.",
            ValueType.BOTH: "Some value goes to the person, some to the public at large.",
        }[self]


class Necessity(models.TextChoices):
    NECESSARY = "necessary", "Necessary"
    OPTIONAL = "optional", "Optional"

    @property
    def description(self) -> str:
        return {
            Necessity.NECESSARY: "The service cannot work without co-producers' part, so the "
            "question is how to get it, not whether.",
            Necessity.OPTIONAL: "The agency could do this work another way, so co-production "
            "must earn its place against the alternative.",
        }[self]


class Motivator(models.TextChoices):
    """Why people take part. Several are usually present at once, in different degrees."""

    MATERIAL = "material", "Material"
    INTRINSIC = "intrinsic", "Intrinsic"
    SOCIAL = "social", "Social"
    NORMATIVE = "normative", "Normative"
    SANCTIONS = "sanctions", "Sanctions"

    @property
    def description(self) -> str:
        return {
            Motivator.MATERIAL: "Something to gain for themselves: money, time saved, a reward.",
            Motivator.INTRINSIC: "They enjoy the work itself.",
            Motivator.SOCIAL: "Company, belonging and the regard of others.",
            Motivator.NORMATIVE: "A sense of duty or of doing the right thing.",
            Motivator.SANCTIONS: "Avoiding a penalty, for people the law obliges to take part.",
        }[self]


class SpecialAsset(models.TextChoices):
    """What co-producers bring that a paid provider could not easily buy."""

    LOCAL_KNOWLEDGE = "local_knowledge", "Local knowledge"
    TRUST = "trust", "Trust"
    SKILLS = "skills", "Special skills"
    LOCATION = "location", "Locational advantage"


class CaseStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    PUBLISHED = "published", "Published"


class Perspective(models.TextChoices):
    """Whose costs a report's headline weighs. Both are always shown; the agency chooses
    which its reports lead with."""

    FULL = "full", "Everyone's costs: the agency's spending and co-producers' time and money"
    AGENCY = "agency", "The agency's own spending only"
