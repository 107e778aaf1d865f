"""The decision model, part three: the yearly totals, now worked out from the figures for
each client (0017), are removed, and the new fields' checks added."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("assessments", "0017_per_client_and_one_population"),
    ]

    operations = [
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
