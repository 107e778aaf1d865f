"""Reference values: the shipped figures match the words of their sources, the data
migration publishes them, curators publish and unpublish them in the admin with a history,
files go in whole or not at all, and the price index brings a value to another year."""

import re
from decimal import Decimal

import pytest
import tablib
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from import_export.formats.base_formats import CSV, XLSX

from services.deflators import NoDeflator, conversion
from services.demo import seed_reference_values
from services.models import CaseEffect, CaseExample, CaseStatus, PriceIndex, ReferenceValue
from services.reference_values_data import REFERENCE_VALUES, TIME_VALUES
from services.resources import PriceIndexResource, ReferenceValueResource
from tests import factories
from tests.assessments.test_migration_options import migrate

CHANGELIST = reverse("admin:services_referencevalue_changelist")
IMPORT = reverse("admin:services_referencevalue_import")

# A figure as a source prints it: 20,000 or 96.70 or 3.85, with "m" or "million" after it.
FIGURE = re.compile(
    r"(?P<number>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?:\s*(?P<million>m\b|million\b))?"
)


def figures_in(quote: str) -> list[Decimal]:
    return [
        Decimal(match["number"].replace(",", "")) * (1_000_000 if match["million"] else 1)
        for match in FIGURE.finditer(quote)
    ]


def value(**changes) -> ReferenceValue:
    fields = {
        "slug": "test-burglary",
        "name": "A burglary: test value",
        "unit": "one burglary",
        "value": Decimal("2300"),
        "low": Decimal("2300"),
        "high": Decimal("2300"),
        "currency": "GBP",
        "price_year": 1999,
        "country": "United Kingdom",
        "source_title": "A study",
        "publisher": "A ministry",
        "location": "Table 1",
        "source_year": 2000,
        "url": "https://example.org/study",
        "quote": "around £2,300",
        "status": CaseStatus.DRAFT,
        **changes,
    }
    return ReferenceValue.objects.create(**fields)


@pytest.fixture
def value_curator(db):
    """Staff who may keep reference values: read, add, change, import and export them."""
    user = factories.UserFactory(username="value-curator", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="services",
            codename__in=[
                f"{action}_referencevalue"
                for action in ("view", "add", "change", "import", "export")
            ],
        )
    )
    return user


# --- The shipped figures -------------------------------------------------------------------


def test_figures_are_read_as_printed():
    assert figures_in("£20,000 and $5.7m, $3.85 million; 2030 | 40 | 81 | 121 “£96.70”") == [
        Decimal("20000"),
        Decimal("5700000"),
        Decimal("3850000"),
        *map(Decimal, ["2030", "40", "81", "121", "96.70"]),
    ]


SHIPPED = [*REFERENCE_VALUES, *TIME_VALUES]


@pytest.mark.parametrize("data", SHIPPED, ids=[data["slug"] for data in SHIPPED])
def test_each_figure_is_in_the_words_of_its_source(data):
    printed = figures_in(data["quote"])
    assert data["value"] in printed, (data["value"], data["quote"])
    for end in ("low", "high"):
        if data[end] != data["value"]:
            assert data[end] in printed, (end, data[end], data["quote"])
    assert data["low"] <= data["value"] <= data["high"]


def test_the_burglary_value_is_the_home_office_figure_quoted_to_parliament():
    burglary = next(d for d in REFERENCE_VALUES if d["slug"].startswith("home-office-burglary"))
    assert (burglary["value"], burglary["currency"], burglary["price_year"]) == (
        Decimal("2300"),
        "GBP",
        1999,
    )
    assert burglary["url"].startswith("https://api.parliament.uk/historic-hansard/")
    assert "£2,300 (including £830 in property stolen and damaged)" in burglary["quote"]


def test_the_migration_published_every_shipped_value(db):
    published = ReferenceValue.objects.published()
    slugs = list(published.values_list("slug", flat=True))
    assert len(slugs) >= 16 and len(set(slugs)) == len(slugs)
    assert set(slugs) >= {data["slug"] for data in REFERENCE_VALUES}
    assert not published.filter(published_at__isnull=True).exists()
    for data in REFERENCE_VALUES:
        stored = published.get(slug=data["slug"])
        assert (stored.value, stored.low, stored.high, stored.quote) == (
            data["value"],
            data["low"],
            data["high"],
            data["quote"],
        )


def test_the_time_values_migration_published_the_five_values_of_an_hour(db):
    hours = ReferenceValue.objects.published().filter(slug__in=[d["slug"] for d in TIME_VALUES])
    assert hours.count() == len(TIME_VALUES) == 5
    assert hours.filter(currency="AUD").count() == 2
    assert hours.filter(currency="GBP").count() == 3
    assert set(hours.values_list("unit", flat=True)) == {"one hour"}
    commuting = hours.get(slug="uk-dft-non-working-time-commuting-2002")
    assert commuting.name.startswith("An hour of non-working time")
    assert (commuting.value, commuting.low, commuting.high) == (Decimal("5.04"),) * 3
    assert (commuting.currency, commuting.price_year, commuting.source_year) == ("GBP", 2002, 2008)
    assert commuting.country == "United Kingdom"
    assert commuting.url.startswith("https://hansard.parliament.uk/Lords/2008-05-13/")
    assert "£5.04 per hour for commuting" in commuting.quote
    assert commuting.published_at is not None


def test_each_value_of_an_hour_says_which_time_and_that_using_it_for_services_is_our_step():
    for data in TIME_VALUES:
        assert data["unit"] == "one hour"
        assert re.search(r"An hour of (non-)?working time", data["name"]), data["name"]
        assert "using it for the time people give to a service is our own step" in data["note"]
    atap = [data for data in TIME_VALUES if data["currency"] == "AUD"]
    assert {data["value"] for data in atap} == {Decimal("14.99"), Decimal("48.63")}
    for data in atap:
        assert data["price_year"] == 2013
        assert "values at 30 June 2013" in data["note"]
        assert "shows no date" in data["note"]


# --- Publishing in the admin -------------------------------------------------------------


def run_action(client, action, values):
    return client.post(
        CHANGELIST,
        {"action": action, ACTION_CHECKBOX_NAME: [value.pk for value in values]},
        follow=True,
    )


def test_a_curator_publishes_and_unpublishes_and_both_are_in_the_history(client, value_curator):
    draft = value()
    client.force_login(value_curator)

    page = run_action(client, "publish", [draft]).content.decode()
    assert "Published 1 reference value." in page
    draft.refresh_from_db()
    assert draft.status == CaseStatus.PUBLISHED and draft.published_at is not None
    assert draft.curated_by == value_curator
    published = draft.history.latest()
    assert (published.history_change_reason, published.history_user) == (
        "Published",
        value_curator,
    )
    assert published.status == CaseStatus.PUBLISHED

    page = run_action(client, "unpublish", [draft]).content.decode()
    assert "Moved 1 reference value back to draft." in page
    draft.refresh_from_db()
    assert draft.status == CaseStatus.DRAFT and draft.published_at is None
    reasons = list(draft.history.values_list("history_change_reason", "status"))
    assert reasons[:2] == [("Unpublished", "draft"), ("Published", "published")]


def test_staff_who_may_only_read_values_are_offered_no_publishing(client, value_curator):
    value_curator.user_permissions.remove(
        *Permission.objects.filter(codename="change_referencevalue")
    )
    client.force_login(value_curator)
    response = client.get(CHANGELIST)
    assert response.status_code == 200
    assert response.context["action_form"] is None or "publish" not in dict(
        response.context["action_form"].fields["action"].choices
    )


def test_the_changelist_filters_by_status_currency_and_country(client, value_curator):
    value(slug="zloty-value", currency="PLN", country="Poland")
    client.force_login(value_curator)
    response = client.get(CHANGELIST, {"status__exact": "draft", "currency": "PLN"})
    assert [v.slug for v in response.context["cl"].result_list] == ["zloty-value"]
    assert client.get(CHANGELIST, {"q": "Hansard"}).status_code == 200


def test_saving_in_the_admin_makes_the_editor_the_curator(client, value_curator):
    draft = value()
    client.force_login(value_curator)
    url = reverse("admin:services_referencevalue_change", args=[draft.pk])
    data = {
        field: getattr(draft, field)
        for field in ["name", "slug", "status", "unit", "value", "low", "high", "currency",
                      "price_year", "country", "source_title", "publisher", "location",
                      "source_year", "url", "quote", "note"]
    }  # fmt: skip
    refused = client.post(url, {**data, "price_year": 1850, "url": "ftp://example.org/a"})
    assert refused.status_code == 200
    errors = refused.context["adminform"].form.errors
    assert "greater than or equal to 1900" in str(errors["price_year"])
    assert "Enter a web address starting with http:// or https://." in str(errors["url"])
    assert client.post(url, {**data, "note": "Checked."}).status_code == 302
    draft.refresh_from_db()
    assert draft.note == "Checked." and draft.curated_by == value_curator
    assert draft.history.latest().history_user == value_curator


# --- Files -------------------------------------------------------------------------------


def exported(resource, file_format=CSV) -> tablib.Dataset:
    data = file_format().export_data(resource.export())
    return file_format().create_dataset(data)


def snapshot(model) -> list[tuple]:
    return list(model.objects.order_by("pk").values_list())


@pytest.mark.parametrize("file_format", [CSV, XLSX], ids=["csv", "xlsx"])
def test_an_import_of_an_exported_file_changes_nothing(db, value_curator, file_format):
    value(slug="a-draft")
    before = snapshot(ReferenceValue)
    dataset = exported(ReferenceValueResource(), file_format)
    assert dataset.headers[:3] == ["slug", "name", "unit"]
    assert set(dataset["status"]) == {"Published", "Draft"}
    result = ReferenceValueResource().import_data(dataset, user=value_curator)
    assert not result.has_errors() and not result.has_validation_errors()
    assert {row.import_type for row in result.rows} == {"skip"}
    assert len(result.rows) == len(before)
    assert snapshot(ReferenceValue) == before


def test_an_edited_export_changes_a_value_and_a_blank_range_is_the_value(db, value_curator):
    value(slug="a-draft")
    dataset = exported(ReferenceValueResource())
    rows = dataset.dict
    draft = next(row for row in rows if row["slug"] == "a-draft")
    draft.update(value="2,500", low="", high="", status="published")
    edited = tablib.Dataset(headers=dataset.headers)
    for row in rows:
        edited.append([row[name] for name in dataset.headers])
    result = ReferenceValueResource().import_data(edited, user=value_curator)
    assert not result.has_validation_errors()
    changed = ReferenceValue.objects.get(slug="a-draft")
    assert (changed.value, changed.low, changed.high) == (Decimal("2500"),) * 3
    assert changed.is_published and changed.published_at is not None
    assert changed.curated_by == value_curator


def test_price_indexes_round_trip(db):
    PriceIndex.objects.create(currency="GBP", year=2019, index=Decimal("100.0"), source="ONS")
    before = snapshot(PriceIndex)
    dataset = exported(PriceIndexResource())
    assert dataset.headers == ["currency", "year", "index", "source"]
    result = PriceIndexResource().import_data(dataset)
    assert [row.import_type for row in result.rows] == ["skip"]
    dataset.append(["GBP", "2024", "-3", "ONS"])
    result = PriceIndexResource().import_data(dataset)
    problems = str([row.error_dict for row in result.invalid_rows])
    assert "An index figure must be above zero." in problems
    assert snapshot(PriceIndex) == before


CSV_HEADER = (
    "slug,name,unit,value,low,high,currency,price_year,country,source_title,publisher,"
    "location,source_year,url,quote,status\n"
)
GOOD_ROW = (
    "good-value,A good value,one thing,100,,,GBP,2020,United Kingdom,A study,A ministry,"
    "Table 1,2021,https://example.org/a,around £100,Draft\n"
)
BAD_ROW = (
    "bad-value,A bad value,one thing,lots,,,GBP,1850,United Kingdom,A study,A ministry,"
    "Table 1,2021,ftp://example.org/b,around £100,Published\n"
)


def test_an_import_with_a_bad_row_saves_nothing_and_names_the_row(client, value_curator):
    before = snapshot(ReferenceValue)
    client.force_login(value_curator)
    upload = SimpleUploadedFile(
        "values.csv", (CSV_HEADER + GOOD_ROW + BAD_ROW).encode(), content_type="text/csv"
    )
    preview = client.post(IMPORT, {"format": "0", "resource": "0", "import_file": upload})
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Confirm import" not in html
    assert "“lots” is not an amount. Write a number, like 2300 or 2,300.50." in html
    assert "“1850” is not a price year." in html
    assert "Enter a web address starting with http:// or https://." in html
    assert "Constraint" not in html  # never a database constraint's name
    [invalid] = preview.context["result"].invalid_rows
    assert invalid.number == 2  # the second row of the file
    assert re.search(r"<td>\s*2\s*</td>", html)
    assert snapshot(ReferenceValue) == before
    assert not ReferenceValue.objects.filter(slug="good-value").exists()


def test_curators_without_the_import_permission_are_refused(client, value_curator):
    value_curator.user_permissions.remove(
        *Permission.objects.filter(codename="import_referencevalue")
    )
    client.force_login(value_curator)
    assert client.get(IMPORT).status_code == 403


# --- The price index ---------------------------------------------------------------------


def test_a_value_is_brought_to_another_year_by_the_deflator(db):
    PriceIndex.objects.create(currency="GBP", year=2019, index=Decimal("100.0"), source="ONS")
    PriceIndex.objects.create(currency="GBP", year=2024, index=Decimal("120.5"), source="ONS")
    assert conversion("GBP", 2019, 2024).apply(Decimal("13000")) == Decimal("15665.00")
    with pytest.raises(NoDeflator):
        conversion("GBP", 2019, 2023)
    with pytest.raises(NoDeflator):
        conversion("AUD", 2019, 2024)


def test_price_indexes_are_listed_by_currency_and_year(client, db):
    admin = factories.UserFactory(username="admin", is_staff=True, is_superuser=True)
    for currency, year in [("NZD", 2019), ("GBP", 2024), ("GBP", 2019)]:
        PriceIndex.objects.create(currency=currency, year=year, index=100, source="Stats")
    client.force_login(admin)
    response = client.get(reverse("admin:services_priceindex_changelist"))
    listed = [(row.currency, row.year) for row in response.context["cl"].result_list]
    assert listed == [("GBP", 2019), ("GBP", 2024), ("NZD", 2019)]


# --- The migration -----------------------------------------------------------------------

BEFORE_LOAD = [("services", "0010_reference_values_and_case_effects")]


@pytest.mark.migration_round_trip
def test_the_load_unapplies_leaving_a_curators_work_and_applies_again(transactional_db):
    # A transactional test before this one may have emptied the tables: load afresh.
    if not CaseExample.objects.filter(slug="expert-patients-programme").exists():
        factories.CaseExampleFactory(slug="expert-patients-programme")
    migrate(BEFORE_LOAD)
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    curated = ReferenceValue.objects.get(slug="green-book-qaly-value")
    curated.note = "Checked against the Green Book."
    curated.curated_at = curated.updated_at
    curated.save()
    try:
        apps = migrate(BEFORE_LOAD)
        remaining = apps.get_model("services", "ReferenceValue").objects
        assert list(remaining.values_list("slug", flat=True)) == ["green-book-qaly-value"]
        assert not apps.get_model("services", "CaseEffect").objects.exists()
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    assert ReferenceValue.objects.published().count() == len(SHIPPED)
    assert ReferenceValue.objects.get(slug="green-book-qaly-value").note.startswith("Checked")
    assert CaseEffect.objects.filter(case__slug="expert-patients-programme").count() == 1


BEFORE_TIME_VALUES = [("services", "0012_headline_perspective")]


@pytest.mark.migration_round_trip
def test_the_time_values_unapply_leaving_an_outcomes_copy_and_apply_again(transactional_db):
    from assessments.models import OutcomeMeasure

    seed_reference_values()  # a transactional test before this one may have emptied the table
    commuting = ReferenceValue.objects.get(slug="uk-dft-non-working-time-commuting-2002")
    prices = ("unit_value", "unit_value_low", "unit_value_high", "price", "price_low", "price_high")
    adopted = OutcomeMeasure.objects.create(
        assessment=factories.AssessmentFactory(), position=1, name="Hours freed",
        unit=commuting.unit, currency="GBP", price_year=2002, source=commuting.citation,
        reference_value=commuting, **dict.fromkeys(prices, commuting.value),
    )  # fmt: skip
    try:
        apps = migrate(BEFORE_TIME_VALUES)
        remaining = apps.get_model("services", "ReferenceValue").objects
        assert not remaining.filter(slug__in=[data["slug"] for data in TIME_VALUES]).exists()
        assert remaining.count() == len(REFERENCE_VALUES)
        adopted.refresh_from_db()
        assert adopted.reference_value is None and adopted.unit_value == Decimal("5.04")
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    assert ReferenceValue.objects.published().count() == len(SHIPPED)
