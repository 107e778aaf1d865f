from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessments.forms import STALE_MESSAGE
from assessments.models import Assessment, AssessmentText
from assessments.sections import SECTIONS_BY_SLUG, SectionState
from tests import factories


def edit_url(assessment, step):
    return reverse("assessments:edit", args=[assessment.code, step])


def post_section(client, assessment, step, answers, version=None):
    """Post one wizard page as the browser would, with the step's form prefix."""
    data = {f"assessment_{assessment.code}-current_step": step}
    if version is None:
        version = Assessment.objects.get(pk=assessment.pk).version
    data[f"{step}-version"] = version
    for name, value in answers.items():
        data[f"{step}-{name}"] = value
    return client.post(edit_url(assessment, step), data)


@pytest.fixture
def draft(owner, service):
    return factories.AssessmentFactory(
        service=service, author=owner, hourly_rate=Decimal("12"), appraisal_years=5
    )


def test_manager_starts_an_assessment_with_agency_defaults(client, owner, service, agency):
    client.force_login(owner)
    response = client.post(
        reverse("assessments:new"), {"service": service.code, "title": "Peer supporters"}
    )
    assessment = Assessment.objects.get(title="Peer supporters")
    assert response.url == reverse("assessments:tasks", args=[assessment.code])
    assert assessment.author == owner and assessment.status == "draft"
    assert assessment.hourly_rate == agency.default_hourly_value
    assert assessment.discount_rate == agency.default_discount_rate


def test_a_new_assessment_takes_the_agencys_low_and_high_values_too(client, owner, service, agency):
    agency.default_hourly_value = Decimal("20")
    agency.default_willingness_to_pay = Decimal("2.50")
    agency.default_hourly_value_low = Decimal("12")
    agency.default_hourly_value_high = Decimal("30")
    agency.default_discount_rate_low = Decimal("1.5")
    agency.default_discount_rate_high = Decimal("6")
    agency.default_willingness_to_pay_low = Decimal("1")
    agency.default_willingness_to_pay_high = Decimal("5")
    agency.save()
    client.force_login(owner)
    client.post(reverse("assessments:new"), {"service": service.code, "title": "Peers"})
    assessment = Assessment.objects.get(title="Peers")
    assert (assessment.hourly_rate_low, assessment.hourly_rate, assessment.hourly_rate_high) == (
        Decimal("12"),
        Decimal("20"),
        Decimal("30"),
    )
    assert (assessment.discount_rate_low, assessment.discount_rate_high) == (
        Decimal("1.5"),
        Decimal("6"),
    )
    assert (
        assessment.willingness_to_pay_low,
        assessment.willingness_to_pay,
        assessment.willingness_to_pay_high,
    ) == (Decimal("1"), Decimal("2.50"), Decimal("5"))
    # The appraisal page shows them, ready to change.
    page = client.get(edit_url(assessment, "appraisal")).content.decode()
    assert 'value="12"' in page and 'value="5"' in page


def test_an_agency_without_low_and_high_values_leaves_them_blank(client, owner, service):
    client.force_login(owner)
    client.post(reverse("assessments:new"), {"service": service.code, "title": "Peers"})
    assessment = Assessment.objects.get(title="Peers")
    for name in ("hourly_rate", "discount_rate", "willingness_to_pay"):
        assert getattr(assessment, f"{name}_low") is None
        assert getattr(assessment, f"{name}_high") is None


def test_new_assessment_needs_a_title_and_keeps_the_choice(client, owner, service):
    client.force_login(owner)
    response = client.post(reverse("assessments:new"), {"service": service.code, "title": ""})
    assert response.status_code == 200
    assert b"There is a problem" in response.content
    assert f'value="{service.code}" selected'.encode() in response.content


def test_new_assessment_offers_only_services_the_user_manages(
    client, owner, service, other_service
):
    client.force_login(owner)
    response = client.post(
        reverse("assessments:new"), {"service": other_service.code, "title": "Sneaky"}
    )
    assert response.status_code == 200
    assert not Assessment.objects.filter(title="Sneaky").exists()


@pytest.mark.parametrize("code", ["sNaN", "-1", "\x00", "1" * 300])
def test_a_garbled_service_in_the_address_is_ignored(client, owner, service, code):
    # It was looked up as a code, which failed (a 500, found by tests/test_fuzz.py).
    client.force_login(owner)
    response = client.get(reverse("assessments:new"), {"service": code})
    assert response.status_code == 200
    assert response.context["form"]["service"].value() is None


def test_viewer_cannot_start_an_assessment(client, viewer):
    client.force_login(viewer)
    assert client.get(reverse("assessments:new")).status_code == 403


def test_someone_with_no_agency_gets_404_for_a_new_assessment(client, db):
    client.force_login(factories.UserFactory())
    assert client.get(reverse("assessments:new")).status_code == 404


def test_continue_saves_the_section_to_the_database(client, owner, draft):
    client.force_login(owner)
    response = post_section(
        client,
        draft,
        "value",
        {"private_value_strength": 3, "public_value_strength": 1,
         "private_value_description": "Better reading"},
    )  # fmt: skip
    assert response.status_code == 302
    assert response.url == edit_url(draft, "necessity")
    draft.refresh_from_db()
    assert (draft.private_value_strength, draft.public_value_strength) == (3, 1)
    assert draft.result_value_type == "both"
    assert draft.version == 2


@pytest.mark.parametrize("named", ["=cmd|' /C calc'!A0", "done", "options", "x" * 300])
def test_a_page_that_names_no_section_gets_400_and_saves_nothing(client, owner, draft, named):
    # formtools looked the name up and failed (a 500, found by tests/test_fuzz.py).
    client.force_login(owner)
    data = {
        f"assessment_{draft.code}-current_step": named,
        "work-version": draft.version,
        "work-level": "group",
    }
    response = client.post(edit_url(draft, "work"), data)
    assert response.status_code == 400
    assert "Something in that request was wrong" in response.content.decode()
    assert Assessment.objects.get(pk=draft.pk).version == draft.version


def test_a_draft_resumes_on_another_device_with_its_answers(client, owner, draft):
    client.force_login(owner)
    post_section(client, draft, "necessity", {"necessity": "optional", "necessity_reason": "X"})
    client.logout()
    client.force_login(owner)  # a new session, as on another device
    response = client.get(edit_url(draft, "necessity"))
    assert response.context["form"]["necessity"].value() == "optional"
    assert "X</textarea>" in response.content.decode()


@pytest.mark.parametrize(
    "step, answers, field",
    [
        ("reciprocity", {"co_producers_per_year": "-4"}, "co_producers_per_year"),
        ("reciprocity", {"hours_per_co_producer": "lots"}, "hours_per_co_producer"),
        ("reciprocity", {"agency_contributions": ["nothing", "time"]}, "agency_contributions"),
        ("value", {"private_value_strength": "7"}, "private_value_strength"),
        ("reciprocity", {"co_producers_per_year": "2.5"}, "co_producers_per_year"),
        ("reciprocity", {"hours_per_co_producer": "9000"}, "hours_per_co_producer"),
        (
            "reciprocity",
            {"co_producers_per_year": "1000000000", "hours_per_co_producer": "100"},
            "hours_per_co_producer",
        ),
        ("appraisal", {"hourly_rate": "-1"}, "hourly_rate"),
        ("appraisal", {"discount_rate": "45"}, "discount_rate"),
        ("appraisal", {"appraisal_years": "0"}, "appraisal_years"),
        ("appraisal", {"willingness_to_pay": "£2.6m"}, "willingness_to_pay"),
        ("appraisal", {"willingness_to_pay": "lots"}, "willingness_to_pay"),
        ("appraisal", {"willingness_to_pay_low": "lots"}, "willingness_to_pay_low"),
        ("appraisal", {"willingness_to_pay_high": "-2"}, "willingness_to_pay_high"),
        ("work", {"phases": ["teleportation"]}, "phases"),
    ],
)
def test_invalid_input_gets_a_field_error_and_keeps_what_was_typed(
    client, owner, draft, step, answers, field
):
    client.force_login(owner)
    kept = "hourly_rate" if field != "hourly_rate" else "appraisal_years"
    answers = {kept: "7", **answers} if step == "appraisal" else answers
    response = post_section(client, draft, step, answers)
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    form = response.context["form"]
    errors = form.errors[field]
    assert errors and not any("Ensure this value" in error for error in errors)
    for name, value in answers.items():
        if not hasattr(form.fields[name], "choices"):
            assert f'value="{value}"' in page  # what was typed is shown again
    assert Assessment.objects.get(pk=draft.pk).version == 1


def test_a_lost_update_is_refused_and_the_input_kept(client, owner, draft):
    client.force_login(owner)
    stale_version = draft.version
    # A colleague saves the same draft first.
    colleague_copy = Assessment.objects.get(pk=draft.pk)
    colleague_copy.text_answers.necessity_reason = "Colleague's reason"
    assert colleague_copy.save_answers(["necessity_reason"], stale_version)

    response = post_section(
        client, draft, "necessity", {"necessity": "necessary", "necessity_reason": "Mine"},
        version=stale_version,
    )  # fmt: skip
    assert response.status_code == 200
    assert STALE_MESSAGE in response.content.decode()
    assert "Mine</textarea>" in response.content.decode()
    assert AssessmentText.objects.get(pk=draft.pk).necessity_reason == "Colleague's reason"

    # Pressing Continue again is a deliberate choice to save over it.
    data = response.context["form"].data
    assert int(data["necessity-version"]) == stale_version + 1
    response = post_section(
        client, draft, "necessity", {"necessity": "necessary", "necessity_reason": "Mine"},
        version=stale_version + 1,
    )  # fmt: skip
    assert response.status_code == 302
    assert AssessmentText.objects.get(pk=draft.pk).necessity_reason == "Mine"


def test_a_necessary_arrangement_compares_ways_of_getting_the_work_done(client, owner, draft):
    client.force_login(owner)
    post_section(client, draft, "necessity", {"necessity": "necessary"})
    response = post_section(
        client,
        draft,
        "capability",
        {"expertise_required": 1, "co_producer_capability": 3},
    )
    assert response.url == reverse("assessments:options", args=[draft.code])
    tasks = client.get(reverse("assessments:tasks", args=[draft.code])).content.decode()
    assert "Ways of getting people to do this work" in tasks
    page = client.get(response.url).content.decode()
    assert "<h1>Ways of getting people to do this work</h1>" in page


def test_the_appraisal_settings_accept_amounts_as_people_type_them(client, owner, draft):
    client.force_login(owner)
    response = post_section(
        client,
        draft,
        "appraisal",
        {"hourly_rate": "£18.50", "appraisal_years": "10", "discount_rate": "3.5%",
         "willingness_to_pay": "2.6k"},
    )  # fmt: skip
    assert response.url == reverse("assessments:check", args=[draft.code])
    draft.refresh_from_db()
    assert draft.hourly_rate == Decimal("18.50")
    assert draft.discount_rate == Decimal("3.5")
    assert draft.willingness_to_pay == Decimal("2600")


def test_what_each_side_gives_accepts_figures_followed_by_their_words(client, owner, draft):
    """'40,000 households' in a box of people a year and '9 hours' in a box of hours."""
    client.force_login(owner)
    response = post_section(
        client,
        draft,
        "reciprocity",
        {
            "agency_contributions": ["tools"],
            "co_producer_contributions": ["time"],
            "timing": "sequential",
            "co_producers_per_year": "40,000 households",
            "hours_per_co_producer": "9 hours a year",
        },
    )
    assert response.status_code == 302
    draft = Assessment.objects.get(pk=draft.pk)
    assert draft.co_producers_per_year == 40000
    assert draft.hours_per_co_producer == Decimal("9")


def test_the_appraisal_page_takes_low_and_high_values_of_a_quality_point(client, owner, draft):
    client.force_login(owner)
    answers = {
        "hourly_rate": "12",
        "appraisal_years": "5",
        "discount_rate": "3.5",
        "willingness_to_pay": "£2.50",
        "willingness_to_pay_low": "£1",
        "willingness_to_pay_high": "£1.50",  # below the figure itself
    }
    response = post_section(client, draft, "appraisal", answers)
    assert response.status_code == 200
    page = response.content.decode()
    assert "The highest value of a quality point must not be below your figure" in page
    assert '<details class="ranges mt-4" open>' in page
    assert 'value="£1.50"' in page
    response = post_section(client, draft, "appraisal", {**answers, "willingness_to_pay_high": "4"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.willingness_to_pay_low, draft.willingness_to_pay_high) == (
        Decimal("1"),
        Decimal("4"),
    )


def test_undecided_quality_may_still_have_low_and_high_values_in_order(client, owner, draft):
    client.force_login(owner)
    answers = {"hourly_rate": "12", "appraisal_years": "5", "discount_rate": "3.5",
               "willingness_to_pay_low": "9", "willingness_to_pay_high": "3"}  # fmt: skip
    response = post_section(client, draft, "appraisal", answers)
    assert "The highest value of a quality point must not be below the lowest" in (
        response.content.decode()
    )
    answers["willingness_to_pay_high"] = "30"
    assert post_section(client, draft, "appraisal", answers).status_code == 302


def test_the_appraisal_page_says_the_low_and_high_values_are_judgements(client, owner, draft):
    client.force_login(owner)
    page = client.get(edit_url(draft, "appraisal")).content.decode()
    assert "What if these values were lower or higher? (optional)" in page
    assert "judgements for your agency to make, not estimates" in page
    assert "the value at which the choice would change" in page
    assert "Your agency's low and high values, if it has set any, are filled in" in page
    assert "half and one and a half times" in page
    assert "one percentage point either side" in page
    for label in ("Value of a quality point: lowest", "Value of a quality point: highest"):
        assert label in page


def test_the_appraisal_page_lists_the_dfts_values_of_an_hour_for_a_pound_agency(
    client, owner, draft
):
    client.force_login(owner)
    page = client.get(edit_url(draft, "appraisal")).content.decode()
    assert "Published values of an hour" in page
    non_working, working = page.index(">Non-working time<"), page.index(">Working time<")
    commuting = page.index("An hour of non-working time: commuting in the UK")
    bus = page.index("An hour of working time: a bus passenger on business")
    assert non_working < commuting < working < bus
    for figure in ("£5.04 an hour, in 2002 prices", "£4.46 an hour", "£20.22 an hour"):
        assert figure in page
    assert "a written answer giving the Department for Transport" in page
    assert (
        'href="https://hansard.parliament.uk/Lords/2008-05-13/debates/08051354000021/'
        'TransportJourneyTimes"' in page
    )
    assert "$14.99" not in page and "ATAP" not in page
    assert "usually valued as non-working time" in page
    assert "time they would otherwise spend working, as working time" in page
    assert "the value of an hour at which the choice would change" in page
    # under the question about the value of an hour, before the next one
    assert (
        page.index("an hour of a co-producer&#x27;s time worth")
        < page.index("Published values of an hour")
        < page.index("Over how many years")
    )


def test_the_appraisal_page_lists_atap_values_for_a_dollar_agency(client, owner, draft):
    draft.service.agency.currency = "AUD"
    draft.service.agency.save()
    client.force_login(owner)
    page = client.get(edit_url(draft, "appraisal")).content.decode()
    assert "$14.99 an hour, in 2013 prices" in page
    assert "$48.63 an hour, in 2013 prices" in page
    assert 'href="https://atap.gov.au/node/2098"' in page
    assert "Australian Transport Assessment and Planning (ATAP) Guidelines" in page
    assert "£5.04" not in page and "Hansard" not in page


def test_the_appraisal_page_says_nothing_of_values_of_an_hour_where_none_are_published(
    client, owner, draft
):
    draft.service.agency.currency = "NZD"
    draft.service.agency.save()
    client.force_login(owner)
    page = client.get(edit_url(draft, "appraisal")).content.decode()
    assert "Published values of an hour" not in page
    assert "Non-working time" not in page and "usually valued as non-working" not in page


def test_low_and_high_values_alone_do_not_start_the_appraisal(owner, service):
    section = SECTIONS_BY_SLUG["appraisal"]
    for name in ("willingness_to_pay_low", "willingness_to_pay_high"):
        assert name in section.optional and name in section.prefilled
    assessment = factories.AssessmentFactory(
        service=service, author=owner, willingness_to_pay_low=Decimal("1"),
        hourly_rate_high=Decimal("30"),
    )  # fmt: skip
    assert section.state(assessment) is SectionState.NOT_STARTED


def test_the_appraisal_is_not_complete_until_the_manager_confirms_it(client, owner, service):
    """Every answer of section 9 is filled in from the agency's defaults when the
    assessment starts; it stays "Not started" until the manager has seen the page and
    pressed Continue."""
    client.force_login(owner)
    client.post(reverse("assessments:new"), {"service": service.code, "title": "Recycling"})
    assessment = Assessment.objects.get(title="Recycling")
    section = SECTIONS_BY_SLUG["appraisal"]
    assert all(assessment.answer(name) is not None for name in section.required)
    assert section.state(assessment) is SectionState.NOT_STARTED
    page = client.get(edit_url(assessment, "appraisal")).content.decode()
    assert "These start as your agency's usual settings" in page
    tasks = client.get(reverse("assessments:tasks", args=[assessment.code]))
    states = {section.slug: state for section, *_, state in tasks.context["sections"]}
    assert states["appraisal"] == "not_started"

    check = client.get(reverse("assessments:check", args=[assessment.code]))
    missing = dict(check.context["missing"])
    key = "How to weigh the options: check your agency's usual settings and press Continue"
    assert missing[key] == edit_url(assessment, "appraisal") + "?return=check"

    response = post_section(
        client,
        assessment,
        "appraisal",
        {
            "hourly_rate": assessment.hourly_rate,
            "appraisal_years": assessment.appraisal_years,
            "discount_rate": assessment.discount_rate,
        },
    )
    assert response.status_code == 302
    assessment = Assessment.objects.get(pk=assessment.pk)
    assert assessment.appraisal_confirmed
    assert section.state(assessment) is SectionState.COMPLETE
    page = client.get(edit_url(assessment, "appraisal")).content.decode()
    assert "usual settings" not in page


def test_a_refused_appraisal_page_confirms_nothing(client, owner, draft):
    client.force_login(owner)
    response = post_section(client, draft, "appraisal", {"appraisal_years": "0"})
    assert response.status_code == 200
    assert not Assessment.objects.get(pk=draft.pk).appraisal_confirmed


def test_a_revision_keeps_the_confirmation_of_what_it_revises(owner, service):
    original = factories.AssessmentFactory(
        **factories.complete_answers(), service=service, author=owner, status="submitted",
        submitted_at=timezone.now(),
    )  # fmt: skip
    revision = original.start_revision(owner)
    assert revision.appraisal_confirmed
    assert SECTIONS_BY_SLUG["appraisal"].state(revision) is SectionState.COMPLETE


def test_task_list_shows_each_sections_state(client, owner, service):
    assessment = factories.AssessmentFactory(
        service=service, author=owner, private_value_strength=2, public_value_strength=1,
        necessity_reason="Some notes",
    )  # fmt: skip
    client.force_login(owner)
    response = client.get(reverse("assessments:tasks", args=[assessment.code]))
    states = {section.slug: state for section, *_, state in response.context["sections"]}
    assert states["value"] == "complete"
    assert states["necessity"] == "in_progress"
    assert states["work"] == "not_started"


def test_check_answers_lists_unanswered_questions_and_refuses_submit(client, owner, draft):
    client.force_login(owner)
    page = client.get(reverse("assessments:check", args=[draft.code])).content.decode()
    assert "Not answered" in page
    assert "You cannot submit yet" in page
    response = client.post(
        reverse("assessments:submit", args=[draft.code]), {"version": draft.version}
    )
    assert response.status_code == 302
    assert Assessment.objects.get(pk=draft.pk).status == "draft"


def test_a_complete_assessment_can_be_submitted(client, owner, service):
    assessment = factories.AssessmentFactory(
        service=service, author=owner, **factories.complete_answers()
    )
    client.force_login(owner)
    page = client.get(reverse("assessments:check", args=[assessment.code])).content.decode()
    assert "Submit assessment" in page and "Not answered" not in page
    response = client.post(
        reverse("assessments:submit", args=[assessment.code]), {"version": assessment.version}
    )
    assert response.url == assessment.get_absolute_url()
    assessment.refresh_from_db()
    assert assessment.status == "submitted" and assessment.submitted_at


def test_submit_with_a_stale_version_is_refused(client, owner, service):
    assessment = factories.AssessmentFactory(
        service=service, author=owner, **factories.complete_answers()
    )
    client.force_login(owner)
    client.post(reverse("assessments:submit", args=[assessment.code]), {"version": 99})
    assert Assessment.objects.get(pk=assessment.pk).status == "draft"


def test_submitted_assessments_cannot_be_edited(client, owner, service):
    assessment = factories.AssessmentFactory(
        service=service, author=owner, status="submitted", submitted_at="2026-01-01T00:00Z"
    )
    client.force_login(owner)
    assert client.get(edit_url(assessment, "work")).status_code == 404
    assert client.get(reverse("assessments:check", args=[assessment.code])).status_code == 404


def test_archiving_a_submitted_assessment(client, owner, service):
    assessment = factories.AssessmentFactory(
        service=service, author=owner, status="submitted", submitted_at="2026-01-01T00:00Z"
    )
    client.force_login(owner)
    client.post(reverse("assessments:archive", args=[assessment.code]))
    assert Assessment.objects.get(pk=assessment.pk).status == "archived"


@pytest.mark.parametrize(
    "name, method",
    [("tasks", "get"), ("check", "get"), ("submit", "post"), ("archive", "post")],
)
def test_outsider_gets_404(client, outsider, draft, name, method):
    client.force_login(outsider)
    response = getattr(client, method)(reverse(f"assessments:{name}", args=[draft.code]))
    assert response.status_code == 404


def test_outsider_gets_404_on_every_wizard_page(client, outsider, draft):
    client.force_login(outsider)
    assert client.get(edit_url(draft, "work")).status_code == 404
    assert post_section(client, draft, "work", {"level": "group"}).status_code == 404


@pytest.mark.parametrize("name, method", [("check", "get"), ("submit", "post")])
def test_viewer_gets_403_on_changes(client, viewer, draft, name, method):
    client.force_login(viewer)
    response = getattr(client, method)(reverse(f"assessments:{name}", args=[draft.code]))
    assert response.status_code == 403


def test_viewer_gets_403_in_the_wizard(client, viewer, draft):
    client.force_login(viewer)
    assert client.get(edit_url(draft, "work")).status_code == 403
    assert post_section(client, draft, "work", {"level": "group"}).status_code == 403


@pytest.mark.parametrize("name", ["submit", "archive"])
def test_get_on_a_post_only_view_is_405(client, owner, draft, name):
    client.force_login(owner)
    assert client.get(reverse(f"assessments:{name}", args=[draft.code])).status_code == 405


@pytest.mark.parametrize("path", ["/assessments/new/"])
def test_anonymous_is_sent_to_sign_in(client, db, path):
    assert client.get(path).status_code == 302


def test_anonymous_is_sent_to_sign_in_from_the_wizard(client, draft):
    response = client.get(edit_url(draft, "work"))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_wizard_and_check_pages_have_bounded_queries(client, owner, service):
    assessment = factories.AssessmentFactory(
        service=service, author=owner, **factories.complete_answers()
    )
    factories.AssessmentFactory.create_batch(10, service=service, author=owner)
    client.force_login(owner)
    for url, expected in [
        # session, user, the assessment with its service, agency, author and the manager's
        # role, its options, header agencies (the wizard keeps nothing in the session)
        (edit_url(assessment, "work"), 5),
        # and its outcome measures, whose prices the value of a quality point is set beside,
        # and the published values of an hour in the agency's currency, set beside the value
        # of an hour (one more query: nothing else on the page reads reference values)
        (edit_url(assessment, "appraisal"), 7),
        # session, user, assessment with role, its options, its outcome measures (the
        # scoring reads them), header agencies; nothing per section or option: the answers
        # come from those queries (the written ones joined in with select_related)
        (reverse("assessments:check", args=[assessment.code]), 6),
        # the same six: "may this user edit" is the role the access check kept
        (reverse("assessments:tasks", args=[assessment.code]), 6),
        (reverse("assessments:options", args=[assessment.code]), 5),
        (reverse("assessments:quality", args=[assessment.code]), 5),
    ]:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        sql = [q["sql"] for q in queries if "SAVEPOINT" not in q["sql"]]
        assert len(sql) == expected, (url, sql)


def test_agency_defaults_alone_leave_the_options_not_started(client, owner, draft):
    client.force_login(owner)
    response = client.get(reverse("assessments:tasks", args=[draft.code]))
    states = {section.slug: state for section, *_, state in response.context["sections"]}
    assert states["options"] == "not_started"
    assert states["quality"] == "not_started"
    # The appraisal settings come from the agency; this draft has no discount rate yet.
    assert states["appraisal"] == "not_started"
    post_section(
        client, draft, "appraisal",
        {"hourly_rate": "12", "appraisal_years": "5", "discount_rate": "3.5"},
    )  # fmt: skip
    response = client.get(reverse("assessments:tasks", args=[draft.code]))
    states = {section.slug: state for section, *_, state in response.context["sections"]}
    assert states["appraisal"] == "complete"  # willingness to pay may be left blank


def test_the_start_page_speaks_plainly_when_nothing_is_chosen(client, owner, service):
    client.force_login(owner)
    text = client.get(reverse("assessments:new")).content.decode()
    assert "---------" not in text and "Choose a service" in text
    response = client.post(reverse("assessments:new"), {"service": "", "title": ""})
    text = response.content.decode()
    assert "This field is required." not in text
    assert "Choose the service this arrangement is part of" in text
    assert "Enter what you call this arrangement" in text
