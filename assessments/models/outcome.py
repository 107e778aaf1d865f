"""Outcome measures: what an assessment's options change in people's lives, and its price.

An assessment may name outcomes in natural units (quality-adjusted life years, crimes,
tonnes). Each has a price per unit: a published reference value, copied here with its
source so that a later edit of the library never changes a submitted result, or a value
of the agency's own with its reason. For each option the manager gives the change it
makes for each client a year: as a level, or as the difference from the comparator (as a
trial or a review reports it), with a range or a 95% interval. An effect may be adopted
from a case example's measured effects; its study is copied with it.
"""

from decimal import Decimal
from uuid import uuid4

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from coprod_site.text import length_limit, text_up_to
from services import deflators
from services.models import EffectSpread
from services.models.reference_values import UNIT_VALUE_LIMIT

REASON_MAX = 1000
# The most outcomes an assessment may value: enough for any appraisal a manager can read.
MAX_OUTCOMES = 6
# An effect for each client a year, in the outcome's units: ± this much at most.
EFFECT_LIMIT = Decimal(1_000_000)


def _price(verbose_name, **kwargs):
    return models.DecimalField(verbose_name, max_digits=14, decimal_places=2, **kwargs)


def _effect(verbose_name, **kwargs):
    return models.DecimalField(verbose_name, max_digits=16, decimal_places=6, **kwargs)


class OutcomeMeasure(models.Model):
    code = models.UUIDField(default=uuid4, unique=True, editable=False)
    assessment = models.ForeignKey(
        "assessments.Assessment", on_delete=models.CASCADE, related_name="outcomes"
    )
    position = models.PositiveSmallIntegerField()
    name = models.CharField("what changes", max_length=200)
    unit = models.CharField("one unit", max_length=120)
    # The price as adopted, in its own price year; the reference value it came from, if any.
    reference_value = models.ForeignKey(
        "services.ReferenceValue",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    unit_value = _price("value of one unit")
    unit_value_low = _price("value of one unit: lowest")
    unit_value_high = _price("value of one unit: highest")
    currency = models.CharField(max_length=3)
    price_year = models.PositiveSmallIntegerField("price year of the value")
    # The value brought to the assessment's price year (see `services.deflators`), which is
    # what the scoring uses, and how it was brought there, in words.
    price = _price("value of one unit in the assessment's prices")
    price_low = _price("lowest value in the assessment's prices")
    price_high = _price("highest value in the assessment's prices")
    conversion = models.CharField(
        "how the value was brought to the price year", max_length=400, blank=True
    )
    source = models.CharField("where the value comes from", max_length=600, blank=True)
    source_url = models.URLField("web address of the source", max_length=500, blank=True)
    reason = text_up_to("why this value", REASON_MAX)
    as_difference = models.BooleanField(
        "effects are differences from what happens now", default=True
    )
    # Whose evidence the effects are: a case example's measured effect, copied.
    evidence = models.CharField("evidence for the effects", max_length=800, blank=True)
    evidence_case = models.ForeignKey(
        "services.CaseEffect", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["position"]
        verbose_name = "outcome measure"
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "position"],
                name="assessments_outcome_position_unique",
                violation_error_message="Another outcome of this assessment is already in this "
                "place in the list.",
            ),
            models.UniqueConstraint(
                fields=["assessment", "name"],
                name="assessments_outcome_name_unique",
                violation_error_message="This assessment already values an outcome with this "
                "name: give each outcome its own.",
            ),
            models.CheckConstraint(
                condition=models.Q(unit_value_low__gte=0)
                & models.Q(unit_value__gte=models.F("unit_value_low"))
                & models.Q(unit_value_high__gte=models.F("unit_value"))
                & models.Q(unit_value_high__lte=UNIT_VALUE_LIMIT),
                name="assessments_outcome_range_holds_value",
                violation_error_message="The lowest value of one unit must not be below zero "
                "or above the value, and the highest must not be below the value or above "
                f"{UNIT_VALUE_LIMIT:,}.",
            ),
            models.CheckConstraint(
                condition=models.Q(price_low__gte=0)
                & models.Q(price__gte=models.F("price_low"))
                & models.Q(price_high__gte=models.F("price")),
                name="assessments_outcome_price_range_holds_price",
                violation_error_message="In the assessment's prices, the lowest value must not "
                "be below zero or above the value, nor the highest below the value.",
            ),
            models.CheckConstraint(
                condition=~models.Q(source="", reference_value__isnull=True) | ~models.Q(reason=""),
                name="assessments_outcome_own_value_has_reason",
                violation_error_message="Say where a value of your own comes from.",
            ),
            models.CheckConstraint(
                condition=models.Q(source_url="")
                | models.Q(source_url__startswith="http://")
                | models.Q(source_url__startswith="https://"),
                name="assessments_outcome_source_url_is_web",
                violation_error_message="Enter a web address for the source that starts with "
                "http:// or https://, or leave it empty.",
            ),
            length_limit("assessments_outcome", "reason", REASON_MAX, "the reason for this value"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def own_value(self) -> bool:
        """The agency's own price, not a reference value's."""
        return self.reference_value_id is None and not self.source

    def bring_to(self, price_year: int | None) -> None:
        """Set the prices used from the value as published, brought to `price_year` with
        the GDP deflator where the table covers both years; as published otherwise, and
        `conversion` says which (not saved here)."""
        self.price, self.price_low, self.price_high = (
            self.unit_value,
            self.unit_value_low,
            self.unit_value_high,
        )
        if price_year is None or price_year == self.price_year:
            self.conversion = ""
            return
        try:
            found = deflators.conversion(self.currency, self.price_year, price_year)
        except deflators.NoDeflator as missing:
            self.conversion = f"Used as published, in {self.price_year} prices: {missing}."
            return
        self.price, self.price_low, self.price_high = (
            found.apply(amount)
            for amount in (self.unit_value, self.unit_value_low, self.unit_value_high)
        )
        self.conversion = found.words(self.unit_value)

    @property
    def ordered_effects(self) -> list["OutcomeEffect"]:
        """The effects, read once (from `prefetch_related("effects")` when there)."""
        return list(self.effects.all())

    def copy_for(self, assessment, options_by_position: dict) -> tuple:
        """An unsaved copy of this measure for another assessment (a revision), and
        unsaved copies of its effects for the options there at the same positions."""
        skipped = ("id", "code", "assessment")
        copy = OutcomeMeasure(
            **{
                field.attname: getattr(self, field.attname)
                for field in self._meta.concrete_fields
                if field.name not in skipped
            }
        )
        copy.assessment = assessment
        effects = [
            effect.copy_for(copy, options_by_position[effect.option.position])
            for effect in self.ordered_effects
            if effect.option.position in options_by_position
        ]
        return copy, effects

    def clean(self):
        errors = {}
        if None not in (self.unit_value_low, self.unit_value) and (
            self.unit_value_low > self.unit_value
        ):
            errors["unit_value_low"] = "The lowest value must not be above the value."
        if None not in (self.unit_value_high, self.unit_value) and (
            self.unit_value_high < self.unit_value
        ):
            errors["unit_value_high"] = "The highest value must not be below the value."
        if errors:
            raise ValidationError(errors)


class OutcomeEffect(models.Model):
    """The change one option makes to one outcome, for each client a year."""

    outcome = models.ForeignKey(OutcomeMeasure, on_delete=models.CASCADE, related_name="effects")
    option = models.ForeignKey(
        "assessments.Option", on_delete=models.CASCADE, related_name="outcome_effects"
    )
    estimate = _effect("change for each client a year")
    low = _effect("lowest", null=True, blank=True)
    high = _effect("highest", null=True, blank=True)
    spread = models.CharField(
        "the lowest and highest are", max_length=5, choices=EffectSpread.choices, blank=True
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["option__position"]
        verbose_name = "outcome effect"
        constraints = [
            models.UniqueConstraint(
                fields=["outcome", "option"],
                name="assessments_outcomeeffect_one_per_option",
                violation_error_message="This option already has a change for this outcome: "
                "change that one instead.",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    estimate__gte=-EFFECT_LIMIT,
                    estimate__lte=EFFECT_LIMIT,
                ),
                name="assessments_outcomeeffect_estimate_in_range",
                violation_error_message="The change for each client a year must be between "
                f"{-EFFECT_LIMIT:,} and {EFFECT_LIMIT:,}.",
            ),
            models.CheckConstraint(
                condition=(models.Q(low__isnull=True) & models.Q(high__isnull=True))
                | (
                    models.Q(low__isnull=False, high__isnull=False)
                    & models.Q(low__lte=models.F("estimate"))
                    & models.Q(high__gte=models.F("estimate"))
                    & models.Q(low__gte=-EFFECT_LIMIT, high__lte=EFFECT_LIMIT)
                    & ~models.Q(spread="")
                ),
                name="assessments_outcomeeffect_range_holds_estimate",
                violation_error_message="Give both the lowest and the highest, or neither: the "
                "lowest not above the change, the highest not below it, each between "
                f"{-EFFECT_LIMIT:,} and {EFFECT_LIMIT:,}, and say what they are.",
            ),
            models.CheckConstraint(
                condition=models.Q(spread__in=["", *EffectSpread.values]),
                name="assessments_outcomeeffect_spread_valid",
                violation_error_message="Say what the lowest and highest are: a confidence "
                "interval or a range.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.outcome}: {self.estimate}"

    def copy_for(self, outcome: OutcomeMeasure, option) -> "OutcomeEffect":
        return OutcomeEffect(
            outcome=outcome,
            option=option,
            estimate=self.estimate,
            low=self.low,
            high=self.high,
            spread=self.spread,
        )
