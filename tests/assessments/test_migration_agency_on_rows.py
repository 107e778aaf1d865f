"""The migration that puts the agency on the rows pages scan (0023): forwards, every stored
assessment and option (and their histories) gets its service's agency and the triggers
that hold it are in place; backwards, the columns and the triggers go and the rest stays."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from assessments import tenancy
from assessments.models import Assessment, Option
from tests.assessments.test_dashboard import make
from tests.assessments.test_migration_options import migrate

BEFORE = [("assessments", "0022_survey_anonymity")]

pytestmark = pytest.mark.migration_round_trip


def test_stored_rows_get_their_services_agency(transactional_db, service, other_service):
    ours, theirs = make(service), make(other_service)
    old = migrate(BEFORE)
    assert not tenancy.installed()
    old_assessment = old.get_model("assessments", "Assessment")
    assert "agency" not in {field.name for field in old_assessment._meta.get_fields()}
    assert old_assessment.objects.count() == 2

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    for assessment, agency in ((ours, service.agency_id), (theirs, other_service.agency_id)):
        assert Assessment.objects.get(pk=assessment.pk).agency_id == agency
        options = Option.objects.filter(assessment=assessment)
        assert options.count() == 2
        assert set(options.values_list("agency_id", flat=True)) == {agency}
        histories = Assessment.history.filter(id=assessment.pk)
        assert histories.exists()
        assert set(histories.values_list("agency_id", flat=True)) == {agency}
        assert set(
            Option.history.filter(assessment_id=assessment.pk).values_list("agency_id", flat=True)
        ) == {agency}
    # The rule holds again.
    assert {name for _, name in tenancy.installed()} == set(tenancy._wanted(connection))
    with pytest.raises(IntegrityError), transaction.atomic():
        Assessment.objects.filter(pk=ours.pk).update(agency_id=other_service.agency_id)
