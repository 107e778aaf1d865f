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

With `--national` (PostgreSQL only) it measures one installation for a whole country
instead: a small agency's pages (27 assessments) alone in the installation, then again
after 499 other agencies are loaded beside it (most with tens of assessments, a few with
thousands, one with 50,000: 100,000 in all, each with its 2 to 4 options), and prints
each page's time in both, their ratio (target: at most 1.5x) and the rows its queries'
plans read (EXPLAIN (ANALYZE, BUFFERS) of each of the page's queries). `--scale 0.05`
loads a twentieth of the other agencies' rows, to check it quickly; it empties the
assessments tables first:

    createdb -h 127.0.0.1 -U postgres coprod_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coprod_bench \\
        .venv/bin/python scripts/benchmark.py --national
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
    parser.add_argument(
        "--sizes-only",
        action="store_true",
        help="only the dashboard's 10,000/100 comparison, on the rows an earlier run loaded "
        "(nothing loaded: quick to repeat on a quiet machine)",
    )
    parser.add_argument(
        "--national",
        action="store_true",
        help="a small agency's pages alone and among 500 agencies holding 100,000 "
        "assessments (PostgreSQL)",
    )
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="with --national: the share of the other agencies' rows to load (0.05: 5,000)",
    )
    args = parser.parse_args()

    from django.conf import settings

    refuse_unless_throwaway(settings.DATABASES["default"])

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    print(f"Database: {connection.vendor} {connection.settings_dict['NAME']}")
    rows = f"national, scale {args.scale:g}" if args.national else f"{args.rows:,}"
    print(f"Rows: {rows}   DEBUG={settings.DEBUG}   Python {sys.version.split()[0]}")
    call_command("migrate", interactive=False, verbosity=0)
    if args.national:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        national(args.scale, args.batch_size)
        return
    if args.sizes_only:
        from django.contrib.auth import get_user_model

        # The managers as a full run left them: benchmark_owner() would empty their
        # agencies (a full run replaces its rows).
        users = get_user_model().objects
        small = users.get(username="benchmark-small-manager")
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        measure_dashboard_sizes(small, users.get(username="benchmark-manager"), args.rows)
        return
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
        f"  ratio: {big / small:.2f}x   (targets on PostgreSQL: at most 3x, 300 KB; 19 queries: "
        "12 for the figures, 7 to keep the page)"
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


# --- One installation for a whole country --------------------------------------------------

NATIONAL_AGENCIES = 500
SMALL_AGENCY_ROWS = 27  # as the manager's in issue 25
NATIONAL_RUNS = 11


def national_spread(scale: float, rng: random.Random) -> list[int]:
    """The other 499 agencies' numbers of assessments, 100,000 in all with the small
    agency's 27 at full scale: one with 50,000, nine with 2,000, forty with 300, and the
    rest tens each (10 to 80); each scaled, and at least one."""
    rest = NATIONAL_AGENCIES - 1 - 1 - 9 - 40
    tens = [rng.randint(10, 80) for _ in range(rest)]
    # The tens add up to what is left of 100,000.
    left = 100_000 - SMALL_AGENCY_ROWS - 50_000 - 9 * 2_000 - 40 * 300
    tens = [max(1, round(count * left / sum(tens))) for count in tens]
    spread = [50_000, *[2_000] * 9, *[300] * 40, *tens]
    return [max(1, round(count * scale)) for count in spread]


def national(scale: float, batch_size: int) -> None:
    from django.contrib.auth import get_user_model
    from django.db import connection

    from services.models import Agency, Membership, Role, Service

    if connection.vendor != "postgresql":
        sys.exit("--national measures PostgreSQL's plans: point DATABASE_URL at PostgreSQL.")
    rng = random.Random(SEED + 5)
    with connection.cursor() as cursor:
        # Every assessment and what hangs from it (options, answers, surveys, outcomes).
        cursor.execute("TRUNCATE assessments_assessment RESTART IDENTITY CASCADE")
    others = Agency.objects.filter(slug__startswith="national-").exclude(slug="national-small")
    Service.objects.filter(agency__in=others).delete()
    others.delete()
    author, _ = get_user_model().objects.get_or_create(username="national-author")
    manager, small = benchmark_owner("national-small", "National Small Agency", "national-manager")
    templates = scored_templates(small, rng)
    print(f"Templates: {len(templates)} assessments scored, copied for the rest")

    load_copies([(small, manager, SMALL_AGENCY_ROWS)], templates, rng, batch_size)
    # Some written answers for the small agency's own rows (the report shows them).
    text_rng = random.Random(SEED + 6)
    from assessments.models import Assessment, AssessmentText

    AssessmentText.objects.bulk_create(
        [
            AssessmentText(assessment_id=pk, **text_answers(text_rng))
            for pk in Assessment.objects.filter(agency=small.agency).values_list("pk", flat=True)
        ]
    )
    spread_update_times()
    settle()
    alone = measure_small_agency(manager, "alone in the installation")

    spread = national_spread(scale, rng)
    agencies = Agency.objects.bulk_create(
        [
            Agency(
                name=f"National agency {number:03}",
                slug=f"national-{number:03}",
                government_level="local",
                sector=rng.choice(["health", "education", "social_care", "transport"]),
                jurisdiction="Nationshire",
            )
            for number in range(1, len(spread) + 1)
        ]
    )
    services = Service.objects.bulk_create(
        [
            Service(
                agency=agency,
                name="National service",
                sector=agency.sector,
                client_type="beneficiaries",
                clients_per_year=5_000,
                delivery_mode="in_house",
            )
            for agency in agencies
        ]
    )
    Membership.objects.bulk_create(
        [Membership(user=author, agency=agency, role=Role.MANAGER) for agency in agencies]
    )
    started = time.perf_counter()
    load_copies(
        [(service, author, count) for service, count in zip(services, spread, strict=True)],
        templates,
        rng,
        batch_size,
    )
    print(
        f"\nLoaded {sum(spread):,} assessments in {len(agencies)} other agencies "
        f"(largest {max(spread):,}) in {time.perf_counter() - started:.1f} s"
    )
    spread_update_times()
    settle()
    among = measure_small_agency(manager, f"among {len(agencies) + 1} agencies")
    print(f"\nRatio: the small agency among {len(agencies) + 1} agencies against alone")
    print(f"  {'page':<22} {'alone ms':>9} {'among ms':>9} {'ratio':>6}   rows read (alone, among)")
    for page, (seconds, rows, _) in among.items():
        before_seconds, before_rows, _ = alone[page]
        ratio = seconds / before_seconds
        flag = "" if ratio <= 1.5 else "   over the 1.5x target"
        print(
            f"  {page:<22} {before_seconds * 1000:9.1f} {seconds * 1000:9.1f} {ratio:5.2f}x   "
            f"{before_rows:,} -> {rows:,}{flag}"
        )


def scored_templates(service, rng: random.Random, count: int = 40) -> list[dict]:
    """`count` assessments scored once (unsaved), as column values to copy: their answers
    and results, their options', and which of their options each result names."""
    from django.utils import timezone

    from assessments.models import Assessment, Option

    result_keys = [
        field
        for field in Assessment._meta.concrete_fields
        if field.name in Assessment.RESULT_FIELDS and field.is_relation
    ]
    skipped = {"id", "code", "agency", "service", "author", "title", "revision_of"}
    templates = []
    for _ in range(count):
        submitted = rng.random() < 0.8
        assessment = Assessment(
            service=service,
            title="",
            status="submitted" if submitted else "draft",
            submitted_at=timezone.now() if submitted else None,
            **answers(rng),
        )
        options = [Option(**values) for values in option_answers(rng, rng.choice([2, 2, 3, 4]))]
        assessment.adopt_options(options)
        assessment.refresh_results()
        if submitted:
            assessment.currency = service.agency.currency
        picks = {}
        for field in result_keys:
            picked = getattr(assessment, field.name)
            picks[field.attname] = None if picked is None else options.index(picked)
        templates.append(
            {
                "assessment": {
                    field.attname: getattr(assessment, field.attname)
                    for field in Assessment._meta.concrete_fields
                    if field.name not in skipped and field not in result_keys
                },
                "picks": picks,
                "options": [
                    {
                        field.attname: getattr(option, field.attname)
                        for field in Option._meta.concrete_fields
                        if field.name not in ("id", "code", "assessment", "agency")
                    }
                    for option in options
                ],
            }
        )
    return templates


def load_copies(wanted, templates, rng: random.Random, batch_size: int) -> None:
    """For each (service, author, count) in `wanted`, `count` copies of the templates, with
    their options, ids given here so that each result names its own copy's options (the
    foreign keys are checked at the commit). In batches of `batch_size` assessments."""
    import uuid

    from django.db import connection, transaction

    from assessments.models import Assessment, Option

    with connection.cursor() as cursor:
        cursor.execute("SELECT COALESCE(MAX(id), 0) FROM assessments_assessment")
        next_assessment = cursor.fetchone()[0] + 1
        cursor.execute("SELECT COALESCE(MAX(id), 0) FROM assessments_option")
        next_option = cursor.fetchone()[0] + 1

    def rows():
        for service, author, count in wanted:
            for number in range(count):
                yield service, author, number

    batch = []

    def flush():
        nonlocal next_assessment, next_option
        assessments, options = [], []
        for service, author, number in batch:
            template = rng.choice(templates)
            first_option = next_option
            assessments.append(
                Assessment(
                    id=next_assessment,
                    code=uuid.uuid4(),
                    service_id=service.pk,
                    agency_id=service.agency_id,
                    author_id=author.pk,
                    title=f"{service.agency.name}: arrangement {number + 1}",
                    **template["assessment"],
                    **{
                        key: None if index is None else first_option + index
                        for key, index in template["picks"].items()
                    },
                )
            )
            for values in template["options"]:
                options.append(
                    Option(
                        id=next_option,
                        code=uuid.uuid4(),
                        assessment_id=next_assessment,
                        agency_id=service.agency_id,
                        **values,
                    )
                )
                next_option += 1
            next_assessment += 1
        with transaction.atomic():
            Assessment.objects.bulk_create(assessments, batch_size=batch_size)
            Option.objects.bulk_create(options, batch_size=batch_size)
        batch.clear()

    for row in rows():
        batch.append(row)
        if len(batch) >= batch_size * 5:
            flush()
    if batch:
        flush()
    with connection.cursor() as cursor:
        for table in ("assessments_assessment", "assessments_option"):
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT MAX(id) FROM {table}))"
            )


def spread_update_times() -> None:
    """Changed over the past year, not all this second, as in a live installation (the
    list and the watch lists order by the latest change)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE assessments_assessment SET updated_at = now() - random() * interval '365 days'"
        )


def rows_read(node: dict) -> int:
    """The rows a plan's scans read: those they returned and those they filtered out, for
    each of their loops."""
    scans = ("Seq Scan", "Index Scan", "Index Only Scan", "Bitmap Heap Scan", "Tid Scan")
    read = 0
    if node["Node Type"] in scans:
        examined = (
            node.get("Actual Rows", 0)
            + node.get("Rows Removed by Filter", 0)
            + node.get("Rows Removed by Index Recheck", 0)
        )
        read += examined * node.get("Actual Loops", 1)
    return read + sum(rows_read(child) for child in node.get("Plans", []))


def explained(statements) -> tuple[int, int]:
    """(rows read, buffers) over the plans of `statements` (SQL and params), each run with
    EXPLAIN (ANALYZE, BUFFERS)."""
    import json

    from django.db import connection

    rows, buffers = 0, 0
    with connection.cursor() as cursor:
        for sql, params in statements:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {sql}", params)
            plan = cursor.fetchone()[0]
            plan = (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]
            rows += rows_read(plan)
            buffers += plan.get("Shared Hit Blocks", 0) + plan.get("Shared Read Blocks", 0)
    return rows, buffers


def measure_small_agency(manager, where: str) -> dict:
    """The small agency manager's pages: the median time of NATIONAL_RUNS requests, and the
    rows read and buffers of the plans of the queries of one request; by page."""
    from django.test import Client

    from assessments.access import assessments_for
    from coprod_site import csv_export

    report = assessments_for(manager).filter(status="submitted").order_by("pk").first()
    pages = [
        ("dashboard, afresh", "/", True),
        ("dashboard, kept", "/", False),
        ("list, afresh", "/assessments/", True),
        ("list, kept", "/assessments/", False),
        ("report, afresh", report.get_absolute_url(), True),
        ("assessments.csv", "/export/assessments.csv", False),
        ("options.csv", "/export/options.csv", False),
        ("budget.csv", "/export/budget.csv", False),
    ]
    client = Client()
    client.force_login(manager)
    copied = []  # the querysets the exports stream through COPY, which Django does not log
    streaming_copy = csv_export.copy_csv

    def noting_copy(rows):
        copied.append(rows)
        return streaming_copy(rows)

    csv_export.copy_csv = noting_copy
    results = {}
    print(
        f"\nThe small agency's pages, {where} (median of {NATIONAL_RUNS}, of "
        f"{NATIONAL_RUNS * 5} when kept)"
    )
    print(f"  {'page':<22} {'ms':>8} {'queries':>8} {'rows read':>10} {'buffers':>8}")
    try:
        for page, path, afresh in pages:
            for _ in range(3):  # warm up (imports, templates, the buffers), and keep the page
                timed_get(client, path)
            # A kept page takes a few milliseconds: more runs, so a busy moment counts less.
            count = NATIONAL_RUNS * (1 if afresh else 5)
            runs = [timed_get(client, path, afresh=afresh) for _ in range(count)]
            seconds = statistics.median(run[0] for run in runs)
            assert runs[-1][1].status_code == 200, (path, runs[-1][1].status_code)
            copied.clear()
            _, _, queries, _ = timed_get(client, path, afresh=afresh)
            statements = [
                (query["sql"], None)
                for query in queries
                if query["sql"].lstrip().upper().startswith(("SELECT", "WITH"))
            ]
            statements += [rows.query.get_compiler(using=rows.db).as_sql() for rows in copied]
            rows, buffers = explained(statements)
            results[page] = (seconds, rows, buffers)
            print(
                f"  {page:<22} {seconds * 1000:8.1f} {len(queries) + len(copied):>8} "
                f"{rows:>10,} {buffers:>8,}"
            )
    finally:
        csv_export.copy_csv = streaming_copy
    return results


if __name__ == "__main__":
    main()
