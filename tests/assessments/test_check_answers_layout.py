"""Check your answers for a household recycling case with three options and ranges
(issue 23): grouped by section, ranges shown, blanks the scoring works out said in
words, counts in the singular when there is one, and Change returns to the row."""

import html
import re
from decimal import Decimal
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from assessments.models import Assessment, Option
from tests.assessments.recycling_case import recycling_case


@pytest.fixture
def case(owner, service):
    return recycling_case(service, owner)


def check_url(assessment) -> str:
    return reverse("assessments:check", args=[assessment.code])


def option_named(assessment, name) -> Option:
    return Option.objects.get(assessment=assessment, name=name)


def text_of(page: str) -> str:
    """The page's words as a reader sees them: no tags, one space between words."""
    words = re.sub(r"<[^>]+>", " ", page)
    return " ".join(html.unescape(words).split())


def row_text(page: str, key: str) -> str:
    """The words of the row with id answer-<key>, its hidden Change words left out."""
    match = re.search(rf'<div[^>]*id="answer-{re.escape(key)}"[^>]*>(.*?)</div>', page, re.S)
    assert match, f"no row answer-{key}"
    shown = re.sub(r'<span class="visually-hidden">.*?</span>', "", match.group(1), flags=re.S)
    return text_of(shown)


def page_of(client, assessment) -> str:
    response = client.get(check_url(assessment))
    assert response.status_code == 200
    return response.content.decode()


def form_data(form) -> dict:
    """What the page's form would send back unchanged."""
    data = {}
    for field in form:
        value = field.value()
        data[field.html_name] = "" if value is None else str(value)
    return data


# --- Grouped by section -------------------------------------------------------------------


def test_each_section_is_a_summary_list_under_its_heading(client, owner, case):
    client.force_login(owner)
    page = page_of(client, case)
    for slug, title in (
        ("work", "The work"),
        ("reciprocity", "What each side gives"),
        ("options", "Ways of doing the work"),
        ("quality", "Quality of each option"),
        ("appraisal", "How to weigh the options"),
    ):
        section = re.search(
            rf'<section[^>]*aria-labelledby="section-{slug}">(.*?)</section>', page, re.S
        )
        assert section, slug
        assert f'<h2 class="h4" id="section-{slug}">{title}' in section.group(1)
        assert '<dl class="summary-list' in section.group(1)


def test_each_option_is_one_card_in_the_options_and_in_the_quality_sections(client, owner, case):
    client.force_login(owner)
    page = page_of(client, case)
    for slug in ("options", "quality"):
        section = re.search(rf'aria-labelledby="section-{slug}">(.*?)</section>', page, re.S).group(
            1
        )
        headings = [h.strip() for h in re.findall(r'<h3 class="h6 card-header">([^<]+)', section)]
        assert headings == [
            "Kerbside sorting by households",
            "Mixed collection sorted at a plant",
            "Community recycling points",
        ]


def test_the_judgement_ends_are_one_row_with_their_judgement(client, owner, case):
    client.force_login(owner)
    page = page_of(client, case)
    assert 'id="answer-hourly_rate"' in page
    assert 'id="answer-hourly_rate_low"' not in page
    assert "Value of an hour: lowest" not in page


# --- Ranges shown -------------------------------------------------------------------------


def test_option_figures_read_with_their_ranges(client, owner, case):
    client.force_login(owner)
    page = page_of(client, case)
    kerbside = option_named(case, "Kerbside sorting by households").code.hex
    plant = option_named(case, "Mixed collection sorted at a plant").code.hex
    points = option_named(case, "Community recycling points").code.hex
    assert "£1,400,000 (£1,200,000 to £1,900,000)" in row_text(page, f"setup_cost-{kerbside}")
    assert "£600,000 (£500,000 to £750,000)" in row_text(page, f"annual_agency_cost-{kerbside}")
    assert "80% (70% to 90%)" in row_text(page, f"take_up-{kerbside}")
    assert "£2,100,000 (£1,800,000 to £2,500,000)" in row_text(page, f"annual_agency_cost-{plant}")
    assert "2.5 hours (2 to 4 hours)" in row_text(page, f"hours_per_client-{points}")
    # A figure without a range says what is used instead, and why.
    assert "£250,000 (range not given: £125,000 to £375,000, as it is a rough guess)" in (
        row_text(page, f"setup_cost-{points}")
    )
    assert "40,000 people (35,000 to 45,000 people)" in row_text(page, "clients_per_year")


def test_quality_ratings_read_with_their_lowest_and_highest(client, owner, case):
    client.force_login(owner)
    page = page_of(client, case)
    kerbside = option_named(case, "Kerbside sorting by households").code.hex
    plant = option_named(case, "Mixed collection sorted at a plant").code.hex
    assert "4 – very good (3 to 5)" in row_text(page, f"trust-{kerbside}")
    assert "3 – good (range not given: 2.5 to 3.5, as you are very sure)" in row_text(
        page, f"trust-{plant}"
    )


def test_value_judgements_read_with_the_values_they_are_tried_at(client, owner, case):
    Assessment.objects.filter(pk=case.pk).update(
        discount_rate_low=Decimal("1.5"), discount_rate_high=Decimal("6")
    )
    client.force_login(owner)
    page = page_of(client, case)
    assert "£15 (range not given: £7.50 to £22.50, half and one and a half times it)" in (
        row_text(page, "hourly_rate")
    )
    assert "3.5% (1.5% to 6%)" in row_text(page, "discount_rate")


# --- Computed defaults in words -----------------------------------------------------------


def test_blank_hours_say_how_they_are_worked_out(client, owner, case):
    client.force_login(owner)
    page = page_of(client, case)
    kerbside = option_named(case, "Kerbside sorting by households").code.hex
    assert "Not given: worked out as 40,000 × 9 = 360,000 hours a year in all" in row_text(
        page, f"hours_per_client-{kerbside}"
    )
    assert "Left blank" not in page


def test_blank_answers_without_a_sum_say_not_given(client, owner, case):
    client.force_login(owner)
    page = page_of(client, case)
    plant = option_named(case, "Mixed collection sorted at a plant").code.hex
    # No co-producers, so blank hours mean none: there is nothing to work out.
    assert row_text(page, f"hours_per_client-{plant}") == "Hours per client a year Not given Change"
    assert "worked out" not in row_text(page, f"hours_per_client-{plant}")
    assert "Not given: all of them, 40,000 people a year" in row_text(page, f"take_up-{plant}")
    assert "Not given" in row_text(page, "motivation_notes")


def test_blank_hours_before_the_people_are_given_say_they_will_be_worked_out(
    client, owner, service
):
    case = recycling_case(service, owner, co_producers_per_year=None)
    client.force_login(owner)
    page = page_of(client, case)
    kerbside = option_named(case, "Kerbside sorting by households").code.hex
    assert "once you give them" in row_text(page, f"hours_per_client-{kerbside}")


# --- Counts in the singular ---------------------------------------------------------------


def test_one_of_a_unit_is_said_in_the_singular(client, owner, service):
    case = recycling_case(service, owner, hours_per_co_producer=Decimal("1"))
    client.force_login(owner)
    page = page_of(client, case)
    kerbside = option_named(case, "Kerbside sorting by households").code.hex
    assert "1 year" in row_text(page, "appraisal_years")
    assert "1 year (range not given: 0 to 2 years" in row_text(page, f"ramp_up_years-{kerbside}")
    assert "1 hour" in row_text(page, "hours_per_co_producer")
    words = text_of(page)
    assert not re.search(r"\b1 (years|hours|people)\b", words)
    assert "3 years" in words


# --- Change returns to the row ------------------------------------------------------------


def test_each_change_link_names_its_row(client, owner, case):
    client.force_login(owner)
    page = page_of(client, case)
    option = option_named(case, "Kerbside sorting by households")
    key = f"setup_cost-{option.code.hex}"
    link = reverse("assessments:option", args=[case.code, option.code])
    assert f'href="{link}?return=check&amp;row={key}#id_setup_cost"' in page
    assert f'id="answer-{key}" tabindex="-1"' in page


def test_saving_an_option_returns_to_the_changed_row(client, owner, case):
    client.force_login(owner)
    option = option_named(case, "Kerbside sorting by households")
    key = f"setup_cost-{option.code.hex}"
    address = reverse("assessments:option", args=[case.code, option.code])
    address += f"?return=check&row={key}"
    data = form_data(client.get(address).context["form"])
    data["setup_cost"] = "1,500,000"
    response = client.post(address, data)
    assert response.status_code == 302
    assert response.url == f"{check_url(case)}#answer-{key}"
    assert option_named(case, option.name).setup_cost == Decimal("1500000")


def test_saving_a_section_returns_to_the_changed_row(client, owner, case):
    client.force_login(owner)
    address = reverse("assessments:edit", args=[case.code, "necessity"])
    response = client.post(
        f"{address}?return=check&row=necessity",
        {
            f"assessment_{case.code}-current_step": "necessity",
            "necessity-version": Assessment.objects.get(pk=case.pk).version,
            "necessity-necessity": "optional",
        },
    )
    assert response.url == f"{check_url(case)}#answer-necessity"


@pytest.mark.parametrize(
    "row", ["", "//evil.example/", "https://evil.example", "a b", "x" * 101, "<script>"]
)
def test_a_row_name_that_is_not_one_is_left_out(client, owner, case, row):
    client.force_login(owner)
    address = reverse("assessments:edit", args=[case.code, "necessity"])
    response = client.post(
        f"{address}?{urlencode({'return': 'check', 'row': row})}",
        {
            f"assessment_{case.code}-current_step": "necessity",
            "necessity-version": Assessment.objects.get(pk=case.pk).version,
            "necessity-necessity": "optional",
        },
    )
    assert response.url == check_url(case)
