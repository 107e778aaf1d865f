"""Who pays on the dashboard: the agencies' spending and the co-producers' time and money
against the comparators, by currency, agency and sector; cost shifted on the watch list."""

import csv
import io
import re
import uuid
from decimal import Decimal

import pytest
from django.utils import timezone

from assessments.choices import Status
from assessments.models import Assessment
from assessments.portfolio import COST_SHIFTED_MAX, WATCH_LIST_MAX, comparisons, watch_list
from services.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db

# Three years at 3.5% (year 0 undiscounted) with the 10% uplift of high confidence:
# 1.1 x (1 / 1.035 + 1 / 1.035**2 + 1 / 1.035**3) = 1.1 x 2.801637.
YEARS = Decimal("3.0818007")
# The comparator, teaching assistants: 60,000 a year, 184,908.04 over the period.
COMPARATOR = Decimal("184908.04")


def co_produced(agency_cost=20_000, hours=1, money=None, comparator_hours=0) -> list[dict]:
    """The worked example's options (1,000 clients a year, time at £10 an hour) with the
    co-produced option's agency cost a year, hours and own money for each client."""
    options = factories.complete_options()
    options[0].update(
        annual_agency_cost=Decimal(agency_cost),
        hours_per_client=Decimal(hours),
        money_per_client=None if money is None else Decimal(money),
    )
    options[1]["hours_per_client"] = Decimal(comparator_hours)
    return options


def make(service, title, status=Status.SUBMITTED, **option_answers):
    extra = {"submitted_at": timezone.now()} if status != Status.DRAFT else {}
    return factories.AssessmentFactory(
        **factories.complete_answers(willingness_to_pay=1, options=co_produced(**option_answers)),
        service=service,
        title=title,
        status=status,
        **extra,
    )


def shifted(assessment) -> Decimal:
    """`Incidence.cost_shifted`, worked out here from the stored option."""
    option = assessment.result_plane_option
    given = option.result_time_change + option.result_money_change
    return max(Decimal(0), min(-option.result_agency_change, given))


@pytest.fixture
def euro_service(owner):
    euro = factories.AgencyFactory(name="Euro Agency", currency="EUR")
    Membership.objects.create(user=owner, agency=euro, role="manager")
    return factories.ServiceFactory(agency=euro, name="Euro Service")


def by_currency(context) -> dict:
    return {currency: outcomes for currency, outcomes, _ in context["tables"]["currency"]}


def test_who_pays_adds_up_by_currency_and_never_across(client, owner, service, euro_service):
    # Saves 117,772.03 (5,000 + 20,000 x 2.801637, uplifted, against 184,908.04); 1,000
    # hours a year more, worth 1,000 x £10 x 3.0818007 = 30,818.01; no money of their own.
    saving = make(service, "Saves, and everyone does")
    # Agency: (5,000 + 40,000 x 2.801637) x 1.1 = 128,772.03, saves 56,136.01; 5,000 hours
    # worth 154,090.04 and £10 a client, 30,818.01: the full cost rises.
    shifting = make(service, "Shifts cost", agency_cost=40_000, hours=5, money=10)
    make(euro_service, "In euros", hours=2)
    make(service, "A draft", status=Status.DRAFT, hours=50)  # never counted
    client.force_login(owner)
    response = client.get("/")
    tables = by_currency(response.context)
    pounds, euro = tables["GBP"], tables["EUR"]

    assert saving.result_plane_option.result_agency_change == Decimal("-117772.03")
    assert pounds.incidence_assessed == 2
    assert pounds.agency_change == Decimal("-117772.03") + Decimal("-56136.01")
    assert pounds.hours_change == 1000 + 5000
    assert pounds.time_change == pytest.approx(Decimal("30818.01") + Decimal("154090.04"))
    assert pounds.money_change == pytest.approx(Decimal("30818.01"))
    # Shifted: the smaller of what the agency saves and what co-producers give more.
    assert pounds.cost_shifted == pytest.approx(Decimal("30818.01") + Decimal("56136.01"))
    assert pounds.cost_shifted == pytest.approx(shifted(saving) + shifted(shifting))
    assert pounds.cost_shifted_count == 1
    # The incidence's agency figure is the headline's spending change, as it should be.
    assert pounds.agency_change == pounds.spending_change
    # Euros are summed apart: 2,000 hours, worth 61,636.01; the agency saves 117,772.03.
    assert (euro.incidence_assessed, euro.hours_change) == (1, 2000)
    assert euro.agency_change == Decimal("-117772.03")
    assert euro.time_change == pytest.approx(Decimal("61636.01"))
    assert euro.money_change == 0 and euro.cost_shifted == pytest.approx(Decimal("61636.01"))

    html = response.content.decode()
    assert "Who pays: the agencies and the co-producers" in html
    assert 'id="incidence-gbp"' in html and 'id="incidence-eur"' in html
    gbp = html[html.index('id="incidence-gbp"') :]
    gbp = gbp[: gbp.index("</table>")]
    assert "Saves £174,000" in gbp  # 173,908.04 to three figures
    assert "6,000 more" in gbp
    assert "£185,000 more" in gbp  # the value of their time, 184,908.05
    assert "£30,800 more" in gbp  # their own money
    assert "£87,000" in gbp  # cost shifted: 86,954.02
    eur = html[html.index('id="incidence-eur"') :]
    eur = eur[: eur.index("</table>")]
    assert "Saves €118,000" in eur and "2,000 more" in eur and "€61,600 more" in eur
    assert "£" not in eur and "€" not in gbp


def test_a_sector_across_currencies_has_a_row_for_each(client, owner, service, euro_service):
    """Money in two currencies is never added up: the sector has a row in each, with its
    money in words and in its own currency."""
    make(service, "Pounds", hours=2)
    make(euro_service, "Euros", hours=3)  # the same sector, health
    client.force_login(owner)
    response = client.get("/")
    tables = response.context["tables"]
    assert [(name, c) for name, _, c in tables["sector"]] == [
        ("health", ["EUR"]),
        ("health", ["GBP"]),
    ]
    assert [outcomes.hours_change for _, outcomes, _ in tables["sector"]] == [3000, 2000]
    assert [(name, c) for name, _, c in tables["agency"]] == [
        ("Euro Agency", ["EUR"]),
        ("Home Agency", ["GBP"]),
    ]
    html = response.content.decode()
    assert "Several currencies" not in html
    for table_id in ("incidence-sector-table", "incidence-agency-table"):
        table = html[html.index(f'id="{table_id}"') :]
        rows = table[table.index("<tbody>") : table.index("</tbody>")]
        euro_row, pound_row = rows.split("</tr>")[:2]
        assert "<td>EUR</td>" in euro_row and "Saves €118,000" in euro_row
        assert "£" not in euro_row
        assert "<td>GBP</td>" in pound_row and "Saves £118,000" in pound_row
        assert "€" not in pound_row


def test_words_match_the_signs(client, owner, service):
    # The agency pays 80,000 a year rather than 60,000: (5,000 + 80,000 x 2.801637) x 1.1 =
    # 252,044.05, 67,136.01 more. Co-producers give 1 hour a client where they gave 2:
    # 1,000 hours a year fewer, worth 30,818.01 less.
    make(service, "Dearer for the agency", agency_cost=80_000, hours=1, comparator_hours=2)
    client.force_login(owner)
    response = client.get("/")
    (outcomes,) = by_currency(response.context).values()
    assert outcomes.agency_change == pytest.approx(Decimal("67136.01"))
    assert outcomes.hours_change == -1000
    assert outcomes.cost_shifted == 0  # the agency saves nothing
    html = response.content.decode()
    table = html[html.index('id="incidence-gbp"') :]
    table = table[: table.index("</table>")]
    assert "Costs £67,100 more" in table
    assert "1,000 fewer" in table
    assert "£30,800 less" in table
    cells = re.findall(r'<td class="text-end">(.*?)</td>', table)
    assert "Saves" not in table and cells
    assert not [cell for cell in cells if "-" in cell or "−" in cell]  # no negative figure


def test_nothing_to_add_up_without_a_comparator(client, owner, service):
    options = co_produced()
    options[1]["comparator"] = False  # nothing to set the co-produced option against
    factories.AssessmentFactory(
        **factories.complete_answers(willingness_to_pay=1, options=options),
        service=service,
        status=Status.SUBMITTED,
        submitted_at=timezone.now(),
    )
    client.force_login(owner)
    response = client.get("/")
    (outcomes,) = by_currency(response.context).values()
    assert outcomes.incidence_assessed == 0 and outcomes.agency_change is None
    html = response.content.decode()
    assert "None of these assessments sets a co-produced option against what happens now" in html


def test_the_watch_list_ranks_cost_shifted_by_the_money(client, owner, service, euro_service):
    # Each shifts what the agency saves (co-producers give more than that): 117,772.03,
    # 56,136.01 and 25,318.00 (50,000 a year: (5,000 + 140,081.85) x 1.1 = 159,590.04).
    most = make(service, "Shifts most", agency_cost=20_000, hours=20)
    least = make(service, "Shifts least", agency_cost=50_000, hours=10)
    middle = make(euro_service, "Shifts some, in euros", agency_cost=40_000, hours=10)
    make(service, "Shifts nothing: everyone saves", hours=1)
    client.force_login(owner)
    response = client.get("/")
    fragile, flagged, cost_shifted = response.context["watch"]
    assert [a.title for a in cost_shifted] == [
        "Shifts most",
        "Shifts some, in euros",
        "Shifts least",
    ]
    assert [a.money_shifted for a in cost_shifted] == [
        pytest.approx(Decimal("117772.03")),
        pytest.approx(Decimal("56136.01")),
        pytest.approx(Decimal("25318.00"), abs=Decimal("0.02")),
    ]
    assert [a.currency for a in cost_shifted] == ["GBP", "EUR", "GBP"]
    assert {a.title for a in flagged} >= {a.title for a in cost_shifted}
    html = response.content.decode()
    listed = html[html.index('id="cost-shifted-list"') :]
    listed = listed[: listed.index("</ol>")]
    assert listed.index(str(most.code)) < listed.index(str(middle.code))
    assert listed.index(str(middle.code)) < listed.index(str(least.code))
    assert f'href="/assessments/{most.code}/"' in listed
    assert "£118,000 shifted" in listed and "€56,100 shifted" in listed
    assert "£25,300 shifted" in listed and "everyone saves" not in listed


def _copies(assessment, count):
    fields = [f.attname for f in Assessment._meta.concrete_fields if f.name not in ("id", "code")]
    values = {name: getattr(assessment, name) for name in fields}
    return [Assessment(**values, code=uuid.uuid4()) for _ in range(count)]


def test_the_watch_lists_are_bounded_and_two_queries(owner, service, django_assert_num_queries):
    first = make(service, "Shifts", agency_cost=40_000, hours=10)
    Assessment.objects.bulk_create(_copies(first, WATCH_LIST_MAX + 5))
    submitted = Assessment.objects.filter(status=Status.SUBMITTED)
    with django_assert_num_queries(2):
        fragile, flagged, cost_shifted = watch_list(submitted)
    assert len(flagged) == WATCH_LIST_MAX and len(cost_shifted) == COST_SHIFTED_MAX
    # The sums stay one query whatever the number of assessments.
    with django_assert_num_queries(1):
        tables = comparisons(submitted)
    ((_, outcomes, _),) = tables["currency"]
    assert outcomes.cost_shifted_count == WATCH_LIST_MAX + 6
    assert outcomes.cost_shifted == pytest.approx((WATCH_LIST_MAX + 6) * shifted(first))


@pytest.mark.parametrize(
    "params, titles",
    [
        ({}, {"Home, shifts", "Home, saves", "Education, shifts"}),
        ({"sector": "education"}, {"Education, shifts"}),
        ({"sector": "health"}, {"Home, shifts", "Home, saves"}),
        ({"robustness": "undecided"}, set()),
    ],
)
def test_the_filters_apply_to_who_pays(client, owner, service, agency, params, titles):
    education = factories.ServiceFactory(agency=agency, name="School", sector="education")
    made = {
        "Home, shifts": make(service, "Home, shifts", agency_cost=40_000, hours=10),
        "Home, saves": make(service, "Home, saves"),
        "Education, shifts": make(education, "Education, shifts", agency_cost=50_000, hours=10),
    }
    client.force_login(owner)
    context = client.get("/", params).context
    tables = by_currency(context)
    if not titles:
        assert tables == {} or tables["GBP"].incidence_assessed == 0
        assert context["watch"][2] == []
        return
    outcomes = tables["GBP"]
    kept = [made[title] for title in titles]
    assert outcomes.incidence_assessed == len(kept)
    agency_change = sum(a.result_plane_option.result_agency_change for a in kept)
    assert outcomes.agency_change == pytest.approx(agency_change)
    assert outcomes.cost_shifted == pytest.approx(sum(shifted(a) for a in kept))
    assert {a.title for a in context["watch"][2]} == titles - {"Home, saves"}


def test_the_csv_carries_who_pays(client, owner, service, euro_service):
    make(service, "Shifts", agency_cost=40_000, hours=10)
    make(euro_service, "In euros", hours=2)
    client.force_login(owner)
    response = client.get("/dashboard/currencies.csv")
    lines = {
        line["currency"]: line
        for line in csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))
    }
    assert lines["GBP"]["assessments_with_incidence"] == "1"
    assert float(lines["GBP"]["co_producer_hours_a_year_change"]) == 10_000
    assert float(lines["GBP"]["money_shifted_onto_co_producers_pv"]) == pytest.approx(56136.01)
    assert lines["GBP"]["flagged_cost_shifted"] == "1"
    assert float(lines["EUR"]["co_producer_time_value_change_pv"]) == pytest.approx(61636.01)
    assert float(lines["EUR"]["co_producer_money_change_pv"]) == 0
    response = client.get("/dashboard/sectors.csv")
    euros, pounds = csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))
    # One sector across two currencies: a row for each, money never added across them.
    assert (euros["currency"], pounds["currency"]) == ("EUR", "GBP")
    assert float(euros["co_producer_hours_a_year_change"]) == 2_000
    assert float(pounds["co_producer_hours_a_year_change"]) == 10_000
    assert float(pounds["money_shifted_onto_co_producers_pv"]) == pytest.approx(56136.01)
    assert float(euros["co_producer_time_value_change_pv"]) == pytest.approx(61636.01)
