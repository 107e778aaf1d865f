"""The page where a manager changes one of their agency's services: /services/<code>/edit/."""

from django.urls import reverse

from services.models import Service
from tests import factories


def edit_url(service) -> str:
    return reverse("services:edit", args=[service.code])


def details(**changes) -> dict:
    return {
        "name": "Infant feeding support",
        "description": "Help for mothers who want to breastfeed.",
        "sector": "health",
        "client_type": "beneficiaries",
        "clients_per_year": "9,500",
        "delivery_mode": "partly_co_produced",
        **changes,
    }


def test_the_owner_changes_the_service(client, owner, service):
    client.force_login(owner)
    response = client.post(edit_url(service), details(clients_per_year="40k"), follow=True)
    assert response.redirect_chain[-1][0] == service.get_absolute_url()
    service.refresh_from_db()
    assert service.name == "Infant feeding support"
    assert service.clients_per_year == 40_000
    assert service.delivery_mode == "partly_co_produced"
    assert "Saved the changes to Infant feeding support." in response.content.decode()


def test_the_page_shows_the_saved_details_and_explains_client_types(client, owner, service):
    client.force_login(owner)
    page = client.get(edit_url(service)).content.decode()
    assert 'value="Home Service"' in page
    assert "Beneficiaries receive the service" in page
    assert "Obligatees owe a duty, like taxpayers or regulated firms" in page
    assert "Citizens at large share the benefit together" in page


def test_the_service_page_links_managers_to_the_edit_page(client, owner, viewer, service):
    client.force_login(owner)
    assert edit_url(service) in client.get(service.get_absolute_url()).content.decode()
    client.force_login(viewer)
    assert edit_url(service) not in client.get(service.get_absolute_url()).content.decode()


def test_viewer_gets_403(client, viewer, service):
    client.force_login(viewer)
    assert client.get(edit_url(service)).status_code == 403
    assert client.post(edit_url(service), details()).status_code == 403
    service.refresh_from_db()
    assert service.name == "Home Service"


def test_outsider_gets_404(client, outsider, service):
    client.force_login(outsider)
    assert client.get(edit_url(service)).status_code == 404
    assert client.post(edit_url(service), details()).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, service):
    response = client.get(edit_url(service))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_bad_input_keeps_what_was_typed_with_a_plain_message(client, owner, service):
    client.force_login(owner)
    response = client.post(edit_url(service), details(name="", clients_per_year="lots"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Enter the name of the service" in page
    assert "Enter the number of clients a year as a number, like 9,500 or 40k" in page
    assert 'value="lots"' in page
    assert "<title>Error: Change Home Service" in page  # the saved name, not the blank one
    service.refresh_from_db()
    assert service.name == "Home Service"


def test_a_name_another_service_of_the_agency_has_is_a_field_error(client, owner, agency, service):
    factories.ServiceFactory(agency=agency, name="Falls prevention")
    client.force_login(owner)
    response = client.post(edit_url(service), details(name="falls prevention"))
    assert response.status_code == 200
    assert "Home Agency already has a service called “falls prevention”" in (
        response.content.decode()
    )
    assert Service.objects.filter(name__iexact="falls prevention").count() == 1


def test_another_agencys_service_may_have_the_same_name(client, owner, service, other_service):
    client.force_login(owner)
    response = client.post(edit_url(service), details(name=other_service.name))
    assert response.status_code == 302


def test_keeping_its_own_name_is_not_a_clash(client, owner, service):
    client.force_login(owner)
    assert client.post(edit_url(service), details(name="Home Service")).status_code == 302


def test_a_name_taken_by_a_crossing_save_is_a_field_error_not_a_500(
    client, owner, agency, service, monkeypatch
):
    """Two managers saving at once: the form's check passes, the database refuses."""
    factories.ServiceFactory(agency=agency, name="Taken")
    monkeypatch.setattr("services.forms.ServiceForm.clean", lambda form: form.cleaned_data)
    client.force_login(owner)
    response = client.post(edit_url(service), details(name="Taken"))
    assert response.status_code == 200
    assert "Home Agency already has a service called “Taken”" in response.content.decode()
