"""Who gets what from every page: one row per URL pattern, walked by each kind of user.

ROUTES must name every URL pattern of the project except the admin's, which Django keeps
to staff itself (tests/services/test_case_admin.py). A page added without a row fails
test_every_url_pattern_has_a_row, so nobody ships a view without saying who may use it.

The users are the shared fixtures of tests/conftest.py:

- anonymous: sent to sign in (302 to /accounts/login/), except on sign-in and /healthz;
- outsider: a manager of another agency. The home agency's objects answer 404, as if they
  did not exist; the case library is shared, so a published case answers 200;
- viewer: a viewer of the home agency: reads (200), may not change (403);
- owner: a manager of the home agency: reads (200) and changes (200 or 302).

A method a view does not take answers 405.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from assessments.choices import Status
from assessments.models import Assessment, OutcomeMeasure, Survey, SurveyResponse
from assessments.scoring import MOTIVATORS
from services.models import AccessToken, CaseExample, Service
from tests import factories

GET, POST = "GET", "POST"
READ = (GET,)
FORM = (GET, POST)
POST_ONLY = (POST,)
LOGIN = 302  # for anonymous users, always a redirect to the sign-in page


@dataclass(frozen=True)
class Targets:
    """What the routes act on: the home agency's work, and a published library case."""

    service: Service
    draft: Assessment
    submitted: Assessment
    archived: Assessment
    case: CaseExample
    survey: Survey
    token: AccessToken


def no_args(targets: Targets) -> list:
    return []


def no_data(targets: Targets) -> dict:
    return {}


def service_code(targets: Targets) -> list:
    return [targets.service.code]


def draft_code(targets: Targets) -> list:
    return [targets.draft.code]


def submitted_code(targets: Targets) -> list:
    return [targets.submitted.code]


def archived_code(targets: Targets) -> list:
    return [targets.archived.code]


def first_section(targets: Targets) -> list:
    return [targets.draft.code, "work"]


def plane_table(targets: Targets) -> list:
    return ["plane"]


def draft_option(targets: Targets) -> list:
    return [targets.draft.code, targets.draft.ordered_options[0].code]


def falls(draft: Assessment) -> OutcomeMeasure:
    """An outcome of the draft's, valued at a figure of the agency's own."""
    prices = ("unit_value", "unit_value_low", "unit_value_high", "price", "price_low", "price_high")
    return OutcomeMeasure.objects.create(
        assessment=draft, position=1, name="Falls", unit="one fall", currency="GBP",
        price_year=2024, reason="Our own costing", **dict.fromkeys(prices, 100),
    )  # fmt: skip


def draft_outcome(targets: Targets) -> list:
    # The fuzz tests reuse the targets: an earlier request may have removed the outcome.
    outcome = targets.draft.outcomes.first() or falls(targets.draft)
    return [targets.draft.code, outcome.code]


def draft_version(targets: Targets) -> dict:
    return {"version": targets.draft.version}


def case_slug(targets: Targets) -> list:
    return [targets.case.slug]


def token_fields(targets: Targets) -> dict:
    return {"name": "Reporting tool", "lifetime": "30"}


def owners_token(targets: Targets) -> list:
    """The owner's token: only the owner may revoke it."""
    return [targets.token.code]


def survey_token(targets: Targets) -> list:
    return [targets.survey.token]


def survey_settings(targets: Targets) -> dict:
    return {"public_title": "Your views", "tasks": "Sorting the recycling", "one_per_browser": "on"}


def one_assessment(targets: Targets) -> dict:
    """The export of a single assessment, which checks access to it."""
    return {"assessment": targets.submitted.code}


def two_assessments(targets: Targets) -> dict:
    """A comparison of two of the home agency's assessments, which checks access to each."""
    return {"a": targets.submitted.code, "b": targets.archived.code}


def new_assessment(targets: Targets) -> dict:
    return {"service": targets.service.code, "title": "Checking who may start one"}


def agency_slug(targets: Targets) -> list:
    return [targets.service.agency.slug]


def service_fields(targets: Targets) -> dict:
    """Enough to save the service's page: its own details, renamed."""
    service = targets.service
    return {
        "name": f"{service.name} (renamed)",
        "sector": service.sector,
        "client_type": service.client_type,
        "clients_per_year": service.clients_per_year,
        "delivery_mode": service.delivery_mode,
    }


def new_service(targets: Targets) -> dict:
    """A new service of the home agency: the outsider, who does not manage it, is refused."""
    return {**service_fields(targets), "agency": targets.service.agency.slug}


def agency_settings_form(targets: Targets) -> dict:
    return {
        "default_hourly_value": "18.50",
        "default_appraisal_years": "5",
        "default_discount_rate": "3.5%",
        "default_willingness_to_pay": "",
    }


def section_form(targets: Targets) -> dict:
    """The wizard's step field and the section's version: enough to save the work page."""
    return {
        f"assessment_{targets.draft.code}-current_step": "work",
        "work-version": targets.draft.version,
    }


@dataclass(frozen=True)
class Route:
    """How to call one URL pattern, and the status each kind of user gets.

    A status is a number, or a {method: status} dict where the methods answer differently.
    `data` is sent as the query string of a GET and the body of a POST.
    """

    methods: tuple[str, ...]
    anonymous: int | dict[str, int]
    outsider: int | dict[str, int]
    viewer: int | dict[str, int]
    owner: int | dict[str, int]
    args: Callable[[Targets], list] = no_args
    data: Callable[[Targets], dict] = no_data

    def expected(self, role: str, method: str) -> int:
        status = getattr(self, role)
        return status[method] if isinstance(status, dict) else status


# fmt: off
ROUTES: dict[str, Route] = {
    # URL name                    methods    anonymous outsider viewer  owner
    "login":                Route(FORM,      200,      200,     200,    200),
    "logout":               Route(POST_ONLY, LOGIN,    302,     302,    302),
    "healthz":              Route(READ,      200,      200,     200,    200),
    "help":                 Route(READ,      200,      200,     200,    200),

    # Lists and exports: each user gets their own agencies' work.
    "dashboard":            Route(READ,      LOGIN,    200,     200,    200),
    "services:list":        Route(READ,      LOGIN,    200,     200,    200),
    "export-services":      Route(READ,      LOGIN,    200,     200,    200),
    # What the exports hold, for people and for tools.
    "export-dictionary":    Route(READ,      LOGIN,    200,     200,    200),
    "export-datapackage":   Route(READ,      LOGIN,    200,     200,    200),
    # Your account: each user's own tokens; nobody else's token is in reach (404).
    "account:index":        Route(READ,      LOGIN,    200,     200,    200),
    "account:create_token": Route(POST_ONLY, LOGIN,    200,     200,    200, data=token_fields),
    "account:revoke_token": Route(POST_ONLY, LOGIN,    404,     404,    302, args=owners_token),
    "assessments:list":     Route(READ,      LOGIN,    200,     200,    200),

    # The case library is shared: any signed-in user reads the published cases.
    "cases:list":           Route(READ,      LOGIN,    200,     200,    200),
    "cases:detail":         Route(READ,      LOGIN,    200,     200,    200, args=case_slug),
    "export-cases":         Route(READ,      LOGIN,    200,     200,    200),

    # One agency's work, read: outsiders get 404.
    "services:detail":      Route(READ,      LOGIN,    404,     200,    200, args=service_code),
    "assessments:report":   Route(READ,      LOGIN,    404,     200,    200, args=submitted_code),
    "assessments:history":  Route(READ,      LOGIN,    404,     200,    200, args=submitted_code),
    "export-assessments":   Route(READ,      LOGIN,    404,     200,    200, data=one_assessment),
    "export-options":       Route(READ,      LOGIN,    404,     200,    200, data=one_assessment),
    "export-budget":        Route(READ,      LOGIN,    404,     200,    200, data=one_assessment),
    # The dashboard's tables: each user gets their own agencies' figures.
    "dashboard-table":      Route(READ,      LOGIN,    200,     200,    200, args=plane_table),
    "assessments:compare":  Route(READ,      LOGIN,    404,     200,    200, data=two_assessments),
    "assessments:compare_csv": Route(READ,   LOGIN,    404,     200,    200, data=two_assessments),
    # Viewers may follow a draft's progress; only managers get the links into the wizard.
    "assessments:tasks":    Route(READ,      LOGIN,    404,     200,    200, args=draft_code),

    # One agency's work, changed: outsiders get 404, viewers 403.
    "assessments:edit":     Route(FORM,      LOGIN,    404,     403,    {GET: 200, POST: 302},
                                  args=first_section, data=section_form),
    "assessments:check":    Route(READ,      LOGIN,    404,     403,    200, args=draft_code),
    # The options part: without the form's fields a POST shows the form again, with errors.
    "assessments:options":  Route(READ,      LOGIN,    404,     403,    200, args=draft_code),
    "assessments:option":   Route(FORM,      LOGIN,    404,     403,    200, args=draft_option),
    "assessments:quality":  Route(FORM,      LOGIN,    404,     403,    200, args=draft_code),
    "assessments:people":   Route(FORM,      LOGIN,    404,     403,    200, args=draft_code),
    "assessments:comparator_kind": Route(FORM, LOGIN, 404,     403,    200, args=draft_code),
    "assessments:outcomes": Route(FORM,      LOGIN,    404,     403,    200, args=draft_code),
    "assessments:add_outcome": Route(FORM,   LOGIN,    404,     403,    200, args=draft_code),
    "assessments:outcome":  Route(FORM,      LOGIN,    404,     403,    200, args=draft_outcome),
    "assessments:adopt_effect": Route(POST_ONLY, LOGIN, 404,    403,    302, args=draft_outcome,
                                  data=draft_version),
    "assessments:remove_outcome": Route(FORM, LOGIN,   404,     403,    {GET: 200, POST: 302},
                                  args=draft_outcome, data=draft_version),
    "assessments:add_option": Route(POST_ONLY, LOGIN,  404,     403,    200, args=draft_code),
    "assessments:remove_option": Route(POST_ONLY, LOGIN, 404,   403,    302, args=draft_option,
                                  data=draft_version),
    "assessments:option_up": Route(POST_ONLY, LOGIN,   404,     403,    302, args=draft_option,
                                  data=draft_version),
    "assessments:option_down": Route(POST_ONLY, LOGIN, 404,     403,    302, args=draft_option,
                                  data=draft_version),
    "assessments:make_comparator": Route(POST_ONLY, LOGIN, 404, 403,    302, args=draft_option,
                                  data=draft_version),
    "assessments:submit":   Route(POST_ONLY, LOGIN,    404,     403,    302, args=draft_code),
    # Archive, restore, delete a draft, start a revision: a page that asks, then the change.
    "assessments:confirm_archive": Route(READ, LOGIN,  404,     403,    200, args=submitted_code),
    "assessments:archive":  Route(POST_ONLY, LOGIN,    404,     403,    302, args=submitted_code),
    "assessments:confirm_restore": Route(READ, LOGIN,  404,     403,    200, args=archived_code),
    "assessments:restore":  Route(POST_ONLY, LOGIN,    404,     403,    302, args=archived_code),
    "assessments:confirm_delete": Route(READ, LOGIN,   404,     403,    200, args=draft_code),
    "assessments:delete":   Route(POST_ONLY, LOGIN,    404,     403,    302, args=draft_code),
    "assessments:confirm_revise": Route(READ, LOGIN,   404,     403,    200, args=submitted_code),
    "assessments:revise":   Route(POST_ONLY, LOGIN,    404,     403,    302, args=submitted_code),
    # The co-producers' survey (with five answers, so its results show): the agency's
    # members read it, its managers run it.
    "assessments:survey":   Route(READ,      LOGIN,    404,     200,    200, args=submitted_code),
    "assessments:survey_print": Route(READ,  LOGIN,    404,     200,    200, args=submitted_code),
    "assessments:survey_csv": Route(READ,    LOGIN,    404,     200,    200, args=submitted_code),
    "assessments:survey_open": Route(POST_ONLY, LOGIN, 404,     403,    302, args=submitted_code,
                                  data=survey_settings),
    "assessments:survey_close": Route(POST_ONLY, LOGIN, 404,    403,    302, args=submitted_code),
    # "Use these figures": a page that shows each figure from and to, then the change.
    "assessments:survey_use_confirm": Route(READ, LOGIN, 404,   403,    200, args=submitted_code),
    "assessments:survey_use": Route(POST_ONLY, LOGIN,  404,     403,    302, args=submitted_code),
    # Answering it is public: no sign-in, and the same for everyone (a POST without answers
    # goes on to the next page by a 303 redirect, fetched with a GET).
    "survey-answer":        Route(FORM,      *[{GET: 200, POST: 303}] * 4, args=survey_token),
    "survey-thanks":        Route(READ,      200,      200,     200,    200, args=survey_token),
    # No object in the URL: the outsider (a manager elsewhere) gets the form, which refuses
    # the home agency's service (200 with an error); a viewer, who manages no agency, 404.
    "assessments:new":      Route(FORM,      LOGIN,    200,     403,    {GET: 200, POST: 302},
                                  data=new_assessment),
    # The same for a new service: the outsider's form refuses the home agency (200, an error).
    "services:new":         Route(FORM,      LOGIN,    200,     403,    {GET: 200, POST: 302},
                                  data=new_service),
    "services:edit":        Route(FORM,      LOGIN,    404,     403,    {GET: 200, POST: 302},
                                  args=service_code, data=service_fields),
    "services:agency_settings": Route(FORM,  LOGIN,    404,     403,    {GET: 200, POST: 302},
                                  args=agency_slug, data=agency_settings_form),
}
# fmt: on


def url_names(patterns, namespace: str = ""):
    """Every URL name under `patterns` with its namespace; an unnamed pattern by its route."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":  # admin/: Django's own, staff only
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_names(pattern.url_patterns, inner)
        else:
            yield f"{namespace}{pattern.name}" if pattern.name else f"unnamed {pattern.pattern}"


def calls(role: str):
    """(URL name, method, expected status) for every method every route takes."""
    params = []
    for name, route in ROUTES.items():
        for method in route.methods:
            expected = route.expected(role, method)
            params.append(pytest.param(name, method, expected, id=f"{method} {name} {expected}"))
    return params


def refused_methods():
    """GET on the POST-only views, POST on the read-only ones."""
    return [
        pytest.param(name, method, id=f"{method} {name}")
        for name, route in ROUTES.items()
        for method in (GET, POST)
        if method not in route.methods
    ]


@pytest.fixture
def targets(owner, service, other_service) -> Targets:
    # other_service: the outsider manages a service of their own, so may start assessments.
    submitted = factories.AssessmentFactory(
        **factories.complete_answers(),
        service=service,
        author=owner,
        status=Status.SUBMITTED,
        submitted_at=timezone.now(),
    )
    survey = Survey.objects.create(assessment=submitted, opened_by=owner)
    for _ in range(5):
        survey.record(
            SurveyResponse(minutes_a_month=240, **{f"{m}_agreement": 3 for m in MOTIVATORS})
        )
    draft = factories.AssessmentFactory(service=service, author=owner)
    falls(draft)
    return Targets(
        service=service,
        draft=draft,
        submitted=submitted,
        archived=factories.AssessmentFactory(
            service=service, author=owner, status=Status.ARCHIVED, submitted_at=timezone.now()
        ),
        case=factories.CaseExampleFactory(),
        survey=survey,
        token=AccessToken.create_for(owner, "Reporting tool", 30)[0],
    )


def send(client, targets: Targets, name: str, method: str):
    route = ROUTES[name]
    url = reverse(name, args=route.args(targets))
    response = getattr(client, method.lower())(url, route.data(targets))
    if response.streaming:  # an export: read it to the end, as a browser would
        b"".join(response.streaming_content)
    return response


def test_every_url_pattern_has_a_row():
    patterns = set(url_names(get_resolver().url_patterns))
    assert sorted(patterns - ROUTES.keys()) == [], "add a row to ROUTES for each new URL pattern"
    assert sorted(ROUTES.keys() - patterns) == [], "remove the rows of URL patterns that are gone"


@pytest.mark.parametrize(("name", "method", "expected"), calls("anonymous"))
def test_what_anonymous_gets(client, targets, name, method, expected):
    response = send(client, targets, name, method)
    assert response.status_code == expected
    if expected == LOGIN:
        assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(("name", "method", "expected"), calls("outsider"))
def test_what_an_outsider_gets(client, outsider, targets, name, method, expected):
    client.force_login(outsider)
    assert send(client, targets, name, method).status_code == expected


@pytest.mark.parametrize(("name", "method", "expected"), calls("viewer"))
def test_what_a_viewer_gets(client, viewer, targets, name, method, expected):
    client.force_login(viewer)
    assert send(client, targets, name, method).status_code == expected


@pytest.mark.parametrize(("name", "method", "expected"), calls("owner"))
def test_what_the_owner_gets(client, owner, targets, name, method, expected):
    client.force_login(owner)
    assert send(client, targets, name, method).status_code == expected


@pytest.mark.parametrize(("name", "method"), refused_methods())
def test_a_method_the_view_does_not_take_is_405(client, owner, targets, name, method):
    client.force_login(owner)
    assert send(client, targets, name, method).status_code == 405
