"""Risk flags and special assets stored as bits, which the dashboard counts."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from assessments.models import Assessment
from assessments.models.bits import RISK_FLAG_BITS, SPECIAL_ASSET_BITS, bit_set, bits_of
from assessments.portfolio import headline
from assessments.scoring import RISK_FLAG_TEXT
from services.models import SpecialAsset
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("bits, codes", [(RISK_FLAG_BITS, list(RISK_FLAG_TEXT)),
                                         (SPECIAL_ASSET_BITS, list(SpecialAsset.values))])  # fmt: skip
def test_every_code_has_a_bit_of_its_own(bits, codes):
    assert sorted(bits) == sorted(codes)
    values = list(bits.values())
    assert all(value & (value - 1) == 0 and value > 0 for value in values)  # one bit each
    assert len(set(values)) == len(values)


def test_bits_of_sets_the_codes_bits_and_ignores_unknown_ones():
    assert bits_of(["trust", "location", "made-up"], SPECIAL_ASSET_BITS) == 0b1010
    assert bits_of(None, SPECIAL_ASSET_BITS) == 0


def test_saving_stores_the_bits_of_the_lists(service):
    assessment = factories.AssessmentFactory(
        **factories.complete_answers(special_assets=["trust", "skills"], burden_on_vulnerable=True),
        service=service,
    )
    assessment.refresh_from_db()
    assert assessment.result_special_asset_bits == 0b0110
    assert "unfair_burden" in assessment.result_risk_flags
    assert assessment.result_risk_flag_bits == bits_of(assessment.result_risk_flags, RISK_FLAG_BITS)
    assert Assessment.objects.filter(bit_set("result_risk_flag_bits", 1 << 5)).count() == 1


def test_the_headline_counts_each_flag_and_asset_as_the_lists_say(service):
    answers = [
        {"special_assets": ["trust"]},
        {"special_assets": ["trust", "location"], "burden_on_vulnerable": True},
        {"special_assets": [], "burden_on_vulnerable": True},
    ]
    for extra in answers:
        factories.AssessmentFactory(
            **factories.complete_answers(**extra), service=service, status="submitted",
            submitted_at="2026-01-01T00:00Z",
        )  # fmt: skip
    row = headline(Assessment.objects.all())
    stored = list(Assessment.objects.values_list("result_risk_flags", "special_assets"))
    for code in RISK_FLAG_TEXT:
        assert row[f"flag_{code}"] == sum(code in flags for flags, _ in stored), code
    for asset in SpecialAsset.values:
        assert row[f"asset_{asset}"] == sum(asset in (assets or ()) for _, assets in stored)
    assert row["asset_trust"] == 2 and row["asset_location"] == 1
    assert row["flag_unfair_burden"] == 2


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.migration_round_trip
def test_the_migration_works_the_bits_out_for_stored_rows(transactional_db, service):
    assessment = factories.AssessmentFactory(
        **factories.complete_answers(special_assets=["local_knowledge"], burden_on_vulnerable=True),
        service=service,
    )
    flags = Assessment.objects.get(pk=assessment.pk).result_risk_flags
    try:
        _migrate([("assessments", "0012_history")])
        _migrate([("assessments", "0013_flag_and_asset_bits")])
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    stored = Assessment.objects.get(pk=assessment.pk)
    assert stored.result_special_asset_bits == SPECIAL_ASSET_BITS["local_knowledge"]
    assert stored.result_risk_flag_bits == bits_of(flags, RISK_FLAG_BITS) != 0
