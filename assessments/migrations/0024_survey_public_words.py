"""The survey's own words for the public, and the time people give kept to the minute.

Each survey gets a title and a short description that people see (never the assessment's
own title), started from its service's name, and the tasks people tick, started from what
the assessment says they give, under the same codes the answers already hold. Each
answer's hours a month become minutes a month (6 hours is 360 minutes); going back, the
minutes are rounded to the nearest hour. The constraints, and the end of the old column,
follow in 0031, apart from these row changes (PostgreSQL will not alter a table with
changes to its rows pending in the same transaction).
"""

from django.db import migrations, models

# The words of each contribution as they were when this migration was written: a
# migration must not change with the code that comes after it.
CONTRIBUTION_WORDS = {
    "time": "Time",
    "effort": "Effort",
    "money": "Money or resources",
    "tools": "Tools or equipment",
    "training": "Training",
    "information": "Information",
    "compliance": "Compliance with rules",
    "knowledge": "Knowledge or expertise",
}


def fill_public_words(apps, schema_editor):
    Survey = apps.get_model("assessments", "Survey")
    for survey in Survey.objects.select_related("assessment__service__agency"):
        service = survey.assessment.service
        survey.public_title = f"Your views on {service.name}"[:120]
        survey.description = (
            f"{service.agency.name} would like to hear how taking part in {service.name} "
            "goes for you: what you do, how long it takes and what would make it easier."
        )[:400]
        survey.task_choices = [
            {"code": code, "label": CONTRIBUTION_WORDS[code], "offered": True}
            for code in survey.assessment.co_producer_contributions or ()
            if code in CONTRIBUTION_WORDS
        ]
        survey.save(update_fields=["public_title", "description", "task_choices"])


def hours_to_minutes(apps, schema_editor):
    SurveyResponse = apps.get_model("assessments", "SurveyResponse")
    SurveyResponse.objects.filter(hours_a_month__isnull=False).update(
        minutes_a_month=models.F("hours_a_month") * 60
    )


def minutes_to_hours(apps, schema_editor):
    SurveyResponse = apps.get_model("assessments", "SurveyResponse")
    for response in SurveyResponse.objects.filter(minutes_a_month__isnull=False):
        response.hours_a_month = min(300, round(response.minutes_a_month / 60))
        response.save(update_fields=["hours_a_month"])


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0023_agency_on_rows"),
    ]

    operations = [
        migrations.AddField(
            model_name="survey",
            name="public_title",
            field=models.CharField(default="", max_length=120, verbose_name="title people see"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="survey",
            name="description",
            field=models.TextField(
                blank=True, max_length=400, verbose_name="what people read first"
            ),
        ),
        migrations.AddField(
            model_name="survey",
            name="task_choices",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.RunPython(fill_public_words, migrations.RunPython.noop),
        migrations.AddField(
            model_name="surveyresponse",
            name="minutes_a_month",
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
        migrations.RunPython(hours_to_minutes, minutes_to_hours),
    ]
