import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assessments.access import assessments_for
from assessments.choices import Status
from assessments.views.dashboard import portfolio_counts
from tests import factories

pytestmark = pytest.mark.django_db


def make(service, status=Status.SUBMITTED, **overrides):
    extra = {"submitted_at": timezone.now()} if status != Status.DRAFT else {}
    overrides.setdefault("willingness_to_pay", 1)  # decided, so each choice is robust or not
    return factories.AssessmentFactory(
        **factories.complete_answers(**overrides), service=service, status=status, **extra
    )


@pytest.fixture
def portfolio(service, other_service, owner):
    """Four submitted, two drafts (one of them the owner's), one archived, and another
    agency's assessment that must never count."""
    make(service)  # cheaper and better, robust, no flags
    make(service, burden_on_vulnerable=True)  # cheaper and better, robust, flagged
    # Necessary: the options are ways of getting people to do it; these two still compare.
    make(service, necessity="necessary")
    make(service, phases=["design"])  # participation: its options still compare
    make(service, status=Status.DRAFT, author=owner, title="My unfinished draft")
    make(service, status=Status.DRAFT, title="A colleague's draft")
    make(service, status=Status.ARCHIVED, title="Archived long ago")
    make(other_service, title="Another agency's work")


def test_counts_are_aggregated_in_one_query(owner, portfolio, django_assert_num_queries):
    with django_assert_num_queries(1):
        counts = portfolio_counts(assessments_for(owner))
    assert counts["drafts"] == 2
    assert counts["submitted"] == 4
    assert counts["quadrant_cheaper_better"] == 4
    assert counts["quadrant_dearer_worse"] == 0
    assert counts["classification_co_production"] == 3
    assert counts["classification_participation"] == 1
    assert counts["robust"] == 4 and counts["fragile"] == 0
    assert counts["flagged"] == 1


def test_dashboard_shows_the_counts_and_a_quadrant_table(client, viewer, portfolio):
    client.force_login(viewer)
    response = client.get("/")
    text = response.content.decode()
    assert response.context["counts"]["submitted"] == 4
    assert "Submitted assessments by how co-production compares" in text
    assert "Cheaper and better" in text
    assert 'href="/assessments/?status=submitted&amp;quadrant=cheaper_better"' in text
    assert "Submitted assessments by classification" in text


def test_quadrant_chart_gets_its_data_as_json(client, viewer, portfolio):
    client.force_login(viewer)
    response = client.get("/")
    text = response.content.decode()
    assert '<script id="quadrant-data" type="application/json">' in text
    assert 'src="/static/js/dashboard-chart.js"' in text
    assert 'id="quadrant-chart" role="img"' in text
    data = response.context["chart_data"]
    counts = dict(zip(data["labels"], data["counts"], strict=True))
    assert len(counts) == 9
    assert counts["Cheaper and better"] == 4
    assert sum(counts.values()) == 4


def test_no_chart_before_anything_is_submitted(client, owner, service):
    make(service, status=Status.DRAFT, author=owner)
    client.force_login(owner)
    text = client.get("/").content.decode()
    assert "verdict-data" not in text
    assert "No assessment has been submitted yet" in text


def test_another_agencys_assessments_never_show(client, owner, portfolio):
    client.force_login(owner)
    text = client.get("/").content.decode()
    assert "Another agency" not in text


def test_recent_assessments_are_the_last_five_current_ones(client, owner, portfolio):
    client.force_login(owner)
    recent = list(client.get("/").context["recent"])
    assert len(recent) == 5
    assert all(a.status != Status.ARCHIVED for a in recent)
    assert recent == sorted(recent, key=lambda a: a.updated_at, reverse=True)


def test_drafts_to_finish_are_only_the_users_own(client, owner, portfolio):
    client.force_login(owner)
    response = client.get("/")
    assert [a.title for a in response.context["drafts"]] == ["My unfinished draft"]
    assert "Your drafts to finish" in response.content.decode()


def test_start_button_is_for_managers_only(client, owner, viewer):
    client.force_login(owner)
    assert "Start a new assessment" in client.get("/").content.decode()
    client.force_login(viewer)
    assert "Start a new assessment" not in client.get("/").content.decode()


def test_agency_cards_stay(client, owner, agency, service):
    client.force_login(owner)
    text = client.get("/").content.decode()
    assert agency.name in text and "1 service" in text


def test_query_count_does_not_grow_with_data(client, owner, agency, service):
    client.force_login(owner)

    def count_queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/").status_code == 200
        return len(ctx)

    make(service)
    few = count_queries()
    for number in range(15):
        make(
            factories.ServiceFactory(agency=agency),
            status=Status.DRAFT if number % 3 else Status.SUBMITTED,
            author=owner,
        )
    # session, user, agencies with service counts and the user's role, the aggregate
    # counts, recent assessments, the user's drafts, header agencies
    assert count_queries() == few == 7
