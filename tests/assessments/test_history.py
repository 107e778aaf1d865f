"""The audit trail of assessments: every save, option change and event recorded with who,
when and what; the History page; and a submitted assessment that nothing can change."""

from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.choices import Status
from assessments.forms import SECTION_FORMS
from assessments.models import Assessment, AssessmentText, Option
from tests import factories
from tests.assessments.test_options import (
    COSTS,
    add,
    options_of,
    rate_all,
    save_option,
    url,
    version_of,
)
from tests.assessments.test_wizard import post_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(owner, service):
    return factories.AssessmentFactory(service=service, author=owner)


@pytest.fixture
def complete(owner, service):
    return factories.AssessmentFactory(
        service=service, author=owner, **factories.complete_answers()
    )


def history_url(assessment, page=None) -> str:
    address = reverse("assessments:history", args=[assessment.code])
    return address if page is None else f"{address}?page={page}"


def entries(client, assessment):
    response = client.get(history_url(assessment))
    assert response.status_code == 200
    return response.context["entries"]


def headlines(client, assessment) -> list[str]:
    return [part.headline for entry in entries(client, assessment) for part in entry.parts]


def changes_of(entry) -> dict[str, tuple[str, str]]:
    return {c.label: (c.before, c.after) for part in entry.parts for c in part.changes}


def reasons(assessment) -> list[str]:
    rows = Assessment.history.filter(id=assessment.pk).order_by("-history_date", "-history_id")
    return [row.history_change_reason for row in rows if row.history_change_reason]


def submit(client, assessment):
    return client.post(url("submit", assessment), {"version": version_of(assessment)})


# --- Who, when, what -------------------------------------------------------------------------


def test_a_wizard_save_records_who_when_and_what(client, owner, draft):
    client.force_login(owner)
    post_section(
        client,
        draft,
        "value",
        {"private_value_strength": "3", "private_value_description": "Fitter parents"},
    )
    saved = Assessment.objects.get(pk=draft.pk)
    row = Assessment.history.filter(id=draft.pk).latest()
    assert row.history_user == owner and row.history_type == "~"
    assert row.history_date == saved.updated_at
    assert row.private_value_strength == 3 and row.version == saved.version
    text = AssessmentText.history.filter(assessment_id=draft.pk).latest()
    assert text.history_user == owner
    assert text.private_value_description == "Fitter parents"

    newest = entries(client, draft)[0]
    assert newest.who == owner and newest.when == saved.updated_at
    assert [part.headline for part in newest.parts] == ["Changed answers"]
    label = str(SECTION_FORMS["value"](instance=saved).fields["private_value_strength"].label)
    assert changes_of(newest)[label] == ("not answered", "3 – strong")
    assert ("not answered", "Fitter parents") in changes_of(newest).values()


def test_a_second_save_shows_the_old_and_new_answer(client, owner, draft):
    client.force_login(owner)
    post_section(client, draft, "value", {"private_value_description": "Fitter parents"})
    post_section(client, draft, "value", {"private_value_description": "Fitter, happier parents"})
    newest = entries(client, draft)[0]
    assert ("Fitter parents", "Fitter, happier parents") in changes_of(newest).values()


def test_an_option_change_is_recorded(client, owner, draft):
    client.force_login(owner)
    option = options_of(draft)[0]
    save_option(client, draft, option)
    row = Option.history.filter(id=option.pk).latest()
    assert row.history_user == owner and row.history_type == "~"
    assert row.setup_cost == Decimal("2600000") and row.name == COSTS["name"]
    newest = entries(client, draft)[0]
    assert [part.headline for part in newest.parts] == ["Changed option “Volunteers”"]
    changes = changes_of(newest)
    assert changes["Name of the option"] == ("With co-production", "Volunteers")
    assert changes["One-off cost to set it up"] == ("not answered", "£2,600,000")


def test_added_moved_rated_compared_and_removed_options_are_recorded(client, owner, draft):
    client.force_login(owner)
    add(client, draft, "Paid tutors")
    tutors = options_of(draft)[-1]
    rate_all(client, draft, {"Paid tutors": 4})
    client.post(url("option_up", draft, tutors), {"version": version_of(draft)})
    client.post(url("make_comparator", draft, tutors), {"version": version_of(draft)})
    with_co_production = options_of(draft)[0]
    client.post(url("make_comparator", draft, with_co_production), {"version": version_of(draft)})
    client.post(url("remove_option", draft, tutors), {"version": version_of(draft)})
    assert not Option.objects.filter(pk=tutors.pk).exists()
    assert headlines(client, draft)[:6] == [
        "Removed option “Paid tutors”",
        "Option “With co-production” is now what happens now",
        "Option “Paid tutors” is now what happens now",
        "Moved option “Paid tutors” up",
        "Changed option “Paid tutors”",
        "Added option “Paid tutors”",
    ]
    assert all(entry.who == owner for entry in entries(client, draft)[:6])


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.ARCHIVED])
def test_submit_archive_restore_and_revise_are_recorded_events(client, owner, complete, status):
    client.force_login(owner)
    submit(client, complete)
    client.post(url("archive", complete))
    if status == Status.SUBMITTED:
        client.post(url("restore", complete))
    client.post(url("revise", complete))
    revision = Assessment.objects.get(revision_of=complete)
    expected = ["Submitted", "Archived", "Restored"][: 3 if status == Status.SUBMITTED else 2]
    assert reasons(complete) == [f"Started a revision: “{revision.title}”", *reversed(expected)]
    rows = Assessment.history.filter(id=complete.pk)
    assert all(row.history_user == owner for row in rows.exclude(history_change_reason=None))
    assert rows.get(history_change_reason="Archived").status == Status.ARCHIVED

    started = Assessment.history.get(id=revision.pk)  # one row for the whole copy
    assert started.history_type == "+" and started.history_user == owner
    assert started.history_change_reason == f"Started as a revision of “{complete.title}”"
    assert started.result_classification == revision.result_classification
    assert headlines(client, revision)[0] == f"Started as a revision of “{complete.title}”"
    assert headlines(client, complete)[0] == f"Started a revision: “{revision.title}”"


def test_archiving_moves_the_timestamp_and_the_version_on(client, owner, complete):
    client.force_login(owner)
    submit(client, complete)
    submitted = Assessment.objects.get(pk=complete.pk)
    client.post(url("archive", complete))
    archived = Assessment.objects.get(pk=complete.pk)
    assert archived.updated_at > submitted.updated_at
    assert archived.version == submitted.version + 1
    assert Assessment.history.filter(id=complete.pk).latest().version == archived.version


# --- A submitted assessment stays as submitted -------------------------------------------


ANSWERS_AND_RESULTS_NOT = {"status", "updated_at", "version"}


def as_submitted(row) -> dict:
    """A history row's answers and results: everything but the status and its stamps."""
    return {
        field.attname: getattr(row, field.attname)
        for field in Assessment._meta.concrete_fields
        if field.name not in ANSWERS_AND_RESULTS_NOT
    }


def test_nothing_changes_a_submitted_assessments_answers_or_results(client, owner, complete):
    client.force_login(owner)
    assert submit(client, complete).status_code == 302
    submitted = Assessment.objects.get(pk=complete.pk)
    assert submitted.status == Status.SUBMITTED
    option = options_of(complete)[0]
    version = {"version": submitted.version}

    # Every page that changes answers or options is gone for it, read or posted.
    for step in SECTION_FORMS:
        address = reverse("assessments:edit", args=[complete.code, step])
        assert client.get(address).status_code == 404
        data = {f"assessment_{complete.code}-current_step": step, f"{step}-version": 99}
        assert client.post(address, data).status_code == 404
    for name in ("options", "quality", "check", "tasks"):
        assert client.get(url(name, complete)).status_code in (302, 404)
    assert client.post(url("quality", complete), version).status_code == 404
    assert client.post(url("add_option", complete), {"name": "More", **version}).status_code == 404
    assert client.get(url("option", complete, option)).status_code == 404
    assert client.post(url("option", complete, option), {**COSTS, **version}).status_code == 404
    for name in ("remove_option", "option_up", "option_down", "make_comparator"):
        assert client.post(url(name, complete, option), version).status_code == 404
    assert client.post(url("submit", complete), version).status_code == 404
    assert client.post(url("delete", complete)).status_code == 404

    # Nor does the model save answers to it, whatever the version.
    again = Assessment.objects.get(pk=complete.pk)
    again.private_value_strength = 0
    assert not again.save_answers(["private_value_strength"], again.version)

    # Archiving, restoring and revising are events, not changes to what was submitted.
    client.post(url("archive", complete))
    client.post(url("restore", complete))
    client.post(url("revise", complete))

    now = Assessment.objects.get(pk=complete.pk)
    assert as_submitted(now) == as_submitted(submitted)
    rows = list(Assessment.history.filter(id=complete.pk).order_by("history_date", "history_id"))
    at_submission = next(i for i, r in enumerate(rows) if r.history_change_reason == "Submitted")
    assert len(rows) - at_submission == 4  # submitted, archived, restored, revision started
    for row in rows[at_submission:]:
        assert as_submitted(row) == as_submitted(submitted), row.history_change_reason
    submitted_at = rows[at_submission].history_date
    assert not AssessmentText.history.filter(
        assessment_id=complete.pk, history_date__gt=submitted_at
    ).exists()
    assert not Option.history.filter(
        assessment_id=complete.pk, history_date__gt=submitted_at
    ).exists()
    # And the History page shows only the events since.
    since = [e for e in entries(client, complete) if e.when >= submitted_at]
    assert [[p.headline for p in e.parts] for e in since] == [
        [f"Started a revision: “{complete.title} (revision)”"],
        ["Restored"],
        ["Archived"],
        ["Submitted"],
    ]
    assert all(set(changes_of(e)) <= {"Status"} for e in since), (
        "only the status changes after submission"
    )


def submitted_behind_its_back(assessment):
    Assessment.objects.filter(pk=assessment.pk).update(
        status=Status.SUBMITTED, submitted_at=assessment.updated_at
    )


def test_save_answers_refuses_a_submitted_assessment(complete):
    submitted_behind_its_back(complete)
    rows = Assessment.history.filter(id=complete.pk).count()
    complete.public_value_strength = 0  # the instance still thinks it is a draft
    assert not complete.save_answers(["public_value_strength"], complete.version)
    assert Assessment.objects.get(pk=complete.pk).public_value_strength == 2
    assert Assessment.history.filter(id=complete.pk).count() == rows


def test_the_admin_shows_a_submitted_assessment_but_does_not_change_it(client, complete):
    submitted_behind_its_back(complete)
    admin = factories.UserFactory(username="admin", is_staff=True, is_superuser=True)
    client.force_login(admin)
    address = reverse("admin:assessments_assessment_change", args=[complete.pk])
    page = client.get(address)
    assert page.status_code == 200 and page.context["has_change_permission"] is False
    assert client.post(address, {"title": "Rewritten"}).status_code == 403
    assert Assessment.objects.get(pk=complete.pk).title == complete.title


# --- The History page --------------------------------------------------------------------


def test_the_report_links_to_the_history(client, viewer, complete):
    client.force_login(viewer)
    page = client.get(complete.get_absolute_url()).content.decode()
    assert f'href="{history_url(complete)}"' in page


def test_viewers_read_the_history_and_outsiders_get_404(client, owner, viewer, outsider, draft):
    client.force_login(owner)
    post_section(client, draft, "value", {"private_value_strength": "3"})
    client.force_login(viewer)
    page = client.get(history_url(draft))
    assert page.status_code == 200
    text = page.content.decode()
    assert "owner" in text and "Changed answers" in text and "3 – strong" in text
    client.force_login(outsider)
    assert client.get(history_url(draft)).status_code == 404


def test_the_history_is_paginated_with_a_bounded_query_count(client, owner, draft):
    client.force_login(owner)
    for strength in range(30):
        post_section(client, draft, "value", {"private_value_strength": str(strength % 5)})
    with CaptureQueriesContext(connection) as queries:
        first = client.get(history_url(draft))
    # session, user, the assessment with its service, agency and the reader's role, its
    # history rows, its written answers' rows, its options' rows, the header's agencies
    assert len(queries) == 7, [q["sql"] for q in queries]
    assert first.context["page"].has_next()
    assert len(first.context["entries"]) == 20
    second = client.get(history_url(draft, page=2))
    assert second.context["entries"][-1].parts[0].headline == "Started the assessment"
    assert client.get(history_url(draft, page="not-a-number")).status_code == 200


# --- What stood when the history began ---------------------------------------------------


@pytest.fixture
def before_history(transactional_db, owner, service):
    """The database as it was before the history (with the owner and their service, made
    first, as their history cannot be written then); put back to the latest after."""
    yield migrate(
        [("assessments", "0011_plane_options"), ("services", "0004_agency_willingness_to_pay")]
    )
    migrate(latest())


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.migration_round_trip
def test_what_stood_before_the_history_is_the_starting_point(before_history, client, owner):
    apps = before_history
    Service = apps.get_model("services", "Service")
    old = apps.get_model("assessments", "Assessment").objects.create(
        service=Service.objects.get(name="Home Service"),
        author_id=owner.pk,
        title="Older than the history",
        private_value_strength=2,
    )
    apps.get_model("assessments", "AssessmentText").objects.create(
        assessment=old, work_description="Parents read with children"
    )
    apps.get_model("assessments", "Option").objects.create(
        assessment=old, position=1, name="With co-production"
    )
    migrate(latest())

    began = "Recorded as it stood when the history began"
    for model in (Assessment, AssessmentText, Option):
        assert model.history.filter(history_change_reason=began).count() == 1
    assessment = Assessment.objects.get(pk=old.pk)
    client.force_login(owner)
    post_section(client, assessment, "value", {"private_value_strength": "4"})
    newest, first = entries(client, assessment)
    assert [part.headline for part in first.parts] == [began] and not changes_of(first)
    assert list(changes_of(newest).values()) == [("2 – moderate", "4 – very strong")]


def test_the_admins_bulk_delete_deletes_only_drafts(client, owner, service, complete):
    submitted_behind_its_back(complete)
    draft = factories.AssessmentFactory(service=service, author=owner, title="Unfinished")
    admin = factories.UserFactory(username="admin", is_staff=True, is_superuser=True)
    client.force_login(admin)
    address = reverse("admin:assessments_assessment_changelist")
    chosen = {"action": "delete_selected", "_selected_action": [complete.pk, draft.pk]}
    confirm = client.post(address, chosen)
    page = confirm.content.decode()
    assert confirm.status_code == 200 and "Unfinished" in page and complete.title not in page
    assert "1 submitted or archived assessment was left out" in page
    done = client.post(address, {**chosen, "post": "yes"})
    assert done.status_code == 302
    assert list(Assessment.objects.values_list("pk", flat=True)) == [complete.pk]
