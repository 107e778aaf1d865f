"""The options part of the wizard: the list, a page per option, and the quality grid."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.forms import STALE_MESSAGE, QualityGridForm
from assessments.models import Assessment, Option
from assessments.scoring import RATING_FIELDS
from tests import factories

COSTS = {
    "name": "Volunteers",
    "co_produced": "True",
    "setup_cost": "£2,600,000",
    "annual_agency_cost": "40k",
    "hours_per_client": "",
    "money_per_client": "",
    "clients_per_year": "1,000",
    "ramp_up_years": "",
    "confidence": "medium",
}


def url(name, assessment, option=None):
    args = [assessment.code] if option is None else [assessment.code, option.code]
    return reverse(f"assessments:{name}", args=args)


def statements(queries) -> list[str]:
    """The SQL a request ran, less the savepoints that only the test's own transaction adds
    (in production a transaction begins and ends without a statement of its own)."""
    return [q["sql"] for q in queries if "SAVEPOINT" not in q["sql"]]


def version_of(assessment) -> int:
    return Assessment.objects.get(pk=assessment.pk).version


def options_of(assessment) -> list[Option]:
    return list(Option.objects.filter(assessment=assessment))


def add(client, assessment, name, co_produced="True"):
    return client.post(
        url("add_option", assessment),
        {"name": name, "co_produced": co_produced, "version": version_of(assessment)},
    )


def save_option(client, assessment, option, query="", **answers):
    data = {**COSTS, **answers, "version": version_of(assessment)}
    return client.post(url("option", assessment, option) + query, data)


def rate_all(client, assessment, ratings: dict[str, int], query=""):
    data = {"version": version_of(assessment)}
    for option in options_of(assessment):
        for rating in RATING_FIELDS:
            data[QualityGridForm.field_name(rating, option)] = ratings.get(option.name, "")
    return client.post(url("quality", assessment) + query, data)


@pytest.fixture
def draft(owner, service):
    return factories.AssessmentFactory(service=service, author=owner)


def test_a_new_assessment_starts_with_co_production_and_what_happens_now(client, owner, service):
    client.force_login(owner)
    client.post(reverse("assessments:new"), {"service": service.code, "title": "Peers"})
    options = options_of(Assessment.objects.get(title="Peers"))
    assert [(o.name, o.co_produced, o.comparator) for o in options] == [
        ("With co-production", True, False),
        ("What happens now", False, True),
    ]


def test_adding_an_option_opens_its_page(client, owner, draft):
    client.force_login(owner)
    response = add(client, draft, "Online returns")
    added = Option.objects.get(assessment=draft, name="Online returns")
    assert response.url == url("option", draft, added)
    assert [o.name for o in options_of(draft)][-1] == "Online returns"
    assert version_of(draft) == 2


def test_at_most_six_options(client, owner, draft):
    client.force_login(owner)
    for number in range(4):
        add(client, draft, f"Way {number}")
    assert len(options_of(draft)) == 6
    response = add(client, draft, "One too many")
    assert response.status_code == 200
    assert "at most 6 options" in response.content.decode()
    assert len(options_of(draft)) == 6
    page = client.get(url("options", draft)).content.decode()
    assert "Add another option" not in page


def test_an_option_name_must_be_new(client, owner, draft):
    client.force_login(owner)
    response = add(client, draft, "what happens NOW")
    assert response.status_code == 200
    assert "Another option is already called" in response.content.decode()
    assert 'value="what happens NOW"' in response.content.decode()


def test_removing_options_keeps_two_a_comparator_and_a_co_produced_one(client, owner, draft):
    client.force_login(owner)
    co_produced, comparator = options_of(draft)
    for option in (co_produced, comparator):
        client.post(url("remove_option", draft, option), {"version": version_of(draft)})
    assert len(options_of(draft)) == 2  # never fewer than two
    add(client, draft, "Contracted provider", co_produced="False")
    client.post(url("remove_option", draft, comparator), {"version": version_of(draft)})
    client.post(url("remove_option", draft, co_produced), {"version": version_of(draft)})
    assert len(options_of(draft)) == 3  # not the comparator, nor the only co-produced one
    extra = Option.objects.get(name="Contracted provider")
    response = client.post(url("remove_option", draft, extra), {"version": version_of(draft)})
    assert response.status_code == 302
    assert [o.name for o in options_of(draft)] == ["With co-production", "What happens now"]


def test_moving_options_up_and_down(client, owner, draft):
    client.force_login(owner)
    add(client, draft, "Third")
    third = Option.objects.get(name="Third")
    client.post(url("option_up", draft, third), {"version": version_of(draft)})
    assert [o.name for o in options_of(draft)] == [
        "With co-production",
        "Third",
        "What happens now",
    ]
    first = options_of(draft)[0]
    client.post(url("option_down", draft, first), {"version": version_of(draft)})
    assert [o.name for o in options_of(draft)] == [
        "Third",
        "With co-production",
        "What happens now",
    ]


def test_choosing_another_comparator(client, owner, draft):
    client.force_login(owner)
    co_produced = options_of(draft)[0]
    client.post(url("make_comparator", draft, co_produced), {"version": version_of(draft)})
    assert [o.comparator for o in options_of(draft)] == [True, False]


def test_a_stale_change_to_the_options_is_refused(client, owner, draft):
    client.force_login(owner)
    co_produced = options_of(draft)[0]
    response = client.post(url("make_comparator", draft, co_produced), {"version": 99})
    assert response.status_code == 302
    assert [o.comparator for o in options_of(draft)] == [False, True]
    page = client.get(response.url).content.decode()
    assert "Someone else changed this assessment" in page


def test_the_database_holds_one_comparator_and_unique_positions(draft):
    with pytest.raises(IntegrityError), transaction.atomic():
        Option.objects.filter(assessment=draft).update(comparator=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        Option.objects.create(assessment=draft, position=1, name="Clash")
    with pytest.raises(IntegrityError), transaction.atomic():
        Option.objects.filter(assessment=draft).update(setup_cost=Decimal("100000000001"))


def test_an_option_page_saves_amounts_typed_as_people_write_them(client, owner, draft):
    client.force_login(owner)
    option = options_of(draft)[0]
    response = save_option(client, draft, option)
    assert response.status_code == 302
    assert response.url == url("option", draft, options_of(draft)[1])  # the next option
    option.refresh_from_db()
    assert option.name == "Volunteers"
    assert option.setup_cost == Decimal("2600000")
    assert option.annual_agency_cost == Decimal("40000")
    assert option.clients_per_year == 1000
    assert option.hours_per_client is None  # blank: people x hours from earlier


def test_the_last_option_page_leads_back_to_the_list(client, owner, draft):
    client.force_login(owner)
    last = options_of(draft)[1]
    response = save_option(client, draft, last, co_produced="False", name="Staff")
    assert response.url == url("options", draft)


@pytest.mark.parametrize(
    "field, typed, words",
    [
        ("setup_cost", "£2.6 maybe", "Enter the one-off set-up cost of With co-production"),
        ("annual_agency_cost", "-5", "cost to the agency each year of With co-production"),
        ("annual_agency_cost", "1e99", "as a number"),
        ("clients_per_year", "2.5", "as a whole number"),
        ("clients_per_year", "5bn", "1,000,000,000 or less"),
        ("hours_per_client", "lots", "hours given for each client of With co-production"),
        ("ramp_up_years", "25", "20 or less"),
    ],
)
def test_bad_figures_get_a_plain_message_naming_the_option(
    client, owner, draft, field, typed, words
):
    client.force_login(owner)
    option = options_of(draft)[0]
    response = save_option(
        client, draft, option, **{field: typed, "name": "With co-production"},
        description="Kept words",
    )  # fmt: skip
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert words in " ".join(response.context["form"].errors[field])
    assert f'value="{typed}"' in page  # what was typed is kept
    assert "Kept words</textarea>" in page  # and so is everything else
    assert version_of(draft) == 1


def test_the_only_co_produced_option_cannot_be_made_not_co_produced(client, owner, draft):
    client.force_login(owner)
    option = options_of(draft)[0]
    response = save_option(client, draft, option, co_produced="False")
    assert response.status_code == 200
    assert "At least one option must have co-producers" in response.content.decode()


def test_a_crossed_option_save_keeps_the_input_and_saves_on_the_second_try(client, owner, draft):
    client.force_login(owner)
    option = options_of(draft)[0]
    stale = version_of(draft)
    Assessment.objects.get(pk=draft.pk).save_answers((), stale)  # a colleague saves first
    data = {**COSTS, "version": stale, "name": "Mine"}
    response = client.post(url("option", draft, option), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert STALE_MESSAGE in page and 'value="Mine"' in page
    assert Option.objects.get(pk=option.pk).name == "With co-production"
    data["version"] = response.context["form"].data["version"]
    assert client.post(url("option", draft, option), data).status_code == 302
    assert Option.objects.get(pk=option.pk).name == "Mine"


def test_the_quality_grid_rates_every_option_side_by_side(client, owner, draft):
    client.force_login(owner)
    add(client, draft, "Third")
    page = client.get(url("quality", draft)).content.decode()
    for option in options_of(draft):
        assert f"Effectiveness: {option.name}" not in page  # labelled by the option's name
        assert f'id="id_effectiveness-{option.code.hex}"' in page
    response = rate_all(client, draft, {"With co-production": 4, "What happens now": 3, "Third": 5})
    assert response.url == reverse("assessments:outcomes", args=[draft.code])  # then on
    assert [o.ratings for o in options_of(draft)] == [(4,) * 4, (3,) * 4, (5,) * 4]


def test_a_bad_rating_names_the_option(client, owner, draft):
    client.force_login(owner)
    data = {"version": version_of(draft)}
    first = options_of(draft)[0]
    data[QualityGridForm.field_name("trust", first)] = "9"
    response = client.post(url("quality", draft), data)
    assert response.status_code == 200
    assert "trust and responsiveness of With co-production" in response.content.decode()


def test_continue_returns_to_check_your_answers_when_asked(client, owner, draft):
    client.force_login(owner)
    option = options_of(draft)[0]
    check = reverse("assessments:check", args=[draft.code])
    assert save_option(client, draft, option, query="?return=check").url == check
    assert rate_all(client, draft, {}, query="?return=check").url == check
    response = client.post(
        reverse("assessments:edit", args=[draft.code, "necessity"]) + "?return=check",
        {
            f"assessment_{draft.code}-current_step": "necessity",
            "necessity-version": version_of(draft),
            "necessity-necessity": "optional",
        },
    )
    assert response.url == check


def test_check_answers_lists_what_is_missing_with_links(client, owner, draft):
    client.force_login(owner)
    response = client.get(reverse("assessments:check", args=[draft.code]))
    missing = dict(response.context["missing"])
    option = options_of(draft)[0]
    key = "With co-production: One-off cost to set it up"
    assert key in missing
    # Answering it comes back to its row: check your answers at #answer-<row>.
    assert missing[key] == (
        url("option", draft, option)
        + f"?return=check&row=setup_cost-{option.code.hex}#id_setup_cost"
    )
    assert missing["The work: What work do the co-producers do?"].endswith(
        "?return=check&row=work_description#id_work-work_description"
    )


def _complete(service, owner, options, **answers):
    return factories.AssessmentFactory(
        service=service,
        author=owner,
        **factories.complete_answers(options=options, **answers),
    )


def _option(name, rating, annual, **answers):
    return factories.option_answers(
        name,
        setup_cost=Decimal("0"),
        annual_agency_cost=Decimal(annual),
        clients_per_year=1000,
        confidence="medium",
        **dict.fromkeys(RATING_FIELDS, rating),
        **answers,
    )


@pytest.mark.parametrize("count", [2, 6])
@pytest.mark.parametrize("necessity, relation", [("necessary", "replaces"), ("optional", "adds")])
def test_an_assessment_with_two_to_six_options_submits(
    client, owner, service, count, necessity, relation
):
    options = [
        _option(f"Way {n}", 1 + n % 5, 10_000 * (n + 1), co_produced=n != 1, comparator=n == 1)
        for n in range(count)
    ]
    assessment = _complete(service, owner, options, necessity=necessity, work_relation=relation)
    client.force_login(owner)
    page = client.get(reverse("assessments:check", args=[assessment.code])).content.decode()
    assert "Still to answer" not in page  # blank hours and money count as answered
    response = client.post(
        reverse("assessments:submit", args=[assessment.code]), {"version": assessment.version}
    )
    assert response.url == assessment.get_absolute_url()
    assert Assessment.objects.get(pk=assessment.pk).status == "submitted"
    options_page = client.get(assessment.get_absolute_url())
    assert options_page.status_code == 200


def test_adds_arrangements_call_the_comparator_the_service_without_it(client, owner, draft):
    Assessment.objects.filter(pk=draft.pk).update(work_relation="adds")
    client.force_login(owner)
    page = client.get(url("options", draft)).content.decode()
    assert "the service without it" in page


def test_saving_an_option_takes_at_most_nine_queries(client, owner, service):
    assessment = _complete(service, owner, [
        _option(f"Way {n}", 3, 1000 * (n + 1), co_produced=n != 1, comparator=n == 1)
        for n in range(6)
    ])  # fmt: skip
    client.force_login(owner)
    option = options_of(assessment)[0]
    data = {**COSTS, "version": assessment.version}
    with CaptureQueriesContext(connection) as queries:
        assert client.post(url("option", assessment, option), data).status_code == 302
    # session, user, assessment with role, its options, its outcome measures (none), the
    # conditional UPDATE of the assessment, one UPDATE of this option's answers and every
    # option's results, and the history: one INSERT for this option's row, one for the
    # assessment's
    assert len(statements(queries)) == 9, statements(queries)


def test_saving_a_wizard_section_takes_at_most_nine_queries(client, owner, service):
    assessment = _complete(service, owner, factories.complete_options())
    client.force_login(owner)
    data = {
        f"assessment_{assessment.code}-current_step": "value",
        "value-version": assessment.version,
        "value-private_value_strength": "3",
        "value-public_value_strength": "2",
    }
    with CaptureQueriesContext(connection) as queries:
        response = client.post(reverse("assessments:edit", args=[assessment.code, "value"]), data)
    assert response.status_code == 302
    # session, user, assessment with role, its options, its outcome measures (none), the
    # conditional UPDATE, the written answers' UPDATE, and the history (which cannot see UPDATEs, so the save writes it):
    # one INSERT for the assessment's row, one for the written answers'. The options'
    # results did not change, so they are not written; the wizard keeps nothing in the
    # session, so the session is not written either.
    assert len(statements(queries)) == 9, statements(queries)


@pytest.mark.parametrize(
    "name, needs_option, method",
    [
        ("options", False, "get"),
        ("quality", False, "get"),
        ("option", True, "get"),
        ("add_option", False, "post"),
        ("remove_option", True, "post"),
        ("option_up", True, "post"),
        ("option_down", True, "post"),
        ("make_comparator", True, "post"),
    ],
)
def test_outsiders_get_404_and_viewers_403(
    client, outsider, viewer, draft, name, needs_option, method
):
    option = options_of(draft)[0] if needs_option else None
    address = url(name, draft, option)
    client.force_login(outsider)
    assert getattr(client, method)(address).status_code == 404
    client.force_login(viewer)
    assert getattr(client, method)(address).status_code == 403
    client.logout()
    response = getattr(client, method)(address)
    assert response.status_code == 302 and "/accounts/login/" in response.url


@pytest.mark.parametrize("name", ["add_option", "remove_option", "option_up", "make_comparator"])
def test_get_on_a_post_only_option_view_is_405(client, owner, draft, name):
    client.force_login(owner)
    option = None if name == "add_option" else options_of(draft)[0]
    assert client.get(url(name, draft, option)).status_code == 405


def test_an_option_of_another_assessment_is_404(client, owner, draft, service):
    other = factories.AssessmentFactory(service=service, author=owner)
    client.force_login(owner)
    foreign = options_of(other)[0]
    assert client.get(url("option", draft, foreign)).status_code == 404


def test_renaming_an_option_in_the_same_post_names_it_so_in_the_messages(client, owner, draft):
    client.force_login(owner)
    option = options_of(draft)[0]
    response = save_option(client, draft, option, name="  Parent   volunteers ",
                           hours_per_client="lots")  # fmt: skip
    errors = " ".join(response.context["form"].errors["hours_per_client"])
    assert "hours given for each client of Parent volunteers" in errors
    assert option.name not in errors
    # A name too long to keep is refused by its own message; the others keep the saved name.
    response = save_option(client, draft, option, name="x" * 500, hours_per_client="lots")
    errors = " ".join(response.context["form"].errors["hours_per_client"])
    assert f"hours given for each client of {option.name}" in errors


def test_the_option_page_says_what_the_allowance_adds_to_its_costs(client, owner, draft):
    """At entry, not only in the report: 10%, 25% or 50% of the costs on the page."""
    option = draft.ordered_options[0]
    client.force_login(owner)
    page = client.get(url("option", draft, option)).content.decode()
    assert "Once you give the set-up and yearly costs, this says what the allowance adds" in page

    Option.objects.filter(pk=option.pk).update(
        setup_cost=Decimal("1400000"), annual_agency_cost=Decimal("2600000")
    )
    page = client.get(url("option", draft, option)).content.decode()
    assert (
        "With these costs, the allowance adds £140,000 to the set-up cost and £260,000 a year "
        "at high confidence; £350,000 and £650,000 a year at medium; or £700,000 and "
        "£1,300,000 a year at low." in page
    )
    assert 'id="allowance-note" aria-live="polite"' in page


def test_a_refused_option_page_works_out_the_allowance_from_what_was_typed(client, owner, draft):
    option = draft.ordered_options[0]
    client.force_login(owner)
    response = client.post(
        url("option", draft, option),
        {**COSTS, "version": version_of(draft), "clients_per_year": "many"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    # £2,600,000 and 40k as typed, though the page was refused for its clients.
    assert "adds £260,000 to the set-up cost and £4,000 a year at high confidence" in page
