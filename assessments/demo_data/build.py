"""The pieces each demo data module is written with: one helper per wizard section.

Keyword names say what each answer is, so an arrangement reads like the wizard's pages;
a misspelt keyword fails at import instead of leaving a question silently unanswered.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from assessments.models import RATINGS

# Slugs of the agencies in services.demo.AGENCIES.
REVENUE_OFFICE = "national-revenue-office"
HEALTH_BOARD = "riverside-health"
CITY_COUNCIL = "northvale-council"


@dataclass(frozen=True)
class DemoAssessment:
    agency: str
    service: str
    title: str
    submitted: bool
    days_ago: int  # when it was last saved (and submitted), so the lists show a history
    answers: dict = field(default_factory=dict)


def work(*, does, who, level, phases, inputs, outputs, relation) -> dict:
    return {
        "work_description": does,
        "co_producer_types": who,
        "level": level,
        "phases": phases,
        "inputs": inputs,
        "outputs": outputs,
        "work_relation": relation,
    }


def reciprocity(*, agency_gives, they_give, timing, people, hours_each, notes="") -> dict:
    return {
        "agency_contributions": agency_gives,
        "co_producer_contributions": they_give,
        "timing": timing,
        "co_producers_per_year": people,
        "hours_per_co_producer": Decimal(str(hours_each)),
        "co_producer_contribution_notes": notes,
    }


def value(*, private, private_strength, public, public_strength) -> dict:
    return {
        "private_value_description": private,
        "private_value_strength": private_strength,
        "public_value_description": public,
        "public_value_strength": public_strength,
    }


def necessity(kind, reason) -> dict:
    """`kind`: "necessary" or "optional"."""
    return {"necessity": kind, "necessity_reason": reason}


def motivations(*, material, intrinsic, social, normative, sanctions, rewarded, notes="") -> dict:
    return {
        "material_motivation": material,
        "intrinsic_motivation": intrinsic,
        "social_motivation": social,
        "normative_motivation": normative,
        "sanctions_motivation": sanctions,
        "material_rewards_offered": rewarded,
        "motivation_notes": notes,
    }


def capability(
    *, expertise, capability, varies, assets, vulnerable, assets_notes="", support=""
) -> dict:
    return {
        "expertise_required": expertise,
        "co_producer_capability": capability,
        "capability_varies_by_area": varies,
        "special_assets": assets,
        "special_assets_notes": assets_notes,
        "support_given": support,
        "burden_on_vulnerable": vulnerable,
    }


def _option(prefix, *, setup, annual, hours, clients, confidence, ratings) -> dict:
    """One side of the comparison. `ratings`: effectiveness, consistency, trust, experience."""
    return {
        f"{prefix}_setup_cost": Decimal(setup),
        f"{prefix}_annual_agency_cost": Decimal(annual),
        f"{prefix}_annual_co_producer_hours": Decimal(hours),
        f"{prefix}_clients_per_year": clients,
        f"{prefix}_confidence": confidence,
        **{f"{prefix}_{name}": rating for name, rating in zip(RATINGS, ratings, strict=True)},
    }


def costs(alternative_name, *, co_production: dict, alternative: dict) -> dict:
    return {
        "alternative_name": alternative_name,
        **_option("co_production", **co_production),
        **_option("alternative", **alternative),
    }


def merge(*sections: dict) -> dict:
    """All the answers of the given sections, as one dict of model field values."""
    return {name: value for section in sections for name, value in section.items()}
