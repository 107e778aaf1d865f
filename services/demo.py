"""Demo agencies, services, people and library cases for trying Coprod out. Idempotent."""

import importlib
from decimal import Decimal

from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.db import transaction

from services.case_library_data import CASES
from services.curators import case_curators_group
from services.models import (
    Agency,
    CaseExample,
    CaseSource,
    CaseStatus,
    ClientType,
    DeliveryMode,
    GovernmentLevel,
    Membership,
    Role,
    Sector,
    Service,
)

AGENCIES = [
    {
        "slug": "national-revenue-office",
        "name": "National Revenue Office",
        "government_level": GovernmentLevel.NATIONAL,
        "sector": Sector.TAX_REVENUE,
        "jurisdiction": "Commonwealth",
        "default_hourly_value": Decimal("32.00"),
        "default_willingness_to_pay": Decimal("2.00"),
        "currency": "AUD",
    },
    {
        "slug": "riverside-health",
        "name": "Riverside Regional Health Board",
        "government_level": GovernmentLevel.STATE,
        "sector": Sector.HEALTH,
        "jurisdiction": "Riverside Region",
        "default_hourly_value": Decimal("18.50"),
        # The board's own low and high values to try: time valued as leisure (a fraction
        # of a wage) up to a care worker's full cost, and a quality point from half to
        # twice its central figure.
        "default_hourly_value_low": Decimal("9.25"),
        "default_hourly_value_high": Decimal("27.75"),
        "default_willingness_to_pay": Decimal("5.00"),
        "default_willingness_to_pay_low": Decimal("2.50"),
        "default_willingness_to_pay_high": Decimal("10.00"),
        "currency": "GBP",
    },
    {
        "slug": "northvale-council",
        "name": "Northvale City Council",
        "government_level": GovernmentLevel.LOCAL,
        "sector": Sector.LOCAL_SERVICES,
        "jurisdiction": "City of Northvale",
        "default_hourly_value": Decimal("17.00"),
        # No default_willingness_to_pay: the council has not decided what a quality point
        # is worth, so its reports lead with the frontier.
        "currency": "GBP",
    },
]

SERVICES = [
    ("national-revenue-office", "Individual income tax returns", Sector.TAX_REVENUE,
     ClientType.OBLIGATEES, 11_000_000, DeliveryMode.PARTLY_CO_PRODUCED,
     "Assessing and collecting personal income tax, mostly through self-lodged returns."),
    ("national-revenue-office", "Small business record keeping", Sector.TAX_REVENUE,
     ClientType.OBLIGATEES, 850_000, DeliveryMode.IN_HOUSE,
     "Helping sole traders keep records that meet their tax obligations."),
    ("national-revenue-office", "Voluntary disclosure of tax errors", Sector.REGULATION,
     ClientType.OBLIGATEES, 40_000, DeliveryMode.PARTLY_CO_PRODUCED,
     "Firms and people correcting their own past mistakes in exchange for reduced penalties."),
    ("riverside-health", "Infant feeding support", Sector.HEALTH,
     ClientType.BENEFICIARIES, 9_500, DeliveryMode.IN_HOUSE,
     "Antenatal and postnatal help for mothers who want to breastfeed."),
    ("riverside-health", "Long-term conditions self-management", Sector.HEALTH,
     ClientType.BENEFICIARIES, 14_000, DeliveryMode.CONTRACTED,
     "Courses and coaching so people with chronic illness can manage day to day."),
    ("riverside-health", "Community falls prevention", Sector.HEALTH,
     ClientType.BENEFICIARIES, 3_200, DeliveryMode.IN_HOUSE,
     "Strength and balance classes for older people at risk of falls."),
    ("northvale-council", "Street and pothole reporting", Sector.LOCAL_SERVICES,
     ClientType.CITIZENS, 60_000, DeliveryMode.PARTLY_CO_PRODUCED,
     "Finding and fixing defects in roads, pavements and street lights."),
    ("northvale-council", "Household recycling", Sector.ENVIRONMENT,
     ClientType.OBLIGATEES, 120_000, DeliveryMode.MOSTLY_CO_PRODUCED,
     "Kerbside collection of sorted recyclables and residual waste."),
    ("northvale-council", "Reading support in primary schools", Sector.EDUCATION,
     ClientType.BENEFICIARIES, 7_800, DeliveryMode.IN_HOUSE,
     "Extra reading practice for children aged six to eight."),
    ("northvale-council", "Walking to school", Sector.TRANSPORT,
     ClientType.BENEFICIARIES, 2_400, DeliveryMode.MOSTLY_CO_PRODUCED,
     "Supervised walking routes so children can get to school safely without a car."),
    ("northvale-council", "Neighbourhood safety", Sector.COMMUNITY_SAFETY,
     ClientType.CITIZENS, 52_000, DeliveryMode.PARTLY_CO_PRODUCED,
     "Preventing burglary and antisocial behaviour with residents and the police."),
]  # fmt: skip

# What a demo person may do beyond their agencies: nothing, curate the case library (staff
# in the "Case curators" group), or administer everything (a superuser).
MEMBER, CURATOR, ADMINISTRATOR = "member", "curator", "administrator"

# username, first name, last name, access, who they are, memberships [(agency slug, role)]
PEOPLE = [
    ("manager", "Morgan", "Lee", MEMBER, "manager of two agencies",
     [("national-revenue-office", Role.MANAGER), ("northvale-council", Role.MANAGER)]),
    ("viewer", "Val", "Okafor", MEMBER, "reads one agency", [("northvale-council", Role.VIEWER)]),
    ("health_manager", "Harriet", "Singh", MEMBER, "manager of another agency",
     [("riverside-health", Role.MANAGER)]),
    ("curator", "Casey", "Brown", CURATOR, "curates case examples in /admin/", []),
    ("admin", "Ada", "Ndlovu", ADMINISTRATOR, "administrator: everything in /admin/", []),
]  # fmt: skip


@transaction.atomic
def seed_people_and_services(password: str) -> dict[str, Agency]:
    agencies = {}
    for fields in AGENCIES:
        slug = fields["slug"]
        agencies[slug], _ = Agency.objects.update_or_create(
            slug=slug, defaults={k: v for k, v in fields.items() if k != "slug"}
        )
    for slug, name, sector, client_type, clients, mode, description in SERVICES:
        Service.objects.update_or_create(
            agency=agencies[slug],
            name=name,
            defaults={
                "sector": sector,
                "client_type": client_type,
                "clients_per_year": clients,
                "delivery_mode": mode,
                "description": description,
            },
        )
    User = get_user_model()
    curators = case_curators_group()
    for username, first, last, access, _, memberships in PEOPLE:
        user, _ = User.objects.update_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@example.org",
                "is_staff": access in (CURATOR, ADMINISTRATOR),
                "is_superuser": access == ADMINISTRATOR,
            },
        )
        user.set_password(password)
        user.save(update_fields=["password"])
        if access == CURATOR:
            user.groups.add(curators)
        else:
            user.groups.remove(curators)
        for slug, role in memberships:
            Membership.objects.update_or_create(
                user=user, agency=agencies[slug], defaults={"role": role}
            )
    return agencies


@transaction.atomic
def seed_reference_values() -> None:
    """Add the shipped reference values, the values of an hour of time, and the library's
    measured effects, that are not there yet: the data migrations' own loaders
    (0011_load_reference_values, 0013_load_time_values), run on the current models, so a
    database that lost them (a test's flush) gets them back and a curator's edits survive."""
    loader = importlib.import_module("services.migrations.0011_load_reference_values")
    loader.load_reference_values(django_apps, None)
    time_loader = importlib.import_module("services.migrations.0013_load_time_values")
    time_loader.load_time_values(django_apps, None)


@transaction.atomic
def seed_cases() -> int:
    """Add, as published, each shipped library case whose slug is not there yet.

    Never touches a case that exists, so a curator's edits survive; the data migration
    0003_load_case_library loads the same cases on a fresh database. Returns how many
    cases were added.
    """
    existing = set(CaseExample.objects.values_list("slug", flat=True))
    added = 0
    for data in CASES:
        if data["slug"] in existing:
            continue
        fields = {key: value for key, value in data.items() if key != "sources"}
        case = CaseExample.objects.create(**fields, status=CaseStatus.PUBLISHED)
        CaseSource.objects.bulk_create(
            CaseSource(case=case, citation=source["citation"], url=source["url"], order=order)
            for order, source in enumerate(data["sources"], start=1)
        )
        added += 1
    return added
