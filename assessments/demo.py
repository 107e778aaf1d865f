"""Demo assessments across the demo services, for trying Coprod out. Idempotent.

Each arrangement in `assessments.demo_data` is keyed on (service, title) and created
only when missing, so running the seed twice changes nothing and a demo user's own edits
survive. The hourly rate, appraisal period and discount rate come from the agency's
defaults, as they do for an assessment started in the wizard.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from assessments.choices import Status
from assessments.demo_data import DEMO_ASSESSMENTS
from assessments.models import TEXT_FIELDS, Assessment, AssessmentText, Option
from services.demo import PEOPLE
from services.models import Agency, Role, Service


def _authors(agencies: dict[str, Agency]) -> dict[str, object]:
    """Each demo agency's author: the demo person who manages it."""
    User = get_user_model()
    managers = {
        slug: username
        for username, *_, memberships in PEOPLE
        for slug, role in memberships
        if role == Role.MANAGER
    }
    users = User.objects.in_bulk(set(managers.values()), field_name="username")
    return {slug: users[username] for slug, username in managers.items() if slug in agencies}


def _add_options(assessment: Assessment, choices: list[dict]) -> None:
    options = [Option(**answers) for answers in choices]
    for option in options:
        # Catch a mistyped choice or an out-of-range figure here, as for the assessment.
        option.full_clean(exclude=["assessment", "position"], validate_constraints=False)
    assessment.add_options(options)


@transaction.atomic
def seed_assessments(agencies: dict[str, Agency]) -> int:
    """Add each demo assessment that is not there yet; returns how many were added.

    `agencies` is what `services.demo.seed_people_and_services()` returns. An assessment
    already present under the same service and title is left exactly as it is.
    """
    authors = _authors(agencies)
    services = {
        (service.agency.slug, service.name): service
        for service in Service.objects.filter(agency__in=agencies.values()).select_related("agency")
    }
    existing = set(
        Assessment.objects.filter(service__in=services.values()).values_list("service_id", "title")
    )
    now = timezone.now()
    added = 0
    for demo in DEMO_ASSESSMENTS:
        service = services[(demo.agency, demo.service)]
        if (service.pk, demo.title) in existing:
            continue
        agency = agencies[demo.agency]
        answers = {k: v for k, v in demo.answers.items() if k not in TEXT_FIELDS}
        written = {k: v for k, v in demo.answers.items() if k in TEXT_FIELDS}
        choices = answers.pop("options", None)
        assessment = Assessment(
            service=service,
            title=demo.title,
            author=authors[demo.agency],
            **{**agency.appraisal_defaults(), **answers},
        )
        saved_at = now - timedelta(days=demo.days_ago)
        if demo.submitted:
            assessment.status = Status.SUBMITTED
            assessment.submitted_at = saved_at
        # Catch a mistyped choice here rather than on a demo page; the database checks the
        # constraints itself on insert.
        assessment.full_clean(validate_constraints=False)
        assessment.save()
        if choices:
            _add_options(assessment, choices)
        else:
            assessment.add_default_options()
        assessment.save()  # again, now the options are there to score
        AssessmentText.objects.create(assessment=assessment, **written)
        # Backdate, so the lists and dashboards show a history rather than one instant.
        Assessment.objects.filter(pk=assessment.pk).update(
            created_at=saved_at - timedelta(days=7), updated_at=saved_at
        )
        added += 1
    return added
