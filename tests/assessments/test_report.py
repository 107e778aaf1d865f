import json
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from assessments.choices import Status
from services.models import CaseExample
from tests import factories

pytestmark = pytest.mark.django_db


def complete(service, **overrides):
    return factories.AssessmentFactory(**factories.complete_answers(**overrides), service=service)


def submitted(service, **overrides):
    return complete(service, status=Status.SUBMITTED, submitted_at=timezone.now(), **overrides)


def page_text(client, assessment) -> str:
    response = client.get(assessment.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_the_report_lives_at_the_assessments_public_code(service):
    assessment = factories.AssessmentFactory(service=service)
    assert assessment.get_absolute_url() == f"/assessments/{assessment.code}/"
    assert reverse("assessments:report", args=[assessment.code]) == assessment.get_absolute_url()


def test_anonymous_user_is_sent_to_sign_in(client, service):
    assessment = factories.AssessmentFactory(service=service)
    response = client.get(assessment.get_absolute_url())
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_outsider_gets_404(client, outsider, service):
    assessment = complete(service)
    client.force_login(outsider)
    assert client.get(assessment.get_absolute_url()).status_code == 404


def test_unknown_code_gets_404(client, owner):
    client.force_login(owner)
    response = client.get("/assessments/00000000-0000-0000-0000-000000000000/")
    assert response.status_code == 404


def test_post_is_not_allowed(client, owner, service):
    assessment = complete(service)
    client.force_login(owner)
    assert client.post(assessment.get_absolute_url()).status_code == 405


def test_complete_assessment_shows_verdict_and_classification_reasons(client, viewer, service):
    # The worked example of complete_answers(): co-production is cheaper and better.
    assessment = submitted(service, title="Parents hearing children read")
    client.force_login(viewer)
    text = page_text(client, assessment)
    assert "Parents hearing children read" in text
    assert service.name in text and service.agency.name in text
    assert "Co-production is cheaper and better" in text
    assert "Co-producers do part of the work of delivering the service." in text
    assert "the agency gives training and information" in text
    assert "Private and public value" in text
    assert "Draft – results are provisional" not in text


def test_options_table_shows_present_values_per_client_and_quality(client, viewer, service):
    service.agency.currency = "AUD"
    service.agency.save()
    client.force_login(viewer)
    text = page_text(client, submitted(service))
    # Agency cost 67,136.01 plus co-producers' time 30,818.01 over three years, 10% uplift.
    assert "AUD 67,136.01" in text
    assert "AUD 30,818.01" in text
    assert "AUD 97,954.02" in text
    assert "AUD 32.65" in text and "AUD 61.64" in text  # cost per client
    assert "75.0" in text and "50.0" in text  # quality index
    assert "10%" in text  # optimism-bias uplift for high confidence
    assert "Teaching assistants in school" in text


def test_chart_gets_its_data_as_json_and_a_text_alternative(client, viewer, service):
    client.force_login(viewer)
    response = client.get(submitted(service).get_absolute_url())
    text = response.content.decode()
    assert 'role="img"' in text
    assert "Co-production: GBP 32.65 per client, quality 75.0 out of 100" in text
    assert 'src="/static/js/report-chart.js"' in text
    start = text.index('<script id="cost-quality-data" type="application/json">')
    payload = text[start:].split(">", 1)[1].split("</script>", 1)[0]
    data = json.loads(payload)
    assert data["currency"] == "GBP"
    assert data["points"] == [
        {"label": "Co-production", "x": 32.65, "y": 75.0},
        {"label": "Teaching assistants in school", "x": 61.64, "y": 50.0},
    ]


def test_sensitivity_and_switching_values_are_in_words(client, viewer, service):
    client.force_login(viewer)
    text = page_text(client, submitted(service))
    assert "Robust." in text
    assert "quality index could fall by 25.5 points" in text
    assert "full costs could rise by 89.7%" in text


def test_fragile_verdict_lists_the_scenarios_that_change_it(client, viewer, service):
    # Co-production a little dearer but better: valuing time at half changes the verdict.
    assessment = submitted(service, co_production_annual_agency_cost=Decimal("52000"))
    result = assessment.score()
    assert result.verdict == "costs_more_better" and result.sensitivity == "fragile"
    client.force_login(viewer)
    text = page_text(client, assessment)
    assert "Fragile." in text
    assert escape("If co-producers' time is valued at 50% less, the verdict becomes") in text


def test_costs_more_for_better_quality_gives_the_cost_per_quality_point(client, viewer, service):
    assessment = submitted(service, co_production_annual_agency_cost=Decimal("80000"))
    result = assessment.score()
    assert result.verdict == "costs_more_better"
    client.force_login(viewer)
    text = page_text(client, assessment)
    assert "Co-production costs more for better quality" in text
    assert f"GBP {result.cost_per_quality_point:,.2f} per client" in text


def test_necessary_arrangement_is_told_to_improve_how(client, viewer, service):
    assessment = submitted(service, necessity="necessary")
    client.force_login(viewer)
    text = page_text(client, assessment)
    assert "Necessary: improve how it is done" in text
    assert "not whether to use co-production but how to make it work well" in text
    # There is no substitution to weigh, so no comparison, chart or sensitivity.
    assert "Cost and quality compared" not in text
    assert "cost-quality-data" not in text
    assert "How sure can you be?" not in text
    assert "Set clear rules, fairly enforced" in text  # the lever for obliged co-producers


def test_participation_gets_no_verdict(client, viewer, service):
    client.force_login(viewer)
    text = page_text(client, submitted(service, phases=["design"]))
    assert "Participation, not co-production" in text
    assert "No verdict: the arrangement is not co-production" in text


def test_risk_flags_and_levers_are_listed(client, viewer, service):
    assessment = submitted(service, burden_on_vulnerable=True)
    client.force_login(viewer)
    text = page_text(client, assessment)
    assert "Unfair burden" in text
    assert "The work falls on clients least able to carry it." in text
    assert "Make taking part cheaper" in text


def test_draft_shows_provisional_banner_with_a_link_to_the_task_list(client, owner, service):
    assessment = factories.AssessmentFactory(service=service)
    client.force_login(owner)
    text = page_text(client, assessment)
    assert "Draft – results are provisional" in text
    tasks = reverse("assessments:tasks", args=[assessment.code])
    assert f'href="{tasks}"' in text
    assert "Continue editing" in text
    assert "No verdict yet" in text


def test_viewer_sees_the_draft_banner_but_no_manager_buttons(client, viewer, service):
    assessment = factories.AssessmentFactory(service=service)
    client.force_login(viewer)
    text = page_text(client, assessment)
    assert "Draft – results are provisional" in text
    assert reverse("assessments:tasks", args=[assessment.code]) not in text
    assert "Continue editing" not in text


def test_manager_can_archive_a_submitted_assessment_viewer_cannot(client, owner, viewer, service):
    assessment = submitted(service)
    archive = reverse("assessments:archive", args=[assessment.code])
    client.force_login(owner)
    text = page_text(client, assessment)
    assert f'action="{archive}"' in text and 'method="post"' in text
    assert "Continue editing" not in text
    client.force_login(viewer)
    assert archive not in page_text(client, assessment)


def test_archived_assessment_says_so_and_cannot_be_archived_again(client, owner, service):
    assessment = submitted(service)
    assessment.status = Status.ARCHIVED
    assessment.save()
    client.force_login(owner)
    text = page_text(client, assessment)
    assert "no longer counts on the dashboard" in text
    assert reverse("assessments:archive", args=[assessment.code]) not in text


def test_download_link_exports_this_assessment(client, viewer, service):
    assessment = submitted(service)
    client.force_login(viewer)
    text = page_text(client, assessment)
    assert f'href="/export/assessments.csv?assessment={assessment.code}"' in text


def test_the_most_similar_published_cases_are_suggested(client, viewer, service):
    CaseExample.objects.all().delete()
    # Health (the service's sector), both values, optional, normative (the one strong
    # motivator of complete_answers) and families: a perfect match.
    factories.CaseExampleFactory(
        title="Reading buddies", motivators=["normative"], co_producer_type="families"
    )
    factories.CaseExampleFactory(title="Draft twin", motivators=["normative"], draft=True)
    factories.CaseExampleFactory(title="Same sector only", value_type="private", motivators=[])
    factories.CaseExampleFactory(
        title="Nothing alike", sector="transport", value_type="private", necessity="necessary",
        motivators=["sanctions"], co_producer_type="volunteers",
    )  # fmt: skip
    client.force_login(viewer)
    text = page_text(client, submitted(service))
    assert "Reading buddies" in text
    assert "in common: the sector, the kind of value, both optional, some reasons" in text
    assert "Same sector only" in text
    assert text.index("Reading buddies") < text.index("Same sector only")
    assert "Draft twin" not in text
    assert "Nothing alike" not in text


def test_report_query_count_is_pinned(client, owner, service, django_assert_num_queries):
    factories.CaseExampleFactory.create_batch(5)
    assessment = submitted(service, burden_on_vulnerable=True)
    client.force_login(owner)
    # session, user, the assessment with its service, agency, author and the reader's role
    # (access check and manager buttons alike), similar cases, header agencies
    with django_assert_num_queries(5):
        assert client.get(assessment.get_absolute_url()).status_code == 200
