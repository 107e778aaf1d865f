"""The agency on the rows that pages scan (docs/architecture.md): each assessment carries
its service's agency, each option its assessment's, and so do their histories. Stored
rows are filled here; the indexes lead with the agency; the triggers that hold the rule
(assessments/tenancy.py) go in last (after the migrate, on SQLite), and come out first on
the way back."""

import django.db.models.deletion
from django.db import migrations, models

# Each table's agency, from its parent as it stands. A history row whose service or
# assessment is gone keeps none.
FILL = [
    (
        "assessments_assessment",
        "SELECT s.agency_id FROM services_service s WHERE s.id = {table}.service_id",
    ),
    (
        "assessments_option",
        "SELECT a.agency_id FROM assessments_assessment a WHERE a.id = {table}.assessment_id",
    ),
    (
        "assessments_historicalassessment",
        "SELECT s.agency_id FROM services_service s WHERE s.id = {table}.service_id",
    ),
    (
        "assessments_historicaloption",
        "SELECT a.agency_id FROM assessments_assessment a WHERE a.id = {table}.assessment_id",
    ),
]


def fill(apps, schema_editor):
    postgresql = schema_editor.connection.vendor == "postgresql"
    if postgresql:
        # The foreign keys' checks now, not at the commit: a table with pending checks
        # cannot be altered (the NOT NULL below) in the same transaction.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    for table, parent in FILL:
        schema_editor.execute(f"UPDATE {table} SET agency_id = ({parent.format(table=table)})")
    if postgresql:
        schema_editor.execute("SET CONSTRAINTS ALL DEFERRED")


def put_triggers(apps, schema_editor):
    # On SQLite after the migrate (`tenancy.migration_ended`): there they would stop a
    # later migration remaking these tables.
    if schema_editor.connection.vendor == "postgresql":
        from assessments import tenancy

        tenancy.sync_triggers(schema_editor.connection)


def take_triggers(apps, schema_editor):
    from assessments import tenancy
    from coprod_site import changes

    tenancy.remove_triggers(schema_editor.connection)
    # The kept pages' too, which read the agency columns about to go; put back by
    # `changes.sync_triggers` after the migrate, for the tables as they will be.
    changes.drop_triggers(schema_editor.connection)


def agency(**options):
    return models.ForeignKey(
        db_index=False,
        editable=False,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="services.agency",
        **options,
    )


def history_agency():
    return models.ForeignKey(
        blank=True,
        db_constraint=False,
        editable=False,
        null=True,
        on_delete=django.db.models.deletion.DO_NOTHING,
        related_name="+",
        to="services.agency",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0022_survey_anonymity"),
        ("services", "0014_access_token_history"),
    ]

    operations = [
        migrations.AddField(model_name="assessment", name="agency", field=agency(null=True)),
        migrations.AddField(model_name="option", name="agency", field=agency(null=True)),
        migrations.AddField(
            model_name="historicalassessment", name="agency", field=history_agency()
        ),
        migrations.AddField(model_name="historicaloption", name="agency", field=history_agency()),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(model_name="assessment", name="agency", field=agency()),
        migrations.AlterField(model_name="option", name="agency", field=agency()),
        migrations.AddIndex(
            model_name="assessment",
            index=models.Index(
                fields=["agency", "-updated_at", "-id"], name="assessments_agency_updated_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="assessment",
            index=models.Index(
                fields=["agency", "status", "-updated_at"], name="assessments_agency_status_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="option",
            index=models.Index(
                fields=["agency", "assessment", "position"], name="assessments_option_agency_idx"
            ),
        ),
        migrations.RunPython(put_triggers, take_triggers),
    ]
