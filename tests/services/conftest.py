import pytest

from services.curators import case_curators_group
from services.models import CaseExample
from tests import factories


@pytest.fixture
def empty_library(db):
    """Remove the cases the data migration shipped, so a test sees only the ones it makes."""
    CaseExample.objects.all().delete()


@pytest.fixture
def curator(db):
    """Staff who keep the case library in the admin: a "Case curators" member, not a superuser."""
    user = factories.UserFactory(username="curator", is_staff=True)
    user.groups.add(case_curators_group())
    return user


@pytest.fixture
def reader(db):
    """Signed in, not staff, in no agency: the library is shared, not agency data."""
    return factories.UserFactory(username="reader")
