"""The names a scenario's expressions may read, and their ranges (for validation warnings).

One list serves the loader (to check names at load time) and the engine (to compile them to
positions in a flat environment vector), so the two cannot disagree.
"""

from __future__ import annotations

from councilgame.model.bundle import ScenarioBundle

COUNCIL_STOCKS = {"impartiality": 65.0, "accountability": 50.0}
OP_FIELDS = {
    "active": (0.0, 1.0), "strength": (0.0, 1.0), "authorized": (0.0, 1.0),
    "recognized": (0.0, 1.0), "supported": (0.0, 1.0), "compliance": (0.0, 2.0),
    "consent": (0.0, 1.0), "mandate": (0.0, 99.0), "months": (0.0, 99.0),
}
FILE_FIELDS = {
    "on_agenda": (0.0, 1.0), "neglect": (0.0, 99.0), "adopted": (0.0, 99.0),
    "failed": (0.0, 99.0), "vetoes": (0.0, 99.0), "prst": (0.0, 99.0),
}
MEMBER_FIELDS = ("yes", "no", "abstain", "vetoes", "rivals")  # ballots on drafts, so far
SCORE_NAMES = (
    "legitimacy", "outcomes", "legality", "inclusiveness", "impartiality", "accountability",
    "effectiveness", "civilian_protection", "stability", "political_process", "humanitarian",
)


def variable_ranges(bundle: ScenarioBundle) -> dict[str, tuple[float, float]]:
    """Every gauge and variable (the numeric state vector), in order, with its range."""
    sc = bundle.scenario
    out: dict[str, tuple[float, float]] = {}
    for i, theatre in enumerate(sc.theatres):
        for g in bundle.gauges:
            out[f"{theatre.id}.{g.id}"] = (0.0, 100.0)
            if i == 0:
                out[g.id] = (0.0, 100.0)
    for name in COUNCIL_STOCKS:
        out[name] = (0.0, 100.0)
    for v in sc.variables:
        out[v.id] = (v.min, v.max)
    return out


def names_with_ranges(bundle: ScenarioBundle) -> dict[str, tuple[float, float]]:
    """All names an expression of this scenario may use."""
    sc = bundle.scenario
    out = dict(variable_ranges(bundle))
    out["month"] = (1.0, float(sc.months))
    out["months_left"] = (0.0, float(sc.months - 1))
    for f in sc.flags:
        out[f"flags.{f.id}"] = (0.0, 1.0)
    for c in sc.crises:
        out[f"crisis.{c.id}"] = (0.0, 1.0)
    for op in sc.operations:
        for fld, rng in OP_FIELDS.items():
            out[f"ops.{op.id}.{fld}"] = rng
    for file in sc.files:
        for fld, rng in FILE_FIELDS.items():
            out[f"files.{file.id}.{fld}"] = rng
    for ev in bundle.events:
        out[f"events.{ev.id}.fired"] = (0.0, float(sc.months))
    for name in ("adopted", "vetoes", "failed"):
        out[f"council.{name}"] = (0.0, 99.0)
    for name in SCORE_NAMES:
        out[f"score.{name}"] = (0.0, 100.0)
    for code in [*sc.council.permanent, *sc.council.elected]:  # how each member has voted
        for fld in MEMBER_FIELDS:
            out[f"members.{code}.{fld}"] = (0.0, 99.0)
    for name in ("rivals", "press"):
        out[f"council.{name}"] = (0.0, 99.0)
    return out
