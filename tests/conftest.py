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


# --- Tests that never reach a database ----------------------------------------------------
#
# Marked `no_database`: CI runs them once, on SQLite, as they would say nothing new on
# PostgreSQL (the scoring module is pure, and so are the number parsers and the geometry).
_DATABASE_FIXTURES = {"db", "transactional_db", "live_server", "django_db_setup"}


def pytest_collection_modifyitems(items):
    for item in items:
        if item.get_closest_marker("django_db") is None and not (
            _DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
        ):
            item.add_marker(pytest.mark.no_database)


# --- What the migrations shipped, kept across tests that commit --------------------------
#
# A test that commits for real (`transaction=True`, `transactional_db`, the browser tests'
# live server) ends by emptying every table, the case library and the reference values
# that the data migrations shipped among them. Django's own runner keeps such tests for
# last; pytest-xdist's `worksteal` may hand a worker a rolled-back test after one that
# committed, and that test then found the shipped rows gone. So the rows the migrations
# left are copied once, as the test database is made, and put back after each test that
# commits. Content types and permissions are left out: the emptying makes them again.

_SHIPPED: dict[str, object] = {}
_REMADE_BY_FLUSH = {"contenttypes.contenttype", "auth.permission"}


def _shipped_models(using="default"):
    from django.apps import apps
    from django.core import serializers

    models = [
        model
        for model in apps.get_models()
        if model._meta.label_lower not in _REMADE_BY_FLUSH
        and model._meta.managed
        and not model._meta.proxy
        and model._default_manager.using(using).exists()
    ]
    return serializers.sort_dependencies([(None, models)], allow_cycles=True)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from itertools import chain

    from django.core import serializers

    with django_db_blocker.unblock():
        models = _shipped_models()
        _SHIPPED["models"] = models
        _SHIPPED["json"] = serializers.serialize(
            "json",
            chain.from_iterable(model._default_manager.order_by("pk") for model in models),
            use_natural_foreign_keys=True,
        )


def _commits(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or (marker.args[:1] == (True,))):
        return True
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


def _put_back_what_was_shipped() -> None:
    """Each shipped table that the test left empty gets its rows back; a table that holds
    rows (one that the emptying fills again, or one the test never emptied) is left."""
    from django.core import serializers
    from django.db import transaction

    with transaction.atomic():
        emptied = {model for model in _SHIPPED["models"] if not model._default_manager.exists()}
        if not emptied:
            return
        objects = [
            obj
            for obj in serializers.deserialize(
                "json", _SHIPPED["json"], handle_forward_references=True
            )
            if type(obj.object) in emptied
        ]
        for obj in objects:
            obj.save()
        for obj in objects:
            if obj.deferred_fields:
                obj.save_deferred_fields()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield
    # After the last test the session's fixtures are gone too, the test database with them
    # (the connection names the real one again): there is nothing to put back for.
    if nextitem is not None and "json" in _SHIPPED and _commits(item):
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            _put_back_what_was_shipped()
