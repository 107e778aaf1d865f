"""Numbers as managers type them, and figures as they read them."""

from decimal import Decimal

import pytest
from django import forms

from coprod_site.numbers import (
    PEOPLE_WORDS,
    AmountField,
    PercentField,
    WholeNumberField,
    currency_sign,
    format_money,
    format_number,
    number_messages,
    parse_amount,
    round_to_estimate,
)


@pytest.mark.parametrize(
    "typed, amount",
    [
        ("2600000", Decimal("2600000")),
        ("£2,600,000", Decimal("2600000")),
        ("2.6m", Decimal("2600000")),
        ("£2.6m", Decimal("2600000")),
        ("2.6 million", Decimal("2600000")),
        ("40k", Decimal("40000")),
        ("40K", Decimal("40000")),
        ("1.2bn", Decimal("1200000000")),
        ("3 billion", Decimal("3000000000")),
        ("$3.10", Decimal("3.10")),
        ("A$1,250", Decimal("1250")),
        ("GBP 400", Decimal("400")),
        ("400 GBP", Decimal("400")),
        ("€12.5", Decimal("12.5")),
        (" 18.50 ", Decimal("18.50")),
        (".5", Decimal("0.5")),
        ("-5", Decimal("-5")),
        ("2\u00a0600", None),  # a space inside a number is not a thousands separator here
    ],
)
def test_amounts_are_read_as_people_write_them(typed, amount):
    if amount is None:
        with pytest.raises(ValueError):
            parse_amount(typed)
    else:
        assert parse_amount(typed) == amount


@pytest.mark.parametrize(
    "typed",
    ["", "lots", "2,60", "1,00,000", "2.6.1", "£", "2.6mm", "5 apples", "1e99", "NaN", "Infinity"],
)
def test_anything_else_is_refused(typed):
    with pytest.raises(ValueError):
        parse_amount(typed)


def money_field(**kwargs):
    return AmountField(
        unit="£",
        required=False,
        min_value=0,
        max_value=100,
        max_digits=14,
        decimal_places=2,
        error_messages=number_messages("the cost of Volunteers", example="2.6m", limit=100),
        **kwargs,
    )


def test_an_amount_field_rounds_to_its_places_and_keeps_blank_blank():
    field = money_field()
    assert field.clean("£12.345") == Decimal("12.35")
    assert field.clean("") is None
    assert field.clean(None) is None


@pytest.mark.parametrize(
    "typed, message",
    [
        ("lots", "Enter the cost of Volunteers as a number, like 2.6m"),
        ("-1", "Enter the cost of Volunteers as 0 or more"),
        ("101", "Enter the cost of Volunteers as 100 or less"),
    ],
)
def test_bad_amounts_get_a_message_naming_the_question(typed, message):
    with pytest.raises(forms.ValidationError) as error:
        money_field().clean(typed)
    assert error.value.messages == [message]


@pytest.mark.parametrize(
    "typed, message",
    [
        ("9" * 29, "Enter the cost of Volunteers as 100 or less"),
        ("9" * 5000, "Enter the cost of Volunteers as 100 or less"),
        ("99999999999999999999k", "Enter the cost of Volunteers as 100 or less"),
        ("-" + "9" * 29, "Enter the cost of Volunteers as 0 or more"),
    ],
)
def test_a_figure_longer_than_any_form_takes_gets_the_limit_not_a_server_error(typed, message):
    # Rounding a 29-digit figure to pence overflowed decimal arithmetic (a 500, found by
    # tests/test_fuzz.py): such figures are refused before any arithmetic.
    with pytest.raises(forms.ValidationError) as error:
        money_field().clean(typed)
    assert error.value.messages == [message]
    whole = WholeNumberField(
        min_value=0,
        max_value=100,
        error_messages=number_messages("the clients", example="40k", limit=100),
    )
    with pytest.raises(forms.ValidationError) as error:
        whole.clean(typed)
    assert error.value.messages == [message.replace("cost of Volunteers", "clients")]


def test_a_message_with_a_percent_sign_reads_as_written():
    field = PercentField(
        max_value=20,
        max_digits=5,
        decimal_places=2,
        error_messages=number_messages("the discount rate", example="3.5%", limit=20),
    )
    for typed in ("lots", "9" * 30):
        with pytest.raises(forms.ValidationError) as error:
            field.clean(typed)
        assert error.value.messages[0].startswith("Enter the discount rate as ")


def test_more_digits_than_any_form_takes_is_not_an_amount():
    assert parse_amount("9" * 20) == Decimal("9" * 20)
    for typed in ("9" * 21, "1" * 18 + "k", "£" + "1" * 13 + "bn"):
        with pytest.raises(ValueError):
            parse_amount(typed)


def test_a_whole_number_field_reads_40k_and_refuses_fractions():
    field = WholeNumberField(
        required=False,
        min_value=0,
        error_messages=number_messages("the clients", example="40k"),
    )
    assert field.clean("40k") == 40_000
    assert field.clean("2,000,000") == 2_000_000
    with pytest.raises(forms.ValidationError) as error:
        field.clean("2.5")
    assert error.value.messages == ["Enter the clients as a whole number, like 40k"]


def test_a_percent_field_takes_the_sign():
    field = PercentField(required=False, max_digits=5, decimal_places=2)
    assert field.clean("3.5%") == Decimal("3.50")


def test_the_boxes_are_text_boxes_so_browsers_accept_2_6m():
    assert 'type="text"' in money_field().widget.render("cost", "2.6m")
    assert 'inputmode="decimal"' in money_field().widget.render(
        "cost", "", {"inputmode": "decimal"}
    )


def test_a_stored_amount_reopens_as_people_write_it():
    """Not "1400000": with its thousands separators, and money with its pence."""
    assert money_field().prepare_value(Decimal("2600000.00")) == "2,600,000"
    hours = AmountField(unit="hours", max_digits=10, decimal_places=2)
    assert hours.prepare_value(Decimal("3.50")) == "3.5"
    assert hours.prepare_value(Decimal("1234.25")) == "1,234.25"
    pounds = AmountField(unit="£", unit_before=True, max_digits=10, decimal_places=2)
    assert pounds.prepare_value(Decimal("18.50")) == "18.50"
    assert pounds.clean(pounds.prepare_value(Decimal("1400000.00"))) == Decimal("1400000.00")


@pytest.mark.parametrize(
    "value, currency, shown",
    [
        (Decimal("2600000"), "GBP", "£2,600,000"),
        (Decimal("3.1"), "GBP", "£3.10"),
        (Decimal("-1234.5"), "AUD", "-A$1,234.50"),
        (Decimal("0.004"), "GBP", "£0.004"),
        (0, "GBP", "£0"),
        (None, "GBP", ""),
    ],
)
def test_money_is_shown_with_its_sign_and_separators(value, currency, shown):
    assert format_money(value, currency) == shown


def test_numbers_get_thousands_separators():
    assert format_number(1234567) == "1,234,567"
    assert format_number(Decimal("1234.56"), places=1) == "1,234.6"


@pytest.mark.parametrize(
    "value, rounded",
    [
        (92_400_998.02, Decimal("92400000")),
        (3.127, Decimal("3.13")),
        (0.0004567, Decimal("0.000457")),
        (123_456, Decimal("123000")),
        (-8_765.4, Decimal("-8770")),
        (0, Decimal("0")),
    ],
)
def test_report_money_is_rounded_to_what_estimates_can_bear(value, rounded):
    assert round_to_estimate(value) == rounded


def test_currency_signs_read_the_british_way():
    assert currency_sign("GBP") == "£"
    assert currency_sign("AUD") == "A$"
    assert currency_sign("") == ""


@pytest.mark.parametrize("typed", ["0.0000000001", "0.004", "-0.001"])
def test_an_amount_below_the_boxs_precision_gets_a_message_not_a_silent_zero(typed):
    field = money_field()
    with pytest.raises(forms.ValidationError) as error:
        field.clean(typed)
    assert error.value.code == "too_small"
    assert "Enter 0 or at least 0.01" in error.value.messages[0]
    assert field.clean("0") == Decimal("0.00")
    assert field.clean("0.005") == Decimal("0.01")  # rounded, not lost


@pytest.mark.parametrize(
    "field, typed, amount",
    [
        (AmountField(unit="hours", period="year", max_digits=10, decimal_places=2), "9 hours",
         Decimal("9.00")),
        (AmountField(unit="hours", period="year", max_digits=10, decimal_places=2),
         "7.5 hrs a year", Decimal("7.50")),
        (WholeNumberField(words=PEOPLE_WORDS, period="year"), "40,000 households", 40_000),
        (WholeNumberField(words=PEOPLE_WORDS, period="year"), "2.5k residents a year", 2_500),
        (AmountField(unit="£", unit_before=True, period="hour", max_digits=10,
                     decimal_places=2), "£17 an hour", Decimal("17.00")),
        (AmountField(unit="£", unit_before=True, period="hour", max_digits=10,
                     decimal_places=2), "17.50/hr", Decimal("17.50")),
        (WholeNumberField(unit="years"), "5 years", 5),
    ],
)  # fmt: skip
def test_a_figure_may_be_followed_by_the_unit_the_box_names(field, typed, amount):
    assert field.clean(typed) == amount


@pytest.mark.parametrize(
    "field, typed",
    [
        # Another unit or period is a different figure: refused, never read as the number.
        (AmountField(unit="hours", period="year", max_digits=10, decimal_places=2),
         "9 hours a month"),
        (AmountField(unit="hours", period="year", max_digits=10, decimal_places=2), "9 days"),
        (AmountField(unit="£", unit_before=True, period="hour", max_digits=10,
                     decimal_places=2), "£17 a day"),
        (WholeNumberField(unit="years"), "5 months"),
    ],
)  # fmt: skip
def test_a_figure_in_another_unit_is_refused(field, typed):
    with pytest.raises(forms.ValidationError):
        field.clean(typed)


def test_a_stored_count_reopens_with_its_separators():
    field = WholeNumberField(unit="people")
    assert field.prepare_value(40000) == "40,000"
    assert field.clean(field.prepare_value(40000)) == 40000
