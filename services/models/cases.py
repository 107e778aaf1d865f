"""The case-example library: real co-production cases that curators keep and managers read."""

from uuid import uuid4

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from coprod_site.text import WRITTEN_ANSWER_MAX, length_limit, text_up_to
from services.models.agencies import GovernmentLevel, Sector
from services.models.choices import (
    CaseStatus,
    CoProducerType,
    Level,
    Motivator,
    Necessity,
    SpecialAsset,
    ValueType,
)
from services.similarity import Match, similar_cases

# Why people take part, as a reason in a sentence ("for the same reasons: material gain and
# sanctions").
MOTIVATOR_REASONS = {
    Motivator.MATERIAL: "material gain",
    Motivator.INTRINSIC: "enjoying the work",
    Motivator.SOCIAL: "the company of others",
    Motivator.NORMATIVE: "a sense of duty",
    Motivator.SANCTIONS: "sanctions",
}

# The columns services.similarity reads, and the title it breaks ties with.
SIMILARITY_FIELDS = (
    "slug",
    "title",
    "sector",
    "value_type",
    "necessity",
    "motivators",
    "co_producer_type",
)
SEARCHED_FIELDS = ("title", "summary", "work", "lessons", "country")


def stamp_publication(curated) -> None:
    """`published_at` says when a curated item (a case, a reference value) went public, so
    it follows the status: set on publishing, cleared on going back to draft or review."""
    if curated.is_published and curated.published_at is None:
        curated.published_at = timezone.now()
    elif not curated.is_published:
        curated.published_at = None


class CaseExampleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=CaseStatus.PUBLISHED)

    def visible_to(self, user):
        """Published cases for everyone; staff, who curate them, see drafts and reviews too."""
        if user.is_authenticated and user.is_staff:
            return self.all()
        return self.published()

    def with_motivator(self, motivator: str):
        """Cases that list this motivator.

        JSON containment (`motivators__contains=[...]`) works on PostgreSQL but not on
        SQLite, so this matches the quoted value in the list's JSON text instead, which
        works on both: no stored value contains a quote, so '"social"' can only be a
        whole item. Raises ValueError for an unknown motivator.
        """
        quoted = f'"{Motivator(motivator).value}"'
        return self.alias(motivators_text=Cast("motivators", models.TextField())).filter(
            motivators_text__contains=quoted
        )

    def search(self, words: str):
        """Cases whose title, summary, work, lessons or country contain the words as typed."""
        condition = models.Q()
        for field in SEARCHED_FIELDS:
            condition |= models.Q(**{f"{field}__icontains": words})
        return self.filter(condition)

    def similar_to(self, profile, limit: int = 3) -> list[Match]:
        """The published cases most like the profile, ranked by `services.similarity`.

        One query, reading only the columns the ranking needs; drafts are never
        considered, whatever queryset this is called on. `why_similar(match)` words
        each match.
        """
        return similar_cases(profile, self.published().only(*SIMILARITY_FIELDS), limit)


def _words(items: list[str]) -> str:
    """Words joined as in a sentence: a; a and b; a, b and c."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def why_similar(match: Match) -> str:
    """Why a library case matches, in words: "Same sector: tax and revenue; people take
    part for the same reasons: material gain and sanctions"."""
    case = match.case
    reasons = []
    for aspect in match.shared:
        if aspect == "sector":
            reasons.append(f"same sector: {Sector(case.sector).label.lower()}")
        elif aspect == "related_sector":
            reasons.append(f"a related sector: {Sector(case.sector).label.lower()}")
        elif aspect == "co_producer_type":
            kind = CoProducerType(case.co_producer_type).label.lower()
            reasons.append(f"the same kind of co-producers: {kind}")
        elif aspect == "motivators":
            why = [
                reason
                for motivator, reason in MOTIVATOR_REASONS.items()
                if motivator in match.shared_motivators
            ]
            plural = "reasons" if len(why) > 1 else "reason"
            reasons.append(f"people take part for the same {plural}: {_words(why)}")
        elif aspect == "value_type":
            reasons.append(f"both make {ValueType(case.value_type).label.lower()}")
        elif aspect == "necessity":
            necessity = Necessity(case.necessity).label.lower()
            reasons.append(f"co-producers' part is {necessity} in both")
    sentence = "; ".join(reasons)
    return sentence[:1].upper() + sentence[1:]


def _choice_valid(field: str, choices, what: str) -> models.CheckConstraint:
    """A check that `field` holds one of `choices`; `what` is what to choose ("a sector")."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__in": choices.values}),
        name=f"services_caseexample_{field}_valid",
        violation_error_message=f"Choose {what}, one of: {'; '.join(choices.labels)}.",
    )


# The case's free text, each limited in length, as the limit's message names it.
CASE_TEXT_FIELDS = {
    "summary": "the summary",
    "work": "what co-producers do",
    "benefits": "the benefits",
    "costs": "the costs",
    "quality_effect": "the effect on service quality",
    "lessons": "the lessons",
}


class CaseExample(models.Model):
    code = models.UUIDField(default=uuid4, unique=True, editable=False)
    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=100,
        unique=True,
        help_text="The end of the case's web address, as in /cases/kerbside-recycling/.",
    )
    summary = text_up_to(
        "summary", help_text="A few sentences on what happened. Needed before publishing."
    )
    work = text_up_to("what co-producers do")
    agencies = models.CharField("agencies involved", max_length=300, blank=True)
    period = models.CharField("when", max_length=200, blank=True)
    country = models.CharField(max_length=100)
    sector = models.CharField(max_length=30, choices=Sector.choices)
    government_level = models.CharField(max_length=20, choices=GovernmentLevel.choices)
    co_producer_type = models.CharField(
        "who the co-producers are", max_length=20, choices=CoProducerType.choices
    )
    level = models.CharField(max_length=20, choices=Level.choices)
    value_type = models.CharField("value made", max_length=10, choices=ValueType.choices)
    necessity = models.CharField("necessary or optional", max_length=10, choices=Necessity.choices)
    # Lists of Motivator and SpecialAsset values; the admin edits them as checkboxes.
    motivators = models.JSONField("why people take part", default=list, blank=True)
    special_assets = models.JSONField("what co-producers bring", default=list, blank=True)
    benefits = text_up_to("benefits")
    costs = text_up_to("costs")
    quality_effect = text_up_to("effect on service quality")
    lessons = text_up_to("lessons")
    status = models.CharField(max_length=12, choices=CaseStatus.choices, default=CaseStatus.DRAFT)
    curated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="curated_cases",
    )
    curated_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(
        null=True, blank=True, help_text="Set when the case is published; empty otherwise."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CaseExampleQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        verbose_name = "case example"
        permissions = [
            ("import_caseexample", "Can import case examples from a file"),
            ("export_caseexample", "Can export case examples to a file"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=CaseStatus.values),
                name="services_caseexample_status_valid",
                violation_error_message="The status must be one of: "
                f"{'; '.join(CaseStatus.labels)}.",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=CaseStatus.PUBLISHED) | ~models.Q(summary=""),
                name="services_caseexample_published_has_summary",
                violation_error_message="A published case needs a summary.",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=CaseStatus.PUBLISHED)
                | models.Q(published_at__isnull=False),
                name="services_caseexample_published_has_date",
                violation_error_message="A published case example needs the date it was "
                "published: save it again, or set it back to draft.",
            ),
            *(
                length_limit("services_caseexample", name, WRITTEN_ANSWER_MAX, what)
                for name, what in CASE_TEXT_FIELDS.items()
            ),
            _choice_valid("sector", Sector, "a sector"),
            _choice_valid("government_level", GovernmentLevel, "a level of government"),
            _choice_valid("co_producer_type", CoProducerType, "who the co-producers are"),
            _choice_valid("level", Level, "a level"),
            _choice_valid("value_type", ValueType, "the value made"),
            _choice_valid("necessity", Necessity, "whether it is necessary or optional"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        stamp_publication(self)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("cases:detail", args=[self.slug])

    @property
    def is_published(self) -> bool:
        return self.status == CaseStatus.PUBLISHED

    # The choice members, so templates can show their descriptions as well as labels.
    @property
    def level_choice(self) -> Level:
        return Level(self.level)

    @property
    def value_type_choice(self) -> ValueType:
        return ValueType(self.value_type)

    @property
    def necessity_choice(self) -> Necessity:
        return Necessity(self.necessity)

    @property
    def motivator_list(self) -> list[Motivator]:
        return [Motivator(value) for value in self.motivators if value in Motivator.values]

    @property
    def special_asset_list(self) -> list[SpecialAsset]:
        return [
            SpecialAsset(value) for value in self.special_assets if value in SpecialAsset.values
        ]

    def clean(self):
        errors = {}
        for field, choices in (("motivators", Motivator), ("special_assets", SpecialAsset)):
            values = getattr(self, field)
            if not isinstance(values, list) or not all(value in choices.values for value in values):
                known = ", ".join(choices.values)
                errors[field] = f"Give a list of these values only: {known}."
        if self.is_published and not self.summary.strip():
            errors["summary"] = "Write a summary before publishing: readers start there."
        if errors:
            raise ValidationError(errors)

    def publish_problems(self, source_count: int | None = None) -> list[str]:
        """Why this case cannot be published yet; empty when it can.

        Pass `source_count` when the caller has annotated it, to save a query.
        """
        if source_count is None:
            source_count = self.sources.count()
        problems = []
        if not self.summary.strip():
            problems.append("it has no summary")
        if not source_count:
            problems.append("it has no source")
        return problems


web_address = URLValidator(
    schemes=["http", "https"], message="Enter a web address starting with http:// or https://."
)


class CaseSource(models.Model):
    case = models.ForeignKey(CaseExample, on_delete=models.CASCADE, related_name="sources")
    citation = models.CharField(
        max_length=500, help_text="Author, year, title and where it was published."
    )
    url = models.URLField(
        "web address",
        max_length=500,
        blank=True,
        validators=[web_address],
        help_text="Leave empty if the source is not online.",
    )
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            # Only web links reach a page's href: never javascript: or data: addresses.
            models.CheckConstraint(
                condition=models.Q(url="")
                | models.Q(url__startswith="http://")
                | models.Q(url__startswith="https://"),
                name="services_casesource_url_is_web",
                violation_error_message="Enter a web address starting with http:// or "
                "https://, or leave it empty.",
            ),
        ]

    def __str__(self) -> str:
        return self.citation


class EffectSpread(models.TextChoices):
    """What the low and high values of a measured effect are."""

    INTERVAL = "ci95", "A 95% confidence interval"
    RANGE = "range", "The lowest and highest it might be"


class CaseEffect(models.Model):
    """An effect measured in a case, as its study reports it: a change in an outcome for
    each person a year (0.02 quality-adjusted life years per patient), against what the
    study compared it with, with its interval. Managers may adopt it for an outcome of
    their own assessment; the citation goes with it."""

    case = models.ForeignKey(CaseExample, on_delete=models.CASCADE, related_name="effects")
    outcome = models.CharField(max_length=200, help_text="What changed, as in “Quality of life”.")
    unit = models.CharField(
        "one unit", max_length=120, help_text="What one unit is, as in “one QALY”."
    )
    effect = models.DecimalField(
        max_digits=16,
        decimal_places=6,
        help_text="The change for each person a year, against the comparison; negative for a fall.",
    )
    low = models.DecimalField(max_digits=16, decimal_places=6, null=True, blank=True)
    high = models.DecimalField(max_digits=16, decimal_places=6, null=True, blank=True)
    spread = models.CharField(
        "the low and high are", max_length=5, choices=EffectSpread.choices, blank=True
    )
    compared_with = models.CharField(
        max_length=200, help_text="What the study compared it with, as in “usual care”."
    )
    population = models.CharField(
        "who was studied", max_length=300, help_text="Who, how many, where and for how long."
    )
    study = models.CharField(max_length=500, help_text="Author, year, title and journal.")
    url = models.URLField("web address", max_length=500, blank=True, validators=[web_address])
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "measured effect"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(url="")
                | models.Q(url__startswith="http://")
                | models.Q(url__startswith="https://"),
                name="services_caseeffect_url_is_web",
                violation_error_message="Enter a web address starting with http:// or "
                "https://, or leave it empty.",
            ),
            models.CheckConstraint(
                condition=(models.Q(low__isnull=True) & models.Q(high__isnull=True))
                | (
                    models.Q(low__isnull=False, high__isnull=False)
                    & models.Q(low__lte=models.F("effect"))
                    & models.Q(high__gte=models.F("effect"))
                    & ~models.Q(spread="")
                ),
                name="services_caseeffect_interval_holds_effect",
                violation_error_message="Give both ends, around the effect, and what they are.",
            ),
            models.CheckConstraint(
                condition=models.Q(spread__in=["", *EffectSpread.values]),
                name="services_caseeffect_spread_valid",
                violation_error_message="Say what the low and high are: a confidence interval "
                "or a range.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.outcome}: {self.effect.normalize():f} {self.unit} a person"

    @property
    def citation(self) -> str:
        """Whose evidence it is: the study and the case it comes from."""
        return f"{self.study} (case example: {self.case.title})"

    def clean(self):
        errors = {}
        ends = (self.low, self.high)
        if (ends[0] is None) != (ends[1] is None):
            errors["high" if ends[1] is None else "low"] = "Give both ends, or neither."
        elif ends[0] is not None and self.effect is not None:
            if ends[0] > self.effect:
                errors["low"] = "The low end must not be above the effect."
            if ends[1] < self.effect:
                errors["high"] = "The high end must not be below the effect."
            if not self.spread:
                errors["spread"] = "Say whether the ends are a 95% interval or a range."
        if errors:
            raise ValidationError(errors)
