"""Money on a submitted assessment keeps its currency: stored when it is submitted."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def stamp_currency(apps, schema_editor):
    """Every assessment submitted or archived so far keeps the currency its agency has
    now, the one it was submitted in unless an agency changed it since."""
    Assessment = apps.get_model("assessments", "Assessment")
    Agency = apps.get_model("services", "Agency")
    agency_currency = Agency.objects.filter(services=OuterRef("service")).values("currency")
    Assessment.objects.exclude(status="draft").update(currency=Subquery(agency_currency[:1]))


class Migration(migrations.Migration):

    dependencies = [
        ('assessments', '0020_who_gains_who_pays'),
    ]

    operations = [
        migrations.AddField(
            model_name='assessment',
            name='currency',
            field=models.CharField(blank=True, default='', editable=False, max_length=3, verbose_name='currency of its money'),
        ),
        migrations.AddField(
            model_name='historicalassessment',
            name='currency',
            field=models.CharField(blank=True, default='', editable=False, max_length=3, verbose_name='currency of its money'),
        ),
        migrations.RunPython(stamp_currency, migrations.RunPython.noop),
    ]
