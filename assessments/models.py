"""The co-production assessment of one arrangement in one service.

Answers are nullable because a draft is saved section by section; `None` means "not
answered yet". For the multiple-choice answers an empty list means "none of these",
which is a real answer. The scoring module's results are stored in the `result_*`
columns, recomputed on every save, so dashboards and exports filter them in SQL.
"""

from decimal import Decimal
from uuid import uuid4

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from assessments import scoring
from assessments.choices import (
    RATING_CHOICES,
    STRENGTH_CHOICES,
    Classification,
    Confidence,
    Level,
    Necessity,
    Sensitivity,
    Status,
    Timing,
    ValueType,
    Verdict,
    WorkRelation,
)
from services.models import Service

OPTIONS = ("co_production", "alternative")
RATINGS = ("effectiveness", "consistency", "trust", "experience")
MOTIVATORS = ("material", "intrinsic", "social", "normative", "sanctions")


def _strength(verbose_name, **kwargs):
    return models.PositiveSmallIntegerField(
        verbose_name,
        null=True,
        blank=True,
        choices=STRENGTH_CHOICES,
        validators=[MaxValueValidator(4)],
        **kwargs,
    )


def _rating(verbose_name):
    return models.PositiveSmallIntegerField(
        verbose_name,
        null=True,
        blank=True,
        choices=RATING_CHOICES,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )


def _money(verbose_name, **kwargs):
    return models.DecimalField(
        verbose_name,
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        **kwargs,
    )


def _hours(verbose_name):
    return models.DecimalField(
        verbose_name,
        max_digits=14,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )


def _confidence(verbose_name):
    return models.CharField(verbose_name, max_length=10, blank=True, choices=Confidence.choices)


def _result_money(verbose_name):
    return models.DecimalField(
        verbose_name, max_digits=16, decimal_places=2, null=True, blank=True, editable=False
    )


class AssessmentQuerySet(models.QuerySet):
    def for_agencies(self, agencies):
        return self.filter(service__agency__in=agencies)

    def drafts(self):
        return self.filter(status=Status.DRAFT)

    def submitted(self):
        return self.filter(status=Status.SUBMITTED)

    def current(self):
        """Everything but archived assessments."""
        return self.exclude(status=Status.ARCHIVED)

    def for_listing(self):
        """Only the columns the assessment tables show, so lists read narrow rows."""
        return self.select_related("service__agency").only(
            "code",
            "title",
            "status",
            "updated_at",
            "result_classification",
            "result_verdict",
            "service",
            "service__name",
            "service__agency",
            "service__agency__name",
        )


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
    version = models.PositiveIntegerField(
        default=1, editable=False, help_text="Raised on every save; refuses lost updates."
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
    co_producers_per_year = models.PositiveIntegerField(
        "number of co-producers a year", null=True, blank=True
    )
    hours_per_co_producer = _hours("hours each co-producer gives a year")

    # 3. Value
    private_value_strength = _strength("strength of private value")
    public_value_strength = _strength("strength of public value")

    # 4. Necessity
    necessity = models.CharField(max_length=10, blank=True, choices=Necessity.choices)

    # 5. Motivations
    material_motivation = _strength("material rewards or private gain")
    intrinsic_motivation = _strength("enjoying the work itself")
    social_motivation = _strength("company, fellowship and esteem")
    normative_motivation = _strength("moral values and wanting to help")
    sanctions_motivation = _strength("fear of penalties")
    material_rewards_offered = models.BooleanField(
        "does the agency pay or reward co-producers", null=True, blank=True
    )

    # 6. Capability and context
    expertise_required = _strength("expertise the work needs")
    co_producer_capability = _strength("co-producers' capability")
    capability_varies_by_area = models.BooleanField(
        "does capability vary from area to area", null=True, blank=True
    )
    special_assets = models.JSONField("what co-producers bring", null=True, blank=True)
    burden_on_vulnerable = models.BooleanField(
        "does the burden fall on clients least able to carry it", null=True, blank=True
    )

    # 7. Costs and quality
    alternative_name = models.CharField(
        "the alternative", max_length=200, blank=True, help_text="For example 'In-house nurses'."
    )
    hourly_rate = _money("value of an hour of co-producers' time")
    appraisal_years = models.PositiveSmallIntegerField(
        "appraisal period (years)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    discount_rate = models.DecimalField(
        "discount rate (% a year)",
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(20)],
    )
    co_production_setup_cost = _money("Co-production: one-off set-up cost")
    co_production_annual_agency_cost = _money("Co-production: cost to the agency a year")
    co_production_annual_co_producer_hours = _hours("Co-production: hours co-producers give a year")
    co_production_clients_per_year = models.PositiveIntegerField(
        "Co-production: clients served a year", null=True, blank=True
    )
    co_production_confidence = _confidence("Co-production: confidence in these costs")
    co_production_effectiveness = _rating("Co-production: effectiveness")
    co_production_consistency = _rating("Co-production: consistency")
    co_production_trust = _rating("Co-production: trust")
    co_production_experience = _rating("Co-production: experience")
    alternative_setup_cost = _money("Alternative: one-off set-up cost")
    alternative_annual_agency_cost = _money("Alternative: cost to the agency a year")
    alternative_annual_co_producer_hours = _hours("Alternative: hours co-producers give a year")
    alternative_clients_per_year = models.PositiveIntegerField(
        "Alternative: clients served a year", null=True, blank=True
    )
    alternative_confidence = _confidence("Alternative: confidence in these costs")
    alternative_effectiveness = _rating("Alternative: effectiveness")
    alternative_consistency = _rating("Alternative: consistency")
    alternative_trust = _rating("Alternative: trust")
    alternative_experience = _rating("Alternative: experience")

    # Results from assessments.scoring, recomputed on every save.
    result_classification = models.CharField(
        max_length=20, blank=True, choices=Classification.choices, editable=False
    )
    result_value_type = models.CharField(
        max_length=10, blank=True, choices=ValueType.choices, editable=False
    )
    result_verdict = models.CharField(
        max_length=30, blank=True, choices=Verdict.choices, editable=False
    )
    result_sensitivity = models.CharField(
        max_length=10, blank=True, choices=Sensitivity.choices, editable=False
    )
    result_co_production_full_cost = _result_money("co-production full cost (present value)")
    result_alternative_full_cost = _result_money("alternative full cost (present value)")
    result_co_production_cost_per_client = _result_money("co-production cost per client")
    result_alternative_cost_per_client = _result_money("alternative cost per client")
    result_co_production_quality = models.DecimalField(
        max_digits=4, decimal_places=1, null=True, blank=True, editable=False
    )
    result_alternative_quality = models.DecimalField(
        max_digits=4, decimal_places=1, null=True, blank=True, editable=False
    )
    result_risk_flags = models.JSONField(default=list, blank=True, editable=False)
    result_risk_flag_count = models.PositiveSmallIntegerField(default=0, editable=False)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at"]
        indexes = [
            models.Index(fields=["status", "result_verdict"]),
            # Dashboards and lists show the most recently changed first.
            models.Index(fields=["-updated_at"], name="assessments_updated_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="assessments_assessment_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(version__gte=1), name="assessments_assessment_version_positive"
            ),
            models.CheckConstraint(
                condition=Q(appraisal_years__isnull=True)
                | Q(appraisal_years__gte=1, appraisal_years__lte=50),
                name="assessments_assessment_appraisal_years_in_range",
            ),
            models.CheckConstraint(
                condition=Q(discount_rate__isnull=True)
                | Q(discount_rate__gte=0, discount_rate__lte=20),
                name="assessments_assessment_discount_rate_in_range",
            ),
            models.CheckConstraint(
                condition=Q(submitted_at__isnull=False) | Q(status=Status.DRAFT),
                name="assessments_assessment_submitted_has_date",
            ),
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{name}__isnull": True}) | Q(**{f"{name}__lte": 4}),
                    name=f"assessments_assessment_{name}_0_to_4",
                )
                for name in (
                    "private_value_strength",
                    "public_value_strength",
                    *(f"{m}_motivation" for m in MOTIVATORS),
                    "expertise_required",
                    "co_producer_capability",
                )
            ],
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{o}_{r}__isnull": True})
                    | Q(**{f"{o}_{r}__gte": 1, f"{o}_{r}__lte": 5}),
                    name=f"assessments_assessment_{o}_{r}_1_to_5",
                )
                for o in OPTIONS
                for r in RATINGS
            ],
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{name}__isnull": True}) | Q(**{f"{name}__gte": 0}),
                    name=f"assessments_assessment_{name}_not_negative",
                )
                for name in (
                    "hours_per_co_producer",
                    "hourly_rate",
                    *(
                        f"{o}_{f}"
                        for o in OPTIONS
                        for f in ("setup_cost", "annual_agency_cost", "annual_co_producer_hours")
                    ),
                )
            ],
        ]

    def __str__(self) -> str:
        return self.title

    RESULT_FIELDS = (
        "result_classification",
        "result_value_type",
        "result_verdict",
        "result_sensitivity",
        "result_co_production_full_cost",
        "result_alternative_full_cost",
        "result_co_production_cost_per_client",
        "result_alternative_cost_per_client",
        "result_co_production_quality",
        "result_alternative_quality",
        "result_risk_flags",
        "result_risk_flag_count",
    )

    def save(self, *args, **kwargs):
        self.refresh_results()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, *self.RESULT_FIELDS, "updated_at"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("assessments:report", args=[self.code])

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

    # --- Scoring -------------------------------------------------------------------------

    def scoring_inputs(self) -> scoring.AssessmentInputs:
        def option(prefix):
            return scoring.OptionInputs(
                setup_cost=getattr(self, f"{prefix}_setup_cost"),
                annual_agency_cost=getattr(self, f"{prefix}_annual_agency_cost"),
                annual_co_producer_hours=getattr(self, f"{prefix}_annual_co_producer_hours"),
                clients_per_year=getattr(self, f"{prefix}_clients_per_year"),
                confidence=getattr(self, f"{prefix}_confidence") or None,
                **{rating: getattr(self, f"{prefix}_{rating}") for rating in RATINGS},
            )

        def as_tuple(values):
            return None if values is None else tuple(values)

        return scoring.AssessmentInputs(
            phases=tuple(self.phases or ()),
            level=self.level or None,
            agency_contributions=as_tuple(self.agency_contributions),
            co_producer_contributions=as_tuple(self.co_producer_contributions),
            timing=self.timing or None,
            co_producers_per_year=self.co_producers_per_year,
            hours_per_co_producer=self.hours_per_co_producer,
            private_value_strength=self.private_value_strength,
            public_value_strength=self.public_value_strength,
            necessity=self.necessity or None,
            **{f"{m}_motivation": getattr(self, f"{m}_motivation") for m in MOTIVATORS},
            material_rewards_offered=self.material_rewards_offered,
            expertise_required=self.expertise_required,
            co_producer_capability=self.co_producer_capability,
            capability_varies_by_area=self.capability_varies_by_area,
            special_assets=as_tuple(self.special_assets),
            burden_on_vulnerable=self.burden_on_vulnerable,
            hourly_rate=self.hourly_rate,
            appraisal_years=self.appraisal_years,
            discount_rate=None if self.discount_rate is None else self.discount_rate / 100,
            co_production=option("co_production"),
            alternative=option("alternative"),
        )

    def score(self) -> scoring.AssessmentResult:
        return scoring.score(self.scoring_inputs())

    def refresh_results(self) -> scoring.AssessmentResult:
        """Copy the scoring module's results onto the result_* columns (not saved here)."""
        result = self.score()
        self.result_classification = result.classification or ""
        self.result_value_type = result.value_type or ""
        self.result_verdict = result.verdict or ""
        self.result_sensitivity = result.sensitivity or ""
        for prefix, option in (
            ("co_production", result.co_production_option),
            ("alternative", result.alternative_option),
        ):
            setattr(self, f"result_{prefix}_full_cost", _decimal(option and option.full_cost))
            setattr(
                self,
                f"result_{prefix}_cost_per_client",
                _decimal(option and option.cost_per_client),
            )
            setattr(self, f"result_{prefix}_quality", _decimal(option and option.quality_index))
        self.result_risk_flags = [flag.code for flag in result.risk_flags]
        self.result_risk_flag_count = len(result.risk_flags)
        return result

    def save_answers(self, field_names, expected_version: int) -> bool:
        """Save some answers only if nobody else saved since `expected_version`.

        One conditional UPDATE, so two people editing the same draft cannot silently
        overwrite each other: the second gets False and must reload. Free-text answers
        (names in TEXT_FIELDS, values on `text_answers`) are written in the same
        transaction, and only if that UPDATE succeeded. On success the instance's version
        moves on.
        """
        text_names = [name for name in field_names if name in TEXT_FIELDS]
        own_names = [name for name in field_names if name not in TEXT_FIELDS]
        self.refresh_results()
        self.updated_at = timezone.now()
        values = {
            name: getattr(self, name) for name in (*own_names, *self.RESULT_FIELDS, "updated_at")
        }
        with transaction.atomic():
            saved = (
                type(self)
                .objects.filter(pk=self.pk, version=expected_version)
                .update(version=F("version") + 1, **values)
            )
            if saved and text_names:
                text = self.text_answers
                self.text, _ = AssessmentText.objects.update_or_create(
                    assessment_id=self.pk,
                    defaults={name: getattr(text, name) for name in text_names},
                )
        if saved:
            self.version = expected_version + 1
        return bool(saved)


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
    work_description = models.TextField("what co-producers do", blank=True)
    inputs = models.TextField("what goes in", blank=True)
    outputs = models.TextField("what comes out", blank=True)
    # 2. Reciprocity
    agency_contribution_notes = models.TextField("more about what the agency gives", blank=True)
    co_producer_contribution_notes = models.TextField(
        "more about what co-producers give", blank=True
    )
    # 3. Value
    private_value_description = models.TextField("private value", blank=True)
    public_value_description = models.TextField("public value", blank=True)
    # 4. Necessity
    necessity_reason = models.TextField("why", blank=True)
    # 5. Motivations
    motivation_notes = models.TextField("notes on motivation", blank=True)
    # 6. Capability and context
    special_assets_notes = models.TextField("more about what they bring", blank=True)
    support_given = models.TextField("support the agency gives", blank=True)

    class Meta:
        verbose_name = "written answers"
        verbose_name_plural = "written answers"

    def __str__(self) -> str:
        return "Written answers"


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))
