"""The balance report's "why": for an author tuning a pack, not only what happened in many AI
games but what made it so. Per clause, how often penholders drafted it and the Council adopted
it, and why a penholder leaves a clause out; the spread of every gauge and variable at the end;
and for an ending or an event that is rare or never reached, which part of its condition was
false most often (read on each game's final state, where endings are decided).
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from councilgame.engine import ai
from councilgame.engine.compiled import Compiled
from councilgame.engine.environment import build_env
from councilgame.engine.expressions import Getter, Node, parse
from councilgame.engine.expressions import conjuncts as ex_conjuncts
from councilgame.engine.game import Game
from councilgame.engine.start import initial_state
from councilgame.play.tallies import Tallies

RARE = 0.05  # an ending or event reached in fewer games than this is explained
DISLIKE = -0.2  # a permanent member's feeling about a clause under which it counts as against it


def unparse(node: Node) -> str:
    """An expression tree back in words, for the report."""
    if node.kind == "num":
        return f"{node.value:g}"
    if node.kind == "name":
        return str(node.value)
    if node.kind == "unary":
        inner = unparse(node.args[0])
        return f"not {inner}" if node.value == "not" else f"-{inner}"
    if node.kind == "call":
        return f"{node.value}({', '.join(unparse(a) for a in node.args)})"
    left, right = (unparse(a) for a in node.args)
    return f"({left} {node.value} {right})" if node.value in ("and", "or") else f"{left} {node.value} {right}"


def conjuncts(text: str) -> list[Node]:
    """The parts of a condition joined by a top-level `and`."""
    return ex_conjuncts(parse(text))


def _checks(comp: Compiled) -> dict[str, list[tuple[str, Getter]]]:
    """Each ending's and event's condition parts, compiled: 'ending:ID' / 'event:ID' ->
    [(the part in words, its getter)]; compiled once per scenario."""
    cached = comp.__dict__.get("_why_checks")
    if cached is not None:
        return cached
    out: dict[str, list[tuple[str, Getter]]] = {}
    conditions = [(f"ending:{e.id}", e.when) for e, _ in comp.endings]
    conditions += [(f"event:{ce.event.id}", ce.event.when) for ce in comp.events]
    for key, text in conditions:
        parts = conjuncts(text)
        out[key] = [(unparse(p), comp.compile_expr(unparse(p))) for p in parts]
    comp.__dict__["_why_checks"] = out
    return out


def final_env(game: Game) -> np.ndarray:
    """The game's final state as its expressions read it; the rare endings' and events'
    conditions are evaluated on it once the report knows which are rare."""
    return np.asarray(build_env(game.comp, game.state), dtype=float)


def _failed(parts: list[tuple[str, Getter]], env: list[float]) -> list[int]:
    return [i for i, (_, getter) in enumerate(parts) if not getter(env)]


def final_misses(game: Game) -> list[tuple[str, list[int]]]:
    """For each ending and event this game did not reach, the parts of its condition false on
    its final state. Kept for every one, since which are rare is known only when all games are
    in; the report explains the rare ones."""
    st = game.state
    env = list(final_env(game))
    out = []
    for key, parts in _checks(game.comp).items():
        kind, ident = key.split(":", 1)
        if (kind == "ending" and st.ending == ident) or (kind == "event" and ident in st.fired):
            continue
        failed = _failed(parts, env)
        if failed:
            out.append((key, failed))
    return out


def final_values(game: Game) -> list[float]:
    return [round(float(v), 2) for v in game.state.vars]


def clause_rows(record: dict) -> list[tuple[str, str, str]]:
    """(file, clause key, result) for every clause of every draft put to the vote."""
    return [(v["file"], key, v["result"]) for m in record["months"] for v in m["votes"]
            if v["kind"] == "draft" for key in v["clauses"]]


def aggregate_why(comp: Compiled, t: Tallies) -> dict:
    return {
        "clauses": _clauses(comp, t),
        "final_values": {name: t.finals[i].stats() for i, name in enumerate(comp.var_names)},
        "rare": _rare(comp, t),
        "real": _real(comp, t),
    }


def _real(comp: Compiled, t: Tallies) -> list[dict]:
    """For each vote of the real Council the scenario records: the share of games holding a
    draft vote on its file with the same result, and the median yes count of those votes; for a
    real result of `none`, the share of games adopting no text on the file."""
    out = []
    for real, tally in zip(comp.scenario.debrief.real, t.real, strict=True):
        out.append({"title": real.title, "file": real.file, "result": real.result,
                    "real_count": real.vote,
                    "reproduced": round(tally.hits / t.games, 4) if t.games else 0.0,
                    "median_yes": float(np.median(tally.yes.values())) if tally.yes.counts else None})
    return out


def _clauses(comp: Compiled, t: Tallies) -> dict[str, dict[str, dict]]:
    drafts, adopted = t.drafts_by_file, t.adopted_by_file
    out: dict[str, dict[str, dict]] = {}
    for fid, file in comp.files.items():
        reasons = left_out_reasons(comp, fid)
        out[fid] = {}
        for o in file.offers:
            n = t.held[(fid, o.key)]
            out[fid][o.key] = {
                "title": o.label,
                "drafted": round(n / drafts[fid], 4) if drafts[fid] else 0.0,
                "adopted": round(t.passed[(fid, o.key)] / adopted[fid], 4) if adopted[fid] else 0.0,
                **({"why_left_out": reasons[o.key]} if o.key in reasons and n == 0 else {}),
            }
    return out


def left_out_reasons(comp: Compiled, fid: str) -> dict[str, str]:
    """Why the file's first penholder would leave each clause out of its draft, as the game
    starts: it never adds a clause it dislikes, and it trades away one a permanent member
    resents to keep the text clear of a veto (see docs/authoring.md, "How the AI drafts")."""
    file = comp.files[fid]
    if not file.penholders:
        return {}
    sponsor = file.penholders[0]
    dm = ai.draft_model(comp, initial_state(comp), file, sponsor)
    out = {}
    for k, o in enumerate(file.offers):
        own = float(dm.M[sponsor, k])
        against = [comp.codes[i] for i in np.flatnonzero(comp.permanent)
                   if i != sponsor and dm.M[i, k] < DISLIKE]
        if own <= 0:
            out[o.key] = (f"the penholder ({comp.codes[sponsor]}) does not want it (its own "
                          f"feeling {own:+.2f}); set `insist: true` on the offer to make it table it")
        elif against:
            out[o.key] = (f"permanent members resent it ({', '.join(against)}): the penholder trades it "
                          "away to keep the text clear of a veto; `insist: true` keeps it in")
    return out


def _rare(comp: Compiled, t: Tallies) -> dict[str, dict]:
    reached: Counter = Counter({f"ending:{e}": n for e, n in t.endings.items()})
    reached.update({f"event:{e}": n for e, n in t.fired.items()})
    out = {}
    for key, parts in _checks(comp).items():
        share = reached[key] / t.games if t.games else 0.0
        misses = t.misses.get(key)
        if share >= RARE or not misses:
            continue
        ranked = sorted(misses.items(), key=lambda kv: -kv[1])
        out[key] = {"reached": round(share, 4),
                    "false_at_end": [{"part": parts[i][0], "share": round(n / t.games, 4)}
                                     for i, n in ranked[:3]]}
    return out
