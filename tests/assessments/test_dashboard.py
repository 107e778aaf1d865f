"""The portfolio dashboard at /: figures, filters, the plane, comparisons and profile."""

import csv
import io
import uuid
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assessments.access import assessments_for
from assessments.choices import Quadrant, Status
from assessments.models import Assessment
from assessments.portfolio import PLANE_POINTS_MAX, headline
from tests import factories

pytestmark = pytest.mark.django_db

# 1 / 1.035 + 1 / 1.035**2 + 1 / 1.035**3: three years at 3.5%, year 0 undiscounted.
ANNUITY = Decimal("2.801637")


def make(service, status=Status.SUBMITTED, **overrides):
    extra = {"submitted_at": timezone.now()} if status != Status.DRAFT else {}
    overrides.setdefault("willingness_to_pay", 1)  # decided, so each choice is robust or not
    return factories.AssessmentFactory(
        **factories.complete_answers(**overrides), service=service, status=status, **extra
    )


def bigger(clients=3000):
    """The worked example's options serving 3,000 clients, co-production rated 5."""
    options = factories.complete_options()
    for option in options:
        option["clients_per_year"] = clients
    options[0].update(dict.fromkeys(("effectiveness", "consistency", "trust", "experience"), 5))
    return options


@pytest.fixture
def portfolio(service, other_service, owner):
    """Two submitted, two drafts (one of them the owner's), one archived, and another
    agency's assessment that must never count."""
    make(service, title="Reading at home")
    make(service, title="Reading, bigger", options=bigger(), burden_on_vulnerable=True)
    make(service, status=Status.DRAFT, author=owner, title="My unfinished draft")
    make(service, status=Status.DRAFT, title="A colleague's draft")
    make(service, status=Status.ARCHIVED, title="Archived long ago")
    make(other_service, title="Another agency's work")


def figures(client, **params):
    response = client.get("/", params)
    assert response.status_code == 200
    return response.context


def test_headline_figures_match_the_worked_example(client, owner, portfolio):
    """Both assessments: co-production £5,000 to set up and £20,000 a year against £60,000
    a year, over 3 years at 3.5%, 10% uplift (high confidence), time at £10 an hour."""
    client.force_login(owner)
    context = figures(client)
    counts = context["counts"]
    assert (counts["submitted"], counts["drafts"], counts["archived"]) == (2, 2, 1)
    ((currency, outcomes, _),) = context["tables"]["currency"]
    assert currency == "GBP"
    # Agency: (5,000 + 20,000 x 2.801637) x 1.1 = 67,136.01, for each of the two.
    assert outcomes.agency_spending == pytest.approx(Decimal("134272.02"), abs=Decimal("0.1"))
    # Against the comparator's 60,000 x 2.801637 x 1.1 = 184,908.04 each: saves 117,772.03.
    assert outcomes.spending_change == pytest.approx(Decimal("-235544.06"), abs=Decimal("0.1"))
    # Hours: 1 for each client, so 1,000 and 3,000 a year; worth 1,000 x £10 x 2.801637 x
    # 1.1 = 30,818.01 and three times that, 92,454.02.
    assert outcomes.hours == 4000
    assert outcomes.time_value == pytest.approx(Decimal("123272.03"), abs=Decimal("0.1"))
    # Quality gained: 25 points for 2,801.64 client-years and 50 points for 8,404.91:
    # (25 x 2,801.64 + 50 x 8,404.91) / 11,206.55 = 43.75 points per client-year.
    assert outcomes.quality_gained == pytest.approx(43.75, abs=0.01)
    # Net benefit of the best options, on average over the tries. Reading at home: 75 x
    # 2,801.64 client-years less 67,136.01 + 30,818.01, £112,169 on the estimates, and as
    # much on average (every range is centred: ratings of 4, costs, clients, hours). Bigger:
    # its ratings of 5 can only fall (4.5 to 5), so each averages (4.5 + 4 x 5 + 5) / 6 =
    # 4.9167, quality 97.92 rather than 100: 97.92 x 8,404.91 less 67,136.01 + 92,454.02,
    # £663,385 on average (£680,901 on the estimates). Together about £775,554, give or
    # take the draws (the estimates would give £793,070).
    best = [
        Assessment.objects.get(title=title).result_best
        for title in ("Reading at home", "Reading, bigger")
    ]
    assert outcomes.net_benefit == sum(option.result_mean_net_benefit for option in best)
    assert float(outcomes.net_benefit) == pytest.approx(775554, rel=0.005)
    # Co-production is the best option in both (1 a point, cheaper and better).
    assert (outcomes.decided, outcomes.co_produced_best, outcomes.co_produced_share) == (2, 2, 1)
    assert counts["robust"] == 2 and counts["flagged"] == 1
    assert counts["quadrant_cheaper_better"] == 2


def test_no_figure_counts_another_agencys_assessments(client, owner, outsider, portfolio):
    client.force_login(owner)
    assert "Another agency" not in client.get("/").content.decode()
    client.force_login(outsider)
    context = figures(client)
    assert context["counts"]["submitted"] == 1
    assert [p["title"] for p in context["plane"]["points"]] == ["Another agency's work"]
    # Asking for the owner's agency by name is refused, not answered.
    home = Assessment.objects.exclude(title="Another agency's work").first().service.agency
    context = figures(client, agency=home.slug)
    assert context["form"].errors["agency"]
    assert context["counts"]["submitted"] == 1


@pytest.mark.parametrize(
    "params, kept",
    [
        ({}, {"Reading at home", "Reading, bigger"}),
        ({"quadrant": "cheaper_better"}, {"Reading at home", "Reading, bigger"}),
        ({"quadrant": "dearer_worse"}, set()),
        ({"necessity": "necessary"}, set()),
        ({"value_type": "both"}, {"Reading at home", "Reading, bigger"}),
        ({"classification": "participation"}, set()),
        ({"robustness": "robust"}, {"Reading at home", "Reading, bigger"}),
        ({"robustness": "undecided"}, set()),
        ({"sector": "education"}, set()),
        ({"sector": "health"}, {"Reading at home", "Reading, bigger"}),
        ({"submitted_to": "2000-01-01"}, set()),
        ({"submitted_from": "2000-01-01"}, {"Reading at home", "Reading, bigger"}),
    ],
)
def test_each_filter_changes_the_figures(client, owner, portfolio, params, kept):
    client.force_login(owner)
    context = figures(client, **params)
    assert {p["title"] for p in context["plane"]["points"]} == kept
    assert context["counts"]["submitted"] == len(kept)


def test_the_service_filter_and_a_bad_value(client, owner, service, agency):
    other = factories.ServiceFactory(agency=agency, name="Second", sector="education")
    make(service, title="First's")
    make(other, title="Second's")
    client.force_login(owner)
    context = figures(client, service=str(other.code))
    assert {p["title"] for p in context["plane"]["points"]} == {"Second's"}
    context = figures(client, service="not-a-code", quadrant="nonsense")
    assert context["form"].errors and context["counts"]["submitted"] == 2


def test_comparisons_by_agency_and_sector(client, agency, other_agency, service):
    both = factories.member_of(agency, role="viewer", username="both")
    factories.Membership.objects.create(user=both, agency=other_agency, role="viewer")
    make(service, title="Home")
    make(factories.ServiceFactory(agency=other_agency, sector="education"), title="Away")
    client.force_login(both)
    tables = figures(client)["tables"]
    assert [name for name, *_ in tables["agency"]] == ["Home Agency", "Other Agency"]
    assert [name for name, *_ in tables["sector"]] == ["education", "health"]
    for _, outcomes, currencies in tables["agency"]:
        assert outcomes.assessed == 1 and currencies == ["GBP"]


def test_the_plane_links_each_point_and_draws_the_agencys_line(client, owner, agency, portfolio):
    agency.default_willingness_to_pay = Decimal("2.50")
    agency.save()
    client.force_login(owner)
    response = client.get("/")
    chart = response.context["plane_chart"]
    (plane,) = chart["planes"]
    assert not chart["binned"] and plane["count"] == 2
    for drawing in plane["layouts"]:  # wide and narrow, drawn on the server
        assert all(m["url"].startswith("/assessments/") for m in drawing["marks"])
        assert drawing["layout"].line is not None  # one agency in view: its line is drawn
    assert 'class="plane-wtp"' in response.content.decode()


def test_the_profile_and_the_watch_list(client, owner, portfolio):
    client.force_login(owner)
    context = figures(client)
    motivators = dict(context["profile"]["motivators"])
    assert motivators["Duty, or doing right"] == 4  # normative 4 in both
    assert {t: n for t, n, _ in context["profile"]["flags"]}["Unfair burden"] == 1
    fragile, flagged, cost_shifted = context["watch"]
    assert [a.title for a in flagged] == ["Reading, bigger"] and fragile == []
    assert cost_shifted == []  # the agency saves, and so does everyone: nothing shifted


def test_drafts_to_finish_are_only_the_users_own(client, owner, portfolio):
    client.force_login(owner)
    response = client.get("/")
    assert [a.title for a in response.context["drafts"]] == ["My unfinished draft"]
    text = response.content.decode()
    assert "Your drafts to finish" in text
    assert text.count("My unfinished draft") == 1  # listed once, not twice


def test_start_button_is_for_managers_only(client, owner, viewer):
    client.force_login(owner)
    assert "Start a new assessment" in client.get("/").content.decode()
    client.force_login(viewer)
    assert "Start a new assessment" not in client.get("/").content.decode()


def test_nothing_submitted_yet(client, owner, service):
    make(service, status=Status.DRAFT, author=owner)
    client.force_login(owner)
    text = client.get("/").content.decode()
    assert "plane-data" not in text
    assert "No submitted assessment matches these choices" in text


@pytest.mark.parametrize("table", ["agencies", "sectors", "currencies", "plane", "quadrants",
                                   "profile"])  # fmt: skip
def test_every_table_downloads_for_the_same_filters(client, owner, portfolio, table):
    client.force_login(owner)
    response = client.get(f"/dashboard/{table}.csv", {"quadrant": "cheaper_better"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) >= 2
    assert "Another agency" not in str(rows)


def test_an_unknown_table_is_404(client, owner):
    client.force_login(owner)
    assert client.get("/dashboard/secrets.csv").status_code == 404


def _copies(assessment, count):
    """`count` copies of a submitted assessment's row, results and all: a big portfolio
    without scoring each one."""
    fields = [f.attname for f in Assessment._meta.concrete_fields if f.name not in ("id", "code")]
    values = {name: getattr(assessment, name) for name in fields}
    return [Assessment(**values, code=uuid.uuid4()) for _ in range(count)]


def test_the_query_count_is_the_same_for_10_and_1000_assessments(
    client, owner, service, django_capture_on_commit_callbacks
):
    first = make(service)
    client.force_login(owner)
    client.get("/")  # the cache's first generation of the data

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/")
            assert response.status_code == 200
        return len(queries), response

    def add_copies(count):
        with django_capture_on_commit_callbacks(execute=True):  # as a real commit would
            Assessment.objects.bulk_create(_copies(first, count))

    add_copies(9)
    at_ten, _ = count_queries()
    add_copies(990)
    assert Assessment.objects.count() == 1000
    # session, user, the data's generation (one query), the kept page (one cache read); then, as
    # the data has changed, agencies (also the header's), the counts and profile, the two
    # rankings (assessments; services by their latest), the plane, the comparisons (with who
    # pays), the two watch lists (the fragile; the flagged, with those shifting cost onto
    # co-producers), the user's drafts, services for the filter; keeping the page (the
    # cache's size, a savepoint, its row, writing it, releasing the savepoint).
    worked_out, response = count_queries()
    assert worked_out == at_ten == 19
    # Unchanged data: the kept page, after session, user, the data's generation and one
    # cache read.
    assert count_queries()[0] == 4
    counts = headline(assessments_for(owner))
    assert counts["submitted"] == 1000 > PLANE_POINTS_MAX
    assert response.context["plane"]["binned"]
    assert sum(c["count"] for c in response.context["plane"]["cells"]) == 1000
    assert "too many assessments to draw one by one" in response.content.decode()
    # Each cell says in words how co-production compares, as the table of points does.
    assert f"<td>{Quadrant(first.result_quadrant).label}</td>" in response.content.decode()
