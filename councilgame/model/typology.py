"""The typology of parallel operations (Sherman, Sarfati & Dahir, IPI; after Novosseloff &
Sharland, *Partners and Competitors*, IPI 2019), and the other closed vocabularies of the game.

Kept as string enums so pack files and saves read as plain words.
"""

from __future__ import annotations

from enum import StrEnum


class Authorization(StrEnum):
    """The Council's basis for an operation: Charter Chapter VII (Art. 42), Chapter VIII
    (Art. 53(1): no enforcement by regional arrangements without the Council's authorization),
    or the weaker forms of recognition, or none at all."""

    CHAPTER7 = "chapter7"
    CHAPTER8 = "chapter8"
    ENDORSED = "endorsed"
    WELCOMED = "welcomed"
    NONE = "none"


class Lead(StrEnum):
    UN = "un"
    REGIONAL = "regional"
    SUBREGIONAL = "subregional"
    COALITION = "coalition"
    STATE = "state"
    COMPANY = "company"


class Command(StrEnum):
    INDEPENDENT = "independent"
    COORDINATED = "coordinated"
    INTEGRATED = "integrated"


class Principles(StrEnum):
    """Alignment with the UN peacekeeping principles (consent, impartiality, minimum force)."""

    ALIGNED = "aligned"
    PARTIAL = "partial"
    NOT_ALIGNED = "not_aligned"


class Aim(StrEnum):
    CAPACITY_BUILDING = "capacity_building"
    CRISIS_RESPONSE = "crisis_response"
    DETERRENCE = "deterrence"
    COMBAT = "combat"
    MONITORING = "monitoring"
    SUPPORT = "support"


class Funding(StrEnum):
    ASSESSED = "assessed"
    TRUST_FUND = "trust_fund"
    OWN = "own"
    NONE = "none"


class Compliance(StrEnum):
    """Which human-rights compliance framework binds an operation, if any."""

    NONE = "none"
    REGIONAL = "regional"
    UN = "un"


class ClauseGroup(StrEnum):
    MANDATE = "mandate"
    AUTHORIZATION = "authorization"
    SUPPORT = "support"
    COMPLIANCE = "compliance"
    FUNDING = "funding"
    SANCTIONS = "sanctions"
    REQUESTS = "requests"
    DURATION = "duration"


class RegionalGroup(StrEnum):
    """UN regional groups (GA res. 1991 A (XVIII) allocation of elected seats)."""

    AFRICA = "africa"
    ASIA_PACIFIC = "asia_pacific"
    EASTERN_EUROPE = "eastern_europe"
    GRULAC = "grulac"
    WEOG = "weog"


AUTH_LEGALITY = {
    Authorization.CHAPTER7: 1.0,
    Authorization.CHAPTER8: 1.0,
    Authorization.ENDORSED: 0.7,
    Authorization.WELCOMED: 0.5,
    Authorization.NONE: 0.0,
}
