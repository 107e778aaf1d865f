"""Print how fast Coprod loads, aggregates, lists and exports N assessments.

Not a test: it prints figures for a person to read and compare. It creates an agency, a
manager, a service and N assessments in a throwaway database, then measures:

- bulk loading: building and scoring the rows (`refresh_results()` on each, since
  `bulk_create` skips `save()`), and inserting them with `bulk_create`, in rows/s; then
  the planner's statistics are brought up to date (`VACUUM ANALYZE`), as autovacuum would;
- the dashboard (`/`): the median of 5 requests, its number of queries and the median time
  of its slowest query (the aggregate over the assessments); both worked out afresh (as
  after a change of the data: a new generation is published before each request) and as
  kept in the cache (`coprod_site/changes.py`). The comparison of portfolio sizes works
  it out afresh;
- the assessment list (`/assessments/`): the median of 5 requests and its query count,
  afresh and kept;
- the CSV export (`/export/assessments.csv`): the streamed body consumed in full, median of
  5, in rows/s and MB/s (1 MB = 1,000,000 bytes).

Pages are requested through Django's test `Client` signed in with `force_login`, so the
figures are the view's own time (middleware, queries, templates) without a web server or
network. A page that is not routed yet is skipped with a message.

Usage (the database is migrated first; existing benchmark rows are replaced):

    DATABASE_URL=sqlite:////tmp/coprod_bench.sqlite3 .venv/bin/python scripts/benchmark.py --rows 10000

    createdb -h 127.0.0.1 -U postgres coprod_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coprod_bench \\
        .venv/bin/python scripts/benchmark.py --rows 10000

It refuses any other database: the name must contain "bench", or the SQLite file must be
under /tmp. The rows are varied but reproducible (a fixed random seed).
"""

import argparse
import os
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coprod_site.settings")

RUNS = 5
SEED = 20260101
HOW_TO_POINT_IT = """\
Point DATABASE_URL at a throwaway database, for example:
  DATABASE_URL=sqlite:////tmp/coprod_bench.sqlite3 .venv/bin/python scripts/benchmark.py
or, for PostgreSQL:
  createdb -h 127.0.0.1 -U postgres coprod_bench
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/coprod_bench .venv/bin/python scripts/benchmark.py
"""


def refuse_unless_throwaway(database: dict) -> None:
    """Exit unless the database is plainly disposable: the script deletes and bulk-loads."""
    name = str(database["NAME"])
    if "sqlite" in database["ENGINE"]:
        path = Path(name).resolve()
        disposable = name != ":memory:" and Path("/tmp").resolve() in path.parents
    else:
        disposable = "bench" in name
    if not disposable:
        sys.exit(f"Refusing to run against the database {name!r}: it may hold real data.\n"
                 f"{HOW_TO_POINT_IT}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000, help="assessments to load")
    parser.add_argument("--batch-size", type=int, default=1_000, help="rows per INSERT")
    parser.add_argument(
        "--save-cost-only",
        action="store_true",
        help="only the cost of the uncertainty run on a 6-option save (no rows loaded)",
    )
    parser.add_argument(
        "--invalidation-cost",
        action="store_true",
        help="only what the data's generation (coprod_site/changes.py) costs a save, a bulk "
        "insert and a kept page (no rows loaded)",
    )
    args = parser.parse_args()

    from django.conf import settings

    refuse_unless_throwaway(settings.DATABASES["default"])

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    print(f"Database: {connection.vendor} {connection.settings_dict['NAME']}")
    print(f"Rows: {args.rows:,}   DEBUG={settings.DEBUG}   Python {sys.version.split()[0]}")
    call_command("migrate", interactive=False, verbosity=0)
    user, service = benchmark_owner()
    # The test Client's host; added here rather than through setup_test_environment(), which
    # would also instrument template rendering and slow every page down.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    if args.save_cost_only:
        measure_uncertainty_cost(service, user)
        return
    if args.invalidation_cost:
        measure_invalidation_cost(service, user)
        return
    load(service, user, args.rows, args.batch_size)
    measure_scoring(service, user)
    measure_uncertainty_cost(service, user)
    small_user, small_service = benchmark_owner(
        "benchmark-small", "Benchmark Small Agency", "benchmark-small-manager"
    )
    load(small_service, small_user, SMALL_PORTFOLIO, args.batch_size)
    measure_dashboard_sizes(small_user, user, args.rows)
    measure_pages(user, args.rows)


def benchmark_owner(slug="benchmark-agency", name="Benchmark Agency", username="benchmark-manager"):
    """A manager of an agency of its own, with one service and no assessments yet."""
    from django.contrib.auth import get_user_model

    from assessments.models import Assessment
    from services.models import Agency, Membership, Role, Service

    agency, _ = Agency.objects.get_or_create(
        slug=slug,
        defaults={
            "name": name,
            "government_level": "local",
            "sector": "health",
            "jurisdiction": "Benchmarkshire",
        },
    )
    user, _ = get_user_model().objects.get_or_create(username=username)
    Membership.objects.get_or_create(user=user, agency=agency, defaults={"role": Role.MANAGER})
    service, _ = Service.objects.get_or_create(
        agency=agency,
        name="Benchmark service",
        defaults={
            "sector": "health",
            "client_type": "beneficiaries",
            "clients_per_year": 10_000,
            "delivery_mode": "in_house",
        },
    )
    Assessment.objects.filter(service__agency=agency).delete()
    return user, service


# --- Loading -------------------------------------------------------------------------------

# Free-text answers as managers write them: a few varied sentences, a few hundred
# characters each. Varied, because PostgreSQL compresses repeated text and the same
# paragraph everywhere would make the rows look narrower than real ones.
SENTENCES = (
    "Volunteers from the neighbourhood give an evening a week to this work, after a short "
    "course run by the service; they keep simple records and meet a coordinator each month.",
    "Parents and carers take on the day-to-day part of the task at home, using the guidance "
    "pack and the short videos we made with the families who tried it first last spring.",
    "Most of the people taking part heard about it from a neighbour or at the surgery, and a "
    "good number stay on for two or three years because they like the company of the group.",
    "Our staff train new people, lend the equipment and check the results every quarter; "
    "without that support the quality drops quickly, especially in the outlying villages.",
    "The work saves our teams travelling time and reaches people who would never ring the "
    "office, although it depends on a handful of committed organisers in each area.",
    "We pay travel expenses and give a small voucher at the end of the year, but people say "
    "that is not why they do it; they want the service to be there for their own families.",
    "Results are patchier where fewer people have the time or confidence to take part, so "
    "the council tops up those wards with paid staff and a weekly drop-in session.",
    "Clients tell us they trust advice from someone who has been through the same thing far "
    "more than a leaflet from the agency, and they are more likely to follow it through.",
)


def text_answers(rng: random.Random) -> dict:
    """The 11 free-text answers, each two or three sentences (about 350-530 characters)."""
    from assessments.models import TEXT_FIELDS  # after django.setup()

    return {name: " ".join(rng.sample(SENTENCES, rng.randint(2, 3))) for name in TEXT_FIELDS}


def answers(rng: random.Random) -> dict:
    """One varied, complete set of answers: mostly optional co-production, some necessary,
    some design-only (participation)."""
    phases = ["delivery"] if rng.random() > 0.05 else ["design"]
    values = {
        "co_producer_types": rng.sample(["clients", "citizens", "volunteers", "families"], 2),
        "level": rng.choice(["individual", "group", "collective"]),
        "phases": phases,
        "work_relation": rng.choice(["adds", "replaces"]),
        "agency_contributions": ["training", "information"],
        "co_producer_contributions": ["time", "effort"],
        "timing": rng.choice(["simultaneous", "sequential"]),
        "co_producers_per_year": rng.randint(20, 2_000),
        "hours_per_co_producer": Decimal(rng.randint(2, 80)),
        "private_value_strength": rng.randint(0, 4),
        "public_value_strength": rng.randint(0, 4),
        "necessity": "necessary" if rng.random() < 0.1 else "optional",
        "material_rewards_offered": rng.random() < 0.3,
        "expertise_required": rng.randint(0, 4),
        "co_producer_capability": rng.randint(0, 4),
        "capability_varies_by_area": rng.random() < 0.3,
        "special_assets": rng.sample(["trust", "local_knowledge", "skills", "location"], 1),
        "burden_on_vulnerable": rng.random() < 0.2,
        "hourly_rate": Decimal("20.00"),
        "appraisal_years": 5,
        "discount_rate": Decimal("3.50"),
        "willingness_to_pay": None if rng.random() < 0.3 else Decimal(rng.choice([1, 2, 5])),
    }
    for motivator in ("material", "intrinsic", "social", "normative", "sanctions"):
        values[f"{motivator}_motivation"] = rng.randint(0, 4)
    return values


def option_answers(rng: random.Random, count: int) -> list[dict]:
    """`count` options: the comparator second, the rest co-produced, costs and ratings spread
    so every quadrant occurs."""
    clients = rng.choice([200, 1_000, 5_000])
    options = []
    for position in range(1, count + 1):
        comparator = position == 2
        options.append(
            {
                "position": position,
                "name": "In-house professionals" if comparator else f"Way {position}",
                "co_produced": not comparator,
                "comparator": comparator,
                "setup_cost": Decimal(rng.randint(0, 10) * 1_000),
                "annual_agency_cost": Decimal(
                    int((60_000 if comparator else 20_000) * rng.uniform(0.3, 2.0))
                ),
                "hours_per_client": Decimal(0 if comparator else rng.randint(0, 300)) / 100,
                "money_per_client": Decimal(0 if comparator else rng.randint(0, 50)) / 100,
                "clients_per_year": clients,
                "ramp_up_years": rng.choice([None, None, 2, 3]),
                "confidence": rng.choice(["high", "medium", "low"]),
                **{
                    rating: rng.randint(2, 5)
                    for rating in ("effectiveness", "consistency", "trust", "experience")
                },
            }
        )
    return options


def load(service, user, rows: int, batch_size: int) -> None:
    from django.db import transaction
    from django.utils import timezone

    from assessments.models import Assessment, AssessmentText, Option

    rng = random.Random(SEED)
    # A separate generator for the text, so the scored answers stay as they were.
    text_rng = random.Random(SEED + 1)
    now = timezone.now()
    assessments, texts, option_sets = [], [], []
    for number in range(rows):
        submitted = rng.random() < 0.8
        assessments.append(
            Assessment(
                service=service,
                author=user,
                title=f"Benchmark arrangement {number + 1}",
                status="submitted" if submitted else "draft",
                submitted_at=now if submitted else None,
                **answers(rng),
            )
        )
        option_sets.append(option_answers(rng, rng.choice([2, 2, 3, 4])))

    started = time.perf_counter()
    with transaction.atomic():
        Assessment.objects.bulk_create(assessments, batch_size=batch_size)
        options = [
            [Option(assessment=assessment, **values) for values in option_set]
            for assessment, option_set in zip(assessments, option_sets, strict=True)
        ]
        Option.objects.bulk_create(
            [option for group in options for option in group], batch_size=batch_size
        )
        texts = [
            AssessmentText(assessment=assessment, **text_answers(text_rng))
            for assessment in assessments
        ]
        AssessmentText.objects.bulk_create(texts, batch_size=batch_size)
    inserted = time.perf_counter() - started

    started = time.perf_counter()
    for assessment, group in zip(assessments, options, strict=True):
        assessment.adopt_options(group)
        assessment.refresh_results()
    scored = time.perf_counter() - started

    started = time.perf_counter()
    with transaction.atomic():
        # bulk_update writes a CASE per field and row: smaller batches keep each statement quick.
        Assessment.objects.bulk_update(assessments, Assessment.RESULT_FIELDS, batch_size=200)
        Option.objects.bulk_update(
            [option for group in options for option in group],
            Option.RESULT_FIELDS,
            batch_size=200,
        )
    stored = time.perf_counter() - started

    option_count = sum(len(group) for group in options)
    print(f"\nBulk loading ({option_count:,} options)")
    print(f"  bulk_create:      {rows / inserted:>10,.0f} assessments/s   ({inserted:.2f} s)")
    print(f"  score:            {rows / scored:>10,.0f} assessments/s   ({scored:.2f} s)")
    print(f"  store results:    {rows / stored:>10,.0f} assessments/s   ({stored:.2f} s)")
    settle()


def settle() -> None:
    """Bring the planner's statistics up to date, as the database's own maintenance does
    soon after a load in a running system (PostgreSQL's autovacuum; SQLite needs ANALYZE
    to have any). Measured straight after a bulk load and a bulk update, PostgreSQL still
    plans for the empty table and every updated row as a dead tuple: the dashboard at
    10,000 assessments read 11,390 heap blocks for 8,016 rows and guessed 287 rows where
    there were 76,583 index entries, which nearly doubled its time."""
    from django.db import connection

    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    print(f"  vacuum/analyze:   {time.perf_counter() - started:>10.2f} s")


def measure_scoring(service, user) -> None:
    """Scoring time per save, at 2 and at 6 options: the pure scoring alone, and a whole
    save of an option's page through the app (form, scoring, the two UPDATEs)."""
    from django.test import Client

    from assessments.models import Assessment, Option

    rng = random.Random(SEED + 2)
    client = Client()
    client.force_login(user)
    print(f"\nScoring per save  (median of {RUNS * 10} runs)")
    for count in (2, 6):
        assessment = Assessment.objects.create(
            service=service, author=user, title=f"Scoring with {count} options", **answers(rng)
        )
        assessment.add_options(
            [Option(**values) for values in option_answers(rng, count)]
        )  # fmt: skip
        assessment.save()
        timings = []
        for _ in range(RUNS * 10):
            started = time.perf_counter()
            assessment.refresh_results()
            timings.append(time.perf_counter() - started)
        score_ms = statistics.median(timings) * 1000

        option = assessment.ordered_options[0]
        url = f"/assessments/{assessment.code}/options/{option.code}/"
        data = {
            "name": option.name,
            "co_produced": "True",
            "setup_cost": "5,000",
            "annual_agency_cost": "20k",
            "clients_per_year": str(option.clients_per_year),
            "confidence": "medium",
        }
        timings = []
        for _ in range(RUNS * 10):
            data["version"] = Assessment.objects.values_list("version", flat=True).get(
                pk=assessment.pk
            )
            started = time.perf_counter()
            response = client.post(url, data)
            timings.append(time.perf_counter() - started)
            assert response.status_code == 302, response.status_code
        save_ms = statistics.median(timings) * 1000
        print(
            f"  {count} options:  scoring {score_ms:6.2f} ms   whole save of an option page "
            f"{save_ms:6.1f} ms"
        )


def measure_uncertainty_cost(service, user, runs: int = 60) -> None:
    """A wizard save's server time at 6 options with and without the Monte Carlo run (with
    it: the draws, the curve and losses, the values of perfect and partial information,
    the break-even values and scenarios, the tornado and its switching values), interleaved
    (with, without, with, ...) so that a slow moment hits both alike."""
    from django.test import Client

    from assessments.models import Assessment, Option
    from assessments.scoring import Uncertainty, appraisal

    rng = random.Random(SEED + 3)
    client = Client()
    client.force_login(user)
    assessment = Assessment.objects.create(
        service=service, author=user, title="Uncertainty cost", **answers(rng)
    )
    assessment.willingness_to_pay = Decimal("2")
    assessment.add_options([Option(**values) for values in option_answers(rng, 6)])
    assessment.save()
    option = assessment.ordered_options[0]
    url = f"/assessments/{assessment.code}/options/{option.code}/"
    data = {
        "name": option.name,
        "co_produced": "True",
        "setup_cost": "5,000",
        "annual_agency_cost": "20k",
        "clients_per_year": str(option.clients_per_year),
        "confidence": "medium",
    }
    simulate = appraisal.simulate

    def without_run(inputs, options, single_estimate_best):
        """The same result shape, but no draws: the option best on the single estimates
        best in every one, and nothing else worked out (no curve, losses, values of
        information, break-even values or tornado)."""
        probabilities = tuple(float(index == single_estimate_best) for index in range(len(options)))
        return Uncertainty(draws=0, seed=0, probability_best=probabilities)

    timings = {"with": [], "without": []}
    try:
        for _ in range(runs):
            for mode in ("with", "without"):
                appraisal.simulate = simulate if mode == "with" else without_run
                data["version"] = Assessment.objects.values_list("version", flat=True).get(
                    pk=assessment.pk
                )
                started = time.perf_counter()
                response = client.post(url, data)
                timings[mode].append(time.perf_counter() - started)
                assert response.status_code == 302, response.status_code
    finally:
        appraisal.simulate = simulate
    with_ms = statistics.median(timings["with"]) * 1000
    without_ms = statistics.median(timings["without"]) * 1000
    print(f"\nA save of an option page at 6 options  (median of {runs}, interleaved)")
    print(f"  with the uncertainty run:     {with_ms:6.1f} ms")
    print(f"  without it:                   {without_ms:6.1f} ms")
    print(f"  ratio:                        {with_ms / without_ms:6.2f}x   (target: at most 2x)")


def measure_invalidation_cost(service, user, saves: int = 100, rounds: int = 3) -> None:
    """What keeping the data's generation in the database costs (coprod_site/changes.py):
    a small save (a transaction updating an assessment and its options) timed with the
    triggers on every watched table and with none, from 1, 2 and 4 threads at once (1 on
    SQLite, which has one writer), in alternating rounds so that a slow moment hits both
    alike; a bulk insert of 1,000 rows the same way; what the earlier design paid per
    committed save instead (one cache write); and a kept dashboard: its median time and
    queries, and the one query for the generation alone. The triggers are put back
    however it ends."""
    import secrets
    import threading

    from django.core.cache import cache
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from assessments.models import Assessment, Option
    from coprod_site import changes
    from services.models import Agency

    rng = random.Random(SEED + 4)
    threads = (1, 2, 4) if connection.vendor == "postgresql" else (1,)
    drafts = []
    for number in range(max(threads)):
        assessment = Assessment.objects.create(
            service=service, author=user, title=f"Invalidation {number}", **answers(rng)
        )
        assessment.add_options([Option(**values) for values in option_answers(rng, 4)])
        drafts.append(assessment.pk)

    def save(pk: int, number: int) -> None:
        with transaction.atomic():
            Assessment.objects.filter(pk=pk).update(title=f"Invalidation save {number}")
            Option.objects.filter(assessment_id=pk).update(setup_cost=number)

    def saving(pk: int, timings: list) -> None:
        try:
            for number in range(saves):
                started = time.perf_counter()
                save(pk, number)
                timings.append(time.perf_counter() - started)
        finally:
            connection.close()  # this thread's own

    def concurrent(count: int) -> tuple[float, float]:
        """(median seconds a save, saves a second) with `count` threads saving at once."""
        timings: list[float] = []
        workers = [threading.Thread(target=saving, args=(pk, timings)) for pk in drafts[:count]]
        started = time.perf_counter()
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        return statistics.median(timings), len(timings) / (time.perf_counter() - started)

    def bulk() -> float:
        agencies = [
            Agency(name=f"Bulk {secrets.token_hex(6)}", slug=secrets.token_hex(6),
                   government_level="local", sector="health")
            for _ in range(1_000)
        ]  # fmt: skip
        started = time.perf_counter()
        with transaction.atomic():
            Agency.objects.bulk_create(agencies)
        elapsed = time.perf_counter() - started
        Agency.objects.filter(name__startswith="Bulk ").delete()
        return elapsed

    results = {mode: {count: [] for count in threads} for mode in ("with", "without")}
    bulks = {"with": [], "without": []}
    try:
        for _ in range(rounds):
            for mode in ("with", "without"):
                changes.sync_triggers(tables=None if mode == "with" else ())
                for count in threads:
                    results[mode][count].append(concurrent(count))
                bulks[mode].extend(bulk() for _ in range(3))
    finally:
        changes.sync_triggers()

    print(f"\nThe data's generation in the database  ({saves} saves a thread, {rounds} rounds)")
    print("  a save: one transaction, UPDATE an assessment and its 4 options")
    for count in threads:
        line = []
        for mode in ("with", "without"):
            median = statistics.median(run[0] for run in results[mode][count]) * 1000
            rate = statistics.median(run[1] for run in results[mode][count])
            line.append(f"{mode} triggers {median:6.2f} ms, {rate:7,.0f} saves/s")
        print(f"  {count} thread{'s' if count > 1 else ' '}:  " + "   ".join(line))
    with_bulk, without_bulk = (statistics.median(bulks[mode]) * 1000 for mode in bulks)
    print(
        f"  bulk insert of 1,000 rows: with triggers {with_bulk:6.1f} ms, without "
        f"{without_bulk:6.1f} ms"
    )

    timings = []
    for _ in range(RUNS * 20):
        started = time.perf_counter()
        cache.set("benchmark-generation", secrets.token_hex(8), None)
        timings.append(time.perf_counter() - started)
    print(
        "  before: each committed save published a generation, one cache write: "
        f"{statistics.median(timings) * 1000:.2f} ms"
    )

    client = Client()
    client.force_login(user)
    client.get("/")  # kept now
    timings, counts = [], []
    for _ in range(RUNS * 4):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            assert client.get("/").status_code == 200
            timings.append(time.perf_counter() - started)
        counts.append(len(queries))
    reads = []
    for _ in range(RUNS * 20):
        started = time.perf_counter()
        changes.generation()
        reads.append(time.perf_counter() - started)
    print(
        f"  a kept dashboard: {statistics.median(timings) * 1000:.1f} ms, {counts[-1]} queries, "
        f"of which the generation's {statistics.median(reads) * 1000:.3f} ms"
    )


# --- Pages ---------------------------------------------------------------------------------


def routed(path: str) -> bool:
    from django.urls import Resolver404, resolve

    try:
        resolve(path)
    except Resolver404:
        return False
    return True


def timed_get(client, path: str, *, afresh: bool = False):
    """(seconds, response, queries captured, bytes in the body) for one GET. `afresh`:
    as if the data had just changed, so that no kept page is served (a kept dashboard
    measures the cache, not the aggregates)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from coprod_site.changes import new_generation

    if afresh:
        new_generation()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(path)
        size = 0
        if response.streaming:
            for chunk in response.streaming_content:
                size += len(chunk)
        else:
            size = len(response.content)
        elapsed = time.perf_counter() - started
    response.close()
    return elapsed, response, queries.captured_queries, size


def median_of_runs(client, path: str, *, afresh: bool = False):
    """Median seconds, the slowest query's median seconds, query count, bytes; or None
    (with a message) when the page is not there or does not answer 200."""
    if not routed(path):
        print(f"  skipped: {path} is not routed yet")
        return None
    _, response, _, _ = timed_get(client, path)  # warm up: imports, templates, caches
    if response.status_code != 200:
        print(f"  skipped: {path} answered {response.status_code}, not 200")
        return None
    runs = [timed_get(client, path, afresh=afresh) for _ in range(RUNS)]
    seconds = statistics.median(run[0] for run in runs)
    slowest = statistics.median(max((float(q["time"]) for q in run[2]), default=0) for run in runs)
    return seconds, slowest, len(runs[-1][2]), runs[-1][3]


SMALL_PORTFOLIO = 100


def measure_dashboard_sizes(small_user, big_user, rows: int, runs: int = 30) -> None:
    """The dashboard worked out afresh for a manager of 100 assessments and for one of
    `rows`, the two requests interleaved so that a slow moment hits both alike."""
    from django.test import Client

    clients = {}
    for label, user in ((f"{SMALL_PORTFOLIO:,}", small_user), (f"{rows:,}", big_user)):
        client = Client()
        client.force_login(user)
        timed_get(client, "/")  # warm up
        clients[label] = client
    timings = {label: [] for label in clients}
    for _ in range(runs):
        for label, client in clients.items():
            timings[label].append(timed_get(client, "/", afresh=True))
    print(f"\nDashboard  /  by portfolio size, worked out afresh (median of {runs}, interleaved)")
    medians = {}
    for label, results in timings.items():
        seconds = statistics.median(result[0] for result in results)
        medians[label] = seconds
        _, response, queries, size = results[-1]
        assert response.status_code == 200, response.status_code
        print(
            f"  {label:>7} assessments: {seconds * 1000:7.1f} ms   {len(queries)} queries   "
            f"{size / 1000:6.1f} KB"
        )
    if len(medians) < 2:
        # --rows of the small portfolio's size: the two are one, so there is no ratio.
        return
    small, big = medians.values()
    print(
        f"  ratio: {big / small:.2f}x   (targets on PostgreSQL: at most 3x, 300 KB; 17 queries: "
        "10 for the figures, 7 to keep the page)"
    )


def measure_pages(user, rows: int) -> None:
    from django.test import Client

    client = Client()
    client.force_login(user)

    for path, page in (("/", "Dashboard"), ("/assessments/", "Assessment list")):
        for kept in (False, True):
            how = "kept, the data unchanged" if kept else "worked out afresh, the data changed"
            print(f"\n{page}  {path}  {how} (median of {RUNS})")
            if figures := median_of_runs(client, path, afresh=not kept):
                seconds, slowest, queries, _ = figures
                print(
                    f"  {seconds * 1000:8.1f} ms   {queries} queries   "
                    f"slowest query {slowest * 1000:.1f} ms"
                )

    for export in ("assessments", "options"):
        print(f"\nCSV export  /export/{export}.csv  (median of {RUNS}, body consumed)")
        if figures := median_of_runs(client, f"/export/{export}.csv"):
            seconds, _, queries, size = figures
            print(
                f"  {seconds * 1000:8.1f} ms   {rows / seconds:,.0f} assessments/s   "
                f"{size / seconds / 1_000_000:.1f} MB/s   {size / 1_000_000:.2f} MB   "
                f"{queries} queries"
            )


if __name__ == "__main__":
    main()
