"""The dashboard's cost-quality plane, drawn on the server: a plane for each currency,
the top five named, every point a named link to its report, cells per currency when
there are too many to draw, and one query however many currencies."""

import re
import uuid
from decimal import Decimal
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assessments import portfolio
from assessments.access import assessments_for
from assessments.choices import Status
from assessments.models import Assessment
from tests import factories

pytestmark = pytest.mark.django_db

LINK = re.compile(r'<a href="(/assessments/[0-9a-f-]+/)" aria-label="([^"]+)"[^>]*><title>([^<]+)')


def scored(service, **overrides):
    overrides.setdefault("willingness_to_pay", 1)
    return factories.AssessmentFactory(
        **factories.complete_answers(**overrides),
        service=service,
        status=Status.SUBMITTED,
        submitted_at=timezone.now(),
    )


def copies(assessment, rows: list[dict]) -> list[Assessment]:
    """Copies of a scored assessment, results and all, each with its own title and
    figures: a hand-made portfolio without scoring each one."""
    fields = [f.attname for f in Assessment._meta.concrete_fields if f.name not in ("id", "code")]
    values = {name: getattr(assessment, name) for name in fields}
    return Assessment.objects.bulk_create(
        [Assessment(**{**values, **row}, code=uuid.uuid4()) for row in rows]
    )


@pytest.fixture
def two_currencies(agency, service, other_agency):
    """A manager of a British and an Australian agency, with three assessments in each;
    the Australian figures ten times the British, so a shared axis would show."""
    other_agency.currency = "AUD"
    other_agency.save()
    manager = factories.member_of(agency, username="both")
    factories.Membership.objects.create(user=manager, agency=other_agency, role="manager")
    british = scored(service, title="British first")
    australian = scored(
        factories.ServiceFactory(agency=other_agency, name="Down under"), title="Aussie first"
    )
    copies(british, [{"title": f"British {n}", "result_cost_change": Decimal(-n)} for n in (2, 3)])
    copies(
        australian,
        [{"title": f"Aussie {n}", "result_cost_change": Decimal(-10 * n)} for n in (2, 3)],
    )
    return manager


def dashboard(client, user, **params):
    client.force_login(user)
    response = client.get("/", params)
    assert response.status_code == 200
    return response


def currency_of(url: str) -> str:
    code = url.strip("/").rsplit("/", 1)[-1]
    return Assessment.objects.select_related("service__agency").get(code=code).money_currency


def test_each_currency_has_its_own_plane(client, two_currencies):
    response = dashboard(client, two_currencies)
    chart = response.context["plane_chart"]
    assert chart["several"]
    assert [p["currency"] for p in chart["planes"]] == ["AUD", "GBP"]
    text = response.content.decode()
    assert "In Australian dollars (AUD)" in text and "In British pounds (GBP)" in text
    assert text.index("In Australian dollars (AUD)") < text.index("In British pounds (GBP)")
    # Each plane's money axis is in its own currency.
    aud, gbp = chart["planes"]
    wide = {p["currency"]: p["layouts"][0]["layout"] for p in chart["planes"]}
    assert all(t.label.startswith(("A$", "-A$")) for t in wide["AUD"].y_ticks)
    assert all(t.label.startswith(("£", "-£")) for t in wide["GBP"].y_ticks)
    assert aud["count"] == gbp["count"] == 3


def test_no_plane_mixes_currencies(client, two_currencies):
    response = dashboard(client, two_currencies)
    for plane in response.context["plane_chart"]["planes"]:
        for drawing in plane["layouts"]:
            assert {currency_of(m["url"]) for m in drawing["marks"]} == {plane["currency"]}
    # The page, plane by plane: each drawing's links are that currency's only, and so
    # are the rows of the table beneath it, whose money is in that currency alone.
    text = response.content.decode()
    for currency, sign, other in (("AUD", "A$", "£"), ("GBP", "£", "A$")):
        figure = text.split(f'<figure class="plane-figure" id="plane-{currency.lower()}">')[1]
        drawing = figure.split("</figure>")[0]
        assert {currency_of(url) for url, *_ in LINK.findall(drawing)} == {currency}
        table = figure.split("</figure>")[1].split("</table>")[0]
        assert f'id="plane-{currency.lower()}-table"' in table
        reports = re.findall(r'<a href="(/assessments/[0-9a-f-]+/)">', table)
        assert len(reports) == 3 and {currency_of(url) for url in reports} == {currency}
        assert sign in table and other not in table


def test_each_planes_table_shows_its_money_in_words(client, two_currencies):
    chart = dashboard(client, two_currencies).context["plane_chart"]
    for plane in chart["planes"]:
        assert {r["currency"] for r in plane["rows"]} == {plane["currency"]}
    rows = chart["rows"]
    assert {r["currency"] for r in rows} == {"AUD", "GBP"}
    for row in rows:
        sign = "A$" if row["currency"] == "AUD" else "£"
        # Each cost in its own currency, in words that carry its sign ("A$20.00 less"),
        # never a negative amount.
        assert row["cost"].startswith(sign) and row["cost"].endswith(("less", "more"))
        assert "-" not in row["cost"]
    costs = {r["title"]: r["cost"] for r in rows}
    assert costs["Aussie 2"] == "A$20.00 less" and costs["British 3"] == "£3.00 less"


def test_one_currency_draws_one_plane_without_a_currency_heading(client, owner, service):
    first = scored(service, title="Only one")
    copies(first, [{"title": "And another"}])
    response = dashboard(client, owner)
    chart = response.context["plane_chart"]
    assert not chart["several"] and len(chart["planes"]) == 1
    text = response.content.decode()
    assert "In British pounds" not in text
    assert "Extra cost per client-year (GBP)" in text  # the axis still says which


def test_the_top_five_by_net_benefit_are_named_in_order(client, owner, service):
    first = scored(service, title="Seed")
    gains = {
        "Gains 40": 40,
        "Gains 10": 10,
        "Gains 70": 70,
        "Loses 5": -5,
        "Gains 55": 55,
        "Gains 20": 20,
        "Not valued": None,
        "A long title that runs on well past what a label on the plane can hold": 60,
    }
    copies(
        first,
        [
            {"title": title, "result_net_benefit_change": None if g is None else Decimal(g * 1000)}
            for title, g in gains.items()
        ],
    )
    Assessment.objects.filter(pk=first.pk).update(result_net_benefit_change=Decimal(15_000))
    response = dashboard(client, owner)
    (plane,) = response.context["plane_chart"]["planes"]
    expected = [
        "Gains 70",
        "A long title that runs on well past what a label on the plane can hold",
        "Gains 55",
        "Gains 40",
        "Gains 20",
    ]
    assert [n["title"] for n in plane["named"]] == expected
    for drawing in plane["layouts"]:
        named = [m for m in drawing["marks"] if m["label"]]
        assert len(named) == 5
        by_url = {m["url"]: m["label"]["text"] for m in named}
        limit = drawing["layout"].size.name_chars
        for n in plane["named"]:
            text = by_url[n["url"]]
            assert len(text) <= limit
            assert n["title"] == text or (text.endswith("…") and n["title"].startswith(text[:-1]))
    # On the page: five names in each drawing, the long one cut with an ellipsis.
    page = response.content.decode()
    names = re.findall(r'<text class="plane-name"[^>]*>([^<]+)</text>', page)
    assert len(names) == 10  # five in the wide drawing, five in the narrow
    assert "Gains 70" in names and "Not valued" not in names and "Loses 5" not in names
    assert any(unescape(n).endswith("…") for n in names)


def test_every_point_has_an_accessible_name_and_links_to_its_report(client, two_currencies):
    response = dashboard(client, two_currencies)
    text = response.content.decode()
    links = LINK.findall(text)
    # Six assessments, each drawn wide and narrow (the page shows the one that fits).
    assert len(links) == 12
    reports = {f"/assessments/{a.code}/": a for a in Assessment.objects.all()}
    for url, name, title in links:
        assert url in reports
        assessment = reports[url]
        name = unescape(name)
        assert unescape(title) == name  # a tooltip with the same words
        assert name.startswith(f"{assessment.title}, {assessment.service.agency.name}: ")
        assert re.search(r"quality [+-]?[\d.]+ points", name)
        assert re.search(r"cost (A\$|£)[\d,.]+ (more|less) per client-year", name)
        assert (
            name.endswith(("Cheaper and better", "Costs more for better quality")) or ", " in name
        )
    # The links open the reports.
    url = links[0][0]
    assert client.get(url).status_code == 200


def test_the_accessible_name_says_the_cost_in_words(client, owner, service):
    first = scored(service, title="Cheaper one")
    Assessment.objects.filter(pk=first.pk).update(
        result_cost_change=Decimal("-26.57"), result_quality_change=25
    )
    text = unescape(dashboard(client, owner).content.decode())
    assert (
        'aria-label="Cheaper one, Home Agency: quality +25 points, cost £26.60 less per '
        "client-year, Cheaper and better" in text
    )


def test_too_many_points_are_counted_in_cells_for_each_currency(
    client, two_currencies, monkeypatch
):
    monkeypatch.setattr(portfolio, "PLANE_POINTS_MAX", 4)
    response = dashboard(client, two_currencies)
    plane = response.context["plane"]
    assert plane["binned"] and plane["currencies"] == ["AUD", "GBP"]
    for currency in ("AUD", "GBP"):
        cells = [c for c in plane["cells"] if c["currency_code"] == currency]
        assert sum(c["count"] for c in cells) == 3
        # Each currency's cells span its own assessments' costs, not the other's.
        costs = [
            float(a.result_cost_change)
            for a in Assessment.objects.select_related("service__agency")
            if a.money_currency == currency
        ]
        assert min(c["y_from"] for c in cells) == pytest.approx(min(costs))
        assert max(c["y_to"] for c in cells) == pytest.approx(max(costs))
    chart = response.context["plane_chart"]
    assert [p["currency"] for p in chart["planes"]] == ["AUD", "GBP"]
    text = response.content.decode()
    names = re.findall(r'<g role="img" aria-label="([^"]+)"><title>', text)
    assert names and all(re.match(r"\d+ assessments? with quality", n) for n in names)
    assert sum(int(n.split()[0]) for n in names) == 2 * 6  # wide and narrow
    assert "A$" in text.split("In British pounds (GBP)")[0].split("In Australian dollars")[1]
    # Each plane's table counts its own currency's cells.
    for plane in chart["planes"]:
        assert {r["currency"] for r in plane["rows"]} == {plane["currency"]}
        assert sum(r["count"] for r in plane["rows"]) == 3


@pytest.mark.parametrize("binned", [False, True])
def test_the_plane_is_one_query_however_many_currencies(two_currencies, binned):
    submitted = assessments_for(two_currencies).filter(status=Status.SUBMITTED)
    count = portfolio.PLANE_POINTS_MAX + 1 if binned else 6
    with CaptureQueriesContext(connection) as queries:
        plane = portfolio.plane(submitted, count)
    assert len(queries) == 1
    assert plane["binned"] is binned and plane["currencies"] == ["AUD", "GBP"]
    items = plane["cells"] if binned else plane["points"]
    assert {i["currency_code"] for i in items} == {"AUD", "GBP"}
    if not binned:
        assert all("result_net_benefit_change" in p for p in items)


def test_the_plane_takes_the_queryset_it_is_given(two_currencies):
    only_british = assessments_for(two_currencies).filter(
        status=Status.SUBMITTED, title__startswith="British"
    )
    plane = portfolio.plane(only_british, 3)
    assert plane["currencies"] == ["GBP"]
    assert {p["title"] for p in plane["points"]} == {"British first", "British 2", "British 3"}
