"""The case library: published cases for anyone signed in; staff also see drafts."""

from operator import attrgetter

from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.shortcuts import render
from django.views.decorators.http import require_safe

from coprod_site.columns import DATETIME, TEXT, Column, Export, form_filters, labels, python_row
from coprod_site.csv_export import export_view, streaming_csv_response
from services.access import cases_for, get_case_for_user
from services.forms import CaseFilterForm
from services.models import (
    CaseStatus,
    CoProducerType,
    GovernmentLevel,
    Level,
    Motivator,
    Necessity,
    Sector,
    SpecialAsset,
    ValueType,
)

CASES_PER_PAGE = 10
# What a card on the list shows; the long texts stay in the database.
LIST_FIELDS = (
    "slug",
    "title",
    "summary",
    "country",
    "period",
    "sector",
    "value_type",
    "necessity",
    "status",
)


def filtered_cases(request):
    """The cases the user may read, narrowed by the page's GET filters (shared with the export)."""
    visible = cases_for(request.user)
    form = CaseFilterForm(request.GET or None, cases=visible)
    return form, form.filter(visible)


@require_safe
def case_list(request):
    form, cases = filtered_cases(request)
    page = Paginator(cases.only(*LIST_FIELDS), CASES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "services/case_list.html", {"form": form, "page": page})


@require_safe
def case_detail(request, slug):
    case = get_case_for_user(request.user, slug)
    prefetch_related_objects([case], "effects")
    return render(request, "services/case_detail.html", {"case": case})


def _labels(values, choices) -> str:
    labels = dict(choices.choices)
    return "; ".join(labels.get(value, value) for value in values)


def _sources_cell(case) -> str:
    return "; ".join(
        f"{source.citation} <{source.url}>" if source.url else source.citation
        for source in case.sources.all()
    )


def _label(field: str, choices):
    return lambda case: choices(getattr(case, field)).label


def _labels_of(field: str, choices):
    return lambda case: _labels(getattr(case, field), choices)


def _text(field: str, description: str) -> Column:
    return Column(field, attrgetter(field), TEXT, description)


CASE_COLUMNS = [
    Column(
        "case_slug",
        attrgetter("slug"),
        TEXT,
        "The case's permanent name in its web address, as in /cases/<case_slug>/.",
    ),
    _text("title", "The case's title."),
    Column(
        "status",
        _label("status", CaseStatus),
        TEXT,
        "Whether the case is published; only curators see drafts and cases in review.",
        values=labels(CaseStatus),
    ),
    _text("summary", "A few sentences on what happened."),
    Column("what_co_producers_do", attrgetter("work"), TEXT, "The work citizens or clients do."),
    _text("agencies", "The agencies involved."),
    _text("period", "When it happened."),
    _text("country", "Where it happened."),
    Column(
        "sector",
        _label("sector", Sector),
        TEXT,
        "The field of public service.",
        values=labels(Sector),
    ),
    Column(
        "government_level",
        _label("government_level", GovernmentLevel),
        TEXT,
        "The level of government that ran it.",
        values=labels(GovernmentLevel),
    ),
    Column(
        "co_producer_type",
        _label("co_producer_type", CoProducerType),
        TEXT,
        "Who the co-producers were.",
        values=labels(CoProducerType),
    ),
    Column(
        "level",
        _label("level", Level),
        TEXT,
        "Whether people co-produced alone, as a group or all together.",
        values=labels(Level),
    ),
    Column(
        "value_type",
        _label("value_type", ValueType),
        TEXT,
        "Who got the value the work created.",
        values=labels(ValueType),
    ),
    Column(
        "necessity",
        _label("necessity", Necessity),
        TEXT,
        "Whether the service could have worked without co-producers' part.",
        values=labels(Necessity),
    ),
    Column(
        "motivators",
        _labels_of("motivators", Motivator),
        TEXT,
        "Why people took part, separated by semicolons, from: "
        + ", ".join(labels(Motivator))
        + ".",
    ),
    Column(
        "special_assets",
        _labels_of("special_assets", SpecialAsset),
        TEXT,
        "What co-producers brought, separated by semicolons, from: "
        + ", ".join(labels(SpecialAsset))
        + ".",
    ),
    _text("benefits", "What it achieved."),
    _text("costs", "What it cost."),
    _text("quality_effect", "Its effect on the quality of the service."),
    _text("lessons", "What other managers can learn from it."),
    Column(
        "sources",
        _sources_cell,
        TEXT,
        "Where to read more, separated by semicolons, each with its web address in angle "
        "brackets when it is online.",
    ),
    Column(
        "published_at",
        lambda case: case.published_at.isoformat() if case.published_at else "",
        DATETIME,
        "When the case was published; empty for drafts.",
    ),
]
_export_row = python_row(CASE_COLUMNS)


@export_view
def export_cases_csv(request):
    _, cases = filtered_cases(request)
    # Two queries a chunk of 500: the cases, then all their sources at once.
    rows = map(_export_row, cases.prefetch_related("sources").iterator(chunk_size=500))
    return streaming_csv_response("coprod-cases", [c.name for c in CASE_COLUMNS], rows)


CASES_EXPORT = Export(
    name="cases",
    url_name="export-cases",
    title="Case examples",
    row="One row for each case in the library: the published ones, and for curators drafts "
    "and cases in review too.",
    columns=CASE_COLUMNS,
    filters=form_filters(CaseFilterForm, country="A country, written as in the country column."),
    primary_key=("case_slug",),
    offered_on="the Case library page",
)
