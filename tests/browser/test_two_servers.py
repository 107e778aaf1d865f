"""Two app servers on one database: a manager begins a wizard on one and carries on on the
other, as behind a load balancer that sends each request where it likes.

The second server is another live server thread of the same app on another address and
port, using the same test database (on SQLite in memory, the same shared connection as
pytest-django's live server; on PostgreSQL, a connection of its own). Nothing is carried
between them but the browser's session cookie, which the test hands to the second
address itself, as browsers keep cookies by host name.
"""

import pytest
from playwright.sync_api import expect
from pytest_django.live_server_helper import LiveServer

from assessments.models import Assessment
from tests.browser.conftest import answer_the_work, answer_what_each_side_gives, press_continue
from tests.factories import PASSWORD


@pytest.fixture
def second_server(live_server):
    # live_server answers on localhost; this one on 127.0.0.1, so that the browser holds
    # the two addresses' cookies apart.
    server = LiveServer("127.0.0.1:0")
    with server._live_server_modified_settings:  # 127.0.0.1 among the allowed hosts
        yield server
    server.stop()


@pytest.mark.django_db(transaction=True)
def test_a_wizard_begun_on_one_server_carries_on_on_the_other(
    browser, live_server, second_server, owner, service
):
    assert live_server.url != second_server.url
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()

    # Server A: sign in, start an assessment and answer its first page.
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("owner")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/assessments/new/")
    page.get_by_label("Which service is it part of?").select_option(
        label=f"{service.name} (Home Agency)"
    )
    page.get_by_label("What do you call this arrangement?").fill("Reading at home")
    press_continue(page)
    page.get_by_role("link", name="1. The work").click()
    answer_the_work(page)
    press_continue(page)
    assert page.url.startswith(live_server.url)
    expect(page.get_by_role("heading", name="What each side gives")).to_be_visible()
    assessment = Assessment.objects.get(title="Reading at home")
    saved_on_a = assessment.version

    # Server B: the same session, handed over as a load balancer would pass the request on.
    session = next(c for c in context.cookies(live_server.url) if c["name"] == "sessionid")
    assert not context.cookies(second_server.url)
    context.add_cookies(
        [{"name": "sessionid", "value": session["value"], "url": second_server.url}]
    )
    page.goto(f"{second_server.url}/assessments/{assessment.code}/edit/work/")
    assert page.url == f"{second_server.url}/assessments/{assessment.code}/edit/work/"
    # What was saved on A is there on B.
    assert (
        page.locator("[name='work-work_description']").input_value()
        == "Parents listen to their child read each evening."
    )
    assert page.locator("input[name='work-level'][value='individual']").is_checked()
    press_continue(page)  # B saves the page again, with the version A left
    expect(page.get_by_role("heading", name="What each side gives")).to_be_visible()
    answer_what_each_side_gives(page)
    press_continue(page)
    assert page.url.startswith(second_server.url)
    assert page.get_by_role("heading", name="What each side gives").count() == 0

    # B's save landed, on top of A's: and A shows it.
    assessment.refresh_from_db()
    assert assessment.co_producers_per_year == 400 and assessment.timing == "sequential"
    assert assessment.text_answers.work_description.startswith("Parents listen")
    assert assessment.version == saved_on_a + 2  # B's save of A's page, then its own
    page.goto(f"{live_server.url}/assessments/{assessment.code}/edit/reciprocity/")
    assert page.locator("[name='reciprocity-co_producers_per_year']").input_value() == "400"
    context.close()
