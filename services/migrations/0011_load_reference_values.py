"""Ship the starter reference values, published, and the Expert Patients Programme's measured
effect on quality of life, so a fresh production database can value outcomes.

As `0003_load_case_library` does, this only adds what is not there yet (a reference value by
its slug, the effect by its case, outcome and study), so it never overwrites a curator's
edits, and it is written against the historical models so that later changes to the app
cannot change what it does. Unapplying removes what it added, except the reference values a
curator has touched since (their curated_at is set): those are a curator's work now.
"""

from django.db import migrations
from django.utils import timezone

EXPERT_PATIENTS = "expert-patients-programme"
EXPERT_PATIENTS_EFFECT = {
    "outcome": "Quality of life",
    "unit": "one QALY",
    "effect": "0.02",
    "compared_with": "usual care (waiting list)",
    "population": "629 patients with long-term conditions in England, randomised trial, 6 months",
    "study": "Kennedy A, et al. (2007) The effectiveness and cost effectiveness of a national "
    "lay-led self care support programme for patients with long-term conditions: a pragmatic "
    "randomised controlled trial. J Epidemiol Community Health 61(3):254-261",
    "url": "https://jech.bmj.com/content/61/3/254",
}


def _slugs():
    from services.reference_values_data import REFERENCE_VALUES

    return [data["slug"] for data in REFERENCE_VALUES]


def load_reference_values(apps, schema_editor):
    from services.reference_values_data import REFERENCE_VALUES

    ReferenceValue = apps.get_model("services", "ReferenceValue")
    now = timezone.now()
    existing = set(ReferenceValue.objects.values_list("slug", flat=True))
    ReferenceValue.objects.bulk_create(
        ReferenceValue(**data, status="published", published_at=now)
        for data in REFERENCE_VALUES
        if data["slug"] not in existing
    )

    CaseExample = apps.get_model("services", "CaseExample")
    CaseEffect = apps.get_model("services", "CaseEffect")
    case = CaseExample.objects.filter(slug=EXPERT_PATIENTS).first()
    if case is None:  # a curator has removed the case: nothing to attach the effect to
        return
    effect = EXPERT_PATIENTS_EFFECT
    if not CaseEffect.objects.filter(
        case=case, outcome=effect["outcome"], study=effect["study"]
    ).exists():
        CaseEffect.objects.create(case=case, order=1, **effect)


def unload_reference_values(apps, schema_editor):
    ReferenceValue = apps.get_model("services", "ReferenceValue")
    CaseEffect = apps.get_model("services", "CaseEffect")
    ReferenceValue.objects.filter(slug__in=_slugs(), curated_at__isnull=True).delete()
    CaseEffect.objects.filter(**EXPERT_PATIENTS_EFFECT, case__slug=EXPERT_PATIENTS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0010_reference_values_and_case_effects"),
    ]

    operations = [
        migrations.RunPython(load_reference_values, unload_reference_values, elidable=False),
    ]
