"""Copy the free-text answers from the assessment row into AssessmentText, and back."""

from django.db import migrations

TEXT_FIELDS = (
    "work_description",
    "inputs",
    "outputs",
    "agency_contribution_notes",
    "co_producer_contribution_notes",
    "private_value_description",
    "public_value_description",
    "necessity_reason",
    "motivation_notes",
    "special_assets_notes",
    "support_given",
)
BATCH = 1000


def copy_to_text_rows(apps, schema_editor):
    Assessment = apps.get_model("assessments", "Assessment")
    AssessmentText = apps.get_model("assessments", "AssessmentText")
    rows = Assessment.objects.values("pk", *TEXT_FIELDS).order_by("pk").iterator(BATCH)
    batch = []
    for row in rows:
        written = {name: row[name] for name in TEXT_FIELDS}
        # Like the app, make a row only for an assessment with something written.
        if any(written.values()):
            batch.append(AssessmentText(assessment_id=row["pk"], **written))
        if len(batch) >= BATCH:
            AssessmentText.objects.bulk_create(batch)
            batch = []
    AssessmentText.objects.bulk_create(batch)


def copy_back(apps, schema_editor):
    Assessment = apps.get_model("assessments", "Assessment")
    AssessmentText = apps.get_model("assessments", "AssessmentText")
    for row in AssessmentText.objects.values("assessment_id", *TEXT_FIELDS).iterator(BATCH):
        Assessment.objects.filter(pk=row["assessment_id"]).update(
            **{name: row[name] for name in TEXT_FIELDS}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0002_assessmenttext"),
    ]

    operations = [
        migrations.RunPython(copy_to_text_rows, copy_back, elidable=False),
    ]
