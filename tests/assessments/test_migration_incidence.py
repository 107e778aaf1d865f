"""The migration that adds who gains and who pays (0020): forwards, every stored
assessment gets its incidence and its choice at the agency's own cost, as a save would give
them, and no earlier result changes; backwards, the columns go and the answers stay."""

from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from assessments.models import Assessment, Option
from tests.assessments.test_migration_options import migrate
from tests.assessments.test_report_incidence import shifting

BEFORE = [("assessments", "0019_outcome_measures")]
NEW = (
    "result_agency_mean_net_benefit",
    "result_agency_change",
    "result_time_change",
    "result_money_change",
    "result_hours_change",
    "result_gains_change",
    "result_public_gain",
)
KEPT = ("result_full_cost", "result_net_benefit", "result_mean_net_benefit", "result_is_best")

pytestmark = pytest.mark.migration_round_trip


def _stored(assessment):
    options = Option.objects.filter(assessment=assessment).order_by("position")
    return [{name: getattr(option, name) for name in (*NEW, *KEPT)} for option in options]


def test_backwards_and_forwards_the_incidence_is_worked_out_for_stored_assessments(
    transactional_db, service
):
    assessment = shifting(service)
    saved = _stored(assessment)
    agency_best = Assessment.objects.get(pk=assessment.pk).result_agency_best_id
    assert saved[1]["result_time_change"] == Decimal("72600.00")

    old = migrate(BEFORE)
    old_option = old.get_model("assessments", "Option")
    assert not hasattr(old_option.objects.first(), "result_time_change")
    assert old_option.objects.filter(assessment_id=assessment.pk).count() == 2

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    assert _stored(assessment) == saved
    assert Assessment.objects.get(pk=assessment.pk).result_agency_best_id == agency_best
