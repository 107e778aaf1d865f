"""Agencies, their members and their services: who delivers what."""

from decimal import Decimal
from uuid import uuid4

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from coprod_site.text import WRITTEN_ANSWER_MAX, length_limit, text_up_to
from services.models.choices import Perspective


class GovernmentLevel(models.TextChoices):
    NATIONAL = "national", "National or federal"
    STATE = "state", "State, provincial or regional"
    LOCAL = "local", "Local or municipal"


class Sector(models.TextChoices):
    HEALTH = "health", "Health"
    EDUCATION = "education", "Education"
    SOCIAL_CARE = "social_care", "Social care"
    TAX_REVENUE = "tax_revenue", "Tax and revenue"
    ENVIRONMENT = "environment", "Environment"
    EMERGENCY_SERVICES = "emergency_services", "Emergency services"
    COMMUNITY_SAFETY = "community_safety", "Community safety"
    JUSTICE = "justice", "Justice"
    TRANSPORT = "transport", "Transport"
    LOCAL_SERVICES = "local_services", "Local services"
    REGULATION = "regulation", "Regulation"
    WATER_SANITATION = "water_sanitation", "Water and sanitation"
    HOUSING = "housing", "Housing"
    OTHER = "other", "Other"


class ClientType(models.TextChoices):
    """Alford's kinds of client: who the service is for, and on what terms."""

    BENEFICIARIES = "beneficiaries", "Beneficiaries"
    OBLIGATEES = "obligatees", "Obligatees"
    PAYING_CUSTOMERS = "paying_customers", "Paying customers"
    CITIZENS = "citizens", "Citizens at large"


class DeliveryMode(models.TextChoices):
    IN_HOUSE = "in_house", "In-house staff"
    CONTRACTED = "contracted", "Contracted provider"
    PARTLY_CO_PRODUCED = "partly_co_produced", "Partly co-produced"
    MOSTLY_CO_PRODUCED = "mostly_co_produced", "Mostly co-produced"


class Role(models.TextChoices):
    MANAGER = "manager", "Manager"
    VIEWER = "viewer", "Viewer"

    @property
    def can_change(self) -> bool:
        return self is Role.MANAGER


currency_code = RegexValidator(
    r"^[A-Z]{3}$", "Enter a three-letter currency code, like GBP or AUD."
)


# The bounds of the agency's defaults (the discount rate in % a year); the hourly value has
# no upper bound of its own (the settings form keeps it to what an assessment accepts).
DISCOUNT_RATE_LIMIT = 20
WILLINGNESS_TO_PAY_LIMIT = 100_000


def _judgement_money(verbose_name, *, max_digits, limit=None):
    validators = [MinValueValidator(0)]
    if limit is not None:
        validators.append(MaxValueValidator(limit))
    return models.DecimalField(
        verbose_name,
        max_digits=max_digits,
        decimal_places=2,
        null=True,
        blank=True,
        validators=validators,
    )


def _judgement_rate(verbose_name):
    return models.DecimalField(
        verbose_name,
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(DISCOUNT_RATE_LIMIT)],
    )


def _judgement_checks(name: str, low, high, words: str) -> list[models.CheckConstraint]:
    """Checks on the low and high values of the default `name` (`words` in a sentence):
    each, where given, within the central default's own bounds; low not above the central
    default, high not below it (where that is given), and low not above high. The settings
    form says the same in its own words; these messages are for the admin."""
    default, low_field, high_field = (
        f"default_{name}",
        f"default_{name}_low",
        f"default_{name}_high",
    )
    checks = []
    for field in (low_field, high_field):
        bounds = {f"{field}__gte": low}
        if high is not None:
            bounds[f"{field}__lte"] = high
        end = field.rsplit("_", 1)[1]
        within = "not be below zero" if high is None else f"be between {low:,} and {high:,}"
        checks.append(
            models.CheckConstraint(
                condition=models.Q(**{f"{field}__isnull": True}) | models.Q(**bounds),
                name=f"services_agency_{name}_{end}_in_range",
                violation_error_message=f"The {end} {words} must {within}.",
            )
        )
    for field, lookup, rule, side in (
        (low_field, "lte", "not_above", "above"),
        (high_field, "gte", "not_below", "below"),
    ):
        end = field.rsplit("_", 1)[1]
        checks.append(
            models.CheckConstraint(
                condition=models.Q(**{f"{field}__isnull": True})
                | models.Q(**{f"{default}__isnull": True})
                | models.Q(**{f"{field}__{lookup}": models.F(default)}),
                name=f"services_agency_{name}_{end}_{rule}_default",
                violation_error_message=f"The {end} {words} must not be {side} the usual one.",
            )
        )
    checks.append(
        models.CheckConstraint(
            condition=models.Q(**{f"{low_field}__isnull": True})
            | models.Q(**{f"{high_field}__isnull": True})
            | models.Q(**{f"{low_field}__lte": models.F(high_field)}),
            name=f"services_agency_{name}_low_not_above_high",
            violation_error_message=f"The high {words} must not be below the low one.",
        )
    )
    return checks


class AgencyQuerySet(models.QuerySet):
    def for_user(self, user, *, role: Role | None = None):
        """Agencies the user belongs to; with a role, only those where they hold it."""
        if not user.is_authenticated:
            return self.none()
        memberships = Membership.objects.filter(user=user)
        if role is not None:
            memberships = memberships.filter(role=role)
        return self.filter(pk__in=memberships.values("agency_id"))


class Agency(models.Model):
    code = models.UUIDField(default=uuid4, unique=True, editable=False)
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    government_level = models.CharField(max_length=20, choices=GovernmentLevel.choices)
    sector = models.CharField(max_length=30, choices=Sector.choices)
    jurisdiction = models.CharField(
        max_length=200, help_text="The place the agency serves, for example 'Victoria, Australia'."
    )
    default_hourly_value = models.DecimalField(
        "value of an hour of a co-producer's time",
        max_digits=10,
        decimal_places=2,
        default=Decimal("20.00"),
        validators=[MinValueValidator(0)],
        help_text="Used to put a money value on the time citizens give. New assessments start "
        "with this rate.",
    )
    currency = models.CharField(max_length=3, default="GBP", validators=[currency_code])
    default_appraisal_years = models.PositiveSmallIntegerField(
        "appraisal period (years)",
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    default_discount_rate = models.DecimalField(
        "discount rate (% a year)",
        max_digits=5,
        decimal_places=2,
        default=Decimal("3.50"),
        validators=[MinValueValidator(0), MaxValueValidator(20)],
        help_text="A percentage: 3.5 means 3.5% a year.",
    )
    default_willingness_to_pay = models.DecimalField(
        "what one quality point is worth for one client for a year",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100_000)],
        help_text="How much the agency would pay to raise the quality of the service by one "
        "point (on the 0 to 100 quality index) for one client for one year. Leave it empty "
        "until the agency has decided: reports then show the price at which each option "
        "becomes the best choice. New assessments start with this figure.",
    )
    # The low and high values a new assessment tries its choice at, beside the central
    # figures above. They are value judgements, not estimates: blank means the assessment's
    # own default (half and one and a half times a value, a point either side of the rate).
    default_hourly_value_low = _judgement_money("value of an hour: low", max_digits=10)
    default_hourly_value_high = _judgement_money("value of an hour: high", max_digits=10)
    default_discount_rate_low = _judgement_rate("discount rate: low (% a year)")
    default_discount_rate_high = _judgement_rate("discount rate: high (% a year)")
    default_willingness_to_pay_low = _judgement_money(
        "value of a quality point: low", max_digits=12, limit=WILLINGNESS_TO_PAY_LIMIT
    )
    default_willingness_to_pay_high = _judgement_money(
        "value of a quality point: high", max_digits=12, limit=WILLINGNESS_TO_PAY_LIMIT
    )
    headline_perspective = models.CharField(
        "whose costs reports lead with",
        max_length=10,
        choices=Perspective.choices,
        default=Perspective.FULL,
        # In the database too, so rows written without it (older code, raw SQL) get it.
        db_default=Perspective.FULL,
        help_text="Every report shows the choice both ways; this is the one it leads with.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AgencyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(headline_perspective__in=Perspective.values),
                name="services_agency_headline_perspective_known",
                violation_error_message="Choose whose costs reports lead with: everyone's "
                "costs, or the agency's own spending only.",
            ),
            models.CheckConstraint(
                condition=models.Q(default_hourly_value__gte=0),
                name="services_agency_hourly_value_not_negative",
                violation_error_message="The value of an hour of a co-producer's time must not "
                "be below zero.",
            ),
            models.CheckConstraint(
                condition=models.Q(default_appraisal_years__gte=1, default_appraisal_years__lte=50),
                name="services_agency_appraisal_years_in_range",
                violation_error_message="The appraisal period must be between 1 and 50 years.",
            ),
            models.CheckConstraint(
                condition=models.Q(default_discount_rate__gte=0, default_discount_rate__lte=20),
                name="services_agency_discount_rate_in_range",
                violation_error_message="The discount rate must be between 0 and 20 percent a "
                "year.",
            ),
            models.CheckConstraint(
                condition=models.Q(default_willingness_to_pay__isnull=True)
                | models.Q(
                    default_willingness_to_pay__gte=0, default_willingness_to_pay__lte=100_000
                ),
                name="services_agency_willingness_to_pay_in_range",
                violation_error_message="What one quality point is worth must be between 0 and "
                "100,000, or left empty until the agency has decided.",
            ),
            *_judgement_checks("hourly_value", 0, None, "value of an hour"),
            *_judgement_checks("discount_rate", 0, DISCOUNT_RATE_LIMIT, "discount rate"),
            *_judgement_checks(
                "willingness_to_pay", 0, WILLINGNESS_TO_PAY_LIMIT, "value of a quality point"
            ),
        ]

    # What a new assessment starts from: its field, and the agency's default for it.
    APPRAISAL_DEFAULTS = {
        "hourly_rate": "default_hourly_value",
        "appraisal_years": "default_appraisal_years",
        "discount_rate": "default_discount_rate",
        "willingness_to_pay": "default_willingness_to_pay",
        **{
            f"{figure}_{end}": f"{default}_{end}"
            for figure, default in (
                ("hourly_rate", "default_hourly_value"),
                ("discount_rate", "default_discount_rate"),
                ("willingness_to_pay", "default_willingness_to_pay"),
            )
            for end in ("low", "high")
        },
    }

    def __str__(self) -> str:
        return self.name

    def appraisal_defaults(self) -> dict:
        """The appraisal settings a new assessment of this agency starts with, by the
        assessment's field names; its managers may change them."""
        return {field: getattr(self, default) for field, default in self.APPRAISAL_DEFAULTS.items()}


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.VIEWER)

    history = HistoricalRecords()

    class Meta:
        ordering = ["agency__name", "user__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "agency"],
                name="services_membership_unique",
                violation_error_message="This person is already a member of this agency: "
                "change their role there instead.",
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values),
                name="services_membership_role_valid",
                violation_error_message=f"The role must be one of: {'; '.join(Role.labels)}.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} of {self.agency}"


class ServiceQuerySet(models.QuerySet):
    def for_agencies(self, agencies):
        return self.filter(agency__in=agencies)


class Service(models.Model):
    code = models.UUIDField(default=uuid4, unique=True, editable=False)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="services")
    name = models.CharField(max_length=200)
    description = text_up_to("description")
    sector = models.CharField(max_length=30, choices=Sector.choices)
    client_type = models.CharField("who the clients are", max_length=30, choices=ClientType.choices)
    clients_per_year = models.PositiveIntegerField(
        "clients a year", help_text="Roughly how many people the service serves in a year."
    )
    delivery_mode = models.CharField(
        "how it is delivered now", max_length=30, choices=DeliveryMode.choices
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ServiceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["agency__name", "name"]
        permissions = [
            ("import_service", "Can import services from a file"),
            ("export_service", "Can export services to a file"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "name"],
                name="services_service_name_unique_per_agency",
                violation_error_message="The agency already has a service with this name: "
                "give each of its services its own.",
            ),
            models.CheckConstraint(
                condition=models.Q(clients_per_year__gte=0),
                name="services_service_clients_not_negative",
                violation_error_message="The number of clients a year must not be below zero.",
            ),
            length_limit("services_service", "description", WRITTEN_ANSWER_MAX, "the description"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("services:detail", args=[self.code])
