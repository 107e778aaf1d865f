"""The appraisal settings: the period, the discount rate, what time and quality are worth."""

import re
from copy import deepcopy
from dataclasses import dataclass
from decimal import Decimal

from crispy_forms.layout import HTML, Column, Layout, Row
from django.db.models import Q
from django.utils.functional import cached_property

from assessments.forms.sections import SectionForm
from assessments.models import Assessment
from assessments.scoring import LIMITS
from assessments.scoring.costs import GOOD_TO_VERY_GOOD_POINTS, point_value_from_trade_off
from assessments.scoring.rounding import round_half_up
from assessments.sections import SECTIONS_BY_SLUG
from coprod_site.glossary import term_link
from coprod_site.numbers import (
    AmountField,
    PercentField,
    WholeNumberField,
    currency_sign,
    number_messages,
)
from services.models import ReferenceValue

APPRAISAL_RANGE_WORDS = {
    "hourly_rate": "Value of an hour",
    "discount_rate": "Discount rate",
    "willingness_to_pay": "Value of a quality point",
}
RANGE_EXAMPLES = {"hourly_rate": "12", "discount_rate": "2.5", "willingness_to_pay": "1.50"}

# A published value of an hour of people's time is a reference value whose unit is an hour
# and whose name says which kind of time it is (see `services.reference_values_data`): a
# convention, so curators mark one in words a manager reads rather than in a field of its own.
HOUR_UNITS = ("one hour", "hour")
NON_WORKING_TIME = re.compile(r"\bnon-working\b", re.IGNORECASE)
WORKING_TIME = re.compile(r"\bworking\b", re.IGNORECASE)


@dataclass(frozen=True)
class TimeValues:
    """Published values of an hour of one kind of time, as the appraisal page lists them."""

    heading: str
    values: list


def group_time_values(values) -> list[TimeValues]:
    """Published values of an hour, non-working time first (time people give in their own
    time, the usual case), then working time; a value whose name says neither is left out,
    and so is an empty group."""
    non_working, working = [], []
    for value in values:
        if NON_WORKING_TIME.search(value.name):
            non_working.append(value)
        elif WORKING_TIME.search(value.name):
            working.append(value)
    groups = [TimeValues("Non-working time", non_working), TimeValues("Working time", working)]
    return [group for group in groups if group.values]


class AppraisalForm(SectionForm):
    """The settings that weigh the options: period, discount rate, time and quality."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        currency = currency_sign(self.instance.money_currency)
        self.fields["hourly_rate"] = AmountField(
            label="What is an hour of a co-producer's time worth?",
            help_text="We count people's time as a cost too, so a saving that only moves work "
            f"onto them shows up. Your agency's usual rate is filled in. "
            f"{term_link('people-s-time', 'Why time counts')}",
            unit=currency,
            unit_before=True,
            period="hour",
            required=False,
            min_value=0,
            max_value=LIMITS.hourly_rate,
            max_digits=14,
            decimal_places=2,
            error_messages=number_messages(
                "the value of an hour", example="18.50", limit=LIMITS.hourly_rate
            ),
        )
        self.fields["appraisal_years"] = WholeNumberField(
            label="Over how many years should the options be compared?",
            help_text="Long enough to cover set-up and a few years of running: 5 or 10 is usual.",
            unit="years",
            required=False,
            min_value=1,
            max_value=LIMITS.appraisal_years,
            error_messages=number_messages(
                "the number of years", example="5", limit=LIMITS.appraisal_years, low=1
            ),
        )
        self.fields["discount_rate"] = PercentField(
            label="Discount rate",
            help_text="Money spent or saved in later years counts for a little less than money "
            "today; this is how much less each year. 3.5% is the usual rate for public services. "
            f"{term_link('discount-rate', 'About the discount rate')}",
            unit="%",
            required=False,
            min_value=0,
            max_value=LIMITS.discount_rate_percent,
            max_digits=5,
            decimal_places=2,
            error_messages=number_messages(
                "the discount rate", example="3.5", limit=LIMITS.discount_rate_percent
            ),
        )
        self.fields["willingness_to_pay"] = AmountField(
            label="What is one point of better quality worth to you, for one client for a year?",
            help_text="Quality is scored from 0 to 100. Say how much the agency would pay to make "
            "the service one point better for one person for a year, and the report names the "
            "best option. Leave it blank if you have not decided: the report then shows the "
            "price at which each option becomes the best choice. "
            f"{term_link('willingness-to-pay', 'More about this figure')}",
            unit=currency,
            unit_before=True,
            required=False,
            min_value=0,
            max_value=LIMITS.willingness_to_pay,
            max_digits=14,
            decimal_places=2,
            error_messages=number_messages(
                "what one point of quality is worth",
                example="2.50",
                limit=LIMITS.willingness_to_pay,
            ),
        )
        self.fields["trade_off"] = AmountField(
            label="What is the most more a year you would pay, for each client, for a service "
            "rated “very good” rather than “good” on all four counts?",
            help_text="Effectiveness, consistency across areas, trust and client experience. "
            f"That step is {GOOD_TO_VERY_GOOD_POINTS} quality points, so we divide your answer "
            f"by {GOOD_TO_VERY_GOOD_POINTS} to fill in the figure above. For example, "
            f"{currency}50 a year means {currency}2 a point.",
            unit=currency,
            unit_before=True,
            required=False,
            min_value=0,
            max_value=LIMITS.willingness_to_pay * GOOD_TO_VERY_GOOD_POINTS,
            max_digits=14,
            decimal_places=2,
            error_messages=number_messages(
                "the most you would pay",
                example="50",
                limit=LIMITS.willingness_to_pay * GOOD_TO_VERY_GOOD_POINTS,
            ),
        )
        for name in APPRAISAL_RANGE_WORDS:
            figure = self.fields[name]
            for end, word in (("low", "lowest"), ("high", "highest")):
                field = deepcopy(figure)
                field.label = f"{APPRAISAL_RANGE_WORDS[name]}: {word}"
                field.help_text = ""
                field.error_messages = {
                    **figure.error_messages,
                    **number_messages(
                        f"the {word} {APPRAISAL_RANGE_WORDS[name].lower()}",
                        example=RANGE_EXAMPLES[name],
                        limit=figure.max_value,
                    ),
                }
                self.fields[f"{name}_{end}"] = field
        opened = any(
            self[f"{name}_{end}"].value() not in (None, "")
            for name in APPRAISAL_RANGE_WORDS
            for end in ("low", "high")
        )
        unconfirmed = (
            ""
            if self.instance.appraisal_confirmed
            else '<div class="alert alert-info" role="note">These start as your agency\'s usual '
            "settings. Check each one and change any that do not fit this assessment: the "
            "section is complete once you press Continue.</div>"
        )
        self.helper.layout = Layout(
            "version",
            HTML(unconfirmed),
            self.layout_item("hourly_rate"),
            HTML("{% include 'assessments/includes/_time_values.html' %}"),
            *(
                self.layout_item(name)
                for name in (
                    "appraisal_years",
                    "discount_rate",
                    "willingness_to_pay",
                )
            ),
            HTML(
                f'<details class="point-helper mb-4"{" open" if self["trade_off"].value() else ""}>'
                "<summary>Help me work out what a quality point is worth</summary>"
                '<div class="mt-2">'
                "{% include 'assessments/includes/_outcome_prices.html' %}"
            ),
            self.layout_item("trade_off"),
            HTML("</div></details>"),
            HTML(
                f'<details class="ranges mt-4"{" open" if opened else ""}>'
                "<summary>What if these values were lower or higher? (optional)</summary>"
                '<p class="mt-2">What an hour of people\'s time and a point of better quality '
                "are worth, and the discount rate, are judgements for your agency to make, not "
                "estimates that could be measured. So the report does not guess at them: it "
                "shows which option is best at a low and a high value of each, and the value "
                "at which the choice would change.</p>"
                "<p>Your agency's low and high values, if it has set any, are filled in. Left "
                "empty, we try half and one and a half times the value of an hour and of a "
                "quality point, and the discount rate one percentage point either side (never "
                "below zero).</p>"
            ),
            *(
                Row(
                    Column(self.layout_item(f"{name}_low"), css_class="col-sm-6"),
                    Column(self.layout_item(f"{name}_high"), css_class="col-sm-6"),
                )
                for name in APPRAISAL_RANGE_WORDS
            ),
            HTML("</details>"),
        )

    @cached_property
    def outcome_prices(self) -> list:
        """The assessment's outcomes, whose prices a quality point is set beside; read only
        when the page is drawn (the history and check pages build this form for its labels)."""
        return self.instance.ordered_outcomes

    @cached_property
    def time_values(self) -> list[TimeValues]:
        """Published values of an hour in the agency's currency, by kind of time, set beside
        the value of an hour; one query, read only when the page is drawn."""
        hours = Q()
        for unit in HOUR_UNITS:
            hours |= Q(unit__iexact=unit)
        values = (
            ReferenceValue.objects.for_currency(self.instance.money_currency)
            .filter(hours)
            .order_by("-price_year", "value", "name")
        )
        return group_time_values(values)

    def clean(self):
        cleaned = super().clean()
        trade_off = cleaned.get("trade_off")
        if trade_off is not None:
            value = round_half_up(point_value_from_trade_off(trade_off), 2)
            given = cleaned.get("willingness_to_pay")
            if given is not None and Decimal(str(value)) != given:
                self.add_error(
                    "trade_off",
                    f"Your answer means {value:,.2f} a point, but the figure above says "
                    f"{given:,.2f}: clear one of them",
                )
            else:
                cleaned["willingness_to_pay"] = Decimal(str(value))
        for name, words in APPRAISAL_RANGE_WORDS.items():
            value, low, high = (cleaned.get(n) for n in (name, f"{name}_low", f"{name}_high"))
            if low is not None and high is not None and low > high:
                self.add_error(
                    f"{name}_high", f"The highest {words.lower()} must not be below the lowest"
                )
            elif value is not None and low is not None and low > value:
                self.add_error(
                    f"{name}_low", f"The lowest {words.lower()} must not be above your figure"
                )
            elif value is not None and high is not None and high < value:
                self.add_error(
                    f"{name}_high", f"The highest {words.lower()} must not be below your figure"
                )
        return cleaned

    def save_section(self) -> bool:
        """Save the settings and record that the manager has confirmed them: they start as
        the agency's defaults, so only a Continue here makes the section complete."""
        self.instance.appraisal_confirmed = True
        return self.instance.save_answers(
            [*self._meta.fields, "appraisal_confirmed"], self.cleaned_data["version"]
        )

    class Meta:
        model = Assessment
        fields = list(SECTIONS_BY_SLUG["appraisal"].fields)
