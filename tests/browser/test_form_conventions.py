"""One convention for what must be answered: "(optional)" in words, no asterisks."""

from playwright.sync_api import expect

from tests import factories


def test_required_fields_show_no_asterisk(page, sign_in, transactional_db):
    agency = factories.AgencyFactory(name="Northvale City Council")
    factories.member_of(agency, role="manager", username="starter")
    factories.ServiceFactory(agency=agency, name="Household recycling")
    sign_in("starter")
    page.goto("/assessments/new/")
    label = page.locator("label[for='id_service']")
    expect(label).to_be_visible()
    assert "*" not in label.inner_text()  # inner_text is what is rendered, not the markup
    assert page.locator(".asteriskField:visible").count() == 0
