"""Who the options serve: /assessments/<code>/options/people/, asked once for all options."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.forms import STALE_MESSAGE
from assessments.models import Assessment, Option
from assessments.scoring import LIMITS
from tests import factories


def people_url(assessment, query="") -> str:
    return reverse("assessments:people", args=[assessment.code]) + query


def options_url(assessment) -> str:
    return reverse("assessments:options", args=[assessment.code])


def option_url(assessment, option) -> str:
    return reverse("assessments:option", args=[assessment.code, option.code])


def check_url(assessment) -> str:
    return reverse("assessments:check", args=[assessment.code])


def fresh(assessment) -> Assessment:
    return Assessment.objects.get(pk=assessment.pk)


def say(client, assessment, query="", version=None, **answers):
    data = {
        "same_population": "True",
        "clients_per_year": "40,000",
        "clients_per_year_low": "",
        "clients_per_year_high": "",
        **answers,
        "version": fresh(assessment).version if version is None else version,
    }
    return client.post(people_url(assessment, query), data)


@pytest.fixture
def draft(owner, service):
    """A complete assessment (options that add to the service) whose people are unsaid."""
    return factories.AssessmentFactory(
        service=service, author=owner, **factories.complete_answers()
    )


@pytest.fixture
def plain_draft(owner, service):
    """A blank draft: nothing says whether the work adds to the service or is necessary."""
    return factories.AssessmentFactory(service=service, author=owner)


# --- Who may see and change it ------------------------------------------------------------


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_is_sent_to_sign_in(client, draft, method):
    response = getattr(client, method)(people_url(draft))
    assert response.status_code == 302 and "/accounts/login/" in response.url


@pytest.mark.parametrize("method", ["get", "post"])
def test_outsider_gets_404(client, outsider, draft, method):
    client.force_login(outsider)
    assert getattr(client, method)(people_url(draft)).status_code == 404


@pytest.mark.parametrize("method", ["get", "post"])
def test_viewer_gets_403_and_changes_nothing(client, viewer, draft, method):
    client.force_login(viewer)
    response = getattr(client, method)(
        people_url(draft), {"same_population": "True", "clients_per_year": "10", "version": 1}
    )
    assert response.status_code == 403
    assert fresh(draft).same_population is None


def test_a_submitted_assessment_cannot_be_changed_here(client, owner, draft):
    client.force_login(owner)
    assert draft.submit(draft.version)
    assert client.get(people_url(draft)).status_code == 404
    assert say(client, draft).status_code == 404
    assert fresh(draft).same_population is None


def test_other_methods_are_refused(client, owner, draft):
    client.force_login(owner)
    assert client.delete(people_url(draft)).status_code == 405


def test_the_page_takes_five_queries(client, owner, draft):
    client.force_login(owner)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(people_url(draft)).status_code == 200
    # session, user, the assessment with its service, agency, author and the manager's role,
    # its options (for the totals and how sure the people are), header agencies
    sql = [q["sql"] for q in queries if "SAVEPOINT" not in q["sql"]]
    assert len(sql) == 5, sql


# --- The questions and their default -------------------------------------------------------


def checked(response) -> str | None:
    return response.context["form"]["same_population"].value()


def test_with_or_without_work_defaults_to_the_same_people(client, owner, draft):
    assert draft.work_relation == "adds"
    client.force_login(owner)
    response = client.get(people_url(draft))
    assert checked(response) is True
    page = response.content.decode()
    assert "Do all the options serve the same people?" in page
    assert "How many people does the service serve in a year?" in page
    assert re.search(r'value="True"\s+id="id_same_population_0"[^>]*checked', page)
    assert not re.search(r'value="False"[^>]*checked', page)


def test_necessary_work_done_different_ways_defaults_to_the_same_people(client, owner, plain_draft):
    Assessment.objects.filter(pk=plain_draft.pk).update(
        necessity="necessary", work_relation="replaces"
    )
    client.force_login(owner)
    assert checked(client.get(people_url(plain_draft))) is True


def test_optional_work_that_replaces_other_work_has_no_default(client, owner, plain_draft):
    Assessment.objects.filter(pk=plain_draft.pk).update(
        necessity="optional", work_relation="replaces"
    )
    client.force_login(owner)
    assert checked(client.get(people_url(plain_draft))) is None


def test_an_answer_given_is_kept_over_the_default(client, owner, draft):
    Assessment.objects.filter(pk=draft.pk).update(same_population=False)
    client.force_login(owner)
    assert checked(client.get(people_url(draft))) is False


def test_the_range_is_folded_away_with_the_default_in_words(client, owner, draft):
    client.force_login(owner)
    page = client.get(people_url(draft)).content.decode()
    assert '<details class="ranges mt-4">' in page  # closed: no range given
    assert "How far might the number of people be out? (optional)" in page
    # Both options are "high" confidence: 10% either side.
    assert "Left empty, we use 90% to 110% of your figure" in page
    assert "The service's own record says about 1,000 a year." in page


# --- Saving -----------------------------------------------------------------------------------


def test_the_same_people_are_saved_and_the_options_list_says_so(client, owner, draft):
    client.force_login(owner)
    response = say(client, draft, clients_per_year="40k", clients_per_year_high="50,000")
    assert response.status_code == 302
    assert response.url == options_url(draft)
    saved = fresh(draft)
    assert saved.same_population is True
    assert (saved.clients_per_year, saved.clients_per_year_high) == (40_000, 50_000)
    assert saved.version == draft.version + 1
    page = client.get(options_url(draft)).content.decode()
    assert "The same 40,000 people a year for every option" in page
    assert "all of the people" in page  # blank take-up: the option reaches all of them


def test_saving_the_people_works_out_every_options_results_again(client, owner, draft):
    client.force_login(owner)
    say(client, draft, clients_per_year="2,000")
    # One hour for each client of "Parents at home", and now 2,000 clients a year.
    parents = Option.objects.get(assessment=draft, name="Parents at home")
    assert parents.result_hours_a_year == Decimal("2000")


def test_different_people_need_no_number(client, owner, draft):
    client.force_login(owner)
    response = say(client, draft, same_population="False", clients_per_year="")
    assert response.url == options_url(draft)
    saved = fresh(draft)
    assert saved.same_population is False and saved.clients_per_year is None
    page = client.get(options_url(draft)).content.decode()
    assert "Each option serves its own number of clients" in page
    assert "1,000 clients a year" in page


def test_the_options_list_asks_until_it_is_answered(client, owner, draft):
    client.force_login(owner)
    page = client.get(options_url(draft)).content.decode()
    assert "Who the options serve" in page
    assert "Not answered yet" in page
    assert f'href="{people_url(draft)}">Say who the options serve' in page
    say(client, draft)
    page = client.get(options_url(draft)).content.decode()
    assert "Say who the options serve" not in page
    assert f'href="{people_url(draft)}">Change' in page


def test_saying_who_the_options_serve_starts_the_options_section(client, owner, plain_draft):
    client.force_login(owner)
    tasks = reverse("assessments:tasks", args=[plain_draft.code])
    states = {s.slug: state for s, *_, state in client.get(tasks).context["sections"]}
    assert states["options"] == "not_started"
    say(client, plain_draft, same_population="False", clients_per_year="")
    states = {s.slug: state for s, *_, state in client.get(tasks).context["sections"]}
    assert states["options"] == "in_progress"


def test_the_same_people_without_a_number_leave_the_options_unfinished(client, owner, draft):
    client.force_login(owner)
    tasks = reverse("assessments:tasks", args=[draft.code])
    states = {s.slug: state for s, *_, state in client.get(tasks).context["sections"]}
    assert states["options"] == "complete"
    Assessment.objects.filter(pk=draft.pk).update(same_population=True)
    states = {s.slug: state for s, *_, state in client.get(tasks).context["sections"]}
    assert states["options"] == "in_progress"


def test_the_options_list_shows_each_options_share(client, owner, draft):
    Assessment.objects.filter(pk=draft.pk).update(same_population=True, clients_per_year=40_000)
    Option.objects.filter(assessment=draft, name="Parents at home").update(take_up=Decimal("80"))
    client.force_login(owner)
    page = client.get(options_url(draft)).content.decode()
    assert "80% of the people" in page
    assert "clients a year" not in page


def test_each_option_page_then_asks_its_share_rather_than_its_clients(client, owner, draft):
    client.force_login(owner)
    option = Option.objects.get(assessment=draft, name="Parents at home")
    form = client.get(option_url(draft, option)).context["form"]
    assert "clients_per_year" in form.fields and "take_up" not in form.fields
    say(client, draft, clients_per_year="40,000")
    form = client.get(option_url(draft, option)).context["form"]
    assert "take_up" in form.fields and "clients_per_year" not in form.fields
    assert "What share of the 40,000 people" in str(form.fields["take_up"].label)
    page = client.get(option_url(draft, option)).content.decode()
    assert "Every option serves the same 40,000 people a year" in page
    assert f'href="{people_url(draft)}">Change who the options serve' in page


# --- Mistakes -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "answers, field, message",
    [
        ({"same_population": ""}, "same_population", "Say whether all the options serve"),
        ({"same_population": "maybe"}, "same_population", "Say whether all the options serve"),
        ({"clients_per_year": ""}, "clients_per_year", "Enter how many people the service"),
        ({"clients_per_year": "lots"}, "clients_per_year", "Enter the number of people served"),
        ({"clients_per_year": "2.5"}, "clients_per_year", "as a whole number"),
        ({"clients_per_year": "5bn"}, "clients_per_year", "1,000,000,000 or less"),
        ({"clients_per_year_low": "50,000"}, "clients_per_year_low", "must not be more than"),
        ({"clients_per_year_high": "30,000"}, "clients_per_year_high", "must not be fewer than"),
        (
            {
                "clients_per_year": "",
                "same_population": "False",
                "clients_per_year_low": "9",
                "clients_per_year_high": "3",
            },
            "clients_per_year_high",
            "The most people must not be fewer than the fewest",
        ),  # fmt: skip
    ],
)
def test_mistakes_get_a_plain_message_and_keep_what_was_typed(
    client, owner, draft, answers, field, message
):
    client.force_login(owner)
    response = say(client, draft, **answers)
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page  # the error summary
    assert "<title>Error: " in page
    errors = " ".join(response.context["form"].errors[field])
    assert message in errors
    for name, typed in answers.items():
        if name != "same_population" and typed:
            assert f'value="{typed}"' in page
    assert fresh(draft).version == draft.version  # nothing saved


def test_the_range_opens_when_one_of_its_boxes_is_wrong(client, owner, draft):
    client.force_login(owner)
    page = say(client, draft, clients_per_year_low="lots").content.decode()
    assert '<details class="ranges mt-4" open>' in page


def test_a_number_that_makes_an_options_totals_too_large_is_refused(client, owner, draft):
    Option.objects.filter(assessment=draft, name="Parents at home").update(
        hours_per_client=Decimal("20")
    )
    client.force_login(owner)
    too_many = LIMITS.hours_a_year // 20 + 1
    response = say(client, draft, clients_per_year=str(too_many))
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["clients_per_year"])
    assert "the hours for each client of “Parents at home” add up to more than" in errors
    assert "Teaching assistants" not in errors
    assert fresh(draft).same_population is None
    # A share of the people keeps the total within bounds.
    Option.objects.filter(assessment=draft, name="Parents at home").update(take_up=Decimal("50"))
    assert say(client, draft, clients_per_year=str(too_many)).status_code == 302


def test_different_people_leave_the_options_totals_to_their_own_pages(client, owner, draft):
    Option.objects.filter(assessment=draft, name="Parents at home").update(
        hours_per_client=Decimal("20")
    )
    client.force_login(owner)
    response = say(
        client, draft, same_population="False", clients_per_year=str(LIMITS.clients_a_year)
    )
    assert response.status_code == 302


def test_a_crossed_save_is_refused_keeping_the_input_then_saves_on_the_second_try(
    client, owner, draft
):
    client.force_login(owner)
    stale = draft.version
    colleague = fresh(draft)
    assert colleague.save_answers(["necessity"], stale)
    response = say(client, draft, version=stale, clients_per_year="12,345")
    assert response.status_code == 200
    page = response.content.decode()
    assert STALE_MESSAGE in page
    assert 'value="12,345"' in page
    assert fresh(draft).clients_per_year is None
    # Pressing Continue again is a deliberate choice to save over the colleague's change.
    data = response.context["form"].data
    assert int(data["version"]) == stale + 1
    assert say(client, draft, version=stale + 1, clients_per_year="12,345").status_code == 302
    assert fresh(draft).clients_per_year == 12_345


# --- Check your answers -------------------------------------------------------------------------


def test_check_answers_shows_the_people_and_changes_them_there_and_back(client, owner, draft):
    client.force_login(owner)
    response = client.get(check_url(draft))
    page = response.content.decode()
    link = people_url(draft, "?return=check&amp;row=same_population") + "#id_same_population_0"
    assert f'href="{link}"' in page
    assert "Not said, so each option gives its own clients a year" in page
    # Through the Change link, Continue comes back here.
    form_page = client.get(people_url(draft, "?return=check")).content.decode()
    assert "Save and go back to check your answers" in form_page
    response = say(
        client, draft, query="?return=check&row=same_population", clients_per_year="40,000"
    )
    assert response.url == check_url(draft) + "#answer-same_population"
    page = client.get(check_url(draft)).content.decode()
    assert "How many people does the service serve in a year?" in page
    assert "40,000 people" in page
    assert "Still to answer" not in page


def test_check_answers_lists_the_missing_number_of_people(client, owner, draft):
    Assessment.objects.filter(pk=draft.pk).update(same_population=True)
    client.force_login(owner)
    response = client.get(check_url(draft))
    missing = dict(response.context["missing"])
    key = "Who the options serve: How many people does the service serve in a year?"
    assert missing[key] == (
        people_url(draft, "?return=check&row=clients_per_year") + "#id_clients_per_year"
    )
    assert "You cannot submit yet" in response.content.decode()


def test_check_answers_shows_each_options_figures_for_each_client_and_share(client, owner, draft):
    Assessment.objects.filter(pk=draft.pk).update(same_population=True, clients_per_year=40_000)
    Option.objects.filter(assessment=draft, name="Parents at home").update(
        take_up=Decimal("80"), hours_per_client=Decimal("7.5"), money_per_client=Decimal("12.5")
    )
    client.force_login(owner)
    response = client.get(check_url(draft))
    groups = {
        group.heading: {row.label: row.value for row in group.rows}
        for section, _, _, section_groups in response.context["sections"]
        if section.slug == "options"
        for group in section_groups
    }
    parents = groups["Parents at home"]
    assert parents["Hours per client a year"] == "7.5 hours"
    assert parents["Own money per client a year"] == "£12.50"
    assert parents["Share of people reached"] == "80%"
    assistants = groups["Teaching assistants in school"]
    assert assistants["Share of people reached"] == "Not given: all of them, 40,000 people a year"
    assert "Clients a year" not in parents
    assert groups["Who the options serve"]["Do all the options serve the same people?"] == "Yes"
