import pytest
from django.db import IntegrityError, transaction

from services.models import Membership
from tests import factories


@pytest.mark.django_db
def test_service_names_are_unique_within_an_agency():
    service = factories.ServiceFactory(name="Libraries")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ServiceFactory(agency=service.agency, name="Libraries")


@pytest.mark.django_db
def test_the_same_service_name_is_fine_in_another_agency():
    factories.ServiceFactory(name="Libraries")
    factories.ServiceFactory(name="Libraries")


@pytest.mark.django_db
def test_one_membership_per_user_and_agency(owner, agency):
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=owner, agency=agency, role="viewer")


@pytest.mark.django_db
def test_membership_role_must_be_known(agency):
    user = factories.UserFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=user, agency=agency, role="overlord")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "field, value",
    [
        ("default_hourly_value", -1),
        ("default_appraisal_years", 0),
        ("default_appraisal_years", 51),
        ("default_discount_rate", -0.5),
        ("default_discount_rate", 25),
    ],
)
def test_agency_numbers_out_of_range_are_refused_by_the_database(field, value):
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.AgencyFactory(**{field: value})


@pytest.mark.django_db
def test_clients_a_year_cannot_be_negative():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ServiceFactory(clients_per_year=-5)


@pytest.mark.django_db
def test_model_validation_explains_a_negative_rate_in_plain_words():
    from django.core.exceptions import ValidationError

    agency = factories.AgencyFactory.build(default_hourly_value=-1, slug="x")
    with pytest.raises(ValidationError) as error:
        agency.full_clean()
    assert "default_hourly_value" in error.value.message_dict
