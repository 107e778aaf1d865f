"""The outcomes pages: adding an outcome at a published or an own value, giving each
option's effect, adopting a case's measured effect, removing one, and the price year."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.choices import Status
from assessments.forms import STALE_MESSAGE
from assessments.forms.outcomes import OWN_VALUE, OutcomeEffectsForm
from assessments.models import Assessment, OutcomeEffect, OutcomeMeasure
from assessments.models.outcome import MAX_OUTCOMES
from services.models import CaseEffect, CaseStatus, PriceIndex, ReferenceValue
from tests import factories


def url(name, assessment, outcome=None):
    args = [assessment.code] if outcome is None else [assessment.code, outcome.code]
    return reverse(f"assessments:{name}", args=args)


def version_of(assessment) -> int:
    return Assessment.objects.get(pk=assessment.pk).version


def reference_value(**fields) -> ReferenceValue:
    values = {
        "slug": "qaly",
        "name": "A quality-adjusted life year",
        "unit": "one QALY gained",
        "value": Decimal("20000"),
        "low": Decimal("20000"),
        "high": Decimal("30000"),
        "currency": "GBP",
        "price_year": 2022,
        "country": "United Kingdom",
        "source_title": "Health technology evaluations: the manual",
        "publisher": "NICE",
        "location": "Chapter 6",
        "source_year": 2022,
        "url": "https://www.nice.org.uk/process/pmg36",
        "status": CaseStatus.PUBLISHED,
        **fields,
    }
    return ReferenceValue.objects.create(**values)


def case_effect(**fields) -> CaseEffect:
    values = {
        "outcome": "Quality of life",
        "unit": "one QALY gained",
        "effect": Decimal("0.02"),
        "low": Decimal("-0.01"),
        "high": Decimal("0.05"),
        "spread": "ci95",
        "compared_with": "usual care",
        "population": "629 patients, six months",
        "study": "Tester et al. (2031), Journal of Examples",
        "url": "https://example.org/kennedy",
        **fields,
    }
    if "case" not in values:
        values["case"] = factories.CaseExampleFactory(title="Patients who test")
    return CaseEffect.objects.create(**values)


@pytest.fixture
def draft(owner, service):
    """A complete draft (both options costed and rated) with a value of a quality point."""
    return factories.AssessmentFactory(
        **factories.complete_answers(willingness_to_pay=Decimal("1")), service=service, author=owner
    )


@pytest.fixture
def qaly():
    return reference_value()


def add_reference(client, assessment, value):
    return client.post(
        url("add_outcome", assessment),
        {"reference_value": str(value.code), "version": version_of(assessment)},
    )


OWN = {
    "reference_value": OWN_VALUE,
    "name": "Falls at home prevented",
    "unit": "one fall",
    "unit_value": "£2.5k",
    "unit_value_low": "",
    "unit_value_high": "4,000",
    "price_year": "2023",
    "reason": "Our falls team's costing of an ambulance call-out and a hospital stay.",
    "source_url": "",
}


def effects_data(assessment, outcome, figures: dict, as_difference="True") -> dict:
    """The outcome page's fields: `figures` maps an option's name to (estimate, low, high,
    spread); options left out are left blank."""
    data = {"version": version_of(assessment), "as_difference": as_difference}
    for option in assessment.ordered_options:
        given = figures.get(option.name, ("", "", "", ""))
        for figure, value in zip(OutcomeEffectsForm.FIGURES, given, strict=True):
            data[OutcomeEffectsForm.field_name(figure, option)] = value
    return data


def only_outcome(assessment) -> OutcomeMeasure:
    return OutcomeMeasure.objects.get(assessment=assessment)


# --- Adding -----------------------------------------------------------------------------


def test_the_outcomes_page_explains_and_offers_to_add(client, owner, draft, qaly):
    client.force_login(owner)
    page = client.get(url("outcomes", draft)).content.decode()
    assert "crimes prevented" in page and "quality-adjusted life years" in page
    assert url("add_outcome", draft) in page
    assert "Which year&#x27;s prices are your figures in?" in page
    add_page = client.get(url("add_outcome", draft)).content.decode()
    assert "A quality-adjusted life year" in add_page
    assert "NICE (2022), Health technology evaluations: the manual, Chapter 6" in add_page
    assert "A value of your own" in add_page


def test_adding_a_reference_value_copies_its_figures_and_citation(client, owner, draft, qaly):
    client.force_login(owner)
    response = add_reference(client, draft, qaly)
    outcome = only_outcome(draft)
    assert response.url == url("outcome", draft, outcome)
    assert outcome.reference_value == qaly
    assert (outcome.name, outcome.unit) == ("A quality-adjusted life year", "one QALY gained")
    assert (outcome.unit_value, outcome.unit_value_low, outcome.unit_value_high) == (
        Decimal("20000"),
        Decimal("20000"),
        Decimal("30000"),
    )
    assert (outcome.currency, outcome.price_year) == ("GBP", 2022)
    assert outcome.source == "NICE (2022), Health technology evaluations: the manual, Chapter 6"
    assert outcome.source_url == "https://www.nice.org.uk/process/pmg36"
    assert outcome.price == Decimal("20000")  # no price year chosen: as published
    assert version_of(draft) == 2
    # A later correction of the library leaves the assessment's copy as it was.
    ReferenceValue.objects.filter(pk=qaly.pk).update(value=Decimal("25000"), publisher="X")
    outcome.refresh_from_db()
    assert outcome.unit_value == Decimal("20000") and outcome.source.startswith("NICE")


def test_only_published_values_in_the_agencys_currency_are_offered(client, owner, draft, qaly):
    dollars = reference_value(slug="aud", name="A life year in dollars", currency="AUD")
    draft_value = reference_value(slug="draft", name="Unpublished", status=CaseStatus.DRAFT)
    client.force_login(owner)
    page = client.get(url("add_outcome", draft)).content.decode()
    assert dollars.name not in page and draft_value.name not in page
    response = add_reference(client, draft, dollars)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not OutcomeMeasure.objects.exists()


def test_a_value_of_your_own_needs_a_reason(client, owner, draft):
    client.force_login(owner)
    response = client.post(
        url("add_outcome", draft), {**OWN, "reason": "", "version": version_of(draft)}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Say where your value comes from" in page
    assert 'value="£2.5k"' in page and 'value="Falls at home prevented"' in page
    assert not OutcomeMeasure.objects.exists()
    response = client.post(url("add_outcome", draft), {**OWN, "version": version_of(draft)})
    outcome = only_outcome(draft)
    assert response.url == url("outcome", draft, outcome)
    assert outcome.own_value and outcome.reason.startswith("Our falls team")
    assert (outcome.unit_value, outcome.unit_value_low, outcome.unit_value_high) == (
        Decimal("2500"),
        Decimal("2500"),
        Decimal("4000"),
    )
    assert (outcome.currency, outcome.price_year) == ("GBP", 2023)


@pytest.mark.parametrize(
    "answers, words",
    [
        ({"unit_value": "lots"}, "Enter the value of one unit as a number"),
        ({"unit_value_high": "2,000"}, "The highest value must not be below the value"),
        ({"price_year": "1850"}, "a year from 1900 to 2100"),
        ({"source_url": "javascript:alert(1)"}, "Enter the web address of the source"),
        ({"name": ""}, "Enter what changes"),
    ],
)
def test_bad_own_values_get_messages_beside_the_fields(client, owner, draft, answers, words):
    client.force_login(owner)
    data = {**OWN, **answers, "version": version_of(draft)}
    response = client.post(url("add_outcome", draft), data)
    assert response.status_code == 200
    assert words in response.content.decode()
    assert not OutcomeMeasure.objects.exists()


def test_choosing_nothing_and_adding_twice_are_refused(client, owner, draft, qaly):
    client.force_login(owner)
    response = client.post(url("add_outcome", draft), {"version": version_of(draft)})
    assert "Choose a published value, or a value of your own" in response.content.decode()
    add_reference(client, draft, qaly)
    response = add_reference(client, draft, qaly)
    assert response.status_code == 200
    assert "You have already added an outcome called" in response.content.decode()
    assert OutcomeMeasure.objects.count() == 1


def test_at_most_six_outcomes(client, owner, draft):
    client.force_login(owner)
    for number in range(MAX_OUTCOMES):
        client.post(
            url("add_outcome", draft),
            {**OWN, "name": f"Way {number}", "version": version_of(draft)},
        )
    assert OutcomeMeasure.objects.count() == MAX_OUTCOMES
    page = client.get(url("outcomes", draft)).content.decode()
    assert "Add an outcome" not in page
    response = client.post(
        url("add_outcome", draft), {**OWN, "name": "One more", "version": version_of(draft)}
    )
    assert "at most 6 outcomes" in response.content.decode()
    assert OutcomeMeasure.objects.count() == MAX_OUTCOMES


# --- Effects ----------------------------------------------------------------------------


def test_effects_with_an_interval_are_saved_and_change_the_net_benefit(client, owner, draft, qaly):
    client.force_login(owner)
    add_reference(client, draft, qaly)
    outcome = only_outcome(draft)
    parents = draft.ordered_options[0]
    before = Assessment.objects.get(pk=draft.pk).options.get(pk=parents.pk).result_net_benefit
    data = effects_data(draft, outcome, {"Parents at home": ("0.02", "-0.01", "0.05", "ci95")})
    response = client.post(url("outcome", draft, outcome), data)
    assert response.status_code == 302
    assert response.url == url("outcomes", draft)
    effect = OutcomeEffect.objects.get(outcome=outcome)
    assert effect.option == parents
    assert (effect.estimate, effect.low, effect.high, effect.spread) == (
        Decimal("0.02"),
        Decimal("-0.01"),
        Decimal("0.05"),
        "ci95",
    )
    after = Assessment.objects.get(pk=draft.pk).options.get(pk=parents.pk)
    # 0.02 QALYs x 1,000 clients x £20,000 = £400,000 a year, over three years discounted.
    assert after.result_net_benefit > before + Decimal("1000000")
    assert after.result_outcome_value > 0
    page = client.get(url("outcomes", draft)).content.decode()
    assert "0.02 (-0.01 to 0.05) more than" in page
    assert "£20,000 for one QALY gained (£20,000 to £30,000)" in page


@pytest.mark.parametrize(
    "figures, words",
    [
        (("0.02", "0.03", "0.05", "ci95"), "must not be above the change"),
        (("0.02", "-0.01", "", "ci95"), "Enter the highest change"),
        (("0.02", "-0.01", "0.05", ""), "Say what the lowest and highest"),
        (("", "-0.01", "0.05", "range"), "Enter the change in"),
        (("a few", "", "", ""), "as a number"),
        (("2m", "", "", ""), "1,000,000 or less"),
    ],
)
def test_bad_effects_get_messages_naming_the_option(client, owner, draft, qaly, figures, words):
    client.force_login(owner)
    add_reference(client, draft, qaly)
    outcome = only_outcome(draft)
    version = version_of(draft)
    data = effects_data(draft, outcome, {"Parents at home": figures})
    response = client.post(url("outcome", draft, outcome), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert words in page and "for Parents at home" in page
    assert f'value="{figures[0]}"' in page or not figures[0]  # what was typed is kept
    assert not OutcomeEffect.objects.exists() and version_of(draft) == version


def test_the_comparator_is_asked_only_for_levels(client, owner, draft, qaly):
    client.force_login(owner)
    add_reference(client, draft, qaly)
    outcome = only_outcome(draft)
    comparator = draft.ordered_options[1]
    field = OutcomeEffectsForm.field_name("estimate", comparator)
    assert f'name="{field}"' not in client.get(url("outcome", draft, outcome)).content.decode()
    data = effects_data(draft, outcome, {"Parents at home": ("0.7", "", "", "")}, "False")
    response = client.post(url("outcome", draft, outcome), data)
    assert response.url == url("outcome", draft, outcome)  # now give the comparator's level
    assert f'name="{field}"' in client.get(response.url).content.decode()
    outcome.refresh_from_db()
    assert not outcome.as_difference


def test_a_stale_effects_save_is_refused_with_the_typed_figures_kept(client, owner, draft, qaly):
    client.force_login(owner)
    add_reference(client, draft, qaly)
    outcome = only_outcome(draft)
    data = effects_data(draft, outcome, {"Parents at home": ("0.03", "", "", "")})
    Assessment.objects.get(pk=draft.pk).save_answers((), data["version"])  # a colleague saves
    response = client.post(url("outcome", draft, outcome), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert STALE_MESSAGE in page and 'value="0.03"' in page
    assert not OutcomeEffect.objects.exists()
    data["version"] = response.context["form"].data["version"]
    assert client.post(url("outcome", draft, outcome), data).status_code == 302
    assert OutcomeEffect.objects.get().estimate == Decimal("0.03")


def test_a_stale_price_year_or_removal_is_refused(client, owner, draft, qaly):
    client.force_login(owner)
    add_reference(client, draft, qaly)
    response = client.post(url("outcomes", draft), {"price_year": "", "version": 1})
    assert response.status_code == 302  # unchanged: nothing to save, so nothing refused
    year = timezone.now().year
    response = client.post(url("outcomes", draft), {"price_year": year, "version": 1})
    assert response.status_code == 200 and STALE_MESSAGE in response.content.decode()
    assert Assessment.objects.get(pk=draft.pk).price_year is None
    outcome = only_outcome(draft)
    response = client.post(url("remove_outcome", draft, outcome), {"version": 1})
    assert "Someone else changed this assessment" in client.get(response.url).content.decode()
    assert OutcomeMeasure.objects.filter(pk=outcome.pk).exists()


# --- Adopting a case's measured effect ------------------------------------------------------


def test_adopting_a_case_effect_copies_it_and_a_later_edit_changes_nothing(
    client, owner, draft, qaly
):
    study = case_effect()
    client.force_login(owner)
    add_reference(client, draft, qaly)
    outcome = only_outcome(draft)
    page = client.get(url("outcome", draft, outcome)).content.decode()
    assert "Tester et al. (2031), Journal of Examples" in page and "Use this effect" in page
    response = client.post(
        url("adopt_effect", draft, outcome), {"effect": study.pk, "version": version_of(draft)}
    )
    assert response.url == url("outcome", draft, outcome)
    effect = OutcomeEffect.objects.get(outcome=outcome)  # the co-produced option only
    assert effect.option.name == "Parents at home"
    assert (effect.estimate, effect.low, effect.high, effect.spread) == (
        Decimal("0.02"),
        Decimal("-0.01"),
        Decimal("0.05"),
        "ci95",
    )
    outcome.refresh_from_db()
    assert (
        outcome.evidence
        == "Tester et al. (2031), Journal of Examples (case example: Patients who test)"
    )
    assert outcome.evidence_case == study and outcome.as_difference
    net_benefit = Assessment.objects.get(pk=draft.pk).options.get(pk=effect.option_id)
    net_benefit = net_benefit.result_net_benefit

    CaseEffect.objects.filter(pk=study.pk).update(
        effect=Decimal("0.5"), low=Decimal("0.4"), high=Decimal("0.6"), study="Changed"
    )
    effect.refresh_from_db()
    outcome.refresh_from_db()
    assert effect.estimate == Decimal("0.02")
    assert outcome.evidence.startswith("Tester et al.")
    option = Assessment.objects.get(pk=draft.pk).options.get(pk=effect.option_id)
    assert option.result_net_benefit == net_benefit
    page = client.get(url("outcome", draft, outcome)).content.decode()
    assert "copied from Tester et al. (2031), Journal of Examples" in page


def test_changing_an_adopted_figure_makes_it_your_own(client, owner, draft, qaly):
    study = case_effect()
    client.force_login(owner)
    add_reference(client, draft, qaly)
    outcome = only_outcome(draft)
    client.post(
        url("adopt_effect", draft, outcome), {"effect": study.pk, "version": version_of(draft)}
    )
    same = effects_data(draft, outcome, {"Parents at home": ("0.02", "-0.01", "0.05", "ci95")})
    client.post(url("outcome", draft, outcome), same)
    outcome.refresh_from_db()
    assert outcome.evidence  # saved as adopted: still the study's
    changed = effects_data(draft, outcome, {"Parents at home": ("0.03", "", "", "")})
    client.post(url("outcome", draft, outcome), changed)
    outcome.refresh_from_db()
    assert outcome.evidence == "" and outcome.evidence_case is None


def test_an_unpublished_or_unknown_case_effect_cannot_be_adopted(client, owner, draft, qaly):
    hidden = case_effect(case=factories.CaseExampleFactory(draft=True))
    client.force_login(owner)
    add_reference(client, draft, qaly)
    outcome = only_outcome(draft)
    assert "Tester et al." not in client.get(url("outcome", draft, outcome)).content.decode()
    for effect in (hidden.pk, "nonsense"):
        response = client.post(
            url("adopt_effect", draft, outcome), {"effect": effect, "version": version_of(draft)}
        )
        assert response.status_code == 302
    assert not OutcomeEffect.objects.exists()


def test_a_stale_adoption_is_refused(client, owner, draft, qaly):
    study = case_effect()
    client.force_login(owner)
    add_reference(client, draft, qaly)
    outcome = only_outcome(draft)
    response = client.post(url("adopt_effect", draft, outcome), {"effect": study.pk, "version": 1})
    assert "Someone else changed this assessment" in client.get(response.url).content.decode()
    assert not OutcomeEffect.objects.exists()
    assert only_outcome(draft).evidence == ""


# --- Removing, the price year, the task list and check your answers -----------------------


def test_removing_an_outcome_asks_first(client, owner, draft, qaly):
    client.force_login(owner)
    add_reference(client, draft, qaly)
    outcome = only_outcome(draft)
    page = client.get(url("remove_outcome", draft, outcome)).content.decode()
    assert "Remove “A quality-adjusted life year”?" in page
    response = client.post(url("remove_outcome", draft, outcome), {"version": version_of(draft)})
    assert response.url == url("outcomes", draft)
    assert not OutcomeMeasure.objects.exists()


def test_the_price_year_brings_every_value_to_it(client, owner, draft, qaly):
    for year, index in ((2022, "100"), (2024, "110")):
        PriceIndex.objects.create(currency="GBP", year=year, index=Decimal(index), source="ONS")
    client.force_login(owner)
    add_reference(client, draft, qaly)
    page = client.get(url("outcomes", draft)).content.decode()
    assert '<option value="2024">2024</option>' in page
    response = client.post(url("outcomes", draft), {"price_year": "2024", "version": 2})
    assert response.url == reverse("assessments:edit", args=[draft.code, "appraisal"])
    outcome = only_outcome(draft)
    assert Assessment.objects.get(pk=draft.pk).price_year == 2024
    assert (outcome.price, outcome.price_high) == (Decimal("22000.00"), Decimal("33000.00"))
    assert "the GDP deflator, 2024 over 2022" in outcome.conversion
    response = client.post(url("outcomes", draft), {"price_year": "1066", "version": 3})
    assert "Choose a year from the list" in response.content.decode()


def test_the_task_list_and_check_answers_show_the_outcomes(client, owner, draft, qaly):
    client.force_login(owner)
    tasks = client.get(url("tasks", draft)).content.decode()
    assert "Outcomes (optional)" in tasks and "Optional" in tasks
    assert tasks.index("Quality of each option") < tasks.index("Outcomes (optional)")
    assert tasks.index("Outcomes (optional)") < tasks.index("How to weigh the options")
    add_reference(client, draft, qaly)
    outcome = only_outcome(draft)
    assert "1 added" in client.get(url("tasks", draft)).content.decode()
    check = client.get(url("check", draft)).content.decode()
    assert "A quality-adjusted life year" in check
    assert url("outcome", draft, outcome) + "?return=check" in check
    data = effects_data(draft, outcome, {"Parents at home": ("0.02", "", "", "")})
    response = client.post(url("outcome", draft, outcome) + "?return=check", data)
    assert response.url == url("check", draft)


# --- Who may do what ----------------------------------------------------------------------


@pytest.fixture
def with_outcome(client, owner, draft, qaly):
    client.force_login(owner)
    add_reference(client, draft, qaly)
    client.logout()
    return only_outcome(draft)


PAGES = [
    ("outcomes", False, ("get", "post")),
    ("add_outcome", False, ("get", "post")),
    ("outcome", True, ("get", "post")),
    ("adopt_effect", True, ("post",)),
    ("remove_outcome", True, ("get", "post")),
]


@pytest.mark.parametrize("name, of_outcome, methods", PAGES)
def test_anonymous_signs_in_outsiders_get_404_and_viewers_403(
    client, outsider, viewer, draft, with_outcome, name, of_outcome, methods
):
    address = url(name, draft, with_outcome if of_outcome else None)
    for method in methods:
        assert getattr(client, method)(address).url.startswith(reverse("login"))
    client.force_login(outsider)
    for method in methods:
        assert getattr(client, method)(address).status_code == 404
    client.force_login(viewer)
    for method in methods:
        assert getattr(client, method)(address).status_code == 403


def test_get_on_the_adopt_view_is_405(client, owner, draft, with_outcome):
    client.force_login(owner)
    assert client.get(url("adopt_effect", draft, with_outcome)).status_code == 405


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.ARCHIVED])
def test_submitted_and_archived_assessments_answer_404(client, owner, draft, with_outcome, status):
    Assessment.objects.filter(pk=draft.pk).update(status=status, submitted_at=timezone.now())
    client.force_login(owner)
    for name, of_outcome, _ in PAGES:
        address = url(name, draft, with_outcome if of_outcome else None)
        assert client.post(address).status_code == 404


def test_an_outcome_of_another_assessment_is_404(client, owner, draft, service, with_outcome):
    other = factories.AssessmentFactory(service=service, author=owner)
    client.force_login(owner)
    assert client.get(url("outcome", other, with_outcome)).status_code == 404


# --- Queries ------------------------------------------------------------------------------


def test_the_pages_take_a_bounded_number_of_queries(
    client, owner, draft, qaly, django_assert_max_num_queries
):
    for number in range(3):
        case_effect(case=factories.CaseExampleFactory(title=f"Case {number}"))
    client.force_login(owner)
    add_reference(client, draft, qaly)
    outcome = only_outcome(draft)
    client.post(
        url("outcome", draft, outcome),
        effects_data(draft, outcome, {"Parents at home": ("0.02", "0", "0.04", "range")}),
    )
    # Session, user; the assessment with its role; its options; the outcomes and their
    # effects; the price index's years; the user's agencies for the navigation.
    with django_assert_max_num_queries(8):
        client.get(url("outcomes", draft))
    # ... the reference values, not the price years.
    with django_assert_max_num_queries(8):
        client.get(url("add_outcome", draft))
    # ... the published cases' effects with their cases, in one query however many.
    with django_assert_max_num_queries(8):
        client.get(url("outcome", draft, outcome))
    # A save: the page's reads, the outcome, each option's effect, the outcomes read again
    # for the scoring, the conditional update, the options' results and the history rows.
    data = effects_data(draft, outcome, {"Parents at home": ("0.03", "0", "0.04", "range")})
    with django_assert_max_num_queries(20):
        assert client.post(url("outcome", draft, outcome), data).status_code == 302


def test_the_task_list_and_check_answers_read_the_outcomes_once(
    client, owner, draft, qaly, django_assert_max_num_queries
):
    client.force_login(owner)
    add_reference(client, draft, qaly)
    # Session, user, the assessment with its role, its options, header agencies, and the
    # outcomes with their effects (read once, for the scoring and the page alike).
    for name in ("tasks", "check"):
        with django_assert_max_num_queries(7):
            assert client.get(url(name, draft)).status_code == 200
