"""Small factories for building test data; no JSON fixtures."""

from decimal import Decimal

import factory
from django.contrib.auth import get_user_model

from assessments.models import TEXT_FIELDS, Assessment, AssessmentText, Option
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


def option_answers(name, **answers) -> dict:
    """One option's answers, as keyword arguments of Option."""
    return {"name": name, **answers}


def complete_options() -> list[dict]:
    """Co-production against teaching assistants, both fully answered.

    Both serve 1,000 clients a year for 3 years at 3.5%, high confidence (10% uplift).
    Co-production is cheaper (20,000 a year against 60,000) and rated better (4 against 3),
    so it is cheaper and better.
    """
    return [
        option_answers(
            "Parents at home",
            co_produced=True,
            setup_cost=Decimal("5000"),
            annual_agency_cost=Decimal("20000"),
            hours_per_client=Decimal("1"),
            clients_per_year=1000,
            confidence="high",
            **dict.fromkeys(("effectiveness", "consistency", "trust", "experience"), 4),
        ),
        option_answers(
            "Teaching assistants in school",
            co_produced=False,
            comparator=True,
            setup_cost=Decimal("0"),
            annual_agency_cost=Decimal("60000"),
            hours_per_client=Decimal("0"),
            clients_per_year=1000,
            confidence="high",
            **dict.fromkeys(("effectiveness", "consistency", "trust", "experience"), 3),
        ),
    ]


def complete_answers(**overrides) -> dict:
    """Answers for every section of an optional co-production arrangement, its two options
    (see complete_options) included under "options"."""
    answers = {
        "work_description": "Trained parents listen to children read at home.",
        "co_producer_types": ["families"],
        "level": "individual",
        "phases": ["delivery"],
        "inputs": "Books, guidance, parents' time",
        "outputs": "Reading practice",
        "work_relation": "adds",
        "agency_contributions": ["training", "information"],
        "co_producer_contributions": ["time", "effort"],
        "timing": "sequential",
        "co_producers_per_year": 500,
        "hours_per_co_producer": Decimal("20"),
        "private_value_strength": 3,
        "public_value_strength": 2,
        "necessity": "optional",
        "material_motivation": 1,
        "intrinsic_motivation": 2,
        "social_motivation": 2,
        "normative_motivation": 4,
        "sanctions_motivation": 0,
        "material_rewards_offered": False,
        "expertise_required": 2,
        "co_producer_capability": 3,
        "capability_varies_by_area": False,
        "special_assets": ["trust"],
        "burden_on_vulnerable": False,
        "hourly_rate": Decimal("10.00"),
        "appraisal_years": 3,
        "discount_rate": Decimal("3.50"),
        "appraisal_confirmed": True,
        "options": complete_options(),
    }
    answers.update(overrides)
    return answers


class AssessmentFactory(factory.django.DjangoModelFactory):
    """A draft with nothing answered yet; pass **complete_answers() for a finished one.

    Free-text answers (`work_description=...`) may be passed like any other: they go to the
    assessment's AssessmentText row, which is created only when there are some.
    `options` is a list of dicts of Option fields; without it the assessment gets the two
    blank options a new assessment starts with.
    """

    class Meta:
        model = Assessment

    service = factory.SubFactory(ServiceFactory)
    title = factory.Sequence(lambda n: f"Arrangement {n}")
    author = factory.SubFactory(UserFactory)

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        kwargs.pop("options", None)
        written = _pop_text_answers(kwargs)
        assessment = super()._build(model_class, *args, **kwargs)
        if written:
            assessment.text = AssessmentText(**written)
        return assessment

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        choices = kwargs.pop("options", None)
        written = _pop_text_answers(kwargs)
        assessment = super()._create(model_class, *args, **kwargs)
        if choices is None:
            assessment.add_default_options()
        else:
            assessment.add_options([Option(**answers) for answers in choices])
        assessment.save()  # score again, with the options
        if written:
            assessment.text = AssessmentText.objects.create(assessment=assessment, **written)
        return assessment


def _pop_text_answers(kwargs) -> dict:
    return {name: kwargs.pop(name) for name in TEXT_FIELDS if name in kwargs}


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
