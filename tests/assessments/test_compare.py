"""Comparing assessments: two to four side by side, from their stored results, as a page
and as the same table in CSV."""

import csv
import io
import uuid
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from assessments.choices import Status
from assessments.models import Assessment
from assessments.templatetags.figures import money, money_exact, number, percent
from services.models import Membership
from tests import factories
from tests.assessments.test_report import (
    THREE_YEARS,
    certain,
    returns_option,
    returns_options,
    skewed_options,
)
from tests.factories import complete_answers, complete_options

pytestmark = pytest.mark.django_db

COMPARE_URL = "/assessments/compare/"
CSV_URL = "/assessments/compare/csv/"


def submitted(service, author, **overrides):
    return factories.AssessmentFactory(
        **complete_answers(**{"willingness_to_pay": Decimal("1"), **overrides}),
        service=service,
        author=author,
        status=Status.SUBMITTED,
        submitted_at=timezone.now(),
    )


@pytest.fixture
def reading(service, owner):
    """complete_options with no uncertainty (so the net benefit on average is the one on
    the estimates): Parents at home against Teaching assistants in school, at £1 a point.
    Parents at home is best: £34.96 per client-year, quality 75, net benefit £112,168.98;
    cheaper and better than the comparator by £31.04 and 25 points."""
    return submitted(
        service, owner, title="Parents hearing reading", options=certain(complete_options())
    )


@pytest.fixture
def returns(service, owner):
    """returns_options with no uncertainty, at £1 a point: Pre-filled returns is best
    (£55, quality 75, net benefit £56,033)."""
    return submitted(
        service, owner, title="Lodging tax returns", options=certain(returns_options())
    )


def codes(*assessments) -> dict:
    return dict(zip("abcd", (str(a.code) for a in assessments), strict=False))


class TableReader(HTMLParser):
    """The compare tables of a page: for each, its column headings and its rows as
    (row heading, [cell text]), text with its spaces collapsed."""

    def __init__(self):
        super().__init__()
        self.tables, self._text, self._in = [], None, None

    def handle_starttag(self, tag, attrs):
        classes = dict(attrs).get("class") or ""
        if tag == "table" and "compare-table" in classes:
            self.tables.append({"caption": "", "columns": [], "rows": []})
        elif self.tables and tag in ("caption", "th", "td"):
            self._in, self._text = (tag, dict(attrs).get("scope")), []
        elif self._text is not None:
            self._text.append(" ")  # an element inside a cell: its own words

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag in ("caption", "th", "td") and self._text is not None:
            text = " ".join("".join(self._text).split())
            table = self.tables[-1]
            kind, scope = self._in
            if kind == "caption":
                table["caption"] = text
            elif scope == "col":
                table["columns"].append(text)
            elif scope == "row":
                table["rows"].append((text, []))
            elif kind == "td" and table["rows"]:
                table["rows"][-1][1].append(text)
            self._text = None


def page_tables(response) -> list[dict]:
    reader = TableReader()
    reader.feed(response.content.decode())
    return reader.tables


def csv_lines(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(body)))


# --- Who may compare what --------------------------------------------------------------


def test_the_page_is_at_assessments_compare():
    assert reverse("assessments:compare") == COMPARE_URL
    assert reverse("assessments:compare_csv") == CSV_URL


def test_the_owner_compares_two_assessments_each_headed_by_a_link_to_its_report(
    client, owner, reading, returns
):
    client.force_login(owner)
    response = client.get(COMPARE_URL, codes(reading, returns))
    assert response.status_code == 200
    text = response.content.decode()
    for assessment in (reading, returns):
        assert (
            f'<th scope="col" role="columnheader"><a href="{assessment.get_absolute_url()}">'
            f"{assessment.title}</a></th>"
        ) in text
    tables = page_tables(response)
    assert tables[0]["columns"] == [reading.title, returns.title]


def test_a_viewer_compares_up_to_four(client, viewer, service, owner, reading, returns):
    third = factories.AssessmentFactory(service=service, author=owner, title="A new draft")
    fourth = submitted(service, owner, title="Fourth")
    client.force_login(viewer)
    response = client.get(COMPARE_URL, codes(reading, returns, third, fourth))
    assert response.status_code == 200
    assert page_tables(response)[0]["columns"] == [
        reading.title,
        returns.title,
        "A new draft",
        "Fourth",
    ]
    assert "A draft's results are provisional" in response.content.decode()


def test_an_outsider_gets_404_when_another_agencys_code_is_mixed_in(
    client, outsider, other_service, reading
):
    their_own = submitted(other_service, outsider, title="Their own")
    client.force_login(outsider)
    for url in (COMPARE_URL, CSV_URL):
        assert client.get(url, codes(their_own, reading)).status_code == 404
        assert client.get(url, codes(reading, their_own)).status_code == 404
    # Their own two compare as usual.
    second = submitted(other_service, outsider, title="Their second")
    assert client.get(COMPARE_URL, codes(their_own, second)).status_code == 200


def test_a_code_that_does_not_exist_is_404_like_an_outsiders(client, owner, reading):
    client.force_login(owner)
    response = client.get(COMPARE_URL, {"a": reading.code, "b": uuid.uuid4()})
    assert response.status_code == 404


def test_anonymous_is_sent_to_sign_in(client, reading, returns):
    for url in (COMPARE_URL, CSV_URL):
        response = client.get(url, codes(reading, returns))
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


def test_only_get_and_head_are_taken(client, owner, reading, returns):
    client.force_login(owner)
    assert client.post(COMPARE_URL, codes(reading, returns)).status_code == 405


# --- Asking for something that cannot be compared --------------------------------------


def test_without_a_choice_the_page_asks_which_to_compare(client, owner, reading, returns):
    client.force_login(owner)
    response = client.get(COMPARE_URL)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Choose the assessments to compare" in text
    assert 'name="a"' in text and 'name="d"' in text
    assert f'value="{reading.code}"' in text and f'value="{returns.code}"' in text
    assert "There is a problem" not in text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"a": "READING"}, "Choose at least two assessments to compare"),
        ({"a": "", "b": ""}, "Choose at least two assessments to compare"),
        ({"a": "READING", "b": "READING"}, "the same one was chosen more than once"),
        ({"a": "READING", "b": "not-a-code"}, "Choose an assessment from the list"),
        ({"a": "READING", "b": "x" * 5000}, "Choose an assessment from the list"),
        ({"a": "READING", "b": "1; DROP TABLE"}, "Choose an assessment from the list"),
        (
            {"a": "READING", "b": "RETURNS", "c": "NEW", "d": "NEW2", "e": "NEW3"},
            "Choose at most four assessments to compare: 5 were chosen",
        ),
        (
            {"a": ["READING", "RETURNS", "NEW"], "b": "NEW2", "c": "NEW3"},
            "Choose at most four assessments to compare: 5 were chosen",
        ),
        ({"page": "2"}, "Choose at least two assessments to compare"),
    ],
)
@pytest.mark.parametrize("url", [COMPARE_URL, CSV_URL])
def test_bad_input_gets_a_400_page_that_asks_again_never_an_error(
    client, owner, service, reading, returns, url, query, message
):
    made = {"READING": reading, "RETURNS": returns}
    for name in ("NEW", "NEW2", "NEW3"):
        made[name] = factories.AssessmentFactory(service=service, author=owner)

    def code(value):
        return str(made[value].code) if value in made else value

    query = {
        key: [code(v) for v in value] if isinstance(value, list) else code(value)
        for key, value in query.items()
    }
    client.force_login(owner)
    response = client.get(url, query)
    assert response.status_code == 400
    text = response.content.decode()
    assert "There is a problem" in text
    assert message in text
    assert 'action="/assessments/compare/"' in text  # the form to choose again


# --- What the page shows ---------------------------------------------------------------


def page_rows(response) -> dict[str, list[str]]:
    """Every row of the page's tables by its heading: the text of each assessment's cell."""
    return {label: cells for table in page_tables(response) for label, cells in table["rows"]}


def test_results_are_side_by_side_with_every_figure_formatted(client, owner, reading, returns):
    client.force_login(owner)
    rows = page_rows(client.get(COMPARE_URL, codes(reading, returns)))
    assert rows["Classification"] == ["Co-production", "Co-production"]
    assert rows["Best option at its value of a quality point"] == [
        "Parents at home",
        "Pre-filled returns",
    ]
    # No uncertainty: the averages are the single estimates, and nothing is worth finding out.
    assert rows["Its net benefit on average over the tries"] == ["£112,000", "£56,000"]
    assert rows["Best on the single estimates, where that differs"] == ["The same", "The same"]
    assert rows["Its full cost per client-year"] == ["£35", "£55"]
    assert rows["Its quality index (0 to 100)"] == ["75", "75"]
    assert rows["Chance it is the best option"] == ["100%", "100%"]
    assert rows["Robust or fragile (robust: best in at least 80% of the tries)"] == [
        "Robust",
        "Robust",
    ]
    assert rows["What finding out more could be worth"] == ["£0", "£0"]
    assert rows["What finding out the hours and money people give could be worth"] == [
        "£0",
        "£0",
    ]
    # Parents at home give 1,000 hours a year (1 a client). Its lead over Teaching
    # assistants at an hour worth h, over A = 2.80164 discounted years, uplift 1.1:
    # 25 points x 1,000 x A x £1 + (60,000 A - 5,000 - 20,000 A) x 1.1 - 1,000 h A x 1.1
    # = 69,000 A - 5,500 - 1,100 A h, nil at h = 62.727 - 5 / A = £60.94. No hours in
    # the returns: no value of an hour changes their choice.
    assert rows["The choice changes if an hour is worth less than"] == ["No value", "No value"]
    assert rows["The choice changes if an hour is worth more than"] == ["£60.94", "No value"]
    assert rows["Co-production is"] == ["Cheaper and better", "Cheaper and better"]
    assert rows["Full cost per client-year, against what happens now"] == [
        "£31 less",
        "£11 less",
    ]
    assert rows["Quality index, against what happens now"] == [
        "25 points higher",
        "50 points higher",
    ]
    assert rows["What one quality point is worth for one client for a year"] == ["£1", "£1"]
    assert rows["Appraisal period"] == ["3 years", "3 years"]
    assert rows["Discount rate"] == ["3.5% a year", "3.5% a year"]
    assert rows["Value of an hour of co-producers' time"] == ["£10", "£10"]
    assert rows["Risk flags"] == ["None flagged", "None flagged"]
    # Options by their place in each assessment's order; blank past an assessment's last.
    assert rows["Option 1"][0].startswith("Parents at home Co-produced Yes What happens now No")
    assert "Full cost per client-year £35 " in rows["Option 1"][0]
    assert "Chance of being best 100%" in rows["Option 1"][0]
    assert (
        "Net benefit on the estimates £112,000 Net benefit on average £112,000 Chance of "
        "being best 100% Loss on average against the best of each try £0 "
    ) in rows["Option 1"][0]
    # Teaching assistants lose Parents at home's lead: £112,169 + £44,826 = £156,995.
    assert "Loss on average against the best of each try £157,000" in rows["Option 2"][0]
    assert rows["Option 4"][0] == "No further option"
    # Quality is kept to 2 places (56.25) and shown to 1, half away from zero as on the report.
    assert "Quality index (0 to 100) 56.3 " in rows["Option 3"][1]
    assert rows["Option 4"][1].startswith("Pre-filled returns")
    assert "Best at its value of a quality point Yes" in rows["Option 4"][1]
    assert "Option 6" not in rows


def test_no_raw_figures_reach_the_page(client, owner, reading, returns):
    client.force_login(owner)
    text = client.get(COMPARE_URL, codes(reading, returns)).content.decode()
    for raw in ("112168.98", "0.92850", "1.00000", "3.50", "-31.04", "Decimal("):
        assert raw not in text


def test_risk_flags_are_named_in_words(client, owner, service, reading):
    flagged = submitted(service, owner, title="Flagged", burden_on_vulnerable=True)
    assert "unfair_burden" in flagged.result_risk_flags
    client.force_login(owner)
    text = client.get(COMPARE_URL, codes(reading, flagged)).content.decode()
    assert "<li>Unfair burden</li>" in text
    assert "unfair_burden" not in text


def test_without_a_willingness_to_pay_no_best_option_is_named(client, owner, service, reading):
    unsettled = submitted(service, owner, title="Unsettled", willingness_to_pay=None)
    client.force_login(owner)
    text = client.get(COMPARE_URL, codes(reading, unsettled)).content.decode()
    assert "None named: no value is put on a quality point" in text
    assert "Not set" in text


def test_the_page_reads_stored_results_and_never_scores_again(
    client, owner, reading, returns, monkeypatch
):
    def refuse(self):
        raise AssertionError("compare must read the stored results")

    monkeypatch.setattr(Assessment, "score", refuse)
    client.force_login(owner)
    assert client.get(COMPARE_URL, codes(reading, returns)).status_code == 200
    assert client.get(CSV_URL, codes(reading, returns)).status_code == 200


def test_each_column_shows_money_in_its_own_agencys_currency(client, owner, reading):
    euro_agency = factories.AgencyFactory(name="Euro Agency", currency="EUR")
    Membership.objects.create(user=owner, agency=euro_agency, role="viewer")
    euros = submitted(
        factories.ServiceFactory(agency=euro_agency),
        owner,
        title="In euros",
        options=certain(complete_options()),
    )
    client.force_login(owner)
    rows = page_rows(client.get(COMPARE_URL, codes(reading, euros)))
    assert rows["Its net benefit on average over the tries"] == ["£112,000", "€112,000"]
    assert rows["The choice changes if an hour is worth more than"] == ["£60.94", "€60.94"]
    assert rows["Currency"] == ["GBP", "EUR"]


# --- Queries ---------------------------------------------------------------------------


@pytest.mark.parametrize("option_count", [2, 6])
def test_query_count_does_not_grow_with_the_options(
    client, owner, service, django_assert_num_queries, option_count
):
    options = (
        complete_options()
        if option_count == 2
        else [*returns_options(), returns_option("Agent-lodged returns", "90000", 4)]
    )
    assessments = [submitted(service, owner, options=options) for _ in range(4)]
    assert all(len(a.ordered_options) == option_count for a in assessments)
    client.force_login(owner)
    # session, user, the user's agencies (their ids, then given as values; the header's
    # names come with them), the four assessments with their service and agency, their
    # options, their outcomes' names
    with django_assert_num_queries(6):
        assert client.get(COMPARE_URL, codes(*assessments)).status_code == 200
    # the same
    with django_assert_num_queries(6):
        response = client.get(CSV_URL, codes(*assessments))
        assert len(csv_lines(response)) > 1


# --- The CSV -----------------------------------------------------------------------------


def test_the_page_links_to_the_same_comparison_as_csv(client, owner, reading, returns):
    client.force_login(owner)
    text = client.get(COMPARE_URL, codes(reading, returns)).content.decode()
    assert f'href="{CSV_URL}?a={reading.code}&amp;b={returns.code}"' in text
    assert "Download this table (CSV)" in text


# What the page shows for an empty cell of these rows (elsewhere "Not known yet").
MISSING_WORDS = {
    "Best on the single estimates, where that differs": "The same",
    "The choice changes if an hour is worth less than": "No value",
    "The choice changes if an hour is worth more than": "No value",
    "Outcomes valued": "None",
}


def formatted(label: str, value: str) -> str:
    """A CSV figure as the page shows it (money in pounds here)."""
    if value == "":
        return MISSING_WORDS.get(label, "Not known yet")
    amount = Decimal(value)
    if label.endswith(", against what happens now"):
        size = abs(amount)
        if label.startswith("Quality"):
            return f"{number(size, 1)} points {'higher' if amount > 0 else 'lower'}"
        if label.startswith("Net benefit"):
            return f"{money(size, 'GBP')} {'higher' if amount > 0 else 'lower'}"
        return f"{money(size, 'GBP')} {'more' if amount > 0 else 'less'}"
    lowered = label.lower()
    if "quality index" in lowered:
        return number(amount, 1)
    if "chance" in lowered:
        return percent(amount / 100)  # the CSV writes a percentage, the page shows one
    if lowered == "discount rate":
        return f"{number(amount, 2)}% a year"
    if lowered == "appraisal period":
        return f"{amount} years"
    if lowered == "number of risk flags":
        return value
    if lowered.startswith("the choice changes if an hour"):
        return money_exact(amount, "GBP")  # to the penny, as the value of an hour is set
    return money(amount, "GBP")


TEXT_ROWS = {
    "Service",
    "Agency",
    "Status",
    "Currency",
    "Classification",
    "Best option at its value of a quality point",
    "Best on the single estimates, where that differs",
    "Robust or fragile (robust: best in at least 80% of the tries)",
    "Co-produced option",
    "What happens now",
    "Co-production is",
    "Risk flags",
    "Outcomes valued",
}


def test_the_csv_is_the_comparison_on_the_page(client, owner, service, reading, returns):
    flagged = submitted(service, owner, title="Flagged", burden_on_vulnerable=True)
    # Best on average and on the single estimates differ (Staff and Volunteers).
    skewed = submitted(service, owner, title="Skewed", options=skewed_options())
    client.force_login(owner)
    query = codes(reading, returns, flagged, skewed)
    tables = page_tables(client.get(COMPARE_URL, query))
    header, *body = csv_lines(client.get(CSV_URL, query))

    assert header == ["what", "unit", reading.title, returns.title, flagged.title, skewed.title]
    # Each row's label and unit, then a cell for each assessment.
    body = [[line[0], *line[2:]] for line in body]
    at = 0
    for table in tables:
        assert table["columns"] == header[2:]
        assert body[at] == [table["caption"], "", "", "", ""]
        at += 1
        for label, cells in table["rows"]:
            line = body[at]
            at += 1
            assert line[0] == label
            if label.startswith("Option "):
                for cell, name in zip(cells, line[1:], strict=True):
                    assert cell.startswith(name) if name else cell == "No further option"
                # Then each of the option's figures, on a row of its own.
                while at < len(body) and body[at][0].startswith(f"{label}: "):
                    what = body[at][0].removeprefix(f"{label}: ")
                    for cell, value in zip(cells, body[at][1:], strict=True):
                        if value:
                            shown = value if value in ("Yes", "No") else formatted(what, value)
                            assert f"{what} {shown}".lower() in cell.lower(), (what, cell)
                    at += 1
            elif label == "Risk flags":
                assert cells == [value.replace(";", "") or "None flagged" for value in line[1:]]
            elif label in TEXT_ROWS:
                shown = [value or MISSING_WORDS.get(label, "") for value in line[1:]]
                assert cells == shown, label
            else:
                assert cells == [formatted(label, value) for value in line[1:]], label
    assert at == len(body)


def test_the_csv_writes_chances_as_percentages_each_row_with_its_unit(
    client, owner, reading, returns
):
    """The chance was written as a fraction (1.0000) beside no unit, where the page shows
    a percentage."""
    client.force_login(owner)
    rows = {line[0]: line[1:] for line in csv_lines(client.get(CSV_URL, codes(reading, returns)))}
    # No uncertainty: each best option is best in every try.
    assert rows["Chance it is the best option"] == ["per cent (0 to 100)", "100.0", "100.0"]
    money_unit = "the assessment's currency (its Currency row)"
    assert rows["Its full cost per client-year"] == [money_unit, "34.96", "55.00"]
    assert rows["Its quality index (0 to 100)"][0] == "points of the 0 to 100 quality index"
    assert rows["Discount rate"] == ["per cent a year", "3.50", "3.50"]
    assert rows["Currency"] == ["", "GBP", "GBP"]


def test_csv_cells_a_spreadsheet_would_run_are_quoted(client, owner, service, reading):
    risky = submitted(service, owner, title="=HYPERLINK(1)")
    client.force_login(owner)
    lines = csv_lines(client.get(CSV_URL, codes(reading, risky)))
    assert lines[0][3] == "'=HYPERLINK(1)"


# --- Getting there ---------------------------------------------------------------------


def test_the_list_offers_a_form_to_compare_the_assessments_it_shows(
    client, owner, reading, returns
):
    client.force_login(owner)
    text = client.get("/assessments/").content.decode()
    assert '<form method="get" action="/assessments/compare/"' in text
    for key in "abcd":
        assert f'<select name="{key}"' in text
    assert text.count(f'<option value="{reading.code}">') == 4
    assert "Compare assessments side by side" in text
    # Submitting it is a GET with a and b (c and d left at None).
    response = client.get(COMPARE_URL, {**codes(reading, returns), "c": "", "d": ""})
    assert response.status_code == 200


def test_the_list_offers_no_comparison_of_a_single_assessment(client, owner, reading):
    client.force_login(owner)
    assert 'action="/assessments/compare/"' not in client.get("/assessments/").content.decode()


def test_the_choice_on_average_is_set_beside_the_one_on_the_single_estimates(
    client, owner, service, reading
):
    # skewed_options: Volunteers best on the estimates (£40,000 a year to the agency, but
    # up to £100,000: £50,000 on average), Staff on average (a certain £45,000).
    skewed = submitted(service, owner, title="Skewed", options=skewed_options())
    client.force_login(owner)
    rows = page_rows(client.get(COMPARE_URL, codes(reading, skewed)))
    assert rows["Best option at its value of a quality point"] == ["Parents at home", "Staff"]
    assert rows["Best on the single estimates, where that differs"] == ["The same", "Volunteers"]
    # Staff's net benefit, certain: 50 x 1,000 x A - 45,000 x 1.1 x A = 500 A = £1,401.
    assert rows["Its net benefit on average over the tries"] == ["£112,000", "£1,400"]
    volunteers = skewed.options.get(name="Volunteers")
    # Volunteers: 6,000 A (£16,800) on the estimates, -5,000 A (about -£14,000) on average.
    assert float(volunteers.result_mean_net_benefit) == pytest.approx(
        -5000 * THREE_YEARS, abs=1250
    )  # 3 standard errors
    assert (
        "Net benefit on the estimates £16,800 Net benefit on average "
        f"{money(volunteers.result_mean_net_benefit, 'GBP')} Chance of being best "
        f"{percent(volunteers.result_probability_best)} Loss on average against the best of "
        f"each try {money(volunteers.result_expected_loss, 'GBP')} "
    ) in rows["Option 2"][1]
    assert "Best at its value of a quality point No" in rows["Option 2"][1]
    assert "Best at its value of a quality point Yes" in rows["Option 3"][1]
    assert rows["What finding out more could be worth"][1] == money(skewed.result_evpi, "GBP")


def test_the_choices_are_grouped_by_service_with_status_date_and_revision(
    client, owner, service, reading
):
    revision = reading.start_revision(owner)
    client.force_login(owner)
    text = client.get(COMPARE_URL).content.decode()
    assert f'<optgroup label="{service.name} ({service.agency.name})">' in text
    submitted_on = date_format(reading.submitted_at, "j M Y")
    updated_on = date_format(revision.updated_at, "j M Y")
    assert f"{reading.title} · submitted {submitted_on}<" in text
    assert f"{revision.title} · draft, updated {updated_on} · a revision<" in text
