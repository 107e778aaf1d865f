"""A rating's range keeps its boxes usable when one of them has an error."""

import pytest
from django.urls import reverse

from assessments.forms.options import QualityGridForm
from assessments.scoring import RATING_FIELDS
from tests import factories
from tests.browser.conftest import assert_accessible


@pytest.mark.parametrize("width", [390, 1366])
def test_a_range_error_leaves_the_select_wide_enough_to_read(
    page, sign_in, axe, transactional_db, width
):
    agency = factories.AgencyFactory(name="Northvale City Council")
    owner = factories.member_of(agency, role="manager", username="rater")
    service = factories.ServiceFactory(agency=agency)
    assessment = factories.AssessmentFactory(
        **factories.complete_answers(), service=service, author=owner
    )
    sign_in("rater")
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(reverse("assessments:quality", args=[assessment.code]))
    first = assessment.ordered_options[0]
    rating = RATING_FIELDS[0]
    low = QualityGridForm.field_name(f"{rating}_low", first)
    page.locator("summary", has_text="Could it be higher or lower?").first.click()
    page.select_option(f"select[name='{low}']", "5")  # above the rating: refused
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state()
    # The error's long sentence beside the lowest box must not squeeze its neighbour.
    high = QualityGridForm.field_name(f"{rating}_high", first)
    for name in (low, high):
        box = page.locator(f"select[name='{name}']").bounding_box()
        assert box and box["width"] >= 110, (name, box)
    assert_accessible(axe, page)
