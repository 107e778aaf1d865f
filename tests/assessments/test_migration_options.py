"""The migration that moves each assessment's two options from column pairs into rows."""

from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from assessments import tenancy
from coprod_site import changes

BEFORE = [("assessments", "0005_assessment_updated_index")]
AFTER = [("assessments", "0008_remove_option_columns")]


pytestmark = pytest.mark.migration_round_trip


def migrate(targets):
    """Migrate to `targets`, as `migrate` would: the triggers that read other tables
    (kept pages', the agency's rule) out first, and back only at the latest state, as they
    are written for its tables."""
    changes.drop_triggers()
    tenancy.remove_triggers()
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    if set(targets) == set(executor.loader.graph.leaf_nodes()):
        changes.sync_triggers()
        tenancy.sync_triggers()
    return executor.loader.project_state(targets).apps


@pytest.fixture
def old_shape(transactional_db):
    """The database as it was before options were rows; put back to the latest after."""
    apps = migrate(BEFORE)
    yield apps
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def _old_assessment(apps, **answers):
    User = apps.get_model("auth", "User")
    Agency = apps.get_model("services", "Agency")
    Service = apps.get_model("services", "Service")
    Assessment = apps.get_model("assessments", "Assessment")
    user, _ = User.objects.get_or_create(username="author")
    agency, _ = Agency.objects.get_or_create(
        name="Old Agency",
        defaults={"slug": "old", "government_level": "local", "sector": "health"},
    )
    service, _ = Service.objects.get_or_create(
        agency=agency,
        name="Old service",
        defaults={"sector": "health", "client_type": "beneficiaries", "clients_per_year": 10,
                  "delivery_mode": "in_house"},
    )  # fmt: skip
    return Assessment.objects.create(service=service, author=user, **answers)


COMPLETE_OLD = {
    "title": "Parents reading",
    "phases": ["delivery"],
    "agency_contributions": ["training"],
    "co_producer_contributions": ["time"],
    "private_value_strength": 3,
    "public_value_strength": 2,
    "necessity": "optional",
    "hourly_rate": Decimal("10"),
    "appraisal_years": 3,
    "discount_rate": Decimal("3.5"),
    "alternative_name": "Teaching assistants",
    "co_production_setup_cost": Decimal("5000"),
    "co_production_annual_agency_cost": Decimal("20000"),
    "co_production_annual_co_producer_hours": Decimal("1000"),
    "co_production_clients_per_year": 1000,
    "co_production_confidence": "high",
    "alternative_setup_cost": Decimal("0"),
    "alternative_annual_agency_cost": Decimal("60000"),
    "alternative_annual_co_producer_hours": Decimal("0"),
    "alternative_clients_per_year": 1000,
    "alternative_confidence": "high",
    **{f"co_production_{r}": 4 for r in ("effectiveness", "consistency", "trust", "experience")},
    **{f"alternative_{r}": 3 for r in ("effectiveness", "consistency", "trust", "experience")},
}


def test_two_options_become_rows_with_results_and_go_back(old_shape):
    complete = _old_assessment(old_shape, **COMPLETE_OLD)
    blank = _old_assessment(old_shape, title="Just started")

    apps = migrate(AFTER)
    Assessment = apps.get_model("assessments", "Assessment")
    Option = apps.get_model("assessments", "Option")
    options = list(Option.objects.filter(assessment_id=complete.pk).order_by("position"))
    assert [(o.name, o.co_produced, o.comparator) for o in options] == [
        ("With co-production", True, False),
        ("Teaching assistants", False, True),
    ]
    co_production, alternative = options
    assert co_production.setup_cost == Decimal("5000")
    assert co_production.annual_co_producer_hours == Decimal("1000")
    assert alternative.annual_agency_cost == Decimal("60000")
    assert (co_production.trust, alternative.trust) == (4, 3)
    # The results are worked out afresh, as a save would.
    assert co_production.result_quality == Decimal("75.0")
    assert co_production.result_on_frontier and alternative.result_dominance == "dominated"
    migrated = Assessment.objects.get(pk=complete.pk)
    assert migrated.result_quadrant == "cheaper_better"
    assert migrated.result_classification == "co_production"
    # A blank draft gets its two blank options, the comparator named for lack of a name.
    assert list(
        Option.objects.filter(assessment_id=blank.pk).values_list("name", "comparator")
    ) == [("With co-production", False), ("The alternative", True)]

    apps = migrate(BEFORE)
    Assessment = apps.get_model("assessments", "Assessment")
    restored = Assessment.objects.get(pk=complete.pk)
    for name, value in COMPLETE_OLD.items():
        assert getattr(restored, name) == value, name
    assert Assessment.objects.get(pk=blank.pk).alternative_name == "The alternative"


def test_existing_assessments_get_their_plane_options_linked(old_shape):
    complete = _old_assessment(old_shape, **COMPLETE_OLD)
    migrate([("assessments", "0010_uncertainty_ranges_and_results")])
    apps = migrate([("assessments", "0011_plane_options")])
    Assessment = apps.get_model("assessments", "Assessment")
    linked = Assessment.objects.select_related(
        "result_plane_option", "result_plane_comparator"
    ).get(pk=complete.pk)
    assert linked.result_plane_option.name == "With co-production"
    assert linked.result_plane_comparator.name == "Teaching assistants"
