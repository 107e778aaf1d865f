"""The page where a manager adds a service to one of their agencies: /services/new/."""

from django.urls import reverse

from services.models import Membership, Service
from tests import factories

NEW = reverse("services:new")


def details(agency, **changes) -> dict:
    return {
        "agency": agency.slug,
        "name": "Community falls prevention",
        "description": "",
        "sector": "health",
        "client_type": "beneficiaries",
        "clients_per_year": "3,200",
        "delivery_mode": "in_house",
        **changes,
    }


def test_the_owner_adds_a_service_to_their_agency(client, owner, agency):
    client.force_login(owner)
    response = client.post(NEW, details(agency), follow=True)
    service = Service.objects.get(name="Community falls prevention")
    assert service.agency == agency
    assert service.clients_per_year == 3200
    assert response.redirect_chain[-1][0] == service.get_absolute_url()
    assert "Added Community falls prevention to Home Agency." in response.content.decode()


def test_the_services_list_offers_managers_the_page(client, owner, viewer, service):
    client.force_login(owner)
    assert f'href="{NEW}"' in client.get(reverse("services:list")).content.decode()
    client.force_login(viewer)
    assert f'href="{NEW}"' not in client.get(reverse("services:list")).content.decode()


def test_a_manager_of_one_agency_finds_it_chosen(client, owner, agency):
    client.force_login(owner)
    form = client.get(NEW).context["form"]
    assert form["agency"].value() == agency.slug


def test_a_manager_of_several_agencies_chooses_one_and_sees_only_theirs(
    client, owner, agency, other_agency
):
    third = factories.AgencyFactory(name="Third Agency")
    Membership.objects.create(user=owner, agency=third, role="manager")
    Membership.objects.create(user=owner, agency=other_agency, role="viewer")
    client.force_login(owner)
    page = client.get(NEW, {"agency": third.slug}).content.decode()
    assert "Home Agency" in page and "Third Agency" in page
    assert 'value="other-agency"' not in page  # a viewer there may not add to it
    assert client.get(NEW, {"agency": third.slug}).context["form"]["agency"].value() == third.slug
    response = client.post(NEW, details(other_agency))
    assert response.status_code == 200
    assert "Choose one of the agencies you manage" in response.content.decode()
    assert not Service.objects.filter(agency=other_agency).exists()


def test_viewer_gets_403(client, viewer, agency):
    client.force_login(viewer)
    assert client.get(NEW).status_code == 403
    assert client.post(NEW, details(agency)).status_code == 403
    assert not Service.objects.exists()


def test_outsider_cannot_add_to_an_agency_they_do_not_manage(client, outsider, agency):
    client.force_login(outsider)
    response = client.post(NEW, details(agency))
    assert response.status_code == 200
    assert "Choose one of the agencies you manage" in response.content.decode()
    assert not Service.objects.filter(agency=agency).exists()


def test_someone_in_no_agency_gets_404(client, db):
    client.force_login(factories.UserFactory(username="nobody"))
    assert client.get(NEW).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, db):
    response = client.get(NEW)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_bad_input_keeps_what_was_typed_with_a_plain_message(client, owner, agency):
    client.force_login(owner)
    response = client.post(
        NEW, details(agency, client_type="", clients_per_year="-5", name="Typed name")
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Choose who the clients are" in page
    assert "Enter the number of clients a year as 0 or more" in page
    assert 'value="Typed name"' in page and 'value="-5"' in page
    assert not Service.objects.exists()


def test_a_duplicate_name_in_the_agency_is_a_field_error_not_a_500(client, owner, service):
    client.force_login(owner)
    response = client.post(NEW, details(service.agency, name="Home Service"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Home Agency already has a service called “Home Service”" in page
    assert Service.objects.count() == 1
