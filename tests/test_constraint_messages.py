"""Every database constraint speaks in plain words (issue 23): a curator importing case
examples in the admin once read 'Constraint “services_caseexample_published_has_date” is
violated.' Model validation (and so the admin and the imports) shows a constraint's
message, so every constraint carries one that says what is wrong, never its own name."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import BaseConstraint

from assessments.models import TEXT_FIELDS, AssessmentText, Option
from services.curators import case_curators_group
from services.models import CaseExample, Service
from services.models.cases import CASE_TEXT_FIELDS
from tests import factories

CASE_IMPORT = "/admin/services/caseexample/import/"
SERVICE_IMPORT = "/admin/services/service/import/"


def project_constraints() -> list[tuple[str, BaseConstraint]]:
    """(model label, constraint) for every constraint of the project's own apps (those whose
    code sits in this repository, not in the virtualenv)."""
    base = Path(settings.BASE_DIR)
    found = []
    for config in apps.get_app_configs():
        path = Path(config.path)
        if not path.is_relative_to(base) or ".venv" in path.relative_to(base).parts:
            continue
        for model in config.get_models():
            found.extend((model._meta.label, c) for c in model._meta.constraints)
    return found


def messages_of(error: ValidationError, field: str = NON_FIELD_ERRORS) -> list[str]:
    return error.message_dict.get(field, [])


# --- Every constraint ---------------------------------------------------------------------


def test_the_walk_finds_the_project_apps_constraints():
    labels = {label.split(".")[0] for label, _ in project_constraints()}
    assert labels == {"services", "assessments"}
    assert len(project_constraints()) >= 170  # 182 when this was written, many generated


@pytest.mark.parametrize("constraint", [c for _, c in project_constraints()], ids=lambda c: c.name)
def test_every_constraint_has_a_message_in_plain_words(constraint):
    message = constraint.get_violation_error_message()  # formats: no stray "%"
    assert constraint.violation_error_message != constraint.default_violation_error_message
    assert constraint.name not in message
    assert "constraint" not in message.lower()
    assert "_" not in message  # no column names either
    assert message[:1].isupper() and message.endswith(".")


def test_every_written_answer_has_its_length_limit_with_its_own_words():
    limits = {c.name: c for c in AssessmentText._meta.constraints}
    assert set(limits) == {f"assessments_text_{name}_length_limit" for name in TEXT_FIELDS}
    words = {c.violation_error_message for c in limits.values()}
    assert len(words) == len(TEXT_FIELDS)  # each says which answer
    case_limits = {c.name for c in CaseExample._meta.constraints if "length" in c.name}
    assert case_limits == {f"services_caseexample_{name}_length_limit" for name in CASE_TEXT_FIELDS}


# --- The reported case ----------------------------------------------------------------------


@pytest.mark.django_db
def test_a_published_case_example_without_a_date_is_refused_in_plain_words():
    case = factories.CaseExampleFactory.build(status="published", published_at=None)
    with pytest.raises(ValidationError) as refused:
        case.full_clean()
    assert messages_of(refused.value) == [
        "A published case example needs the date it was published: save it again, or set "
        "it back to draft."
    ]
    assert "services_caseexample_published_has_date" not in str(refused.value)
    assert "Constraint" not in str(refused.value)


# --- Through the admin's import -------------------------------------------------------------


def upload(name: str, content: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content.encode(), content_type="text/csv")


@pytest.fixture
def curator(db):
    """Staff who keep the case library (as in tests/services/conftest.py)."""
    user = factories.UserFactory(username="curator", is_staff=True)
    user.groups.add(case_curators_group())
    return user


def test_a_case_imported_as_published_gets_its_date_not_a_constraint_name(client, curator):
    CaseExample.objects.all().delete()  # the library the data migration shipped
    client.force_login(curator)
    csv = (
        "slug,title,status,summary,country,sector,government_level,co_producer_type,level,"
        "value_type,necessity,sources\n"
        "new-case,A new case,Published,What happened.,UK,Health,Local or municipal,"
        "Volunteers,Group,Public value,Optional,Smith (2010) <https://e.org/w>\n"
    )
    preview = client.post(
        CASE_IMPORT, {"format": "0", "resource": "0", "import_file": upload("cases.csv", csv)}
    )
    html = preview.content.decode()
    assert preview.status_code == 200
    assert "Constraint" not in html and "published_has_date" not in html
    assert "Confirm import" in html


def test_an_import_that_would_give_an_agency_two_services_of_one_name_says_so_plainly(
    client, agency
):
    kept = factories.ServiceFactory(agency=agency, name="Libraries")
    renamed = factories.ServiceFactory(agency=agency, name="Bin collection")
    admin = factories.UserFactory(username="admin", is_staff=True, is_superuser=True)
    client.force_login(admin)
    csv = (
        "service_id,agency,name,sector,client_type,clients_per_year,delivery_mode\n"
        f"{renamed.code},{agency.slug},Libraries,Education,Beneficiaries,1200,In-house staff\n"
    )
    preview = client.post(
        SERVICE_IMPORT,
        {"format": "0", "resource": "0", "import_file": upload("services.csv", csv)},
    )
    html = preview.content.decode()
    assert "The agency already has a service with this name" in html
    assert "services_service_name_unique_per_agency" not in html
    assert "already exists" not in html and "Constraint" not in html
    assert "Confirm import" not in html
    assert list(Service.objects.order_by("pk").values_list("name", flat=True)) == [
        kept.name,
        "Bin collection",
    ]


# --- Assessments and their options ---------------------------------------------------------


@pytest.mark.django_db
def test_an_options_lowest_cost_above_its_estimate_is_refused_in_plain_words():
    assessment = factories.AssessmentFactory()
    option = Option(
        assessment=assessment,
        position=9,
        name="A third way",
        setup_cost=Decimal("100"),
        setup_cost_low=Decimal("200"),
    )
    with pytest.raises(ValidationError) as refused:
        option.full_clean()
    assert messages_of(refused.value) == [
        "The lowest one-off set-up cost must not be more than its estimate."
    ]


@pytest.mark.django_db
def test_two_options_of_one_name_are_refused_in_plain_words():
    assessment = factories.AssessmentFactory()
    first = assessment.ordered_options[0]
    twin = Option(assessment=assessment, position=9, name=first.name)
    with pytest.raises(ValidationError) as refused:
        twin.full_clean()
    assert messages_of(refused.value) == [
        "Another option of this assessment already has this name: give each option its own."
    ]


@pytest.mark.django_db
def test_an_assessments_value_judgement_range_is_refused_in_plain_words():
    assessment = factories.AssessmentFactory(discount_rate=Decimal("3.5"))
    assessment.discount_rate_low = Decimal("5")
    with pytest.raises(ValidationError) as refused:
        assessment.full_clean()
    text = " ".join(refused.value.messages)
    assert "The lowest discount rate must not be more than your figure." in text
    assert not re.search(r"assessments_\w+", text)
