"""Kept pages (`coprod_site/changes.py`): the dashboard is served from the shared cache
until a committed write changes the data under it, and never after.

These tests commit for real (`transaction=True`), as the app does: the data's generation
moves when a write's transaction commits. What happens when a process dies, writes from
outside the app, installations sharing a cache and a restored cache are in
test_kept_pages_generation.py.
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


def test_every_kind_of_committed_write_moves_the_generation_on(service):
    assessment = make(service, status=Status.DRAFT)
    table = Service._meta.db_table
    writes = {
        "a model's save": lambda: assessment.save(),
        "a queryset's update": lambda: Assessment.objects.filter(pk=assessment.pk).update(
            title="Renamed"
        ),
        "a bulk insert": lambda: Agency.objects.bulk_create(
            [factories.AgencyFactory.build(name="Bulk", slug="bulk")]
        ),
        "a delete": lambda: Option.objects.filter(assessment=assessment).delete(),
        "raw SQL": lambda: connection.cursor().execute(f"UPDATE {table} SET name = %s", ["Raw"]),
        "raw SQL after a comment": lambda: connection.cursor().execute(
            f"/* by hand */ -- and a line\nUPDATE {table} SET name = %s", ["Commented"]
        ),
        "raw SQL starting WITH": lambda: connection.cursor().execute(
            f"WITH renamed AS (SELECT %s AS name) UPDATE {table} SET name = "
            "(SELECT name FROM renamed)",
            ["With"],
        ),
    }
    # Each moves the generation of the agency written (test_kept_pages_agencies.py says
    # which), so the installation's total of them.
    for name, write in writes.items():
        before = changes._total()
        write()
        assert changes._total() > before, name


def test_a_rolled_back_write_leaves_the_generation(service):
    before = changes.generation()
    with pytest.raises(RuntimeError), transaction.atomic():
        make(service)
        Survey.objects.filter(pk=0).update(response_count=1)
        raise RuntimeError
    assert changes.generation() == before


def test_a_transaction_moves_the_generation_when_it_commits(service):
    before = changes.agency_generation(service.agency_id)
    with transaction.atomic():
        make(service)
        make(service)
    assert changes.agency_generation(service.agency_id) > before
    if connection.vendor == "postgresql":
        # Once a transaction, however many rows it wrote.
        assert changes.agency_generation(service.agency_id) == before + 1


def test_writes_to_other_tables_leave_the_generation(owner):
    before = changes.generation()
    Session.objects.create(session_key="x" * 32, session_data="", expire_date=timezone.now())
    cache.set("anything", 1)
    AccessToken.objects.filter(user=owner).update(revoked_at=None)
    assert changes.generation() == before


def test_every_table_of_the_agencies_data_is_watched_by_triggers():
    tables = changes.watched_tables()
    for model in (Agency, Service, Membership, Assessment, Option, Survey, get_user_model()):
        assert model._meta.db_table in tables
    assert AccessToken._meta.db_table not in tables
    with connection.cursor() as cursor:
        installed = {table for table, _ in changes._installed_triggers(cursor, connection.vendor)}
    assert installed == set(tables)


def test_a_table_that_lost_its_triggers_gets_them_back_after_a_migrate():
    table = Option._meta.db_table
    changes.sync_triggers(tables=tuple(t for t in changes.watched_tables() if t != table))
    before = changes.generation()
    changes.migration_ended(using="default")  # as after `migrate`
    with connection.cursor() as cursor:
        installed = {table for table, _ in changes._installed_triggers(cursor, connection.vendor)}
    assert table in installed
    assert changes.generation() > before  # its writes meanwhile went unseen


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
    assert kept == 4 < worked_out  # session, user, the data's generation, one cache read
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


def test_a_new_generation_means_working_the_page_out_again(client, owner, service):
    make(service)
    client.force_login(owner)
    client.get("/")
    changes.new_generation()
    queries, _ = page_queries(client)
    assert queries > 4
    assert page_queries(client)[0] == 4


def test_a_new_release_does_not_serve_an_old_releases_page(client, owner, service, monkeypatch):
    make(service)
    client.force_login(owner)
    client.get("/")
    monkeypatch.setattr(changes, "_build", "another release")
    assert page_queries(client)[0] > 4


def test_without_a_cache_the_dashboard_is_worked_out_and_writes_still_succeed(
    client, owner, service, monkeypatch, caplog
):
    def unreachable(*args, **kwargs):
        raise ConnectionError("the cache is down")

    for method in ("get_many", "get", "add", "set"):
        monkeypatch.setattr(cache, method, unreachable)
    client.force_login(owner)
    make(service, title="Counted without a cache")
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
    assert kept == 4 < worked_out
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
    # session, user, the assessment and its access, the data's generation, the cache
    assert kept == 5 < worked_out
    assert content(again) == content(first)
    Assessment.objects.filter(pk=assessment.pk).update(title="Renamed since")
    assert "<h1>Renamed since" in content(client.get(url))  # in the kept part, not the title
    client.force_login(outsider)
    assert client.get(url).status_code == 404
