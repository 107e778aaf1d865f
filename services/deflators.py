"""Prices from one year brought to another with the GDP deflator.

A reference value keeps the price year its source gives (a QALY threshold in 2022, a
road death in June 2016 prices); an assessment states the price year its own figures are
in. A value is brought to the assessment's year by the ratio of the GDP deflator of the
value's currency in the two years, as the Green Book advises for general inflation. The
deflator is a curated table (`PriceIndex`, kept in the admin with its source), so each
figure can be checked against the statistics office's own release.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


class NoDeflator(ValueError):
    """The table has no figure for this currency and year."""


def years(currency: str) -> list[int]:
    """The years the table covers for this currency, oldest first (empty if none)."""
    from services.models import PriceIndex

    return list(
        PriceIndex.objects.filter(currency=currency).order_by("year").values_list("year", flat=True)
    )


@dataclass(frozen=True)
class Conversion:
    """Amounts brought from one year's prices to another's."""

    currency: str
    from_year: int
    to_year: int
    from_index: Decimal
    to_index: Decimal
    source: str = ""

    @property
    def factor(self) -> Decimal:
        return self.to_index / self.from_index

    def apply(self, amount: Decimal) -> Decimal:
        """The amount in the other year's prices, to the cent."""
        return (Decimal(amount) * self.factor).quantize(Decimal("0.01"), ROUND_HALF_UP)

    def words(self, amount: Decimal) -> str:
        """The conversion as a reader checks it: "13,000.00 GBP in 2019 prices × 120.5 /
        100.0 (the GDP deflator, 2024 over 2019) = 15,665.00 GBP in 2024 prices."."""
        return (
            f"{Decimal(amount):,.2f} {self.currency} in {self.from_year} prices × "
            f"{self.to_index} / {self.from_index} (the GDP deflator, {self.to_year} over "
            f"{self.from_year}) = {self.apply(amount):,.2f} {self.currency} in "
            f"{self.to_year} prices."
        )


def conversion(currency: str, from_year: int, to_year: int) -> Conversion:
    """The conversion from `from_year` to `to_year` prices, in one query. Raises NoDeflator
    when the table lacks the currency or either year."""
    from services.models import PriceIndex

    rows = {
        row.year: row
        for row in PriceIndex.objects.filter(currency=currency, year__in={from_year, to_year})
    }
    for year in (from_year, to_year):
        if year not in rows:
            raise NoDeflator(f"the price index for {currency} has no figure for {year}")
    return Conversion(
        currency=currency,
        from_year=from_year,
        to_year=to_year,
        from_index=rows[from_year].index,
        to_index=rows[to_year].index,
        source=rows[to_year].source,
    )
