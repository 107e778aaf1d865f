import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories
from tests.factories import PASSWORD

# Every page but sign-in and /healthz needs a signed-in user.
PROTECTED_PATHS = ["/", "/services/", "/export/services.csv"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PROTECTED_PATHS)
def test_anonymous_user_is_sent_to_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.django_db
def test_anonymous_user_is_sent_to_sign_in_for_a_service(client, service):
    response = client.get(service.get_absolute_url())
    assert response.status_code == 302


@pytest.mark.django_db
def test_login_page_is_open(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert b"Sign in" in response.content


@pytest.mark.django_db
def test_signing_in_lands_on_the_dashboard(client, owner, agency):
    response = client.post(
        reverse("login"), {"username": "owner", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("dashboard")
    assert agency.name in response.content.decode()


@pytest.mark.django_db
def test_wrong_password_shows_an_error_summary(client, owner):
    response = client.post(reverse("login"), {"username": "owner", "password": "nope"})
    assert response.status_code == 200
    assert b"There is a problem" in response.content


@pytest.mark.django_db
def test_sign_out_needs_post(client, owner):
    client.force_login(owner)
    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302


@pytest.mark.django_db
def test_healthz_answers_ok_without_signing_in(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"


@pytest.mark.django_db
def test_healthz_reports_a_broken_database(client, monkeypatch):
    from django.db import DatabaseError

    def broken(*args, **kwargs):
        raise DatabaseError("down")

    monkeypatch.setattr("coprod_site.views.connection.cursor", broken)
    response = client.get("/healthz")
    assert response.status_code == 503


def test_service_list_shows_only_my_agencies(client, owner, service, other_service):
    client.force_login(owner)
    response = client.get(reverse("services:list"))
    assert response.status_code == 200
    assert service.name in response.content.decode()
    assert other_service.name not in response.content.decode()


def test_service_list_filters_by_sector_and_name(client, owner, agency):
    factories.ServiceFactory(agency=agency, name="Libraries", sector="local_services")
    factories.ServiceFactory(agency=agency, name="Clinics", sector="health")
    client.force_login(owner)
    page = client.get(reverse("services:list"), {"sector": "health"}).content.decode()
    assert "Clinics" in page and "Libraries" not in page
    page = client.get(reverse("services:list"), {"q": "libr"}).content.decode()
    assert "Libraries" in page and "Clinics" not in page


def test_a_bad_service_filter_is_shown_as_an_error_and_the_rest_still_apply(
    client, owner, agency, other_agency
):
    factories.ServiceFactory(agency=agency, name="Libraries", sector="local_services")
    factories.ServiceFactory(agency=agency, name="Clinics", sector="health")
    client.force_login(owner)
    response = client.get(
        reverse("services:list"), {"agency": other_agency.slug, "sector": "moon", "q": "clin"}
    )
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert "Choose one of your agencies from the list." in page
    assert "Choose one of the options in the list." in page
    assert "Clinics" in page and "Libraries" not in page  # the good filter still applies
    assert page.count("<title>Error: ") == 1


def test_service_detail_for_member(client, viewer, service):
    client.force_login(viewer)
    response = client.get(service.get_absolute_url())
    assert response.status_code == 200
    assert service.name in response.content.decode()


def test_outsider_gets_404_for_another_agencys_service(client, outsider, service):
    client.force_login(outsider)
    assert client.get(service.get_absolute_url()).status_code == 404


def test_service_list_query_count_does_not_grow_with_services(client, owner, agency):
    client.force_login(owner)

    def count_queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("services:list")).status_code == 200
        return len(ctx)

    factories.ServiceFactory.create_batch(3, agency=agency)
    few = count_queries()
    factories.ServiceFactory.create_batch(20, agency=agency)
    # session, user, agency filter choices, header agencies, count, page of services
    assert count_queries() == few <= 6


def test_services_export_streams_only_my_filtered_services(client, owner, agency, other_service):
    factories.ServiceFactory(agency=agency, name="=HYPERLINK(evil)", sector="health")
    factories.ServiceFactory(agency=agency, name="Parks", sector="environment")
    client.force_login(owner)
    response = client.get("/export/services.csv", {"sector": "health"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode()
    lines = body.strip().splitlines()
    assert lines[0].startswith("service_id,service,agency")
    assert len(lines) == 2
    assert "'=HYPERLINK(evil)" in body  # a spreadsheet will not run it
    assert "Parks" not in body and other_service.name not in body


def test_not_found_page_speaks_plainly(client, owner):
    client.force_login(owner)
    response = client.get("/services/00000000-0000-0000-0000-000000000000/")
    assert response.status_code == 404
    assert b"Page not found" in response.content
