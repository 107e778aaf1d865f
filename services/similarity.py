"""Which library cases look most like a given arrangement. Pure Python: no Django imports.

A case is ranked first by its **relevance**, what it shares with the arrangement that a
manager can learn most from:

    aspect              weight  scored as
    sector              5       5 if the same sector, 2 if a closely related one, else 0
    co-producer type    2       2 if the case's co-producers are among the profile's, else 0
    motivators          3       3 × Jaccard overlap: |shared| / |either|, so 0 to 3

so relevance runs from 0 to 10. Managers learn most easily from services like their own,
and from cases where the same kind of people take part for the same reasons; motivators
are scored by overlap so that a case sharing two of three counts for more than one
sharing one of five. A case from another sector can at best tie with one that shares
only the sector, and a tie goes to the sector.

A case is shown only when its relevance reaches MINIMUM_RELEVANCE: the same sector alone
is enough; a related sector needs the same co-producers or half the reasons in common;
another sector needs both. Whether the value made is private or public, and whether the
work is necessary or optional, only **break ties** between cases of equal relevance and
sector (most in common first): nearly every case makes both kinds of value, so on their
own they say little. Equal cases are ordered by title so the ranking is stable.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

SECTOR_WEIGHT = 5
RELATED_SECTOR_WEIGHT = 2
CO_PRODUCER_WEIGHT = 2
MOTIVATOR_WEIGHT = 3
MINIMUM_RELEVANCE = 3.5

# Sectors whose services face the same kind of clients and problems, so their lessons
# travel: paying tax and complying with a regulator; care in and out of hospital; keeping
# people safe; looking after streets, water and the environment.
RELATED_SECTORS = frozenset(
    frozenset(pair)
    for pair in (
        ("tax_revenue", "regulation"),
        ("health", "social_care"),
        ("social_care", "housing"),
        ("community_safety", "justice"),
        ("community_safety", "emergency_services"),
        ("community_safety", "transport"),
        ("environment", "water_sanitation"),
        ("environment", "local_services"),
        ("water_sanitation", "local_services"),
        ("transport", "local_services"),
        ("housing", "local_services"),
    )
)


def sectors_related(one: str, other: str) -> bool:
    """Whether two different sectors are closely related (see RELATED_SECTORS)."""
    return frozenset((one, other)) in RELATED_SECTORS


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
    relevance: float
    # How many of value type and necessity the case shares: 0, 1 or 2.
    tie_break: int
    # What the case shares with the profile, most relevant first: "sector" or
    # "related_sector", "co_producer_type", "motivators", "value_type", "necessity".
    shared: tuple[str, ...]
    # The motivators in common, in the case's order.
    shared_motivators: tuple[str, ...] = ()


def _get(case, name: str):
    return case[name] if isinstance(case, Mapping) else getattr(case, name)


def match_case(profile: Profile, case) -> Match:
    """What the case shares with the profile, and how relevant that makes it."""
    relevance = 0.0
    shared = []
    sector = _get(case, "sector")
    if profile.sector and sector == profile.sector:
        relevance += SECTOR_WEIGHT
        shared.append("sector")
    elif profile.sector and sectors_related(sector, profile.sector):
        relevance += RELATED_SECTOR_WEIGHT
        shared.append("related_sector")
    if _get(case, "co_producer_type") in profile.co_producer_types:
        relevance += CO_PRODUCER_WEIGHT
        shared.append("co_producer_type")
    case_motivators = list(dict.fromkeys(_get(case, "motivators") or ()))
    both = tuple(motivator for motivator in case_motivators if motivator in profile.motivators)
    if both:
        either = profile.motivators | set(case_motivators)
        relevance += MOTIVATOR_WEIGHT * len(both) / len(either)
        shared.append("motivators")
    tie_break = 0
    for aspect in ("value_type", "necessity"):
        wanted = getattr(profile, aspect)
        if wanted and _get(case, aspect) == wanted:
            tie_break += 1
            shared.append(aspect)
    # Rounded so that equal overlaps reached by different sums compare equal.
    return Match(case, round(relevance, 6), tie_break, tuple(shared), both)


def similar_cases(
    profile: "Profile | Mapping[str, Any]", cases: Iterable, limit: int = 3
) -> list[Match]:
    """The `limit` cases most like the profile, best first (see the module docstring).

    `cases` are objects or dicts with sector, value_type, necessity, motivators (a list),
    co_producer_type and title. Cases below MINIMUM_RELEVANCE are left out.
    """
    if limit <= 0:
        return []
    profile = Profile.coerce(profile)
    matches = [match_case(profile, case) for case in cases]
    matches = [match for match in matches if match.relevance >= MINIMUM_RELEVANCE]
    matches.sort(key=_rank)
    return matches[:limit]


def _rank(match: Match):
    sector = 2 if "sector" in match.shared else 1 if "related_sector" in match.shared else 0
    return (-match.relevance, -sector, -match.tie_break, _get(match.case, "title"))
