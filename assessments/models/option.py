"""One way of doing the work, compared with the others in an assessment's appraisal.

An assessment has 2 to 6 options, exactly one of them the comparator (what happens now,
or the service without the co-produced work) and at least one co-produced. The database
holds what it can: one comparator, unique positions and names, inputs in range; the
option views keep the count and the co-produced rule, under the assessment's version.
"""

from uuid import uuid4

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from assessments.models import adapter
from assessments.models.fields import (
    confidence,
    count,
    in_range,
    money,
    per_client,
    range_holds_estimate,
    rating,
    result_hours,
    result_money,
    result_quality,
    result_rate,
    share_percent,
)
from assessments.scoring import LIMITS, RATING_FIELDS, Dominance, OptionInputs
from coprod_site.text import length_limit, text_up_to

# A sentence or two on what happens in the option.
OPTION_DESCRIPTION_MAX = 1000

# The answers of an option that its own page asks (the ratings are asked side by side).
COST_FIELDS = (
    "setup_cost",
    "annual_agency_cost",
    "hours_per_client",
    "money_per_client",
    "clients_per_year",
    "take_up",
    "ramp_up_years",
    "confidence",
)
# The option's figures that may carry a range, as the model holds them. Hours and money are
# for each client served; the scoring is given them as yearly totals (see scoring_inputs).
RANGED_FIELDS = (
    "setup_cost",
    "annual_agency_cost",
    "hours_per_client",
    "money_per_client",
    "clients_per_year",
    "take_up",
    "ramp_up_years",
    *RATING_FIELDS,
)
RANGE_FIELDS = tuple(f"{name}{end}" for name in RANGED_FIELDS for end in ("_low", "_high"))
# The bounds of the ranges of figures (ratings are 1-5).
RANGE_LIMITS = {
    "setup_cost": LIMITS.money,
    "annual_agency_cost": LIMITS.money,
    "hours_per_client": LIMITS.hours_a_year,
    "money_per_client": LIMITS.money,
    "clients_per_year": LIMITS.clients_a_year,
    "take_up": 100,
    "ramp_up_years": LIMITS.ramp_up_years,
}
# Each figure as the messages of its database checks name it (the admin shows them).
FIGURE_WORDS = {
    "setup_cost": "one-off set-up cost",
    "annual_agency_cost": "cost to the agency each year",
    "hours_per_client": "hours given for each client a year",
    "money_per_client": "money spent for each client a year",
    "clients_per_year": "number of clients served each year",
    "take_up": "share of the people the option reaches",
    "ramp_up_years": "number of years until full take-up",
    "effectiveness": "effectiveness rating",
    "consistency": "rating for consistency across areas",
    "trust": "rating for trust and responsiveness",
    "experience": "rating for client experience",
}
# Blank is an answer for these: hours fall back to people x hours each (or none), money and
# ramp-up to none, take-up to all the people. Clients are asked only when the options serve
# different people, take-up only when they serve the same (see `Assessment.same_population`).
OPTIONAL_COST_FIELDS = ("hours_per_client", "money_per_client", "take_up", "ramp_up_years")


class Option(models.Model):
    code = models.UUIDField(default=uuid4, unique=True, editable=False)
    # Its assessment's agency (docs/architecture.md), set by assigning the assessment
    # (declared before it, so that a new instance's default does not undo that); the
    # database refuses any other and carries it when the assessment's service moves.
    agency = models.ForeignKey(
        "services.Agency",
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        db_index=False,
    )
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
    # For each client served a year: they scale with the people served.
    hours_per_client = per_client(
        "hours co-producers give for each client a year", limit=LIMITS.hours_a_year
    )
    money_per_client = per_client(
        "co-producers' own money for each client a year", limit=LIMITS.money
    )
    clients_per_year = count("clients served a year", limit=LIMITS.clients_a_year)
    # Used when every option serves the same people: the share of them this option reaches.
    take_up = share_percent("share of the people it reaches (%)")
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
    hours_per_client_low = per_client("hours for each client: lowest", limit=LIMITS.hours_a_year)
    hours_per_client_high = per_client("hours for each client: highest", limit=LIMITS.hours_a_year)
    money_per_client_low = per_client("own money for each client: lowest", limit=LIMITS.money)
    money_per_client_high = per_client("own money for each client: highest", limit=LIMITS.money)
    clients_per_year_low = count("clients served a year: lowest", limit=LIMITS.clients_a_year)
    clients_per_year_high = count("clients served a year: highest", limit=LIMITS.clients_a_year)
    take_up_low = share_percent("share of the people it reaches: lowest (%)")
    take_up_high = share_percent("share of the people it reaches: highest (%)")
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
    result_outcome_value = result_money("value of outcomes (present value)")
    result_hours_a_year = result_hours("co-producers' hours a year")
    result_mean_net_benefit = result_money("expected net benefit (mean over the draws)")
    result_expected_loss = result_money("expected loss against the best choice of each draw")
    # The agency's own perspective: its spending only, the co-producers' part left out.
    result_agency_mean_net_benefit = result_money(
        "expected net benefit at the agency's own cost (mean over the draws)"
    )
    # Who gains and who pays against the comparator (`scoring.incidence`): the option's
    # figure less the comparator's, in present values; empty for the comparator itself.
    result_agency_change = result_money("change in the agency's spending")
    result_time_change = result_money("change in the value of co-producers' time")
    result_money_change = result_money("change in co-producers' own money")
    result_hours_change = result_hours("change in co-producers' hours a year")
    result_gains_change = result_money("change in the value of quality and outcomes")
    result_public_gain = result_money("the public's part of that change")
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
        "result_outcome_value",
        "result_hours_a_year",
        "result_mean_net_benefit",
        "result_expected_loss",
        "result_agency_mean_net_benefit",
        "result_agency_change",
        "result_time_change",
        "result_money_change",
        "result_hours_change",
        "result_gains_change",
        "result_public_gain",
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
        indexes = [
            # The options export reads an agency's options by assessment, in order.
            models.Index(
                fields=["agency", "assessment", "position"], name="assessments_option_agency_idx"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "position"],
                name="assessments_option_position_unique",
                violation_error_message="Another option of this assessment is already in this "
                "place in the list.",
            ),
            length_limit(
                "assessments_option",
                "description",
                OPTION_DESCRIPTION_MAX,
                "the description of the option",
            ),
            models.UniqueConstraint(
                fields=["assessment", "name"],
                name="assessments_option_name_unique",
                violation_error_message="Another option of this assessment already has this "
                "name: give each option its own.",
            ),
            models.UniqueConstraint(
                fields=["assessment"],
                condition=Q(comparator=True),
                name="assessments_option_one_comparator",
                violation_error_message="Only one option of an assessment can be the one the "
                "others are compared against.",
            ),
            *[
                in_range(name, 0, limit, f"assessments_option_{name}_in_range", FIGURE_WORDS[name])
                for name, limit in (
                    ("setup_cost", LIMITS.money),
                    ("annual_agency_cost", LIMITS.money),
                    ("money_per_client", LIMITS.money),
                    ("hours_per_client", LIMITS.hours_a_year),
                )
            ],
            in_range(
                "take_up",
                0,
                100,
                "assessments_option_take_up_in_range",
                FIGURE_WORDS["take_up"],
                "percent",
            ),
            in_range(
                "clients_per_year",
                0,
                LIMITS.clients_a_year,
                "assessments_option_clients_per_year_in_range",
                FIGURE_WORDS["clients_per_year"],
            ),
            in_range(
                "ramp_up_years",
                0,
                LIMITS.ramp_up_years,
                "assessments_option_ramp_up_in_range",
                FIGURE_WORDS["ramp_up_years"],
            ),
            *[
                in_range(
                    f"{name}{end}",
                    1,
                    5,
                    f"assessments_option_{name}{end}_1_to_5",
                    f"{word}{FIGURE_WORDS[name]}",
                )
                for name in RATING_FIELDS
                for end, word in (("", ""), ("_low", "lowest "), ("_high", "highest "))
            ],
            *[
                in_range(
                    f"{name}{end}",
                    0,
                    limit,
                    f"assessments_option_{name}{end}_in_range",
                    f"{word} {FIGURE_WORDS[name]}",
                    "percent" if name == "take_up" else "",
                )
                for name, limit in RANGE_LIMITS.items()
                for end, word in (("_low", "lowest"), ("_high", "highest"))
            ],
            # A range holds its estimate: lowest <= estimate <= highest, where given.
            *[
                constraint
                for name in RANGED_FIELDS
                for constraint in range_holds_estimate(
                    name,
                    "option",
                    FIGURE_WORDS[name],
                    "the rating itself" if name in RATING_FIELDS else "its estimate",
                )
            ],
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if self.agency_id is None and self.assessment_id is not None:
            self.agency_id = self.assessment.agency_id
        super().save(*args, **kwargs)

    @property
    def ratings(self) -> tuple[int | None, ...]:
        return tuple(getattr(self, name) for name in RATING_FIELDS)

    @property
    def costs_complete(self) -> bool:
        """Every question of the option's own page is answered (blank optional ones count):
        its clients a year are asked only when the options serve different people. (The
        assessment is the one the options were read from: no query.)"""
        same_population = bool(self.assessment.same_population)
        required = (
            name
            for name in COST_FIELDS
            if name not in OPTIONAL_COST_FIELDS
            and not (same_population and name == "clients_per_year")
        )
        return all(getattr(self, name) not in (None, "") for name in required)

    @property
    def ratings_complete(self) -> bool:
        return all(value is not None for value in self.ratings)

    def scoring_inputs(self, same_population: bool = False, population=None) -> OptionInputs:
        return adapter.option_inputs(self, same_population, population)

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

    def result_values(self) -> tuple:
        """The stored results as they stand, to tell whether scoring changed them."""
        return tuple(getattr(self, name) for name in self.RESULT_FIELDS)
