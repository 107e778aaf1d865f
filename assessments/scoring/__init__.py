"""Coprod's reasoning: is it co-production, what does each option cost, which is best.

Pure Python (no Django). The Assessment model adapts its answers into an
`AssessmentInputs` and stores what `score()` returns.

- `inputs`: the vocabularies, the limits the forms enforce, and the answers.
- `results`: what `score()` gives back.
- `classification`: co-production, participation or neither, and the value type.
- `costs`: what each option costs and achieves (discounting, take-up, uplift, effect).
- `appraisal`: the efficient frontier, the best option, the plane, robustness and
  switching values (the decision rule and the tie rule are described there).
- `uncertainty`: ranges and their defaults, the Monte Carlo run of the real unknowns, the
  choice on expected net benefit, the acceptability curve and frontier, expected loss,
  the expected value of perfect information, the tornado and switching values.
- `evidence`: the value of partial perfect information, by regression on the draws.
- `judgements`: break-even values and scenarios of the value judgements (the value of an
  hour, the discount rate, the value of a quality point), which are not drawn.
- `rounding`: half away from zero on the number as written, and exact fractions.
- `flags`: risk flags and levers.
"""

from __future__ import annotations

from assessments.scoring.appraisal import (
    COST_TIE_FRACTION,
    QUADRANT_WORDS,
    QUALITY_TIE_POINTS,
    appraise,
)
from assessments.scoring.classification import classify, value_type
from assessments.scoring.costs import present_value, quality_index
from assessments.scoring.flags import LEVER_TEXT, RISK_FLAG_TEXT, levers, risk_flags
from assessments.scoring.inputs import (
    LIMITS,
    MAX_OPTIONS,
    MIN_OPTIONS,
    MOTIVATORS,
    OPTIMISM_BIAS_UPLIFT,
    RANGED_ASSESSMENT_FIELDS,
    RANGED_OPTION_FIELDS,
    RATING_FIELDS,
    VALUE_JUDGEMENTS,
    AssessmentInputs,
    Classification,
    ClientType,
    Confidence,
    Dominance,
    EffectInputs,
    Level,
    Limits,
    Money,
    Necessity,
    OptionInputs,
    OutcomeInputs,
    Phase,
    Quadrant,
    Sensitivity,
    Timing,
    ValueType,
    WorkRelation,
)
from assessments.scoring.results import (
    AssessmentResult,
    BreakEven,
    Lever,
    OptionResult,
    PartialValue,
    PlaneResult,
    RiskFlag,
    Scenario,
    TornadoBar,
    Uncertainty,
)
from assessments.scoring.uncertainty import (
    DRAWS,
    INPUT_WORDS,
    ROBUST_PROBABILITY,
    default_range,
    default_range_words,
)

__all__ = [
    "COST_TIE_FRACTION",
    "DRAWS",
    "INPUT_WORDS",
    "LEVER_TEXT",
    "LIMITS",
    "MAX_OPTIONS",
    "MIN_OPTIONS",
    "MOTIVATORS",
    "OPTIMISM_BIAS_UPLIFT",
    "QUADRANT_WORDS",
    "QUALITY_TIE_POINTS",
    "RANGED_ASSESSMENT_FIELDS",
    "RANGED_OPTION_FIELDS",
    "RATING_FIELDS",
    "VALUE_JUDGEMENTS",
    "RISK_FLAG_TEXT",
    "ROBUST_PROBABILITY",
    "AssessmentInputs",
    "EffectInputs",
    "AssessmentResult",
    "BreakEven",
    "PartialValue",
    "Scenario",
    "Classification",
    "ClientType",
    "Confidence",
    "Dominance",
    "Lever",
    "Level",
    "Limits",
    "Money",
    "Necessity",
    "OptionInputs",
    "OutcomeInputs",
    "OptionResult",
    "Phase",
    "PlaneResult",
    "Quadrant",
    "RiskFlag",
    "Sensitivity",
    "Timing",
    "TornadoBar",
    "Uncertainty",
    "ValueType",
    "WorkRelation",
    "classify",
    "default_range",
    "default_range_words",
    "present_value",
    "quality_index",
    "score",
    "value_type",
]


def score(inputs: AssessmentInputs) -> AssessmentResult:
    """Score an assessment, however partial; missing answers give None, never an error."""
    classification, reasons = classify(inputs)
    appraisal = appraise(inputs)
    return AssessmentResult(
        classification=classification,
        classification_reasons=reasons,
        value_type=value_type(inputs.private_value_strength, inputs.public_value_strength),
        options=appraisal.options,
        appraised=appraisal.appraised,
        best_option=appraisal.best_option,
        runner_up=appraisal.runner_up,
        plane=appraisal.plane,
        sensitivity=appraisal.sensitivity,
        uncertainty=appraisal.uncertainty,
        quality_switching_points=appraisal.quality_switching_points,
        cost_switching_percent=appraisal.cost_switching_percent,
        risk_flags=risk_flags(inputs, appraisal.options, appraisal.plane),
        levers=levers(inputs),
    )
