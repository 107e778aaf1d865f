"""The assessments and options CSVs: the list page's filters, or one assessment."""

from django.db.models import F
from django.db.models.functions import TruncDate
from django.views.decorators.http import require_safe

from assessments.access import assessments_for, get_assessment_for_user
from assessments.choices import (
    Classification,
    Confidence,
    Level,
    Necessity,
    Quadrant,
    Sensitivity,
    Status,
    ValueType,
    WorkRelation,
)
from assessments.filters import filtered_assessments
from assessments.models import MOTIVATORS, RATINGS, Option
from coprod_site.csv_export import (
    JoinedList,
    choice_label,
    computed_csv_response,
    spreadsheet_safe_sql,
    true_false,
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
    ("level", choice_label("level", Level)),
    ("work_relation", choice_label("work_relation", WorkRelation)),
    ("necessity", choice_label("necessity", Necessity)),
    ("private_value_strength", F("private_value_strength")),
    ("public_value_strength", F("public_value_strength")),
    *((f"{motivator}_motivation", F(f"{motivator}_motivation")) for motivator in MOTIVATORS),
    ("co_producers_per_year", F("co_producers_per_year")),
    ("hours_per_co_producer", F("hours_per_co_producer")),
    ("hourly_rate", F("hourly_rate")),
    ("appraisal_years", F("appraisal_years")),
    ("discount_rate_percent", F("discount_rate")),
    ("willingness_to_pay", F("willingness_to_pay")),
    ("classification", choice_label("result_classification", Classification)),
    ("value_type", choice_label("result_value_type", ValueType)),
    ("best_option", spreadsheet_safe_sql(F("result_best__name"))),
    ("best_option_co_produced", true_false("result_best__co_produced")),
    ("best_option_full_cost", F("result_best__result_full_cost")),
    ("best_option_cost_per_client_year", F("result_best__result_cost_per_client_year")),
    ("best_option_quality_index", F("result_best__result_quality")),
    ("best_option_net_benefit", F("result_best__result_net_benefit")),
    ("co_production_against_comparator", choice_label("result_quadrant", Quadrant)),
    ("cost_per_client_year_change", F("result_cost_change")),
    ("quality_index_change", F("result_quality_change")),
    ("net_benefit_change", F("result_net_benefit_change")),
    ("sensitivity", choice_label("result_sensitivity", Sensitivity)),
    ("best_option_probability_best", F("result_probability_best")),
    ("value_of_perfect_information", F("result_evpi")),
    ("value_of_perfect_information_per_client_year", F("result_evpi_per_client_year")),
    ("risk_flag_count", F("result_risk_flag_count")),
    ("risk_flags", JoinedList("result_risk_flags")),
]

# One row per option, for the same assessments.
OPTION_COLUMNS = [
    ("assessment_id", F("assessment__code")),
    ("assessment", spreadsheet_safe_sql(F("assessment__title"))),
    ("agency", spreadsheet_safe_sql(F("assessment__service__agency__name"))),
    ("currency", spreadsheet_safe_sql(F("assessment__service__agency__currency"))),
    ("status", choice_label("assessment__status", Status)),
    ("position", F("position")),
    ("option", spreadsheet_safe_sql(F("name"))),
    ("co_produced", true_false("co_produced")),
    ("comparator", true_false("comparator")),
    ("setup_cost", F("setup_cost")),
    ("agency_cost_a_year", F("annual_agency_cost")),
    ("co_producer_hours_a_year", F("annual_co_producer_hours")),
    ("co_producer_money_a_year", F("annual_co_producer_money")),
    ("clients_a_year", F("clients_per_year")),
    ("years_to_full_take_up", F("ramp_up_years")),
    ("confidence", choice_label("confidence", Confidence)),
    *((rating, F(rating)) for rating in RATINGS),
    ("agency_cost_pv", F("result_agency_cost")),
    ("co_producer_time_cost_pv", F("result_time_cost")),
    ("co_producer_money_cost_pv", F("result_money_cost")),
    ("full_cost_pv", F("result_full_cost")),
    ("client_years_discounted", F("result_client_years")),
    ("cost_per_client_year", F("result_cost_per_client_year")),
    ("quality_index", F("result_quality")),
    ("net_benefit", F("result_net_benefit")),
    ("on_frontier", true_false("result_on_frontier")),
    ("best_from_willingness_to_pay", F("result_best_from_wtp")),
    ("best_below_willingness_to_pay", F("result_best_to_wtp")),
    ("best", true_false("result_is_best")),
    ("probability_best", F("result_probability_best")),
]


def _assessments(request):
    """The list page's filtered assessments; with ?assessment=<code>, only that one (404 if
    the user may not read it)."""
    if code := request.GET.get("assessment"):
        assessment = get_assessment_for_user(request.user, code, options=False)
        return assessments_for(request.user).filter(pk=assessment.pk)
    _, assessments = filtered_assessments(request)
    return assessments


@require_safe
def export_assessments_csv(request):
    return computed_csv_response("coprod-assessments", _assessments(request), COLUMNS)


@require_safe
def export_options_csv(request):
    """One row per option of the assessments the assessments export would write."""
    assessments = _assessments(request).order_by()
    options = Option.objects.filter(assessment__in=assessments.values("pk")).order_by(
        "-assessment__updated_at", "assessment__pk", "position"
    )
    return computed_csv_response("coprod-options", options, OPTION_COLUMNS)
