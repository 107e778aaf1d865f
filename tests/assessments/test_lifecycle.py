"""Archive and restore, delete a draft, start a revision, search the list, and drafts shown
once on the dashboard."""

import csv
import io
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from assessments.choices import Status
from assessments.models import Assessment, AssessmentText, Option
from tests import factories

pytestmark = pytest.mark.django_db

# (URL name, the status it acts on) for each confirmation page and its change.
CONFIRM_PAGES = [
    ("confirm_archive", Status.SUBMITTED),
    ("confirm_restore", Status.ARCHIVED),
    ("confirm_delete", Status.DRAFT),
    ("confirm_revise", Status.SUBMITTED),
    ("confirm_revise", Status.ARCHIVED),
]
CHANGES = [
    ("archive", Status.SUBMITTED),
    ("restore", Status.ARCHIVED),
    ("delete", Status.DRAFT),
    ("revise", Status.SUBMITTED),
    ("revise", Status.ARCHIVED),
]


def make(service, status=Status.SUBMITTED, author=None, **overrides):
    """A complete assessment, a long time ago so that a change shows in `updated_at`."""
    extra = {} if status == Status.DRAFT else {"submitted_at": timezone.now()}
    assessment = factories.AssessmentFactory(
        **factories.complete_answers(**overrides),
        service=service,
        status=status,
        **({"author": author} if author else {}),
        **extra,
    )
    long_ago = timezone.now() - timedelta(days=30)
    Assessment.objects.filter(pk=assessment.pk).update(updated_at=long_ago)
    assessment.refresh_from_db()
    return assessment


def url(name, assessment) -> str:
    return reverse(f"assessments:{name}", args=[assessment.code])


def text_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def row(instance) -> dict:
    """Every column of a saved row, read afresh from the database."""
    instance = type(instance).objects.get(pk=instance.pk)
    return {field.attname: getattr(instance, field.attname) for field in instance._meta.fields}


# --- Who may do it ----------------------------------------------------------------------


@pytest.mark.parametrize(("name", "status"), CONFIRM_PAGES + CHANGES)
def test_anonymous_is_sent_to_sign_in(client, service, name, status):
    response = client.get(url(name, make(service, status)))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(("name", "status"), CONFIRM_PAGES + CHANGES)
def test_outsider_gets_404(client, outsider, service, name, status):
    assessment = make(service, status)
    client.force_login(outsider)
    send = client.get if name.startswith("confirm_") else client.post
    assert send(url(name, assessment)).status_code == 404
    assert row(assessment)["status"] == status


@pytest.mark.parametrize(("name", "status"), CONFIRM_PAGES + CHANGES)
def test_viewer_gets_403(client, viewer, service, name, status):
    assessment = make(service, status)
    client.force_login(viewer)
    send = client.get if name.startswith("confirm_") else client.post
    assert send(url(name, assessment)).status_code == 403
    assert row(assessment)["status"] == status
    assert Assessment.objects.count() == 1


@pytest.mark.parametrize(("name", "status"), CHANGES)
def test_get_on_a_change_is_405(client, owner, service, name, status):
    assessment = make(service, status)
    client.force_login(owner)
    assert client.get(url(name, assessment)).status_code == 405
    assert row(assessment)["status"] == status


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("archive", Status.DRAFT),
        ("archive", Status.ARCHIVED),
        ("restore", Status.DRAFT),
        ("restore", Status.SUBMITTED),
        ("delete", Status.SUBMITTED),
        ("delete", Status.ARCHIVED),
        ("revise", Status.DRAFT),
    ],
)
def test_a_change_that_does_not_fit_the_status_is_404(client, owner, service, name, status):
    assessment = make(service, status)
    before = row(assessment)
    client.force_login(owner)
    assert client.get(url(f"confirm_{name}", assessment)).status_code == 404
    assert client.post(url(name, assessment)).status_code == 404
    assert row(assessment) == before
    assert Assessment.objects.count() == 1


@pytest.mark.parametrize("status", Status)
def test_viewer_sees_none_of_the_buttons(client, viewer, service, status):
    assessment = make(service, status)
    client.force_login(viewer)
    pages = [assessment.get_absolute_url()]
    if status == Status.DRAFT:
        pages.append(url("tasks", assessment))
    for page in pages:
        text = text_of(client.get(page))
        for name in ("confirm_archive", "confirm_restore", "confirm_delete", "confirm_revise"):
            assert url(name, assessment) not in text
        assert "Start a revision" not in text and "Delete this draft" not in text


# --- Archive and restore ---------------------------------------------------------------


def test_the_report_button_leads_to_a_page_that_asks_first(client, owner, service):
    assessment = make(service)
    client.force_login(owner)
    report = text_of(client.get(assessment.get_absolute_url()))
    assert f'href="{url("confirm_archive", assessment)}"' in report
    assert f'action="{url("archive", assessment)}"' not in report

    text = text_of(client.get(url("confirm_archive", assessment)))
    assert "<h1>Are you sure you want to archive this assessment?</h1>" in text
    assert "no longer counts on your agency's dashboard" in text
    assert f'action="{url("archive", assessment)}"' in text
    assert 'class="btn btn-danger">Yes, archive this assessment</button>' in text
    assert f'<a href="{assessment.get_absolute_url()}">No, go back</a>' in text
    assert row(assessment)["status"] == Status.SUBMITTED  # asking changes nothing


def test_archiving_leaves_a_trace(client, owner, service):
    assessment = make(service)
    before = row(assessment)
    client.force_login(owner)
    response = client.post(url("archive", assessment))
    assert response.status_code == 302 and response.url == assessment.get_absolute_url()
    after = row(assessment)
    assert after["status"] == Status.ARCHIVED
    assert after["version"] == before["version"] + 1
    assert after["updated_at"] > before["updated_at"]
    assert after["submitted_at"] == before["submitted_at"]
    assert "Assessment archived. It no longer counts on your dashboard." in messages_of(response)


def test_manager_sees_restore_on_an_archived_assessment(client, owner, service):
    assessment = make(service, Status.ARCHIVED)
    client.force_login(owner)
    report = text_of(client.get(assessment.get_absolute_url()))
    assert f'href="{url("confirm_restore", assessment)}"' in report
    assert url("confirm_archive", assessment) not in report

    text = text_of(client.get(url("confirm_restore", assessment)))
    assert "<h1>Are you sure you want to restore this assessment?</h1>" in text
    assert f'action="{url("restore", assessment)}"' in text
    assert ">Yes, restore this assessment</button>" in text
    assert "No, go back</a>" in text


def test_restoring_makes_it_submitted_again(client, owner, service):
    assessment = make(service, Status.ARCHIVED)
    before = row(assessment)
    client.force_login(owner)
    response = client.post(url("restore", assessment))
    assert response.status_code == 302 and response.url == assessment.get_absolute_url()
    after = row(assessment)
    assert after["status"] == Status.SUBMITTED
    assert after["version"] == before["version"] + 1
    assert after["updated_at"] > before["updated_at"]
    assert after["submitted_at"] == before["submitted_at"]
    # Nothing else moves: the answers and results are those it was archived with.
    unchanged = {name for name in before if name not in ("status", "version", "updated_at")}
    assert {name: after[name] for name in unchanged} == {name: before[name] for name in unchanged}
    assert "Assessment restored. It counts on your dashboard again." in messages_of(response)


def test_a_second_archive_from_an_old_page_changes_nothing(client, owner, service):
    assessment = make(service)
    client.force_login(owner)
    client.post(url("archive", assessment))
    version = row(assessment)["version"]
    assert client.post(url("archive", assessment)).status_code == 404
    assert row(assessment)["version"] == version


# --- Delete a draft ----------------------------------------------------------------------


def test_delete_asks_first(client, owner, service):
    draft = make(service, Status.DRAFT)
    client.force_login(owner)
    tasks = text_of(client.get(url("tasks", draft)))
    assert f'href="{url("confirm_delete", draft)}"' in tasks
    report = text_of(client.get(draft.get_absolute_url()))
    assert f'href="{url("confirm_delete", draft)}"' in report

    text = text_of(client.get(url("confirm_delete", draft)))
    assert "<h1>Are you sure you want to delete this draft?</h1>" in text
    assert "You cannot undo this." in text
    assert f'action="{url("delete", draft)}"' in text
    assert 'class="btn btn-danger">Yes, delete this draft</button>' in text
    assert f'<a href="{url("tasks", draft)}">No, go back</a>' in text
    assert Assessment.objects.filter(pk=draft.pk).exists()


def test_deleting_a_draft_takes_its_answers_and_options_with_it(client, owner, service):
    draft = make(service, Status.DRAFT, title="Old idea")
    keep = make(service, Status.DRAFT)
    assert AssessmentText.objects.filter(pk=draft.pk).exists()
    client.force_login(owner)
    response = client.post(url("delete", draft), follow=True)
    assert response.redirect_chain == [(reverse("assessments:list"), 302)]
    assert "The draft “Old idea” was deleted." in response.content.decode()
    assert not Assessment.objects.filter(pk=draft.pk).exists()
    assert not AssessmentText.objects.filter(pk=draft.pk).exists()
    assert not Option.objects.filter(assessment_id=draft.pk).exists()
    assert Assessment.objects.filter(pk=keep.pk).exists()


def test_submitted_assessments_cannot_be_deleted(client, owner, service):
    assessment = make(service)
    client.force_login(owner)
    assert url("confirm_delete", assessment) not in text_of(
        client.get(assessment.get_absolute_url())
    )
    assert client.post(url("delete", assessment)).status_code == 404
    assert Assessment.objects.filter(pk=assessment.pk).exists()


def test_deleting_a_revision_leaves_its_original(client, owner, service):
    original = make(service)
    revision = original.start_revision(owner)
    client.force_login(owner)
    assert "The assessment it revises stays as it is." in text_of(
        client.get(url("confirm_delete", revision))
    )
    client.post(url("delete", revision))
    assert not Assessment.objects.filter(pk=revision.pk).exists()
    assert row(original)["status"] == Status.SUBMITTED


# --- Start a revision --------------------------------------------------------------------


@pytest.fixture
def original(service, owner):
    """A submitted assessment with written answers, options out of their usual numbering,
    an option range of figures, and appraisal settings the agency no longer uses."""
    assessment = make(
        service,
        author=owner,
        title="Parents hearing reading",
        willingness_to_pay=Decimal("500"),
        hourly_rate=Decimal("11.50"),
    )
    # Positions 1 and 4 (after options were added and removed): copied as they are.
    Option.objects.filter(assessment=assessment, comparator=True).update(position=4)
    agency = service.agency
    agency.default_hourly_value = Decimal("25")
    agency.default_appraisal_years = 10
    agency.default_discount_rate = Decimal("1.5")
    agency.default_willingness_to_pay = Decimal("9999")
    agency.save()
    return Assessment.objects.get(pk=assessment.pk)


def revise(client, user, assessment) -> Assessment:
    client.force_login(user)
    response = client.post(url("revise", assessment))
    assert response.status_code == 302
    revision = Assessment.objects.get(revision_of=assessment)
    assert response.url == url("tasks", revision)
    return revision


def options_of(assessment) -> list[dict]:
    skipped = {"id", "code", "assessment_id"}
    return [
        {name: value for name, value in row(option).items() if name not in skipped}
        for option in Option.objects.filter(assessment=assessment).order_by("position")
    ]


def test_revise_asks_first(client, owner, original):
    client.force_login(owner)
    report = text_of(client.get(original.get_absolute_url()))
    assert f'href="{url("confirm_revise", original)}"' in report
    text = text_of(client.get(url("confirm_revise", original)))
    assert "<h1>Do you want to start a revision of this assessment?</h1>" in text
    assert "“Parents hearing reading (revision)”" in text
    assert f'action="{url("revise", original)}"' in text
    assert ">Yes, start a revision</button>" in text
    assert "No, go back</a>" in text
    assert not Assessment.objects.filter(revision_of=original).exists()


def test_a_revision_copies_every_answer_option_and_result(client, service, agency, original):
    colleague = factories.member_of(agency, role="manager", username="colleague")
    before = row(original)
    options_before = options_of(original)
    text_before = row(original.text)

    revision = revise(client, colleague, original)

    copied = row(revision)
    assert copied["status"] == Status.DRAFT
    assert copied["title"] == "Parents hearing reading (revision)"
    assert copied["author_id"] == colleague.pk
    assert copied["revision_of_id"] == original.pk
    assert copied["submitted_at"] is None and copied["version"] == 1
    assert copied["code"] != before["code"]
    own = {
        "id", "code", "title", "status", "author_id", "created_at", "updated_at",
        "submitted_at", "version", "revision_of_id", "result_best_id",
        "result_plane_option_id", "result_plane_comparator_id", "result_agency_best_id",
        "currency",
    }  # fmt: skip
    assert {k: v for k, v in copied.items() if k not in own} == {
        k: v for k, v in before.items() if k not in own
    }
    # The appraisal settings it was submitted with, not the agency's new defaults.
    assert copied["hourly_rate"] == Decimal("11.50")
    assert copied["willingness_to_pay"] == Decimal("500")
    assert copied["result_quadrant"] == before["result_quadrant"] != ""
    # The best option is the revision's own copy of the original's best.
    best = Option.objects.get(pk=copied["result_best_id"])
    assert best.assessment_id == revision.pk
    for name in ("result_plane_option_id", "result_plane_comparator_id", "result_agency_best_id"):
        assert Option.objects.get(pk=copied[name]).assessment_id == revision.pk
    # Its money is in the agency's currency as it stands, not the one the original was
    # submitted in.
    assert copied["currency"] == "" and before["currency"] == "GBP"
    assert best.name == Option.objects.get(pk=before["result_best_id"]).name

    assert {k: v for k, v in row(revision.text).items() if k != "assessment_id"} == {
        k: v for k, v in text_before.items() if k != "assessment_id"
    }
    assert all(getattr(revision.text, name) for name in ("work_description", "inputs"))
    assert options_of(revision) == options_before
    assert [o["position"] for o in options_of(revision)] == [1, 4]

    # The original never changes.
    assert row(original) == before
    assert options_of(original) == options_before
    assert row(original.text) == text_before


def test_the_revision_is_scored_afresh_like_its_original(client, owner, original):
    revision = revise(client, owner, original)
    revision = Assessment.objects.get(pk=revision.pk)
    original = Assessment.objects.get(pk=original.pk)
    assert revision.score() == original.score()


def test_an_archived_assessment_can_be_revised(client, owner, service):
    archived = make(service, Status.ARCHIVED)
    revision = revise(client, owner, archived)
    assert revision.status == Status.DRAFT
    assert row(archived)["status"] == Status.ARCHIVED


def test_a_revision_without_written_answers_has_none(client, owner, service):
    assessment = make(service)
    AssessmentText.objects.filter(pk=assessment.pk).delete()
    revision = revise(client, owner, assessment)
    assert not AssessmentText.objects.filter(pk=revision.pk).exists()


def test_a_long_title_is_shortened_to_fit(client, owner, service):
    revision = revise(client, owner, make(service, title="x" * 200))
    assert len(revision.title) == 200 and revision.title.endswith("x (revision)")


def test_revision_and_original_link_to_each_other(client, owner, original):
    revision = revise(client, owner, original)
    tasks = text_of(client.get(url("tasks", revision)))
    assert "This draft is a revision of" in tasks
    assert f'<a href="{original.get_absolute_url()}">Parents hearing reading</a>' in tasks
    report = text_of(client.get(original.get_absolute_url()))
    assert "Revisions of this assessment" in report
    assert f'<a href="{revision.get_absolute_url()}">{revision.title}</a>' in report
    # The revision's report names its original too.
    assert f'a revision of <a href="{original.get_absolute_url()}">' in text_of(
        client.get(revision.get_absolute_url())
    )
    # And a second revision is started knowing of the first.
    confirm = text_of(client.get(url("confirm_revise", original)))
    assert "Revisions already started" in confirm and revision.title in confirm


def test_viewer_reads_the_list_of_revisions(client, owner, viewer, original):
    revision = original.start_revision(owner)
    client.force_login(viewer)
    text = text_of(client.get(original.get_absolute_url()))
    assert f'<a href="{revision.get_absolute_url()}">' in text
    assert url("confirm_revise", original) not in text


def test_a_deleted_original_leaves_its_revision(owner, original):
    revision = original.start_revision(owner)
    Assessment.objects.filter(pk=original.pk).delete()
    revision.refresh_from_db()
    assert revision.revision_of is None


# --- Search ------------------------------------------------------------------------------


@pytest.fixture
def searchable(agency, service, other_service):
    """Three of the home agency's assessments that a search tells apart, and another
    agency's that no search finds."""
    reading = factories.ServiceFactory(agency=agency, name="Reading Recovery")
    return {
        "by_title": make(service, title="Parents hearing READING at home"),
        "by_service": make(reading, title="Volunteers in libraries"),
        "neither": make(service, title="Recycling sorted at home"),
        "elsewhere": make(other_service, title="Reading elsewhere"),
    }


def listed_titles(client, **params) -> set[str]:
    response = client.get(reverse("assessments:list"), params)
    assert response.status_code == 200
    return {assessment.title for assessment in response.context["page"].object_list}


def csv_column(client, path, column, **params) -> set[str]:
    response = client.get(path, params)
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    return {record[column] for record in csv.DictReader(io.StringIO(body))}


def test_search_matches_title_and_service_ignoring_case(client, owner, searchable):
    client.force_login(owner)
    assert listed_titles(client, q="reading") == {
        "Parents hearing READING at home",
        "Volunteers in libraries",
    }
    assert listed_titles(client, q="  Recycling ") == {"Recycling sorted at home"}
    assert listed_titles(client, q="nothing like it") == set()


def test_search_matches_the_agency_name(client, owner, searchable):
    client.force_login(owner)
    assert len(listed_titles(client, q="home agency")) == 3
    assert listed_titles(client, q="other agency") == set()


def test_search_combines_with_the_other_filters(client, owner, searchable):
    Assessment.objects.filter(pk=searchable["by_service"].pk).update(status=Status.ARCHIVED)
    client.force_login(owner)
    assert listed_titles(client, q="reading") == {"Parents hearing READING at home"}
    assert listed_titles(client, q="reading", status="archived") == {"Volunteers in libraries"}


def test_search_box_is_labelled_and_keeps_its_words(client, owner, searchable):
    client.force_login(owner)
    text = text_of(client.get(reverse("assessments:list"), {"q": "reading"}))
    assert re.search(r'<label\s+for="id_q" class="form-label">\s+Search\s+</label>', text)
    assert 'type="search" name="q" value="reading"' in text
    assert "Words from the name of the assessment, one of its options, its service or" in text
    assert "Download these assessments (CSV)" in text and "q=reading" in text


def test_both_exports_honour_the_search(client, owner, searchable):
    client.force_login(owner)
    wanted = {"Parents hearing READING at home", "Volunteers in libraries"}
    assert csv_column(client, "/export/assessments.csv", "title", q="reading") == wanted
    assert csv_column(client, "/export/options.csv", "assessment", q="reading") == wanted
    assert csv_column(client, "/export/assessments.csv", "title", q="recycling") == {
        "Recycling sorted at home"
    }


# --- The dashboard -----------------------------------------------------------------------


def test_the_users_own_drafts_are_not_listed_twice(client, owner, agency, service):
    colleague = factories.member_of(agency, role="manager", username="colleague")
    mine = make(service, Status.DRAFT, author=owner, title="My draft")
    make(service, Status.DRAFT, author=colleague, title="A colleague's draft")
    client.force_login(owner)
    response = client.get("/")
    assert [a.title for a in response.context["drafts"]] == [mine.title]
    assert response.content.decode().count(mine.get_absolute_url()) == 1
