"""Is it co-production, and what value does it make? Sentences a manager reads.

Co-production is citizens or clients doing part of the work of delivering a service, with
something given on each side (not necessarily at the same time) and some value made,
private or public. Taking part only in deciding, planning or designing is participation.
"""

from __future__ import annotations

from assessments.scoring.inputs import (
    AssessmentInputs,
    Classification,
    Phase,
    Timing,
    ValueType,
)

_CONTRIBUTION_WORDS = {"money": "money or resources"}


def classify(inputs: AssessmentInputs) -> tuple[Classification | None, tuple[str, ...]]:
    """Classify the arrangement and say why, in sentences a manager reads.

    None means not enough is answered yet; an answer already known to rule co-production
    out (no delivery role, a side giving nothing, no value) decides even in a draft.
    """
    phases = tuple(inputs.phases or ())
    if not phases:
        return None, ("Not enough answers yet: say in which phases co-producers take part.",)
    if Phase.DELIVERY not in phases:
        return Classification.PARTICIPATION, (
            f"Co-producers take part in {_phase_list(phases)} but do none of the delivery work.",
            "Taking part in deciding, planning or designing is participation, not co-production.",
        )
    reasons = ["Co-producers do part of the work of delivering the service."]
    if others := [p for p in phases if p != Phase.DELIVERY]:
        reasons.append(
            f"Their part in {_phase_list(others)} is participation; only the delivery work is "
            "co-production."
        )
    agency, co_producers = inputs.agency_contributions, inputs.co_producer_contributions
    private, public = inputs.private_value_strength, inputs.public_value_strength
    gaps = []
    if agency == () and co_producers == ():
        gaps.append("Neither side gives anything, so there is no exchange between them.")
    elif agency == ():
        gaps.append("The agency gives nothing in return, so there is no two-way exchange.")
    elif co_producers == ():
        gaps.append("The co-producers give nothing, so there is no two-way exchange.")
    if private == 0 and public == 0:
        gaps.append(
            "It creates neither private nor public value, and without value it is not co-production."
        )
    if gaps:
        return Classification.NOT_CO_PRODUCTION, (*reasons, *gaps)
    missing = []
    if agency is None or co_producers is None:
        missing.append("what each side gives")
    if not (private or public):
        missing.append("what value it creates")
    if missing:
        return None, (*reasons, f"Not enough answers yet: say {_join(missing)}.")
    reasons.append(
        f"Both sides give something: the agency gives {_contribution_list(agency)}, "
        f"and co-producers give {_contribution_list(co_producers)}."
    )
    if inputs.timing == Timing.SIMULTANEOUS:
        reasons.append("The two sides contribute at the same time.")
    elif inputs.timing == Timing.SEQUENTIAL:
        reasons.append(
            "The two sides contribute at different times, as when a tax office builds "
            "online forms and taxpayers later file their own returns with them; "
            "that is still an exchange."
        )
    reasons.append(_value_sentence(private, public))
    return Classification.CO_PRODUCTION, tuple(reasons)


def value_type(private_strength: int | None, public_strength: int | None) -> ValueType | None:
    """Private, public, both or none; a strength of 1 or more counts as present."""
    if private_strength is None or public_strength is None:
        return None
    match (private_strength >= 1, public_strength >= 1):
        case (True, True):
            return ValueType.BOTH
        case (True, False):
            return ValueType.PRIVATE
        case (False, True):
            return ValueType.PUBLIC
    return ValueType.NONE


def _value_sentence(private: int | None, public: int | None) -> str:
    kinds = []
    if private:
        kinds.append("private value, enjoyed by the people who take part")
    if public:
        kinds.append("public value, shared by the community as a whole")
    return f"It creates {', and '.join(kinds)}."


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _phase_list(phases: tuple[str, ...] | list[str]) -> str:
    return _join([str(phase) for phase in dict.fromkeys(phases)])


def _contribution_list(contributions: tuple[str, ...]) -> str:
    return _join([_CONTRIBUTION_WORDS.get(c, str(c)) for c in dict.fromkeys(contributions)])
