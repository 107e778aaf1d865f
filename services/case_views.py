"""The case library: published cases for anyone signed in; staff also see drafts."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from coprod_site.csv_export import streaming_csv_response
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
    return render(request, "services/case_detail.html", {"case": case})


def _labels(values, choices) -> str:
    labels = dict(choices.choices)
    return "; ".join(labels.get(value, value) for value in values)


def _sources_cell(case) -> str:
    return "; ".join(
        f"{source.citation} <{source.url}>" if source.url else source.citation
        for source in case.sources.all()
    )


EXPORT_HEADER = [
    "case_slug", "title", "status", "summary", "what_co_producers_do", "agencies", "period",
    "country", "sector", "government_level", "co_producer_type", "level", "value_type",
    "necessity", "motivators", "special_assets", "benefits", "costs", "quality_effect",
    "lessons", "sources", "published_at",
]  # fmt: skip


def _export_row(case) -> tuple:
    return (
        case.slug,
        case.title,
        CaseStatus(case.status).label,
        case.summary,
        case.work,
        case.agencies,
        case.period,
        case.country,
        Sector(case.sector).label,
        GovernmentLevel(case.government_level).label,
        CoProducerType(case.co_producer_type).label,
        Level(case.level).label,
        ValueType(case.value_type).label,
        Necessity(case.necessity).label,
        _labels(case.motivators, Motivator),
        _labels(case.special_assets, SpecialAsset),
        case.benefits,
        case.costs,
        case.quality_effect,
        case.lessons,
        _sources_cell(case),
        case.published_at.isoformat() if case.published_at else "",
    )


@require_safe
def export_cases_csv(request):
    _, cases = filtered_cases(request)
    # Two queries a chunk of 500: the cases, then all their sources at once.
    rows = map(_export_row, cases.prefetch_related("sources").iterator(chunk_size=500))
    return streaming_csv_response("coprod-cases", EXPORT_HEADER, rows)
