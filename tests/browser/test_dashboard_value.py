"""Where is the value? The dashboard's ranking in two currencies, at desktop and phone
widths, by keyboard."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import assert_accessible


@pytest.fixture
def two_currencies(transactional_db):
    """A manager of a British council and an Australian one, each with submitted work."""
    home = factories.AgencyFactory(name="Home Council", currency="GBP")
    away = factories.AgencyFactory(name="Away Shire Council", currency="AUD")
    manager = factories.member_of(home, role="manager", username="both-manager")
    factories.Membership.objects.create(user=manager, agency=away, role="manager")
    for agency, titles in ((home, ("Recycling at the kerb", "Reading at home")),
                           (away, ("Bush regeneration volunteers",))):  # fmt: skip
        service = factories.ServiceFactory(agency=agency, name=f"{agency.name} service")
        for title in titles:
            factories.AssessmentFactory(
                **factories.complete_answers(title=title, willingness_to_pay=1),
                service=service,
                status="submitted",
                submitted_at=timezone.now(),
            )
    return manager


def page_scrolls_sideways(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("width", [1366, 390])
def test_a_manager_finds_the_value_in_each_currency(page, sign_in, axe, two_currencies, width):
    page.set_viewport_size({"width": width, "height": 900})
    sign_in("both-manager")
    page.goto("/")
    ranking = page.get_by_role("heading", name="Where is the value?")
    ranking.scroll_into_view_if_needed()
    # Each currency its own ranking, named in words, every money cell in its currency.
    pounds = page.get_by_role("region", name="Assessments ranked, in British pounds (GBP)")
    dollars = page.get_by_role("region", name="Assessments ranked, in Australian dollars (AUD)")
    assert pounds.locator("tbody tr").count() == 2
    assert dollars.locator("tbody tr").count() == 1
    assert "Bush regeneration volunteers" in dollars.inner_text()
    assert "A$" in dollars.inner_text() and "£" not in dollars.inner_text()
    assert "£" in pounds.inner_text() and "A$" not in pounds.inner_text()
    assert not page_scrolls_sideways(page)

    # A wide table scrolls inside its region, by keyboard.
    region = page.get_by_role("region", name="Outcomes by agency")
    region.focus()
    before = region.evaluate("element => element.scrollLeft")
    for _ in range(10):
        page.keyboard.press("ArrowRight")
    after = region.evaluate("element => element.scrollLeft")
    overflows = region.evaluate("element => element.scrollWidth > element.clientWidth")
    assert after > before if overflows else after == before == 0
    if width == 390:
        assert overflows  # on a phone it does scroll, and says so
        expect(page.get_by_text("This table scrolls sideways").first).to_be_visible()
    assert not page_scrolls_sideways(page)
    assert_accessible(axe, page)

    # The other order, from the link, keeps the page where it was.
    page.get_by_role("link", name="quality gained per 1,000 of full cost").click()
    page.wait_for_url("**rank_by=quality_per_cost**")
    expect(page.get_by_text("Rank by:")).to_be_visible()
    assert not page_scrolls_sideways(page)
    assert_accessible(axe, page)
