"""The decision model, part one: the new fields (see 0017 for the data, 0018 for what is
removed). Three migrations, as PostgreSQL will not alter a table in the transaction that
has just updated its rows (pending trigger events of the deferred foreign keys)."""

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


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
    ]
