"""The assessments and options CSVs: the list page's filters, or one assessment. The budget
CSV, one row per option per year, is in export_budget."""

from django.db import NotSupportedError
from django.db.models import Case, CharField, F, Func, Q, Value, When
from django.db.models.functions import TruncDate

from assessments.access import assessments_for, get_assessment_for_user
from assessments.choices import (
    Classification,
    Confidence,
    CoProducerType,
    Level,
    Necessity,
    Quadrant,
    Sensitivity,
    Status,
    ValueType,
    WorkRelation,
)
from assessments.filters import AssessmentFilterForm, filtered_assessments
from assessments.models import MOTIVATORS, RATINGS, Option, OutcomeMeasure
from assessments.models.assessment import money_currency
from assessments.scoring import RISK_FLAG_TEXT
from coprod_site.columns import (
    BOOLEAN,
    CLIENT_YEARS,
    CLIENTS_A_YEAR,
    DATE,
    HOURS_A_YEAR,
    INTEGER,
    MONEY,
    MONEY_PV,
    NUMBER,
    PERCENT,
    PROBABILITY,
    QUALITY_POINTS,
    RATING,
    STRENGTH,
    TEXT,
    YEARS,
    Column,
    Export,
    Filter,
    form_filters,
)
from coprod_site.csv_export import (
    JoinedList,
    computed_csv_response,
    export_view,
    label_column,
    spreadsheet_safe_sql,
    text_column,
    yes_no_column,
)

# What each group of figures whose value of information is exported stands for.
EVIDENCE_WORDS = {
    "people": "how many people the options reach, and how fast",
    "time_and_money": "the hours and money co-producers give",
    "agency_costs": "what each option costs the agency",
    "quality": "how good each option is on all four counts of quality",
}
MOTIVATION_REASONS = {
    "material": "material rewards or private gain",
    "intrinsic": "enjoying the work itself",
    "social": "company, fellowship and esteem",
    "normative": "moral values and wanting to help",
    "sanctions": "fear of penalties",
}
RATING_WORDS = {
    "effectiveness": "effectiveness",
    "consistency": "consistency across areas",
    "trust": "trust and responsiveness",
    "experience": "client experience",
}


class OutcomeNames(Func):
    """The names of the assessment's outcome measures joined by ";" in their order; NULL
    if it names none. A subquery in the export's one query, so no query per row."""

    output_field = CharField()
    TABLE = OutcomeMeasure._meta.db_table

    def __init__(self):
        super().__init__(F("pk"))

    def as_sql(self, compiler, connection, **extra):
        raise NotSupportedError(f"OutcomeNames is not written for {connection.vendor}.")

    def as_sqlite(self, compiler, connection, **extra):
        # SQLite before 3.44 has no ORDER BY inside group_concat: order the rows first.
        template = (
            "(SELECT group_concat(measure.name, ';') FROM (SELECT name FROM "
            f"{self.TABLE} WHERE assessment_id = %(expressions)s ORDER BY position) AS measure)"
        )
        return super().as_sql(compiler, connection, template=template, **extra)

    def as_postgresql(self, compiler, connection, **extra):
        template = (
            f"(SELECT string_agg(measure.name, ';' ORDER BY measure.position) FROM {self.TABLE} "
            "AS measure WHERE measure.assessment_id = %(expressions)s)"
        )
        return super().as_sql(compiler, connection, template=template, **extra)


def perspectives_agree() -> Case:
    """Whether the best option at full cost is the best at the agency's own cost: "true" or
    "false", NULL while either is unknown."""
    return Case(
        When(Q(result_best__isnull=True) | Q(result_agency_best__isnull=True), then=None),
        When(result_agency_best=F("result_best"), then=Value("true")),
        default=Value("false"),
        output_field=CharField(),
    )


def best_at_agency_cost() -> Case:
    """Whether the option is its assessment's best at the agency's own cost: "true" or
    "false", NULL while the assessment has none."""
    return Case(
        When(assessment__result_agency_best__isnull=True, then=None),
        When(assessment__result_agency_best=F("pk"), then=Value("true")),
        default=Value("false"),
        output_field=CharField(),
    )


class MoneyDifference(Func):
    """The first money column less the others, to the cent, as text; NULL if any is NULL.

    PostgreSQL's numeric subtracts exactly. SQLite holds money as floating point, and
    Django's converter would keep the sum's stray digits (1222.26000000000), so there the
    columns are subtracted in whole cents and printed with two places, as COPY prints a
    numeric of scale 2."""

    output_field = CharField()

    def __init__(self, first: str, *others: str):
        super().__init__(*(F(name) for name in (first, *others)))

    def as_sql(self, compiler, connection, **extra):
        raise NotSupportedError(f"MoneyDifference is not written for {connection.vendor}.")

    def as_postgresql(self, compiler, connection, **extra):
        template = "CAST((%(expressions)s) AS text)"
        return super().as_sql(compiler, connection, template=template, arg_joiner=" - ", **extra)

    def as_sqlite(self, compiler, connection, **extra):
        terms, params = [], []
        for expression in self.get_source_expressions():
            sql, term_params = compiler.compile(expression)
            terms.append(f"CAST(ROUND({sql} * 100) AS INTEGER)")
            params.extend(term_params)
        cents = "(" + " - ".join(terms) + ")"
        # printf would write NULL as 0.00. The cents appear twice, and so do their params.
        sql = f"CASE WHEN {cents} IS NULL THEN NULL ELSE printf('%%.2f', {cents} / 100.0) END"
        return sql, [*params, *params]


# Every cell is computed by the database, so PostgreSQL can COPY the query as it stands.
# Free text passes the formula guard; money is in the agency's currency.
COLUMNS = [
    Column("assessment_id", F("code"), TEXT, "The assessment's permanent id.", format="uuid"),
    text_column("title", "title", "The assessment's name."),
    Column("service_id", F("service__code"), TEXT, "The service's permanent id.", format="uuid"),
    text_column("service", "service__name", "The service assessed."),
    text_column("agency", "service__agency__name", "The agency that runs the service."),
    Column(
        "currency",
        money_currency(),
        TEXT,
        "The three-letter code of the currency every amount of money in the row is in: the "
        "agency's, or for a submitted assessment the one it was submitted in.",
    ),
    label_column("status", "status", Status, "Draft, submitted (final) or archived."),
    Column("created_on", TruncDate("created_at"), DATE, "When the assessment was started."),
    Column("updated_on", TruncDate("updated_at"), DATE, "When it was last changed."),
    Column(
        "submitted_on", TruncDate("submitted_at"), DATE, "When it was submitted; empty for drafts."
    ),
    text_column("author", "author__username", "The user name of whoever started it."),
    Column(
        "co_producer_types",
        JoinedList("co_producer_types"),
        TEXT,
        "Who the co-producers are, as codes separated by semicolons, from: "
        + ", ".join(CoProducerType.values)
        + ".",
    ),
    label_column(
        "level", "level", Level, "Whether people co-produce alone, as a group or all together."
    ),
    label_column(
        "work_relation",
        "work_relation",
        WorkRelation,
        "Whether co-producers' work adds to the agency's or replaces some of it.",
    ),
    label_column("necessity", "necessity", Necessity, "Whether the service could work without it."),
    Column(
        "private_value_strength",
        F("private_value_strength"),
        INTEGER,
        "How much value the person served gets.",
        STRENGTH,
    ),
    Column(
        "public_value_strength",
        F("public_value_strength"),
        INTEGER,
        "How much value the public at large gets.",
        STRENGTH,
    ),
    *(
        Column(
            f"{motivator}_motivation",
            F(f"{motivator}_motivation"),
            INTEGER,
            f"How strongly people take part for {MOTIVATION_REASONS[motivator]}.",
            STRENGTH,
        )
        for motivator in MOTIVATORS
    ),
    Column(
        "co_producers_per_year",
        F("co_producers_per_year"),
        INTEGER,
        "How many people co-produce in a year.",
        "people a year",
    ),
    Column(
        "hours_per_co_producer",
        F("hours_per_co_producer"),
        NUMBER,
        "Hours each co-producer gives in a year.",
        HOURS_A_YEAR,
    ),
    yes_no_column(
        "same_people_every_option",
        "same_population",
        "Whether every option serves the same people (then counted once, in "
        "people_served_a_year); empty while not answered, which counts as no.",
    ),
    yes_no_column(
        "comparator_is_what_happens_now",
        "comparator_is_now",
        "Whether the option the others are compared against is what happens now; no means "
        "every option would be new, and that option is simply the one compared against.",
    ),
    Column(
        "people_served_a_year",
        F("clients_per_year"),
        INTEGER,
        "Where every option serves the same people: how many a year.",
        CLIENTS_A_YEAR,
    ),
    Column(
        "hourly_rate",
        F("hourly_rate"),
        NUMBER,
        "The money value put on an hour of a co-producer's time.",
        f"{MONEY} an hour",
    ),
    Column(
        "appraisal_years",
        F("appraisal_years"),
        INTEGER,
        "How many years the costs and benefits are counted over.",
        YEARS,
    ),
    Column(
        "discount_rate_percent",
        F("discount_rate"),
        NUMBER,
        "The rate later years are discounted at: 3.50 means 3.5% a year.",
        PERCENT,
    ),
    Column(
        "willingness_to_pay",
        F("willingness_to_pay"),
        NUMBER,
        "What the agency would pay to raise quality by one point for one client for a year; "
        "empty while it has not decided.",
        f"{MONEY} per quality point per client-year",
    ),
    label_column(
        "classification",
        "result_classification",
        Classification,
        "Whether the arrangement is co-production (doing the work) or participation "
        "(planning or designing it).",
    ),
    label_column(
        "value_type", "result_value_type", ValueType, "Who gets the value the work creates."
    ),
    text_column(
        "best_option",
        "result_best__name",
        "The option with the highest mean net benefit over the uncertainty draws; empty while "
        "no value is put on quality.",
    ),
    text_column(
        "best_option_at_agency_cost",
        "result_agency_best__name",
        "The option with the highest mean net benefit over the uncertainty draws when only the "
        "agency's own spending is counted as a cost (co-producers' time and money left out); "
        "empty while no value is put on quality.",
    ),
    Column(
        "perspectives_agree",
        perspectives_agree(),
        BOOLEAN,
        "Whether best_option and best_option_at_agency_cost are the same option: false means "
        "the choice at full cost leans on what co-producers give, and the report says so "
        "first; empty while either is empty.",
    ),
    text_column(
        "best_option_on_single_estimates",
        "result_single_estimate_best__name",
        "Where it differs from best_option: the option that would be best if every figure "
        "were exactly as estimated; empty when they agree.",
    ),
    Column(
        "best_option_mean_net_benefit",
        F("result_best__result_mean_net_benefit"),
        NUMBER,
        "The best option's net benefit averaged over the uncertainty draws.",
        MONEY_PV,
    ),
    yes_no_column(
        "best_option_co_produced",
        "result_best__co_produced",
        "Whether the best option is co-produced.",
    ),
    Column(
        "best_option_full_cost",
        F("result_best__result_full_cost"),
        NUMBER,
        "The best option's full cost: the agency's spending plus the value of co-producers' "
        "time and money.",
        MONEY_PV,
    ),
    Column(
        "best_option_cost_per_client_year",
        F("result_best__result_cost_per_client_year"),
        NUMBER,
        "The best option's full cost divided by the discounted client-years it serves.",
        f"{MONEY} per client-year",
    ),
    Column(
        "best_option_quality_index",
        F("result_best__result_quality"),
        NUMBER,
        "The best option's service quality, from its ratings.",
        QUALITY_POINTS,
    ),
    Column(
        "best_option_net_benefit",
        F("result_best__result_net_benefit"),
        NUMBER,
        "The best option's quality valued at the willingness to pay, plus the value of its "
        "outcomes, less its full cost.",
        MONEY_PV,
    ),
    label_column(
        "co_production_against_comparator",
        "result_quadrant",
        Quadrant,
        "The best co-produced option against what happens now, on cost per client-year and "
        "quality.",
    ),
    Column(
        "cost_per_client_year_change",
        F("result_cost_change"),
        NUMBER,
        "The best co-produced option's cost per client-year less the comparator's: below "
        "zero is cheaper.",
        f"{MONEY} per client-year",
    ),
    Column(
        "quality_index_change",
        F("result_quality_change"),
        NUMBER,
        "The best co-produced option's quality less the comparator's: above zero is better.",
        QUALITY_POINTS,
    ),
    Column(
        "net_benefit_change",
        F("result_net_benefit_change"),
        NUMBER,
        "The best co-produced option's net benefit less the comparator's.",
        MONEY_PV,
    ),
    label_column(
        "sensitivity",
        "result_sensitivity",
        Sensitivity,
        "Robust when the best option is best in at least 80% of the uncertainty draws.",
    ),
    Column(
        "best_option_probability_best",
        F("result_probability_best"),
        NUMBER,
        "The share of the uncertainty draws in which the best option is best.",
        PROBABILITY,
    ),
    Column(
        "value_of_perfect_information",
        F("result_evpi"),
        NUMBER,
        "The most it would be worth paying to remove all uncertainty about the figures "
        "before choosing.",
        MONEY_PV,
    ),
    Column(
        "value_of_perfect_information_per_client_year",
        F("result_evpi_per_client_year"),
        NUMBER,
        "The value of perfect information for each discounted client-year.",
        f"{MONEY} per client-year",
    ),
    *(
        Column(
            f"value_of_finding_out_{group}",
            F(f"result_evppi_{group}"),
            NUMBER,
            f"The most it would be worth paying to know {words} for certain before choosing "
            "(the expected value of partial perfect information).",
            MONEY_PV,
        )
        for group, words in EVIDENCE_WORDS.items()
    ),
    *(
        Column(
            f"{name}_break_even_{end}",
            F(f"result_{name}_{end}"),
            NUMBER,
            f"The nearest {words} {'below' if end == 'below' else 'above'} the assessment's "
            "at which another option would become the best choice; empty if none would.",
            unit,
        )
        for name, words, unit in (
            ("hourly_rate", "value of an hour", f"{MONEY} an hour"),
            ("discount_rate", "discount rate", "a fraction a year: 0.035 is 3.5%"),
            (
                "willingness_to_pay",
                "value of a quality point",
                f"{MONEY} per quality point per client-year",
            ),
        )
        for end in ("below", "above")
    ),
    Column(
        "outcomes",
        spreadsheet_safe_sql(OutcomeNames()),
        TEXT,
        "The outcomes the assessment puts a value on (what changes in people's lives, such "
        "as quality-adjusted life years or crimes prevented), by name, separated by "
        "semicolons in the assessment's order; empty when it names none. The options export's "
        "outcome_value is what each option's changes to them are worth.",
    ),
    Column(
        "risk_flag_count",
        F("result_risk_flag_count"),
        INTEGER,
        "How many risk flags the assessment raises.",
    ),
    Column(
        "risk_flags",
        JoinedList("result_risk_flags"),
        TEXT,
        "The risk flags raised, as codes separated by semicolons, from: "
        + ", ".join(RISK_FLAG_TEXT)
        + ". The report words each one.",
    ),
]

# Who gains and who pays (`scoring.incidence`): each option against the comparator.
AGAINST_THE_COMPARATOR = (
    "This option's figure less the comparator's, over the appraisal period; empty for the "
    "comparator itself and while not every option is costed."
)
INCIDENCE_COLUMNS = [
    Column(
        "agency_cost_change_pv",
        F("result_agency_change"),
        NUMBER,
        "What the agency spends on this option (agency_cost_pv) against the comparator: "
        "below zero the agency saves. " + AGAINST_THE_COMPARATOR,
        MONEY_PV,
    ),
    Column(
        "co_producer_time_cost_change_pv",
        F("result_time_change"),
        NUMBER,
        "The value of the time co-producers give (co_producer_time_cost_pv) against the "
        "comparator: above zero they give more. " + AGAINST_THE_COMPARATOR,
        MONEY_PV,
    ),
    Column(
        "co_producer_money_cost_change_pv",
        F("result_money_change"),
        NUMBER,
        "Co-producers' own money (co_producer_money_cost_pv) against the comparator: above "
        "zero they spend more. " + AGAINST_THE_COMPARATOR,
        MONEY_PV,
    ),
    Column(
        "co_producer_hours_a_year_change",
        F("result_hours_change"),
        NUMBER,
        "The hours co-producers give each year at full take-up (co_producer_hours_a_year) "
        "against the comparator: above zero they give more. This option's figure less the "
        "comparator's; empty for the comparator itself and while not every option is costed.",
        HOURS_A_YEAR,
    ),
    Column(
        "gains_change_pv",
        F("result_gains_change"),
        NUMBER,
        "What the clients and the public gain against the comparator: the value of the change "
        "in quality (at the willingness to pay) and in outcomes; above zero is a gain. Empty "
        "also while no value is put on quality. " + AGAINST_THE_COMPARATOR,
        MONEY_PV,
    ),
    Column(
        "clients_gain_pv",
        MoneyDifference("result_gains_change", "result_public_gain"),
        NUMBER,
        "The clients' part of gains_change_pv: all of it where the assessment's value is "
        "private, none where it is public, in proportion to the strengths of private and "
        "public value where it is both. Empty also where the assessment does not say whose "
        "the value is. " + AGAINST_THE_COMPARATOR,
        MONEY_PV,
    ),
    Column(
        "public_gain_pv",
        F("result_public_gain"),
        NUMBER,
        "The public's part of gains_change_pv (clients_gain_pv plus public_gain_pv is "
        "gains_change_pv). Empty also where the assessment does not say whose the value "
        "is. " + AGAINST_THE_COMPARATOR,
        MONEY_PV,
    ),
    Column(
        "net_benefit_change_pv",
        MoneyDifference(
            "result_gains_change",
            "result_agency_change",
            "result_time_change",
            "result_money_change",
        ),
        NUMBER,
        "Who gains less who pays: gains_change_pv less agency_cost_change_pv, "
        "co_producer_time_cost_change_pv and co_producer_money_cost_change_pv. It is this "
        "option's net_benefit less the comparator's, on the single estimates (the assessments "
        "export's net_benefit_change is on the means over the uncertainty draws). Empty also "
        "while no value is put on quality. " + AGAINST_THE_COMPARATOR,
        MONEY_PV,
    ),
    Column(
        "agency_view_mean_net_benefit",
        F("result_agency_mean_net_benefit"),
        NUMBER,
        "The option's net benefit from the agency's own perspective, averaged over the "
        "uncertainty draws: quality and outcomes valued as in mean_net_benefit, less the "
        "agency's spending only (co-producers' time and money left out). Empty while no value "
        "is put on quality.",
        MONEY_PV,
    ),
    Column(
        "best_at_agency_cost",
        best_at_agency_cost(),
        BOOLEAN,
        "Whether this is the best option from the agency's own perspective: the one with the "
        "highest agency_view_mean_net_benefit (the assessments export's "
        "best_option_at_agency_cost). Where it differs from best, the choice at full cost "
        "leans on what co-producers give. Empty while no value is put on quality.",
    ),
]

# One row per option, for the same assessments.
OPTION_COLUMNS = [
    Column(
        "assessment_id",
        F("assessment__code"),
        TEXT,
        "The assessment's permanent id, as in the assessments export.",
        format="uuid",
    ),
    text_column("assessment", "assessment__title", "The assessment's name."),
    text_column("agency", "assessment__service__agency__name", "The agency that runs the service."),
    Column(
        "currency",
        money_currency("assessment__"),
        TEXT,
        "The three-letter code of the currency every amount of money in the row is in: the "
        "agency's, or for a submitted assessment the one it was submitted in.",
    ),
    label_column("status", "assessment__status", Status, "The assessment's status."),
    Column(
        "position", F("position"), INTEGER, "The option's place in the assessment's list, from 1."
    ),
    text_column("option", "name", "The option's name: one way of doing the work."),
    yes_no_column("co_produced", "co_produced", "Whether co-producers do part of the work."),
    yes_no_column(
        "comparator",
        "comparator",
        "Whether this is what happens now, which others are set against.",
    ),
    Column("setup_cost", F("setup_cost"), NUMBER, "The one-off cost of setting it up.", MONEY),
    Column(
        "agency_cost_a_year",
        F("annual_agency_cost"),
        NUMBER,
        "What it costs the agency each year at full take-up.",
        f"{MONEY} a year",
    ),
    Column(
        "co_producer_hours_per_client",
        F("hours_per_client"),
        NUMBER,
        "The hours co-producers give for each client served, in a year; empty where the "
        "manager left it to the people and hours each given for the whole assessment.",
        "hours per client a year",
    ),
    Column(
        "co_producer_money_per_client",
        F("money_per_client"),
        NUMBER,
        "The money co-producers spend of their own for each client served, in a year.",
        f"{MONEY} per client a year",
    ),
    Column(
        "co_producer_hours_a_year",
        F("result_hours_a_year"),
        NUMBER,
        "The hours co-producers give each year, all together, at full take-up: the hours for "
        "each client times the clients served.",
        HOURS_A_YEAR,
    ),
    Column(
        "clients_a_year",
        F("clients_per_year"),
        INTEGER,
        "Clients served a year, where the options serve different people (see the "
        "assessments export's same_people_every_option).",
        CLIENTS_A_YEAR,
    ),
    Column(
        "take_up_percent",
        F("take_up"),
        NUMBER,
        "Where every option serves the same people: the share of them this option reaches "
        "at full take-up; empty means all of them.",
        "per cent of the people served (0 to 100)",
    ),
    Column(
        "years_to_full_take_up",
        F("ramp_up_years"),
        INTEGER,
        "How many years it takes to reach full take-up.",
        YEARS,
    ),
    label_column(
        "confidence", "confidence", Confidence, "How sure the manager is of the option's figures."
    ),
    *(
        Column(
            rating, F(rating), INTEGER, f"The option's rating for {RATING_WORDS[rating]}.", RATING
        )
        for rating in RATINGS
    ),
    Column(
        "agency_cost_pv",
        F("result_agency_cost"),
        NUMBER,
        "The agency's spending over the appraisal period.",
        MONEY_PV,
    ),
    Column(
        "co_producer_time_cost_pv",
        F("result_time_cost"),
        NUMBER,
        "The value of co-producers' time over the appraisal period, at the hourly rate.",
        MONEY_PV,
    ),
    Column(
        "co_producer_money_cost_pv",
        F("result_money_cost"),
        NUMBER,
        "Co-producers' own money over the appraisal period.",
        MONEY_PV,
    ),
    Column(
        "full_cost_pv",
        F("result_full_cost"),
        NUMBER,
        "The agency's spending plus the value of co-producers' time and money.",
        MONEY_PV,
    ),
    Column(
        "client_years_discounted",
        F("result_client_years"),
        NUMBER,
        "The clients served in each year of the appraisal period, discounted and added up.",
        CLIENT_YEARS,
    ),
    Column(
        "cost_per_client_year",
        F("result_cost_per_client_year"),
        NUMBER,
        "Full cost divided by the discounted client-years.",
        f"{MONEY} per client-year",
    ),
    Column(
        "quality_index",
        F("result_quality"),
        NUMBER,
        "Service quality, from the option's four ratings.",
        QUALITY_POINTS,
    ),
    Column(
        "outcome_value",
        F("result_outcome_value"),
        NUMBER,
        "The value of the changes the option makes to the assessment's outcomes (see the "
        "assessments export's outcomes column): for each outcome, its units over the "
        "appraisal period (the change for each client a year times the discounted "
        "client-years) times its price per unit in the assessment's price year, added up; "
        "0 when the assessment names no outcome.",
        MONEY_PV,
    ),
    Column(
        "net_benefit",
        F("result_net_benefit"),
        NUMBER,
        "Quality valued at the willingness to pay, plus the value of outcomes "
        "(outcome_value), less full cost; empty while no value is put on quality.",
        MONEY_PV,
    ),
    yes_no_column(
        "on_frontier",
        "result_on_frontier",
        "Whether the option is on the efficient frontier: no other option, or mix of two, is "
        "both cheaper and better.",
    ),
    Column(
        "best_from_willingness_to_pay",
        F("result_best_from_wtp"),
        NUMBER,
        "The lowest willingness to pay at which this option is best; empty if it never is.",
        f"{MONEY} per quality point per client-year",
    ),
    Column(
        "best_below_willingness_to_pay",
        F("result_best_to_wtp"),
        NUMBER,
        "The willingness to pay up to which it stays best; empty if it is best at any higher "
        "figure, or never.",
        f"{MONEY} per quality point per client-year",
    ),
    yes_no_column(
        "best",
        "result_is_best",
        "Whether this is the best option at the willingness to pay: the one with the highest "
        "mean net benefit over the uncertainty draws.",
    ),
    Column(
        "probability_best",
        F("result_probability_best"),
        NUMBER,
        "The share of the uncertainty draws in which this option is best.",
        PROBABILITY,
    ),
    Column(
        "mean_net_benefit",
        F("result_mean_net_benefit"),
        NUMBER,
        "The option's net benefit averaged over the uncertainty draws: the figure the choice "
        "is made on.",
        MONEY_PV,
    ),
    Column(
        "expected_loss",
        F("result_expected_loss"),
        NUMBER,
        "What choosing this option would lose on average against the best option of each "
        "uncertainty draw; the best option's is the value of perfect information.",
        MONEY_PV,
    ),
    *INCIDENCE_COLUMNS,
]


def exported_assessments(request):
    """The list page's filtered assessments; with ?assessment=<code>, only that one (404 if
    the user may not read it)."""
    if code := request.GET.get("assessment"):
        assessment = get_assessment_for_user(request.user, code, options=False)
        return assessments_for(request.user).filter(pk=assessment.pk)
    _, assessments = filtered_assessments(request)
    return assessments


@export_view
def export_assessments_csv(request):
    return computed_csv_response("coprod-assessments", exported_assessments(request), COLUMNS)


def exported_options(request):
    """The options of the assessments the assessments export would write, in its order."""
    assessments = exported_assessments(request).order_by()
    return Option.objects.filter(assessment__in=assessments.values("pk")).order_by(
        "-assessment__updated_at", "assessment__pk", "position"
    )


@export_view
def export_options_csv(request):
    """One row per option of the assessments the assessments export would write."""
    return computed_csv_response("coprod-options", exported_options(request), OPTION_COLUMNS)


FILTERS = [
    Filter(
        "assessment",
        "One assessment only, by its id (the assessment_id column); the other filters are "
        "then left out.",
    ),
    *form_filters(
        AssessmentFilterForm,
        agency="One of your agencies, by the name in its address (as the list's agency "
        "filter sends it).",
        service="One of your services, by its id (the service_id column).",
        status="Without it, drafts and submitted assessments: archived ones are left out.",
    ),
]
ASSESSMENTS_EXPORT = Export(
    name="assessments",
    url_name="export-assessments",
    title="Assessments",
    row="One row for each assessment: its answers and its results.",
    columns=COLUMNS,
    filters=FILTERS,
    primary_key=("assessment_id",),
    offered_on="the Assessments page and each assessment's report",
)
OPTIONS_EXPORT = Export(
    name="options",
    url_name="export-options",
    title="Options",
    row="One row for each option of the assessments the assessments export would write, "
    "in the same order: the ways of doing the work that each assessment compares.",
    columns=OPTION_COLUMNS,
    filters=FILTERS,
    primary_key=("assessment_id", "position"),
    offered_on="the Assessments page and each assessment's report",
)
