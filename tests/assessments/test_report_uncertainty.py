"""The report's uncertainty section: how often each option comes out best, what finding out
more could be worth, the acceptability curve and the tornado."""

import json
from decimal import Decimal

import pytest
from django.utils.html import escape

from assessments.templatetags.figures import money
from tests.assessments.test_report import (
    THREE_YEARS,
    certain,
    returns_option,
    returns_options,
    skewed_options,
    submitted,
)
from tests.factories import complete_options

pytestmark = pytest.mark.django_db


def page(client, viewer, assessment) -> str:
    client.force_login(viewer)
    response = client.get(assessment.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def json_data(text: str, script_id: str) -> dict:
    start = text.index(f'<script id="{script_id}" type="application/json">')
    return json.loads(text[start:].split(">", 1)[1].split("</script>", 1)[0])


def test_a_clear_choice_is_robust_and_not_worth_more_evidence(client, viewer, service):
    # Parents at home are cheaper and better than teaching assistants on every count.
    assessment = submitted(service, willingness_to_pay=Decimal("1"))
    text = page(client, viewer, assessment)
    assert "<strong>Robust.</strong> Parents at home came out best in 100% of the tries" in text
    assert "Knowing the figures for certain would not change the choice" in text
    assert 'id="probability-table"' in text


def test_a_close_choice_is_fragile_and_says_what_finding_out_more_is_worth(client, viewer, service):
    options = complete_options()
    options[0]["annual_agency_cost"] = Decimal("55000")  # nearly as dear as the other
    options[0]["confidence"] = options[1]["confidence"] = "low"
    assessment = submitted(service, options=options, willingness_to_pay=Decimal("0.5"))
    assessment.refresh_from_db()
    text = page(client, viewer, assessment)
    assert "<strong>Fragile.</strong>" in text
    assert "under the 80% a robust choice needs" in text
    assert "could be worth up to <strong>£" in text
    assert "do it before you decide; if it would cost more, decide now" in text
    assert assessment.result_evpi > 0
    assert assessment.result_sensitivity == "fragile"
    # The tornado: a chart with its table, the figure that matters most first.
    tornado = json_data(text, "tornado-data")
    assert 1 <= len(tornado["bars"]) <= 10
    swings = [abs(bar["high"] - bar["low"]) for bar in tornado["bars"]]
    assert swings == sorted(swings, reverse=True)
    assert 'id="tornado-table"' in text
    assert escape(tornado["bars"][0]["label"]) in text


def test_the_acceptability_curve_has_a_chart_and_a_table(client, viewer, service):
    assessment = submitted(service, options=returns_options(), willingness_to_pay=Decimal("1"))
    text = page(client, viewer, assessment)
    curve = json_data(text, "acceptability-data")
    assert curve["your_wtp"] == 1.0
    assert [series["label"] for series in curve["series"]] == [
        "Paper returns",
        "Online returns",
        "Online with phone help",
        "Pre-filled returns",
        "Home visits",
    ]
    for index in range(len(curve["wtp"])):
        assert sum(series["data"][index] for series in curve["series"]) == pytest.approx(1)
    # At no value on quality, the cheapest (online returns) comes out best.
    assert curve["wtp"][0] == 0
    assert curve["series"][1]["data"][0] > 0.5
    assert text.count('<tr><th scope="row" class="fw-normal">£') >= len(curve["wtp"])
    assert 'id="acceptability-chart" role="img"' in text


def test_without_a_willingness_to_pay_there_is_a_curve_but_no_choice_to_test(
    client, viewer, service
):
    assessment = submitted(service, options=returns_options(), willingness_to_pay=None)
    text = page(client, viewer, assessment)
    assert 'id="acceptability-data"' in text
    assert "Robust." not in text and "Fragile." not in text
    assert 'id="tornado-table"' not in text and 'id="probability-table"' not in text


def test_a_draft_without_costs_has_no_uncertainty_section(client, viewer, service):
    options = [returns_option("Online", "1000", 3), {"name": "Paper", "comparator": True}]
    assessment = submitted(service, options=options, willingness_to_pay=Decimal("1"))
    text = page(client, viewer, assessment)
    assert "How sure can you be?" not in text


def table(text: str, table_id: str) -> str:
    return text.split(f'id="{table_id}"', 1)[1].split("</table>", 1)[0]


def judged_options(**volunteers) -> list[dict]:
    """Two options with no uncertainty unless `volunteers` gives Volunteers a range, over 3
    years at 3.5% (A = 2.80164 discounted years), high confidence (10% uplift), 1,000
    clients a year each:

    - Staff (the comparator): £70,000 a year to the agency, quality 75 (all 4s).
    - Volunteers: £20,000 a year to the agency and 2 hours of co-producers' time a client
      (2,000 hours a year), quality 50 (all 3s).

    At £h an hour and £w a point, Volunteers' lead is A x ((70,000 - 20,000 - 2,000 h)
    x 1.1 - 25 x 1,000 w) = A x (55,000 - 2,200 h - 25,000 w): at the £10 and £1 of
    complete_answers, 8,000 A = £22,413, so Volunteers is the choice.
    """
    staff = returns_option("Staff", "70000", 4, co_produced=False, comparator=True)
    helpers = returns_option("Volunteers", "20000", 3)
    helpers["hours_per_client"] = Decimal("2")
    staff, helpers = certain([staff, helpers])
    return [staff, {**helpers, **volunteers}]


# --- The choice on average, against the single estimates -----------------------------------


CHOICE_DIFFERS = (
    '<p class="choice-differs"><strong>On the single estimates Volunteers would come out '
    "ahead, but once the uncertainty in the figures is counted Staff does better on average, "
    "so it is the choice.</strong></p>"
)


def test_the_report_says_when_the_choice_on_average_is_not_the_single_estimates(
    client, viewer, service
):
    # skewed_options: Volunteers £40,000 a year on the estimates, £50,000 on average;
    # Staff a certain £45,000. Both score 50.
    assessment = submitted(service, options=skewed_options(), willingness_to_pay=Decimal("1"))
    assessment.refresh_from_db()
    text = page(client, viewer, assessment)
    assert "the best choice is Staff." in text
    assert CHOICE_DIFFERS in text
    assert assessment.result_best.name == "Staff"
    assert assessment.result_single_estimate_best.name == "Volunteers"
    volunteers, staff = (assessment.options.get(name=name) for name in ("Volunteers", "Staff"))
    # On the estimates Volunteers' net benefit is 50 x 1,000 x A - 40,000 x 1.1 x A = 6,000 A
    # (£16,800); on average it is 50,000 A - 50,000 x 1.1 x A = -5,000 A (-£14,008), give
    # or take the draws: the cost is 40,000 + 60,000 x Beta(1, 5), whose standard deviation
    # is 60,000 x (5 / (36 x 7)) ** 0.5 = £8,452, so the mean of 4,000 draws is within
    # £134 a year (£412 over the period, x 1.1 A) one time in three; allowed three times
    # that. Staff's is a certain 500 A (£1,401).
    assert float(volunteers.result_mean_net_benefit) == pytest.approx(-5000 * THREE_YEARS, abs=1250)
    assert float(staff.result_mean_net_benefit) == pytest.approx(500 * THREE_YEARS, abs=0.01)
    assert volunteers.result_net_benefit > staff.result_net_benefit
    # Volunteers is best in a draw when its cost falls under £45,000: the PERT from
    # 40,000 (mode) to 100,000 is a Beta(1, 5) on that range, so 1 - (11 / 12) ** 5 = 35.3%.
    assert float(volunteers.result_probability_best) == pytest.approx(0.3528, abs=0.025)
    assert assessment.result_sensitivity == "fragile"
    # Perfect information gains 1.1 A E[max(0, 45,000 - cost)] =
    # 1.1 A (-5,000 + 9,166.67 x (11 / 12) ** 5) = £2,875, Staff's loss on average.
    assert float(assessment.result_evpi) == pytest.approx(2875, rel=0.05)
    assert staff.result_expected_loss == assessment.result_evpi
    # The lead over the runner-up is in net benefit on average, as the choice is.
    gain = staff.result_mean_net_benefit - volunteers.result_mean_net_benefit
    assert (
        "Against <strong>Volunteers</strong> (the next best), it costs £5.50 more per "
        "client-year and gives about the same quality; its net benefit is "
        f"{money(gain, 'GBP')} higher."
    ) in text
    assert "On the single estimates Volunteers is already ahead; Staff leads only" in text


@pytest.mark.parametrize(
    "options",
    [
        pytest.param(lambda: certain(skewed_options()), id="the same figures, certain"),
        pytest.param(returns_options, id="ranges from the confidence"),
    ],
)
def test_no_such_sentence_when_the_single_estimates_choose_the_same(
    client, viewer, service, options
):
    assessment = submitted(service, options=options(), willingness_to_pay=Decimal("1"))
    assessment.refresh_from_db()
    text = page(client, viewer, assessment)
    assert assessment.result_single_estimate_best is None
    assert 'class="choice-differs"' not in text
    assert "would come out ahead, but once the uncertainty" not in text


def test_each_options_mean_net_benefit_chance_and_expected_loss_are_tabled(client, viewer, service):
    # No uncertainty: each net benefit on average is the one on the estimates, quality x
    # 1,000 x A less the cost a year x 1.1 x A, and each loss is the best's less its own.
    options = certain(returns_options())
    assessment = submitted(service, options=options, willingness_to_pay=Decimal("1"))
    text = page(client, viewer, assessment)
    rows = table(text, "probability-table")
    assert '<th scope="col" class="text-end">Net benefit on average</th>' in rows
    for name, mean, best, loss in [
        ("Paper returns", "-£115,000", "0%", "£171,000"),  # -41,000 A; 61,000 A
        ("Online returns", "£16,800", "0%", "£39,200"),  # 6,000 A; 14,000 A
        ("Online with phone help", "£9,670", "0%", "£46,400"),  # 3,450 A; 16,550 A
        ("Home visits", "£33,600", "0%", "£22,400"),  # 12,000 A; 8,000 A
    ]:
        assert (
            f'<th scope="row" class="fw-normal">{name}</th><td class="text-end">{mean}</td>'
            f'<td class="text-end">{best}</td><td class="text-end">0%</td>'
            f'<td class="text-end">{loss}</td>'
        ) in rows
    assert (  # 20,000 A, best in every try, so nothing to lose
        '<th scope="row" class="fw-normal">Pre-filled returns <span class="visually-hidden">'
        '(the choice)</span><strong aria-hidden="true">✓</strong></th>'
        '<td class="text-end">£56,000</td><td class="text-end">100%</td>'
        '<td class="text-end">0%</td><td class="text-end">£0</td>'
    ) in rows
    assert "Knowing the figures for certain would not change the choice" in text


def test_the_expected_loss_of_each_option_has_a_chart_and_a_table(client, viewer, service):
    options = certain(returns_options())
    assessment = submitted(service, options=options, willingness_to_pay=Decimal("1"))
    text = page(client, viewer, assessment)
    assert 'id="loss-chart" role="img"' in text
    losses = table(text, "loss-table")
    # At £0 a point Online returns is cheapest and best; each other loses its extra cost a
    # year x 1.1 x A: Paper 22,000 A, phone help 8,800 A, Pre-filled 11,000 A, Home
    # visits 44,000 A.
    assert (
        '<th scope="row" class="fw-normal">£0</th><td class="text-end">£61,600</td>'
        '<td class="text-end">£0</td><td class="text-end">£24,700</td>'
        '<td class="text-end">£30,800</td><td class="text-end">£123,000</td>'
    ) in losses
    # At £1, the losses of the table of options.
    assert (
        '<th scope="row" class="fw-normal">£1</th><td class="text-end">£171,000</td>'
        '<td class="text-end">£39,200</td><td class="text-end">£46,400</td>'
        '<td class="text-end">£0</td><td class="text-end">£22,400</td>'
    ) in losses
    curve = json_data(text, "acceptability-data")
    at_one = curve["wtp"].index(1.0)
    home_visits = curve["losses"][4]
    assert home_visits["label"] == "Home visits"
    assert home_visits["data"][at_one] == pytest.approx(8000 * THREE_YEARS, abs=0.01)
    # The acceptability table's last column: the option best on average at each value.
    acceptability = table(text, "acceptability-table")
    assert "<td>Online returns (100%)</td></tr>" in acceptability.split("£0.10")[0]
    assert "<td>Pre-filled returns (100%)</td></tr>" in acceptability.split("£1</th>")[1]


def test_what_is_worth_finding_out_lists_each_group_of_figures_with_a_range(
    client, viewer, service
):
    # Only Volunteers' hours (1 to 3 a client) and its cost (£10,000 to £30,000) have a
    # range; the people served and every rating are certain.
    options = judged_options(
        hours_per_client_low=Decimal("1"),
        hours_per_client_high=Decimal("3"),
        annual_agency_cost_low=Decimal("10000"),
        annual_agency_cost_high=Decimal("30000"),
    )
    assessment = submitted(service, options=options, willingness_to_pay=Decimal("1"))
    assessment.refresh_from_db()
    text = page(client, viewer, assessment)
    listed = text.split('id="evidence-heading"', 1)[1].split("</ul>", 1)[0]
    hours = assessment.result_evppi_time_and_money
    costs = assessment.result_evppi_agency_costs
    assert 0 < hours <= assessment.result_evpi and 0 < costs <= assessment.result_evpi
    assert (
        "Finding out how many hours, and how much of their own money, people really give "
        f"could be worth up to <strong>{money(hours, 'GBP')}</strong>"
    ) in listed
    assert '; <a href="#survey-heading">a survey of co-producers measures this</a>.' in listed
    assert 'id="survey-heading"' in text  # where the link goes
    assert (
        "Finding out what each option would cost the agency could be worth up to "
        f"<strong>{money(costs, 'GBP')}</strong>"
    ) in listed
    # The most valuable first; nothing listed for the figures without a range.
    first, second = sorted(
        [(hours, "how many hours"), (costs, "what each option")],
        key=lambda group: group[0],
        reverse=True,  # stable: on a tie, the hours first, as the page lists them
    )
    assert listed.index(first[1]) < listed.index(second[1])
    assert listed.count("<li>") == 2
    assert "how many people the options reach" not in listed
    assert "how well each option achieves" not in listed


def test_your_judgements_give_break_even_values_and_scenarios(client, viewer, service):
    # judged_options, no uncertainty: Volunteers' lead is A x (55,000 - 2,200 h - 25,000 w).
    assessment = submitted(service, options=judged_options(), willingness_to_pay=Decimal("1"))
    assessment.refresh_from_db()
    text = page(client, viewer, assessment)
    assert 'id="judgements-heading"' in text
    # Nil at h = (55,000 - 25,000) / 2,200 = £13.64 (at £1 a point) and at
    # w = (55,000 - 22,000) / 25,000 = £1.32 (at £10 an hour); no setup costs, so every
    # year's lead has the same sign and no discount rate changes the choice.
    assert (
        escape(
            "Volunteers stays the best choice while the value of an hour of co-producers' time "
            "is less than £13.64 (you use £10.00); above it, Staff would be."
        )
        in text
    )
    assert (
        "Volunteers stays the best choice while the value of one quality point for one client "
        "for a year is less than £1.32 (you use £1); above it, Staff would be."
    ) in text
    assert (
        "Whatever the discount rate, within what the forms accept, Volunteers stays the best "
        "choice (you use 3.5%)."
    ) in text
    assert assessment.result_hourly_rate_above == Decimal("13.64")
    assert assessment.result_hourly_rate_below is None
    assert assessment.result_willingness_to_pay_above == Decimal("1.32")
    assert assessment.result_discount_rate_above is None
    # Each judgement at half and one and a half times its value (the discount rate a point
    # either side), the others as set. The best option's net benefit: Volunteers'
    # 50,000 w A - 1.1 A (20,000 + 2,000 h), Staff's 75,000 w A - 77,000 A.
    scenarios = table(text, "scenario-table")

    def cell(value, best, net_benefit, *, changes=False):
        name = f"<strong>{best}</strong>" if changes else best
        return (
            f"<td>{value}: {name}<br>"
            f'<span class="small text-body-secondary">net benefit {net_benefit}</span></td>'
        )

    assert (
        cell("£5.00", "Volunteers", "£47,600")  # 17,000 A
        + cell("£10.00", "Volunteers", "£16,800")  # 6,000 A
        + cell("£15.00", "Staff", "-£5,600", changes=True)  # lead -3,000 A; -2,000 A
    ) in scenarios
    assert (
        cell("2.5%", "Volunteers", "£17,100")  # 6,000 x 2.85602
        + cell("3.5%", "Volunteers", "£16,800")
        + cell("4.5%", "Volunteers", "£16,500")  # 6,000 x 2.74896
    ) in scenarios
    assert (
        cell("£0.50", "Volunteers", "-£53,200")  # -19,000 A
        + cell("£1", "Volunteers", "£16,800")
        + cell("£1.50", "Staff", "£99,500", changes=True)  # lead -4,500 A; 35,500 A
    ) in scenarios


def test_the_tornado_table_gives_where_a_figure_would_change_the_choice(client, viewer, service):
    # Only Volunteers' cost to the agency is uncertain: £10,000 to £30,000 a year. The lead
    # is A x ((50,000 - cost) x 1.1 - 25,000): 19,000 A (£53,231) at £10,000, -3,000 A
    # (-£8,405) at £30,000, and nil at 50,000 - 25,000 / 1.1 = £27,273.
    options = judged_options(
        annual_agency_cost_low=Decimal("10000"), annual_agency_cost_high=Decimal("30000")
    )
    assessment = submitted(service, options=options, willingness_to_pay=Decimal("1"))
    text = page(client, viewer, assessment)
    tornado = table(text, "tornado-table")
    assert '<th scope="col" class="text-end">Choice changes at</th>' in tornado
    assert (
        '<th scope="row" class="fw-normal">Volunteers: cost to the agency each year</th>'
        '<td class="text-end">£10,000 to £30,000</td><td class="text-end">£53,200</td>'
        '<td class="text-end">-£8,400</td><td class="text-end">£27,300</td>'
    ) in tornado
    # The allowance for optimism: 5,000 A with none, 11,000 A at double; no switch.
    assert (
        '<th scope="row" class="fw-normal">The allowance for optimism</th>'
        '<td class="text-end">none to double the allowance</td>'
        '<td class="text-end">£14,000</td><td class="text-end">£30,800</td>'
        '<td class="text-end">—</td>'
    ) in tornado
    assert "that figure alone could make Staff the better choice" in text


def test_values_of_information_within_the_regressions_noise_are_not_given_as_figures():
    from assessments.scoring import PartialValue, Uncertainty
    from assessments.views.uncertainty import evidence_rows

    uncertainty = Uncertainty(
        draws=4000,
        seed=1,
        evpi=3560.0,
        partial=(
            PartialValue("trust", True, 1.0, 0.0),  # under 1% of £3,560: noise
            PartialValue("quality", True, 1470.0, 0.41),
            PartialValue("people", False, 0.0, 0.0),  # no range: not listed at all
            PartialValue("agency_costs", True, 35.6, 0.01),  # exactly 1%: still noise
        ),
    )
    rows = evidence_rows(uncertainty)
    assert [(row["group"], row["worth_it"]) for row in rows] == [
        ("quality", True),
        ("agency_costs", False),
        ("trust", False),
    ]


def test_a_lead_within_the_runs_own_error_reads_as_good_as_a_tie(client, viewer, service):
    from tests.assessments.test_report import page_text, returns_option, submitted

    twins = [
        returns_option("Paper returns", "60000", 2, co_produced=False, comparator=True),
        returns_option("Volunteers", "40000", 3),
        returns_option("Volunteers, the twin", "40000", 3),
    ]
    for twin in twins[1:]:
        twin["confidence"] = "low"  # wide ranges, drawn apart for each
    client.force_login(viewer)
    verdict = page_text(client, submitted(service, options=twins, willingness_to_pay=1))
    verdict = verdict.split('id="verdict-heading"')[1].split("</section>")[0]
    assert "As good as a tie:" in verdict
    clear = [twins[0], returns_option("Volunteers", "20000", 4)]
    verdict = page_text(client, submitted(service, options=clear, willingness_to_pay=1))
    assert "As good as a tie" not in verdict
