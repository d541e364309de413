"""Many AI games of one scenario, summarised for balance: what an author needs to see.

Games are independent, so they spread over worker processes; each game's seed comes from one
SeedSequence, so the report is the same whatever the number of workers.
"""

from __future__ import annotations

import multiprocessing as mp
import time
from collections import Counter
from collections.abc import Callable

import numpy as np

from councilgame.engine.compiled import Compiled
from councilgame.engine.game import Game

SCORE_KEYS = ("legitimacy", "outcomes", "legality", "inclusiveness", "impartiality",
              "accountability", "effectiveness", "civilian_protection", "stability",
              "political_process", "humanitarian")
_COMP: Compiled | None = None  # the scenario a forked worker plays


def play_one(comp: Compiled, seed: int) -> dict:
    """The facts of one AI game that the report needs."""
    st = Game(comp, seed, record=False).state
    votes = []
    outputs = []
    for rec in st.history:
        votes += [(v.file, v.result, v.yes) for v in rec.votes if v.kind == "draft"]
        outputs += [(fid, out) for fid, out in rec.outputs.items() if out != "resolution"]
    return {"ending": st.ending or "", "fired": sorted(st.fired), "months": st.month,
            "votes": votes, "outputs": outputs,
            "scores": [st.scores[k] for k in SCORE_KEYS],
            "objectives": [st.objectives.get(c, 0.0) for c in comp.codes]}


def _chunk(seeds: list[int]) -> list[dict]:
    assert _COMP is not None, "a worker plays the scenario its parent forked with"
    return [play_one(_COMP, s) for s in seeds]


def simulate(comp: Compiled, games: int, seed: int,
             progress: Callable[[int], None] | None = None, workers: int = 1) -> dict:
    global _COMP
    start = time.perf_counter()
    seeds = [int(s) for s in np.random.SeedSequence(seed).generate_state(games, dtype=np.uint32)]
    rows: list[dict] = []
    if workers > 1 and games >= 50 and "fork" in mp.get_all_start_methods():
        _COMP = comp
        size = max(10, min(250, games // (workers * 4)))
        chunks = [seeds[i:i + size] for i in range(0, games, size)]
        with mp.get_context("fork").Pool(workers) as pool:
            for part in pool.imap(_chunk, chunks):
                rows += part
                if progress:
                    progress(len(rows))
        _COMP = None
    else:
        for s in seeds:
            rows.append(play_one(comp, s))
            if progress:
                progress(len(rows))
    return aggregate(comp, rows, seed, time.perf_counter() - start, workers)


def aggregate(comp: Compiled, rows: list[dict], seed: int, wall: float, workers: int = 1) -> dict:
    games = len(rows)
    endings = Counter(r["ending"] for r in rows)
    fired = Counter(e for r in rows for e in r["fired"])
    per_file: dict[str, Counter[str]] = {f: Counter() for f in comp.files}
    drafts = adopted = vetoed = unanimous = 0
    for r in rows:
        for fid, result, yes in r["votes"]:
            drafts += 1
            per_file[fid][result] += 1
            adopted += result == "adopted"
            vetoed += result == "vetoed"
            unanimous += result == "adopted" and yes == len(comp.codes)
        for fid, out in r["outputs"]:
            per_file[fid][out] += 1
    scores = np.array([r["scores"] for r in rows])
    objectives = np.array([r["objectives"] for r in rows])
    leg, out = scores[:, 0], scores[:, 1]
    corr = float(np.corrcoef(leg, out)[0, 1]) if games > 2 and leg.std() and out.std() else 0.0
    return {
        "scenario": comp.scenario.id,
        "games": games,
        "seed": seed,
        "endings": {e.id: endings.get(e.id, 0) for e, _ in comp.endings},
        "events": {ce.event.id: fired.get(ce.event.id, 0) for ce in comp.events},
        "drafts": drafts,
        "adoption_rate": round(adopted / drafts, 4) if drafts else 0.0,
        "veto_rate": round(vetoed / drafts, 4) if drafts else 0.0,
        "unanimity_rate": round(unanimous / adopted, 4) if adopted else 0.0,
        "files": {f: dict(c) for f, c in per_file.items()},
        "scores": {k: _stats(scores[:, i]) for i, k in enumerate(SCORE_KEYS)},
        "objectives": {c: _stats(objectives[:, i]) for i, c in enumerate(comp.codes)},
        "legitimacy_outcomes_correlation": round(corr, 4),
        "months": _stats([r["months"] for r in rows]),
        "planned_months": comp.scenario.months,
        "workers": workers,
        "wall_time_s": round(wall, 3),
    }


def _stats(values) -> dict:
    a = np.asarray(values, dtype=float)
    p10, p50, p90 = np.percentile(a, [10, 50, 90])
    return {"mean": round(float(a.mean()), 2), "p10": round(float(p10), 2),
            "p50": round(float(p50), 2), "p90": round(float(p90), 2)}
