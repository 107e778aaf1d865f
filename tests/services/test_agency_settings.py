"""The page where a manager sets their agency's appraisal defaults:
/services/agencies/<slug>/settings/."""

import re
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from assessments.scoring import LIMITS
from services import forms
from services.models import Agency, Perspective


def settings_url(agency) -> str:
    return reverse("services:agency_settings", args=[agency.slug])


def figures(**changes) -> dict:
    return {
        "default_hourly_value": "£18.50",
        "default_appraisal_years": "10",
        "default_discount_rate": "3.5%",
        "default_willingness_to_pay": "2.50",
        **changes,
    }


def test_the_owner_saves_the_figures_as_people_type_them(client, owner, agency):
    client.force_login(owner)
    response = client.post(settings_url(agency), figures(), follow=True)
    assert response.redirect_chain[-1][0] == settings_url(agency)
    agency.refresh_from_db()
    assert agency.default_hourly_value == Decimal("18.50")
    assert agency.default_appraisal_years == 10
    assert agency.default_discount_rate == Decimal("3.50")
    assert agency.default_willingness_to_pay == Decimal("2.50")
    assert "Saved Home Agency&#x27;s appraisal settings" in response.content.decode()


def test_blank_willingness_to_pay_means_not_decided(client, owner, agency):
    agency.default_willingness_to_pay = Decimal("5")
    agency.save()
    client.force_login(owner)
    client.post(settings_url(agency), figures(default_willingness_to_pay=""))
    agency.refresh_from_db()
    assert agency.default_willingness_to_pay is None


def test_the_page_explains_each_figure_and_when_changes_apply(client, owner, agency):
    client.force_login(owner)
    page = client.get(settings_url(agency)).content.decode()
    assert "time as a cost too" in page
    assert "3.5% is the usual rate for public services" in page
    assert "on the 0 to 100 quality scale, for one person for a year" in page
    assert "leave blank if undecided" in page
    assert "Changes apply to assessments started from now on" in page
    assert "which choice reports lead with: that changes every report at once" in page
    assert "submitted assessments keep the figures they were submitted with" in page
    assert "£" in page  # the agency's currency beside the money boxes


def test_the_dashboard_links_managers_to_the_page(client, owner, viewer, agency):
    client.force_login(owner)
    assert settings_url(agency) in client.get(reverse("dashboard")).content.decode()
    assert settings_url(agency) in client.get(reverse("services:list")).content.decode()
    client.force_login(viewer)
    assert settings_url(agency) not in client.get(reverse("dashboard")).content.decode()
    assert settings_url(agency) not in client.get(reverse("services:list")).content.decode()


def test_viewer_gets_403(client, viewer, agency):
    client.force_login(viewer)
    assert client.get(settings_url(agency)).status_code == 403
    assert client.post(settings_url(agency), figures()).status_code == 403
    agency.refresh_from_db()
    assert agency.default_appraisal_years == 5


def test_outsider_gets_404(client, outsider, agency):
    client.force_login(outsider)
    assert client.get(settings_url(agency)).status_code == 404
    assert client.post(settings_url(agency), figures()).status_code == 404
    assert client.get(reverse("services:agency_settings", args=["no-such"])).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, agency):
    response = client.get(settings_url(agency))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_bad_input_keeps_what_was_typed_with_messages_naming_the_field(client, owner, agency):
    client.force_login(owner)
    response = client.post(
        settings_url(agency),
        figures(
            default_hourly_value="a lot",
            default_appraisal_years="2.5",
            default_discount_rate="25%",
            default_willingness_to_pay="-1",
        ),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Enter the value of an hour as a number, like 18.50" in page
    assert "Enter the number of years as a whole number, like 5" in page
    assert "Enter the discount rate as 20 or less" in page
    assert "Enter what one point of quality is worth as 0 or more" in page
    for typed in ("a lot", "2.5", "25%", "-1"):
        assert f'value="{typed}"' in page
    agency.refresh_from_db()
    assert agency.default_hourly_value == Decimal("20.00")


def test_required_figures_say_so(client, owner, agency):
    client.force_login(owner)
    page = client.post(
        settings_url(agency), figures(default_hourly_value="", default_appraisal_years="")
    ).content.decode()
    assert "Enter the value of an hour" in page
    assert "Enter the number of years" in page


def test_the_limits_are_the_ones_an_assessment_accepts():
    """An assessment starts from these figures, so they may not exceed what its own
    appraisal page accepts."""
    assert LIMITS.hourly_rate == forms.HOURLY_VALUE_LIMIT
    assert LIMITS.appraisal_years == forms.APPRAISAL_YEARS_LIMIT
    assert LIMITS.discount_rate_percent == forms.DISCOUNT_RATE_LIMIT
    assert LIMITS.willingness_to_pay == forms.WILLINGNESS_TO_PAY_LIMIT


def test_the_limits_fit_the_agencys_constraints(db):
    agency = Agency(
        name="Limits",
        slug="limits",
        government_level="local",
        sector="health",
        jurisdiction="Testshire",
        default_hourly_value=forms.HOURLY_VALUE_LIMIT,
        default_appraisal_years=forms.APPRAISAL_YEARS_LIMIT,
        default_discount_rate=forms.DISCOUNT_RATE_LIMIT,
        default_willingness_to_pay=forms.WILLINGNESS_TO_PAY_LIMIT,
    )
    agency.full_clean()
    agency.save()


# --- Low and high values to try ---------------------------------------------------------


def test_the_low_and_high_values_are_saved_as_people_type_them(client, owner, agency):
    client.force_login(owner)
    response = client.post(
        settings_url(agency),
        figures(
            default_hourly_value_low="£9",
            default_hourly_value_high="£30",
            default_discount_rate_low="1.5%",
            default_discount_rate_high="6",
            default_willingness_to_pay_low="1",
            default_willingness_to_pay_high="5k",
        ),
    )
    assert response.status_code == 302
    agency.refresh_from_db()
    assert (agency.default_hourly_value_low, agency.default_hourly_value_high) == (
        Decimal("9"),
        Decimal("30"),
    )
    assert (agency.default_discount_rate_low, agency.default_discount_rate_high) == (
        Decimal("1.5"),
        Decimal("6"),
    )
    assert (agency.default_willingness_to_pay_low, agency.default_willingness_to_pay_high) == (
        Decimal("1"),
        Decimal("5000"),
    )


def test_the_low_and_high_values_may_be_left_empty(client, owner, agency):
    agency.default_hourly_value_low = Decimal("5")
    agency.save()
    client.force_login(owner)
    assert client.post(settings_url(agency), figures()).status_code == 302
    agency.refresh_from_db()
    assert agency.default_hourly_value_low is None


def test_the_page_groups_the_low_and_high_values_and_says_what_they_are(client, owner, agency):
    client.force_login(owner)
    page = client.get(settings_url(agency)).content.decode()
    assert "Low and high values to try (optional)" in page
    assert "judgements, not estimates" in page
    assert "the value at which the choice would change" in page
    assert "half and one and a half times" in page
    for label in (
        "Value of an hour: low",
        "Value of an hour: high",
        "Discount rate: low",
        "Discount rate: high",
        "Value of a quality point: low",
        "Value of a quality point: high",
    ):
        assert label in page


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"default_hourly_value_low": "25"}, "default_hourly_value_low",
         "The low value of an hour must not be above the usual one"),
        ({"default_hourly_value_high": "10"}, "default_hourly_value_high",
         "The high value of an hour must not be below the usual one"),
        ({"default_discount_rate_high": "25%"}, "default_discount_rate_high",
         "Enter the high discount rate as 20 or less"),
        ({"default_discount_rate_low": "lots"}, "default_discount_rate_low",
         "Enter the low discount rate as a number"),
        ({"default_willingness_to_pay_low": "-1"}, "default_willingness_to_pay_low",
         "Enter the low value of a quality point as 0 or more"),
        ({"default_willingness_to_pay": "", "default_willingness_to_pay_low": "9",
          "default_willingness_to_pay_high": "3"}, "default_willingness_to_pay_high",
         "The high value of a quality point must not be below the low one"),
    ],
)  # fmt: skip
def test_low_and_high_values_out_of_order_or_range_get_plain_messages(
    client, owner, agency, changes, field, message
):
    client.force_login(owner)
    response = client.post(settings_url(agency), figures(**changes))
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert message in " ".join(response.context["form"].errors[field])
    for typed in changes.values():
        if typed:
            assert f'value="{typed}"' in page
    agency.refresh_from_db()
    assert agency.default_hourly_value == Decimal("20.00")  # nothing saved


def test_an_undecided_quality_point_may_still_have_low_and_high_values(client, owner, agency):
    client.force_login(owner)
    response = client.post(
        settings_url(agency),
        figures(
            default_willingness_to_pay="",
            default_willingness_to_pay_low="1",
            default_willingness_to_pay_high="4",
        ),
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    "changes",
    [
        {"default_hourly_value_low": Decimal("-1")},
        {"default_hourly_value_low": Decimal("25")},  # above the usual 20
        {"default_hourly_value_high": Decimal("19")},
        {"default_discount_rate_high": Decimal("21")},
        {"default_discount_rate_low": Decimal("4")},  # above the usual 3.5
        {"default_willingness_to_pay_high": Decimal("100001")},
        {"default_willingness_to_pay_low": Decimal("5"), "default_willingness_to_pay_high": 2},
    ],
)
def test_the_database_keeps_the_low_and_high_values_in_order_and_range(agency, changes):
    with pytest.raises(IntegrityError), transaction.atomic():
        Agency.objects.filter(pk=agency.pk).update(**changes)


def test_the_low_and_high_values_fit_the_agencys_constraints_at_their_limits(agency):
    Agency.objects.filter(pk=agency.pk).update(
        default_hourly_value_low=0,
        default_hourly_value_high=forms.HOURLY_VALUE_LIMIT,
        default_discount_rate_low=0,
        default_discount_rate_high=forms.DISCOUNT_RATE_LIMIT,
        default_willingness_to_pay_low=0,
        default_willingness_to_pay_high=forms.WILLINGNESS_TO_PAY_LIMIT,
    )
    agency.refresh_from_db()
    agency.full_clean()


# --- Whose costs reports lead with --------------------------------------------------------


def test_the_owner_chooses_which_choice_reports_lead_with(client, owner, agency):
    assert agency.headline_perspective == Perspective.FULL
    client.force_login(owner)
    response = client.post(settings_url(agency), figures(headline_perspective="agency"))
    assert response.status_code == 302
    agency.refresh_from_db()
    assert agency.headline_perspective == Perspective.AGENCY
    client.post(settings_url(agency), figures(headline_perspective="full"))
    agency.refresh_from_db()
    assert agency.headline_perspective == Perspective.FULL


def test_the_page_asks_the_question_in_plain_words_and_says_reports_show_both(
    client, owner, agency
):
    client.force_login(owner)
    page = client.get(settings_url(agency)).content.decode()
    assert "Which choice should reports lead with?" in page
    assert "The best choice counting everyone&#x27;s costs: the agency&#x27;s spending and the time and money co-producers give" in page  # fmt: skip
    assert "The best choice counting only the agency&#x27;s own spending" in page
    assert "Every report shows both" in page
    # A radio question, the agency's current choice ticked.
    assert re.search(r'type="radio"[^>]*name="headline_perspective" value="full"[^>]*checked', page)
    assert re.search(r'name="headline_perspective" value="agency"(?![^>]*checked)', page)


def test_a_form_without_the_question_keeps_the_agencys_choice(client, owner, agency):
    Agency.objects.filter(pk=agency.pk).update(headline_perspective=Perspective.AGENCY)
    client.force_login(owner)
    assert client.post(settings_url(agency), figures()).status_code == 302
    agency.refresh_from_db()
    assert agency.headline_perspective == Perspective.AGENCY


def test_an_unknown_choice_gets_a_plain_message(client, owner, agency):
    client.force_login(owner)
    response = client.post(settings_url(agency), figures(headline_perspective="clients"))
    assert response.status_code == 200
    assert response.context["form"].errors["headline_perspective"] == [
        "Choose one of the options in the list."
    ]
    agency.refresh_from_db()
    assert agency.headline_perspective == Perspective.FULL


def test_a_viewer_cannot_change_which_choice_reports_lead_with(client, viewer, agency):
    client.force_login(viewer)
    response = client.post(settings_url(agency), figures(headline_perspective="agency"))
    assert response.status_code == 403
    agency.refresh_from_db()
    assert agency.headline_perspective == Perspective.FULL
