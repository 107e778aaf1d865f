"""The admin's case pages pass axe: a curator's list, adding and changing (with and without
errors, with a source row added), an import with a wrong row, and the delete confirmation,
which only an administrator reaches."""

import pytest
from playwright.sync_api import expect

from services.curators import case_curators_group
from services.models import CaseExample
from tests import factories
from tests.browser.conftest import assert_accessible
from tests.factories import PASSWORD

BAD_IMPORT = b"slug,title,status\nnot a slug!,,nope\n"


@pytest.mark.django_db(transaction=True)
def test_a_curators_case_pages_in_the_admin_are_accessible(page, axe):
    curator = factories.UserFactory(username="curator", is_staff=True)
    curator.groups.add(case_curators_group())
    CaseExample.objects.all().delete()  # the shipped cases, if an earlier test left them
    case = factories.CaseExampleFactory(title="Neighbourhood justice panels")
    factories.CaseSourceFactory(case=case, order=2)  # two sources: two rows in the table

    page.goto("/admin/")
    sign_in_to_admin(page, "curator")
    page.get_by_role("link", name="Case examples").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Select case example to change")
    assert_accessible(axe, page)

    page.get_by_role("link", name="Add case example").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add case example")
    assert_accessible(axe, page)
    # A source row added in the page: its boxes are labelled like the ones sent with it.
    citations = page.get_by_label("Citation")
    rows = citations.count()
    page.get_by_role("button", name="Add another Case source").click()
    expect(citations).to_have_count(rows + 1)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".errornote")).to_be_visible()
    assert_accessible(axe, page)

    page.goto(f"/admin/services/caseexample/{case.pk}/change/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Change case example")
    expect(page.get_by_label("Citation: Author")).to_have_count(2)
    assert_accessible(axe, page)
    page.get_by_label("Title").fill("")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".errornote")).to_be_visible()
    assert_accessible(axe, page)

    # An import whose row is wrong: the preview lists the row's problems.
    page.goto("/admin/services/caseexample/import/")
    assert_accessible(axe, page)
    page.get_by_label("File to import").set_input_files(
        files=[{"name": "cases.csv", "mimeType": "text/csv", "buffer": BAD_IMPORT}]
    )
    page.get_by_label("Format").select_option(label="csv")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("is not a status")).to_be_visible()
    assert_accessible(axe, page)

    # The export page: "Select all" has its label and works under the CSP.
    page.goto("/admin/services/caseexample/export/")
    assert_accessible(axe, page)
    boxes = page.locator('.selectable-field-export-row input[type="checkbox"]')
    page.get_by_label("Select all").uncheck()
    assert boxes.count() > 3 and not any(box.is_checked() for box in boxes.all())
    page.get_by_label("Select all").check()
    assert all(box.is_checked() for box in boxes.all())

    # Curators withdraw a case rather than delete it: they get our 403 page...
    delete_url = f"/admin/services/caseexample/{case.pk}/delete/"
    page.goto(delete_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("You cannot change this")
    assert_accessible(axe, page)

    # ...and an administrator gets the confirmation.
    factories.UserFactory(username="admin", is_staff=True, is_superuser=True)
    page.context.clear_cookies()
    page.goto(f"/admin/login/?next={delete_url}")
    sign_in_to_admin(page, "admin")
    expect(page.get_by_role("heading", level=1)).to_have_text("Delete")
    expect(page.get_by_text("Are you sure you want to delete")).to_be_visible()
    assert_accessible(axe, page)


def sign_in_to_admin(page, username):
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
