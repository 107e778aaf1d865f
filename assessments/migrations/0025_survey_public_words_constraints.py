"""The survey's limits on its public words and on the minutes a month, and the end of the
hours a month that 0030 copied into minutes."""

import django.db.models.functions.text
import django.db.models.lookups
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0024_survey_public_words"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="survey",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("public_title"), 120
                ),
                name="assessments_survey_public_title_length_limit",
            ),
        ),
        migrations.AddConstraint(
            model_name="survey",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("description"), 400
                ),
                name="assessments_survey_description_length_limit",
            ),
        ),
        migrations.RemoveConstraint(
            model_name="surveyresponse",
            name="assessments_surveyresponse_hours_in_range",
        ),
        migrations.RemoveField(
            model_name="surveyresponse",
            name="hours_a_month",
        ),
        migrations.AddConstraint(
            model_name="surveyresponse",
            constraint=models.CheckConstraint(
                condition=models.Q(("minutes_a_month__lte", 18000)),
                name="assessments_surveyresponse_minutes_in_range",
            ),
        ),
    ]
