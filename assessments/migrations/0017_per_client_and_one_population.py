"""The decision model: one population drawn once, hours and money for each client, value
judgements apart and the choice on expected net benefit.

Answers move to their new form with every figure unchanged at its estimate:
- an assessment whose options all serve the same number of clients now says so, with that
  number once (and its range, where every option gave the same one); the options reach
  all of them (take-up blank);
- each option's yearly hours and money become a figure for each client (the total over
  its clients, to twelve places), from which the scoring works the total out again exactly
  (rounded to a tenth of an hour, a cent). An option with hours or money but no clients
  yet cannot be converted: its old total is kept in words at the end of its description,
  for the manager to enter again for each client.
Then every assessment's results are worked out again (through `assessments.models.adapter`,
which reads and writes fields by name, so it works on these historical models).

Backwards, the yearly totals are worked out again from the per-client figures and the
options' clients; results are left as the new scoring stored them.
"""

from decimal import Decimal

from django.db import migrations

PLACES = Decimal(1).scaleb(-12)
TOTALS = {
    "hours_per_client": ("annual_co_producer_hours", 1, "hours"),
    "money_per_client": ("annual_co_producer_money", 2, "in money"),
}
ENDS = ("", "_low", "_high")


def _converted(option, clients, *, note: bool) -> list[str]:
    """Set an option's per-client figures from its totals; the words of any that could not
    be (no clients yet)."""
    kept = []
    for name, (total, _, unit) in TOTALS.items():
        for end in ENDS:
            value = getattr(option, f"{total}{end}")
            if value is None:
                continue
            if value == 0:
                setattr(option, f"{name}{end}", Decimal(0))
            elif clients:
                setattr(option, f"{name}{end}", (value / clients).quantize(PLACES))
            elif note:
                which = {"": "", "_low": " (lowest)", "_high": " (highest)"}[end]
                kept.append(f"{value.normalize():f} {unit} a year in all{which}")
    return kept


def per_client_and_one_population(apps, schema_editor):
    from assessments import scoring
    from assessments.models import adapter

    Assessment = apps.get_model("assessments", "Assessment")
    Option = apps.get_model("assessments", "Option")
    HistoricalOption = apps.get_model("assessments", "HistoricalOption")
    option_fields = [f"{name}{end}" for name in TOTALS for end in ENDS]
    assessment_results = [
        field.name for field in Assessment._meta.concrete_fields if field.name.startswith("result_")
    ]
    option_results = [
        field.name for field in Option._meta.concrete_fields if field.name.startswith("result_")
    ]
    queryset = Assessment.objects.select_related("service").prefetch_related("options")
    for assessment in queryset.iterator(200):
        options = sorted(assessment.options.all(), key=lambda option: option.position)
        clients = [option.clients_per_year for option in options]
        if options and None not in clients and len(set(clients)) == 1:
            assessment.same_population = True
            assessment.clients_per_year = clients[0]
            ranges = {(o.clients_per_year_low, o.clients_per_year_high) for o in options}
            if len(ranges) == 1:
                assessment.clients_per_year_low, assessment.clients_per_year_high = ranges.pop()
        elif options and None not in clients:
            assessment.same_population = False
        for option in options:
            kept = _converted(option, option.clients_per_year, note=True)
            if kept:
                option.description = (
                    f"{option.description}\n\n" if option.description else ""
                ) + (
                    "Before Coprod asked for co-producers' hours and money for each client, "
                    f"this option had {'; '.join(kept)}. Enter them for each client served."
                )
        result = scoring.score(adapter.assessment_inputs(assessment, options))
        adapter.store_results(assessment, options, result)
        Option.objects.bulk_update(options, [*option_fields, "description", *option_results])
        assessment.save(
            update_fields=[
                "same_population",
                "clients_per_year",
                "clients_per_year_low",
                "clients_per_year_high",
                *assessment_results,
            ]
        )
    changed = []
    for record in HistoricalOption.objects.iterator(500):
        _converted(record, record.clients_per_year, note=False)
        changed.append(record)
        if len(changed) >= 500:
            HistoricalOption.objects.bulk_update(changed, option_fields)
            changed = []
    HistoricalOption.objects.bulk_update(changed, option_fields)


def _totals(option, clients) -> None:
    for name, (total, places, _) in TOTALS.items():
        for end in ENDS:
            each = getattr(option, f"{name}{end}")
            value = None
            if each is not None and clients is not None:
                value = (each * clients).quantize(Decimal(1).scaleb(-places))
            setattr(option, f"{total}{end}", value)


def totals_per_option(apps, schema_editor):
    Assessment = apps.get_model("assessments", "Assessment")
    Option = apps.get_model("assessments", "Option")
    HistoricalOption = apps.get_model("assessments", "HistoricalOption")
    option_fields = [f"{total}{end}" for total, _, _ in TOTALS.values() for end in ENDS]
    for assessment in Assessment.objects.prefetch_related("options").iterator(200):
        options = list(assessment.options.all())
        for option in options:
            if assessment.same_population:
                population = assessment.clients_per_year
                share = Decimal(100) if option.take_up is None else option.take_up
                clients = None if population is None else Decimal(population) * share / 100
                if clients is not None:
                    option.clients_per_year = int(clients.to_integral_value())
                if option.clients_per_year_low is None and assessment.clients_per_year_low:
                    option.clients_per_year_low = assessment.clients_per_year_low
                if option.clients_per_year_high is None and assessment.clients_per_year_high:
                    option.clients_per_year_high = assessment.clients_per_year_high
            else:
                clients = option.clients_per_year
            _totals(option, clients)
        Option.objects.bulk_update(
            options,
            [*option_fields, "clients_per_year", "clients_per_year_low", "clients_per_year_high"],
        )
    changed = []
    for record in HistoricalOption.objects.iterator(500):
        _totals(record, record.clients_per_year)
        changed.append(record)
    HistoricalOption.objects.bulk_update(changed, option_fields, batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ("assessments", "0016_decision_model"),
    ]

    operations = [
        migrations.RunPython(per_client_and_one_population, totals_per_option),
    ]
