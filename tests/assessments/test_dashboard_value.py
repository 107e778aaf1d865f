"""The dashboard answers "where is the value?": the ranking, one currency per figure, words
that match signs, counting the right things, missing settings said, figures first."""

import csv
import io
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from assessments.choices import Classification, Status
from assessments.models import Assessment, Option
from tests import factories

pytestmark = pytest.mark.django_db


def make(service, status=Status.SUBMITTED, **overrides):
    extra = {"submitted_at": timezone.now()} if status != Status.DRAFT else {}
    overrides.setdefault("willingness_to_pay", 1)
    return factories.AssessmentFactory(
        **factories.complete_answers(**overrides), service=service, status=status, **extra
    )


def page(client, **params):
    response = client.get("/", params)
    assert response.status_code == 200
    return response


def set_results(assessment, *, net_benefit, quality, cost_per_client_year, **more):
    """Results set by hand, so the ranking's order is known: the net benefit against the
    comparator, the quality gained and the co-produced option's full cost per client-year."""
    Assessment.objects.filter(pk=assessment.pk).update(
        result_net_benefit_change=net_benefit, result_quality_change=quality, **more
    )
    Option.objects.filter(pk=assessment.result_plane_option_id).update(
        result_cost_per_client_year=cost_per_client_year
    )


def text_of(client, **params) -> str:
    return page(client, **params).content.decode()


def tables(html: str) -> dict[str, str]:
    """Each table of the page by its id."""
    return dict(re.findall(r'<table[^>]*id="([^"]+)"[^>]*>(.*?)</table>', html, re.S))


# --- Count the right things -------------------------------------------------------------


def test_a_revision_counts_once_as_its_latest_submitted_version(client, owner, service):
    first = make(service, title="Recycling")
    revision = first.start_revision(owner)
    assert revision.submit(revision.version)
    client.force_login(owner)
    response = page(client)
    counts = response.context["counts"]
    assert counts["submitted"] == 1  # not 2: the revision speaks for what it revises
    assert counts["replaced"] == 1
    ((_, rows, _),) = response.context["ranking"]
    assert [row["code"] for row in rows] == [revision.code]
    assert "1 earlier version is left out" in response.content.decode()


def test_only_assessments_classed_co_production_are_compared(client, owner, service):
    make(service, title="Tutoring together")
    apart = make(service, title="Consultation only")
    Assessment.objects.filter(pk=apart.pk).update(
        result_classification=Classification.PARTICIPATION
    )
    client.force_login(owner)
    response = page(client)
    counts = response.context["counts"]
    assert (counts["submitted"], counts["co_production"], counts["counted_apart"]) == (2, 1, 1)
    # The quadrants, the comparisons and the ranking count the co-production only.
    assert sum(count for _, count in response.context["quadrants"]) == 1
    ((_, outcomes, _),) = response.context["tables"]["currency"]
    assert outcomes.assessed == 1
    ((_, rows, _),) = response.context["ranking"]
    assert [row["title"] for row in rows] == ["Tutoring together"]
    text = response.content.decode()
    assert "Counted apart:" in text and "1 classed participation, not co-production" in text
    assert "classification=participation" in text  # a link to them


def test_the_drafts_table_follows_the_filters(client, owner, agency, service):
    school = factories.ServiceFactory(agency=agency, name="School", sector="education")
    make(service, status=Status.DRAFT, author=owner, title="Health draft")
    make(school, status=Status.DRAFT, author=owner, title="School draft")
    client.force_login(owner)
    response = page(client, sector="education")
    assert response.context["counts"]["drafts"] == 1
    assert [a.title for a in response.context["drafts"]] == ["School draft"]
    # Dates of submission leave every draft out, and the page says why.
    response = page(client, submitted_from="2020-01-01")
    assert response.context["counts"]["drafts"] == 0 and response.context["drafts"] == []
    assert "a draft has no submission date" in response.content.decode()


@pytest.mark.parametrize(
    "params, field",
    [
        ({"submitted_from": "01/04/2026"}, "submitted_from"),  # not read as 4 January
        ({"submitted_from": "2026-02-30"}, "submitted_from"),
        ({"submitted_from": "2026-05-01", "submitted_to": "2026-04-01"}, "submitted_to"),
        ({"rank_by": "popularity"}, "rank_by"),
    ],
)
def test_a_bad_filter_value_is_shown_as_an_error(client, owner, service, params, field):
    make(service)
    client.force_login(owner)
    response = page(client, **params)
    form = response.context["form"]
    assert field in form.errors
    text = response.content.decode()
    assert "There is a problem" in text and f'href="#id_{field}"' in text
    assert re.search(r'<details class="dashboard-filters" open>', text)
    assert response.context["counts"]["submitted"] == 1  # the other filters still apply


# --- Words that match signs, and one currency per figure ---------------------------------


def test_savings_are_said_in_words_never_as_a_negative_saving(client, owner, service):
    make(service)  # co-production saves the agency money (see test_dashboard's worked example)
    client.force_login(owner)
    text = page(client).content.decode()
    row = re.search(r'<tr class="spending-change-row">(.*?)</tr>', text, re.S).group(1)
    assert "Saves £" in row and "-£" not in row and "saved" not in row
    # No money with a minus sign in words or tables (a chart's axis may go below zero).
    words = re.sub(r"<svg.*?</svg>", "", text, flags=re.S)
    assert not re.search(r"[-−]£", words)


def test_no_figure_mixes_currencies(client, agency, other_agency, service):
    other_agency.currency = "AUD"
    other_agency.save()
    both = factories.member_of(agency, role="viewer", username="both")
    factories.Membership.objects.create(user=both, agency=other_agency, role="viewer")
    make(service, title="Pounds")
    aussie = factories.ServiceFactory(agency=other_agency, sector=service.sector)
    make(aussie, title="Dollars")
    client.force_login(both)
    response = page(client)
    # Each currency has its own headline, ranking and rows: the sector has a row for each.
    assert [c for c, *_ in response.context["tables"]["currency"]] == ["AUD", "GBP"]
    assert [c for c, *_ in response.context["ranking"]] == ["AUD", "GBP"]
    sectors = response.context["tables"]["sector"]
    assert [(name, currencies) for name, _, currencies in sectors] == [
        (service.sector, ["AUD"]),
        (service.sector, ["GBP"]),
    ]
    text = response.content.decode()
    for table_id, table in tables(text).items():
        pounds, dollars = "£" in table, "A$" in table
        assert not (pounds and dollars) or table_id in ("sector-table", "agency-table",
                                                        "incidence-sector-table",
                                                        "incidence-agency-table"), table_id  # fmt: skip
        if table_id in ("sector-table", "incidence-sector-table"):
            # Rows of one table may be in two currencies, but never a row in two.
            for row in re.findall(r"<tr>(.*?)</tr>", table, re.S):
                assert not ("£" in row and "A$" in row)
    assert "Several currencies" not in text
    assert "Australian dollars (AUD)" in text and "British pounds (GBP)" in text


# --- The ranking ------------------------------------------------------------------------


@pytest.fixture
def ranked(service, agency):
    """Four assessments with their results set by hand."""
    made = {}
    for title, net_benefit, quality, cost in [
        ("Middling", Decimal("5000"), Decimal("10"), Decimal("200")),  # 50 points per 1,000
        ("Best value", Decimal("90000"), Decimal("20"), Decimal("800")),  # 25
        ("Cheap and cheerful", Decimal("1000"), Decimal("8"), Decimal("40")),  # 200
        ("Loses money", Decimal("-7000"), Decimal("-2"), Decimal("100")),  # -20
    ]:
        made[title] = make(service, title=title)
        set_results(made[title], net_benefit=net_benefit, quality=quality,
                    cost_per_client_year=cost)  # fmt: skip
    undecided = make(service, title="No value yet", willingness_to_pay=None)
    set_results(undecided, net_benefit=None, quality=Decimal("30"), cost_per_client_year=0)
    return made


def test_the_ranking_orders_by_net_benefit_then_quality_per_thousand(client, owner, ranked):
    client.force_login(owner)
    ((currency, rows, count),) = page(client).context["ranking"]
    assert currency == "GBP" and count == 5
    assert [row["title"] for row in rows] == [
        "Best value", "Middling", "Cheap and cheerful", "Loses money", "No value yet",
    ]  # fmt: skip
    assert [row["rank"] for row in rows] == [1, 2, 3, 4, 5]
    response = page(client, rank_by="quality_per_cost")
    ((_, rows, _),) = response.context["ranking"]
    assert [row["title"] for row in rows] == [
        "Cheap and cheerful", "Middling", "Best value", "Loses money", "No value yet",
    ]  # fmt: skip
    assert [row["quality_per_thousand"] for row in rows[:4]] == pytest.approx([200, 50, 25, -20])
    assert rows[4]["quality_per_thousand"] is None  # costs nothing: no ratio
    table = tables(response.content.decode())["ranking-gbp"]
    assert table.index("Cheap and cheerful") < table.index("Middling")
    assert f'href="/assessments/{ranked["Middling"].code}/"' in table
    assert "+200.0<" in table and "Not decided" in table and "Not ranked" not in table
    # By net benefit, an assessment with no value on a quality point is listed, not ranked.
    table = tables(page(client).content.decode())["ranking-gbp"]
    assert "Not ranked" in table and "1 is not ranked by net benefit" in text_of(client)


def test_the_ranking_of_services_takes_each_ones_latest(client, owner, agency, service):
    other = factories.ServiceFactory(agency=agency, name="Libraries")
    old = make(service, title="Old and good")
    new = make(service, title="New and modest")
    Assessment.objects.filter(pk=old.pk).update(submitted_at=timezone.now() - timedelta(days=30))
    library = make(other, title="Library volunteers")
    for assessment, net_benefit in ((old, 50000), (new, 100), (library, 2000)):
        set_results(assessment, net_benefit=Decimal(net_benefit), quality=Decimal(5),
                    cost_per_client_year=Decimal(10))  # fmt: skip
    client.force_login(owner)
    ((_, rows, _),) = page(client).context["service_ranking"]
    assert [(row["service__name"], row["title"]) for row in rows] == [
        ("Libraries", "Library volunteers"),
        ("Home Service", "New and modest"),
    ]


def test_the_ranking_is_cut_at_its_length_and_says_so(client, owner, service, monkeypatch):
    monkeypatch.setattr("assessments.portfolio.RANKING_MAX", 2)
    for n in range(3):
        make(service, title=f"Number {n}")
    client.force_login(owner)
    response = page(client)
    ((_, rows, count),) = response.context["ranking"]
    assert (len(rows), count) == (2, 3)
    assert "the first 2 of 3" in response.content.decode()


# --- Missing settings, and what comes first ----------------------------------------------


def test_an_agency_with_no_value_of_a_quality_point_is_named_with_a_link(
    client, owner, viewer, agency, service
):
    agency.default_willingness_to_pay = None
    agency.save()
    make(service, willingness_to_pay=None)
    client.force_login(owner)
    text = page(client).content.decode()
    assert "Not decided: no value on a quality point" in text
    assert f"/services/agencies/{agency.slug}/settings/" in text
    assert "Set Home Agency's usual value of a quality point" in text
    client.force_login(viewer)  # may not change the settings: told whom to ask
    text = page(client).content.decode()
    assert "Home Agency: ask one of its managers" in text


def test_the_figures_come_before_the_filters(client, owner, service):
    make(service)
    client.force_login(owner)
    text = page(client).content.decode()
    glance, watch = text.index('id="summary-heading"'), text.index('id="watch-heading"')
    filters = text.index('id="filters-heading"')
    assert glance < watch < filters
    assert '<details class="dashboard-filters">' in text  # folded while nothing is set
    text = page(client, sector="health").content.decode()
    assert '<details class="dashboard-filters" open>' in text
    assert "Showing only what the filters keep." in text


def test_wide_tables_scroll_in_a_labelled_region_with_a_cue(client, owner, service):
    make(service)
    client.force_login(owner)
    text = page(client).content.decode()
    for table_id in ("ranking-gbp", "agency-table", "sector-table"):
        region = re.search(
            rf'<div class="table-responsive scroll-region" tabindex="0" role="region" '
            rf'aria-label="[^"]+">\s*<table[^>]*id="{table_id}"',
            text,
        )
        assert region, table_id
    assert text.count("This table scrolls sideways") >= 3


@pytest.mark.parametrize("table", ["ranking", "services-ranking"])
def test_the_whole_ranking_downloads_in_the_pages_order(client, owner, ranked, table, monkeypatch):
    monkeypatch.setattr("assessments.portfolio.RANKING_MAX", 2)  # the page shows two
    client.force_login(owner)
    response = client.get(f"/dashboard/{table}.csv", {"rank_by": "quality_per_cost"})
    assert response.status_code == 200
    header, *rows = csv.reader(io.StringIO(b"".join(response.streaming_content).decode()))
    assert header[:6] == ["rank", "assessment_id", "title", "service", "agency", "currency"]
    if table == "ranking":
        assert [row[2] for row in rows] == [
            "Cheap and cheerful", "Middling", "Best value", "Loses money", "No value yet",
        ]  # fmt: skip
        first = dict(zip(header, rows[0], strict=True))
        assert first["quality_gained_per_1000_of_full_cost"] == "200.00"
        assert first["cost_per_client_year"] == "40.00"
        assert first["report"].endswith(f"/assessments/{ranked['Cheap and cheerful'].code}/")
    else:  # one service: its latest assessment
        assert len(rows) == 1
