from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    # The table of the database cache (settings.CACHES), made wherever migrate runs. It does
    # nothing when the cache is Redis; run `manage.py createcachetable` after switching back.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
