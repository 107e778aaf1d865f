"""Reference values: published prices of outcomes, curated for every agency.

A manager values what an option changes in people's lives (a quality-adjusted life year,
a burglary prevented, a tonne of carbon) at a price someone accountable has published,
with its source, price year and range, rather than at a figure of their own. Curators
keep the values in the admin, as they keep case examples: draft, in review, published,
with every change in the history. Assessments copy what they adopt (see
`assessments.models.OutcomeMeasure`), so a later correction here never rewrites a
submitted result.
"""

from uuid import uuid4

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from coprod_site.text import text_up_to
from services.models.agencies import currency_code
from services.models.cases import stamp_publication
from services.models.choices import CaseStatus

# The largest price a unit may have: a statistical life is a few million; room to spare.
UNIT_VALUE_LIMIT = 1_000_000_000
NOTE_MAX = 1000
QUOTE_MAX = 1000


def unit_value(verbose_name, **kwargs):
    return models.DecimalField(verbose_name, max_digits=14, decimal_places=2, **kwargs)


class ReferenceValueQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=CaseStatus.PUBLISHED)

    def for_currency(self, currency: str):
        return self.published().filter(currency=currency)


class ReferenceValue(models.Model):
    code = models.UUIDField(default=uuid4, unique=True, editable=False)
    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=200, help_text="What is valued, as a manager says it.")
    unit = models.CharField(
        "one unit", max_length=120, help_text="What one unit is, as in “one burglary”."
    )
    value = unit_value("value of one unit")
    low = unit_value("lowest value", help_text="The source's low value; the value if none.")
    high = unit_value("highest value", help_text="The source's high value; the value if none.")
    currency = models.CharField(max_length=3, validators=[currency_code])
    price_year = models.PositiveSmallIntegerField(
        help_text="The year whose prices the value is in (a financial year by its first year)."
    )
    country = models.CharField(max_length=100)
    source_title = models.CharField("source", max_length=300)
    publisher = models.CharField(max_length=200)
    location = models.CharField(
        "table or page", max_length=200, help_text="Where in the source: a table, section or page."
    )
    source_year = models.PositiveSmallIntegerField("year published")
    url = models.URLField("web address", max_length=500)
    quote = text_up_to(
        "the source's words",
        QUOTE_MAX,
        help_text="The words or table cells of the source that give the figure, as printed.",
    )
    note = text_up_to("note on use", NOTE_MAX)
    status = models.CharField(max_length=12, choices=CaseStatus.choices, default=CaseStatus.DRAFT)
    curated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="curated_reference_values",
    )
    curated_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReferenceValueQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["country", "name"]
        verbose_name = "reference value"
        permissions = [
            ("import_referencevalue", "Can import reference values from a file"),
            ("export_referencevalue", "Can export reference values to a file"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=CaseStatus.values),
                name="services_referencevalue_status_valid",
                violation_error_message="The status must be one of: "
                f"{'; '.join(CaseStatus.labels)}.",
            ),
            models.CheckConstraint(
                condition=models.Q(low__gte=0, value__gte=models.F("low"))
                & models.Q(high__gte=models.F("value"), high__lte=UNIT_VALUE_LIMIT),
                name="services_referencevalue_range_holds_value",
                violation_error_message="The lowest value must not be below zero or above the "
                f"value, nor the highest below the value or above {UNIT_VALUE_LIMIT:,}.",
            ),
            models.CheckConstraint(
                condition=models.Q(price_year__gte=1900, price_year__lte=2100)
                & models.Q(source_year__gte=1900, source_year__lte=2100),
                name="services_referencevalue_years_plausible",
                violation_error_message="The price year and the year published must each be "
                "between 1900 and 2100.",
            ),
            models.CheckConstraint(
                condition=models.Q(url__startswith="http://")
                | models.Q(url__startswith="https://"),
                name="services_referencevalue_url_is_web",
                violation_error_message="Enter a web address starting with http:// or https://.",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=CaseStatus.PUBLISHED)
                | models.Q(published_at__isnull=False),
                name="services_referencevalue_published_has_date",
                violation_error_message="A published reference value needs the date it was "
                "published: save it again, or set it back to draft.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.currency} {self.value:,.0f}, {self.price_year} prices)"

    def save(self, *args, **kwargs):
        stamp_publication(self)
        super().save(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.status == CaseStatus.PUBLISHED

    @property
    def citation(self) -> str:
        """The source in one line: "Home Office (2018), The economic and social costs of
        crime, Table 1"."""
        return f"{self.publisher} ({self.source_year}), {self.source_title}, {self.location}"

    def clean(self):
        errors = {}
        if None not in (self.low, self.value) and self.low > self.value:
            errors["low"] = "The lowest value must not be above the value."
        if None not in (self.high, self.value) and self.high < self.value:
            errors["high"] = "The highest value must not be below the value."
        if errors:
            raise ValidationError(errors)


class PriceIndex(models.Model):
    """One year's GDP deflator for a currency, as its statistics office publishes it, for
    bringing reference values to an assessment's price year (`services.deflators`). Any
    base year will do, as long as one currency's rows share it."""

    currency = models.CharField(max_length=3, validators=[currency_code])
    year = models.PositiveSmallIntegerField(
        help_text="A calendar year, or a financial year by its first year."
    )
    index = models.DecimalField(max_digits=10, decimal_places=4)
    source = models.CharField(
        max_length=400,
        help_text="The release, its table and its address, so each figure can be checked.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["currency", "year"]
        verbose_name = "price index (GDP deflator)"
        verbose_name_plural = "price indexes (GDP deflator)"
        permissions = [
            ("import_priceindex", "Can import price indexes from a file"),
            ("export_priceindex", "Can export price indexes to a file"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["currency", "year"],
                name="services_priceindex_one_a_year",
                violation_error_message="There is already an index figure for this currency "
                "and year: change that one instead.",
            ),
            models.CheckConstraint(
                condition=models.Q(index__gt=0),
                name="services_priceindex_positive",
                violation_error_message="An index figure must be above zero.",
            ),
            models.CheckConstraint(
                condition=models.Q(year__gte=1900, year__lte=2100),
                name="services_priceindex_year_plausible",
                violation_error_message="The year must be between 1900 and 2100.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.currency} {self.year}: {self.index}"
