"""A manager makes a token for a reporting tool, sees it once, uses it, and revokes it; the
data dictionary reads well and passes axe."""

import pytest
from playwright.sync_api import expect

from services.models import AccessToken
from tests.browser.conftest import assert_accessible


@pytest.mark.django_db(transaction=True)
def test_a_token_is_made_shown_once_used_and_revoked(
    page, browser, live_server, sign_in, axe, owner, service
):
    sign_in("owner")
    page.get_by_role("link", name="Your account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    expect(page.get_by_text("You have no tokens.")).to_be_visible()
    assert_accessible(axe, page)

    # Without a name: the error summary says so.
    page.get_by_role("button", name="Make the token").click()
    expect(page.get_by_role("alert")).to_contain_text("Give the token a name")
    assert_accessible(axe, page)

    page.get_by_label("Name").fill("Finance spreadsheet")
    page.get_by_label("1 year").check()
    page.get_by_role("button", name="Make the token").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your new token")
    expect(page.get_by_role("alert")).to_contain_text("This is the only time Coprod shows it")
    secret = page.get_by_label("“Finance spreadsheet”").input_value()
    assert secret.startswith("coprod_")
    assert_accessible(axe, page)

    # A tool with no session fetches an export with it.
    tool = browser.new_context(base_url=live_server.url)
    fetched = tool.request.get(
        "/export/services.csv", headers={"Authorization": f"Bearer {secret}"}
    )
    assert fetched.status == 200 and "Home Service" in fetched.text()
    refused = tool.request.get("/", headers={"Authorization": f"Bearer {secret}"})
    assert refused.status == 403

    # The account page lists it by its first characters only, never again in full.
    page.get_by_role("link", name="Back to your account").click()
    row = page.get_by_role("row", name="Finance spreadsheet")
    expect(row).to_contain_text(secret[:12] + "…")
    expect(row).not_to_contain_text("Never")  # the tool has used it
    assert secret not in page.content()
    assert_accessible(axe, page)

    row.get_by_role("button", name="Revoke Finance spreadsheet").click()
    expect(page.get_by_role("status")).to_contain_text("Revoked “Finance spreadsheet”")
    expect(page.get_by_role("row", name="Finance spreadsheet")).to_contain_text("Revoked")
    assert_accessible(axe, page)
    after = tool.request.get("/export/services.csv", headers={"Authorization": f"Bearer {secret}"})
    assert after.status == 401 and "revoked" in after.text()
    tool.close()
    assert AccessToken.objects.get().revoked_at is not None


@pytest.mark.django_db(transaction=True)
def test_the_data_dictionary_is_reached_from_the_services_page_and_is_accessible(
    page, sign_in, axe, owner, service
):
    sign_in("owner")
    page.goto("/services/")
    page.get_by_role("link", name="what the columns mean").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What the downloads hold")
    expect(
        page.get_by_role("table", name="Columns of the services file, in order")
    ).to_contain_text("clients_per_year")
    assert_accessible(axe, page)
