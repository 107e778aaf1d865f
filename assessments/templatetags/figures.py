"""Figures as people read them: thousands separators, the currency sign, sensible rounding."""

from decimal import ROUND_HALF_UP, Decimal

from django import template

from coprod_site import numbers
from coprod_site.numbers import format_money, format_number, round_to_estimate

register = template.Library()


@register.filter
def money(value, currency):
    """An estimate of money, rounded to three significant figures: £92,400,000."""
    return format_money(round_to_estimate(value), currency)


@register.filter
def money_exact(value, currency):
    """Money as entered: £2,600,000 or £18.50."""
    return format_money(value, currency)


@register.filter
def size(value):
    """A change without its sign, for words that carry it: "saves £9,100,000", never a
    negative saving."""
    return None if value is None else abs(value)


@register.filter
def number(value, places=0):
    """A count or figure with thousands separators: 2,000,000."""
    return format_number(value, places=int(places))


@register.filter
def estimate(value):
    """A figure rounded to three significant figures, with separators: 1,230,000."""
    rounded = round_to_estimate(value)
    return "" if rounded is None else format_number(rounded, places=3)


@register.filter
def percent(fraction, places=0):
    """A share as a percentage: 0.8125 -> 81%."""
    if fraction is None:
        return ""
    return f"{format_number(float(fraction) * 100, places=int(places))}%"


@register.filter
def short_money(value, currency):
    """An amount as a sentence says it, without its sign: £17.7 million, £340,000."""
    return "" if value is None else numbers.short_money(value, currency)


@register.filter
def saves_or_costs(change, currency):
    """A change in spending in words that carry its sign: "Saves £17.7 million", "Costs
    £2.1 million more", never a negative saving."""
    if change is None:
        return "–"
    if change < 0:
        return f"Saves {numbers.short_money(change, currency)}"
    if change > 0:
        return f"Costs {numbers.short_money(change, currency)} more"
    return "No change"


@register.filter
def gains_or_loses(change, currency):
    """A change in net benefit in words that carry its sign: "£1.2 million more",
    "£300,000 less"."""
    if change is None:
        return "–"
    if change > 0:
        return f"{numbers.short_money(change, currency)} more"
    if change < 0:
        return f"{numbers.short_money(change, currency)} less"
    return "No change"


@register.filter
def more_or_less(change, currency):
    """A change in cost per client-year, exact to the penny, in words: "£3.20 less"."""
    if change is None:
        return "–"
    if change == 0:
        return "No change"
    amount = format_money(round_to_estimate(abs(change)), currency)
    return f"{amount} {'more' if change > 0 else 'less'}"


@register.filter
def currency_name(code):
    """A currency in words with its code: "British pounds (GBP)"."""
    return numbers.currency_name(code)


@register.filter
def signed(value, places=0):
    """A change with its sign always shown and a fixed number of places, so a column's
    figures line up: +12.5, −3.0 (a true minus sign), 0.0."""
    if value is None:
        return ""
    # Halves away from zero, as everywhere else (see format_number).
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-int(places)), ROUND_HALF_UP)
    text = f"{abs(rounded):,.{int(places)}f}"
    return f"+{text}" if rounded > 0 else f"−{text}" if rounded < 0 else text


@register.filter
def not_decided(rows):
    """How many of the ranking's rows have no net benefit (no value on a quality point)."""
    return sum(1 for row in rows if row["result_net_benefit_change"] is None)
