"""Free text has a length limit: the form says so in plain words and keeps what was
typed, and the database refuses anything longer whatever writes to it."""

import pytest
from django.db import IntegrityError, transaction

from assessments.models import AssessmentText, Option
from coprod_site.text import WRITTEN_ANSWER_MAX
from services.models import CaseExample, Service
from tests import factories
from tests.assessments.test_wizard import post_section

pytestmark = pytest.mark.django_db

TOO_LONG = "word " * (WRITTEN_ANSWER_MAX // 5) + "over"


def test_a_written_answer_over_the_limit_is_refused_with_a_plain_message(client, owner, service):
    draft = factories.AssessmentFactory(service=service, author=owner)
    client.force_login(owner)
    response = post_section(client, draft, "work", {"work_description": TOO_LONG})
    assert response.status_code == 200
    errors = response.context["form"].errors["work_description"]
    assert errors == [f"Keep your answer to 2,000 characters or fewer: it has {len(TOO_LONG)}"]
    assert TOO_LONG in response.content.decode()  # what was typed is shown again
    assert "Up to 2,000 characters." in response.content.decode()
    assert not AssessmentText.objects.filter(assessment=draft).exists()


def test_an_answer_at_the_limit_is_saved(client, owner, service):
    draft = factories.AssessmentFactory(service=service, author=owner)
    client.force_login(owner)
    response = post_section(client, draft, "work", {"work_description": "x" * WRITTEN_ANSWER_MAX})
    assert response.status_code == 302
    assert len(AssessmentText.objects.get(assessment=draft).work_description) == 2000


def _refused(write):
    with pytest.raises(IntegrityError), transaction.atomic():
        write()


def test_the_database_refuses_text_over_each_limit(service):
    assessment = factories.AssessmentFactory(**factories.complete_answers(), service=service)
    too_long = "x" * (WRITTEN_ANSWER_MAX + 1)
    _refused(lambda: AssessmentText.objects.create(assessment=assessment, inputs=too_long))
    option = assessment.options.first()
    _refused(lambda: Option.objects.filter(pk=option.pk).update(description="x" * 1001))
    _refused(lambda: Service.objects.filter(pk=service.pk).update(description=too_long))
    case = factories.CaseExampleFactory()
    _refused(lambda: CaseExample.objects.filter(pk=case.pk).update(lessons=too_long))


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("Volunteers\u202e sriap", "Remove the hidden characters that change the direction"),
        ("\u200b\u200b", "Write something that can be read"),
    ],
)
def test_text_boxes_refuse_direction_controls_and_text_with_nothing_to_read(
    client, owner, service, typed, message
):
    draft = factories.AssessmentFactory(service=service, author=owner)
    client.force_login(owner)
    response = post_section(client, draft, "work", {"work_description": typed})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not AssessmentText.objects.filter(assessment=draft).exists()


def test_every_form_text_box_has_the_rule(client, owner):
    from django import forms

    from coprod_site.text import readable_text

    assert readable_text in forms.CharField().validators
    assert readable_text in forms.CharField(widget=forms.Textarea).validators
