"""The list of assessments on a phone: every row's status and result in view."""

from django.utils import timezone

from tests import factories
from tests.browser.conftest import assert_accessible


def test_the_list_fits_a_phone_with_each_status_in_view(page, sign_in, axe, transactional_db):
    agency = factories.AgencyFactory(name="Northvale City Council")
    factories.member_of(agency, role="manager", username="phone-manager")
    service = factories.ServiceFactory(agency=agency, name="Street and pothole reporting")
    for title, status in (("Residents patching small potholes", "submitted"),
                          ("Snow wardens clearing pavements", "draft")):  # fmt: skip
        extra = {"submitted_at": timezone.now()} if status == "submitted" else {}
        factories.AssessmentFactory(
            **factories.complete_answers(title=title), service=service, status=status, **extra
        )
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in("phone-manager")
    page.goto("/assessments/")
    region = page.locator(".assessment-table").locator("xpath=..")
    assert region.evaluate("element => element.scrollWidth <= element.clientWidth")
    width = page.viewport_size["width"]
    tags = page.locator(".assessment-table tbody .tag").all()
    assert len(tags) == 2
    for tag in tags:
        box = tag.bounding_box()
        assert box and box["x"] + box["width"] <= width, tag.inner_text()
    # What moved under the title is still there, in words.
    first = page.locator(".assessment-table tbody tr").first.inner_text()
    assert "Northvale City Council" in first and "Best option" in first
    assert_accessible(axe, page)
