"""Who delivers what (agencies, members, services) and the curated case library.

Import from here: `from services.models import Agency, CaseExample, Motivator`.
"""

from services.models.agencies import (
    Agency,
    AgencyQuerySet,
    ClientType,
    DeliveryMode,
    GovernmentLevel,
    Membership,
    Role,
    Sector,
    Service,
    ServiceQuerySet,
    currency_code,
)
from services.models.cases import (
    CaseEffect,
    CaseExample,
    CaseExampleQuerySet,
    CaseSource,
    EffectSpread,
    why_similar,
)
from services.models.choices import (
    CaseStatus,
    CoProducerType,
    Level,
    Motivator,
    Necessity,
    Perspective,
    SpecialAsset,
    ValueType,
)
from services.models.reference_values import PriceIndex, ReferenceValue, ReferenceValueQuerySet
from services.models.tokens import AccessToken, AccessTokenUse, Lifetime

__all__ = [
    "AccessToken",
    "Perspective",
    "AccessTokenUse",
    "Agency",
    "AgencyQuerySet",
    "CaseEffect",
    "CaseExample",
    "CaseExampleQuerySet",
    "CaseSource",
    "CaseStatus",
    "ClientType",
    "CoProducerType",
    "DeliveryMode",
    "EffectSpread",
    "GovernmentLevel",
    "Level",
    "Lifetime",
    "Membership",
    "Motivator",
    "Necessity",
    "PriceIndex",
    "ReferenceValue",
    "ReferenceValueQuerySet",
    "Role",
    "Sector",
    "Service",
    "ServiceQuerySet",
    "SpecialAsset",
    "ValueType",
    "currency_code",
    "why_similar",
]
