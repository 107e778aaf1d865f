import re

import pytest
from playwright.sync_api import expect

from services.curators import case_curators_group
from services.models import CaseExample
from tests import factories
from tests.browser.conftest import assert_accessible
from tests.factories import PASSWORD


@pytest.mark.django_db(transaction=True)
def test_curator_publishes_a_case_and_a_manager_finds_it(page, sign_in, axe, owner):
    # A "Case curators" member, as the demo's curator is: staff, but not a superuser.
    curator = factories.UserFactory(username="curator", is_staff=True)
    curator.groups.add(case_curators_group())
    # Whether the migration's shipped cases are still here depends on test order (each
    # transactional test ends by emptying the tables), so start from an empty library.
    CaseExample.objects.all().delete()
    factories.CaseExampleFactory(title="Kerbside recycling", sector="environment")
    case = factories.CaseExampleFactory(
        draft=True,
        title="Neighbourhood justice panels",
        slug="neighbourhood-justice-panels",
        sector="justice",
        country="New Zealand",
    )

    # The curator signs in to the admin and previews the draft.
    page.goto("/admin/")
    page.get_by_label("Username").fill("curator")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Case examples").click()
    page.get_by_role("link", name="Neighbourhood justice panels").click()
    expect(page.get_by_label("Status")).to_have_value("draft")
    page.goto(case.get_absolute_url())
    expect(page.get_by_role("status")).to_contain_text("Draft — not published")
    assert_accessible(axe, page)

    # ...then publishes it with the admin action.
    page.goto("/admin/services/caseexample/")
    page.get_by_role("checkbox", name=re.compile("Neighbourhood justice panels")).check()
    page.locator("select[name=action]").select_option("publish")
    page.get_by_role("button", name="Go").click()
    expect(page.locator(".messagelist")).to_contain_text("Published 1 case.")

    # A manager signs in, filters the library by sector and opens the case.
    page.context.clear_cookies()
    sign_in("owner")
    page.get_by_role("link", name="Case library").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Case library")
    assert_accessible(axe, page)
    page.get_by_label("Sector").select_option("justice")
    page.get_by_role("button", name="Filter cases").click()
    expect(page.get_by_text("1 case matches your filters")).to_be_visible()
    expect(page.get_by_role("link", name="Kerbside recycling")).to_have_count(0)
    page.get_by_role("link", name="Neighbourhood justice panels").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Neighbourhood justice panels")
    expect(page.get_by_text("not published")).to_have_count(0)
    expect(page.get_by_role("heading", name="Sources")).to_be_visible()
    assert_accessible(axe, page)
