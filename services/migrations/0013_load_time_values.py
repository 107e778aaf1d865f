"""Ship the published values of an hour of people's time (ATAP's and the DfT's working and
non-working values), published, so the appraisal page can set them beside the value of an hour.

As `0011_load_reference_values` does, this only adds the values whose slug is not there yet, so
it never overwrites a curator's edits, and it is written against the historical models.
Unapplying removes what it added, except the values a curator has touched since (their
curated_at is set): those are a curator's work now.
"""

from django.db import migrations
from django.utils import timezone


def _slugs():
    from services.reference_values_data import TIME_VALUES

    return [data["slug"] for data in TIME_VALUES]


def load_time_values(apps, schema_editor):
    from services.reference_values_data import TIME_VALUES

    ReferenceValue = apps.get_model("services", "ReferenceValue")
    now = timezone.now()
    existing = set(ReferenceValue.objects.values_list("slug", flat=True))
    ReferenceValue.objects.bulk_create(
        ReferenceValue(**data, status="published", published_at=now)
        for data in TIME_VALUES
        if data["slug"] not in existing
    )


def unload_time_values(apps, schema_editor):
    ReferenceValue = apps.get_model("services", "ReferenceValue")
    added = ReferenceValue.objects.filter(slug__in=_slugs(), curated_at__isnull=True)
    doomed = list(added.values_list("pk", flat=True))
    # An outcome that adopted one keeps its own copy of the figures and citation; only the
    # link goes, as the key's on_delete=SET_NULL would do.
    # In SQL, by the table: whether the historical apps hold OutcomeMeasure at this point
    # depends on where the plan placed the assessments' migrations, not on whether the
    # table exists (it may, with rows pointing here, while the model is not in the state).
    connection = schema_editor.connection
    if doomed and "assessments_outcomemeasure" in connection.introspection.table_names():
        with connection.cursor() as cursor:
            marks = ", ".join(["%s"] * len(doomed))
            cursor.execute(
                "UPDATE assessments_outcomemeasure SET reference_value_id = NULL "
                f"WHERE reference_value_id IN ({marks})",
                doomed,
            )
    # Deleted without Django's collector, which has nothing left to do: when a whole plan is
    # unapplied (say services back to 0010), the historical ReferenceValue handed to this
    # function is a newer rendering than the one OutcomeMeasure's hidden key points to, and
    # the collector refuses it ("Must be a ReferenceValue instance").
    ReferenceValue.objects.filter(pk__in=doomed)._raw_delete(schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0012_headline_perspective"),
    ]

    operations = [
        migrations.RunPython(load_time_values, unload_time_values, elidable=False),
    ]
