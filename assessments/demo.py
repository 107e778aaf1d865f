"""Demo assessments across the demo services, for trying Coprod out. Idempotent.

Each arrangement in `assessments.demo_data` is keyed on (service, title) and created
only when missing, so running the seed twice changes nothing and a demo user's own edits
survive. The hourly rate, appraisal period and discount rate come from the agency's
defaults, as they do for an assessment started in the wizard.
"""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from assessments.choices import Status
from assessments.demo_data import DEMO_ASSESSMENTS
from assessments.models import (
    TEXT_FIELDS,
    Assessment,
    AssessmentText,
    Option,
    OutcomeEffect,
    OutcomeMeasure,
)
from services.demo import PEOPLE
from services.models import Agency, ReferenceValue, Role, Service


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


def _add_outcomes(assessment: Assessment, measures: list[dict], currency: str) -> None:
    """Save the outcome measures of a demo assessment and their effects (see
    `demo_data.build.outcome`): a reference value's figures and citation are copied, as the
    outcome page copies them."""
    if not measures:
        return
    references = ReferenceValue.objects.in_bulk(
        [m["reference"] for m in measures if m["reference"]], field_name="slug"
    )
    options = {option.name: option for option in assessment.ordered_options}
    for position, answers in enumerate(measures, start=1):
        reference = references.get(answers["reference"])
        if answers["reference"] and reference is None:
            continue  # a curator removed the value: the demo goes without this outcome
        measure = OutcomeMeasure(
            assessment=assessment,
            position=position,
            name=answers["name"],
            unit=answers["unit"],
            as_difference=answers["as_difference"],
            evidence=answers["evidence"],
            reason=answers["reason"],
        )
        if reference is not None:
            measure.reference_value = reference
            measure.unit_value, measure.unit_value_low = reference.value, reference.low
            measure.unit_value_high, measure.currency = reference.high, reference.currency
            measure.price_year, measure.source = reference.price_year, reference.citation
            measure.source_url = reference.url
        else:
            measure.unit_value = answers["value"]
            measure.unit_value_low = answers["low"] or answers["value"]
            measure.unit_value_high = answers["high"] or answers["value"]
            measure.currency, measure.price_year = currency, answers["price_year"]
        measure.bring_to(assessment.price_year)
        measure.save()
        OutcomeEffect.objects.bulk_create(
            OutcomeEffect(
                outcome=measure,
                option=options[name],
                estimate=Decimal(estimate),
                low=None if low is None else Decimal(low),
                high=None if high is None else Decimal(high),
                spread=spread or "",
            )
            for name, (estimate, low, high, spread) in answers["effects"].items()
        )
    assessment.forget_outcomes()


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
        measures = answers.pop("outcomes", [])
        assessment = Assessment(
            service=service,
            title=demo.title,
            author=authors[demo.agency],
            **{**agency.appraisal_defaults(), **answers},
        )
        saved_at = now - timedelta(days=demo.days_ago)
        if demo.submitted:
            assessment.status = Status.SUBMITTED
            assessment.appraisal_confirmed = True
            assessment.submitted_at = saved_at
        # Catch a mistyped choice here rather than on a demo page; the database checks the
        # constraints itself on insert.
        assessment.full_clean(validate_constraints=False)
        assessment.save()
        if choices:
            _add_options(assessment, choices)
        else:
            assessment.add_default_options()
        _add_outcomes(assessment, measures, agency.currency)
        assessment.save()  # again, now the options (and outcomes) are there to score
        AssessmentText.objects.create(assessment=assessment, **written)
        # Backdate, so the lists and dashboards show a history rather than one instant.
        Assessment.objects.filter(pk=assessment.pk).update(
            created_at=saved_at - timedelta(days=7), updated_at=saved_at
        )
        added += 1
    return added
