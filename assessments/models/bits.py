"""Risk flags and special assets as the bits of one integer column each.

The dashboard counts, over every submitted assessment, how many carry each risk flag and
each special asset. The lists themselves are JSON, which SQLite and PostgreSQL search in
different ways; casting them to text for every row and every code was the dashboard's
slowest step at 10,000 assessments. An integer with a bit per code is counted with plain
arithmetic in either database.

The bits are written out here, not taken from the order of the lists, so reordering or
adding a code never changes what a stored number means. A new code takes the next free
bit, and a migration fills it in for the rows already stored.
"""

from django.db.models import F
from django.db.models.lookups import GreaterThan

RISK_FLAG_BITS: dict[str, int] = {
    "patchy_results": 1 << 0,
    "weak_motivation": 1 << 1,
    "crowding_out": 1 << 2,
    "sanctions_crowd_out": 1 << 3,
    "free_riding": 1 << 4,
    "unfair_burden": 1 << 5,
    "cost_shifting": 1 << 6,
    "quality_traded_for_savings": 1 << 7,
    "low_confidence": 1 << 8,
    "sanctions_only": 1 << 9,
    "no_special_assets": 1 << 10,
}

SPECIAL_ASSET_BITS: dict[str, int] = {
    "local_knowledge": 1 << 0,
    "trust": 1 << 1,
    "skills": 1 << 2,
    "location": 1 << 3,
}


def bits_of(codes, bits: dict[str, int]) -> int:
    """The number with the bit of each code set; unknown codes are ignored."""
    number = 0
    for code in codes or ():
        number |= bits.get(code, 0)
    return number


def bit_set(field: str, bit: int) -> GreaterThan:
    """`field` has `bit` set, as a lookup: for a filter or an aggregate's FILTER clause
    (where Django builds it faster than a Q)."""
    return GreaterThan(F(field).bitand(bit), 0)
