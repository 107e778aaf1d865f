"""The report: the decision first, every option side by side, the tipping points in words."""

import json
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from assessments.choices import Status
from assessments.models.option import RANGED_FIELDS
from services.models import CaseExample
from tests import factories
from tests.factories import complete_answers, complete_options, option_answers

pytestmark = pytest.mark.django_db

RATINGS = ("effectiveness", "consistency", "trust", "experience")


def returns_option(name, annual_cost, ratings, *, co_produced=True, **answers) -> dict:
    """An option serving 1,000 clients a year at this agency cost, no co-producers' hours
    or money, high confidence (10% uplift); `ratings` is one rating for all four or four."""
    if isinstance(ratings, int):
        ratings = (ratings,) * 4
    return option_answers(
        name,
        co_produced=co_produced,
        setup_cost=Decimal("0"),
        annual_agency_cost=Decimal(annual_cost),
        hours_per_client=Decimal("0"),
        clients_per_year=1000,
        confidence="high",
        **dict(zip(RATINGS, ratings, strict=True)),
        **answers,
    )


def returns_options() -> list[dict]:
    """Five ways of getting tax returns filed, over 3 years at 3.5% (cost per client-year
    is the agency cost a year / 1,000 x 1.1):

    - Paper returns (comparator): £66, quality 25 — dominated by Online returns.
    - Online returns: £44, quality 50 — on the frontier, best up to £0.44 a point.
    - Online with phone help: £52.80, quality 56.25 — extendedly dominated: its extra
      points over Online returns cost £8.80 / 6.25 = £1.408 each, Pre-filled returns' next
      ones £2.20 / 18.75 = £0.1173.
    - Pre-filled returns: £55, quality 75 — best from £0.44 to £1.32.
    - Home visits: £88, quality 100 — best from £1.32.
    """
    return [
        returns_option("Paper returns", "60000", 2, co_produced=False, comparator=True),
        returns_option("Online returns", "40000", 3),
        returns_option("Online with phone help", "48000", (3, 3, 3, 4)),
        returns_option("Pre-filled returns", "50000", 4),
        returns_option("Home visits", "80000", 5),
    ]


def certain(options: list[dict]) -> list[dict]:
    """These options with no uncertainty: every figure's lowest and highest set to its
    estimate (blank figures stay blank, and have no range: none of them is drawn). Every
    try then gives the single estimates, so the net benefit on average is the net benefit
    on the estimates and the choice is the single-estimate best."""
    fixed = []
    for answers in options:
        answers = dict(answers)
        for name in RANGED_FIELDS:
            if answers.get(name) is not None:
                answers[f"{name}_low"] = answers[f"{name}_high"] = answers[name]
        fixed.append(answers)
    return fixed


# Three discounted years at 3.5%: 1 / 1.035 + 1 / 1.035 ** 2 + 1 / 1.035 ** 3.
THREE_YEARS = 2.8016370


def skewed_options() -> list[dict]:
    """Volunteers best on the single estimates, Staff best on average; no other figure
    uncertain (see `certain`). Both score 50 and serve 1,000 clients a year at high
    confidence (10% uplift). Volunteers cost the agency £40,000 a year, but as much as
    £100,000: a beta-PERT from £40,000 (the estimate, its lowest) to £100,000 averages
    (40,000 + 4 x 40,000 + 100,000) / 6 = £50,000, more than Staff's certain £45,000.
    Paper returns, the comparator, scores 25 at £60,000."""
    options = certain(
        [
            returns_option("Paper returns", "60000", 2, co_produced=False, comparator=True),
            returns_option("Volunteers", "40000", 3),
            returns_option("Staff", "45000", 3),
        ]
    )
    options[1]["annual_agency_cost_high"] = Decimal("100000")
    return options


def complete(service, **overrides):
    return factories.AssessmentFactory(**complete_answers(**overrides), service=service)


def submitted(service, **overrides):
    return complete(service, status=Status.SUBMITTED, submitted_at=timezone.now(), **overrides)


def page_text(client, assessment) -> str:
    response = client.get(assessment.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def chart_json(text: str) -> dict:
    start = text.index('<script id="cost-quality-data" type="application/json">')
    return json.loads(text[start:].split(">", 1)[1].split("</script>", 1)[0])


# --- Who may read it ----------------------------------------------------------------------


def test_the_report_lives_at_the_assessments_public_code(service):
    assessment = factories.AssessmentFactory(service=service)
    assert assessment.get_absolute_url() == f"/assessments/{assessment.code}/"
    assert reverse("assessments:report", args=[assessment.code]) == assessment.get_absolute_url()


def test_anonymous_user_is_sent_to_sign_in(client, service):
    assessment = factories.AssessmentFactory(service=service)
    response = client.get(assessment.get_absolute_url())
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_outsider_gets_404(client, outsider, service):
    assessment = complete(service)
    client.force_login(outsider)
    assert client.get(assessment.get_absolute_url()).status_code == 404


def test_unknown_code_gets_404(client, owner):
    client.force_login(owner)
    response = client.get("/assessments/00000000-0000-0000-0000-000000000000/")
    assert response.status_code == 404


def test_post_is_not_allowed(client, owner, service):
    assessment = complete(service)
    client.force_login(owner)
    assert client.post(assessment.get_absolute_url()).status_code == 405


def test_viewer_can_read_the_report(client, viewer, service):
    assessment = submitted(service, title="Parents hearing children read")
    client.force_login(viewer)
    text = page_text(client, assessment)
    assert "Parents hearing children read" in text
    assert service.name in text and service.agency.name in text
    assert "Draft – results are provisional" not in text


# --- The decision ---------------------------------------------------------------------------


def test_best_option_is_named_at_the_willingness_to_pay(client, viewer, service):
    # No uncertainty, so the net benefit on average is the one on the estimates: £1 x 75
    # points x 1,000 clients x 2.8016 discounted years (£210,123) less the full cost,
    # £50,000 x 2.8016 x 1.1 (£154,090): £56,033, £56,000 to three figures.
    assessment = submitted(
        service,
        options=certain(returns_options()),
        willingness_to_pay=Decimal("1.00"),
        work_relation="replaces",
    )
    client.force_login(viewer)
    text = page_text(client, assessment)
    assert "The best choice" in text
    # As a person says it; a viewer cannot change the figure, so it is the agency's.
    assert (
        "If one quality point is worth £1 for each client for a year (your agency's figure), "
        "the best choice is Pre-filled returns." in text
    )
    assert (
        'Its <a href="/help/#net-benefit" class="term-link">net benefit</a> over 3 years is '
        "<strong>£56,000</strong> on average over the tries "
        "below (£56,000 with every figure as estimated)"
    ) in text
    assert 'class="choice-differs"' not in text  # the single estimates agree
    assert "less its full cost of £154,000" in text
    # The differences, per client-year, against the runner-up and against the comparator.
    assert (
        "Against <strong>Home visits</strong> (the next best), it costs £33 less per "
        "client-year and scores 25 quality points lower; its net benefit is £22,400 higher."
    ) in text
    assert (
        "Against <strong>Paper returns</strong> (what happens now), it costs £11 less per "
        "client-year and scores 50 quality points higher; its net benefit is £171,000 higher."
    ) in text
    assert (
        "It stays the best choice if one quality point for one client for a year is worth "
        "between £0.44 and £1.32 to you."
    ) in text


def test_the_comparator_as_runner_up_is_compared_once(client, viewer, service):
    # complete_options(): Parents at home beats teaching assistants, the only other option.
    assessment = submitted(service, willingness_to_pay=Decimal("2"), work_relation="replaces")
    client.force_login(viewer)
    text = page_text(client, assessment)
    assert "the best choice is Parents at home." in text
    assert text.count("Against <strong>Teaching assistants in school</strong>") == 1
    assert "(what happens now, and the next best), it costs £31 less per client-year" in text


def test_without_willingness_to_pay_the_report_leads_with_the_frontier(client, viewer, service):
    assessment = submitted(service, options=returns_options(), willingness_to_pay=None)
    client.force_login(viewer)
    text = page_text(client, assessment)
    assert "Which option is best" in text
    assert "the best choice is" not in text.split("Which option is best")[1].split("</p>")[0]
    assert (
        "Worth considering: Online returns, Pre-filled returns and Home visits. Which is best "
        "depends on what one quality point is worth to you."
    ) in text
    assert (
        "The best choice is <strong>Online returns</strong> if one quality point for one "
        "client for a year is worth up to £0.44 to you."
    ) in text
    assert (
        "The best choice is <strong>Pre-filled returns</strong> if one quality point for one "
        "client for a year is worth between £0.44 and £1.32 to you."
    ) in text
    assert (
        "The best choice is <strong>Home visits</strong> if one quality point for one client "
        "for a year is worth more than £1.32 to you."
    ) in text
    assert "so the report cannot name one best choice" in text
    assert "Net benefit" not in text  # no column without a willingness to pay


def test_dominated_and_extendedly_dominated_options_are_worded(client, viewer, service):
    assessment = submitted(service, options=returns_options(), willingness_to_pay=None)
    client.force_login(viewer)
    text = page_text(client, assessment)
    assert "Never the best choice on the central figures, whatever quality is worth to you" in text
    assert (
        "<strong>Paper returns</strong>. It costs more than Online returns and is no better."
        in text
    )
    assert (
        "<strong>Online with phone help</strong>. It gives more quality than Online returns, "
        "but each extra quality point costs £1.41 for one client for a year, while Pre-filled "
        "returns gives further points for £0.117 each. So at any value you put on quality, "
        "Online returns or Pre-filled returns is better value."
    ) in text


def test_an_option_at_the_same_cost_and_worse_is_worded(client, viewer, service):
    options = [
        returns_option("Paper returns", "40000", 2, co_produced=False, comparator=True),
        returns_option("Online returns", "40000", 3),
    ]
    client.force_login(viewer)
    text = page_text(client, submitted(service, options=options))
    assert "The best choice is Online returns, whatever one quality point is worth to you." in text
    assert "It costs no more than any other option and gives at least as much quality" in text
    assert "The best choice is <strong>Online returns</strong>" not in text  # said once
    assert "cannot name one best choice" not in text
    assert "It costs the same as Online returns and is worse." in text


def test_necessary_arrangement_compares_ways_of_getting_people_to_do_it(client, viewer, service):
    assessment = submitted(service, necessity="necessary", options=returns_options())
    client.force_login(viewer)
    text = page_text(client, assessment)
    assert "Ways of getting people to do this work, compared" in text
    assert "so the question is how to get them to do it, not whether" in text
    assert "Worth considering: Online returns" in text  # still a choice between options


def test_work_that_adds_to_the_service_is_compared_with_the_service_without_it(
    client, viewer, service
):
    assessment = submitted(service, work_relation="adds", willingness_to_pay=Decimal("2"))
    client.force_login(viewer)
    text = page_text(client, assessment)
    assert "(the service without it, and the next best)" in text
    assert '<span class="tag tag-comparator">The service without it</span>' in text
    assert "Co-production against the service without it" in text


def test_participation_gets_no_recommendation(client, viewer, service):
    client.force_login(viewer)
    text = page_text(client, submitted(service, phases=["design"]))
    assert ">No recommendation</h2>" in text
    assert "This arrangement is participation, not co-production, so there is no" in text
    assert "the best choice is" not in text


def test_a_draft_says_what_is_still_missing(client, owner, service):
    assessment = factories.AssessmentFactory(service=service)
    client.force_login(owner)
    text = page_text(client, assessment)
    assert "No recommendation yet" in text
    assert "the answers that show whether this is co-production" in text
    assert "the costs of With co-production and how many people it serves" in text
    assert "the quality ratings of What happens now" in text
    assert "Not costed yet" in text
    assert "cost-quality-data" not in text


def test_a_draft_with_one_option_uncosted_names_it(client, owner, service):
    options = complete_options()
    options[0]["clients_per_year"] = None
    assessment = complete(service, options=options)
    client.force_login(owner)
    text = page_text(client, assessment)
    assert "the costs of Parents at home and how many people it serves" in text
    assert "the quality ratings of" not in text


# --- Figures, tables and chart --------------------------------------------------------------


def test_figures_carry_the_currency_sign_and_separators(client, viewer, service):
    service.agency.currency = "AUD"
    service.agency.save()
    assessment = submitted(service, options=returns_options(), willingness_to_pay=Decimal("1"))
    client.force_login(viewer)
    text = page_text(client, assessment)
    # Present values rounded to three significant figures: 184,908.04 and 246,544.05.
    assert 'data-label="Full cost">A$185,000</td>' in text
    assert 'data-label="Full cost">A$247,000</td>' in text
    assert 'data-label="Full cost per client-year">A$52.80</td>' in text
    assert 'data-label="Net benefit">-A$115,000</td>' in text
    assert "184908" not in text and "184,908" not in text
    assert "A$1 for each client for a year" in text


def test_every_option_is_in_the_costs_table_and_the_ratings_table(client, viewer, service):
    assessment = submitted(service, options=returns_options(), willingness_to_pay=Decimal("1"))
    client.force_login(viewer)
    text = page_text(client, assessment)
    costs = text.split('id="options-table"')[1].split("</table>")[0]
    ratings = text.split('id="ratings-table"')[1].split("</table>")[0]
    for name in ("Paper returns", "Online returns", "Pre-filled returns", "Home visits"):
        assert f'<th scope="row" role="rowheader">{name}' in costs
        assert f'<th scope="row" role="rowheader">{name}</th>' in ratings
    for heading in ("Cost to the agency", "Value of co-producers' time", "Net benefit"):
        assert f">{heading}</th>" in costs
    assert costs.count('data-label="On the frontier">Yes') == 3
    assert costs.count('data-label="On the frontier">No') == 2
    assert '<span class="tag tag-best">Best choice</span>' in costs
    assert '<span class="tag tag-comparator">The service without it</span>' in costs
    assert 'data-label="Client experience">4 – very good</td>' in ratings
    assert 'data-label="Quality index (0 to 100)">56.3</td>' in ratings


def test_chart_gets_every_option_the_frontier_and_a_text_alternative(client, viewer, service):
    assessment = submitted(service, options=returns_options(), willingness_to_pay=Decimal("1"))
    client.force_login(viewer)
    text = page_text(client, assessment)
    assert 'role="img"' in text
    assert (
        "Pre-filled returns: £55 per client-year, quality 75 out of 100, on the frontier, "
        "the best choice."
    ) in text
    assert (
        "Paper returns: £66 per client-year, quality 25 out of 100, the service without it, off"
        in text
    )
    assert 'src="/static/js/report-chart.js"' in text
    data = chart_json(text)
    assert data["currency"] == "GBP"
    assert [(p["label"], p["x"], p["y"]) for p in data["points"]] == [
        ("Paper returns", 66.0, 25.0),
        ("Online returns", 44.0, 50.0),
        ("Online with phone help", 52.8, 56.25),  # quality to 2 places: 2.25 x 25
        ("Pre-filled returns", 55.0, 75.0),
        ("Home visits", 88.0, 100.0),
    ]
    assert [p["label"] for p in data["points"] if p["best"]] == ["Pre-filled returns"]
    assert [p["label"] for p in data["points"] if p["comparator"]] == ["Paper returns"]
    assert data["frontier"] == [
        {"x": 44.0, "y": 50.0},
        {"x": 55.0, "y": 75.0},
        {"x": 88.0, "y": 100.0},
    ]
    # The same figures as a table, with the extra cost per point between neighbours.
    table = text.split('id="chart-table"')[1].split("</table>")[0]
    assert 'data-label="Extra cost per extra quality point">£1.32</td>' in table


# --- Tipping points -------------------------------------------------------------------------


def test_tipping_points_are_in_words(client, viewer, service):
    # No uncertainty: the runner-up on average is the one on the estimates, Home visits.
    assessment = submitted(
        service, options=certain(returns_options()), willingness_to_pay=Decimal("1")
    )
    client.force_login(viewer)
    text = page_text(client, assessment)
    assert "Tipping points" in text
    assert (
        "On the single estimates, if one quality point were worth less than £0.44 to you, "
        "Online returns would be the best choice."
    ) in text
    assert (
        "On the single estimates, if one quality point were worth £1.32 or more to you, "
        "Home visits would be"
    ) in text
    assert (
        "The quality index of Pre-filled returns could fall by 7.9 points (from 75 to 67.1) "
        "before Home visits became the better choice."
    ) in text
    assert "The full cost of Pre-filled returns could rise by 14.5% before Home visits" in text


def test_no_tipping_points_heading_without_a_value_for_quality(client, viewer, service):
    # With no value put on quality there is no choice to tip: the report leads with the
    # frontier instead, and no empty "Tipping points" heading is left behind.
    assessment = submitted(service, options=returns_options(), willingness_to_pay=None)
    client.force_login(viewer)
    text = page_text(client, assessment)
    assert "Which option is best" in text
    assert "Tipping points" not in text and 'id="judgements-heading"' not in text


def test_quadrant_names_weak_dominance_for_what_it_is(client, viewer, service):
    options = [
        returns_option("Volunteers", "60000", 4),
        returns_option("Staff", "60000", 3, co_produced=False, comparator=True),
    ]
    client.force_login(viewer)
    text = page_text(client, submitted(service, options=options, work_relation="replaces"))
    assert '<strong class="quadrant-label">Same cost, better quality.</strong>' in text
    assert "costs about the same per client-year and scores 25 quality points higher" in text
    assert "Cheaper and better" not in text


def test_quadrant_of_a_trade_off_says_the_value_of_quality_decides(client, viewer, service):
    options = complete_options()
    options[0]["annual_agency_cost"] = Decimal("80000")
    client.force_login(viewer)
    text = page_text(client, submitted(service, options=options))
    assert "Costs more for better quality." in text
    assert "It is a trade-off: better quality for more money" in text


# --- The rest of the report -----------------------------------------------------------------


def test_classification_and_reasons_are_shown(client, viewer, service):
    client.force_login(viewer)
    text = page_text(client, submitted(service))
    assert "Co-producers do part of the work of delivering the service." in text
    assert "the agency gives training and information" in text
    assert "Private and public value" in text


def test_risk_flags_and_levers_are_listed(client, viewer, service):
    assessment = submitted(service, burden_on_vulnerable=True)
    client.force_login(viewer)
    text = page_text(client, assessment)
    assert "Unfair burden" in text
    assert "Make taking part cheaper" in text


def test_draft_shows_provisional_banner_with_a_link_to_the_task_list(client, owner, service):
    assessment = factories.AssessmentFactory(service=service)
    client.force_login(owner)
    text = page_text(client, assessment)
    assert "Draft – results are provisional" in text
    tasks = reverse("assessments:tasks", args=[assessment.code])
    assert f'href="{tasks}"' in text
    assert "Continue editing" in text


def test_viewer_sees_the_draft_banner_but_no_manager_buttons(client, viewer, service):
    assessment = factories.AssessmentFactory(service=service)
    client.force_login(viewer)
    text = page_text(client, assessment)
    assert "Draft – results are provisional" in text
    assert reverse("assessments:tasks", args=[assessment.code]) not in text
    assert "Continue editing" not in text


def test_manager_can_archive_a_submitted_assessment_viewer_cannot(client, owner, viewer, service):
    assessment = submitted(service)
    # The button leads to a page that asks first (tests/assessments/test_lifecycle.py).
    archive = reverse("assessments:confirm_archive", args=[assessment.code])
    client.force_login(owner)
    text = page_text(client, assessment)
    assert f'href="{archive}"' in text
    assert "Continue editing" not in text
    client.force_login(viewer)
    assert archive not in page_text(client, assessment)


def test_archived_assessment_says_so_and_cannot_be_archived_again(client, owner, service):
    assessment = submitted(service)
    assessment.status = Status.ARCHIVED
    assessment.save()
    client.force_login(owner)
    text = page_text(client, assessment)
    assert "no longer counts on the dashboard" in text
    assert reverse("assessments:confirm_archive", args=[assessment.code]) not in text


def test_download_links_export_this_assessment_and_its_options(client, viewer, service):
    assessment = submitted(service)
    client.force_login(viewer)
    text = page_text(client, assessment)
    assert f'href="/export/assessments.csv?assessment={assessment.code}"' in text
    assert f'href="/export/options.csv?assessment={assessment.code}"' in text


def test_print_button_is_worked_by_a_script_file_not_inline(client, viewer, service):
    client.force_login(viewer)
    text = page_text(client, submitted(service))
    assert "data-print-button hidden>Print" in text
    assert 'src="/static/js/print-button.js"' in text
    assert "onclick" not in text


def test_the_most_similar_published_cases_are_suggested(client, viewer, service):
    CaseExample.objects.all().delete()
    factories.CaseExampleFactory(
        title="Reading buddies", motivators=["normative"], co_producer_type="families"
    )
    factories.CaseExampleFactory(title="Draft twin", motivators=["normative"], draft=True)
    client.force_login(viewer)
    text = page_text(client, submitted(service))
    assert "Reading buddies" in text
    assert "Draft twin" not in text


# --- Queries --------------------------------------------------------------------------------


@pytest.mark.parametrize("option_count", [2, 6])
def test_report_query_count_does_not_grow_with_the_options(
    client, owner, service, django_assert_num_queries, option_count
):
    factories.CaseExampleFactory.create_batch(5)
    options = complete_options()
    if option_count == 6:
        options = [
            *returns_options(),
            returns_option("Agent-lodged returns", "90000", 4),
        ]
    assessment = submitted(service, options=options, willingness_to_pay=Decimal("1"))
    assert len(assessment.ordered_options) == option_count
    client.force_login(owner)
    # session, user, the assessment with its written answers, service, agency, author and
    # the reader's role; the data's generations with the user's agencies (one query, which
    # gives the header its agencies too), the kept page (one cache read); then, as no page
    # is kept yet, its options, its outcomes (none, so no effects), similar cases, its
    # revisions; keeping the page (the cache's size, a savepoint, its row, writing it,
    # releasing the savepoint)
    with django_assert_num_queries(14):
        assert client.get(assessment.get_absolute_url()).status_code == 200
    # Unchanged data: the kept page, after session, user, the assessment (whose access
    # is checked on every request), the data's generation and one cache read.
    with django_assert_num_queries(5):
        assert client.get(assessment.get_absolute_url()).status_code == 200


def test_the_manager_reads_the_verdict_as_their_own_figure(client, owner, service):
    assessment = submitted(
        service, options=certain(returns_options()), willingness_to_pay=Decimal("5.00")
    )
    client.force_login(owner)
    text = page_text(client, assessment)
    assert "If one quality point is worth £5 to you for each client for a year, the best" in text
    assert "At what one quality point is worth" not in text


def test_an_option_never_best_on_the_estimates_says_how_often_it_wins_the_tries(
    client, viewer, service
):
    """Off the frontier on the central figures, yet best in some tries: the words agree
    with the acceptability curve rather than say "never"."""
    assessment = submitted(service, options=returns_options(), willingness_to_pay=Decimal("0.5"))
    client.force_login(viewer)
    text = page_text(client, assessment)
    assert "Never the best choice on the central figures" in text
    never = text.split('class="never-best-list"')[1].split("</ul>")[0]
    phone_help = never.split("<strong>Online with phone help</strong>")[1].split("</li>")[0]
    assert "Counting the uncertainty, it is best in 1% of tries." in phone_help  # 0.625%
    paper = never.split("<strong>Paper returns</strong>")[1].split("</li>")[0]
    assert "Counting the uncertainty, it is best in none of the tries either." in paper


def test_the_reports_terms_link_to_the_glossary_at_their_first_use(client, viewer, service):
    assessment = submitted(service, options=returns_options(), willingness_to_pay=Decimal("1"))
    client.force_login(viewer)
    text = page_text(client, assessment)
    for anchor in ("net-benefit", "client-year", "frontier", "monte-carlo-error", "quality-index"):
        assert text.count(f'href="/help/#{anchor}"') == 1, anchor  # the first use only
    help_page = client.get("/help/").content.decode()
    assert 'id="monte-carlo-error"' in help_page


def test_the_report_says_how_the_typed_costs_became_the_agencys_cost(client, owner, service):
    """Parents at home: £5,000 to set up and £20,000 a year for 3 years is £65,000 in
    cash; high confidence adds 10% (£6,500), making £71,500; discounted at 3.5% a year,
    £5,500 + £22,000 x 2.80164 = £67,136.01 today, about £67,100 to three figures as in
    the table."""
    assessment = factories.AssessmentFactory(
        **factories.complete_answers(), service=service, author=owner
    )
    client.force_login(owner)
    html = client.get(assessment.get_absolute_url()).content.decode()
    page = " ".join(strip_tags(html).split())
    assert "From the costs you gave to the cost to the agency" in page
    assert (
        "Parents at home: you gave £5,000 to set up and £20,000 a year, so £65,000 in cash "
        "over 3 years. The figures come from contracts, budgets or past spending, so we add "
        "10% to allow for optimism (£6,500), making £71,500. Money spent in later years "
        "counts for less (3.5% a year), so today it is worth about £67,100: the cost to the agency "
        "above." in page
    )
