"""Kept pages (`coprod_site/changes.py`): the dashboard is served from the shared cache
until a committed write changes the data under it, and never after.

These tests commit for real (`transaction=True`), as the app does: a new generation of
the data is published only once a write's transaction commits.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assessments.choices import Status
from assessments.models import Assessment, Option
from assessments.survey.models import Survey
from coprod_site import changes
from services.models import Agency, Membership, Service
from services.models.tokens import AccessToken
from tests import factories
from tests.assessments.test_dashboard import make

pytestmark = pytest.mark.django_db(transaction=True)


def generation():
    return cache.get(changes.GENERATION_KEY)


@pytest.fixture
def known_generation():
    """A generation in the cache to compare against."""
    cache.set(changes.GENERATION_KEY, "before", None)
    return "before"


def test_every_kind_of_committed_write_publishes_a_new_generation(service, known_generation):
    assessment = make(service, status=Status.DRAFT)
    writes = {
        "a model's save": lambda: assessment.save(),
        "a queryset's update": lambda: Assessment.objects.filter(pk=assessment.pk).update(
            title="Renamed"
        ),
        "a bulk insert": lambda: Agency.objects.bulk_create(
            [factories.AgencyFactory.build(name="Bulk", slug="bulk")]
        ),
        "a delete": lambda: Option.objects.filter(assessment=assessment).delete(),
        "raw SQL": lambda: connection.cursor().execute(
            f"UPDATE {Service._meta.db_table} SET name = %s", ["Raw"]
        ),
    }
    seen = []
    for name, write in writes.items():
        cache.set(changes.GENERATION_KEY, "before", None)
        write()
        seen.append(generation())
        assert generation() != "before", name
    assert len(set(seen)) == len(seen)  # each a new token


def test_a_write_is_published_when_it_commits_and_not_before(service, known_generation):
    with transaction.atomic():
        make(service)
        Survey.objects.filter(pk=0).update(response_count=1)
        # A page worked out now, from the uncommitted write, must not be kept as current.
        assert generation() == "before"
    assert generation() != "before"


def test_a_rolled_back_write_publishes_nothing(service, known_generation):
    with pytest.raises(RuntimeError), transaction.atomic():
        make(service)
        raise RuntimeError
    assert generation() == "before"


def test_a_commands_last_write_is_published_when_it_ends(service, known_generation):
    Service.objects.filter(pk=service.pk).update(name="Renamed by a command")
    assert connection.coprod_unpublished  # no statement since, and no request to end
    changes.publish_at_exit()
    assert not connection.coprod_unpublished
    assert generation() != "before"


def test_writes_to_other_tables_publish_nothing(owner, known_generation):
    Session.objects.create(session_key="x" * 32, session_data="", expire_date=timezone.now())
    cache.set("anything", 1)
    AccessToken.objects.filter(user=owner).update(revoked_at=None)
    assert generation() == "before"


def test_every_table_of_the_agencies_data_is_watched():
    tables = changes.watched_tables()
    for model in (Agency, Service, Membership, Assessment, Option, Survey, get_user_model()):
        assert model._meta.db_table in tables
    assert AccessToken._meta.db_table not in tables


# --- The dashboard, kept ------------------------------------------------------------------


def content(response) -> str:
    """The page without its sign-out form's token, which differs on each response."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def submitted(response) -> int:
    """The headline's count of submitted assessments."""
    return int(re.search(r">(\d+)</a> submitted<", response.content.decode())[1])


def page_queries(client, path="/"):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries), response


def test_a_kept_dashboard_is_the_page_worked_out_afresh(client, owner, service):
    make(service, title="Reading at home")
    make(service, status=Status.DRAFT, author=owner, title="My draft")
    client.force_login(owner)
    worked_out, first = page_queries(client)
    kept, again = page_queries(client)
    assert kept == 3 < worked_out  # session, user, one cache read
    assert content(again) == content(first)
    assert "Reading at home" in content(again) and "My draft" in content(again)
    assert "Your agencies: Home Agency" in content(again)  # the header, from the kept page


def test_the_dashboard_shows_a_committed_change_at_once(client, owner, service):
    client.force_login(owner)
    make(service, title="First")
    assert submitted(client.get("/")) == 1
    make(service, title="Second")
    assert submitted(client.get("/")) == 2
    Assessment.objects.filter(title="Second").update(status=Status.ARCHIVED)
    assert submitted(client.get("/")) == 1


def test_each_user_and_each_filter_has_a_page_of_its_own(client, owner, service, agency):
    colleague = factories.member_of(agency, role="viewer", username="colleague")
    make(service, status=Status.DRAFT, author=owner, title="The owner draft")
    client.force_login(owner)
    assert "The owner draft" in content(client.get("/"))
    assert "Start a new assessment" in content(client.get("/"))
    filtered = content(client.get("/", {"status": "nonsense", "quadrant": "nonsense"}))
    assert "Error:" in filtered
    client.force_login(colleague)
    theirs = content(client.get("/"))
    assert "The owner draft" not in theirs
    assert "Start a new assessment" not in theirs  # a viewer's page, not the manager's
    assert "Error:" not in theirs


def test_a_lost_generation_means_working_the_page_out_again(client, owner, service):
    make(service)
    client.force_login(owner)
    client.get("/")
    cache.delete(changes.GENERATION_KEY)
    queries, _ = page_queries(client)
    assert queries > 3
    assert page_queries(client)[0] == 3


def test_a_new_release_does_not_serve_an_old_releases_page(client, owner, service, monkeypatch):
    make(service)
    client.force_login(owner)
    client.get("/")
    monkeypatch.setattr(changes, "_build", "another release")
    assert page_queries(client)[0] > 3


def test_without_a_cache_the_dashboard_is_worked_out_and_writes_still_succeed(
    client, owner, service, monkeypatch, caplog
):
    def unreachable(*args, **kwargs):
        raise ConnectionError("the cache is down")

    for method in ("get_many", "get", "add", "set"):
        monkeypatch.setattr(cache, method, unreachable)
    client.force_login(owner)
    make(service, title="Counted without a cache")  # its commit cannot publish: logged
    assert "Could not publish a change of the data" in caplog.text
    response = client.get("/")
    assert response.status_code == 200
    assert submitted(response) == 1
    assert "The cache cannot be read" in caplog.text


def test_a_page_holding_a_form_token_is_refused(owner):
    with pytest.raises(ValueError, match="form token"):
        changes.kept_page(
            "test", owner.pk, make=lambda: {"content": '<input name="csrfmiddlewaretoken">'}
        )


def test_the_list_is_kept_and_shows_a_committed_change_at_once(client, owner, service, agency):
    make(service, title="Listed first")
    client.force_login(owner)
    worked_out, first = page_queries(client, "/assessments/")
    kept, again = page_queries(client, "/assessments/")
    assert kept == 3 < worked_out
    assert content(again) == content(first)
    make(service, title="Listed second")
    assert "Listed second" in content(client.get("/assessments/"))
    assert "Listed second" not in content(client.get("/assessments/", {"q": "first"}))
    colleague = factories.member_of(agency, role="viewer", username="colleague")
    client.force_login(colleague)
    assert "Start a new assessment" not in content(client.get("/assessments/"))


def test_a_kept_report_is_still_refused_to_outsiders_and_shows_changes(
    client, owner, outsider, service
):
    assessment = make(service, title="Reported on")
    url = assessment.get_absolute_url()
    client.force_login(owner)
    worked_out, first = page_queries(client, url)
    kept, again = page_queries(client, url)
    assert kept == 4 < worked_out  # session, user, the assessment and its access, the cache
    assert content(again) == content(first)
    Assessment.objects.filter(pk=assessment.pk).update(title="Renamed since")
    assert "<h1>Renamed since" in content(client.get(url))  # in the kept part, not the title
    client.force_login(outsider)
    assert client.get(url).status_code == 404
