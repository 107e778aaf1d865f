"""Move each assessment's two options from pairs of columns into Option rows, and back.

Forward: the co-production columns become a co-produced option named "With
co-production"; the alternative's become the comparator, named as the alternative was
(or "The alternative"). The results are then worked out afresh with the scoring package,
which is pure Python and reads plain values, so it can run here on historical models.
Backward: the first co-produced option that is not the comparator, and the comparator,
go back into the columns; any other option is lost, as the old shape had no room for it.
"""

from dataclasses import fields
from decimal import Decimal

from django.db import migrations

RATINGS = ("effectiveness", "consistency", "trust", "experience")
OPTION_FIELDS = (
    "setup_cost",
    "annual_agency_cost",
    "annual_co_producer_hours",
    "clients_per_year",
    "confidence",
    *RATINGS,
)
LIST_ANSWERS = ("agency_contributions", "co_producer_contributions", "special_assets")


def _decimal(value):
    return None if value is None else Decimal(str(value))


def _inputs(scoring, assessment, options):
    answers = {}
    for field in fields(scoring.AssessmentInputs):
        if field.name in ("options", "client_type") or not hasattr(assessment, field.name):
            continue
        value = getattr(assessment, field.name)
        if field.name == "phases":
            value = tuple(value or ())
        elif field.name in LIST_ANSWERS:
            value = None if value is None else tuple(value)
        elif value == "":
            value = None
        answers[field.name] = value
    if answers.get("discount_rate") is not None:
        answers["discount_rate"] = answers["discount_rate"] / 100
    option_inputs = tuple(
        scoring.OptionInputs(
            name=option.name,
            co_produced=option.co_produced,
            comparator=option.comparator,
            **{
                name: (getattr(option, name) or None)
                if name == "confidence"
                else getattr(option, name)
                for name in OPTION_FIELDS
            },
        )
        for option in options
    )
    return scoring.AssessmentInputs(
        client_type=assessment.service.client_type or None, options=option_inputs, **answers
    )


def _store(assessment, options, result):
    plane = result.plane
    assessment.result_classification = result.classification or ""
    assessment.result_value_type = result.value_type or ""
    assessment.result_sensitivity = result.sensitivity or ""
    assessment.result_quadrant = plane.quadrant if plane else ""
    assessment.result_cost_change = _decimal(plane and plane.cost_change)
    assessment.result_quality_change = _decimal(plane and plane.quality_change)
    assessment.result_net_benefit_change = _decimal(plane and plane.net_benefit_change)
    assessment.result_risk_flags = [flag.code for flag in result.risk_flags]
    assessment.result_risk_flag_count = len(result.risk_flags)
    for option, r in zip(options, result.options, strict=True):
        option.result_agency_cost = _decimal(r and r.agency_cost)
        option.result_time_cost = _decimal(r and r.co_producer_time_cost)
        option.result_money_cost = _decimal(r and r.co_producer_money_cost)
        option.result_full_cost = _decimal(r and r.full_cost)
        option.result_client_years = _decimal(r and r.client_years)
        option.result_cost_per_client_year = _decimal(r and r.cost_per_client_year)
        option.result_quality = _decimal(r and r.quality_index)
        option.result_net_benefit = _decimal(r and r.net_benefit)
        option.result_on_frontier = bool(r and r.on_frontier)
        option.result_dominance = str(r.dominance) if r else ""
        option.result_best_from_wtp = _decimal(r and r.best_from_wtp)
        option.result_best_to_wtp = _decimal(r and r.best_to_wtp)
        option.result_is_best = bool(r and r.is_best)


def columns_to_rows(apps, schema_editor):
    from assessments import scoring

    Assessment = apps.get_model("assessments", "Assessment")
    Option = apps.get_model("assessments", "Option")
    for assessment in Assessment.objects.select_related("service").iterator(chunk_size=500):
        options = [
            Option(
                assessment=assessment,
                position=1,
                name="With co-production",
                co_produced=True,
                comparator=False,
                **{name: getattr(assessment, f"co_production_{name}") for name in OPTION_FIELDS},
            ),
            Option(
                assessment=assessment,
                position=2,
                name=(assessment.alternative_name or "The alternative")[:120],
                co_produced=False,
                comparator=True,
                **{name: getattr(assessment, f"alternative_{name}") for name in OPTION_FIELDS},
            ),
        ]
        if options[1].name == options[0].name:
            options[1].name = "The alternative"
        result = scoring.score(_inputs(scoring, assessment, options))
        _store(assessment, options, result)
        Option.objects.bulk_create(options)
        assessment.result_best = None if result.best_option is None else options[result.best_option]
        assessment.save(
            update_fields=[
                "result_classification",
                "result_value_type",
                "result_best",
                "result_sensitivity",
                "result_quadrant",
                "result_cost_change",
                "result_quality_change",
                "result_net_benefit_change",
                "result_risk_flags",
                "result_risk_flag_count",
            ]
        )


def rows_to_columns(apps, schema_editor):
    Assessment = apps.get_model("assessments", "Assessment")
    Option = apps.get_model("assessments", "Option")
    for assessment in Assessment.objects.prefetch_related("options").iterator(chunk_size=500):
        options = sorted(assessment.options.all(), key=lambda option: option.position)
        comparator = next((o for o in options if o.comparator), None)
        co_produced = next((o for o in options if o.co_produced and not o.comparator), None)
        for prefix, option in (("co_production", co_produced), ("alternative", comparator)):
            for name in OPTION_FIELDS:
                value = getattr(option, name) if option else None
                if name == "confidence":
                    value = value or ""
                setattr(assessment, f"{prefix}_{name}", value)
        assessment.alternative_name = comparator.name if comparator else ""
        assessment.save(
            update_fields=[
                "alternative_name",
                *(f"{p}_{n}" for p in ("co_production", "alternative") for n in OPTION_FIELDS),
            ]
        )
    Option.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0006_options"),
    ]

    operations = [migrations.RunPython(columns_to_rows, rows_to_columns)]
