from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = "Assessments"

    def ready(self):
        from assessments import tenancy

        # The triggers that keep each row's agency its parent's (`tenancy.py`): on SQLite
        # out for each migrate, as they would stop a table being remade; back after it.
        pre_migrate.connect(tenancy.migration_starting, dispatch_uid="assessments.tenancy")
        post_migrate.connect(tenancy.migration_ended, dispatch_uid="assessments.tenancy")
