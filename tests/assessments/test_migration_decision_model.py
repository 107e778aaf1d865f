"""The migrations to the decision model (0016 to 0018): one population, hours and money
for each client, and every stored result worked out again, with each figure unchanged at
its estimate, forwards and backwards."""

from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from assessments import scoring
from assessments.demo_data import DEMO_ASSESSMENTS
from assessments.models import adapter
from assessments.models.assessment import TEXT_FIELDS
from tests.assessments.test_migration_options import migrate

BEFORE = [("assessments", "0015_survey")]
AFTER = [("assessments", "0018_remove_yearly_totals")]
# Answers the old tables lack: the options and the people (this migration's), and the
# outcomes and price year (a later one's).
NEW_ANSWERS = ("options", "same_population", "clients_per_year", "outcomes", "price_year")
TENTH, CENT = Decimal("0.1"), Decimal("0.01")


pytestmark = pytest.mark.migration_round_trip


@pytest.fixture
def old_shape(transactional_db):
    """The database as it was before the decision model; put back to the latest after."""
    apps = migrate(BEFORE)
    yield apps
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def _service(apps, slug):
    User = apps.get_model("auth", "User")
    Agency = apps.get_model("services", "Agency")
    Service = apps.get_model("services", "Service")
    user, _ = User.objects.get_or_create(username="author")
    agency, _ = Agency.objects.get_or_create(
        slug=slug,
        defaults={"name": slug, "government_level": "local", "sector": "health"},
    )
    service, _ = Service.objects.get_or_create(
        agency=agency,
        name="A service",
        defaults={"sector": "health", "client_type": "beneficiaries", "clients_per_year": 10,
                  "delivery_mode": "in_house"},
    )  # fmt: skip
    return user, service


def _old_totals(choice: dict) -> dict:
    """An option of the demo as the old model held it: hours and money a year in all."""
    clients = choice.get("clients_per_year")
    old = {k: v for k, v in choice.items() if k not in ("hours_per_client", "money_per_client")}
    for name, total, places in (
        ("hours_per_client", "annual_co_producer_hours", TENTH),
        ("money_per_client", "annual_co_producer_money", CENT),
    ):
        each = choice.get(name)
        old[total] = None if each is None else (each * clients).quantize(places)
    old.setdefault("clients_per_year", None)
    return old


def _load_demo_in_old_shape(apps) -> dict:
    """Every demo assessment with options, built on the old tables; what each option's
    yearly totals and clients were, by (assessment id, position)."""
    Assessment = apps.get_model("assessments", "Assessment")
    Option = apps.get_model("assessments", "Option")
    figures = {}
    for demo in DEMO_ASSESSMENTS:
        choices = demo.answers.get("options")
        if not choices:
            continue
        user, service = _service(apps, demo.agency)
        answers = {
            k: v for k, v in demo.answers.items() if k not in TEXT_FIELDS and k not in NEW_ANSWERS
        }
        assessment = Assessment.objects.create(
            service=service,
            author=user,
            title=demo.title,
            hourly_rate=Decimal("18.50"),
            appraisal_years=5,
            discount_rate=Decimal("3.5"),
            willingness_to_pay=answers.pop("willingness_to_pay", Decimal("5")),
            **answers,
        )
        for position, choice in enumerate(choices, start=1):
            old = _old_totals(choice)
            Option.objects.create(assessment=assessment, position=position, **old)
            figures[assessment.pk, position] = (
                old["annual_co_producer_hours"],
                old["annual_co_producer_money"],
                old["clients_per_year"],
            )
    return figures


def _half_done_draft(apps):
    """A draft whose co-produced option has hours a year but no clients yet."""
    Assessment = apps.get_model("assessments", "Assessment")
    Option = apps.get_model("assessments", "Option")
    user, service = _service(apps, "drafts")
    draft = Assessment.objects.create(service=service, author=user, title="Half done")
    Option.objects.create(
        assessment=draft,
        position=1,
        name="Volunteers",
        annual_co_producer_hours=Decimal("3000"),
        description="Residents sweep the square.",
    )
    Option.objects.create(
        assessment=draft, position=2, name="Contractor", comparator=True, clients_per_year=400
    )
    return draft.pk


def test_the_migration_keeps_every_figure_at_its_estimate_forwards_and_backwards(old_shape):
    """One test, as each migration of the whole graph takes seconds: every demo assessment
    forwards (figures unchanged, results afresh), a draft that cannot be converted, and
    back again."""
    figures = _load_demo_in_old_shape(old_shape)
    assert len(figures) > 40  # every demo option with its figures
    draft = _half_done_draft(old_shape)

    apps = migrate(AFTER)
    _check_forwards(apps, figures)
    _check_the_draft(apps, draft)

    apps = migrate(BEFORE)
    Option = apps.get_model("assessments", "Option")
    for option in Option.objects.exclude(assessment_id=draft):
        hours, money, clients = figures[option.assessment_id, option.position]
        assert (option.annual_co_producer_hours, option.annual_co_producer_money) == (
            hours,
            money,
        ), option.name
        assert option.clients_per_year == clients


def _check_forwards(apps, figures):
    Assessment = apps.get_model("assessments", "Assessment")
    for assessment in Assessment.objects.select_related("service").prefetch_related("options"):
        if assessment.title == "Half done":
            continue
        options = sorted(assessment.options.all(), key=lambda option: option.position)
        same = bool(assessment.same_population)
        clients = {figures[assessment.pk, o.position][2] for o in options}
        # One population where every option served the same number of clients (a draft
        # whose options have none yet keeps the question open).
        assert same == (len(clients) == 1 and None not in clients), assessment.title
        inputs = adapter.assessment_inputs(assessment, options)
        for option, given in zip(options, inputs.options, strict=True):
            hours, money, clients_a_year = figures[assessment.pk, option.position]
            where = f"{assessment.title}: {option.name}"
            assert given.annual_co_producer_hours == hours, where
            assert given.annual_co_producer_money == money, where
            assert scoring.costs.option_clients(inputs, given) == clients_a_year, where
            # The stored costs are those of the old totals, costed afresh.
            old = scoring.costs.cost_option(
                inputs,
                option.position - 1,
                scoring.OptionInputs(
                    **{
                        **given.__dict__,
                        "annual_co_producer_hours": hours,
                        "annual_co_producer_money": money,
                        "clients_per_year": clients_a_year,
                    }
                ),
            )
            if old is None:  # a draft not yet costed stays so
                assert option.result_full_cost is None, where
                continue
            assert option.result_full_cost == Decimal(str(old.full_cost)), where
            assert option.result_client_years == Decimal(str(old.client_years)), where
            assert option.result_hours_a_year == (
                None if old.co_producer_hours is None else Decimal(str(old.co_producer_hours))
            )
        # Results worked out again with the new rule: the choice is the best on average.
        if assessment.willingness_to_pay is not None and assessment.result_best_id:
            best = max(options, key=lambda o: (o.result_mean_net_benefit, -o.position))
            assert assessment.result_best_id == best.pk, assessment.title


def _check_the_draft(apps, draft):
    Assessment = apps.get_model("assessments", "Assessment")
    Option = apps.get_model("assessments", "Option")
    volunteers, contractor = Option.objects.filter(assessment_id=draft).order_by("position")
    assert volunteers.hours_per_client is None
    assert volunteers.description.startswith("Residents sweep the square.\n\n")
    assert "this option had 3000 hours a year in all" in volunteers.description
    assert "Enter them for each client served." in volunteers.description
    assert contractor.description == ""
    # Not every option has its clients yet: the question stays open for the manager.
    assert Assessment.objects.get(pk=draft).same_population is None
