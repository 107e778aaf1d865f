import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible


@pytest.mark.django_db(transaction=True)
def test_manager_signs_in_and_finds_their_services(page, sign_in, axe, owner, service):
    page.goto("/")
    assert "/accounts/login/" in page.url
    assert_accessible(axe, page)

    sign_in("owner")
    expect(page.get_by_role("heading", name="Your dashboard")).to_be_visible()
    assert_accessible(axe, page)

    page.get_by_role("link", name="Services", exact=True).click()
    page.get_by_role("link", name=service.name).click()
    expect(page.get_by_role("heading", name=service.name)).to_be_visible()
    assert_accessible(axe, page)


@pytest.mark.django_db(transaction=True)
def test_skip_link_moves_focus_to_the_main_content(page, sign_in, owner):
    sign_in("owner")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
