"""Survey answers that cannot be told apart by the order they came in.

Each response gets its batch of five (in the order of its id, which until now was the
order of arrival); then a random id in place of that counting one; and each survey's
agreement totals become those of its complete batches, as `Survey.record` now keeps them.
Undone, the totals are those of every answer again; the ids stay random.
"""

import secrets

from django.db import migrations, models

BATCH = 5  # assessments.survey.models.RESULTS_BATCH, as it was when this was written
ID_LIMIT = 2**62
MOTIVATORS = ("material", "intrinsic", "social", "normative", "sanctions")


def _totals(responses) -> dict:
    complete = responses.filter(**{f"{m}_agreement__isnull": False for m in MOTIVATORS})
    totals = complete.aggregate(
        agreement_answers=models.Count("pk"),
        **{f"{m}_agreement_total": models.Sum(f"{m}_agreement") for m in MOTIVATORS},
    )
    return {field: value or 0 for field, value in totals.items()}


def batch_and_rekey(apps, schema_editor):
    Survey = apps.get_model("assessments", "Survey")
    SurveyResponse = apps.get_model("assessments", "SurveyResponse")
    for survey in Survey.objects.only("pk"):
        ids = list(
            SurveyResponse.objects.filter(survey=survey).order_by("pk").values_list("pk", flat=True)
        )
        for rank, old_id in enumerate(ids):
            SurveyResponse.objects.filter(pk=old_id).update(
                batch=rank // BATCH, id=secrets.randbelow(ID_LIMIT - 1) + 1
            )
        complete = len(ids) // BATCH
        responses = SurveyResponse.objects.filter(survey=survey, batch__lt=complete)
        Survey.objects.filter(pk=survey.pk).update(response_count=len(ids), **_totals(responses))


def every_answer_in_the_totals(apps, schema_editor):
    Survey = apps.get_model("assessments", "Survey")
    SurveyResponse = apps.get_model("assessments", "SurveyResponse")
    for survey in Survey.objects.only("pk"):
        responses = SurveyResponse.objects.filter(survey=survey)
        Survey.objects.filter(pk=survey.pk).update(**_totals(responses))


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0021_submitted_currency"),
    ]

    operations = [
        migrations.AddField(
            model_name="surveyresponse",
            name="batch",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.RunPython(batch_and_rekey, every_answer_in_the_totals),
    ]
