"""Figures as people read them: thousands separators, the currency sign, sensible rounding."""

from django import template

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
