import pytest

from services.models import CaseExample
from tests import factories


@pytest.fixture
def empty_library(db):
    """Remove the cases the data migration shipped, so a test sees only the ones it makes."""
    CaseExample.objects.all().delete()


@pytest.fixture
def curator(db):
    """Staff who keep the case library in the admin."""
    return factories.UserFactory(username="curator", is_staff=True, is_superuser=True)


@pytest.fixture
def reader(db):
    """Signed in, not staff, in no agency: the library is shared, not agency data."""
    return factories.UserFactory(username="reader")
