"""No input breaks it: random and hostile values in every form field, query parameter and
identifier in an address, and never a server error (issue 11).

Each test is a property over one kind of request. Whatever is typed or put in the address,
the answer is the page again with the form's errors (200), a redirect, or a refusal (400,
401 for a bad token, 403, 404, 405, 410, 429), never a 500; and after anything was saved,
the assessment's own pages (task list, check your answers, report, history), the
dashboard and the exports still answer 200, and the exports parse as CSV.

Values mix plausible answers, drawn from each form's own fields (its choices, the bounds
of its numbers, the codes it takes), so that some posts save, with hostile ones: NUL
bytes, right-to-left marks, formula starts, markup, 1e309, nan, huge and negative numbers,
10,000-character strings, repeated parameters, broken escapes and other agencies' codes. A
post fills every field of its form plausibly, or all but one, or any way at all.

The routes come from tests/test_permissions.py's ROUTES, which must name every page, and
the wizard's sections from the form registry, so a new page or section is fuzzed too.

The test client re-raises an exception raised in a view, so hypothesis reports it with the
input that caused it. The examples are derandomized (the same ones on every run) and each
is rolled back once checked, so each starts from the test's own objects. The number of
generated cases is printed at the end of the module's run.
"""

import csv
import functools
import io
from collections import Counter
from dataclasses import dataclass
from urllib.parse import quote
from uuid import UUID, uuid4

import pytest
from django import forms
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.filters import AssessmentFilterForm, DashboardFilterForm
from assessments.forms import (
    SECTION_FORMS,
    STALE_MESSAGE,
    AddOptionForm,
    NewAssessmentForm,
    OptionForm,
    QualityGridForm,
)
from assessments.models import Assessment, Option
from services.access import agencies_for, cases_for, services_for
from services.forms import AgencySettingsForm, CaseFilterForm, ServiceFilterForm, ServiceForm
from services.models import Agency, Service
from tests import factories
from tests.test_permissions import GET, POST, ROUTES, Targets, targets  # noqa: F401 (a fixture)

# The generated cases of each property, and the requests they made, printed at the end.
EXAMPLES: Counter = Counter()
GENERATED: Counter = Counter()

# What any request may answer: a page (a form with its errors, or results), a redirect (303
# after a survey page's POST), or a refusal (410: a survey closed; 429: too many tries).
# Never 500.
ANSWERS = {200, 301, 302, 303, 400, 401, 403, 404, 405, 410, 429}


def fuzz(examples: int):
    """A property over `examples` generated cases, drawn from `data`, each rolled back."""

    def decorate(test):
        @functools.wraps(test)
        def one_example(*args, **kwargs):
            # Undo what the example saved once it is checked: every example starts from the
            # test's own objects, and the lists and exports stay small.
            EXAMPLES[test.__name__] += 1
            with transaction.atomic():
                test(*args, **kwargs)
                transaction.set_rollback(True)

        return settings(
            max_examples=examples,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=[
                HealthCheck.function_scoped_fixture,
                HealthCheck.too_slow,
                HealthCheck.data_too_large,
            ],
        )(given(data=st.data())(one_example))

    return decorate


@pytest.fixture(scope="module", autouse=True)
def _report_generated_cases(request):
    """Print how many cases the module generated, past pytest's output capture."""
    yield
    if EXAMPLES:
        parts = ", ".join(f"{name} {count}" for name, count in sorted(GENERATED.items()))
        capture = request.config.pluginmanager.getplugin("capturemanager")
        with capture.global_and_fixture_disabled():
            print(
                f"\nfuzz: {sum(EXAMPLES.values())} generated cases in {len(EXAMPLES)} "
                f"properties, {sum(GENERATED.values())} requests ({parts})"
            )


# --- Values -------------------------------------------------------------------------------

# The test client encodes what it sends as UTF-8, which has no surrogates.
CHARACTERS = st.characters(codec="utf-8")

NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\t",
    "\r\n",
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7|add:7 }}",
    "\u202eevil\u202c",
    "\u200f\u200e",
    "\ufeff",
    "Ω≈ç√∫ ﷽",
    "👩‍👩‍👧",
    "١٢٣",
    "𝟗𝟗",
    "NaN",
    "sNaN",
    "inf",
    "-Infinity",
    "1e309",
    "1E+999999",
    "-0",
    "-0.0",
    "0",
    "-1",
    "0.000000001",
    "1.005",
    "9" * 29,
    "-" + "9" * 29,
    "9" * 29 + ".99",
    "1" + "0" * 400,
    "9" * 5000,
    "99999999999999999999999999k",
    "1,00,000",
    "£",
    "£-1",
    "3.5%%",
    "%",
    "0x1F",
    "1_000",
    "2026-02-30",
    "0000-00-00",
    "9999-12-31",
    "0001-01-01",
    "99999-01-01",
    "31/12/2026",
    "None",
    "null",
    "True",
    "[]",
    "../../etc/passwd",
    "' OR 1=1 --",
    "%00",
    "%s%s%n",
    "00000000-0000-0000-0000-000000000000",
    "x" * 10_001,
]


def weighted(*choices: tuple[int, st.SearchStrategy]) -> st.SearchStrategy:
    """One of the strategies, chosen in proportion to its weight (st.one_of leans towards
    its first)."""

    def choose(number: int) -> st.SearchStrategy:
        for weight, strategy in choices:
            if number < weight:
                return strategy
            number -= weight
        raise AssertionError(number)

    return st.integers(0, sum(weight for weight, _ in choices) - 1).flatmap(choose)


LONG_TEXT = st.builds(
    lambda piece, times: piece * times,
    st.sampled_from(["a", "é", "\x00", "=1+", "<b>", "🙂", "9", "\u202e"]),
    st.sampled_from([10_001, 12_345]),
)
NUMBERS = st.one_of(
    st.integers(-(10**40), 10**40).map(str),
    st.floats().map(str),
    st.decimals().map(str),
)
HOSTILE = weighted(
    (4, st.sampled_from(NASTY)), (3, st.text(CHARACTERS, max_size=30)), (2, NUMBERS), (1, LONG_TEXT)
)


def choice_values(field) -> list[str]:
    values = []
    for value, label in field.choices:
        if isinstance(label, list | tuple):  # a group of choices
            values += [str(inner) for inner, _ in label]
        else:
            values.append(str(value))
    return values


def plausible(field: forms.Field, name: str = "") -> st.SearchStrategy:
    """A value the field could well accept, drawn from its own definition. The lowest and
    highest of a range are mostly left blank, as they mostly are."""
    if name.endswith(("_low", "_high")):
        return weighted((9, st.just("")), (1, plausible(field)))
    if isinstance(field, forms.MultipleChoiceField):
        return st.lists(st.sampled_from(choice_values(field)), unique=True, max_size=3)
    if isinstance(field, forms.ChoiceField):
        return st.sampled_from(choice_values(field))
    if isinstance(field, forms.DecimalField | forms.IntegerField):
        low = field.min_value if field.min_value is not None else -1000
        high = field.max_value if field.max_value is not None else 10**6
        whole = st.integers(int(low), int(high))
        figures = [whole.map(str), whole.map(lambda n: f"{n:,}"), st.just("")]
        if isinstance(field, forms.DecimalField):
            places = field.decimal_places or 2
            figures.append(st.decimals(low, high, places=places, allow_nan=False).map(str))
            figures.append(st.integers(0, 999).map(lambda n: f"£{n}k"))
        return st.one_of(figures)
    if isinstance(field, forms.DateField):
        return st.dates().map(str)
    if isinstance(field, forms.UUIDField):
        return st.uuids().map(str)
    if isinstance(field, forms.CharField):
        return st.one_of(
            st.text(CHARACTERS, min_size=1, max_size=min(field.max_length or 300, 300)),
            st.sampled_from(["Peer supporters", "Reading at home", "Ω café", "Ünïcödé"]),
        )
    return HOSTILE


OMIT = object()


def fill(data, fields: dict[str, st.SearchStrategy], prefix: str = "") -> dict:
    """Values for a form's fields (name: strategy of plausible values): all plausible, all
    but one, or each any way at all, missing or repeated; and sometimes stray keys."""
    mode = data.draw(st.sampled_from(["plausible", "one hostile", "anything"]), label="mode")
    hostile = data.draw(st.sampled_from(list(fields)), label="hostile") if fields else None
    posted = {}
    for name, good in fields.items():
        if mode == "plausible" or (mode == "one hostile" and name != hostile):
            value = data.draw(good, label=name)
        elif mode == "one hostile":
            value = data.draw(HOSTILE, label=name)
        else:
            one = weighted((1, good), (1, HOSTILE))
            repeated = st.lists(one, min_size=2, max_size=3)
            value = data.draw(weighted((4, one), (1, repeated), (1, st.just(OMIT))), label=name)
        if value is not OMIT:
            posted[f"{prefix}{name}"] = value
    stray = st.dictionaries(st.text(CHARACTERS, max_size=8), HOSTILE, max_size=2)
    posted.update(data.draw(stray, label="stray"))
    return posted


def form_fields(form: forms.BaseForm, **valid: list) -> dict[str, st.SearchStrategy]:
    """Every field of `form` with its plausible values; `valid` gives them for fields whose
    values are identifiers (codes, slugs, versions)."""
    return {
        name: st.sampled_from(valid[name]) if name in valid else plausible(field, name)
        for name, field in form.fields.items()
    }


def versions(assessment) -> list:
    """The version a page opened now carries (most often), one opened before the last save
    (a page left open in another tab), and one no page ever carried."""
    now = assessment.version
    return [now, now, now, max(now - 1, 1), str(10**30)]


# --- Checks -------------------------------------------------------------------------------


def read(response) -> bytes:
    """The body, streamed to the end as a browser would (an export fails while it streams)."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def answered(response) -> None:
    """Never a server error; a CSV that answers 200 parses."""
    body = read(response)
    assert response.status_code in ANSWERS, response.status_code
    if response.status_code == 200 and response.get("Content-Type", "").startswith("text/csv"):
        assert list(csv.reader(io.StringIO(body.decode("utf-8"))))


def saved_so_far() -> tuple[int, ...]:
    """How many changes the history holds: a request that saved anything added to it."""
    return tuple(model.history.count() for model in (Assessment, Option, Service, Agency))


def assert_still_reads(client, *assessments) -> None:
    """The assessments' pages answer 200, and the dashboard and the exports of everything
    the user reads (drafts included) still read."""
    for assessment in assessments:
        now = Assessment.objects.filter(pk=assessment.pk).first()
        if now is None:  # deleted
            continue
        pages = ["assessments:report", "assessments:history"]
        if now.is_editable:
            pages += ["assessments:tasks", "assessments:check"]
        for page in pages:
            response = client.get(reverse(page, args=[now.code]))
            assert response.status_code == 200, (page, response.status_code)
    assert client.get(reverse("dashboard")).status_code == 200
    for export in ("export-assessments", "export-options"):
        response = client.get(reverse(export), {"status": "draft"})
        assert response.status_code == 200, (export, response.status_code)
        rows = list(csv.reader(io.StringIO(read(response).decode("utf-8"))))
        assert len(rows) > 1, export  # the header, and a row at least


def assert_still_reads_if_saved(client, before: tuple, *assessments) -> None:
    """After a request that saved something, the pages and exports still read. (Checking
    only then keeps the run short: most hostile posts save nothing.)"""
    if saved_so_far() != before:
        assert_still_reads(client, *assessments)


# --- The objects the requests act on ------------------------------------------------------


@dataclass(frozen=True)
class Home:
    client: Client
    owner: object
    targets: Targets  # the permission matrix's: a blank draft, a submitted, an archived...
    complete: Assessment  # a draft with every question answered
    full: Assessment  # a complete draft with as many options as may be compared
    theirs: Assessment  # another agency's draft


@pytest.fixture
def home(client, owner, viewer, outsider, other_service, targets) -> Home:  # noqa: F811
    """The owner signed in, with the matrix's objects, a complete draft and another
    agency's draft."""
    client.force_login(owner)
    return Home(
        client=client,
        owner=owner,
        targets=targets,
        complete=factories.AssessmentFactory(
            **factories.complete_answers(), service=targets.service, author=owner
        ),
        full=factories.AssessmentFactory(
            **factories.complete_answers(options=six_options()),
            service=targets.service,
            author=owner,
        ),
        theirs=factories.AssessmentFactory(service=other_service, author=outsider),
    )


def six_options() -> list[dict]:
    """The two complete options and four more, one of them rated, none costed."""
    extra = [factories.option_answers(f"Option {n}", co_produced=n % 2 == 0) for n in range(4)]
    extra[0].update(effectiveness=5, effectiveness_low=4, effectiveness_high=5)
    return factories.complete_options() + extra


def fresh(assessment) -> Assessment:
    return Assessment.objects.get(pk=assessment.pk)


# --- The wizard's sections ----------------------------------------------------------------

STEPS = list(SECTION_FORMS)
ODD_STEPS = ["done", "options", "quality", "tasks", "WORK", "work-", "0", "x" * 300]
RETURNS = ["", "?return=check", "?return=%00", "?return=x&return=check"]


@fuzz(22)
def test_wizard_sections_never_fail(home, data):
    """Post every section's form, each under its own address or another's (a page left
    open in another tab after the answers changed), with any values, to a draft that is
    complete, blank, submitted since, or another agency's."""
    client = home.client
    kinds = ["complete", "complete", "complete", "blank", "submitted", "theirs"]
    target = data.draw(st.sampled_from(kinds), label="target")
    assessment = {
        "complete": home.complete,
        "blank": home.targets.draft,
        "submitted": home.targets.submitted,
        "theirs": home.theirs,
    }[target]
    before = saved_so_far()
    for section in STEPS:
        GENERATED["wizard"] += 1
        now = fresh(assessment)
        address = data.draw(
            weighted((12, st.just(section)), (1, st.sampled_from(ODD_STEPS))), label="address"
        )
        named = data.draw(
            weighted((12, st.just(address)), (2, st.sampled_from(STEPS)), (1, HOSTILE)),
            label="current_step",
        )
        form_step = next(step for step in (named, address, "work") if step in SECTION_FORMS)
        form = SECTION_FORMS[form_step](instance=now, prefix=form_step)
        posted = fill(data, form_fields(form, version=versions(now)), prefix=f"{form_step}-")
        posted[f"assessment_{now.code}-current_step"] = named
        if data.draw(st.integers(0, 5), label="goto") == 0:
            posted["wizard_goto_step"] = data.draw(st.sampled_from(STEPS) | HOSTILE)
        url = reverse("assessments:edit", args=[now.code, address])
        url += data.draw(st.sampled_from(RETURNS), label="return")
        answered(client.post(url, posted))
    answered(client.get(url))
    if target != "theirs":
        assert_still_reads_if_saved(client, before, assessment)


# --- The options part ---------------------------------------------------------------------

OPTION_CHANGES = ["remove_option", "option_up", "option_down", "make_comparator"]


@fuzz(25)
def test_option_pages_never_fail(home, data):
    """Post an option's page, the quality grid, a new option and a change to the set of
    options, with any values and any option's code (its own, another assessment's, none)."""
    client = home.client
    assessment = data.draw(
        st.sampled_from([home.complete, home.complete, home.full, home.targets.draft])
    )
    elsewhere = home.theirs.ordered_options[0].code
    before = saved_so_far()
    for action in ("option", "quality", "add", "change", "option"):
        GENERATED["options"] += 1
        now = fresh(assessment)
        own = [option.code for option in now.ordered_options]
        others = st.sampled_from([elsewhere, uuid4()])
        code = data.draw(weighted((6, st.sampled_from(own)), (1, others)), label="option")
        option = next((o for o in now.ordered_options if o.code == code), now.ordered_options[0])
        version = {"version": versions(now)}
        returning = data.draw(st.sampled_from(RETURNS), label="return")
        if action == "option":
            url = reverse("assessments:option", args=[now.code, code]) + returning
            posted = fill(data, form_fields(OptionForm(instance=option, assessment=now), **version))
        elif action == "quality":
            url = reverse("assessments:quality", args=[now.code]) + returning
            posted = fill(data, form_fields(QualityGridForm(assessment=now), **version))
        elif action == "add":
            url = reverse("assessments:add_option", args=[now.code])
            posted = fill(data, form_fields(AddOptionForm(assessment=now), **version))
        else:
            change = data.draw(st.sampled_from(OPTION_CHANGES), label="change")
            url = reverse(f"assessments:{change}", args=[now.code, code])
            posted = fill(data, {"version": st.sampled_from(version["version"])})
        answered(client.post(url, posted))
    answered(client.get(url))
    assert_still_reads_if_saved(client, before, assessment)


def test_pages_left_open_after_the_arrangement_changed_keep_what_was_typed(home):
    """The arrangement is made necessary in one tab; the option, quality and appraisal pages
    open in another are then posted with the version they opened at. Every section still
    applies (a necessary arrangement compares ways of getting the work done), so each is
    refused as stale with the typed answers kept, never a server error."""
    client, draft = home.client, home.complete
    opened = fresh(draft).version
    option = draft.ordered_options[0]
    edit = reverse("assessments:edit", args=[draft.code, "necessity"])
    changed = client.post(
        edit,
        {f"assessment_{draft.code}-current_step": "necessity", "necessity-version": opened,
         "necessity-necessity": "necessary"},
    )  # fmt: skip
    assert changed.status_code == 302
    pages = {
        reverse("assessments:option", args=[draft.code, option.code]): {
            "name": "Typed in the other tab", "co_produced": "True", "setup_cost": "5k",
        },
        reverse("assessments:quality", args=[draft.code]): {},
        reverse("assessments:edit", args=[draft.code, "appraisal"]): {
            f"assessment_{draft.code}-current_step": "appraisal", "appraisal-hourly_rate": "12",
        },
    }  # fmt: skip
    for url, typed in pages.items():
        version = "appraisal-version" if "edit" in url else "version"
        response = client.post(url, {**typed, version: opened})
        assert response.status_code == 200
        assert STALE_MESSAGE in response.content.decode()
    assert fresh(draft).necessity == "necessary"
    assert_still_reads(client, draft)


# --- Starting an assessment, services and agencies ----------------------------------------


@fuzz(18)
def test_new_assessment_service_and_agency_forms_never_fail(home, data):
    """Start an assessment, add and change a service, and change the agency's appraisal
    settings, with any values, other agencies' services and agencies included."""
    client, owner = home.client, home.owner
    service, other = home.targets.service, home.theirs.service
    slugs = [service.agency.slug, other.agency.slug]
    codes = [str(service.code), str(other.code), str(uuid4())]
    pages = [
        (
            reverse("assessments:new"),
            form_fields(NewAssessmentForm(services=services_for(owner)), service=codes),
            {"service": st.sampled_from(codes) | HOSTILE},
        ),
        (
            reverse("services:new"),
            form_fields(ServiceForm(agencies=agencies_for(owner, write=True)), agency=slugs),
            {"agency": st.sampled_from(slugs) | HOSTILE},
        ),
        (
            reverse("services:edit", args=[service.code]),
            form_fields(ServiceForm(instance=service)),
            {},
        ),
        (
            reverse("services:agency_settings", args=[service.agency.slug]),
            form_fields(AgencySettingsForm(instance=service.agency)),
            {},
        ),
    ]
    before = saved_so_far()
    for url, fields, query in pages:
        GENERATED["settings"] += 2
        answered(client.get(url, {key: data.draw(value) for key, value in query.items()}))
        answered(client.post(url, fill(data, fields)))
    if saved_so_far() != before:
        for listing in ("services:list", "export-services"):
            answered(client.get(reverse(listing)))
        assert_still_reads(client, Assessment.objects.filter(author=owner).latest("pk"))


# --- Submitting, archiving, restoring, deleting and revising ------------------------------

LIFECYCLE = ["submit", "submit", "archive", "restore", "revise", "delete", "confirm_archive",
             "confirm_restore", "confirm_delete", "confirm_revise"]  # fmt: skip


@fuzz(25)
def test_lifecycle_never_fails(home, data):
    """Submit a complete draft with any version, then archive, restore, revise or delete it
    in any order with any values; every assessment touched still reads."""
    client, assessment = home.client, home.complete
    for _ in range(data.draw(st.integers(1, 4), label="steps")):
        GENERATED["lifecycle"] += 1
        now = Assessment.objects.filter(pk=assessment.pk).first()
        if now is None:
            break
        action = data.draw(st.sampled_from(LIFECYCLE), label="action")
        version = st.sampled_from([now.version, now.version + 1, 0, -1, 10**30]).map(str)
        url = reverse(f"assessments:{action}", args=[now.code])
        send = client.get if action.startswith("confirm") else client.post
        answered(send(url, fill(data, {"version": version})))
    assert_still_reads(client, assessment, *Assessment.objects.filter(revision_of=assessment))


# --- Every route's query string, form and identifiers -------------------------------------


def filter_values(owner) -> dict[str, list[str]]:
    """Every filter of every list, with the values its form offers."""
    agencies = agencies_for(owner)
    filter_forms = [
        AssessmentFilterForm(user=owner),
        DashboardFilterForm(agencies=list(agencies), services=services_for(owner)),
        ServiceFilterForm(agencies=agencies),
        CaseFilterForm(cases=cases_for(owner)),
    ]
    values: dict[str, list[str]] = {}
    for form in filter_forms:
        for name, field in form.fields.items():
            if isinstance(field, forms.ChoiceField):
                values.setdefault(name, [])
                values[name] += [v for v in choice_values(field) if v not in values[name]]
    return values


def route_params(home: Home) -> dict[str, st.SearchStrategy]:
    """The query and form parameters the routes read, each with plausible values."""
    matrix = home.targets
    codes = [str(a.code) for a in (home.complete, matrix.submitted, home.theirs)]
    params = {name: st.sampled_from(found) for name, found in filter_values(home.owner).items()}
    params.update(
        q=plausible(forms.CharField(max_length=30)),
        submitted_from=st.dates().map(str),
        submitted_to=st.dates().map(str),
        page=st.sampled_from(["1", "2", "0", "-1", "last", "999999999999"]),
        assessment=st.sampled_from([*codes, str(uuid4())]),
        **{key: st.sampled_from(codes) for key in "abcd"},
        version=st.sampled_from([str(home.complete.version), "0", "-1"]),
        format=st.sampled_from(["csv", "excel"]),
        **{"return": st.sampled_from(["check", "CHECK", ""]), "next": st.just("/")},
    )
    return params


def raw_query(pairs) -> str:
    """A query string as an edited address may have it: half-encoded, with bad escapes."""
    return "&".join(f"{quote(key, safe='%')}={quote(value, safe='%=&')}" for key, value in pairs)


# Bodies no form of ours sends: JSON, a broken multipart, bad escapes, a bare NUL.
ODD_BODIES = [
    (b'{"version": 1, "name": "x"}', "application/json"),
    (b"--x\r\nContent-Disposition: form-data\r\n\r\nvalue", "multipart/form-data; boundary=x"),
    (b"version=%ff%fe&name=%00&=&&==", "application/x-www-form-urlencoded"),
    (b"\x00" * 64, "application/x-www-form-urlencoded"),
    (b"name=" + "é".encode("latin-1"), "application/x-www-form-urlencoded; charset=latin-1"),
]
BROKEN_ESCAPES = ["%", "%zz", "%ff%fe", "%00", "%C0%80", "%E2%80%AE"]
# Reading first, then forms, then the changes (deleting last, as it ends what follows);
# not signing out, which would leave the rest of the run signed out.
ROUTE_ORDER = sorted(
    ROUTES.keys() - {"logout"},
    key=lambda name: (POST in ROUTES[name].methods, GET not in ROUTES[name].methods),
)


# The other names a route's slug may take: every dashboard table, every wizard section.
SLUGS = {
    "plane": ["agencies", "sectors", "currencies", "plane", "quadrants", "profile"],
    "work": STEPS,
}


def foreign_args(data, args: list, home: Home) -> list:
    """The route's identifiers, some swapped for another agency's, nobody's or garbage, and
    its slugs for the others it takes or garbage."""
    theirs = home.theirs
    foreign = [theirs.code, theirs.service.code, theirs.ordered_options[0].code, UUID(int=0)]
    garbage = st.from_regex(r"[-a-zA-Z0-9_]{1,300}", fullmatch=True)
    swapped = []
    for arg in args:
        if isinstance(arg, UUID):
            swapped.append(data.draw(st.sampled_from([arg, arg, *foreign]), label="code"))
        else:
            known = st.sampled_from(SLUGS.get(arg, [arg]))
            swapped.append(data.draw(weighted((3, known), (1, garbage)), label="slug"))
    return swapped


@fuzz(14)
def test_every_route_takes_any_query_form_or_identifier(home, data):
    """Every page in the permission matrix, with any filter, search, date, page, code or
    field in the address or the body, and sometimes another agency's codes in the address
    (which must answer 404); every export, also with any bearer token."""
    client, matrix = home.client, home.targets
    params = route_params(home)
    before = saved_so_far()
    for name in ROUTE_ORDER:
        GENERATED["routes"] += 1
        route = ROUTES[name]
        method = data.draw(st.sampled_from([*route.methods] * 3 + [GET, POST]), label="method")
        args = route.args(matrix)
        swapped = foreign_args(data, args, home) if args else args
        url = reverse(name, args=swapped)
        base = {key: str(value) for key, value in route.data(matrix).items()}
        keys = data.draw(st.lists(st.sampled_from(sorted(params)), unique=True, max_size=4))
        fields = {key: st.just(value) for key, value in base.items()}
        fields.update({key: params[key] for key in keys if key not in fields})
        values = fill(data, fields)
        headers = {}
        if name.startswith("export") and data.draw(st.integers(0, 3), label="token") == 0:
            headers["HTTP_AUTHORIZATION"] = "Bearer " + data.draw(HOSTILE, label="bearer")
        if method == POST and data.draw(st.integers(0, 5), label="body") == 0:
            body, kind = data.draw(st.sampled_from(ODD_BODIES), label="odd body")
            response = client.generic(POST, url, body, content_type=kind, **headers)
        elif method == GET and data.draw(st.integers(0, 3), label="raw") == 0:
            pairs = [
                (key, value)
                for key, given_values in values.items()
                for value in (given_values if isinstance(given_values, list) else [given_values])
            ]
            pairs += data.draw(
                st.lists(
                    st.tuples(st.sampled_from(["q", "a", "%ff", "page", "agency"]),
                              st.sampled_from(BROKEN_ESCAPES)),
                    max_size=2,
                ),
                label="broken",
            )  # fmt: skip
            response = client.get(f"{url}?{raw_query(pairs)}", **headers)
        else:
            send = client.get if method == GET else client.post
            response = send(url, values, **headers)
        answered(response)
        other = [a for a, b in zip(swapped, args, strict=True) if a != b]
        if method in route.methods and any(isinstance(arg, UUID) for arg in other):
            assert response.status_code == 404, (name, swapped)
    assert_still_reads_if_saved(client, before, home.complete, matrix.submitted)


# --- Comparing assessments ----------------------------------------------------------------


@fuzz(40)
def test_compare_never_fails(home, data):
    """Codes none, too many, repeated, garbled, of assessments that do not exist or belong
    to another agency, under a to d or other keys."""
    client, matrix = home.client, home.targets
    mine = [home.complete, matrix.submitted, matrix.archived]
    codes = [str(a.code) for a in (*mine, home.theirs)] + [str(uuid4())]
    code = st.sampled_from(codes) | st.sampled_from([c.upper() for c in codes]) | HOSTILE
    keys = st.sampled_from(["a", "b", "c", "d"]) | st.sampled_from(["e", "z", "A", "aa", ""])
    for page in ("assessments:compare", "assessments:compare_csv"):
        GENERATED["compare"] += 1
        query = data.draw(
            st.dictionaries(keys, code | st.lists(code, min_size=2, max_size=3), max_size=6)
        )
        answered(client.get(reverse(page), query))


# --- Addresses that are no page, and signing in -------------------------------------------


@fuzz(40)
def test_an_address_that_is_no_code_matches_no_page(client, owner, data):
    """Anything in place of a code or a slug: 404 from the address itself."""
    client.force_login(owner)
    garbage = data.draw(HOSTILE.filter(lambda text: "/" not in text), label="garbage")
    for prefix in ("/assessments/", "/services/", "/cases/", "/services/agencies/", "/s/"):
        GENERATED["addresses"] += 1
        answered(client.get(prefix + quote(garbage, safe="") + "/"))


@fuzz(15)
def test_sign_in_never_fails(client, owner, data):
    """Any user name and password: a form error, or a lock-out after too many (429)."""
    GENERATED["sign in"] += 1
    fields = {"username": plausible(forms.CharField(max_length=150)) | st.just("owner"),
              "password": plausible(forms.CharField()), "next": HOSTILE}  # fmt: skip
    answered(client.post(reverse("login"), fill(data, fields)))
