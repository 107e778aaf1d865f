"""Field builders shared by the assessment and its options.

Upper bounds come from `scoring.LIMITS`, so every answer a form accepts gives results that
fit the result columns; each bound is also a database constraint on the model.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from assessments.choices import RATING_CHOICES, STRENGTH_CHOICES, Confidence
from assessments.scoring.inputs import LIMITS

# 20 digits with 2 after the point hold any result the bounded inputs can give (< 10**18).
RESULT_MONEY_DIGITS = 20
# Willingness-to-pay figures (per quality point per client-year) keep 4 places.
RESULT_RATE_DIGITS = 24
# Hours and money for each client: enough places that a total of up to a billion clients
# is out by far less than the total's own last place (a tenth of an hour, a cent).
PER_CLIENT_PLACES = 12


def strength(verbose_name, **kwargs):
    return models.PositiveSmallIntegerField(
        verbose_name,
        null=True,
        blank=True,
        choices=STRENGTH_CHOICES,
        validators=[MaxValueValidator(4)],
        **kwargs,
    )


def rating(verbose_name):
    return models.PositiveSmallIntegerField(
        verbose_name,
        null=True,
        blank=True,
        choices=RATING_CHOICES,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )


def money(verbose_name, *, limit=LIMITS.money, **kwargs):
    return models.DecimalField(
        verbose_name,
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(limit)],
        **kwargs,
    )


def hours(verbose_name, *, limit=LIMITS.hours_a_year, **kwargs):
    return models.DecimalField(
        verbose_name,
        max_digits=14,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(limit)],
        **kwargs,
    )


def per_client(verbose_name, *, limit):
    """A figure for each client served a year (hours, or money): twelve places, so a yearly
    total worked out from it, and rounded to its own places, comes back exactly as it was
    typed (see `Option.scoring_inputs`)."""
    return models.DecimalField(
        verbose_name,
        max_digits=24,
        decimal_places=PER_CLIENT_PLACES,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(limit)],
    )


def share_percent(verbose_name):
    """A share of the people served, in percent (0 to 100, two places)."""
    return models.DecimalField(
        verbose_name,
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )


def count(verbose_name, *, limit, **kwargs):
    return models.PositiveIntegerField(
        verbose_name, null=True, blank=True, validators=[MaxValueValidator(limit)], **kwargs
    )


def confidence(verbose_name):
    return models.CharField(verbose_name, max_length=10, blank=True, choices=Confidence.choices)


def result_money(verbose_name):
    return models.DecimalField(
        verbose_name,
        max_digits=RESULT_MONEY_DIGITS,
        decimal_places=2,
        null=True,
        blank=True,
        editable=False,
    )


def result_hours(verbose_name):
    """Hours a year, to a tenth of an hour, as the scoring rounds them."""
    return models.DecimalField(
        verbose_name,
        max_digits=14,
        decimal_places=1,
        null=True,
        blank=True,
        editable=False,
    )


def result_rate(verbose_name):
    return models.DecimalField(
        verbose_name,
        max_digits=RESULT_RATE_DIGITS,
        decimal_places=4,
        null=True,
        blank=True,
        editable=False,
    )


def result_quality(verbose_name):
    """A quality index, 0-100: two places hold it exactly (a multiple of 6.25)."""
    return models.DecimalField(
        verbose_name, max_digits=5, decimal_places=2, null=True, blank=True, editable=False
    )


def in_range(field: str, low, high, name: str, what: str, unit: str = "") -> models.CheckConstraint:
    """A named check that a nullable number, when given, lies in [low, high]; `what` names
    the figure in a sentence, without "the" ("discount rate"), and `unit` follows the
    highest ("percent a year"), for the message the admin shows."""
    after = f" {unit}" if unit else ""
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__isnull": True})
        | models.Q(**{f"{field}__gte": low, f"{field}__lte": high}),
        name=name,
        violation_error_message=f"The {what} must be between {low:,} and {high:,}{after}.",
    )


def range_holds_estimate(
    name: str, model: str, what: str, central: str = "its estimate"
) -> list[models.CheckConstraint]:
    """Two named checks that a figure's range holds its estimate: the lowest is not above
    it, the highest not below it (each passes where either side is blank). `what` names
    the figure, without "the" ("one-off set-up cost"); `central` the figure the ends are
    held against, as the page calls it."""
    return [
        models.CheckConstraint(
            condition=models.Q(**{f"{name}_{end}__{lookup}": models.F(name)})
            | models.Q(**{f"{name}_{end}__isnull": True})
            | models.Q(**{f"{name}__isnull": True}),
            name=f"assessments_{model}_{name}_{end}_{words}",
            violation_error_message=f"The {word} {what} must not be {side} than {central}.",
        )
        for end, lookup, words, word, side in (
            ("low", "lte", "not_above", "lowest", "more"),
            ("high", "gte", "not_below", "highest", "less"),
        )
    ]


def result_option(verbose_name):
    """One of the assessment's options, picked out by the scoring (stored, not edited)."""
    return models.ForeignKey(
        "assessments.Option",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )


def percent_a_year(verbose_name):
    """A rate in percent a year (3.5 means 3.5%), within the discount rate's bounds."""
    return models.DecimalField(
        verbose_name,
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(LIMITS.discount_rate_percent)],
    )
