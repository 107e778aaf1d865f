"""The report's uncertainty section: what the Monte Carlo run says, as tables and charts,
and the value judgements' break-even values and scenarios."""

from assessments.scoring import AssessmentResult, TornadoBar
from coprod_site.numbers import currency_sign, format_money, format_number, round_to_estimate

# 95% of draws of a normal error lie within 1.96 standard errors: "19 times out of 20".
Z_95 = 1.96
MONEY_INPUTS = {"setup_cost", "annual_agency_cost", "annual_co_producer_money"}

# What finding out each group of figures means, and the study that would find it out.
EVIDENCE = {
    "people": (
        "how many people the options reach, and how quickly they take them up",
        "a pilot, or the service's own records of who uses it, would show this",
    ),
    "time_and_money": (
        "how many hours, and how much of their own money, people really give",
        "a survey of co-producers measures this",
    ),
    "agency_costs": (
        "what each option would cost the agency",
        "a costing with finance colleagues, or quotes from providers, would settle this",
    ),
    "quality": (
        "how good each option is on all four counts of quality",
        "an evaluation of the options, or a review of the published evidence, would show this",
    ),
    "effectiveness": (
        "how well each option achieves what the service is for",
        "an evaluation, or a review of the published evidence, would show this",
    ),
    "consistency": (
        "how evenly each option works across areas and groups",
        "comparing results area by area would show this",
    ),
    "trust": (
        "how far clients trust each option",
        "asking clients, in a survey or interviews, would show this",
    ),
    "experience": (
        "how clients find each option",
        "asking clients, in a survey or interviews, would show this",
    ),
}
# The value judgements, in a manager's words.
JUDGEMENTS = {
    "hourly_rate": "the value of an hour of co-producers' time",
    "discount_rate": "the discount rate",
    "willingness_to_pay": "the value of one quality point for one client for a year",
}
LEVELS = {"low": "Low", "central": "As set", "high": "High"}
# The value judgements and groups of figures of an outcome are named "outcome:0", ...
OUTCOME_PREFIX = "outcome:"
OUTCOME_STUDY = "a trial or an evaluation of the options would show this"


def effect_number(value) -> str | None:
    """An effect on an outcome for each client a year, as given (up to six places, no
    trailing noughts): "0.02", "-1.5"."""
    return None if value is None else format_number(value, places=6)


def _outcome(name: str, outcomes: list):
    """The outcome measure a judgement or a group of figures named "outcome:k" is about;
    None for any other name."""
    if not name.startswith(OUTCOME_PREFIX):
        return None
    return outcomes[int(name.removeprefix(OUTCOME_PREFIX))]


def judgement_words(name: str, outcomes: list) -> dict:
    """A value judgement in a manager's words: `words` as the subject of "… is more than
    £1,100" (`verb` is "is" or "is worth"), `whatever` after "Whatever", `label` as a
    table's row heading."""
    measure = _outcome(name, outcomes)
    if measure is None:
        words = JUDGEMENTS[name]
        return {"words": words, "verb": "is", "whatever": words, "label": words}
    words = f"{measure.unit} ({measure.name})"
    return {
        "words": words,
        "verb": "is worth",
        "whatever": f"{words} is worth",
        "label": f"the value of {measure.unit} ({measure.name})",
    }


def evidence_words(group: str, outcomes: list) -> tuple[str, str]:
    """What finding out a group of figures means, and the study that would find it out."""
    measure = _outcome(group, outcomes)
    if measure is None:
        return EVIDENCE[group]
    return f"the effect on {measure.name}", OUTCOME_STUDY


def shown_range(bar: TornadoBar, currency: str) -> str:
    """A tornado input's range in the input's own unit: "£4,500 to £5,500", "1 to 3 years"."""
    ends = (
        shown_value(bar.input_name, bar.low_value, currency),
        shown_value(bar.input_name, bar.high_value, currency),
    )
    if bar.input_name == "optimism_bias":
        return "none to double the allowance"
    return f"{ends[0]} to {ends[1]}"


# Figures whose default range is a share of the estimate either side (the rest: ratings in
# points, the years to full take-up in years).
RELATIVE_DEFAULTS = {
    "setup_cost",
    "annual_agency_cost",
    "annual_co_producer_hours",
    "annual_co_producer_money",
    "clients_per_year",
    "population",
    "take_up",
    "outcome",
}


def default_spread_words(bar: TornadoBar) -> str:
    """How far a default end goes from the estimate: "10%", "1 point", "2 years"."""
    spread = bar.default_spread or 0
    if bar.input_name in RELATIVE_DEFAULTS:
        return f"{format_number(spread * 100, places=1)}%"
    if bar.input_name == "ramp_up_years":
        unit = "year" if spread == 1 else "years"
    else:
        unit = "point" if spread == 1 else "points"
    return f"{format_number(spread, places=1)} {unit}"


def default_words(bar: TornadoBar) -> str | None:
    """Which of a figure's ends are defaults, in words for the table: "default range: ±10%",
    "default lowest: −10%" where only the highest was given; None for a range given."""
    if not (bar.default_low or bar.default_high):
        return None
    spread = default_spread_words(bar)
    if bar.default_low and bar.default_high:
        return f"default range: ±{spread}"
    if bar.default_low:
        return f"default lowest: −{spread}"
    return f"default highest: +{spread}"


def default_suffix(bar: TornadoBar) -> str:
    """What the chart adds to a bar's label: " (default range)" when every end of its
    figures is a default, " (partly a default range)" when some are."""
    ends = [end for figure in bar.figures for end in (figure.default_low, figure.default_high)]
    if all(ends):
        return " (default range)"
    return " (partly a default range)" if any(ends) else ""


def tornado_figures(bar: TornadoBar, currency: str) -> list[dict]:
    """Each figure of a bar (one, or several that move the lead alike), with its own label,
    range, switching value and, for a default range, the words that say so. Figures of one
    option lose the option's name, which heads the row already; figures alike in all of
    these are one entry, "each"."""
    figures = [
        {
            "label": figure.label,
            "range": shown_range(figure, currency),
            "default": default_words(figure),
            "switch": None
            if figure.switch_value is None
            else shown_value(figure.input_name, figure.switch_value, currency),
        }
        for figure in bar.figures
    ]
    if len(figures) == 1:
        return figures
    option_name = bar.label.split(": ", 1)[0] + ": "
    if len({figure.option_index for figure in bar.figures}) == 1 and all(
        figure["label"].startswith(option_name) for figure in figures
    ):
        for figure in figures:
            figure["label"] = figure["label"].removeprefix(option_name)
    alike = {(figure["range"], figure["default"], figure["switch"]) for figure in figures}
    if len(alike) == 1:
        return [{**figures[0], "label": "each", "each": True}]
    return figures


def shown_value(name: str, value: float, currency: str) -> str:
    """One value of a figure in its own unit: "£4,500", "2,000 a year", "80.0%", "2.5"."""
    if name in MONEY_INPUTS:
        return format_money(round_to_estimate(value), currency)
    if name == "annual_co_producer_hours":
        return f"{format_number(round_to_estimate(value))} hours a year"
    if name in ("clients_per_year", "population"):
        return f"{format_number(round_to_estimate(value))} a year"
    if name == "take_up":
        return f"{format_number(value * 100, places=1)}%"
    if name == "ramp_up_years":
        return f"{format_number(value, places=1)} years"
    if name == "outcome":  # an effect for each client a year, in the outcome's units
        return effect_number(round_to_estimate(value))
    return format_number(value, places=1)  # a rating, 1 to 5


def judgement_value(name: str, value: float | None, currency: str) -> str:
    if value is None:
        return ""
    if name == "discount_rate":
        return f"{format_number(value * 100, places=2)}%"
    if name == "willingness_to_pay" or name.startswith(OUTCOME_PREFIX):
        return format_money(round_to_estimate(value), currency)
    return format_money(value, currency, places=2)


def _name(result: AssessmentResult, index: int | None) -> str | None:
    return None if index is None else result.options[index].name


def uncertainty_context(assessment, result: AssessmentResult) -> dict:
    """Everything the uncertainty section and its charts read; empty without a run."""
    uncertainty = result.uncertainty
    if uncertainty is None:
        return {"uncertainty": None}
    currency = assessment.money_currency
    outcomes = assessment.ordered_outcomes
    costed = [option for option in result.options if option is not None]
    best, runner_up = (
        result.best,
        (None if result.runner_up is None else result.options[result.runner_up]),
    )
    evidence = evidence_rows(uncertainty, outcomes)
    context = {
        "uncertainty": uncertainty,
        "costed": costed,
        "probabilities": [
            {
                "option": option,
                "probability": probability,
                "margin": error * Z_95,
                "mean": mean,
                "loss": loss,
            }
            for option, probability, error, mean, loss in zip(
                costed,
                uncertainty.probability_best,
                uncertainty.probability_error,
                uncertainty.mean_net_benefit,
                uncertainty.expected_loss,
                strict=True,
            )
        ]
        if uncertainty.probability_best
        else [],
        "best_probability": uncertainty.probability_best[result.best_option]
        if uncertainty.probability_best and result.best_option is not None
        else None,
        "best_mean": uncertainty.mean_net_benefit[result.best_option]
        if uncertainty.mean_net_benefit and result.best_option is not None
        else None,
        "single_estimate_best": result.options[uncertainty.single_estimate_best]
        if uncertainty.choice_differs
        else None,
        "curve_rows": [
            {
                "wtp": wtp,
                "shares": shares,
                "frontier": costed[frontier].name,
                "frontier_share": shares[frontier],
                "losses": losses,
            }
            for wtp, shares, frontier, losses in zip(
                uncertainty.curve_wtp,
                uncertainty.curve,
                uncertainty.curve_frontier,
                uncertainty.curve_loss,
                strict=True,
            )
        ],
        "curve_last": uncertainty.curve_wtp[-1] if uncertainty.curve_wtp else None,
        "curve_data": {
            "currency": currency,
            "symbol": currency_sign(currency),
            "wtp": list(uncertainty.curve_wtp),
            "your_wtp": None
            if assessment.willingness_to_pay is None
            else float(assessment.willingness_to_pay),
            "series": [
                {"label": option.name, "data": [row[index] for row in uncertainty.curve]}
                for index, option in enumerate(costed)
            ],
            "losses": [
                {"label": option.name, "data": [row[index] for row in uncertainty.curve_loss]}
                for index, option in enumerate(costed)
            ],
        },
        "evidence": [row for row in evidence if row["worth_it"]],
        "evidence_negligible": [row["words"] for row in evidence if not row["worth_it"]],
        "judgements": judgement_rows(result, currency, outcomes),
        "scenario_rows": scenario_rows(result, currency, outcomes),
        "tornado": [
            {
                "label": bar.label,
                "figures": tornado_figures(bar, currency),
                "gap_at_low": bar.gap_at_low,
                "gap_at_high": bar.gap_at_high,
            }
            for bar in uncertainty.tornado
        ],
        "tornado_switches": any(bar.changes_choice for bar in uncertainty.tornado),
        "tornado_has_switch_values": any(
            figure.switch_value is not None for bar in uncertainty.tornado for figure in bar.figures
        ),
        "tornado_has_defaults": any(bar.has_default_range for bar in uncertainty.tornado),
        "tornado_has_merged": any(bar.merged for bar in uncertainty.tornado),
        "tornado_data": None,
    }
    if uncertainty.tornado and best is not None and runner_up is not None:
        context["tornado_data"] = {
            "currency": currency,
            "symbol": currency_sign(currency),
            "best": best.name,
            "runner_up": runner_up.name,
            "base": (best.net_benefit or 0) - (runner_up.net_benefit or 0),
            "bars": [
                {
                    "label": bar.label + default_suffix(bar),
                    "low": bar.gap_at_low,
                    "high": bar.gap_at_high,
                    "default": bar.has_default_range,
                }
                for bar in uncertainty.tornado
            ],
        }
    return context


# A value of partial information under this share of the value of perfect information is
# within what the regression makes of noise: said as "little or nothing", not as a figure.
NEGLIGIBLE_SHARE = 0.01


def evidence_rows(uncertainty, outcomes: list = ()) -> list[dict]:
    """What finding out each group of figures could be worth, the most valuable first; only
    groups with a figure that has a range."""
    floor = NEGLIGIBLE_SHARE * (uncertainty.evpi or 0)
    rows = [
        {
            "group": value.group,
            "words": evidence_words(value.group, outcomes)[0],
            "study": evidence_words(value.group, outcomes)[1],
            "value": value.value,
            "per_client_year": value.per_client_year,
            "worth_it": value.value > floor,
        }
        for value in uncertainty.partial
        if value.varies
    ]
    return sorted(rows, key=lambda row: -row["value"])


def judgement_rows(result: AssessmentResult, currency: str, outcomes: list = ()) -> list[dict]:
    """For each value judgement: its value as set, and the values below and above it at
    which the choice changes, with the option that would then be best."""
    return [
        {
            "name": end.name,
            **judgement_words(end.name, outcomes),
            "central": judgement_value(end.name, end.central, currency),
            "below": judgement_value(end.name, end.below, currency),
            "below_option": _name(result, end.below_option),
            "above": judgement_value(end.name, end.above, currency),
            "above_option": _name(result, end.above_option),
        }
        for end in (result.uncertainty.break_even if result.uncertainty else ())
    ]


def scenario_rows(result: AssessmentResult, currency: str, outcomes: list = ()) -> list[dict]:
    """One row for each value judgement: the choice at its low, central and high values."""
    rows = {}
    for scenario in result.uncertainty.scenarios if result.uncertainty else ():
        words = judgement_words(scenario.name, outcomes)["label"]
        row = rows.setdefault(scenario.name, {"words": words, "cells": []})
        row["cells"].append(
            {
                "level": LEVELS[scenario.level],
                "value": judgement_value(scenario.name, scenario.value, currency),
                "best": _name(result, scenario.best_option),
                "net_benefit": scenario.mean_net_benefit,
                "changes": scenario.best_option != result.best_option,
            }
        )
    return list(rows.values())
