"""The "Case curators" group: staff who keep the case library, and nothing else.

Curators sign in to the admin (they are staff) but are not superusers: the group gives
them the permissions of the case library, the reference values and the price index only, so they cannot see or change agencies, members,
services, assessments or user accounts.
"""

from django.contrib.auth.models import Group, Permission

CASE_CURATORS = "Case curators"

# (model, actions). Curators add, change and read cases, and import and export them as
# files in the admin; they withdraw a case by moving it back to draft, so deleting one is
# left to an administrator. Sources are part of a case's page, edited with it, so curators
# may delete a wrong source there (an import replaces a case's sources).
CURATOR_PERMISSIONS = (
    ("caseexample", ("add", "change", "view", "import", "export")),
    ("casesource", ("add", "change", "delete", "view")),
    # Measured effects belong to a case's page, like its sources.
    ("caseeffect", ("add", "change", "delete", "view")),
    # Reference values and the price index are curated the same way as cases.
    ("referencevalue", ("add", "change", "view", "import", "export")),
    ("priceindex", ("add", "change", "view", "import", "export")),
)


def curator_permissions():
    codenames = [
        f"{action}_{model}" for model, actions in CURATOR_PERMISSIONS for action in actions
    ]
    return Permission.objects.filter(content_type__app_label="services", codename__in=codenames)


def case_curators_group() -> Group:
    """The group, created or put back to exactly the curators' permissions. Idempotent."""
    group, _ = Group.objects.get_or_create(name=CASE_CURATORS)
    group.permissions.set(curator_permissions())
    return group
