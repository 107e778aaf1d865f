"""The tornado in pure scoring terms: figures that move the lead alike share one bar, and a
range the manager left empty is marked as a default. No database."""

from dataclasses import replace
from decimal import Decimal

import pytest

from assessments.scoring.uncertainty import TORNADO_BARS, _merged_label
from tests.assessments.test_appraisal import NOW, VOLUNTEERS, appraise, without_ranges

AT_ONE_AND_A_HALF = Decimal("1.5")


def test_figures_that_move_the_lead_alike_share_one_bar():
    # One year, no discounting: Volunteers' set-up cost (year 0) and yearly cost count
    # alike, so £500 either side of each moves the lead by the same amounts (1.1 x 500 =
    # £550 either way, with the 10% uplift): one bar, named for both.
    volunteers = replace(
        without_ranges(replace(VOLUNTEERS, setup_cost=1_000)),
        setup_cost_low=500,
        setup_cost_high=1_500,
        annual_agency_cost_low=8_500,
        annual_agency_cost_high=9_500,
    )
    result = appraise(without_ranges(NOW), volunteers, willingness_to_pay=AT_ONE_AND_A_HALF)

    tornado = result.uncertainty.tornado
    costs = [bar for bar in tornado if bar.input_name in ("setup_cost", "annual_agency_cost")]
    assert len(costs) == 1
    (bar,) = costs
    assert bar.label == "Volunteers: one-off set-up cost and cost to the agency each year"
    assert [(f.label, f.low_value, f.high_value) for f in bar.figures] == [
        ("Volunteers: one-off set-up cost", 500, 1_500),
        ("Volunteers: cost to the agency each year", 8_500, 9_500),
    ]
    assert (bar.gap_at_low, bar.gap_at_high) == pytest.approx((2_100, 1_000))
    assert all(f.gap_at_low == bar.gap_at_low for f in bar.figures)


def test_each_options_alike_ratings_are_one_bar_and_count_once_in_the_ten():
    # Every rating of an option has the same default range and weight: one bar an option.
    unsure_now = replace(NOW, annual_agency_cost_low=5_000, annual_agency_cost_high=20_000)
    result = appraise(unsure_now, VOLUNTEERS, willingness_to_pay=AT_ONE_AND_A_HALF)

    tornado = result.uncertainty.tornado
    ratings = [bar for bar in tornado if bar.input_name == "effectiveness"]
    assert [bar.label for bar in ratings] == [
        "What happens now: ratings for effectiveness, consistency across areas, trust and "
        "responsiveness, and client experience",
        "Volunteers: ratings for effectiveness, consistency across areas, trust and "
        "responsiveness, and client experience",
    ]
    assert all(len(bar.figures) == 4 for bar in ratings)
    # No two bars are the same length at the same place.
    ends = [(bar.gap_at_low, bar.gap_at_high) for bar in tornado]
    assert len(ends) == len(set(ends)) <= TORNADO_BARS


def test_a_bar_of_one_figure_has_no_merged_figures():
    result = appraise(NOW, VOLUNTEERS, willingness_to_pay=AT_ONE_AND_A_HALF)

    people = next(bar for bar in result.uncertainty.tornado if bar.input_name == "clients_per_year")
    assert people.merged == () and people.figures == (people,)


@pytest.mark.parametrize(
    ("figures", "label"),
    [
        ([("A", "x")], "A: x"),
        ([("A", "x"), ("A", "y"), ("A", "z")], "A: x, y and z"),
        (
            [("A", "rating for trust"), ("A", "rating for effectiveness")],
            "A: ratings for trust and effectiveness",
        ),
        ([("A", "x"), ("B", "x")], "A: x; B: x"),
        (
            [(None, "People served each year (every option)"), ("A", "x")],
            "People served each year (every option); A: x",
        ),
    ],
)
def test_a_merged_label_names_every_figure_once_under_its_option(figures, label):
    assert _merged_label(figures) == label


def test_ranges_left_empty_are_marked_as_defaults_with_their_spread():
    # What happens now: the manager gave its yearly cost a range, and its set-up cost only
    # a highest; everything else follows its confidence (high: 10%, half a rating point).
    now = replace(
        NOW,
        setup_cost=2_000,
        setup_cost_high=4_000,
        annual_agency_cost_low=5_000,
        annual_agency_cost_high=20_000,
    )
    result = appraise(now, VOLUNTEERS, willingness_to_pay=AT_ONE_AND_A_HALF)
    bars = {(bar.option_index, bar.input_name): bar for bar in result.uncertainty.tornado}

    given = bars[(0, "annual_agency_cost")]
    assert (given.default_low, given.default_high, given.default_spread) == (False, False, None)
    assert not given.has_default_range
    half = bars[(0, "setup_cost")]
    assert (half.default_low, half.default_high, half.default_spread) == (True, False, 0.1)
    assert (half.low_value, half.high_value) == pytest.approx((1_800, 4_000))
    people = bars[(1, "clients_per_year")]
    assert (people.default_low, people.default_high, people.default_spread) == (True, True, 0.1)
    assert people.has_default_range
    rating = bars[(1, "effectiveness")]
    assert rating.default_spread == 0.5 and rating.has_default_range
    # The allowance for optimism is moved from none to double by design, not by default.
    optimism = bars[(None, "optimism_bias")]
    assert not optimism.has_default_range


def test_a_default_range_can_lead_the_tornado_and_says_so():
    # Volunteers' clients, with no range given, move the lead most.
    result = appraise(
        without_ranges(NOW),
        replace(without_ranges(VOLUNTEERS), clients_per_year_low=None, clients_per_year_high=None),
        willingness_to_pay=AT_ONE_AND_A_HALF,
    )
    top = result.uncertainty.tornado[0]
    assert (top.input_name, top.option_index) == ("clients_per_year", 1)
    assert top.has_default_range and top.default_spread == 0.1
