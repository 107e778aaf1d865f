"""A household recycling draft with three options and ranges, as the manager in issue 23
entered it: the case check your answers is measured and tested against.

40,000 households each give 9 hours a year. Kerbside sorting leaves its hours blank, so
they are worked out as 40,000 × 9 = 360,000 hours; it takes 1 year to catch on.
"""

from decimal import Decimal

from assessments.models import Assessment
from tests import factories


def _ratings(rating: int, low: int | None = None, high: int | None = None) -> dict:
    answers = {}
    for name in ("effectiveness", "consistency", "trust", "experience"):
        answers[name] = rating
        answers[f"{name}_low"] = low
        answers[f"{name}_high"] = high
    return answers


def recycling_options() -> list[dict]:
    return [
        factories.option_answers(
            "Kerbside sorting by households",
            co_produced=True,
            setup_cost=Decimal("1400000"),
            setup_cost_low=Decimal("1200000"),
            setup_cost_high=Decimal("1900000"),
            annual_agency_cost=Decimal("600000"),
            annual_agency_cost_low=Decimal("500000"),
            annual_agency_cost_high=Decimal("750000"),
            take_up=Decimal("80"),
            take_up_low=Decimal("70"),
            take_up_high=Decimal("90"),
            ramp_up_years=1,
            confidence="medium",
            **_ratings(4, 3, 5),
        ),
        factories.option_answers(
            "Mixed collection sorted at a plant",
            co_produced=False,
            comparator=True,
            setup_cost=Decimal("0"),
            annual_agency_cost=Decimal("2100000"),
            annual_agency_cost_low=Decimal("1800000"),
            annual_agency_cost_high=Decimal("2500000"),
            confidence="high",
            **_ratings(3),
        ),
        factories.option_answers(
            "Community recycling points",
            co_produced=True,
            setup_cost=Decimal("250000"),
            annual_agency_cost=Decimal("400000"),
            hours_per_client=Decimal("2.5"),
            hours_per_client_low=Decimal("2"),
            hours_per_client_high=Decimal("4"),
            money_per_client=Decimal("3"),
            take_up=Decimal("45"),
            ramp_up_years=3,
            confidence="low",
            **_ratings(3, 2, 4),
        ),
    ]


def recycling_case(service, owner, **overrides) -> Assessment:
    answers = factories.complete_answers(
        work_description="Households rinse and sort glass, cans, paper and plastics.",
        co_producer_types=["clients"],
        work_relation="replaces",
        co_producers_per_year=40_000,
        hours_per_co_producer=Decimal("9"),
        same_population=True,
        clients_per_year=40_000,
        clients_per_year_low=35_000,
        clients_per_year_high=45_000,
        hourly_rate=Decimal("15.00"),
        appraisal_years=1,
        willingness_to_pay=Decimal("20"),
        options=recycling_options(),
    )
    answers.update(overrides)
    return factories.AssessmentFactory(
        service=service, author=owner, title="Household recycling", **answers
    )
