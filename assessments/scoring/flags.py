"""Risk flags and levers: what could go wrong, and what would make people take part.

Unanswered questions raise no flag and suggest no lever; only an answer can. Codes are
stable strings: the database stores and filters on them, so reword titles and details
freely but never rename a code.

Each lever fits what the co-producers give (forms and pre-filled data only where they give
information) and says why it is offered, in the words of the questions that chose it.
Levers follow Alford's client types: beneficiaries are helped, never threatened (and
neither are paying customers); obligatees are first made able and willing to comply,
through ease and fairness, with penalties only as a backstop; citizens at large are asked
to follow rules only where the work cannot be done without them.
"""

from __future__ import annotations

import re
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

# code -> (title, general detail), in the order levers are shown: for obligatees, ease and
# fairness come first. `levers` fits the detail of ease, cost, company and capability to
# what the co-producers give and how they work; the general detail is the fallback.
LEVER_TEXT: dict[str, tuple[str, str]] = {
    "ease": (
        "Make it easy to comply",
        "Give plain guidance, make each step short, and offer help at the busy times.",
    ),
    "fairness": (
        "Show the rules are fair",
        "Explain why each rule exists, apply the rules the same way to everyone, and give "
        "people an easy way to query a decision.",
    ),
    "material": (
        "Make taking part cheaper",
        "Cut the cost, time and effort of taking part: travel paid, flexible hours.",
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
        "Offer training, simple tools and someone to ask when people are stuck; and use "
        "professionals where capability stays low.",
    ),
}

# What the co-producers give (the values of assessments.choices.Contribution), by the kind
# of help that makes it easier. Information is given by filling in forms, so only then do
# forms and pre-filled data fit; effort, tools and compliance are things people do (sort
# waste, put a bin out); money is paid. Time goes with every kind of work, so says nothing.
PAPERWORK = ("information",)
HANDS_ON = ("effort", "tools", "compliance")
PAYING = ("money",)
# The contributions as the manager ticked them, in lower case (a test keeps them in step).
CONTRIBUTION_WORDS: dict[str, str] = {
    "time": "time",
    "effort": "effort",
    "money": "money or resources",
    "tools": "tools or equipment",
    "training": "training",
    "information": "information",
    "compliance": "compliance with rules",
    "knowledge": "knowledge or expertise",
}

# Ease and capability for each kind of work (see `_paperwork_or_hands_on`).
_EASE_FOR: dict[str, str] = {
    "paperwork": "Pre-fill forms with what you already know, ask for each fact only once, "
    "and let people do everything in one place.",
    "hands_on": "Give clear instructions at the point where people do the task, provide the "
    "right containers or tools, and send reminders at the right time.",
}
_CAPABILITY_FOR: dict[str, str] = {
    "paperwork": "Give them pre-filled data and a worked example of a completed form.",
    "hands_on": "Show them how to do it, and give them the right equipment.",
}
_EASE_FOR_PAYING = (
    "Let people pay in the ways they already use, and remind them before a payment is due."
)
_EASE_HELP = "Offer help at the busy times."

# The ways to cut the cost of taking part, by what the co-producers give, in this order.
_CHEAPER_BY_CONTRIBUTION: dict[str, str] = {
    "information": "fewer and shorter forms",
    "effort": "fewer steps to take",
    "tools": "equipment provided",
    "time": "shorter tasks at hours that suit them",
    "money": "out-of-pocket costs and travel covered",
}

_SOCIAL_ON_THEIR_OWN = (
    "Show people how many others take part, recognise contributions in public, and give "
    "those who want it a chance to meet others doing the same."
)

_REWARDS_HELP = " Modest rewards can help too."
_REWARDS_CROWD_OUT = (
    " Avoid rewards: they could crowd out those who take part because they enjoy it, for "
    "the company or out of conscience."
)
_REWARDS_DESIGN = (
    "so they add to people's other reasons rather than replace them: thank people and "
    "recognise them in public, or reward a whole group or street, rather than paying for "
    "each act; keep any payment modest; and watch whether people who took part for its own "
    "sake start to drop away."
)
_REWARDS_CLAIM = (
    "make them simple to claim, tell people about them, and check they are worth the effort."
)

# The questions as the manager saw them on the forms, and the words of the 0-4 scale, so
# that a reason names the answer it rests on (a test keeps them in step with the forms).
MOTIVATION_QUESTIONS: dict[str, str] = {
    "material": "What they gain for themselves: money, time saved, a reward",
    "intrinsic": "They enjoy the work itself",
    "social": "The company and respect of others",
    "normative": "A sense of duty, or of doing the right thing",
    "sanctions": "They would be penalised if they did not",
}
EXPERTISE_QUESTION = "How much expertise does the work need?"
CAPABILITY_QUESTION = "How capable are the co-producers of doing it well?"
STRENGTH_WORDS = ("none", "weak", "moderate", "strong", "very strong")
# The service's client type, in the words of the service form's hint.
_OWE_A_DUTY = (
    "the service's clients owe a duty, like taxpayers or regulated firms (its answer to "
    "“Who the clients are”)"
)

# Words that say an option pays or rewards people (the rewards question's own examples:
# payments, vouchers, discounts or prizes), unless a word such as "no" comes just before.
_REWARD_WORDS = re.compile(
    r"\b(?:rewards?|rewarded|incentives?|vouchers?|prizes?|cash[- ]?back|discounts?|"
    r"gift cards?|loyalty points)\b",
    re.IGNORECASE,
)
_NEGATIONS = frozenset({"no", "not", "without", "nor", "never"})


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


def _rated(question: str, strength: int) -> str:
    return f"“{question}” at {strength} ({STRENGTH_WORDS[strength]}) out of 4"


def _rated_motive(inputs: AssessmentInputs, motive: str) -> str:
    return _rated(MOTIVATION_QUESTIONS[motive], getattr(inputs, f"{motive}_motivation"))


def _listed(words: Sequence[str], conjunction: str = "and") -> str:
    """Words joined as in a sentence: a; a and b; a, b and c."""
    if len(words) == 1:
        return words[0]
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def _given(inputs: AssessmentInputs, kinds: Sequence[str]) -> tuple[str, ...]:
    """The co-producers' contributions among `kinds`, in the order they were ticked."""
    return tuple(c for c in inputs.co_producer_contributions or () if c in kinds)


def _fits(inputs: AssessmentInputs, shown: Sequence[str]) -> str:
    """The sentence that ties fitted advice to what the co-producers give."""
    if inputs.co_producer_contributions is None:
        return " Say what the co-producers give for advice that fits their work."
    if not shown:
        return ""
    words = [CONTRIBUTION_WORDS.get(c, c) for c in shown]
    return f" The advice fits what you said the co-producers give: {_listed(words)}."


def _paperwork_or_hands_on(inputs: AssessmentInputs) -> tuple[str, tuple[str, ...]]:
    """Which advice fits the work, "paperwork", "hands_on" or "" (neither, or unknown), and
    the contributions it rests on. Information means forms even when effort and time go
    with it (filling in a tax return takes both); only without it is the work hands-on."""
    if paperwork := _given(inputs, PAPERWORK):
        return "paperwork", paperwork
    if hands_on := _given(inputs, HANDS_ON):
        return "hands_on", hands_on
    return "", ()


def _offers_rewards(text: str) -> bool:
    """Whether the text speaks of rewards, other than to rule them out: a "no", "not" or
    "without" among the three words before, in the same part of the sentence, rules out."""
    for match in _REWARD_WORDS.finditer(text):
        before = []
        for word in reversed(text[: match.start()].split()[-3:]):
            if word[-1] in ",.;:!?":
                break
            before.append(word.lower())
        if not _NEGATIONS.intersection(before):
            return True
    return False


def reward_options(inputs: AssessmentInputs) -> tuple[str, ...]:
    """The names of the options, other than the comparator, whose name or description
    speaks of payments, vouchers, discounts or prizes: reward schemes being weighed."""
    return tuple(
        option.name
        for option in inputs.options
        if not option.comparator and _offers_rewards(f"{option.name} {option.description}")
    )


def _ease(inputs: AssessmentInputs) -> tuple[str, str]:
    kind, shown = _paperwork_or_hands_on(inputs)
    paying = _given(inputs, PAYING)
    parts = [_EASE_FOR[kind]] if kind else []
    if paying:
        parts.append(_EASE_FOR_PAYING)
    detail = " ".join([*parts, _EASE_HELP]) if parts else LEVER_TEXT["ease"][1]
    reason = f"Offered because {_OWE_A_DUTY}, so the first step is to make their part easy."
    return detail, reason + _fits(inputs, (*shown, *paying))


def _material(inputs: AssessmentInputs) -> tuple[str, str]:
    i = inputs
    given = set(i.co_producer_contributions or ())
    cheaper = [words for code, words in _CHEAPER_BY_CONTRIBUTION.items() if code in given]
    detail = LEVER_TEXT["material"][1]
    if cheaper:
        detail = f"Cut the cost, time and effort of taking part: {', '.join(cheaper)}."
    reason = f"Offered because you rated {_rated_motive(i, 'material')}."
    crowding = _crowding_risk(i)
    schemes = reward_options(i)
    # Rewards already given, or weighed in an option, are advised on, not warned against.
    if i.material_rewards_offered is True:
        rewards = "Design the rewards you offer " if crowding else "As you offer rewards, "
        reason += " You said the agency pays or rewards co-producers, so this is about how "
        reason += "to reward them, not whether."
    elif schemes:
        quoted = [f"“{name}”" if name else "an unnamed option" for name in schemes]
        rewards = f"If you choose {_listed(quoted, 'or')}, "
        rewards += "design its rewards " if crowding else ""
        options = "The option" if len(quoted) == 1 else "The options"
        reward = "rewards" if len(quoted) == 1 else "reward"
        reason += f" {options} {_listed(quoted)} {reward} people, so this is about how to "
        reason += "reward them, not whether."
    else:
        rewards = ""
    if rewards:
        detail += f" {rewards}{_REWARDS_DESIGN if crowding else _REWARDS_CLAIM}"
    else:
        detail += _REWARDS_CROWD_OUT if crowding else _REWARDS_HELP
    if crowding:
        strong = [
            _rated_motive(i, motive)
            for motive in ("intrinsic", "social", "normative")
            if _at_least(3, getattr(i, f"{motive}_motivation"))
        ]
        reason += (
            f" Rewards can weaken other reasons to take part, and you rated {_listed(strong)}."
        )
    return detail, reason + _fits(i, _given(i, tuple(_CHEAPER_BY_CONTRIBUTION)))


def _social(inputs: AssessmentInputs) -> tuple[str, str]:
    reason = f"Offered because you rated {_rated_motive(inputs, 'social')}."
    if inputs.level == Level.INDIVIDUAL:
        reason += " You said people take part each on their own, so it starts with showing "
        reason += "them they are not alone."
        return _SOCIAL_ON_THEIR_OWN, reason
    return LEVER_TEXT["social"][1], reason


def _capability(inputs: AssessmentInputs) -> tuple[str, str]:
    i = inputs
    kind, shown = _paperwork_or_hands_on(i)
    parts = ["Offer training and someone to ask when people are stuck."]
    if kind:
        parts.append(_CAPABILITY_FOR[kind])
    if i.capability_varies_by_area is True:
        parts.append(
            "Tailor support to each area, and use professionals where capability stays low."
        )
    else:
        parts.append("Use professionals where capability stays low.")
    reason = (
        f"Offered because you rated {_rated(EXPERTISE_QUESTION, i.expertise_required)} and "
        f"{_rated(CAPABILITY_QUESTION, i.co_producer_capability)}."
    )
    if i.capability_varies_by_area is True:
        reason += " You also said their capability varies from one area to another."
    return " ".join(parts), reason + _fits(i, shown)


def _sanctions(inputs: AssessmentInputs) -> tuple[str, str]:
    rated = _rated_motive(inputs, "sanctions")
    if inputs.client_type == ClientType.OBLIGATEES:
        reason = f"Offered because {_OWE_A_DUTY}, and you rated {rated}."
    else:
        reason = (
            "Offered because the service's clients are citizens at large (its answer to “Who "
            "the clients are”), you said it cannot work without the co-producers' part, and "
            f"you rated {rated}."
        )
    return LEVER_TEXT["sanctions"][1], reason


def _motive(motive: str):
    def fitted(inputs: AssessmentInputs) -> tuple[str, str]:
        return LEVER_TEXT[motive][1], f"Offered because you rated {_rated_motive(inputs, motive)}."

    return fitted


def _fairness(inputs: AssessmentInputs) -> tuple[str, str]:
    reason = f"Offered because {_OWE_A_DUTY}, and people keep rules they see as fair."
    return LEVER_TEXT["fairness"][1], reason


# code -> its detail and the reason it is offered, worked out from the answers.
_FITTED = {
    "ease": _ease,
    "fairness": _fairness,
    "material": _material,
    "intrinsic": _motive("intrinsic"),
    "social": _social,
    "normative": _motive("normative"),
    "sanctions": _sanctions,
    "capability": _capability,
}


def levers(inputs: AssessmentInputs) -> tuple[Lever, ...]:
    """Levers chosen for the client type, in the order of LEVER_TEXT: ease and fairness
    for every obligatee; one for each weak motivator (answered 0 or 1); penalties as a
    backstop (see `_sanctions_lever`); and capability where the work needs expertise of
    2 or more and co-producers have 2 or less.

    Each lever's detail fits what the co-producers give (forms only where they give
    information), and where rewards are offered, or an option offers them, the cost lever
    says how to design them instead of warning against them. Each carries the reason it
    is offered, in the words of the questions whose answers chose it."""
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
    return tuple(
        Lever(code, title, *_FITTED[code](i))
        for code, (title, _general) in LEVER_TEXT.items()
        if holds[code]
    )
