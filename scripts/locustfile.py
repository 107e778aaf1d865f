"""The simulated users of `scripts/load.py`: managers at work, and co-producers answering a
survey from their phones. Run by load.py, which writes the plan this reads (LOAD_PLAN:
the servers, sign-ins, assessments, survey) and reads back what was acknowledged
(LOAD_RESULTS/results.json) to check it against the database.

Every user alternates between the servers request by request, so a form fetched from
one server is posted to the other, and the session and form token must hold on both.
"""

import itertools
import json
import os
import random
import re
import time
from collections import Counter
from pathlib import Path

import gevent
from locust import HttpUser, between, constant_pacing, events, task
from locust.exception import StopUser

PLAN = json.loads(Path(os.environ["LOAD_PLAN"]).read_text())
HOSTS = PLAN["hosts"]
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# The first task the survey offers on its first page (the manager writes the tasks).
FIRST_TASK = re.compile(r'name="activities" value="([^"]+)"')
VERSION = re.compile(r'name="work-version" value="(\d+)"')
MOTIVATORS = ("material", "intrinsic", "social", "normative", "sanctions")
DRAFT_CODE = re.compile(r"/assessments/([0-9a-f-]{36})/")

USERNAMES = iter(PLAN["usernames"])
REQUESTS_BY_HOST: Counter = Counter()
# What each manager's saves were acknowledged with, by draft.
DRAFTS: dict[str, dict] = {}
# Of the pages that can be kept, [served kept, in all], by name (the X-Kept-Page header).
KEPT: dict[str, list[int]] = {}
SURVEY = {"started": 0, "acknowledged": 0, "refused": 0, "first": None, "last": None}


class Visitor(HttpUser):
    abstract = True
    host = HOSTS[0]

    def on_start(self):
        self.servers = itertools.cycle(HOSTS)

    def send(self, method, path, name, expect=200, **kwargs):
        """One request to the next server; a failure unless it answers `expect`."""
        host = next(self.servers)
        REQUESTS_BY_HOST[host] += 1
        with self.client.request(
            method, host + path, name=name, allow_redirects=False, catch_response=True, **kwargs
        ) as response:
            if response.status_code != expect:
                response.failure(f"{response.status_code} where {expect} was expected")
            else:
                response.success()
            if kept := response.headers.get("X-Kept-Page"):
                counts = KEPT.setdefault(name, [0, 0])
                counts[0] += kept == "hit"
                counts[1] += 1
        send_secure_cookies_over_http(self.client.cookies)
        return response


class Manager(Visitor):
    """Signs in, starts a draft of its own, then browses, reads, saves and exports."""

    fixed_count = PLAN["managers"]
    wait_time = between(0.5, 2.5)

    def on_start(self):
        super().on_start()
        self.username = next(USERNAMES)
        # With several agencies, each manager's own agency's service, reports and list.
        self.plan = {**PLAN, **PLAN.get("managers_plans", {}).get(self.username, {})}
        page = self.send("GET", "/accounts/login/", "sign in: page")
        self.send(
            "POST",
            "/accounts/login/",
            "sign in",
            expect=302,
            data={
                "username": self.username,
                "password": PLAN["password"],
                "csrfmiddlewaretoken": token(page),
            },
        )
        page = self.send("GET", "/assessments/new/", "new draft: page")
        started = self.send(
            "POST",
            "/assessments/new/",
            "new draft",
            expect=302,
            data={
                "service": self.plan["service"],
                "title": f"Load draft of {self.username}",
                "csrfmiddlewaretoken": token(page),
            },
        )
        if started.status_code != 302:
            raise StopUser()  # counted as failed already
        self.draft = DRAFT_CODE.search(started.headers["Location"]).group(1)
        self.saves = 0
        DRAFTS[self.draft] = {
            "user": self.username,
            "first_version": None,
            "acknowledged": 0,
            "last_value": None,
            "in_flight": None,
        }

    @task(4)
    def dashboard(self):
        self.send("GET", "/", "dashboard")

    @task(3)
    def assessment_list(self):
        page = random.randint(1, self.plan["list_pages"])
        self.send("GET", f"/assessments/?page={page}", "list")

    @task(4)
    def report(self):
        self.send("GET", f"/assessments/{random.choice(self.plan['reports'])}/", "report")

    @task(2)
    def save_wizard_page(self):
        """Open the first wizard page, then save it with a value no other save writes."""
        path = f"/assessments/{self.draft}/edit/work/"
        page = self.send("GET", path, "wizard: page")
        version = VERSION.search(page.text)
        if not version:
            return
        draft = DRAFTS[self.draft]
        if draft["first_version"] is None:
            draft["first_version"] = int(version.group(1))
        self.saves += 1
        value = f"{self.username} save {self.saves}: parents read with their children."
        draft["in_flight"] = value
        saved = self.send(
            "POST",
            path,
            "wizard: save",
            expect=302,
            data={
                "csrfmiddlewaretoken": token(page),
                f"assessment_{self.draft}-current_step": "work",
                "work-version": version.group(1),
                "work-work_description": value,
                "work-co_producer_types": ["families", "volunteers"],
                "work-level": "individual",
                "work-phases": ["delivery"],
                "work-inputs": "Books and an evening a week",
                "work-outputs": "Reading practice",
                "work-work_relation": "adds",
            },
        )
        if saved.status_code == 302:
            draft["acknowledged"] += 1
            draft["last_value"] = value
            draft["in_flight"] = None

    @task(1)
    def export(self):
        path = random.choice(
            ["/export/assessments.csv", "/export/options.csv", "/dashboard/agencies.csv"]
        )
        self.send("GET", path, f"export {path.rsplit('/', 1)[1]}")


class Phone(Visitor):
    """A co-producer answering the survey's three pages on a phone; then the next one.

    Each answer starts a new phone: empty cookies (so the one-answer-per-browser cookie of
    the last one does not count) and a new address, which the servers read from
    X-Forwarded-For as the proxy in front of them would write it.
    """

    fixed_count = PLAN["phones"]
    wait_time = constant_pacing(PLAN["phones"] * PLAN["survey_seconds"] / PLAN["survey_answers"])

    @task
    def answer(self):
        if SURVEY["started"] >= PLAN["survey_answers"]:
            gevent.sleep(5)  # the burst is over: this phone is done
            return
        SURVEY["started"] += 1
        number = SURVEY["started"]
        SURVEY["first"] = SURVEY["first"] or time.monotonic()
        self.client.cookies.clear()
        headers = {"X-Forwarded-For": f"10.{number // 65536 % 256}.{number // 256 % 256}."
                                      f"{number % 256}"}  # fmt: skip
        path = f"/s/{PLAN['survey']}/"
        page = self.send("GET", path, "survey: page 1", headers=headers)
        # Each page's answers are kept in a cookie of the phone's own, and each post goes on
        # to the next page by a 303 redirect, fetched with a GET (post/redirect/get).
        task_code = FIRST_TASK.search(page.text or "")
        pages = (
            {"activities": [task_code.group(1)] if task_code else [],
             "hours": str(number % 10), "minutes": "30", "per": "month"},
            {f"{m}_agreement": str(1 + number % 5) for m in MOTIVATORS},
        )  # fmt: skip
        for number_of_page, data in enumerate(pages, start=1):
            moved = self.send(
                "POST",
                path,
                f"survey: post page {number_of_page}",
                expect=303,
                headers=headers,
                data={"csrfmiddlewaretoken": token(page), "page": number_of_page, **data},
            )
            page = self.send(
                "GET",
                moved.headers.get("Location", path),
                f"survey: page {number_of_page + 1}",
                headers=headers,
            )
        last = {"ease": str(1 + number % 5), "helps": ["ease", "social"], "comment": "",
                "website": ""}  # fmt: skip
        sent = self.send(
            "POST",
            path,
            "survey: send answers",
            expect=303,
            headers=headers,
            data={"csrfmiddlewaretoken": token(page), "page": 3, **last},
        )
        if sent.status_code == 303:
            SURVEY["acknowledged"] += 1
            SURVEY["last"] = time.monotonic()
            self.send("GET", sent.headers["Location"], "survey: thanks", headers=headers)
        else:
            SURVEY["refused"] += 1


def send_secure_cookies_over_http(cookies) -> None:
    """Send Secure cookies to the loopback address over plain HTTP, as browsers do (they
    count http://127.0.0.1 as a secure context). The servers run in production mode, so
    their session and CSRF cookies are Secure, and Python's cookie jar would keep them
    for HTTPS: every form would be refused and every page would ask for a sign-in."""
    for cookie in cookies:
        cookie.secure = False


def token(page) -> str:
    """The form's CSRF token, or none (the post then fails, and is counted as failed)."""
    found = CSRF_TOKEN.search(page.text or "")
    return found.group(1) if found else ""


@events.quitting.add_listener
def write_results(environment, **kwargs):
    seconds = (SURVEY["last"] or 0) - (SURVEY["first"] or 0)
    results = {
        "hosts": dict(REQUESTS_BY_HOST),
        "drafts": DRAFTS,
        "kept": KEPT,
        "survey": {
            "acknowledged": SURVEY["acknowledged"],
            "refused": SURVEY["refused"],
            "seconds": seconds,
        },
    }
    Path(os.environ["LOAD_RESULTS"], "results.json").write_text(json.dumps(results, indent=1))
