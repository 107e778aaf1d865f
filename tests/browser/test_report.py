"""A manager reads the dashboard, the list and a report in a real browser."""

import pytest
from django.utils import timezone

from assessments.choices import Status
from tests.browser.conftest import assert_accessible
from tests.factories import AssessmentFactory, complete_answers


@pytest.mark.django_db(transaction=True)
def test_manager_reads_the_dashboard_list_and_a_report(page, sign_in, axe, owner, service):
    assessment = AssessmentFactory(
        **complete_answers(),
        service=service,
        author=owner,
        title="Parents hearing children read",
        status=Status.SUBMITTED,
        submitted_at=timezone.now(),
    )
    AssessmentFactory(service=service, author=owner, title="Peer breastfeeding support")

    sign_in("owner")
    assert page.get_by_role("heading", name="Assessments at a glance").is_visible()
    assert page.evaluate("Chart.getChart('verdict-chart') !== undefined")
    assert page.get_by_role("heading", name="Your drafts to finish").is_visible()
    assert_accessible(axe, page)

    page.get_by_role("link", name="Assessments", exact=True).click()
    assert page.get_by_role("heading", name="Assessments", exact=True).is_visible()
    assert_accessible(axe, page)

    page.get_by_role("link", name=assessment.title).click()
    assert page.get_by_role("heading", name=assessment.title).is_visible()
    assert page.get_by_text("Co-production is cheaper and better").first.is_visible()
    chart = page.get_by_role("img", name="Chart of full cost per client against quality index")
    assert chart.is_visible()
    assert page.evaluate("Chart.getChart('cost-quality-chart').data.datasets.length") == 2
    assert_accessible(axe, page)

    page.emulate_media(media="print")
    assert page.locator(".site-header").is_hidden()
    assert page.get_by_role("button", name="Archive").is_hidden()
    assert chart.is_visible()


@pytest.mark.django_db(transaction=True)
def test_a_draft_report_is_accessible_and_says_it_is_provisional(
    page, sign_in, axe, owner, service
):
    draft = AssessmentFactory(service=service, author=owner, title="Unfinished arrangement")
    sign_in("owner")
    page.goto(draft.get_absolute_url())
    assert page.get_by_text("Draft – results are provisional").is_visible()
    assert_accessible(axe, page)
    page.get_by_role("link", name="Continue editing").click()
    page.wait_for_url(f"**/assessments/{draft.code}/tasks/")
