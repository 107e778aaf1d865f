"""When every option would be new, the comparator is "the option we compare against",
one name on every page, rather than "what happens now"."""

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import Assessment
from assessments.sections import comparator_words
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(owner, service):
    return factories.AssessmentFactory(
        **factories.complete_answers(work_relation="replaces"), service=service, author=owner
    )


def kind_url(assessment):
    return reverse("assessments:comparator_kind", args=[assessment.code])


def say(client, assessment, answer):
    version = Assessment.objects.get(pk=assessment.pk).version
    return client.post(kind_url(assessment), {"version": version, "comparator_is_now": answer})


def test_a_new_assessment_compares_against_what_happens_now(draft):
    assert draft.comparator_is_now
    assert comparator_words(draft) == "what happens now"


def test_when_every_option_is_new_the_comparator_is_the_option_we_compare_against(
    client, owner, draft
):
    client.force_login(owner)
    response = say(client, draft, "False")
    assert response.url == reverse("assessments:options", args=[draft.code])
    draft = Assessment.objects.get(pk=draft.pk)
    assert not draft.comparator_is_now
    assert comparator_words(draft) == "the option we compare against"

    options = client.get(reverse("assessments:options", args=[draft.code])).content.decode()
    assert "The option we compare against</strong>" in options
    assert "No: every option would be new" in options
    quality = client.get(reverse("assessments:quality", args=[draft.code])).content.decode()
    assert "This is the option we compare against." in quality
    check = client.get(reverse("assessments:check", args=[draft.code])).content.decode()
    assert 'tag-comparator">The option we compare against</span>' in check
    assert "No: every option would be new" in check


def test_the_report_uses_the_same_name(client, owner, service):
    assessment = factories.AssessmentFactory(
        **factories.complete_answers(work_relation="replaces", comparator_is_now=False),
        service=service, author=owner, status="submitted", submitted_at=timezone.now(),
    )  # fmt: skip
    client.force_login(owner)
    page = client.get(assessment.get_absolute_url()).content.decode()
    assert "the option we compare against" in page.lower()
    assert "what happens now" not in page.lower()


def test_making_another_option_the_comparator_says_what_that_means(client, owner, draft):
    client.force_login(owner)
    say(client, draft, "False")
    other = next(option for option in draft.ordered_options if not option.comparator)
    response = client.post(
        reverse("assessments:make_comparator", args=[draft.code, other.code]),
        {"version": Assessment.objects.get(pk=draft.pk).version},
        follow=True,
    )
    page = response.content.decode()
    assert (
        f"“{other.name}” is now the option we compare against: the other options are "
        "compared against it." in page
    )


def test_an_unanswered_question_is_an_error_that_keeps_the_page(client, owner, draft):
    client.force_login(owner)
    response = client.post(kind_url(draft), {"version": draft.version})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Say whether one of the options is what happens now" in page
    assert "There is a problem" in page
    assert Assessment.objects.get(pk=draft.pk).comparator_is_now


def test_a_stale_answer_is_refused(client, owner, draft):
    client.force_login(owner)
    stale = draft.version
    say(client, draft, "False")
    response = client.post(kind_url(draft), {"version": stale, "comparator_is_now": "True"})
    assert response.status_code == 200
    assert not Assessment.objects.get(pk=draft.pk).comparator_is_now


def test_a_change_from_check_your_answers_returns_there(client, owner, draft):
    client.force_login(owner)
    version = Assessment.objects.get(pk=draft.pk).version
    response = client.post(
        kind_url(draft) + "?return=check", {"version": version, "comparator_is_now": "False"}
    )
    assert response.url.startswith(reverse("assessments:check", args=[draft.code]))
