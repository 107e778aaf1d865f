"""A manager revises, archives, restores and deletes through the pages; a viewer cannot."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from assessments.choices import Status
from assessments.models import Assessment
from tests.browser.conftest import assert_accessible
from tests.factories import AssessmentFactory, complete_answers


def submitted(service, owner, title):
    return AssessmentFactory(
        **complete_answers(),
        service=service,
        author=owner,
        title=title,
        status=Status.SUBMITTED,
        submitted_at=timezone.now(),
    )


@pytest.mark.django_db(transaction=True)
def test_manager_revises_archives_restores_and_deletes(page, sign_in, axe, owner, service):
    original = submitted(service, owner, "Parents hearing reading")
    sign_in("owner")
    page.goto(original.get_absolute_url())

    # Start a revision: asked first, then a draft that says what it revises.
    page.get_by_role("link", name="Start a revision").click()
    expect(
        page.get_by_role("heading", name="Do you want to start a revision of this assessment?")
    ).to_be_visible()
    assert_accessible(axe, page)
    page.get_by_role("button", name="Yes, start a revision").click()
    expect(page.get_by_role("heading", name="Parents hearing reading (revision)")).to_be_visible()
    expect(page.get_by_text("You have started a revision.")).to_be_visible()
    expect(page.get_by_text("This draft is a revision of")).to_be_visible()
    assert_accessible(axe, page)
    revision_tasks = page.url

    # Its original lists it.
    page.get_by_role("link", name="Parents hearing reading", exact=True).click()
    revisions = page.get_by_role("region", name="Revisions of this assessment")
    expect(revisions.get_by_role("link", name="Parents hearing reading (revision)")).to_be_visible()
    assert_accessible(axe, page)

    # Archive, after saying no once.
    page.get_by_role("link", name="Archive this assessment").click()
    expect(
        page.get_by_role("heading", name="Are you sure you want to archive this assessment?")
    ).to_be_visible()
    assert_accessible(axe, page)
    page.get_by_role("link", name="No, go back").click()
    assert Assessment.objects.get(pk=original.pk).status == Status.SUBMITTED
    page.get_by_role("link", name="Archive this assessment").click()
    page.get_by_role("button", name="Yes, archive this assessment").click()
    expect(page.get_by_text("Assessment archived.")).to_be_visible()
    assert Assessment.objects.get(pk=original.pk).status == Status.ARCHIVED

    # Restore.
    page.get_by_role("link", name="Restore this assessment").click()
    expect(
        page.get_by_role("heading", name="Are you sure you want to restore this assessment?")
    ).to_be_visible()
    assert_accessible(axe, page)
    page.get_by_role("button", name="Yes, restore this assessment").click()
    expect(page.get_by_text("Assessment restored.")).to_be_visible()
    assert Assessment.objects.get(pk=original.pk).status == Status.SUBMITTED

    # Delete the revision, from its task list.
    page.goto(revision_tasks)
    page.get_by_role("link", name="Delete this draft").click()
    expect(
        page.get_by_role("heading", name="Are you sure you want to delete this draft?")
    ).to_be_visible()
    assert_accessible(axe, page)
    page.get_by_role("button", name="Yes, delete this draft").click()
    page.wait_for_url(re.compile(r"/assessments/$"))
    expect(
        page.get_by_text("The draft “Parents hearing reading (revision)” was deleted.")
    ).to_be_visible()
    assert not Assessment.objects.filter(revision_of=original).exists()
    assert Assessment.objects.get(pk=original.pk).status == Status.SUBMITTED


@pytest.mark.django_db(transaction=True)
def test_manager_searches_the_list(page, sign_in, axe, owner, service):
    submitted(service, owner, "Parents hearing reading")
    submitted(service, owner, "Households sorting recycling")
    sign_in("owner")
    page.goto("/assessments/")
    page.get_by_label("Search").fill("RECYCLING")
    page.get_by_role("button", name="Filter assessments").click()
    table = page.get_by_role("table", name="Assessments")
    expect(table.get_by_role("link", name="Households sorting recycling")).to_be_visible()
    assert table.get_by_role("link", name="Parents hearing reading").count() == 0
    assert_accessible(axe, page)


@pytest.mark.django_db(transaction=True)
def test_viewer_sees_none_of_the_buttons(page, sign_in, owner, viewer, service):
    original = submitted(service, owner, "Parents hearing reading")
    archived = submitted(service, owner, "An old arrangement")
    Assessment.objects.filter(pk=archived.pk).update(status=Status.ARCHIVED)
    draft = AssessmentFactory(service=service, author=owner, title="Someone's draft")
    sign_in("viewer")
    for assessment in (original, archived, draft):
        page.goto(assessment.get_absolute_url())
        expect(page.get_by_role("heading", name=assessment.title)).to_be_visible()
        for name in ("Start a revision", "Archive", "Restore", "Delete"):
            assert page.get_by_role("link", name=re.compile(name)).count() == 0
            assert page.get_by_role("button", name=re.compile(name)).count() == 0
    page.goto(f"/assessments/{draft.code}/tasks/")
    assert page.get_by_role("link", name="Delete this draft").count() == 0
    # An address typed in by hand is refused.
    response = page.goto(f"/assessments/{original.code}/revise/confirm/")
    assert response.status == 403
