import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from services.models import CaseExample, CaseSource, CaseStatus
from tests import factories

pytestmark = pytest.mark.usefixtures("empty_library")


def test_the_database_refuses_a_published_case_with_an_empty_summary():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.CaseExampleFactory(summary="", sources=None)


def test_a_draft_may_have_no_summary_yet():
    case = factories.CaseExampleFactory(draft=True, summary="", sources=None)
    assert case.pk and case.published_at is None


def test_the_database_refuses_an_unknown_status():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.CaseExampleFactory(status="secret")


def test_the_database_refuses_a_value_type_that_is_not_a_choice():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.CaseExampleFactory(value_type="priceless")


def test_the_database_refuses_a_source_link_that_is_not_a_web_address():
    case = factories.CaseExampleFactory(sources=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseSource.objects.create(case=case, citation="x", url="javascript:alert(1)")


def test_model_validation_explains_a_missing_summary_in_plain_words():
    case = factories.CaseExampleFactory.build(summary="  ")
    with pytest.raises(ValidationError) as error:
        case.full_clean()
    assert "Write a summary before publishing" in error.value.message_dict["summary"][0]


def test_model_validation_refuses_unknown_motivators_and_assets():
    case = factories.CaseExampleFactory.build(motivators=["greed"], special_assets="trust")
    with pytest.raises(ValidationError) as error:
        case.full_clean()
    assert set(error.value.message_dict) >= {"motivators", "special_assets"}


def test_published_at_follows_the_status():
    case = factories.CaseExampleFactory(draft=True)
    assert case.published_at is None
    case.status = CaseStatus.PUBLISHED
    case.save()
    assert case.published_at is not None
    case.status = CaseStatus.DRAFT
    case.save()
    assert case.published_at is None


def test_publish_problems_name_what_is_missing():
    assert factories.CaseExampleFactory().publish_problems() == []
    bare = factories.CaseExampleFactory(draft=True, summary="", sources=None)
    assert bare.publish_problems() == ["it has no summary", "it has no source"]


def test_only_staff_see_drafts(reader, curator):
    published = factories.CaseExampleFactory()
    draft = factories.CaseExampleFactory(draft=True)
    in_review = factories.CaseExampleFactory(status=CaseStatus.IN_REVIEW)
    assert list(CaseExample.objects.visible_to(AnonymousUser())) == [published]
    assert list(CaseExample.objects.visible_to(reader)) == [published]
    assert set(CaseExample.objects.visible_to(curator)) == {published, draft, in_review}
    assert list(CaseExample.objects.published()) == [published]


def test_with_motivator_matches_whole_list_items_on_this_database():
    social = factories.CaseExampleFactory(motivators=["material", "social"])
    factories.CaseExampleFactory(motivators=["normative"])
    factories.CaseExampleFactory(motivators=[])
    assert list(CaseExample.objects.with_motivator("social")) == [social]
    assert list(CaseExample.objects.with_motivator("intrinsic")) == []
    with pytest.raises(ValueError):
        CaseExample.objects.with_motivator("greed")


def test_search_looks_in_title_summary_work_lessons_and_country():
    found = factories.CaseExampleFactory(lessons="Train the volunteers first.")
    factories.CaseExampleFactory()
    assert list(CaseExample.objects.search("VOLUNTEERS")) == [found]


def test_the_case_page_is_its_slug():
    case = factories.CaseExampleFactory(slug="kerbside-recycling")
    assert case.get_absolute_url() == "/cases/kerbside-recycling/"
