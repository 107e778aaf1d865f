"""Numbers as managers type them: "£2,600,000", "2.6m", "40k", "1.2 billion", "3.5%".

`parse_amount` reads one; the form fields below use it, so a figure typed in a familiar
way is accepted and anything else gets a message that says what to type, never a
silently emptied field.
"""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from functools import cache

from babel import Locale
from babel.numbers import (
    format_currency,
    format_decimal,
    get_currency_name,
    get_currency_symbol,
    parse_pattern,
)
from django import forms

# Figures are written the British way: 2,600,000.50.
NUMBER_LOCALE = "en_GB"
# Babel parses the locale and the number pattern afresh on every call, a third to a half
# of the time each figure takes (a report shows 150 of them). Both are constants: they are
# parsed once per process.
_LOCALE = Locale.parse(NUMBER_LOCALE)
_pattern = cache(parse_pattern)

MULTIPLIERS = {
    "k": 1_000,
    "thousand": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "million": 1_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "billion": 1_000_000_000,
}
# Currency signs and codes a manager may type before or after the figure.
_CURRENCY = r"(?:[£$€¥₹]|[A-Z]{3}\b|A\$|NZ\$|C\$|US\$)"
_AMOUNT = re.compile(
    rf"""^\s*(?:{_CURRENCY}\s*)?
    (?P<number>[+-]?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?|[+-]?\.\d+)
    \s*(?P<unit>k|thousand|mn|m|million|bn|b|billion)?
    \s*(?:{_CURRENCY})?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


# More digits before the point than any figure a form takes (the largest limits have 12).
# Such a figure is refused before any arithmetic: decimal arithmetic works to 28 digits, and
# rounding one of thousands of digits to pence fails.
MAX_WHOLE_DIGITS = 20


class FigureTooLarge(ValueError):
    """An amount with more than MAX_WHOLE_DIGITS digits before the point (`negative`: one
    far below zero)."""

    def __init__(self, text: str, *, negative: bool):
        super().__init__(f"too large an amount: {text[:40]!r}")
        self.negative = negative


def parse_amount(text: str) -> Decimal:
    """The number in `text`, with its thousands commas, currency sign and k/m/bn suffix read.

    Raises FigureTooLarge for a number of more than MAX_WHOLE_DIGITS digits (its suffix
    counted), ValueError for anything else (two numbers, words, "1,00,000").
    """
    match = _AMOUNT.match(text.replace("\u00a0", " "))
    if not match:
        raise ValueError(f"not an amount: {text!r}")
    try:
        number = Decimal(match["number"].replace(",", ""))
    except InvalidOperation as error:  # pragma: no cover - the pattern admits only numbers
        raise ValueError(f"not an amount: {text!r}") from error
    multiplier = MULTIPLIERS[match["unit"].lower()] if match["unit"] else 1
    if number and number.adjusted() + len(str(multiplier)) > MAX_WHOLE_DIGITS:
        raise FigureTooLarge(text, negative=number < 0)
    return number * multiplier


# Words a figure may be followed by, as people write it: the box's unit ("9 hours") and the
# period the box asks about ("£17 an hour", "2,000 a year"). Only the box's own unit and
# period are read: "9 hours a month" in a box of hours a year is refused, not read as 9.
UNIT_WORDS = {
    "hours": ("hours", "hour", "hrs", "hr", "h"),
    "years": ("years", "year", "yrs", "yr"),
    "people": ("people", "persons", "person"),
}
# Anyone a service serves may be called by what they are to it.
PEOPLE_WORDS = (
    "people", "persons", "person", "clients", "client", "households", "household",
    "residents", "resident", "users", "user", "families", "family", "pupils", "pupil",
    "patients", "patient", "members", "member", "customers", "customer", "taxpayers",
    "taxpayer", "homes", "home", "participants", "participant", "volunteers", "volunteer",
)  # fmt: skip
PERIOD_WORDS = {
    "year": ("a year", "per year", "each year", "every year", "a yr", "per yr", "per annum",
             "pa", "p.a.", "/year", "/yr", "/ year", "yearly", "annually"),
    "hour": ("an hour", "per hour", "each hour", "an hr", "per hr", "/hour", "/hr", "/ hour",
             "/h", "ph", "p/h"),
}  # fmt: skip


def _without_words(text: str, units: tuple, period: str | None) -> str:
    """`text` without the unit and period words it ends with, where they are the box's own:
    "9 hours a year" becomes "9" in a box of hours a year. Anything else is left, so that
    the figure is refused."""
    words = text.strip()
    for phrases in (PERIOD_WORDS.get(period, ()), units):
        for phrase in sorted(phrases, key=len, reverse=True):
            # After the figure or a space; "/yr" may follow the figure directly.
            ending = re.compile(rf"(?<=[\d\s.kmbnKMBN£$€]){re.escape(phrase)}\.?$", re.I)
            stripped = ending.sub("", words).rstrip()
            if stripped != words:
                words = stripped
                break
    return words


def _parse(value, units: tuple = (), period: str | None = None):
    """None for a blank box, a Decimal for an amount (followed, perhaps, by the box's unit
    and period words); otherwise ValidationError "max_value" (or "min_value") for a number
    too large for any form, "invalid" for anything else."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, Decimal | int):
        return Decimal(value)
    try:
        return parse_amount(_without_words(str(value), units, period))
    except FigureTooLarge as error:
        code = "min_value" if error.negative else "max_value"
        raise forms.ValidationError("", code=code) from None
    except ValueError:
        raise forms.ValidationError("", code="invalid") from None


def _message(field, error: forms.ValidationError):
    """The field's own message for the error; for a figure beyond its bounds, the message
    that names its limit ("invalid" where it has no limit or no message for it)."""
    code = error.code
    limit = {"min_value": field.min_value, "max_value": field.max_value}.get(code)
    if code in ("min_value", "max_value") and (limit is None or code not in field.error_messages):
        code = "invalid"
    # No params: the messages are plain sentences, and may hold a "%" ("like 3.5%").
    return forms.ValidationError(field.error_messages[code], code=code)


class AmountField(forms.DecimalField):
    """A decimal typed the way people write amounts, rounded to the field's places.

    `unit` (a currency sign, "hours", "%") is shown beside the box.
    """

    # A text box: a browser refuses "2.6m" or "£2,600,000" in a number box.
    widget = forms.TextInput

    def __init__(
        self,
        *,
        unit: str = "",
        unit_before: bool = False,
        words: tuple = (),
        period: str | None = None,
        **kwargs,
    ):
        self.unit = unit
        self.unit_before = unit_before  # a currency sign goes before the box, "hours" after
        # What may follow the figure: the unit's words, or `words`; "year" or "hour".
        self.words = words or UNIT_WORDS.get(unit, ())
        self.period = period
        super().__init__(**kwargs)

    def to_python(self, value):
        try:
            number = _parse(value, self.words, self.period)
        except forms.ValidationError as error:
            raise _message(self, error) from None
        if number is None:
            return None
        places = self.decimal_places if self.decimal_places is not None else 2
        smallest = Decimal(1).scaleb(-places)
        rounded = number.quantize(smallest, rounding=ROUND_HALF_UP)
        if number and not rounded:
            # Rounded, it would be none at all: say so rather than keep a 0 nobody typed.
            raise forms.ValidationError(
                self.error_messages.get("too_small")
                or f"Enter 0 or at least {format(smallest, 'f')}: this box keeps {places} "
                f"decimal place{'s' if places != 1 else ''}, so {value} would be kept as 0.",
                code="too_small",
            )
        return rounded

    def prepare_value(self, value):
        """Show a stored amount as people write it: 2,600,000 and 3.5, not 2600000.00 and
        3.50; money with pence keeps both places (18.50)."""
        if isinstance(value, Decimal):
            value = value.normalize()
            if value == value.to_integral_value():
                return f"{value.quantize(Decimal(1)):,f}"
            if self.unit_before:  # a currency sign: pence are two places
                return f"{value.quantize(Decimal('0.01')):,f}"
            return f"{value:,f}"
        return value

    def widget_attrs(self, widget):
        # Not DecimalField's step and min/max: the text box takes amounts as people type them.
        return {"inputmode": "decimal", "autocomplete": "off"}


class PercentField(AmountField):
    """A percentage: "3.5" or "3.5%"."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().removesuffix("%")
        return super().to_python(value)


class WholeNumberField(forms.IntegerField):
    """A count typed like an amount ("40k", "2,000,000"); it must come out whole."""

    widget = forms.TextInput
    unit_before = False

    def __init__(self, *, unit: str = "", words: tuple = (), period: str | None = None, **kwargs):
        self.unit = unit
        self.words = words or UNIT_WORDS.get(unit, ())
        self.period = period
        super().__init__(**kwargs)

    def to_python(self, value):
        try:
            number = _parse(value, self.words, self.period)
        except forms.ValidationError as error:
            raise _message(self, error) from None
        if number is None:
            return None
        if number != number.to_integral_value():
            raise forms.ValidationError(self.error_messages["whole"], code="whole")
        return int(number)

    def prepare_value(self, value):
        """A stored count with its thousands separators: 40,000, as people write it."""
        return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else value

    def widget_attrs(self, widget):
        return {"inputmode": "numeric", "autocomplete": "off"}


def number_messages(what: str, *, example: str, limit=None, low=0, whole=False) -> dict:
    """Messages that name the question, for an AmountField or a WholeNumberField.

    `what` reads in a sentence: "the one-off set-up cost of Volunteers".
    """
    messages = {
        "invalid": f"Enter {what} as a number, like {example}",
        "required": f"Enter {what}",
        "min_value": f"Enter {what} as {low} or more",
        "whole": f"Enter {what} as a whole number, like {example}",
        "max_digits": f"Enter {what} as a smaller number",
        "max_whole_digits": f"Enter {what} as a smaller number",
        "max_decimal_places": f"Enter {what} with fewer decimal places",
    }
    if limit is not None:
        messages["max_value"] = f"Enter {what} as {limit:,} or less"
    return messages


def currency_sign(code: str) -> str:
    """The sign a reader of British English expects for a currency: £ for GBP, A$ for AUD."""
    return get_currency_symbol(code, locale=NUMBER_LOCALE) if code else ""


def format_number(value, *, places: int = 0) -> str:
    """A figure with thousands separators: 2,600,000 (or 2,600,000.5 with places=1).
    Halves round away from zero, as everywhere else (56.25 is 56.3), not to even as
    Babel's quantize would."""
    if value is None:
        return ""
    pattern = "#,##0" + ("." + "#" * places if places else "")
    with localcontext() as context:
        context.rounding = ROUND_HALF_UP
        return format_decimal(value, format=_pattern(pattern), locale=_LOCALE)


def format_money(value, currency: str, *, places: int | None = None) -> str:
    """An amount with its currency sign: £2,600,000 or £3.10.

    `places=None` shows pence only when there are any; money on the report is rounded to
    what the estimates can bear before it gets here (see `round_to_estimate`).
    """
    if value is None:
        return ""
    number = Decimal(str(value))
    if places is None:
        # Pence when there are any, and more places for an amount under a penny (£0.004).
        exponent = number.normalize().as_tuple().exponent
        places = 0 if number == number.to_integral_value() else max(2, -exponent)
    pattern = "¤#,##0" + ("." + "0" * places if places else "")
    return format_currency(
        number, currency, format=_pattern(pattern), locale=_LOCALE, currency_digits=False
    )


def round_to_estimate(value, significant: int = 3):
    """Round a figure to the precision its estimates can bear: three significant figures
    (£92,400,998 becomes £92,400,000; £3.127 becomes £3.13)."""
    if value is None:
        return None
    number = Decimal(str(value))
    if number == 0:
        return number
    exponent = number.adjusted() - significant + 1
    rounded = number.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP)
    return rounded if exponent < 0 else Decimal(int(rounded))


def short_money(value, currency: str) -> str:
    """An amount as a sentence says it, unsigned: £9.1 million, £340,000, £1.2 billion."""
    amount = abs(Decimal(str(value)))
    for size, word in ((Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million")):
        if amount >= size:
            scaled = round_to_estimate(amount / size, 2 if amount < 10 * size else 3)
            places = max(0, -scaled.normalize().as_tuple().exponent)
            return f"{format_money(scaled, currency, places=places)} {word}"
    return format_money(round_to_estimate(amount), currency)


def currency_name(code: str) -> str:
    """A currency as a heading names it: "Australian dollars (AUD)"."""
    if not code:
        return ""
    try:
        return f"{get_currency_name(code, count=2, locale=NUMBER_LOCALE)} ({code})"
    except (ValueError, KeyError):
        return code
