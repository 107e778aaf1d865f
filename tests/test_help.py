"""The glossary at /help/, and the hints that link to it."""

import re

import pytest
from django.urls import reverse

from coprod_site.glossary import GLOSSARY, TERMS, term_link
from tests import factories


def test_the_glossary_answers_anyone_and_explains_every_term(client, db):
    response = client.get("/help/")
    assert response.status_code == 200
    page = response.content.decode()
    for _, entries in GLOSSARY:
        for anchor, term, _ in entries:
            assert f'id="{anchor}"' in page
            assert term.replace("'", "&#x27;") in page


def test_the_header_links_to_help(client, owner):
    client.force_login(owner)
    assert 'href="/help/"' in client.get("/").content.decode()


def test_a_term_link_points_at_its_entry():
    # In a new tab, saying so: followed from a hint, it must not lose what was typed.
    assert term_link("discount-rate") == (
        '<a href="/help/#discount-rate" target="_blank" rel="noopener">Discount rate '
        "(opens in a new tab)</a>"
    )
    with pytest.raises(KeyError):
        term_link("no-such-term")


@pytest.mark.parametrize(
    "step, anchors",
    [
        ("work", ["participation", "level"]),
        ("value", ["private-value", "public-value"]),
        ("necessity", ["necessary"]),
        ("motivations", ["material", "intrinsic", "social", "normative", "sanctions"]),
        ("appraisal", ["discount-rate", "willingness-to-pay", "people-s-time"]),
    ],
)
def test_hints_link_their_terms_to_the_glossary(client, owner, service, step, anchors):
    draft = factories.AssessmentFactory(service=service, author=owner)
    client.force_login(owner)
    page = client.get(reverse("assessments:edit", args=[draft.code, step])).content.decode()
    for anchor in anchors:
        assert f'href="/help/#{anchor}"' in page


def test_an_option_page_links_take_up_and_the_allowance_for_optimism(client, owner, service):
    draft = factories.AssessmentFactory(service=service, author=owner)
    option = draft.ordered_options[0]
    client.force_login(owner)
    page = client.get(reverse("assessments:option", args=[draft.code, option.code]))
    text = page.content.decode()
    assert 'href="/help/#take-up"' in text and 'href="/help/#optimism-bias"' in text
    # The agency's currency sign sits beside each money box.
    assert re.search(r'<span class="input-group-text">£</span>', text)


def test_every_anchor_used_in_the_code_exists():
    import pathlib

    used = set()
    for path in pathlib.Path(".").glob("**/*.py"):
        if ".venv" in path.parts or "tests" in path.parts:
            continue
        used |= set(re.findall(r"term_link\(['\"]([a-z-]+)['\"]", path.read_text()))
    assert used and used <= set(TERMS)


def test_a_bad_choice_names_the_question(client, owner, service):
    draft = factories.AssessmentFactory(service=service, author=owner)
    client.force_login(owner)
    response = client.post(
        reverse("assessments:edit", args=[draft.code, "necessity"]),
        {
            f"assessment_{draft.code}-current_step": "necessity",
            "necessity-version": draft.version,
            "necessity-necessity": "perhaps",
        },
    )
    errors = response.context["form"].errors["necessity"]
    assert errors == [
        "Choose one of the answers to “Could the service work without the co-producers' part”"
    ]
