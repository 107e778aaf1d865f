"""Which library cases look most like a given arrangement. Pure Python: no Django imports.

A case's similarity to a profile is a weighted sum of what they share:

    aspect              weight  scored as
    sector              3       3 if the same sector, else 0
    value type          2       2 if the same (private, public or both), else 0
    necessity           2       2 if both necessary or both optional, else 0
    motivators          2       2 × Jaccard overlap: |shared| / |either|, so 0 to 2
    co-producer type    1       1 if the case's co-producers are among the profile's, else 0

so a score runs from 0 to 10. Sector weighs most because managers learn most easily from
services like their own; what kind of value is made and whether the work is optional shape
which lessons carry over; motivators are scored by overlap so that a case sharing two of
three counts for more than one sharing one of five. Cases that share nothing (score 0) are
left out, and equal scores are ordered by title so the ranking is stable.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

SECTOR_WEIGHT = 3
VALUE_TYPE_WEIGHT = 2
NECESSITY_WEIGHT = 2
MOTIVATOR_WEIGHT = 2
CO_PRODUCER_WEIGHT = 1


@dataclass(frozen=True)
class Profile:
    """The arrangement to match: stored choice values, as in `services.models.choices`.

    An empty string or set means "not known" and matches nothing.
    """

    sector: str = ""
    value_type: str = ""
    necessity: str = ""
    motivators: frozenset[str] = frozenset()
    co_producer_types: frozenset[str] = frozenset()

    @classmethod
    def coerce(cls, profile: "Profile | Mapping[str, Any]") -> "Profile":
        """Accept a Profile or a dict with the same keys (missing keys mean not known)."""
        if isinstance(profile, cls):
            return profile
        return cls(
            sector=profile.get("sector") or "",
            value_type=profile.get("value_type") or "",
            necessity=profile.get("necessity") or "",
            motivators=frozenset(profile.get("motivators") or ()),
            co_producer_types=frozenset(profile.get("co_producer_types") or ()),
        )


class Match(NamedTuple):
    case: Any
    score: float
    # The aspects the case shares with the profile, in the order of the weights table:
    # "sector", "value_type", "necessity", "motivators", "co_producer_type".
    shared: tuple[str, ...]


def _get(case, name: str):
    return case[name] if isinstance(case, Mapping) else getattr(case, name)


def score_case(profile: Profile, case) -> tuple[float, tuple[str, ...]]:
    """The case's score against the profile, and the aspects it shares with it."""
    score = 0.0
    shared = []
    for aspect, weight in (
        ("sector", SECTOR_WEIGHT),
        ("value_type", VALUE_TYPE_WEIGHT),
        ("necessity", NECESSITY_WEIGHT),
    ):
        wanted = getattr(profile, aspect)
        if wanted and _get(case, aspect) == wanted:
            score += weight
            shared.append(aspect)
    case_motivators = set(_get(case, "motivators") or ())
    either = profile.motivators | case_motivators
    if either and (both := profile.motivators & case_motivators):
        score += MOTIVATOR_WEIGHT * len(both) / len(either)
        shared.append("motivators")
    if _get(case, "co_producer_type") in profile.co_producer_types:
        score += CO_PRODUCER_WEIGHT
        shared.append("co_producer_type")
    # Rounded so that equal overlaps reached by different sums compare equal.
    return round(score, 6), tuple(shared)


def similar_cases(
    profile: "Profile | Mapping[str, Any]", cases: Iterable, limit: int = 3
) -> list[Match]:
    """The `limit` cases most like the profile, best first (see the module docstring).

    `cases` are objects or dicts with sector, value_type, necessity, motivators (a list),
    co_producer_type and title. Cases scoring 0 are left out; ties are ordered by title.
    """
    if limit <= 0:
        return []
    profile = Profile.coerce(profile)
    matches = []
    for case in cases:
        score, shared = score_case(profile, case)
        if score > 0:
            matches.append(Match(case, score, shared))
    matches.sort(key=lambda match: (-match.score, _get(match.case, "title")))
    return matches[:limit]
