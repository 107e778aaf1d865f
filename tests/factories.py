"""Small factories for building test data; no JSON fixtures."""

import factory
from django.contrib.auth import get_user_model

from services.models import (
    Agency,
    CaseExample,
    CaseSource,
    CaseStatus,
    ClientType,
    CoProducerType,
    DeliveryMode,
    GovernmentLevel,
    Level,
    Membership,
    Necessity,
    Sector,
    Service,
    ValueType,
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


class CaseExampleFactory(factory.django.DjangoModelFactory):
    """A published library case with one source.

    `CaseExampleFactory(draft=True)` for a draft; `sources=None` for a case with no source.
    """

    class Meta:
        model = CaseExample
        skip_postgeneration_save = True

    class Params:
        draft = factory.Trait(status=CaseStatus.DRAFT)

    title = factory.Sequence(lambda n: f"Case {n:03d}")
    slug = factory.Sequence(lambda n: f"case-{n:03d}")
    summary = "Residents took on part of the service's work themselves."
    work = "They report problems and fix the small ones."
    country = "United Kingdom"
    sector = Sector.HEALTH
    government_level = GovernmentLevel.LOCAL
    co_producer_type = CoProducerType.CITIZENS
    level = Level.INDIVIDUAL
    value_type = ValueType.BOTH
    necessity = Necessity.OPTIONAL
    motivators = factory.LazyFunction(lambda: ["social"])
    special_assets = factory.LazyFunction(list)
    status = CaseStatus.PUBLISHED
    sources = factory.RelatedFactory(
        "tests.factories.CaseSourceFactory", factory_related_name="case"
    )


class CaseSourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseSource

    case = factory.SubFactory(CaseExampleFactory, sources=None)
    citation = factory.Sequence(lambda n: f"Author, A. ({2000 + n % 25}), Journal of Examples {n}")
    url = factory.Sequence(lambda n: f"https://example.org/papers/{n}")
    order = 1
