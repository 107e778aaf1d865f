"""One way of doing the work, compared with the others in an assessment's appraisal.

An assessment has 2 to 6 options, exactly one of them the comparator (what happens now,
or the service without the co-produced work) and at least one co-produced. The database
holds what it can: one comparator, unique positions and names, inputs in range; the
option views keep the count and the co-produced rule, under the assessment's version.
"""

from decimal import Decimal
from uuid import uuid4

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from assessments.models.fields import (
    confidence,
    count,
    hours,
    in_range,
    money,
    range_holds_estimate,
    rating,
    result_money,
    result_quality,
    result_rate,
)
from assessments.scoring import LIMITS, RATING_FIELDS, Dominance, OptionInputs, OptionResult
from assessments.scoring.inputs import RANGED_OPTION_FIELDS
from coprod_site.text import length_limit, text_up_to

# A sentence or two on what happens in the option.
OPTION_DESCRIPTION_MAX = 1000

# The answers of an option that its own page asks (the ratings are asked side by side).
COST_FIELDS = (
    "setup_cost",
    "annual_agency_cost",
    "annual_co_producer_hours",
    "annual_co_producer_money",
    "clients_per_year",
    "ramp_up_years",
    "confidence",
)
RANGE_FIELDS = tuple(f"{name}{end}" for name in RANGED_OPTION_FIELDS for end in ("_low", "_high"))
# The bounds of the ranges of figures (ratings are 1-5).
RANGE_LIMITS = {
    "setup_cost": LIMITS.money,
    "annual_agency_cost": LIMITS.money,
    "annual_co_producer_hours": LIMITS.hours_a_year,
    "annual_co_producer_money": LIMITS.money,
    "clients_per_year": LIMITS.clients_a_year,
    "ramp_up_years": LIMITS.ramp_up_years,
}
# Blank is an answer for these: hours fall back to people x hours each (or none), money and
# ramp-up to none.
OPTIONAL_COST_FIELDS = ("annual_co_producer_hours", "annual_co_producer_money", "ramp_up_years")


class Option(models.Model):
    code = models.UUIDField(default=uuid4, unique=True, editable=False)
    assessment = models.ForeignKey(
        "assessments.Assessment", on_delete=models.CASCADE, related_name="options"
    )
    position = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=120)
    description = text_up_to("description", OPTION_DESCRIPTION_MAX)
    co_produced = models.BooleanField("do co-producers do part of the work", default=True)
    comparator = models.BooleanField("is this what happens now", default=False)

    setup_cost = money("one-off set-up cost")
    annual_agency_cost = money("cost to the agency a year")
    annual_co_producer_hours = hours("hours co-producers give a year")
    annual_co_producer_money = money("co-producers' own money a year")
    clients_per_year = count("clients served a year", limit=LIMITS.clients_a_year)
    ramp_up_years = models.PositiveSmallIntegerField(
        "years to reach full take-up",
        null=True,
        blank=True,
        validators=[MaxValueValidator(LIMITS.ramp_up_years)],
    )
    confidence = confidence("confidence in these figures")
    effectiveness = rating("effectiveness")
    consistency = rating("consistency across areas")
    trust = rating("trust and responsiveness")
    experience = rating("client experience")

    # How far each figure might be out: blank means the default for the confidence.
    setup_cost_low = money("one-off set-up cost: lowest")
    setup_cost_high = money("one-off set-up cost: highest")
    annual_agency_cost_low = money("cost to the agency a year: lowest")
    annual_agency_cost_high = money("cost to the agency a year: highest")
    annual_co_producer_hours_low = hours("hours co-producers give a year: lowest")
    annual_co_producer_hours_high = hours("hours co-producers give a year: highest")
    annual_co_producer_money_low = money("co-producers' own money a year: lowest")
    annual_co_producer_money_high = money("co-producers' own money a year: highest")
    clients_per_year_low = count("clients served a year: lowest", limit=LIMITS.clients_a_year)
    clients_per_year_high = count("clients served a year: highest", limit=LIMITS.clients_a_year)
    ramp_up_years_low = models.PositiveSmallIntegerField(
        "years to full take-up: fewest",
        null=True,
        blank=True,
        validators=[MaxValueValidator(LIMITS.ramp_up_years)],
    )
    ramp_up_years_high = models.PositiveSmallIntegerField(
        "years to full take-up: most",
        null=True,
        blank=True,
        validators=[MaxValueValidator(LIMITS.ramp_up_years)],
    )
    effectiveness_low = rating("effectiveness: lowest")
    effectiveness_high = rating("effectiveness: highest")
    consistency_low = rating("consistency across areas: lowest")
    consistency_high = rating("consistency across areas: highest")
    trust_low = rating("trust and responsiveness: lowest")
    trust_high = rating("trust and responsiveness: highest")
    experience_low = rating("client experience: lowest")
    experience_high = rating("client experience: highest")

    # Results from assessments.scoring, recomputed whenever the assessment is saved.
    result_agency_cost = result_money("cost to the agency (present value)")
    result_time_cost = result_money("value of co-producers' time (present value)")
    result_money_cost = result_money("co-producers' own money (present value)")
    result_full_cost = result_money("full cost (present value)")
    result_client_years = result_money("client-years (discounted)")
    result_cost_per_client_year = result_money("full cost per client-year")
    result_quality = result_quality("quality index")
    result_net_benefit = result_money("net benefit")
    result_on_frontier = models.BooleanField(default=False, editable=False)
    result_dominance = models.CharField(
        max_length=10, blank=True, editable=False, choices=[(d.value, d.name) for d in Dominance]
    )
    result_best_from_wtp = result_rate("best from this willingness to pay")
    result_best_to_wtp = result_rate("best up to this willingness to pay")
    result_is_best = models.BooleanField(default=False, editable=False)
    result_probability_best = models.DecimalField(
        "probability of being best",
        max_digits=6,
        decimal_places=5,
        null=True,
        blank=True,
        editable=False,
    )

    RESULT_FIELDS = (
        "result_agency_cost",
        "result_time_cost",
        "result_money_cost",
        "result_full_cost",
        "result_client_years",
        "result_cost_per_client_year",
        "result_quality",
        "result_net_benefit",
        "result_on_frontier",
        "result_dominance",
        "result_best_from_wtp",
        "result_best_to_wtp",
        "result_is_best",
        "result_probability_best",
    )

    # Every change: `Assessment.save_answers` records the saves it makes with bulk_update.
    history = HistoricalRecords()

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "position"], name="assessments_option_position_unique"
            ),
            length_limit("assessments_option", "description", OPTION_DESCRIPTION_MAX),
            models.UniqueConstraint(
                fields=["assessment", "name"], name="assessments_option_name_unique"
            ),
            models.UniqueConstraint(
                fields=["assessment"],
                condition=Q(comparator=True),
                name="assessments_option_one_comparator",
            ),
            *[
                in_range(name, 0, LIMITS.money, f"assessments_option_{name}_in_range")
                for name in ("setup_cost", "annual_agency_cost", "annual_co_producer_money")
            ],
            in_range(
                "annual_co_producer_hours",
                0,
                LIMITS.hours_a_year,
                "assessments_option_annual_co_producer_hours_in_range",
            ),
            in_range(
                "clients_per_year",
                0,
                LIMITS.clients_a_year,
                "assessments_option_clients_per_year_in_range",
            ),
            in_range(
                "ramp_up_years", 0, LIMITS.ramp_up_years, "assessments_option_ramp_up_in_range"
            ),
            *[
                in_range(f"{name}{end}", 1, 5, f"assessments_option_{name}{end}_1_to_5")
                for name in RATING_FIELDS
                for end in ("", "_low", "_high")
            ],
            *[
                in_range(f"{name}{end}", 0, limit, f"assessments_option_{name}{end}_in_range")
                for name, limit in RANGE_LIMITS.items()
                for end in ("_low", "_high")
            ],
            # A range holds its estimate: lowest <= estimate <= highest, where given.
            *[
                constraint
                for name in RANGED_OPTION_FIELDS
                for constraint in range_holds_estimate(name, "option")
            ],
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def ratings(self) -> tuple[int | None, ...]:
        return tuple(getattr(self, name) for name in RATING_FIELDS)

    @property
    def costs_complete(self) -> bool:
        """Every question of the option's own page is answered (blank optional ones count)."""
        required = (name for name in COST_FIELDS if name not in OPTIONAL_COST_FIELDS)
        return all(getattr(self, name) not in (None, "") for name in required)

    @property
    def ratings_complete(self) -> bool:
        return all(value is not None for value in self.ratings)

    def scoring_inputs(self) -> OptionInputs:
        return OptionInputs(
            name=self.name,
            co_produced=self.co_produced,
            comparator=self.comparator,
            setup_cost=self.setup_cost,
            annual_agency_cost=self.annual_agency_cost,
            annual_co_producer_hours=self.annual_co_producer_hours,
            annual_co_producer_money=self.annual_co_producer_money,
            clients_per_year=self.clients_per_year,
            ramp_up_years=self.ramp_up_years,
            confidence=self.confidence or None,
            **{name: getattr(self, name) for name in RATING_FIELDS},
            **{name: getattr(self, name) for name in RANGE_FIELDS},
        )

    def copy_for(self, assessment) -> "Option":
        """An unsaved copy of this option, answers and position included, for another
        assessment (a revision); its results are left to be worked out there."""
        skipped = ("id", "code", "assessment", *self.RESULT_FIELDS)
        copy = Option(
            **{
                field.attname: getattr(self, field.attname)
                for field in self._meta.concrete_fields
                if field.name not in skipped
            }
        )
        copy.assessment = assessment
        return copy

    def store_result(self, result: OptionResult | None) -> None:
        """Copy one option's scoring result onto its result_* columns (not saved here)."""
        r = result
        self.result_agency_cost = _decimal(r and r.agency_cost)
        self.result_time_cost = _decimal(r and r.co_producer_time_cost)
        self.result_money_cost = _decimal(r and r.co_producer_money_cost)
        self.result_full_cost = _decimal(r and r.full_cost)
        self.result_client_years = _decimal(r and r.client_years)
        self.result_cost_per_client_year = _decimal(r and r.cost_per_client_year)
        self.result_quality = _decimal(r and r.quality_index)
        self.result_net_benefit = _decimal(r and r.net_benefit)
        self.result_on_frontier = bool(r and r.on_frontier)
        self.result_dominance = str(r.dominance) if r else ""
        self.result_best_from_wtp = _decimal(r and r.best_from_wtp)
        self.result_best_to_wtp = _decimal(r and r.best_to_wtp)
        self.result_is_best = bool(r and r.is_best)

    def result_values(self) -> tuple:
        """The stored results as they stand, to tell whether scoring changed them."""
        return tuple(getattr(self, name) for name in self.RESULT_FIELDS)

    def store_probability(self, probability: float | None) -> None:
        """A share of the Monte Carlo draws (a count out of 4000: five places are exact)."""
        self.result_probability_best = _decimal(probability)


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))
