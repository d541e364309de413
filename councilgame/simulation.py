"""Many AI games of one scenario, summarised for balance: what an author needs to see."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable

import numpy as np

from councilgame.engine.compiled import Compiled
from councilgame.engine.game import Game

SCORE_KEYS = ("legitimacy", "outcomes", "legality", "inclusiveness", "impartiality",
              "accountability", "effectiveness", "civilian_protection", "stability",
              "political_process", "humanitarian")


def simulate(comp: Compiled, games: int, seed: int,
             progress: Callable[[int], None] | None = None) -> dict:
    start = time.perf_counter()
    seeds = np.random.SeedSequence(seed).generate_state(games, dtype=np.uint32)
    endings: Counter[str] = Counter()
    fired: Counter[str] = Counter()
    per_file: dict[str, Counter[str]] = {f: Counter() for f in comp.files}
    scores: dict[str, list[float]] = {k: [] for k in SCORE_KEYS}
    objectives: dict[str, list[float]] = {c: [] for c in comp.codes}
    drafts = adopted = vetoed = unanimous = 0
    lengths = []
    for n, s in enumerate(seeds):
        game = Game(comp, int(s), record=False)
        st = game.state
        endings[st.ending or ""] += 1
        fired.update(st.fired.keys())
        lengths.append(st.month)
        for rec in st.history:
            for v in rec.votes:
                if v.kind != "draft":
                    continue
                drafts += 1
                per_file[v.file][v.result] += 1
                if v.result == "adopted":
                    adopted += 1
                    unanimous += v.yes == len(comp.codes)
                elif v.result == "vetoed":
                    vetoed += 1
            for fid, out in rec.outputs.items():
                if out != "resolution":
                    per_file[fid][out] += 1
        for k in SCORE_KEYS:
            scores[k].append(st.scores[k])
        for c in comp.codes:
            objectives[c].append(st.objectives.get(c, 0.0))
        if progress:
            progress(n + 1)
    leg, out = np.array(scores["legitimacy"]), np.array(scores["outcomes"])
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
        "scores": {k: _stats(v) for k, v in scores.items()},
        "objectives": {c: _stats(v) for c, v in objectives.items()},
        "legitimacy_outcomes_correlation": round(corr, 4),
        "months": _stats(lengths),
        "wall_time_s": round(time.perf_counter() - start, 3),
    }


def _stats(values) -> dict:
    a = np.asarray(values, dtype=float)
    p10, p50, p90 = np.percentile(a, [10, 50, 90])
    return {"mean": round(float(a.mean()), 2), "p10": round(float(p10), 2),
            "p50": round(float(p50), 2), "p90": round(float(p90), 2)}
