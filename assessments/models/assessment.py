"""The co-production assessment of one arrangement in one service.

Answers are nullable because a draft is saved section by section; `None` means "not
answered yet". For the multiple-choice answers an empty list means "none of these",
which is a real answer. The scoring package's results are stored in the `result_*`
columns (and on each option's own `result_*` columns), recomputed on every save, so
dashboards and exports filter them in SQL.
"""

from copy import deepcopy
from uuid import uuid4

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import F, Q, Value
from django.db.models.fields.related_descriptors import ForwardManyToOneDescriptor
from django.db.models.functions import Coalesce, NullIf
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords
from simple_history.utils import bulk_create_with_history

from assessments import scoring
from assessments.choices import (
    Classification,
    Level,
    Necessity,
    Quadrant,
    Sensitivity,
    Status,
    Timing,
    ValueType,
    WorkRelation,
)
from assessments.models import adapter
from assessments.models.fields import (
    count,
    hours,
    in_range,
    money,
    percent_a_year,
    range_holds_estimate,
    result_money,
    result_option,
    result_rate,
    strength,
)
from assessments.models.option import Option
from assessments.models.outcome import OutcomeEffect, OutcomeMeasure
from assessments.scoring import LIMITS
from coprod_site.text import WRITTEN_ANSWER_MAX, length_limit, text_up_to
from services.models import Agency, Service

# The most hours one person can give in a year.
HOURS_IN_A_YEAR = 8_760
# What the uncertainty run's value judgements and values of information are stored as.
DECISION_FIELDS = (
    "result_evppi_people",
    "result_evppi_time_and_money",
    "result_evppi_agency_costs",
    "result_evppi_quality",
    *(f"result_{name}_{end}" for name in scoring.VALUE_JUDGEMENTS for end in ("below", "above")),
)


def money_currency(path: str = ""):
    """`Assessment.money_currency` in the database, for sums and exports by currency;
    `path` leads from the query's model to the assessment ("assessment__" for options)."""
    return Coalesce(NullIf(F(f"{path}currency"), Value("")), F(f"{path}service__agency__currency"))


class SetsAgency(ForwardManyToOneDescriptor):
    """The descriptor of a row's parent (an assessment's service, an option's assessment):
    assigning the parent also sets the row's `agency` to the parent's, so no caller has to.
    The database refuses a row whose agency differs from its parent's (`tenancy.py`)."""

    def __set__(self, instance, value):
        super().__set__(instance, value)
        if value is not None:
            instance.agency_id = value.agency_id


class AssessmentQuerySet(models.QuerySet):
    def for_agencies(self, agencies):
        """The assessments of `agencies`: best their ids as values (`access.agency_ids`),
        which the planner weighs against the `agency` column's statistics, rather than a
        subquery, whose share of the table it cannot know."""
        return self.filter(agency__in=agencies)

    def drafts(self):
        return self.filter(status=Status.DRAFT)

    def submitted(self):
        return self.filter(status=Status.SUBMITTED)

    def current(self):
        """Everything but archived assessments."""
        return self.exclude(status=Status.ARCHIVED)

    def for_listing(self):
        """Only the columns the assessment tables show, so lists read narrow rows."""
        return self.select_related("service__agency", "result_best").only(
            "code",
            "title",
            "status",
            "updated_at",
            "submitted_at",
            "revision_of",
            "result_classification",
            "result_quadrant",
            "result_best",
            "result_best__name",
            "service",
            "service__name",
            "service__agency",
            "service__agency__name",
        )


# What a revision does not take from the assessment it revises, besides the results (which
# are worked out afresh): it is a new draft with its own identity, title, author and history.
NOT_COPIED_TO_REVISION = (
    "id",
    "code",
    "title",
    "status",
    "author",
    "created_at",
    "updated_at",
    "submitted_at",
    "currency",  # a draft's money is in the agency's currency as it stands
    "version",
    "revision_of",
)
REVISION_SUFFIX = " (revision)"

# What the history says of the events in an assessment's life (its change reasons).
EVENTS = {
    "submitted": "Submitted",
    "archived": "Archived",
    "restored": "Restored",
    "revised": "Started a revision: “{title}”",
    "revision_of": "Started as a revision of “{title}”",
    "survey_opened": "Opened the co-producers' survey",
    "survey_changed": "Changed the survey's settings and opened it",
    "survey_closed": "Closed the co-producers' survey",
    # The row the migration that began the history wrote for each assessment then.
    "history_began": "Recorded as it stood when the history began",
}

# The free-text answers, kept in `AssessmentText` rather than on the assessment row, so the
# scans behind dashboards, lists and exports read narrow rows.
TEXT_FIELDS = (
    "work_description",
    "inputs",
    "outputs",
    "agency_contribution_notes",
    "co_producer_contribution_notes",
    "private_value_description",
    "public_value_description",
    "necessity_reason",
    "motivation_notes",
    "special_assets_notes",
    "support_given",
)


class Assessment(models.Model):
    code = models.UUIDField(default=uuid4, unique=True, editable=False)
    # The service's agency, carried on the row so that the pages that scan assessments
    # filter and index by it (docs/architecture.md). Set by assigning the service (before
    # it here, so that a new instance's default does not undo that); the database refuses
    # a row whose agency is not its service's, and carries it when a service moves.
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="+", editable=False, db_index=False
    )
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="assessments")
    title = models.CharField(
        "name of the arrangement",
        max_length=200,
        help_text="A short name your colleagues will recognise, like 'Parents hearing "
        "children read at home'.",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assessments"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    # The currency of its money once submitted (`money_currency`): a later change to the
    # agency's currency must not relabel a submitted result. Empty for a draft, whose
    # money is in the agency's currency as it stands.
    currency = models.CharField(
        "currency of its money", max_length=3, blank=True, default="", editable=False
    )
    version = models.PositiveIntegerField(
        default=1, editable=False, help_text="Raised on every save; refuses lost updates."
    )
    revision_of = models.ForeignKey(
        "self",
        verbose_name="revision of",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="revisions",
        editable=False,
        help_text="The assessment this draft was copied from, to be revised.",
    )

    # 1. The work
    co_producer_types = models.JSONField("who the co-producers are", null=True, blank=True)
    level = models.CharField(max_length=12, blank=True, choices=Level.choices)
    phases = models.JSONField("stages they take part in", null=True, blank=True)
    work_relation = models.CharField(
        "adds to or replaces agency work", max_length=10, blank=True, choices=WorkRelation.choices
    )

    # 2. Reciprocity
    agency_contributions = models.JSONField("what the agency gives", null=True, blank=True)
    co_producer_contributions = models.JSONField("what co-producers give", null=True, blank=True)
    timing = models.CharField(max_length=12, blank=True, choices=Timing.choices)
    co_producers_per_year = count("number of co-producers a year", limit=LIMITS.clients_a_year)
    hours_per_co_producer = hours("hours each co-producer gives a year", limit=HOURS_IN_A_YEAR)

    # 3. Value
    private_value_strength = strength("strength of private value")
    public_value_strength = strength("strength of public value")

    # 4. Necessity
    necessity = models.CharField(max_length=10, blank=True, choices=Necessity.choices)

    # 5. Motivations
    material_motivation = strength("material rewards or private gain")
    intrinsic_motivation = strength("enjoying the work itself")
    social_motivation = strength("company, fellowship and esteem")
    normative_motivation = strength("moral values and wanting to help")
    sanctions_motivation = strength("fear of penalties")
    material_rewards_offered = models.BooleanField(
        "does the agency pay or reward co-producers", null=True, blank=True
    )

    # 6. Capability and context
    expertise_required = strength("expertise the work needs")
    co_producer_capability = strength("co-producers' capability")
    capability_varies_by_area = models.BooleanField(
        "does capability vary from area to area", null=True, blank=True
    )
    special_assets = models.JSONField("what co-producers bring", null=True, blank=True)
    burden_on_vulnerable = models.BooleanField(
        "does the burden fall on clients least able to carry it", null=True, blank=True
    )

    # 7. Options (rows of Option) and the appraisal settings
    hourly_rate = money("value of an hour of co-producers' time", limit=LIMITS.hourly_rate)
    appraisal_years = models.PositiveSmallIntegerField(
        "appraisal period (years)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(LIMITS.appraisal_years)],
    )
    discount_rate = percent_a_year("discount rate (% a year)")
    willingness_to_pay = money(
        "what one quality point is worth for one client for a year",
        limit=LIMITS.willingness_to_pay,
    )
    # The low and high values of the value judgements, to try the choice at: blank means
    # the default. They are judgements, so the uncertainty run does not draw them.
    hourly_rate_low = money("value of an hour: lowest", limit=LIMITS.hourly_rate)
    hourly_rate_high = money("value of an hour: highest", limit=LIMITS.hourly_rate)
    discount_rate_low = percent_a_year("discount rate: lowest (% a year)")
    discount_rate_high = percent_a_year("discount rate: highest (% a year)")
    willingness_to_pay_low = money(
        "value of a quality point: lowest", limit=LIMITS.willingness_to_pay
    )
    willingness_to_pay_high = money(
        "value of a quality point: highest", limit=LIMITS.willingness_to_pay
    )

    # The appraisal settings start filled in from the agency's defaults, so having answers
    # is no sign that the manager has looked at them: the section is complete only once
    # they have seen the page and pressed Continue.
    appraisal_confirmed = models.BooleanField(
        "has the manager confirmed the appraisal settings", default=False
    )

    # The year whose prices the money figures are in; outcome values are brought to it.
    price_year = models.PositiveSmallIntegerField(
        "price year",
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )

    # Whether the option the others are compared against is what happens now, or (when
    # every option would be new) simply the one chosen to compare against.
    comparator_is_now = models.BooleanField("is the comparator what happens now", default=True)

    # Who the options serve: the same people (one figure, drawn once) or each its own.
    same_population = models.BooleanField(
        "do all the options serve the same people", null=True, blank=True
    )
    clients_per_year = count("people served a year (every option)", limit=LIMITS.clients_a_year)
    clients_per_year_low = count("people served a year: fewest", limit=LIMITS.clients_a_year)
    clients_per_year_high = count("people served a year: most", limit=LIMITS.clients_a_year)

    # Results from assessments.scoring, recomputed on every save.
    result_classification = models.CharField(
        max_length=20, blank=True, choices=Classification.choices, editable=False
    )
    result_value_type = models.CharField(
        max_length=10, blank=True, choices=ValueType.choices, editable=False
    )
    result_best = result_option("best option at the willingness to pay")
    result_agency_best = result_option("best option at the agency's own cost")
    result_sensitivity = models.CharField(
        max_length=10, blank=True, choices=Sensitivity.choices, editable=False
    )
    # The plane: the best co-produced option against the comparator (both kept, so the
    # dashboard sums their figures with a join rather than a subquery per row).
    result_plane_option = result_option("co-produced option on the plane")
    result_plane_comparator = result_option("comparator on the plane")
    result_quadrant = models.CharField(
        max_length=20, blank=True, choices=Quadrant.choices, editable=False
    )
    result_cost_change = result_money("change in cost per client-year")
    result_quality_change = models.DecimalField(
        "change in quality", max_digits=5, decimal_places=1, null=True, blank=True, editable=False
    )
    result_net_benefit_change = result_money("change in net benefit")
    # From the Monte Carlo run: how likely the best option is to be best, what finding out
    # more could be worth, and the acceptability curve ({"wtp": [...], "probabilities":
    # [[one per option] per wtp]}, options in their order).
    result_probability_best = models.DecimalField(
        "probability the best option is best",
        max_digits=6,
        decimal_places=5,
        null=True,
        blank=True,
        editable=False,
    )
    result_evpi = result_money("value of perfect information")
    result_evpi_per_client_year = result_rate("value of perfect information per client-year")
    # The option best on the single estimates, when it is not the one best on average.
    result_single_estimate_best = result_option("best option on the single estimates")
    # What finding out each group of figures could be worth (partial perfect information);
    # the quality figure is for all four ratings of every option together.
    result_evppi_people = result_money("value of finding out the people reached")
    result_evppi_time_and_money = result_money("value of finding out co-producers' time")
    result_evppi_agency_costs = result_money("value of finding out the agency's costs")
    result_evppi_quality = result_money("value of finding out the quality ratings")
    # Break-even values of the value judgements: the nearest below and above the
    # assessment's at which another option would be best on average.
    result_hourly_rate_below = result_rate("break-even value of an hour, below")
    result_hourly_rate_above = result_rate("break-even value of an hour, above")
    result_discount_rate_below = result_rate("break-even discount rate, below (fraction)")
    result_discount_rate_above = result_rate("break-even discount rate, above (fraction)")
    result_willingness_to_pay_below = result_rate("break-even value of a quality point, below")
    result_willingness_to_pay_above = result_rate("break-even value of a quality point, above")
    result_acceptability = models.JSONField(null=True, blank=True, editable=False)
    result_risk_flags = models.JSONField(default=list, blank=True, editable=False)
    result_risk_flag_count = models.PositiveSmallIntegerField(default=0, editable=False)
    # The same flags, and what co-producers bring, as bits for the dashboard (see bits.py).
    result_risk_flag_bits = models.PositiveIntegerField(default=0, editable=False)
    result_special_asset_bits = models.PositiveSmallIntegerField(default=0, editable=False)

    objects = AssessmentQuerySet.as_manager()
    # Every change, with who made it and when. Saves made with `.update()` (the wizard's
    # conditional saves, status changes) are invisible to simple-history's signals, so the
    # methods that make them write their history rows themselves (`record_history`).
    history = HistoricalRecords()

    class Meta:
        ordering = ["-updated_at"]
        indexes = [
            models.Index(fields=["status", "result_quadrant"]),
            # Dashboards and lists show the most recently changed first.
            models.Index(fields=["-updated_at"], name="assessments_updated_idx"),
            # Led by the agency, as every page filters by the user's agencies: the list and
            # the exports (newest change first), the dashboard's counts by status, its
            # watch lists and the user's drafts (a status, newest first).
            models.Index(
                fields=["agency", "-updated_at", "-id"], name="assessments_agency_updated_idx"
            ),
            models.Index(
                fields=["agency", "status", "-updated_at"], name="assessments_agency_status_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values),
                name="assessments_assessment_status_valid",
                violation_error_message=f"The status must be one of: {'; '.join(Status.labels)}.",
            ),
            models.CheckConstraint(
                condition=Q(version__gte=1),
                name="assessments_assessment_version_positive",
                violation_error_message="The version number must be 1 or more.",
            ),
            in_range(
                "appraisal_years",
                1,
                LIMITS.appraisal_years,
                "assessments_assessment_appraisal_years_in_range",
                "appraisal period",
                "years",
            ),
            in_range(
                "discount_rate",
                0,
                LIMITS.discount_rate_percent,
                "assessments_assessment_discount_rate_in_range",
                "discount rate",
                "percent a year",
            ),
            in_range(
                "hourly_rate",
                0,
                LIMITS.hourly_rate,
                "assessments_assessment_hourly_rate_in_range",
                "value of an hour of co-producers' time",
            ),
            in_range(
                "willingness_to_pay",
                0,
                LIMITS.willingness_to_pay,
                "assessments_assessment_willingness_to_pay_in_range",
                "value of one quality point for one client for a year",
            ),
            in_range(
                "hours_per_co_producer",
                0,
                HOURS_IN_A_YEAR,
                "assessments_assessment_hours_per_co_producer_in_range",
                "hours each co-producer gives a year",
            ),
            in_range(
                "co_producers_per_year",
                0,
                LIMITS.clients_a_year,
                "assessments_assessment_co_producers_per_year_in_range",
                "number of co-producers a year",
            ),
            # People x hours each stands in for an option's blank hours, so it is bounded
            # like them. (NULL on either side passes, as SQL checks do.)
            models.CheckConstraint(
                condition=LessThanOrEqual(
                    F("co_producers_per_year") * F("hours_per_co_producer"), LIMITS.hours_a_year
                ),
                name="assessments_assessment_total_hours_in_range",
                violation_error_message="The number of co-producers a year times the hours each "
                f"gives must not be more than {LIMITS.hours_a_year:,} hours a year: check both "
                "figures.",
            ),
            *[
                in_range(
                    f"{name}{end}",
                    0,
                    limit,
                    f"assessments_assessment_{name}{end}_in_range",
                    f"{word} {what}",
                    unit,
                )
                for name, limit, what, unit in (
                    ("hourly_rate", LIMITS.hourly_rate, "value of an hour", ""),
                    (
                        "discount_rate",
                        LIMITS.discount_rate_percent,
                        "discount rate",
                        "percent a year",
                    ),
                    (
                        "willingness_to_pay",
                        LIMITS.willingness_to_pay,
                        "value of a quality point",
                        "",
                    ),
                    (
                        "clients_per_year",
                        LIMITS.clients_a_year,
                        "number of people served a year",
                        "",
                    ),
                )
                for end, word in (("_low", "lowest"), ("_high", "highest"))
            ],
            in_range(
                "clients_per_year",
                0,
                LIMITS.clients_a_year,
                "assessments_assessment_clients_per_year_in_range",
                "number of people the service serves a year",
            ),
            *range_holds_estimate("hourly_rate", "assessment", "value of an hour", "your figure"),
            *range_holds_estimate("discount_rate", "assessment", "discount rate", "your figure"),
            *range_holds_estimate(
                "willingness_to_pay", "assessment", "value of a quality point", "your figure"
            ),
            *range_holds_estimate(
                "clients_per_year", "assessment", "number of people served a year"
            ),
            models.CheckConstraint(
                condition=Q(submitted_at__isnull=False) | Q(status=Status.DRAFT),
                name="assessments_assessment_submitted_has_date",
                violation_error_message="A submitted or archived assessment needs the date it "
                "was submitted.",
            ),
            *[
                in_range(name, 0, 4, f"assessments_assessment_{name}_0_to_4", f"strength of {what}")
                for name, what in (
                    ("private_value_strength", "private value"),
                    ("public_value_strength", "public value"),
                    ("material_motivation", "material rewards or private gain as a motive"),
                    ("intrinsic_motivation", "enjoying the work itself as a motive"),
                    ("social_motivation", "company, fellowship and esteem as a motive"),
                    ("normative_motivation", "moral values and wanting to help as a motive"),
                    ("sanctions_motivation", "fear of penalties as a motive"),
                    ("expertise_required", "the expertise the work needs"),
                    ("co_producer_capability", "co-producers' capability"),
                )
            ],
        ]

    def __str__(self) -> str:
        return self.title

    RESULT_FIELDS = (
        "result_classification",
        "result_value_type",
        "result_best",
        "result_agency_best",
        "result_sensitivity",
        "result_quadrant",
        "result_plane_option",
        "result_plane_comparator",
        "result_cost_change",
        "result_quality_change",
        "result_net_benefit_change",
        "result_probability_best",
        "result_evpi",
        "result_evpi_per_client_year",
        "result_single_estimate_best",
        *DECISION_FIELDS,
        "result_acceptability",
        "result_risk_flags",
        "result_risk_flag_count",
        "result_risk_flag_bits",
        "result_special_asset_bits",
    )

    def save(self, *args, **kwargs):
        if self.agency_id is None and self.service_id is not None:
            # Given as `service_id` only: the service's agency, read (assigning the service
            # sets it with no query).
            self.agency_id = Service.objects.values_list("agency_id", flat=True).get(
                pk=self.service_id
            )
        self.refresh_results()
        if self.status != Status.DRAFT and not self.currency:
            self.currency = self.service.agency.currency
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {
                *update_fields,
                *self.RESULT_FIELDS,
                "currency",
                "updated_at",
            }
        with transaction.atomic():
            super().save(*args, **kwargs)
            if self.ordered_options:
                Option.objects.bulk_update(self.ordered_options, Option.RESULT_FIELDS)

    def get_absolute_url(self) -> str:
        return reverse("assessments:report", args=[self.code])

    @property
    def money_currency(self) -> str:
        """The currency the assessment's money is in: the agency's while a draft; once
        submitted, the one it was submitted in, whatever the agency's is now."""
        return self.currency or self.service.agency.currency

    @property
    def is_editable(self) -> bool:
        return Status(self.status).editable

    @property
    def text_answers(self) -> "AssessmentText":
        """The free-text answers: the saved row, or a blank unsaved one if there is none.

        Reads `self.text`, a query unless the assessment was fetched with
        `select_related("text")` (as `get_assessment_for_user` does).
        """
        try:
            return self.text
        except AssessmentText.DoesNotExist:
            self.text = AssessmentText(assessment=self)
            return self.text

    def answer(self, name: str):
        """One answer by its field name, whichever table holds it."""
        return getattr(self.text_answers if name in TEXT_FIELDS else self, name)

    # --- Options ---------------------------------------------------------------------------

    @property
    def ordered_options(self) -> list["Option"]:
        """The options in their order, read once: from `prefetch_related("options")` when
        the assessment was fetched with it, else one query. Empty for an unsaved one."""
        if not hasattr(self, "_ordered_options"):
            if self.pk is None:
                return []
            self._ordered_options = list(self.options.all())
        return self._ordered_options

    def adopt_options(self, options: list["Option"]) -> None:
        """Score with these options (built or read elsewhere) instead of reading them."""
        self._ordered_options = list(options)

    def forget_options(self) -> None:
        """Drop the options read so far, after options were added, removed or reordered."""
        self.__dict__.pop("_ordered_options", None)
        if hasattr(self, "_prefetched_objects_cache"):
            self._prefetched_objects_cache.pop("options", None)

    @property
    def comparator_option(self) -> "Option | None":
        return next((option for option in self.ordered_options if option.comparator), None)

    def add_options(self, options: list["Option"]) -> list["Option"]:
        """Save these new options in this order, numbered from 1 (an assessment with none)."""
        for position, option in enumerate(options, start=1):
            option.assessment = self
            option.position = position
        self.adopt_options(bulk_create_with_history(options, Option))
        return self.ordered_options

    def add_default_options(self) -> list["Option"]:
        """A new assessment's two options: co-production, and what happens now."""
        return self.add_options(
            [
                Option(name="With co-production", co_produced=True),
                Option(name="What happens now", co_produced=False, comparator=True),
            ]
        )

    # --- Scoring -------------------------------------------------------------------------

    # --- Outcomes --------------------------------------------------------------------------

    @property
    def ordered_outcomes(self) -> list:
        """The outcome measures in their order, each with its effects, read once: two
        queries (none when the assessment was fetched with `prefetch_related("outcomes__
        effects")`). Empty for an unsaved one."""
        if not hasattr(self, "_ordered_outcomes"):
            if self.pk is None:
                return []
            self._ordered_outcomes = list(self.outcomes.prefetch_related("effects"))
        return self._ordered_outcomes

    def forget_outcomes(self) -> None:
        """Drop the outcomes read so far, after they were added, changed or removed."""
        self.__dict__.pop("_ordered_outcomes", None)
        if hasattr(self, "_prefetched_objects_cache"):
            self._prefetched_objects_cache.pop("outcomes", None)

    def scoring_inputs(self) -> scoring.AssessmentInputs:
        outcomes = [(outcome, list(outcome.effects.all())) for outcome in self.ordered_outcomes]
        return adapter.assessment_inputs(self, self.ordered_options, outcomes)

    def score(self) -> scoring.AssessmentResult:
        return scoring.score(self.scoring_inputs())

    def refresh_results(self) -> scoring.AssessmentResult:
        """Copy the scoring results onto the result_* columns of the assessment and of each
        option (not saved here)."""
        result = self.score()
        adapter.store_results(self, self.ordered_options, result)
        return result

    def save_answers(
        self, field_names, expected_version: int, *, options=(), reason: str = ""
    ) -> bool:
        """Save some answers of a draft only if nobody else saved since `expected_version`.

        One conditional UPDATE, so two people editing the same draft cannot silently
        overwrite each other: the second gets False and must reload. Free-text answers
        (names in TEXT_FIELDS, values on `text_answers`) are written in the same
        transaction, and only if that UPDATE succeeded; so are the options' results, with
        the answers of `options` (pairs of an option and the names of its changed fields).
        On success the instance's version moves on.

        The UPDATE also requires the assessment to be a draft: once submitted, its answers
        and results stay as they were submitted, whatever calls this.

        The save is recorded in the history (who, when, what, and `reason` if given): a row
        for the assessment, one for the written answers if they were written, and one for
        each option in `options`, in a statement per table.
        """
        text_names = [name for name in field_names if name in TEXT_FIELDS]
        own_names = [name for name in field_names if name not in TEXT_FIELDS]
        results_before = [option.result_values() for option in self.ordered_options]
        self.refresh_results()
        self.updated_at = timezone.now()
        # Only options whose answers or results changed are written: most sections leave
        # every option's results as they were, and then no statement is needed at all.
        edited = {id(option) for option, _ in options}
        changed = [
            option
            for option, before in zip(self.ordered_options, results_before, strict=True)
            if id(option) in edited or option.result_values() != before
        ]
        values = {
            name: getattr(self, name) for name in (*own_names, *self.RESULT_FIELDS, "updated_at")
        }
        option_fields = {name for _, names in options for name in names}
        when = self.updated_at
        with transaction.atomic():
            saved = (
                type(self)
                .objects.filter(pk=self.pk, version=expected_version, status=Status.DRAFT)
                .update(version=F("version") + 1, **values)
            )
            if not saved:
                return False
            self.version = expected_version + 1
            if text_names:
                text = self.text_answers
                written = {name: getattr(text, name) for name in text_names}
                # One statement: the row is there (an UPDATE), or this is the first written
                # answer (the UPDATE finds nothing, and the row is inserted).
                if AssessmentText.objects.filter(pk=self.pk).update(**written):
                    _record_history(AssessmentText, [text], reason, when)
                else:
                    self.text = AssessmentText(assessment_id=self.pk, **written)
                    self.text._history_date = when  # the inserted row's history: by signal
                    self.text.save(force_insert=True)
            if changed:
                Option.objects.bulk_update(changed, [*Option.RESULT_FIELDS, *sorted(option_fields)])
                if options:
                    _record_history(Option, [option for option, _ in options], reason, when)
            self.record_history(reason, when=when)
        return True

    def claim_version(self, expected_version: int, reason: str = "") -> bool:
        """Move the version on, if nobody saved since `expected_version`: for changes to
        the options themselves (added, removed, reordered), which must not cross a save."""
        return self.save_answers((), expected_version, reason=reason)

    def record_history(self, reason: str = "", *, when=None) -> None:
        """Write a history row of the assessment as this instance now stands, for a change
        saved with `.update()`, which simple-history's signals do not see. The user is the
        request's, from simple-history's middleware."""
        _record_history(type(self), [self], reason, when or timezone.now())

    def submit(self, checked_version: int | None) -> bool:
        """Submit the draft as it was checked at `checked_version`, in one conditional
        UPDATE; False if it changed since (or is no longer a draft)."""
        if checked_version != self.version:
            return False
        now = timezone.now()
        with transaction.atomic():
            submitted = (
                type(self)
                .objects.filter(pk=self.pk, version=checked_version, status=Status.DRAFT)
                .update(
                    status=Status.SUBMITTED,
                    submitted_at=now,
                    currency=self.service.agency.currency,
                    version=F("version") + 1,
                )
            )
            if submitted:
                self.status, self.submitted_at = Status.SUBMITTED, now
                self.currency = self.service.agency.currency
                self.version = checked_version + 1
                self.record_history(EVENTS["submitted"], when=now)
        return bool(submitted)

    # --- Archiving, restoring and revising ---------------------------------------------------

    def change_status(self, current: Status, new: Status, reason: str = "") -> bool:
        """Move from the `current` status to `new` in one conditional UPDATE that stamps
        `updated_at` and moves the version on, and record it in the history with `reason`;
        False if the assessment changed since this instance was read (someone else got
        there first)."""
        now = timezone.now()
        with transaction.atomic():
            changed = (
                type(self)
                .objects.filter(pk=self.pk, status=current, version=self.version)
                .update(status=new, updated_at=now, version=F("version") + 1)
            )
            if changed:
                self.status, self.updated_at, self.version = new, now, self.version + 1
                self.record_history(reason, when=now)
        return bool(changed)

    def _copy_outcomes_to(self, revision) -> None:
        """Copy the outcome measures and their effects onto a revision's copied options."""
        outcomes = self.ordered_outcomes
        if not outcomes:
            return
        by_position = {option.position: option for option in revision.ordered_options}
        copies = [outcome.copy_for(revision, by_position) for outcome in outcomes]
        measures = bulk_create_with_history([measure for measure, _ in copies], OutcomeMeasure)
        effects = [effect for _, effects in copies for effect in effects]
        for measure, (_, measure_effects) in zip(measures, copies, strict=True):
            for effect in measure_effects:
                effect.outcome = measure
        bulk_create_with_history(effects, OutcomeEffect)
        revision.forget_outcomes()

    @property
    def revision_title(self) -> str:
        """The title a revision of this assessment starts with."""
        room = self._meta.get_field("title").max_length - len(REVISION_SUFFIX)
        return self.title[:room] + REVISION_SUFFIX

    def revisions_started(self) -> list["Assessment"]:
        """The revisions started from this assessment, newest first: one query."""
        revisions = self.revisions.only("code", "title", "status", "created_at")
        return list(revisions.order_by("-created_at", "-pk"))

    def start_revision(self, author) -> "Assessment":
        """A new draft by `author` with a copy of every answer, written answer and option of
        this assessment, linked to it by `revision_of`; this assessment is not changed.

        The appraisal settings are copied as they are, not taken afresh from the agency's
        defaults, so the revision starts from the result it revises.
        """
        answers = {
            field.attname: deepcopy(getattr(self, field.attname))
            for field in self._meta.concrete_fields
            if field.name not in (*NOT_COPIED_TO_REVISION, *self.RESULT_FIELDS)
        }
        written = {name: getattr(self.text_answers, name) for name in TEXT_FIELDS}
        with transaction.atomic():
            revision = type(self)(
                **answers,
                title=self.revision_title,
                author=author,
                revision_of=self,
                status=Status.DRAFT,
            )
            # One history row for the revision once it is complete, rather than one a save.
            revision.skip_history_when_saving = True
            revision.save()
            revision.adopt_options(
                bulk_create_with_history(
                    [option.copy_for(revision) for option in self.ordered_options], Option
                )
            )
            if any(written.values()):
                revision.text = AssessmentText.objects.create(assessment=revision, **written)
            self._copy_outcomes_to(revision)
            revision.save()  # the results, worked out again with the copied options
            del revision.skip_history_when_saving
            reason = EVENTS["revision_of"].format(title=self.title)
            _record_history(type(self), [revision], reason, timezone.now(), created=True)
            self.record_history(EVENTS["revised"].format(title=revision.title))
        return revision


class AssessmentText(models.Model):
    """An assessment's free-text answers, one row per assessment, absent until one is given.

    Apart from the assessment row so that the queries which scan many assessments
    (dashboard counts, lists, exports) never read them; pages about one assessment fetch
    it with `select_related("text")`.
    """

    assessment = models.OneToOneField(
        Assessment, on_delete=models.CASCADE, primary_key=True, related_name="text"
    )
    # 1. The work
    work_description = text_up_to("what co-producers do")
    inputs = text_up_to("what goes in")
    outputs = text_up_to("what comes out")
    # 2. Reciprocity
    agency_contribution_notes = text_up_to("more about what the agency gives")
    co_producer_contribution_notes = text_up_to("more about what co-producers give")
    # 3. Value
    private_value_description = text_up_to("private value")
    public_value_description = text_up_to("public value")
    # 4. Necessity
    necessity_reason = text_up_to("why")
    # 5. Motivations
    motivation_notes = text_up_to("notes on motivation")
    # 6. Capability and context
    special_assets_notes = text_up_to("more about what they bring")
    support_given = text_up_to("support the agency gives")

    history = HistoricalRecords()

    class Meta:
        verbose_name = "written answers"
        verbose_name_plural = "written answers"
        constraints = [
            length_limit("assessments_text", name, WRITTEN_ANSWER_MAX, what)
            for name, what in (
                ("work_description", "the answer on what work the co-producers do"),
                ("inputs", "the answer on what goes into the work"),
                ("outputs", "the answer on what comes out of it"),
                ("agency_contribution_notes", "the notes on what the agency gives"),
                ("co_producer_contribution_notes", "the notes on what co-producers give"),
                ("private_value_description", "the description of the private value"),
                ("public_value_description", "the description of the public value"),
                ("necessity_reason", "the answer on why the co-producers' part is needed or not"),
                ("motivation_notes", "the notes on motivation"),
                ("special_assets_notes", "the notes on what co-producers bring"),
                ("support_given", "the answer on the training or support the agency gives"),
            )
        ]

    def __str__(self) -> str:
        return "Written answers"


def _record_history(model, instances, reason: str, when, *, created: bool = False) -> None:
    """History rows for `instances` as they now stand, in one INSERT (for saves made with
    `.update()` or `bulk_update()`, which simple-history's signals do not see)."""
    model.history.bulk_history_create(
        instances, update=not created, default_change_reason=reason, default_date=when
    )


# Assigning an assessment's service, or an option's assessment, sets the row's agency.
Assessment.service = SetsAgency(Assessment._meta.get_field("service"))
Option.assessment = SetsAgency(Option._meta.get_field("assessment"))
