import os

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses
# to run beside one unless told the tests know what they are doing.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest  # noqa: E402

from tests import factories  # noqa: E402


@pytest.fixture(autouse=True)
def _fast_test_settings(settings):
    # A deliberately slow password hash buys nothing in tests.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

    # The manifest storage needs collectstatic; the test server serves files as they are.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def agency(db):
    return factories.AgencyFactory(name="Home Agency")


@pytest.fixture
def other_agency(db):
    return factories.AgencyFactory(name="Other Agency")


@pytest.fixture
def owner(agency):
    """A manager of the home agency."""
    return factories.member_of(agency, role="manager", username="owner")


@pytest.fixture
def viewer(agency):
    """A viewer of the home agency: reads, never changes."""
    return factories.member_of(agency, role="viewer", username="viewer")


@pytest.fixture
def outsider(other_agency):
    """A manager of another agency: must never see the home agency's work."""
    return factories.member_of(other_agency, role="manager", username="outsider")


@pytest.fixture
def service(agency):
    return factories.ServiceFactory(agency=agency, name="Home Service")


@pytest.fixture
def other_service(other_agency):
    return factories.ServiceFactory(agency=other_agency, name="Other Service")
