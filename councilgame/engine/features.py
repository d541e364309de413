"""Operation and theatre features: the typology turned into numbers the effect model multiplies.

The pack's model gives, per feature, the change it makes to each gauge per month; the engine
computes each active operation's feature vector here, scales it by the operation's strength and
sums per theatre. One matrix product does the month's effects (README, "The outcome model").
"""

from __future__ import annotations

import numpy as np

from councilgame.model.typology import Aim, Authorization, Compliance, Funding, Lead, Principles

OP_FEATURES = (
    "troops", "un_troops", "police", "un_police", "observers", "robust", "combat",
    "unbound_combat", "compliance_un", "compliance_regional", "crisis_response", "deterrence",
    "capacity_building", "monitoring", "support", "supported_unbound", "supported",
    "assessed_funding", "underfunded", "no_consent", "not_aligned", "un_lead", "company",
)
THEATRE_FEATURES = ("baseline", "pressure", "abuse_pressure")
FEATURES = OP_FEATURES + THEATRE_FEATURES
FEATURE_HELP = {
    "troops": "per 5,000 troops of any lead",
    "un_troops": "per 5,000 troops of a UN operation (on top of troops)",
    "police": "per 1,000 police",
    "un_police": "per 1,000 UN police (on top of police)",
    "observers": "per 500 observers",
    "robust": "enforcement authorized (Chapter VII, or Art. 53 for a regional arrangement) "
              "of a force with troops",
    "combat": "aim: combat or counter-terrorism",
    "unbound_combat": "combat with no compliance framework",
    "compliance_un": "bound by a UN compliance framework",
    "compliance_regional": "bound by a regional compliance framework",
    "crisis_response": "aim: crisis response", "deterrence": "aim: deterrence",
    "capacity_building": "aim: capacity building", "monitoring": "aim: monitoring",
    "support": "aim: support (a UN support office)",
    "supported_unbound": "UN support with no compliance framework, times the theatre's abuses / 50",
    "supported": "receives a UN support package",
    "assessed_funding": "funded from assessed contributions",
    "underfunded": "no funding",
    "no_consent": "deployed without the host's consent",
    "not_aligned": "not aligned with UN peacekeeping principles",
    "un_lead": "a UN operation", "company": "led by a private company",
    "baseline": "every theatre, every month",
    "pressure": "(violence - 50) / 50 in the theatre",
    "abuse_pressure": "(abuses - 50) / 50 in the theatre",
}


# a legal basis for enforcement: Chapter VII, or Art. 53(1) for a regional arrangement
_ENFORCEMENT = (Authorization.CHAPTER7, Authorization.CHAPTER8)


def op_features(op, abuses: float) -> np.ndarray:
    """The feature vector of one active operation (before scaling by its strength)."""
    is_un = op.lead == Lead.UN
    combat = op.aim == Aim.COMBAT
    troops = min(op.troops / 5000.0, 3.0)
    police = min(op.police / 1000.0, 3.0)
    unbound = op.compliance == Compliance.NONE
    return np.array([
        troops,
        troops if is_un else 0.0,
        police,
        police if is_un else 0.0,
        min(op.observers / 500.0, 3.0),
        1.0 if op.authorization in _ENFORCEMENT and op.troops > 0 else 0.0,
        1.0 if combat else 0.0,
        1.0 if combat and unbound else 0.0,
        1.0 if op.compliance == Compliance.UN else 0.0,
        1.0 if op.compliance == Compliance.REGIONAL else 0.0,
        1.0 if op.aim == Aim.CRISIS_RESPONSE else 0.0,
        1.0 if op.aim == Aim.DETERRENCE else 0.0,
        1.0 if op.aim == Aim.CAPACITY_BUILDING else 0.0,
        1.0 if op.aim == Aim.MONITORING else 0.0,
        1.0 if op.aim == Aim.SUPPORT else 0.0,
        abuses / 50.0 if op.supported and unbound else 0.0,
        1.0 if op.supported else 0.0,
        1.0 if op.funding == Funding.ASSESSED else 0.0,
        1.0 if op.funding == Funding.NONE else 0.0,
        0.0 if op.consent else 1.0,
        1.0 if op.principles == Principles.NOT_ALIGNED else 0.0,
        1.0 if is_un else 0.0,
        1.0 if op.lead == Lead.COMPANY else 0.0,
    ])


def theatre_features(violence: float, abuses: float) -> np.ndarray:
    return np.array([1.0, (violence - 50.0) / 50.0, (abuses - 50.0) / 50.0])
