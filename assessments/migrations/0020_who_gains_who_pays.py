"""Who gains and who pays: each option against the comparator (the agency's spending,
the co-producers' time and money, the gains), each option's expected net benefit at the
agency's own cost, and the option best at that cost.

Every stored assessment's new results are worked out (through
`assessments.models.adapter`, which reads and writes fields by name, so it works on these
historical models); only the new columns are written, so no earlier result changes.
Backwards, the columns go.
"""

import django.db.models.deletion
from django.db import migrations, models

OPTION_FIELDS = (
    "result_agency_mean_net_benefit",
    "result_agency_change",
    "result_time_change",
    "result_money_change",
    "result_hours_change",
    "result_gains_change",
    "result_public_gain",
)


def who_gains_who_pays(apps, schema_editor):
    from assessments import scoring
    from assessments.models import adapter

    Assessment = apps.get_model("assessments", "Assessment")
    Option = apps.get_model("assessments", "Option")
    queryset = Assessment.objects.select_related("service").prefetch_related(
        "options", "outcomes__effects"
    )
    for assessment in queryset.iterator(200):
        options = sorted(assessment.options.all(), key=lambda option: option.position)
        outcomes = sorted(assessment.outcomes.all(), key=lambda outcome: outcome.position)
        pairs = [(outcome, list(outcome.effects.all())) for outcome in outcomes]
        result = scoring.score(adapter.assessment_inputs(assessment, options, pairs))
        adapter.store_results(assessment, options, result)
        Option.objects.bulk_update(options, OPTION_FIELDS)
        Assessment.objects.filter(pk=assessment.pk).update(
            result_agency_best=assessment.result_agency_best
        )


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0019_outcome_measures"),
    ]

    operations = [
        migrations.AddField(
            model_name="assessment",
            name="result_agency_best",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="assessments.option",
                verbose_name="best option at the agency's own cost",
            ),
        ),
        migrations.AddField(
            model_name="historicalassessment",
            name="result_agency_best",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="assessments.option",
                verbose_name="best option at the agency's own cost",
            ),
        ),
        migrations.AddField(
            model_name="historicaloption",
            name="result_agency_change",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                editable=False,
                max_digits=20,
                null=True,
                verbose_name="change in the agency's spending",
            ),
        ),
        migrations.AddField(
            model_name="historicaloption",
            name="result_agency_mean_net_benefit",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                editable=False,
                max_digits=20,
                null=True,
                verbose_name="expected net benefit at the agency's own cost (mean over the draws)",
            ),
        ),
        migrations.AddField(
            model_name="historicaloption",
            name="result_gains_change",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                editable=False,
                max_digits=20,
                null=True,
                verbose_name="change in the value of quality and outcomes",
            ),
        ),
        migrations.AddField(
            model_name="historicaloption",
            name="result_hours_change",
            field=models.DecimalField(
                blank=True,
                decimal_places=1,
                editable=False,
                max_digits=14,
                null=True,
                verbose_name="change in co-producers' hours a year",
            ),
        ),
        migrations.AddField(
            model_name="historicaloption",
            name="result_money_change",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                editable=False,
                max_digits=20,
                null=True,
                verbose_name="change in co-producers' own money",
            ),
        ),
        migrations.AddField(
            model_name="historicaloption",
            name="result_public_gain",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                editable=False,
                max_digits=20,
                null=True,
                verbose_name="the public's part of that change",
            ),
        ),
        migrations.AddField(
            model_name="historicaloption",
            name="result_time_change",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                editable=False,
                max_digits=20,
                null=True,
                verbose_name="change in the value of co-producers' time",
            ),
        ),
        migrations.AddField(
            model_name="option",
            name="result_agency_change",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                editable=False,
                max_digits=20,
                null=True,
                verbose_name="change in the agency's spending",
            ),
        ),
        migrations.AddField(
            model_name="option",
            name="result_agency_mean_net_benefit",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                editable=False,
                max_digits=20,
                null=True,
                verbose_name="expected net benefit at the agency's own cost (mean over the draws)",
            ),
        ),
        migrations.AddField(
            model_name="option",
            name="result_gains_change",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                editable=False,
                max_digits=20,
                null=True,
                verbose_name="change in the value of quality and outcomes",
            ),
        ),
        migrations.AddField(
            model_name="option",
            name="result_hours_change",
            field=models.DecimalField(
                blank=True,
                decimal_places=1,
                editable=False,
                max_digits=14,
                null=True,
                verbose_name="change in co-producers' hours a year",
            ),
        ),
        migrations.AddField(
            model_name="option",
            name="result_money_change",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                editable=False,
                max_digits=20,
                null=True,
                verbose_name="change in co-producers' own money",
            ),
        ),
        migrations.AddField(
            model_name="option",
            name="result_public_gain",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                editable=False,
                max_digits=20,
                null=True,
                verbose_name="the public's part of that change",
            ),
        ),
        migrations.AddField(
            model_name="option",
            name="result_time_change",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                editable=False,
                max_digits=20,
                null=True,
                verbose_name="change in the value of co-producers' time",
            ),
        ),
        migrations.RunPython(who_gains_who_pays, migrations.RunPython.noop),
    ]
