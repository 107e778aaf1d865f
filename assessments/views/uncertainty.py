"""The report's uncertainty section: what the Monte Carlo run says, as tables and charts."""

from assessments.scoring import AssessmentResult, TornadoBar
from coprod_site.numbers import format_money, format_number, round_to_estimate

# 95% of draws of a normal error lie within 1.96 standard errors: "19 times out of 20".
Z_95 = 1.96
MONEY_INPUTS = {
    "setup_cost",
    "annual_agency_cost",
    "annual_co_producer_money",
    "hourly_rate",
}


def shown_range(bar: TornadoBar, currency: str) -> str:
    """A tornado input's range in the input's own unit: "£4,500 to £5,500", "1 to 3 years"."""
    low, high = bar.low_value, bar.high_value
    name = bar.input_name
    if name in MONEY_INPUTS:
        ends = [format_money(round_to_estimate(end), currency) for end in (low, high)]
        return f"{ends[0]} to {ends[1]}"
    if name == "optimism_bias":
        return "none to double the allowance"
    if name == "discount_rate":
        return f"{format_number(low * 100, places=2)}% to {format_number(high * 100, places=2)}%"
    if name in ("annual_co_producer_hours", "clients_per_year"):
        ends = [format_number(round_to_estimate(end)) for end in (low, high)]
        unit = " hours" if name == "annual_co_producer_hours" else ""
        return f"{ends[0]} to {ends[1]}{unit}"
    unit = " years" if name == "ramp_up_years" else ""  # else a rating, 1 to 5
    return f"{format_number(low, places=1)} to {format_number(high, places=1)}{unit}"


def uncertainty_context(assessment, result: AssessmentResult) -> dict:
    """Everything the uncertainty section and its charts read; empty without a run."""
    uncertainty = result.uncertainty
    if uncertainty is None:
        return {"uncertainty": None}
    currency = assessment.service.agency.currency
    costed = [option for option in result.options if option is not None]
    best, runner_up = (
        result.best,
        (None if result.runner_up is None else result.options[result.runner_up]),
    )
    context = {
        "uncertainty": uncertainty,
        "costed": costed,
        "probabilities": [
            (option, probability, error * Z_95)
            for option, probability, error in zip(
                costed,
                uncertainty.probability_best,
                uncertainty.probability_error,
                strict=False,
            )
        ]
        if uncertainty.probability_best
        else [],
        "best_probability": uncertainty.probability_best[result.best_option]
        if uncertainty.probability_best and result.best_option is not None
        else None,
        "curve_rows": list(zip(uncertainty.curve_wtp, uncertainty.curve, strict=True)),
        "curve_last": uncertainty.curve_wtp[-1] if uncertainty.curve_wtp else None,
        "curve_data": {
            "currency": currency,
            "wtp": list(uncertainty.curve_wtp),
            "your_wtp": None
            if assessment.willingness_to_pay is None
            else float(assessment.willingness_to_pay),
            "series": [
                {"label": option.name, "data": [row[index] for row in uncertainty.curve]}
                for index, option in enumerate(costed)
            ],
        },
        "tornado": [
            {
                "label": bar.label,
                "range": shown_range(bar, currency),
                "gap_at_low": bar.gap_at_low,
                "gap_at_high": bar.gap_at_high,
            }
            for bar in uncertainty.tornado
        ],
        "tornado_switches": any(bar.changes_choice for bar in uncertainty.tornado),
        "tornado_data": None,
    }
    if uncertainty.tornado and best is not None and runner_up is not None:
        context["tornado_data"] = {
            "currency": currency,
            "best": best.name,
            "runner_up": runner_up.name,
            "base": (best.net_benefit or 0) - (runner_up.net_benefit or 0),
            "bars": [
                {"label": bar.label, "low": bar.gap_at_low, "high": bar.gap_at_high}
                for bar in uncertainty.tornado
            ],
        }
    return context
