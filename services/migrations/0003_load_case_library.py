"""Ship the starter case library, so a fresh production database has 15 published cases.

Like `services.demo.seed_cases`, this only adds cases whose slug is not there yet, so it
never overwrites a curator's edits. The loading code is written out here, against the
historical models, rather than imported from the app, so that later changes to the app
cannot change what this migration does.
"""

from django.db import migrations
from django.utils import timezone


def load_case_library(apps, schema_editor):
    from services.case_library_data import CASES

    CaseExample = apps.get_model("services", "CaseExample")
    CaseSource = apps.get_model("services", "CaseSource")
    now = timezone.now()
    existing = set(CaseExample.objects.values_list("slug", flat=True))
    for data in CASES:
        if data["slug"] in existing:
            continue
        fields = {key: value for key, value in data.items() if key != "sources"}
        case = CaseExample.objects.create(**fields, status="published", published_at=now)
        CaseSource.objects.bulk_create(
            CaseSource(case=case, citation=source["citation"], url=source["url"], order=order)
            for order, source in enumerate(data["sources"], start=1)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0002_case_library"),
    ]

    # Unapplying leaves the cases alone: curators may have edited them since.
    operations = [
        migrations.RunPython(load_case_library, migrations.RunPython.noop, elidable=False),
    ]
