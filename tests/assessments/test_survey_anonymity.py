"""The survey's answers cannot be tied to the people who gave them: results change only in
batches of five, comments carry no order, ids carry none, the throttle keeps no time and
no recoverable address; and a cache that fails costs the flood control, never a page."""

import base64
import contextlib
import logging
import pickle
import re
import time
from datetime import UTC, datetime

import pytest
from django.core.cache import cache
from django.core.cache.backends.base import BaseCache
from django.db import connection
from django.test import RequestFactory

from assessments.models import SurveyResponse
from assessments.scoring import MOTIVATORS
from assessments.survey import guard
from tests.assessments.test_survey import (
    SETTINGS,
    answer,
    manage_url,
    open_survey,
    survey_url,
)

pytestmark = pytest.mark.django_db

CACHE_TABLE = "coprod_cache"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    with contextlib.suppress(Exception):  # a test that broke the cache puts it back itself
        cache.clear()


@pytest.fixture
def survey(submitted_assessment, owner):
    return open_survey(submitted_assessment, owner)


@pytest.fixture
def submitted_assessment(owner, service):
    from django.utils import timezone

    from assessments.choices import Status
    from tests import factories

    return factories.AssessmentFactory(
        **factories.complete_answers(), service=service, author=owner,
        status=Status.SUBMITTED, submitted_at=timezone.now(),
    )  # fmt: skip


def one_answer(client, survey, number: int, **kwargs):
    """The `number`th person's answers, from their own phone and address, each unlike the
    others' (hours, agreement and comment)."""
    client.cookies.clear()
    response = answer(
        client,
        survey,
        hours=str(number * 3),
        agreement={f"{m}_agreement": str(1 + (number + i) % 5) for i, m in enumerate(MOTIVATORS)},
        ease=str(1 + number % 5),
        comment=f"Person {number} says this.",
        address=f"198.51.100.{number}",
        **kwargs,
    )
    assert response.status_code == 303, response.status_code
    return response


def what_the_manager_sees(client, owner, assessment) -> tuple:
    """Everything about the answers the manager can read: the results section of the
    survey page (without the count of answers so far), the CSV and the dashboard's
    surveyed profile."""
    client.force_login(owner)
    page = client.get(manage_url(assessment))
    assert page.status_code == 200
    section = page.content.decode().split("<h2>Results</h2>", 1)[1].split("<details", 1)[0]
    section = re.sub(r'<p id="survey-batches">.*?</p>', "", section, flags=re.S)
    section = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", section)
    csv = client.get(manage_url(assessment, "survey_csv"))
    dashboard = client.get("/").context["profile"]["surveyed"]
    client.logout()
    return (
        section,
        page.context["results"],
        csv.content if csv.status_code == 200 else None,
        dashboard,
    )


# --- Differencing ---------------------------------------------------------------------------


def test_reloading_between_answers_never_shows_one_persons_answers(
    client, owner, survey, submitted_assessment, django_capture_on_commit_callbacks
):
    """Answers come one at a time and the manager looks after each: the results change
    only when a batch of five is complete, so no single answer can be read off them."""
    seen = [what_the_manager_sees(client, owner, submitted_assessment)]
    for number in range(1, 11):
        if number == 8:
            # Closing just after someone answered shows nothing more either.
            client.force_login(owner)
            client.post(manage_url(submitted_assessment, "survey_close"))
            closed = what_the_manager_sees(client, owner, submitted_assessment)
            assert closed == seen[-1]
            client.force_login(owner)
            client.post(
                manage_url(submitted_assessment, "survey_open"),
                {**SETTINGS, "one_per_browser": "on"},
            )
            client.logout()
        with django_capture_on_commit_callbacks(execute=True):  # as in the app
            one_answer(client, survey, number)
        seen.append(what_the_manager_sees(client, owner, submitted_assessment))

    for number in range(1, 11):
        changed = seen[number] != seen[number - 1]
        assert changed == (number % 5 == 0), number
    assert [results and results.count for _, results, _, _ in seen] == [
        None, None, None, None, None, 5, 5, 5, 5, 5, 10,
    ]  # fmt: skip
    fifth, sixth = seen[5][0], seen[6][0]
    assert "Person 5 says this." in fifth and "Person 6 says this." not in sixth


def test_the_page_says_how_many_answers_the_results_include(
    client, owner, survey, submitted_assessment
):
    for number in range(1, 8):
        one_answer(client, survey, number)
    client.force_login(owner)
    text = client.get(manage_url(submitted_assessment)).content.decode()
    assert "7 answers so far; the results include the first 5 and update at 10." in text
    assert "Results change only in batches of 5 answers, to protect people's anonymity" in text


def test_comments_come_in_an_order_that_says_nothing_about_when(
    client, owner, survey, submitted_assessment
):
    for number in range(1, 6):
        one_answer(client, survey, number)
    client.force_login(owner)
    first_batch = client.get(manage_url(submitted_assessment)).context["results"].comments
    again = client.get(manage_url(submitted_assessment)).context["results"].comments
    assert again == first_batch  # the same order on every reload
    for number in range(6, 11):
        one_answer(client, survey, number)
    client.force_login(owner)
    comments = client.get(manage_url(submitted_assessment)).context["results"].comments
    assert sorted(comments) == sorted(f"Person {n} says this." for n in range(1, 11))
    assert comments != [f"Person {n} says this." for n in range(1, 11)]
    assert comments[:5] != first_batch  # mixed afresh, not the new batch added at the end


# --- Nothing stored tells the order or the address -------------------------------------------


def test_response_ids_are_random_and_never_shown(client, owner, survey, submitted_assessment):
    for number in range(1, 11):
        one_answer(client, survey, number)
    ids = list(SurveyResponse.objects.values_list("pk", flat=True))
    by_arrival = [
        SurveyResponse.objects.get(comment=f"Person {n} says this.").pk for n in range(1, 11)
    ]
    assert by_arrival != sorted(by_arrival) and min(ids) > 2**20
    assert set(SurveyResponse.objects.values_list("batch", flat=True)) == {0, 1}
    client.force_login(owner)
    shown = client.get(manage_url(submitted_assessment)).content.decode()
    shown += client.get(manage_url(submitted_assessment, "survey_csv")).content.decode()
    assert not any(str(pk) in shown for pk in ids)


def throttle_rows() -> list[tuple[str, object, datetime]]:
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT cache_key, value, expires FROM "{CACHE_TABLE}"')  # noqa: S608
        rows = cursor.fetchall()
    found = []
    for key, value, expires in rows:
        if "survey-throttle" in key:
            if isinstance(expires, str):
                expires = datetime.fromisoformat(expires)
            found.append((key, pickle.loads(base64.b64decode(value)), expires))  # noqa: S301
    return found


def test_the_throttle_keeps_a_count_and_no_time_of_the_first_answer(client, survey):
    one_answer(client, survey, 1)
    one_answer(client, survey, 1)  # the same address again
    counts = [(key, value, expires) for key, value, expires in throttle_rows() if ":" in key]
    counts = [row for row in counts if "survey-throttle-key" not in row[0]]
    assert [value for _, value, _ in counts] == [2]
    for _, _, expires in counts:
        # At the end of the hour (and the margin for clocks), whenever the answer came.
        past_the_hour = (
            expires.replace(tzinfo=UTC).timestamp() - guard.CLOCK_MARGIN_SECONDS
        ) % 3600
        assert past_the_hour < 3 or past_the_hour > 3597, expires


def test_the_address_hash_key_is_random_and_kept_only_in_the_cache(client, survey):
    def count_keys():
        return {key for key, _, _ in throttle_rows() if "survey-throttle-key" not in key}

    one_answer(client, survey, 1)
    first = count_keys()
    cache.clear()  # the cache loses its key, as when the hour turns
    one_answer(client, survey, 1)
    # The same address and survey in the same hour hashes differently: nothing but the
    # cache's own random key (not the site's secret) goes into the hash.
    assert len(first) == 1 and count_keys().isdisjoint(first)


def test_the_last_hours_key_is_deleted_when_the_next_is_made(survey):
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.1")
    guard._count(request, survey.token, datetime(2026, 3, 1, 10, 30, tzinfo=UTC))
    assert cache.get("survey-throttle-key:2026030110") is not None
    guard._count(request, survey.token, datetime(2026, 3, 1, 11, 5, tzinfo=UTC))
    assert cache.get("survey-throttle-key:2026030111") is not None
    assert cache.get("survey-throttle-key:2026030110") is None


@pytest.mark.parametrize(
    "address, counted",
    [
        ("192.0.2.1", "192.0.2.1"),
        ("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"),
        ("::ffff:192.0.2.9", "192.0.2.9"),
        ("", ""),
    ],
)
def test_an_ipv6_address_counts_by_its_64_network(address, counted):
    assert guard.counted_address(address) == counted


def test_one_ipv6_network_shares_its_count(client, survey, settings):
    settings.SURVEY_ANSWERS_PER_ADDRESS_PER_HOUR = 2
    for address in ("2001:db8:1:2::1", "2001:db8:1:2::2"):
        client.cookies.clear()
        assert answer(client, survey, address=address).status_code == 303
    client.cookies.clear()
    assert answer(client, survey, address="2001:db8:1:2:ffff::9").status_code == 429
    client.cookies.clear()
    assert answer(client, survey, address="2001:db8:1:3::1").status_code == 303


# --- A cache that fails ----------------------------------------------------------------------


class BrokenCache(BaseCache):
    """A cache that cannot be reached: every call fails, as Redis stopped does."""

    def __init__(self, location, params):
        super().__init__(params)

    def _fail(self, *args, **kwargs):
        raise ConnectionError("the cache is down")

    add = get = set = touch = delete = incr = get_many = set_many = clear = has_key = _fail


def answer_every_page(client, survey, caplog) -> None:
    """Every page of the survey answers, and the answer is kept."""
    before = SurveyResponse.objects.count()
    with caplog.at_level(logging.WARNING, logger="assessments.survey.guard"):
        assert client.get(survey_url(survey)).status_code == 200
        sent = one_answer(client, survey, 1)
        assert client.get(sent["Location"]).status_code == 200
    assert SurveyResponse.objects.count() == before + 1
    warnings = [r for r in caplog.records if r.name == "assessments.survey.guard"]
    assert len(warnings) == 1 and "without it" in warnings[0].getMessage()


def test_the_survey_takes_answers_when_the_cache_is_down(
    client, owner, survey, submitted_assessment, settings, caplog
):
    settings.CACHES = {"default": {"BACKEND": f"{__name__}.BrokenCache"}}
    with pytest.raises(ConnectionError):
        cache.get("anything")  # the cache really is down
    answer_every_page(client, survey, caplog)
    client.force_login(owner)
    assert client.get(manage_url(submitted_assessment)).status_code == 200


def test_the_survey_takes_answers_when_the_cache_table_is_gone(client, survey, caplog):
    with connection.cursor() as cursor:
        cursor.execute(f'DROP TABLE "{CACHE_TABLE}"')  # rolled back with the test
    answer_every_page(client, survey, caplog)


# --- The answers so far: in the person's browser only (issue 23) -------------------------

HALF_WRITTEN = "Half-written: my neighbour at number 12 helps me"


def answer_halfway(client, survey):
    """Two pages sent, and a comment typed on the third before going Back."""
    url = survey_url(survey)
    client.post(url, {"page": 1, "activities": ["time"], "hours": "7", "minutes": "13",
                      "per": "week"}, REMOTE_ADDR="203.0.113.77")  # fmt: skip
    client.post(url, {"page": 2, **{f"{m}_agreement": "5" for m in MOTIVATORS}})
    return client.post(url, {"page": 3, "back": "1", "comment": HALF_WRITTEN})


def test_half_finished_answers_are_kept_in_the_browser_and_nowhere_else(client, survey):
    back = answer_halfway(client, survey)
    assert back.status_code == 303
    cookie = back.cookies["survey-answers"]
    # Only the survey's own address gets it, for a day, out of reach of scripts.
    assert cookie["path"] == survey_url(survey) and cookie["max-age"] == 24 * 60 * 60
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert client.get(f"{survey_url(survey)}?page=3").context["form"]["comment"].value() == (
        HALF_WRITTEN
    )
    # Not a row anywhere: no answer, no session, nothing in the cache table.
    assert not SurveyResponse.objects.exists()
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - our own table names
            rows = repr(cursor.fetchall())
            assert HALF_WRITTEN not in rows and "203.0.113.77" not in rows, table


def test_answers_kept_are_ignored_if_altered_old_or_from_another_survey(
    client, survey, submitted_assessment, owner, monkeypatch
):
    answer_halfway(client, survey)
    url = survey_url(survey)
    kept = client.cookies["survey-answers"].value
    client.cookies["survey-answers"] = kept[:-2] + ("AA" if not kept.endswith("AA") else "BB")
    assert client.get(url).context["resumed"] is False  # altered: ignored
    # Another survey's page does not read this one's answers, even if the browser sends them.
    other = open_survey(factories_assessment(owner, submitted_assessment))
    client.cookies["survey-answers"] = kept
    assert client.get(survey_url(other)).context["resumed"] is False
    assert client.get(url).context["resumed"] is True
    # A day later they are gone.
    later = time.time() + 24 * 60 * 60 + 60
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    assert client.get(url).context["resumed"] is False


def factories_assessment(owner, like):
    from tests import factories

    return factories.AssessmentFactory(service=like.service, author=owner)


def test_a_throttled_answer_keeps_the_answers_so_far(client, survey, settings):
    settings.SURVEY_ANSWERS_PER_ADDRESS_PER_HOUR = 0
    refused = answer(client, survey, comment="Try again later")
    assert refused.status_code == 429
    kept = client.get(f"{survey_url(survey)}?page=3")
    assert kept.context["form"]["comment"].value() == "Try again later"
    assert not SurveyResponse.objects.exists()


def test_the_answers_in_a_batch_are_unchanged_by_the_cookie(
    client, owner, survey, submitted_assessment
):
    """Answers sent page by page through the cookie land in batches as before: four are
    not shown, the fifth shows all five."""
    for number in range(1, 5):
        one_answer(client, survey, number)
    assert what_the_manager_sees(client, owner, submitted_assessment)[1] is None
    one_answer(client, survey, 5)
    assert what_the_manager_sees(client, owner, submitted_assessment)[1].count == 5
