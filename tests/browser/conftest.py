"""Real browser tests: Playwright drives Debian's Chromium against the live test server."""

import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from tests.factories import PASSWORD

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-gpu",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def sign_in(page):
    def sign_in_as(username, password=PASSWORD):
        page.goto("/accounts/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url("**/")

    return sign_in_as


@pytest.fixture(scope="session")
def axe():
    return Axe()


def assert_accessible(axe, page):
    """No axe-core violations of WCAG 2.x A/AA rules on the page as it stands."""
    results = axe.run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa"]}}
    )
    violations = results.response["violations"]
    assert not violations, results.generate_report()


# --- Filling in the wizard by mouse: the journey and the two-server test ------------------


def choose(page, step, name, value):
    page.locator(f"input[name='{step}-{name}'][value='{value}']").check()


def fill(page, step, name, value):
    page.locator(f"[name='{step}-{name}']").fill(str(value))


def press_continue(page):
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state()


def answer_the_work(page):
    """Section 1, "The work", for parents hearing their children read."""
    fill(page, "work", "work_description", "Parents listen to their child read each evening.")
    choose(page, "work", "co_producer_types", "families")
    choose(page, "work", "level", "individual")
    choose(page, "work", "phases", "delivery")
    fill(page, "work", "inputs", "School books and parents' time")
    fill(page, "work", "outputs", "Reading practice")
    choose(page, "work", "work_relation", "adds")


def answer_what_each_side_gives(page):
    """Section 2, "What each side gives", for the same arrangement."""
    choose(page, "reciprocity", "agency_contributions", "training")
    choose(page, "reciprocity", "co_producer_contributions", "time")
    choose(page, "reciprocity", "timing", "sequential")
    fill(page, "reciprocity", "co_producers_per_year", 400)
    fill(page, "reciprocity", "hours_per_co_producer", 30)
