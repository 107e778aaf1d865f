"""Run Coprod on two gunicorn servers sharing one PostgreSQL, and put them under load.

Not a test: it prints figures for a person to read, and says whether the run met its
targets (no failed request, no saved answer lost). It proves that nothing lives in the
app process: every simulated user alternates between the two servers request by
request, so each sign-in, session, form token and draft it saves crosses from one to the
other.

1. Migrates the database and loads N assessments with `scripts/benchmark.py`'s loader,
   then brings the planner's statistics up to date (`VACUUM ANALYZE`). Makes a manager
   account for each simulated manager, and opens a survey of one assessment.
2. Collects the static files and starts two gunicorn servers in production mode
   (DEBUG=false) on 127.0.0.1, two workers each.
3. Runs locust headless for a fixed time (`scripts/locustfile.py`):
   - managers sign in, start a draft of their own, then browse the dashboard and the
     assessment list, read reports, save a wizard page (a real form post carrying the
     draft's version, each save writing a value of its own) and download CSV exports;
   - a burst of co-producers answering the survey from their phones: by default 200 in
     about a minute, each phone with its own cookies and its own address (sent in
     X-Forwarded-For, as the proxy in front of the servers would; the servers trust
     127.0.0.1, where locust connects from, as that proxy), so neither the
     one-answer-per-browser cookie nor the per-address throttle refuses them.
4. Stops the servers, then prints requests per second, median and 95th percentile times
   and errors for each kind of request, and checks the database: every draft holds the
   last value its manager's save was acknowledged with, and its version moved on once per
   acknowledged save (no save lost, none made twice); the survey holds exactly the answers
   that were acknowledged.

With --agencies N the managers are those of N agencies of one installation, one manager
each (as many as there are agencies, unless --managers says otherwise), every agency with
its own service and its share of the assessments: each manager saves and reads their own
agency's pages only, so a save in one agency leaves the others' kept pages kept
(coprod_site/changes.py). It then prints, too, the share of the dashboards, lists and
reports that were served kept (the servers say so in each answer's `X-Kept-Page`).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coprod_load \\
        .venv-load/bin/python scripts/load.py --agencies 50 --rows 5000

With --throughput it measures instead how many signed-in dashboards one server
(`gunicorn -w 2`) serves a second, against its `/healthz`, with a simple concurrent
client (the issue's target: the dashboard at least 0.15 of /healthz).

Usage (`make install-load` puts locust and the app in .venv-load):

    make install-load
    createdb -h 127.0.0.1 -U postgres coprod_load
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coprod_load .venv-load/bin/python scripts/load.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coprod_load \\
        .venv-load/bin/python scripts/load.py --throughput
    dropdb -h 127.0.0.1 -U postgres coprod_load

It refuses any database but a PostgreSQL one whose name contains "load", as it deletes
and bulk-loads. Existing load rows are replaced, so it can be run again on the same
database. Every server it starts is stopped by its process id when it ends, also on
failure or Ctrl-C.
"""

import argparse
import contextlib
import csv
import http.client
import json
import os
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
SCRIPTS_DIR = PROJECT_DIR / "scripts"
sys.path.insert(0, str(PROJECT_DIR))
sys.path.insert(0, str(SCRIPTS_DIR))
BIN = Path(sys.executable).parent  # gunicorn and locust beside this Python (.venv-load)
HOST = "127.0.0.1"
AGENCY = ("load-agency", "Load Agency")
PASSWORD = "load-test-" + secrets.token_urlsafe(12)
HOW_TO_POINT_IT = """\
Point DATABASE_URL at a throwaway PostgreSQL database whose name contains "load":
  createdb -h 127.0.0.1 -U postgres coprod_load
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/coprod_load .venv-load/bin/python scripts/load.py
"""


def server_environment(database_url: str) -> dict:
    """Production mode, served over plain HTTP on this machine, behind one (simulated)
    proxy that adds the client's address to X-Forwarded-For."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "SECRET_KEY": "load-" + secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": HOST,
        # No TLS here: no redirect to HTTPS. Cookies stay Secure, as in production; the
        # load client sends them to the loopback address as browsers do (locustfile.py).
        "SECURE_SSL_REDIRECT": "false",
        "TRUSTED_PROXIES": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
    }


def refuse_unless_throwaway(database: dict) -> None:
    name = str(database["NAME"])
    if "postgresql" not in database["ENGINE"]:
        sys.exit(f"The load test runs on PostgreSQL, not {database['ENGINE']}.\n{HOW_TO_POINT_IT}")
    if "load" not in name:
        sys.exit(f"Refusing to run against the database {name!r}: it may hold real data.\n"
                 f"{HOW_TO_POINT_IT}")  # fmt: skip


# --- The data ------------------------------------------------------------------------------


def prepare(rows: int, managers: int, agencies: int = 1) -> dict:
    """Migrate, load `rows` assessments and make `managers` sign-ins; what the simulated
    users need to know, as a plan for the locustfile. With `agencies` above one, the
    managers are spread over that many agencies, each with its share of the rows."""
    import django

    django.setup()
    from axes.models import AccessAttempt
    from benchmark import benchmark_owner, load, settle
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import connection

    from assessments.choices import Status
    from assessments.models import Assessment
    from assessments.survey.models import Survey
    from services.models import Membership, Role

    print(f"Database: {connection.vendor} {connection.settings_dict['NAME']}")
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    if agencies > 1:
        return prepare_agencies(rows, managers, agencies)
    owner, service = benchmark_owner(*AGENCY, "load-manager-00")
    load(service, owner, rows, 1_000)

    # One password hash for every simulated manager: hashing takes half a second each.
    password = make_password(PASSWORD)
    usernames = [f"load-manager-{number:02}" for number in range(managers)]
    User = get_user_model()
    for username in usernames:
        user, _ = User.objects.get_or_create(username=username)
        user.password = password
        user.save(update_fields=["password"])
        Membership.objects.get_or_create(
            user=user, agency=service.agency, defaults={"role": Role.MANAGER}
        )
    AccessAttempt.objects.filter(username__in=usernames).delete()

    submitted = Assessment.objects.filter(service=service, status=Status.SUBMITTED)
    reports = [str(code) for code in submitted.values_list("code", flat=True)]
    survey = Survey.objects.create(assessment=submitted.first(), opened_by=owner)
    settle()
    return {
        "usernames": usernames,
        "password": PASSWORD,
        "service": str(service.code),
        "reports": reports,
        "list_pages": max(1, -(-rows // 25)),
        "survey": survey.token,
    }


def prepare_agencies(rows: int, managers: int, agencies: int) -> dict:
    """`agencies` agencies, each with a service, its share of `rows` assessments (copies
    of a few scored ones: `benchmark.load_copies`) and its managers (`managers` in all,
    dealt out in turn); the survey is the first agency's. Each manager's plan names their
    own agency's service and reports."""
    import random

    from axes.models import AccessAttempt
    from benchmark import benchmark_owner, load_copies, scored_templates, settle
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import connection

    from assessments.choices import Status
    from assessments.models import Assessment
    from assessments.survey.models import Survey
    from services.models import Membership, Role

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE assessments_assessment RESTART IDENTITY CASCADE")
    owners = [
        benchmark_owner(f"load-agency-{number:02}", f"Load Agency {number:02}", f"load-owner-{number:02}")
        for number in range(agencies)
    ]  # fmt: skip
    rng = random.Random(20260102)
    templates = scored_templates(owners[0][1], rng)
    share = max(1, rows // agencies)
    load_copies([(service, owner, share) for owner, service in owners], templates, rng, 1_000)

    password = make_password(PASSWORD)
    User = get_user_model()
    plans = {}
    for number in range(managers):
        owner, service = owners[number % agencies]
        username = f"load-manager-{number:02}"
        user, _ = User.objects.get_or_create(username=username)
        user.password = password
        user.save(update_fields=["password"])
        Membership.objects.get_or_create(
            user=user, agency=service.agency, defaults={"role": Role.MANAGER}
        )
        submitted = Assessment.objects.filter(service=service, status=Status.SUBMITTED)
        plans[username] = {
            "service": str(service.code),
            "reports": [str(code) for code in submitted.values_list("code", flat=True)[:50]],
            "list_pages": max(1, -(-share // 25)),
        }
    AccessAttempt.objects.filter(username__in=list(plans)).delete()
    first_owner, first_service = owners[0]
    submitted = Assessment.objects.filter(service=first_service, status=Status.SUBMITTED)
    survey = Survey.objects.create(assessment=submitted.first(), opened_by=first_owner)
    settle()
    print(f"Loaded {share * agencies:,} assessments in {agencies} agencies, {managers} managers")
    first = plans["load-manager-00"]
    return {
        "usernames": list(plans),
        "password": PASSWORD,
        "service": first["service"],
        "reports": first["reports"],
        "list_pages": first["list_pages"],
        "managers_plans": plans,
        "survey": survey.token,
    }


# --- The servers ---------------------------------------------------------------------------


class Servers:
    """gunicorn servers on the given ports, stopped by process id on leaving the block."""

    def __init__(self, ports, environment, workers: int, log_dir: Path):
        self.ports, self.environment, self.workers = ports, environment, workers
        self.log_dir = log_dir
        self.processes: list[subprocess.Popen] = []

    def __enter__(self):
        try:
            for port in self.ports:
                log = (self.log_dir / f"gunicorn-{port}.log").open("w")
                command = [str(BIN / "gunicorn"), "coprod_site.wsgi", "--workers",
                           str(self.workers), "--bind", f"{HOST}:{port}"]  # fmt: skip
                self.processes.append(
                    subprocess.Popen(
                        command, cwd=PROJECT_DIR, env=self.environment, stdout=log, stderr=log
                    )
                )
            for port, process in zip(self.ports, self.processes, strict=True):
                self._wait_until_healthy(port, process)
        except BaseException:
            self.stop()
            raise
        return [f"http://{HOST}:{port}" for port in self.ports]

    def __exit__(self, *exc):
        self.stop()

    def _wait_until_healthy(self, port, process, seconds=30):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if process.poll() is not None:
                log = (self.log_dir / f"gunicorn-{port}.log").read_text()
                raise SystemExit(f"gunicorn on port {port} stopped at start-up:\n{log}")
            try:
                with urllib.request.urlopen(f"http://{HOST}:{port}/healthz", timeout=10) as answer:
                    if answer.status == 200:
                        return
            except OSError:  # not listening yet, or still starting its workers
                pass
            time.sleep(0.2)
        raise SystemExit(f"gunicorn on port {port} did not answer /healthz in {seconds} s.")

    def stop(self):
        for process in self.processes:
            if process.poll() is None:
                process.terminate()  # gunicorn's master stops its workers
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.processes = []


# --- The load run --------------------------------------------------------------------------


def run_locust(plan: dict, work: Path, run_time: int) -> int:
    plan_file = work / "plan.json"
    plan_file.write_text(json.dumps(plan))
    command = [
        str(BIN / "locust"), "-f", str(SCRIPTS_DIR / "locustfile.py"), "--headless",
        "--users", str(plan["managers"] + plan["phones"]), "--spawn-rate", "5",
        "--run-time", f"{run_time}s", "--stop-timeout", "30", "--csv", str(work / "load"),
        "--only-summary", "--loglevel", "WARNING", "--exit-code-on-error", "0",
    ]  # fmt: skip
    environment = {**os.environ, "LOAD_PLAN": str(plan_file), "LOAD_RESULTS": str(work)}
    # Locust's own summary is long: kept in a file, the figures are printed below.
    with (work / "locust.log").open("w") as log:
        finished = subprocess.run(
            command, cwd=PROJECT_DIR, env=environment, stdout=log, stderr=log,
            timeout=run_time + 120, check=False,
        )  # fmt: skip
    if finished.returncode != 0:
        print((work / "locust.log").read_text()[-3000:])
    return finished.returncode


def report_requests(work: Path) -> int:
    """Print each kind of request's figures; the number of failed requests."""
    with (work / "load_stats.csv").open() as file:
        rows = list(csv.DictReader(file))
    print(f"\n{'request':<30} {'count':>7} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'errors':>7}")
    failed = 0
    for row in rows:
        name = "all requests" if row["Name"] == "Aggregated" else row["Name"]
        failures = int(row["Failure Count"])
        if row["Name"] != "Aggregated":
            failed += failures
        print(
            f"{name:<30} {int(row['Request Count']):>7,} {float(row['Requests/s']):>7.1f} "
            f"{row['50%']:>7} {row['95%']:>7} {failures:>7}"
        )
    with (work / "load_failures.csv").open() as file:
        for row in csv.DictReader(file):
            print(f"  error: {row['Name']}: {row['Error']} ({row['Occurrences']} times)")
    return failed


def report_kept_pages(results: dict) -> None:
    """The share of the pages that can be kept that were served kept, by page."""
    kept = results.get("kept") or {}
    if not kept:
        return
    shares = ", ".join(
        f"{name} {hits / total:.0%} of {total:,}" for name, (hits, total) in sorted(kept.items())
    )
    hits = sum(hit for hit, _ in kept.values())
    total = sum(count for _, count in kept.values())
    print(f"  kept pages served kept: {hits / total:.0%} of {total:,} ({shares})")


def check_saved_answers(results: dict) -> int:
    """Every draft holds its manager's last acknowledged value and moved on one version per
    acknowledged save. The number of drafts that do not."""
    from assessments.models import Assessment

    drafts = results["drafts"]
    saved = {
        str(code): (version, text)
        for code, version, text in Assessment.objects.filter(code__in=list(drafts)).values_list(
            "code", "version", "text__work_description"
        )
    }
    lost = 0
    saves = 0
    for code, draft in drafts.items():
        version, text = saved.get(code, (None, None))
        saves += draft["acknowledged"]
        if draft["first_version"] is None:  # its manager never got to save: nothing written
            held, expected = not text, version
        else:
            expected = draft["first_version"] + draft["acknowledged"]
            held = text == draft["last_value"] and version == expected
        # A save cut off by the end of the run may have landed without its answer arriving.
        unanswered = (
            draft["in_flight"] is not None
            and text == draft["in_flight"]
            and version == expected + 1
        )
        if not (held or unanswered):
            lost += 1
            print(
                f"  LOST: draft {code} of {draft['user']} holds {text!r} at version {version}; "
                f"last acknowledged {draft['last_value']!r} at version {expected}"
            )
    print(f"\nWizard saves acknowledged: {saves:,} on {len(drafts)} drafts; "
          f"drafts missing a saved answer: {lost}")  # fmt: skip
    return lost


def check_survey(results: dict, token: str) -> int:
    """The survey holds exactly the acknowledged answers; the difference."""
    from assessments.survey.models import Survey, SurveyResponse

    survey = Survey.objects.get(token=token)
    stored = SurveyResponse.objects.filter(survey=survey).count()
    acknowledged = results["survey"]["acknowledged"]
    print(
        f"Survey burst: {acknowledged} answers acknowledged in "
        f"{results['survey']['seconds']:.0f} s, {results['survey']['refused']} refused; "
        f"{stored} stored (running count {survey.response_count})"
    )
    return abs(stored - acknowledged) + abs(survey.response_count - acknowledged)


def load_run(args, plan, environment, work: Path) -> int:
    plan.update(
        managers=args.managers,
        phones=args.phones,
        survey_answers=args.survey_answers,
        survey_seconds=args.survey_seconds,
    )
    with Servers(args.ports, environment, 2, work) as hosts:
        plan["hosts"] = hosts
        print(f"\nServers: {', '.join(hosts)} (gunicorn -w 2 each, one database); "
              f"locust: {args.managers} managers and {args.phones} phones for {args.run_time} s")  # fmt: skip
        run_locust(plan, work, args.run_time)
    if not (work / "results.json").exists() or not (work / "load_stats.csv").exists():
        print((work / "locust.log").read_text()[-3000:])
        print("Locust did not finish its run: no figures.")
        return 1
    failed = report_requests(work)
    results = json.loads((work / "results.json").read_text())
    spread = ", ".join(f"{host}: {count:,}" for host, count in sorted(results["hosts"].items()))
    print(f"  requests by server: {spread}")
    report_kept_pages(results)
    lost = check_saved_answers(results)
    survey_mismatch = check_survey(results, plan["survey"])
    passed = not failed and not lost and not survey_mismatch
    print(f"\nTargets: 0 failed requests ({failed}), no saved answer lost ({lost} drafts), "
          f"every acknowledged survey answer stored ({survey_mismatch} apart): "
          f"{'met' if passed else 'NOT MET'}")  # fmt: skip
    return 0 if passed else 1


# --- Throughput ----------------------------------------------------------------------------


def sign_in(base: str, username: str, password: str) -> str:
    """A real sign-in; the Cookie header of the session it opens."""
    connection = http.client.HTTPConnection(HOST, int(base.rsplit(":", 1)[1]))
    connection.request("GET", "/accounts/login/")
    page = connection.getresponse()
    body = page.read().decode()
    csrf_cookie = re.search(r"csrftoken=([^;]+)", page.getheader("Set-Cookie", "")).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    form = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token}
    )
    connection.request("POST", "/accounts/login/", form, {
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={csrf_cookie}",
    })  # fmt: skip
    answer = connection.getresponse()
    answer.read()
    connection.close()
    session = re.search(r"sessionid=([^;]+)", answer.getheader("Set-Cookie", "") or "")
    if answer.status != 302 or not session:
        raise SystemExit(f"Sign-in failed: {answer.status}")
    return f"sessionid={session.group(1)}"


def requests_per_second(port: int, path: str, headers: dict, seconds: float, clients: int):
    """(requests answered, seconds taken, answers that were not 200) for `path` from
    `clients` threads each asking again as soon as it is answered, for `seconds`."""
    done, wrong = [0] * clients, [0] * clients
    stop_at = time.monotonic() + seconds

    def client(number):
        while time.monotonic() < stop_at:
            connection = http.client.HTTPConnection(HOST, port, timeout=30)
            connection.request("GET", path, headers=headers)
            answer = connection.getresponse()
            answer.read()
            connection.close()
            done[number] += 1
            wrong[number] += answer.status != 200

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done), time.monotonic() - started, sum(wrong)


def cpu_seconds(pids) -> float:
    """User and system CPU time the processes have used so far."""
    ticks = 0
    for pid in pids:
        with contextlib.suppress(FileNotFoundError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def worker_pids(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def throughput_run(args, plan, environment, work: Path) -> int:
    """Each page in turn for a few seconds, round after round (so that a busy moment on
    the machine hits every page alike): requests a second, and the workers' CPU time per
    request, which other work on the machine changes far less than it changes the rate."""
    port = args.ports[0]
    servers = Servers([port], environment, 2, work)
    with servers as (host,):
        workers = worker_pids(servers.processes[0].pid)
        session = {"Cookie": sign_in(host, plan["usernames"][0], plan["password"])}
        report = f"/assessments/{plan['reports'][0]}/"
        pages = {"/healthz": {}, "/": session, "/assessments/": session, report: session}
        for path, headers in pages.items():  # warm both workers up: imports, templates
            requests_per_second(port, path, headers, 2, args.clients)
        rates, cpu = {path: [] for path in pages}, {path: [] for path in pages}
        wrong = 0
        for _ in range(args.rounds):
            for path, headers in pages.items():
                before = cpu_seconds(workers)
                count, seconds, errors = requests_per_second(
                    port, path, headers, args.seconds, args.clients
                )
                cpu[path].append((cpu_seconds(workers) - before) / max(count, 1))
                rates[path].append(count / seconds)
                wrong += errors
    print(f"\nThroughput on one server (gunicorn -w 2), {args.clients} clients, "
          f"{args.rounds} rounds of {args.seconds:g} s each, interleaved; load average "
          f"{os.getloadavg()[0]:.1f}")  # fmt: skip
    print(f"  {'page':<16} {'req/s':>7} {'of /healthz':>12} {'worker CPU':>11}   (each round)")
    healthz = statistics.median(rates["/healthz"])
    names = {"/": "dashboard", "/assessments/": "list", report: "report"}
    for path, figures in rates.items():
        rate = statistics.median(figures)
        shown = "  ".join(f"{figure:.1f}" for figure in figures)
        print(f"  {names.get(path, path):<16} {rate:>7.1f} {rate / healthz:>12.3f} "
              f"{statistics.median(cpu[path]) * 1000:>8.2f} ms   ({shown})")  # fmt: skip
    ratio = statistics.median(rates["/"]) / healthz
    print(
        f"  dashboard / healthz: {ratio:.3f}   (target: at least 0.15)   answers not 200: {wrong}"
    )
    return 0 if ratio >= 0.15 and not wrong else 1


# --- Main ----------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000, help="assessments to load")
    parser.add_argument(
        "--managers", type=int, help="simulated managers (30; with --agencies, one each)"
    )
    parser.add_argument(
        "--agencies", type=int, default=1, help="agencies the managers work in, apart"
    )
    parser.add_argument("--phones", type=int, default=8, help="phones answering at once")
    parser.add_argument("--survey-answers", type=int, default=200, help="answers in the burst")
    parser.add_argument("--survey-seconds", type=int, default=60, help="the burst's length")
    parser.add_argument("--run-time", type=int, default=90, help="seconds of load")
    parser.add_argument("--ports", type=int, nargs=2, default=[8201, 8202])
    parser.add_argument("--throughput", action="store_true",
                        help="measure the dashboard against /healthz on one server instead")  # fmt: skip
    parser.add_argument("--clients", type=int, default=6, help="throughput: concurrent clients")
    parser.add_argument("--seconds", type=float, default=6, help="throughput: seconds a round")
    parser.add_argument("--rounds", type=int, default=3, help="throughput: rounds")
    args = parser.parse_args()

    database_url = os.environ.get("DATABASE_URL", "")
    environment = server_environment(database_url)
    # This process reads the same settings as the servers.
    os.environ.update(environment)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coprod_site.settings")
    from django.conf import settings

    refuse_unless_throwaway(settings.DATABASES["default"])
    if args.managers is None:
        args.managers = args.agencies if args.agencies > 1 else 30
    plan = prepare(args.rows, args.managers, args.agencies)
    with tempfile.TemporaryDirectory(prefix="coprod-load-") as folder:
        work = Path(folder)
        run = throughput_run if args.throughput else load_run
        code = run(args, plan, environment, work)
    name = settings.DATABASES["default"]["NAME"]
    print(f"\nThe database is left as it is; when done: dropdb -h 127.0.0.1 -U postgres {name}")
    sys.exit(code)


if __name__ == "__main__":
    main()
