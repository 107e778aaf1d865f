"""The assessments CSV: the list page's filters, or one assessment, one row each."""

from django.db.models import F
from django.db.models.functions import TruncDate
from django.views.decorators.http import require_safe

from assessments.access import assessments_for, get_assessment_for_user
from assessments.choices import (
    Classification,
    Necessity,
    Sensitivity,
    Status,
    ValueType,
    Verdict,
)
from assessments.filters import filtered_assessments
from assessments.models import MOTIVATORS
from coprod_site.csv_export import (
    JoinedList,
    choice_label,
    computed_csv_response,
    spreadsheet_safe_sql,
)

# (header, expression). Every cell is computed by the database, so PostgreSQL can COPY the
# query as it stands. Free text passes the formula guard; money is in the agency's currency.
COLUMNS = [
    ("assessment_id", F("code")),
    ("title", spreadsheet_safe_sql(F("title"))),
    ("service_id", F("service__code")),
    ("service", spreadsheet_safe_sql(F("service__name"))),
    ("agency", spreadsheet_safe_sql(F("service__agency__name"))),
    ("currency", spreadsheet_safe_sql(F("service__agency__currency"))),
    ("status", choice_label("status", Status)),
    ("created_on", TruncDate("created_at")),
    ("updated_on", TruncDate("updated_at")),
    ("submitted_on", TruncDate("submitted_at")),
    ("author", spreadsheet_safe_sql(F("author__username"))),
    ("co_producer_types", JoinedList("co_producer_types")),
    ("necessity", choice_label("necessity", Necessity)),
    ("private_value_strength", F("private_value_strength")),
    ("public_value_strength", F("public_value_strength")),
    *((f"{motivator}_motivation", F(f"{motivator}_motivation")) for motivator in MOTIVATORS),
    ("co_producers_per_year", F("co_producers_per_year")),
    ("hours_per_co_producer", F("hours_per_co_producer")),
    ("alternative", spreadsheet_safe_sql(F("alternative_name"))),
    ("hourly_rate", F("hourly_rate")),
    ("appraisal_years", F("appraisal_years")),
    ("discount_rate_percent", F("discount_rate")),
    ("classification", choice_label("result_classification", Classification)),
    ("value_type", choice_label("result_value_type", ValueType)),
    ("verdict", choice_label("result_verdict", Verdict)),
    ("sensitivity", choice_label("result_sensitivity", Sensitivity)),
    ("co_production_full_cost", F("result_co_production_full_cost")),
    ("alternative_full_cost", F("result_alternative_full_cost")),
    ("co_production_cost_per_client", F("result_co_production_cost_per_client")),
    ("alternative_cost_per_client", F("result_alternative_cost_per_client")),
    ("co_production_quality_index", F("result_co_production_quality")),
    ("alternative_quality_index", F("result_alternative_quality")),
    ("risk_flag_count", F("result_risk_flag_count")),
    ("risk_flags", JoinedList("result_risk_flags")),
]


@require_safe
def export_assessments_csv(request):
    """The list page's filtered assessments; with ?assessment=<code>, only that one (404 if
    the user may not read it)."""
    if code := request.GET.get("assessment"):
        assessment = get_assessment_for_user(request.user, code)
        assessments = assessments_for(request.user).filter(pk=assessment.pk)
    else:
        _, assessments = filtered_assessments(request)
    return computed_csv_response("coprod-assessments", assessments, COLUMNS)
