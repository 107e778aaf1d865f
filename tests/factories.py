"""Small factories for building test data; no JSON fixtures."""

import factory
from django.contrib.auth import get_user_model

from services.models import (
    Agency,
    ClientType,
    DeliveryMode,
    GovernmentLevel,
    Membership,
    Sector,
    Service,
)

PASSWORD = "a-long-test-password-1"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password(PASSWORD)


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Agency {n}")
    slug = factory.LazyAttribute(lambda a: a.name.lower().replace(" ", "-"))
    government_level = GovernmentLevel.LOCAL
    sector = Sector.HEALTH
    jurisdiction = "Testshire"


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    agency = factory.SubFactory(AgencyFactory)
    name = factory.Sequence(lambda n: f"Service {n}")
    sector = Sector.HEALTH
    client_type = ClientType.BENEFICIARIES
    clients_per_year = 1000
    delivery_mode = DeliveryMode.IN_HOUSE


def member_of(agency, *, role="manager", username=None, **user_fields):
    user = UserFactory(**({"username": username} if username else {}), **user_fields)
    Membership.objects.create(user=user, agency=agency, role=role)
    return user
