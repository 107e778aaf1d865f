"""Risk flags and levers: what could go wrong, and what would make people take part.

Unanswered questions raise no flag and suggest no lever; only an answer can. Codes are
stable strings: the database stores and filters on them, so reword titles and details
freely but never rename a code.

Levers follow Alford's client types: beneficiaries are helped, never threatened (and
neither are paying customers); obligatees are first made able and willing to comply,
through ease and fairness, with penalties only as a backstop; citizens at large are asked
to follow rules only where the work cannot be done without them.
"""

from __future__ import annotations

from collections.abc import Sequence

from assessments.scoring.appraisal import cost_band
from assessments.scoring.inputs import (
    AssessmentInputs,
    ClientType,
    Confidence,
    Level,
    Necessity,
    Quadrant,
)
from assessments.scoring.results import Lever, OptionResult, PlaneResult, RiskFlag

# code -> (title, detail), in the order flags are shown.
RISK_FLAG_TEXT: dict[str, tuple[str, str]] = {
    "patchy_results": (
        "Results may be patchy",
        "The work needs more expertise than some co-producers have, so results will be uneven "
        "where capability is low. Tailor the arrangement locally, or use professionals there.",
    ),
    "weak_motivation": (
        "Weak motivation",
        "Nothing gives people more than a weak reason to take part, so expect few to join or "
        "to keep going. See the suggested levers.",
    ),
    "crowding_out": (
        "Rewards may crowd out goodwill",
        "Rewards are offered to people who mostly take part because they enjoy it, for the "
        "company or out of conscience; paying them can weaken those reasons. Prefer thanks "
        "and recognition, or keep rewards token.",
    ),
    "sanctions_crowd_out": (
        "Threats may crowd out goodwill",
        "Penalties weigh heavily on people who mostly take part because they enjoy it or "
        "believe in it. Threats can drive those reasons out: keep penalties in the "
        "background and lead with thanks and the purpose of the work.",
    ),
    "free_riding": (
        "Some may leave the work to others",
        "Everyone gains from this work whether or not they help, so some people will leave "
        "it to others. Make each contribution visible and share the load, so the willing "
        "few are not worn out.",
    ),
    "unfair_burden": (
        "Unfair burden",
        "The work falls on clients least able to carry it. Lighten their share or support "
        "them, or the arrangement may widen the gaps it should close.",
    ),
    "cost_shifting": (
        "Cost shifted, not saved",
        "The co-produced option costs the agency less per client than the option it is "
        "compared with, but once co-producers' own time and money are counted the full cost "
        "is no lower: the saving is paid for by the co-producers.",
    ),
    "quality_traded_for_savings": (
        "Savings bought with lower quality",
        "The co-produced option costs less than the option it is compared with, but the "
        "service is worse. Weigh the saving against the quality lost.",
    ),
    "low_confidence": (
        "Low confidence in the costs",
        "At least one option's costs rest on weak evidence, so they are raised by 50%. "
        "Firm up the estimates before relying on the result.",
    ),
    "sanctions_only": (
        "Compliance without commitment",
        "People take part mainly to avoid penalties, so expect the minimum the rules demand. "
        "Build other reasons to take part if you need more than that.",
    ),
    "no_special_assets": (
        "Nothing a paid provider lacks",
        "Co-producers bring no local knowledge, trust, special skills or location, so a paid "
        "provider could likely do the work as well; the case rests on cost and quality.",
    ),
}

# code -> (title, detail), in the order levers are shown: for obligatees, ease and
# fairness come first.
LEVER_TEXT: dict[str, tuple[str, str]] = {
    "ease": (
        "Make it easy to comply",
        "Pre-fill forms with what you already know, give plain guidance, let people do "
        "everything in one place, and offer help at the busy times.",
    ),
    "fairness": (
        "Show the rules are fair",
        "Explain why each rule exists, apply the rules the same way to everyone, and give "
        "people an easy way to query a decision.",
    ),
    "material": (
        "Make taking part cheaper",
        "Cut the cost, time and effort of taking part: fewer forms, travel paid, flexible hours.",
    ),
    "intrinsic": (
        "Make the work worth doing",
        "Give people interesting tasks and a say in how they do them, and tell them what their "
        "work achieved.",
    ),
    "social": (
        "Make it sociable",
        "Run group sessions, recognise contributions in public and give people the chance to "
        "meet others doing the same.",
    ),
    "normative": (
        "Show why it matters",
        "Explain the public purpose, thank people, and show how their part makes a difference "
        "to others.",
    ),
    "sanctions": (
        "Keep clear rules as a backstop",
        "Most people do their part once it is easy and fair. For the few who will not, say "
        "plainly what they must do and what happens if they do not, and apply the rules "
        "consistently.",
    ),
    "capability": (
        "Build capability",
        "Offer training, simple tools and pre-filled data; tailor support to each area; and use "
        "professionals where capability stays low.",
    ),
}
_REWARDS_HELP = " Modest rewards can help too."
_REWARDS_CROWD_OUT = (
    " Avoid rewards: they could crowd out those who take part because they enjoy it, for "
    "the company or out of conscience."
)


def _at_most(limit: int, *strengths: int | None) -> bool:
    """True when every strength is answered and none exceeds the limit."""
    return all(strength is not None and strength <= limit for strength in strengths)


def _at_least(limit: int, *strengths: int | None) -> bool:
    """True when any strength is answered and reaches the limit."""
    return any(strength is not None and strength >= limit for strength in strengths)


def _crowding_risk(inputs: AssessmentInputs) -> bool:
    """Strong reasons to take part that rewards could weaken: enjoyment, company, conscience."""
    i = inputs
    return _at_least(3, i.intrinsic_motivation, i.social_motivation, i.normative_motivation)


def _cost_shifted(options: Sequence[OptionResult | None], plane: PlaneResult | None) -> bool:
    """The agency's cost per client-year is lower than the comparator's (beyond the 0.5%
    tie), but the full cost per client-year is not."""
    if plane is None:
        return False
    option, comparator = options[plane.option_index], options[plane.comparator_index]
    agency = cost_band(option.agency_cost_per_client_year, comparator.agency_cost_per_client_year)
    full = cost_band(option.cost_per_client_year, comparator.cost_per_client_year)
    return agency == -1 and full != -1


def risk_flags(
    inputs: AssessmentInputs,
    options: Sequence[OptionResult | None] = (),
    plane: PlaneResult | None = None,
) -> tuple[RiskFlag, ...]:
    """Each flag whose condition holds, in the order of RISK_FLAG_TEXT. Unanswered
    questions raise no flag, except that an empty list of special assets counts as none.
    The two cost flags need the plane (every option costed, one compared with the
    comparator)."""
    i = inputs
    others = (
        i.material_motivation,
        i.intrinsic_motivation,
        i.social_motivation,
        i.normative_motivation,
    )
    low_capability = _at_most(2, i.co_producer_capability) or i.capability_varies_by_area is True
    holds = {
        "patchy_results": _at_least(3, i.expertise_required) and low_capability,
        "weak_motivation": _at_most(1, *others, i.sanctions_motivation),
        "crowding_out": i.material_rewards_offered is True and _crowding_risk(i),
        "sanctions_crowd_out": (
            _at_least(2, i.sanctions_motivation)
            and _at_least(3, i.intrinsic_motivation, i.normative_motivation)
        ),
        "free_riding": i.level == Level.COLLECTIVE or i.client_type == ClientType.CITIZENS,
        "unfair_burden": i.burden_on_vulnerable is True,
        "cost_shifting": _cost_shifted(options, plane),
        "quality_traded_for_savings": (
            plane is not None and plane.quadrant == Quadrant.CHEAPER_WORSE
        ),
        "low_confidence": any(option.confidence == Confidence.LOW for option in i.options),
        "sanctions_only": _at_least(3, i.sanctions_motivation) and _at_most(1, *others),
        # None is "not answered yet"; only an answered "none of these" raises the flag.
        "no_special_assets": i.necessity == Necessity.OPTIONAL and i.special_assets == (),
    }
    return tuple(RiskFlag(code, *text) for code, text in RISK_FLAG_TEXT.items() if holds[code])


def _sanctions_lever(inputs: AssessmentInputs) -> bool:
    """Penalties as a backstop: for obligatees who barely feel them (0 or 1), and for
    citizens at large only where the work is necessary and nothing obliges them yet.
    Never for beneficiaries or paying customers, nor while the client type is unknown."""
    match inputs.client_type:
        case ClientType.OBLIGATEES:
            return _at_most(1, inputs.sanctions_motivation)
        case ClientType.CITIZENS:
            return inputs.necessity == Necessity.NECESSARY and inputs.sanctions_motivation == 0
    return False


def levers(inputs: AssessmentInputs) -> tuple[Lever, ...]:
    """Levers chosen for the client type, in the order of LEVER_TEXT: ease and fairness
    for every obligatee; one for each weak motivator (answered 0 or 1); penalties as a
    backstop (see `_sanctions_lever`); and capability where the work needs expertise of
    2 or more and co-producers have 2 or less."""
    i = inputs
    obligatees = i.client_type == ClientType.OBLIGATEES
    holds = {
        "ease": obligatees,
        "fairness": obligatees,
        "material": _at_most(1, i.material_motivation),
        "intrinsic": _at_most(1, i.intrinsic_motivation),
        "social": _at_most(1, i.social_motivation),
        "normative": _at_most(1, i.normative_motivation),
        "sanctions": _sanctions_lever(i),
        "capability": _at_least(2, i.expertise_required) and _at_most(2, i.co_producer_capability),
    }
    chosen = []
    for code, (title, detail) in LEVER_TEXT.items():
        if holds[code]:
            if code == "material":
                detail += _REWARDS_CROWD_OUT if _crowding_risk(i) else _REWARDS_HELP
            chosen.append(Lever(code, title, detail))
    return tuple(chosen)
