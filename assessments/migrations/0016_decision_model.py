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

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

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
        ('assessments', '0015_survey'),
        ('services', '0008_import_export_permissions'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='option',
            name='assessments_option_annual_co_producer_money_in_range',
        ),
        migrations.RemoveConstraint(
            model_name='option',
            name='assessments_option_annual_co_producer_hours_in_range',
        ),
        migrations.RemoveConstraint(
            model_name='option',
            name='assessments_option_annual_co_producer_hours_low_in_range',
        ),
        migrations.RemoveConstraint(
            model_name='option',
            name='assessments_option_annual_co_producer_hours_high_in_range',
        ),
        migrations.RemoveConstraint(
            model_name='option',
            name='assessments_option_annual_co_producer_money_low_in_range',
        ),
        migrations.RemoveConstraint(
            model_name='option',
            name='assessments_option_annual_co_producer_money_high_in_range',
        ),
        migrations.RemoveConstraint(
            model_name='option',
            name='assessments_option_annual_co_producer_hours_low_not_above',
        ),
        migrations.RemoveConstraint(
            model_name='option',
            name='assessments_option_annual_co_producer_money_low_not_above',
        ),
        migrations.RemoveConstraint(
            model_name='option',
            name='assessments_option_annual_co_producer_hours_high_not_below',
        ),
        migrations.RemoveConstraint(
            model_name='option',
            name='assessments_option_annual_co_producer_money_high_not_below',
        ),
        migrations.AddField(
            model_name='assessment',
            name='clients_per_year',
            field=models.PositiveIntegerField(blank=True, null=True, validators=[django.core.validators.MaxValueValidator(1000000000)], verbose_name='people served a year (every option)'),
        ),
        migrations.AddField(
            model_name='assessment',
            name='clients_per_year_high',
            field=models.PositiveIntegerField(blank=True, null=True, validators=[django.core.validators.MaxValueValidator(1000000000)], verbose_name='people served a year: most'),
        ),
        migrations.AddField(
            model_name='assessment',
            name='clients_per_year_low',
            field=models.PositiveIntegerField(blank=True, null=True, validators=[django.core.validators.MaxValueValidator(1000000000)], verbose_name='people served a year: fewest'),
        ),
        migrations.AddField(
            model_name='assessment',
            name='result_discount_rate_above',
            field=models.DecimalField(blank=True, decimal_places=4, editable=False, max_digits=24, null=True, verbose_name='break-even discount rate, above (fraction)'),
        ),
        migrations.AddField(
            model_name='assessment',
            name='result_discount_rate_below',
            field=models.DecimalField(blank=True, decimal_places=4, editable=False, max_digits=24, null=True, verbose_name='break-even discount rate, below (fraction)'),
        ),
        migrations.AddField(
            model_name='assessment',
            name='result_evppi_agency_costs',
            field=models.DecimalField(blank=True, decimal_places=2, editable=False, max_digits=20, null=True, verbose_name="value of finding out the agency's costs"),
        ),
        migrations.AddField(
            model_name='assessment',
            name='result_evppi_people',
            field=models.DecimalField(blank=True, decimal_places=2, editable=False, max_digits=20, null=True, verbose_name='value of finding out the people reached'),
        ),
        migrations.AddField(
            model_name='assessment',
            name='result_evppi_quality',
            field=models.DecimalField(blank=True, decimal_places=2, editable=False, max_digits=20, null=True, verbose_name='value of finding out the quality ratings'),
        ),
        migrations.AddField(
            model_name='assessment',
            name='result_evppi_time_and_money',
            field=models.DecimalField(blank=True, decimal_places=2, editable=False, max_digits=20, null=True, verbose_name="value of finding out co-producers' time"),
        ),
        migrations.AddField(
            model_name='assessment',
            name='result_hourly_rate_above',
            field=models.DecimalField(blank=True, decimal_places=4, editable=False, max_digits=24, null=True, verbose_name='break-even value of an hour, above'),
        ),
        migrations.AddField(
            model_name='assessment',
            name='result_hourly_rate_below',
            field=models.DecimalField(blank=True, decimal_places=4, editable=False, max_digits=24, null=True, verbose_name='break-even value of an hour, below'),
        ),
        migrations.AddField(
            model_name='assessment',
            name='result_single_estimate_best',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='assessments.option', verbose_name='best option on the single estimates'),
        ),
        migrations.AddField(
            model_name='assessment',
            name='result_willingness_to_pay_above',
            field=models.DecimalField(blank=True, decimal_places=4, editable=False, max_digits=24, null=True, verbose_name='break-even value of a quality point, above'),
        ),
        migrations.AddField(
            model_name='assessment',
            name='result_willingness_to_pay_below',
            field=models.DecimalField(blank=True, decimal_places=4, editable=False, max_digits=24, null=True, verbose_name='break-even value of a quality point, below'),
        ),
        migrations.AddField(
            model_name='assessment',
            name='same_population',
            field=models.BooleanField(blank=True, null=True, verbose_name='do all the options serve the same people'),
        ),
        migrations.AddField(
            model_name='assessment',
            name='willingness_to_pay_high',
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(100000)], verbose_name='value of a quality point: highest'),
        ),
        migrations.AddField(
            model_name='assessment',
            name='willingness_to_pay_low',
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(100000)], verbose_name='value of a quality point: lowest'),
        ),
        migrations.AddField(
            model_name='historicalassessment',
            name='clients_per_year',
            field=models.PositiveIntegerField(blank=True, null=True, validators=[django.core.validators.MaxValueValidator(1000000000)], verbose_name='people served a year (every option)'),
        ),
        migrations.AddField(
            model_name='historicalassessment',
            name='clients_per_year_high',
            field=models.PositiveIntegerField(blank=True, null=True, validators=[django.core.validators.MaxValueValidator(1000000000)], verbose_name='people served a year: most'),
        ),
        migrations.AddField(
            model_name='historicalassessment',
            name='clients_per_year_low',
            field=models.PositiveIntegerField(blank=True, null=True, validators=[django.core.validators.MaxValueValidator(1000000000)], verbose_name='people served a year: fewest'),
        ),
        migrations.AddField(
            model_name='historicalassessment',
            name='result_discount_rate_above',
            field=models.DecimalField(blank=True, decimal_places=4, editable=False, max_digits=24, null=True, verbose_name='break-even discount rate, above (fraction)'),
        ),
        migrations.AddField(
            model_name='historicalassessment',
            name='result_discount_rate_below',
            field=models.DecimalField(blank=True, decimal_places=4, editable=False, max_digits=24, null=True, verbose_name='break-even discount rate, below (fraction)'),
        ),
        migrations.AddField(
            model_name='historicalassessment',
            name='result_evppi_agency_costs',
            field=models.DecimalField(blank=True, decimal_places=2, editable=False, max_digits=20, null=True, verbose_name="value of finding out the agency's costs"),
        ),
        migrations.AddField(
            model_name='historicalassessment',
            name='result_evppi_people',
            field=models.DecimalField(blank=True, decimal_places=2, editable=False, max_digits=20, null=True, verbose_name='value of finding out the people reached'),
        ),
        migrations.AddField(
            model_name='historicalassessment',
            name='result_evppi_quality',
            field=models.DecimalField(blank=True, decimal_places=2, editable=False, max_digits=20, null=True, verbose_name='value of finding out the quality ratings'),
        ),
        migrations.AddField(
            model_name='historicalassessment',
            name='result_evppi_time_and_money',
            field=models.DecimalField(blank=True, decimal_places=2, editable=False, max_digits=20, null=True, verbose_name="value of finding out co-producers' time"),
        ),
        migrations.AddField(
            model_name='historicalassessment',
            name='result_hourly_rate_above',
            field=models.DecimalField(blank=True, decimal_places=4, editable=False, max_digits=24, null=True, verbose_name='break-even value of an hour, above'),
        ),
        migrations.AddField(
            model_name='historicalassessment',
            name='result_hourly_rate_below',
            field=models.DecimalField(blank=True, decimal_places=4, editable=False, max_digits=24, null=True, verbose_name='break-even value of an hour, below'),
        ),
        migrations.AddField(
            model_name='historicalassessment',
            name='result_single_estimate_best',
            field=models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='assessments.option', verbose_name='best option on the single estimates'),
        ),
        migrations.AddField(
            model_name='historicalassessment',
            name='result_willingness_to_pay_above',
            field=models.DecimalField(blank=True, decimal_places=4, editable=False, max_digits=24, null=True, verbose_name='break-even value of a quality point, above'),
        ),
        migrations.AddField(
            model_name='historicalassessment',
            name='result_willingness_to_pay_below',
            field=models.DecimalField(blank=True, decimal_places=4, editable=False, max_digits=24, null=True, verbose_name='break-even value of a quality point, below'),
        ),
        migrations.AddField(
            model_name='historicalassessment',
            name='same_population',
            field=models.BooleanField(blank=True, null=True, verbose_name='do all the options serve the same people'),
        ),
        migrations.AddField(
            model_name='historicalassessment',
            name='willingness_to_pay_high',
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(100000)], verbose_name='value of a quality point: highest'),
        ),
        migrations.AddField(
            model_name='historicalassessment',
            name='willingness_to_pay_low',
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(100000)], verbose_name='value of a quality point: lowest'),
        ),
        migrations.AddField(
            model_name='historicaloption',
            name='hours_per_client',
            field=models.DecimalField(blank=True, decimal_places=12, max_digits=24, null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(10000000000)], verbose_name='hours co-producers give for each client a year'),
        ),
        migrations.AddField(
            model_name='historicaloption',
            name='hours_per_client_high',
            field=models.DecimalField(blank=True, decimal_places=12, max_digits=24, null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(10000000000)], verbose_name='hours for each client: highest'),
        ),
        migrations.AddField(
            model_name='historicaloption',
            name='hours_per_client_low',
            field=models.DecimalField(blank=True, decimal_places=12, max_digits=24, null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(10000000000)], verbose_name='hours for each client: lowest'),
        ),
        migrations.AddField(
            model_name='historicaloption',
            name='money_per_client',
            field=models.DecimalField(blank=True, decimal_places=12, max_digits=24, null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(100000000000)], verbose_name="co-producers' own money for each client a year"),
        ),
        migrations.AddField(
            model_name='historicaloption',
            name='money_per_client_high',
            field=models.DecimalField(blank=True, decimal_places=12, max_digits=24, null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(100000000000)], verbose_name='own money for each client: highest'),
        ),
        migrations.AddField(
            model_name='historicaloption',
            name='money_per_client_low',
            field=models.DecimalField(blank=True, decimal_places=12, max_digits=24, null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(100000000000)], verbose_name='own money for each client: lowest'),
        ),
        migrations.AddField(
            model_name='historicaloption',
            name='result_expected_loss',
            field=models.DecimalField(blank=True, decimal_places=2, editable=False, max_digits=20, null=True, verbose_name='expected loss against the best choice of each draw'),
        ),
        migrations.AddField(
            model_name='historicaloption',
            name='result_mean_net_benefit',
            field=models.DecimalField(blank=True, decimal_places=2, editable=False, max_digits=20, null=True, verbose_name='expected net benefit (mean over the draws)'),
        ),
        migrations.AddField(
            model_name='historicaloption',
            name='take_up',
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=5, null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(100)], verbose_name='share of the people it reaches (%)'),
        ),
        migrations.AddField(
            model_name='historicaloption',
            name='take_up_high',
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=5, null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(100)], verbose_name='share of the people it reaches: highest (%)'),
        ),
        migrations.AddField(
            model_name='historicaloption',
            name='take_up_low',
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=5, null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(100)], verbose_name='share of the people it reaches: lowest (%)'),
        ),
        migrations.AddField(
            model_name='option',
            name='hours_per_client',
            field=models.DecimalField(blank=True, decimal_places=12, max_digits=24, null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(10000000000)], verbose_name='hours co-producers give for each client a year'),
        ),
        migrations.AddField(
            model_name='option',
            name='hours_per_client_high',
            field=models.DecimalField(blank=True, decimal_places=12, max_digits=24, null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(10000000000)], verbose_name='hours for each client: highest'),
        ),
        migrations.AddField(
            model_name='option',
            name='hours_per_client_low',
            field=models.DecimalField(blank=True, decimal_places=12, max_digits=24, null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(10000000000)], verbose_name='hours for each client: lowest'),
        ),
        migrations.AddField(
            model_name='option',
            name='money_per_client',
            field=models.DecimalField(blank=True, decimal_places=12, max_digits=24, null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(100000000000)], verbose_name="co-producers' own money for each client a year"),
        ),
        migrations.AddField(
            model_name='option',
            name='money_per_client_high',
            field=models.DecimalField(blank=True, decimal_places=12, max_digits=24, null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(100000000000)], verbose_name='own money for each client: highest'),
        ),
        migrations.AddField(
            model_name='option',
            name='money_per_client_low',
            field=models.DecimalField(blank=True, decimal_places=12, max_digits=24, null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(100000000000)], verbose_name='own money for each client: lowest'),
        ),
        migrations.AddField(
            model_name='option',
            name='result_expected_loss',
            field=models.DecimalField(blank=True, decimal_places=2, editable=False, max_digits=20, null=True, verbose_name='expected loss against the best choice of each draw'),
        ),
        migrations.AddField(
            model_name='option',
            name='result_mean_net_benefit',
            field=models.DecimalField(blank=True, decimal_places=2, editable=False, max_digits=20, null=True, verbose_name='expected net benefit (mean over the draws)'),
        ),
        migrations.AddField(
            model_name='option',
            name='take_up',
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=5, null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(100)], verbose_name='share of the people it reaches (%)'),
        ),
        migrations.AddField(
            model_name='option',
            name='take_up_high',
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=5, null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(100)], verbose_name='share of the people it reaches: highest (%)'),
        ),
        migrations.AddField(
            model_name='option',
            name='take_up_low',
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=5, null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(100)], verbose_name='share of the people it reaches: lowest (%)'),
        ),
        migrations.AlterField(
            model_name='historicaloption',
            name='result_quality',
            field=models.DecimalField(blank=True, decimal_places=2, editable=False, max_digits=5, null=True, verbose_name='quality index'),
        ),
        migrations.AlterField(
            model_name='option',
            name='result_quality',
            field=models.DecimalField(blank=True, decimal_places=2, editable=False, max_digits=5, null=True, verbose_name='quality index'),
        ),
        migrations.AddField(
            model_name='historicaloption',
            name='result_hours_a_year',
            field=models.DecimalField(blank=True, decimal_places=1, editable=False, max_digits=14, null=True, verbose_name="co-producers' hours a year"),
        ),
        migrations.AddField(
            model_name='option',
            name='result_hours_a_year',
            field=models.DecimalField(blank=True, decimal_places=1, editable=False, max_digits=14, null=True, verbose_name="co-producers' hours a year"),
        ),
        migrations.RunPython(per_client_and_one_population, totals_per_option),
        migrations.RemoveField(
            model_name='historicaloption',
            name='annual_co_producer_hours',
        ),
        migrations.RemoveField(
            model_name='historicaloption',
            name='annual_co_producer_hours_high',
        ),
        migrations.RemoveField(
            model_name='historicaloption',
            name='annual_co_producer_hours_low',
        ),
        migrations.RemoveField(
            model_name='historicaloption',
            name='annual_co_producer_money',
        ),
        migrations.RemoveField(
            model_name='historicaloption',
            name='annual_co_producer_money_high',
        ),
        migrations.RemoveField(
            model_name='historicaloption',
            name='annual_co_producer_money_low',
        ),
        migrations.RemoveField(
            model_name='option',
            name='annual_co_producer_hours',
        ),
        migrations.RemoveField(
            model_name='option',
            name='annual_co_producer_hours_high',
        ),
        migrations.RemoveField(
            model_name='option',
            name='annual_co_producer_hours_low',
        ),
        migrations.RemoveField(
            model_name='option',
            name='annual_co_producer_money',
        ),
        migrations.RemoveField(
            model_name='option',
            name='annual_co_producer_money_high',
        ),
        migrations.RemoveField(
            model_name='option',
            name='annual_co_producer_money_low',
        ),
        migrations.AddConstraint(
            model_name='assessment',
            constraint=models.CheckConstraint(condition=models.Q(('willingness_to_pay_low__isnull', True), models.Q(('willingness_to_pay_low__gte', 0), ('willingness_to_pay_low__lte', 100000)), _connector='OR'), name='assessments_assessment_willingness_to_pay_low_in_range'),
        ),
        migrations.AddConstraint(
            model_name='assessment',
            constraint=models.CheckConstraint(condition=models.Q(('willingness_to_pay_high__isnull', True), models.Q(('willingness_to_pay_high__gte', 0), ('willingness_to_pay_high__lte', 100000)), _connector='OR'), name='assessments_assessment_willingness_to_pay_high_in_range'),
        ),
        migrations.AddConstraint(
            model_name='assessment',
            constraint=models.CheckConstraint(condition=models.Q(('clients_per_year_low__isnull', True), models.Q(('clients_per_year_low__gte', 0), ('clients_per_year_low__lte', 1000000000)), _connector='OR'), name='assessments_assessment_clients_per_year_low_in_range'),
        ),
        migrations.AddConstraint(
            model_name='assessment',
            constraint=models.CheckConstraint(condition=models.Q(('clients_per_year_high__isnull', True), models.Q(('clients_per_year_high__gte', 0), ('clients_per_year_high__lte', 1000000000)), _connector='OR'), name='assessments_assessment_clients_per_year_high_in_range'),
        ),
        migrations.AddConstraint(
            model_name='assessment',
            constraint=models.CheckConstraint(condition=models.Q(('clients_per_year__isnull', True), models.Q(('clients_per_year__gte', 0), ('clients_per_year__lte', 1000000000)), _connector='OR'), name='assessments_assessment_clients_per_year_in_range'),
        ),
        migrations.AddConstraint(
            model_name='assessment',
            constraint=models.CheckConstraint(condition=models.Q(('willingness_to_pay_low__lte', models.F('willingness_to_pay')), ('willingness_to_pay_low__isnull', True), ('willingness_to_pay__isnull', True), _connector='OR'), name='assessments_assessment_willingness_to_pay_low_not_above'),
        ),
        migrations.AddConstraint(
            model_name='assessment',
            constraint=models.CheckConstraint(condition=models.Q(('willingness_to_pay_high__gte', models.F('willingness_to_pay')), ('willingness_to_pay_high__isnull', True), ('willingness_to_pay__isnull', True), _connector='OR'), name='assessments_assessment_willingness_to_pay_high_not_below'),
        ),
        migrations.AddConstraint(
            model_name='assessment',
            constraint=models.CheckConstraint(condition=models.Q(('clients_per_year_low__lte', models.F('clients_per_year')), ('clients_per_year_low__isnull', True), ('clients_per_year__isnull', True), _connector='OR'), name='assessments_assessment_clients_per_year_low_not_above'),
        ),
        migrations.AddConstraint(
            model_name='assessment',
            constraint=models.CheckConstraint(condition=models.Q(('clients_per_year_high__gte', models.F('clients_per_year')), ('clients_per_year_high__isnull', True), ('clients_per_year__isnull', True), _connector='OR'), name='assessments_assessment_clients_per_year_high_not_below'),
        ),
        migrations.AddConstraint(
            model_name='option',
            constraint=models.CheckConstraint(condition=models.Q(('money_per_client__isnull', True), models.Q(('money_per_client__gte', 0), ('money_per_client__lte', 100000000000)), _connector='OR'), name='assessments_option_money_per_client_in_range'),
        ),
        migrations.AddConstraint(
            model_name='option',
            constraint=models.CheckConstraint(condition=models.Q(('hours_per_client__isnull', True), models.Q(('hours_per_client__gte', 0), ('hours_per_client__lte', 10000000000)), _connector='OR'), name='assessments_option_hours_per_client_in_range'),
        ),
        migrations.AddConstraint(
            model_name='option',
            constraint=models.CheckConstraint(condition=models.Q(('take_up__isnull', True), models.Q(('take_up__gte', 0), ('take_up__lte', 100)), _connector='OR'), name='assessments_option_take_up_in_range'),
        ),
        migrations.AddConstraint(
            model_name='option',
            constraint=models.CheckConstraint(condition=models.Q(('hours_per_client_low__isnull', True), models.Q(('hours_per_client_low__gte', 0), ('hours_per_client_low__lte', 10000000000)), _connector='OR'), name='assessments_option_hours_per_client_low_in_range'),
        ),
        migrations.AddConstraint(
            model_name='option',
            constraint=models.CheckConstraint(condition=models.Q(('hours_per_client_high__isnull', True), models.Q(('hours_per_client_high__gte', 0), ('hours_per_client_high__lte', 10000000000)), _connector='OR'), name='assessments_option_hours_per_client_high_in_range'),
        ),
        migrations.AddConstraint(
            model_name='option',
            constraint=models.CheckConstraint(condition=models.Q(('money_per_client_low__isnull', True), models.Q(('money_per_client_low__gte', 0), ('money_per_client_low__lte', 100000000000)), _connector='OR'), name='assessments_option_money_per_client_low_in_range'),
        ),
        migrations.AddConstraint(
            model_name='option',
            constraint=models.CheckConstraint(condition=models.Q(('money_per_client_high__isnull', True), models.Q(('money_per_client_high__gte', 0), ('money_per_client_high__lte', 100000000000)), _connector='OR'), name='assessments_option_money_per_client_high_in_range'),
        ),
        migrations.AddConstraint(
            model_name='option',
            constraint=models.CheckConstraint(condition=models.Q(('take_up_low__isnull', True), models.Q(('take_up_low__gte', 0), ('take_up_low__lte', 100)), _connector='OR'), name='assessments_option_take_up_low_in_range'),
        ),
        migrations.AddConstraint(
            model_name='option',
            constraint=models.CheckConstraint(condition=models.Q(('take_up_high__isnull', True), models.Q(('take_up_high__gte', 0), ('take_up_high__lte', 100)), _connector='OR'), name='assessments_option_take_up_high_in_range'),
        ),
        migrations.AddConstraint(
            model_name='option',
            constraint=models.CheckConstraint(condition=models.Q(('hours_per_client_low__lte', models.F('hours_per_client')), ('hours_per_client_low__isnull', True), ('hours_per_client__isnull', True), _connector='OR'), name='assessments_option_hours_per_client_low_not_above'),
        ),
        migrations.AddConstraint(
            model_name='option',
            constraint=models.CheckConstraint(condition=models.Q(('hours_per_client_high__gte', models.F('hours_per_client')), ('hours_per_client_high__isnull', True), ('hours_per_client__isnull', True), _connector='OR'), name='assessments_option_hours_per_client_high_not_below'),
        ),
        migrations.AddConstraint(
            model_name='option',
            constraint=models.CheckConstraint(condition=models.Q(('money_per_client_low__lte', models.F('money_per_client')), ('money_per_client_low__isnull', True), ('money_per_client__isnull', True), _connector='OR'), name='assessments_option_money_per_client_low_not_above'),
        ),
        migrations.AddConstraint(
            model_name='option',
            constraint=models.CheckConstraint(condition=models.Q(('money_per_client_high__gte', models.F('money_per_client')), ('money_per_client_high__isnull', True), ('money_per_client__isnull', True), _connector='OR'), name='assessments_option_money_per_client_high_not_below'),
        ),
        migrations.AddConstraint(
            model_name='option',
            constraint=models.CheckConstraint(condition=models.Q(('take_up_low__lte', models.F('take_up')), ('take_up_low__isnull', True), ('take_up__isnull', True), _connector='OR'), name='assessments_option_take_up_low_not_above'),
        ),
        migrations.AddConstraint(
            model_name='option',
            constraint=models.CheckConstraint(condition=models.Q(('take_up_high__gte', models.F('take_up')), ('take_up_high__isnull', True), ('take_up__isnull', True), _connector='OR'), name='assessments_option_take_up_high_not_below'),
        ),
    
    ]
