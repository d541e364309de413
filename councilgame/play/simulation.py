"""Many AI games of one scenario, summarised for balance: what an author needs to see, and how
the AI Council compares with the real one.

Games are independent, so they spread over worker processes; each game's seed comes from one
SeedSequence, so the report is the same whatever the number of workers. One seat may follow a
scripted policy (`--seat CODE --policy NAME`) to measure what that seat's choices change.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from councilgame.engine.compiled import Compiled
from councilgame.engine.game import Game
from councilgame.engine.voting import VOTES_NEEDED, tally
from councilgame.play import why
from councilgame.play.tallies import SCORE_KEYS, Tallies

BALLOTS = ("yes", "no", "abstain")


@dataclass(frozen=True)
class Setup:
    """What every game of a simulation shares: the scenario, a scripted seat, and whether to
    keep each game's full record."""

    comp: Compiled
    seat: str | None = None
    policy: str = "ai"
    records: bool = False
    length: int | None = None  # a seminar's shorter game (the scenario's `lengths`)


_SETUP: Setup | None = None  # what a forked worker plays


def is_rival(vote: dict) -> bool:
    """A rival draft's symbol names its sponsor: file/month/SPONSOR."""
    return vote["kind"] == "draft" and vote["draft"].count("/") == 2


def pivotal_elected(vote: dict, elected: list[str], permanent: list[str]) -> list[str]:
    """Elected members whose ballot alone, cast otherwise, would have changed the result:
    adopted instead of failed or vetoed, or failed instead of vetoed (the ninth vote that
    forces a permanent member to veto, or spares it the veto and its cost)."""
    ballots = vote["ballots"]
    yes = sum(b == "yes" for b in ballots.values())
    if yes not in (VOTES_NEEDED - 1, VOTES_NEEDED):  # one ballot moves the yes count by one only
        return []
    out = []
    for code in elected:
        for alt in BALLOTS:
            if alt != ballots[code] and tally({**ballots, code: alt}, permanent).result != vote["result"]:
                out.append(code)
                break
    return out


def play_one(setup: Setup, seed: int) -> dict:
    """The facts of one game that the report needs (and its record, when asked)."""
    comp = setup.comp
    policies = {setup.seat: setup.policy} if setup.seat else None
    game = Game(comp, seed, record=False, policies=policies, length=setup.length)
    st = game.state
    record = game.record()
    permanent, elected = record["permanent"], record["elected"]
    votes, outputs, after_veto = [], [], []
    for month in record["months"]:
        vetoed_files = set()
        for v in month["votes"]:
            if v["kind"] != "draft":
                continue
            votes.append((v["file"], v["result"], v["yes"], is_rival(v), tuple(v["vetoed_by"]),
                          tuple(pivotal_elected(v, elected, permanent))))
            if v["vetoed_by"]:
                vetoed_files.add(v["file"])
        outputs += [(fid, out) for fid, out in month["outputs"].items() if out != "resolution"]
        after_veto += [month["outputs"].get(fid, "") for fid in sorted(vetoed_files)]
    return {"ending": st.ending or "", "fired": sorted(st.fired), "months": st.month,
            "clauses": why.clause_rows(record), "final_values": why.final_values(game),
            "misses": why.final_misses(game),
            "votes": votes, "outputs": outputs, "after_veto": after_veto,
            "scores": [st.scores[k] for k in SCORE_KEYS],
            "objectives": [st.objectives.get(c, 0.0) for c in comp.codes],
            "record": json.dumps(record, separators=(",", ":")) if setup.records else None}


def _chunk(seeds: list[int]) -> list[dict]:
    assert _SETUP is not None, "a worker plays the scenario its parent forked with"
    return [play_one(_SETUP, s) for s in seeds]


def simulate(comp: Compiled, games: int, seed: int,
             progress: Callable[[int], None] | None = None, workers: int = 1,
             seat: str | None = None, policy: str = "ai",
             on_record: Callable[[str], None] | None = None, length: int | None = None) -> dict:
    """Play `games` AI games (one seat scripted, if asked) and aggregate them as they end, so
    that memory does not grow with the number of games. `on_record` receives each game's
    record as one line of JSON, in seed order."""
    global _SETUP
    setup = Setup(comp, seat, policy, records=on_record is not None, length=length)
    start = time.perf_counter()
    seeds = [int(s) for s in np.random.SeedSequence(seed).generate_state(games, dtype=np.uint32)]
    tallies = Tallies(comp)

    def take(row: dict) -> None:
        if on_record is not None and row["record"] is not None:
            on_record(row.pop("record"))
        tallies.add(row)
        if progress:
            progress(tallies.games)

    if workers > 1 and games >= 50 and "fork" in mp.get_all_start_methods():
        _SETUP = setup
        size = max(10, min(250, games // (workers * 4)))
        chunks = [seeds[i:i + size] for i in range(0, games, size)]
        with mp.get_context("fork").Pool(workers) as pool:
            for part in pool.imap(_chunk, chunks):
                for row in part:
                    take(row)
        _SETUP = None
    else:
        for s in seeds:
            take(play_one(setup, s))
    report = aggregate(comp, tallies, seed, time.perf_counter() - start, workers)
    report["seat"], report["policy"] = seat, policy
    if length is not None:
        report["planned_months"] = length
    return report


def aggregate(comp: Compiled, t: Tallies, seed: int, wall: float, workers: int = 1) -> dict:
    council = council_figures(t)
    return {
        "scenario": comp.scenario.id,
        "games": t.games,
        "seed": seed,
        "endings": {e.id: t.endings.get(e.id, 0) for e, _ in comp.endings},
        "events": {ce.event.id: t.fired.get(ce.event.id, 0) for ce in comp.events},
        **council,
        "realism": realism(council, comp.scenario.council.scripted_vetoes),
        "files": {f: dict(c) for f, c in t.per_file.items()},
        "scores": {k: t.scores[i].stats() for i, k in enumerate(SCORE_KEYS)},
        "objectives": {c: t.objectives[i].stats() for i, c in enumerate(comp.codes)},
        "legitimacy_outcomes_correlation": round(t.correlation.r(), 4),
        "why": why.aggregate_why(comp, t),
        "months": t.months.stats(),
        "planned_months": comp.scenario.months,
        "workers": workers,
        "wall_time_s": round(wall, 3),
    }


def council_figures(t: Tallies) -> dict:
    """How the simulated Council voted: the figures `council-practice.md` gives for the real one."""
    v = t.votes

    def share(n: int, d: int) -> float:
        return round(n / d, 4) if d else 0.0

    def share_of(n: int, d: int) -> float | None:  # None where there is nothing to share
        return round(n / d, 4) if d else None

    return {
        "drafts": v.drafts,
        "adoption_rate": share(v.adopted, v.drafts),
        "veto_rate": share(v.vetoed, v.drafts),
        "failed_rate": share(v.failed, v.drafts),
        "unanimity_rate": share(v.unanimous, v.adopted),
        "rival_drafts": v.rivals,
        "rival_adoption_rate": share_of(v.rivals_adopted, v.rivals),
        "vetoed_file_months": v.after_veto,
        "prst_after_veto_rate": share_of(v.prst_after_veto, v.after_veto),
        "vetoes_by_member": dict(sorted(v.by_member.items(), key=lambda kv: -kv[1])),
        "joint_vetoes": dict(sorted(v.joint.items(), key=lambda kv: -kv[1])),
        "china_joint_with_russia_rate": share_of(v.china_with_russia, v.china),
        "china_african_rate": share_of(v.china_african, v.china),
        "pivotal_elected_rate": share(v.pivotal, v.drafts),
    }


# The real Council, from shared/reference/data/council-practice.md (Highlights of Security
# Council Practice 2022-2024; the Dag Hammarskjöld Library's veto list 2010 - Sept 2022).
REAL = {
    "adoption_rate": ("drafts adopted", "83-89%", (0.80, 0.92)),
    "unanimity_rate": ("adopted unanimously", "65-70%", (0.55, 0.80)),
    "veto_rate": ("drafts vetoed", "6-8%", (0.03, 0.12)),
    "failed_rate": ("drafts failing for lack of 9 yes", "5-8%", (0.02, 0.10)),
    "rival_adoption_rate": ("rival drafts adopted", "about none", (0.0, 0.25)),
    "prst_after_veto_rate": ("presidential statement after a veto", "rare", (0.0, 0.20)),
    "china_joint_with_russia_rate": ("China's vetoes cast with Russia", "12 of 12", (0.70, 1.0)),
    "china_african_rate": ("China's vetoes on African files", "1 since 1990", (0.0, 0.10)),
}


def realism(council: dict, scripted: list[str] | tuple[str, ...] = ()) -> list[dict]:
    """Each figure beside the real Council's, with the band the AI is calibrated to."""
    out = []
    for key, (label, real, (lo, hi)) in REAL.items():
        value = council[key]
        if value is None:  # nothing to measure (no rival draft, no Chinese veto...)
            out.append({"figure": key, "label": label, "game": "none", "real": real,
                        "band": [lo, hi], "within": True})
            continue
        out.append({"figure": key, "label": label, "game": value, "real": real,
                    "band": [lo, hi], "within": lo <= value <= hi})
    vetoes = council["vetoes_by_member"]
    top = max(vetoes, key=lambda c: vetoes[c]) if vetoes else None
    out.append({"figure": "main_vetoer", "label": "main vetoer", "game": top or "none",
                "real": "Russia (25 of 29 vetoed drafts, 2010-22)", "band": ["RUS"],
                "within": top in (None, "RUS")})
    us_ru = sum(n for k, n in council["joint_vetoes"].items() if {"RUS", "USA"} <= set(k.split("+")))
    out.append({"figure": "joint_us_russia", "label": "joint US-Russia vetoes", "game": us_ru,
                "real": "none", "band": [0, 0], "within": us_ru == 0})
    fr_uk = sum(vetoes.get(c, 0) for c in ("FRA", "GBR") if c not in scripted)
    label = "French or British vetoes" + (" (the scenario's own excepted)" if scripted else "")
    out.append({"figure": "france_uk_vetoes", "label": label, "game": fr_uk,
                "real": "none since December 1989", "band": [0, 0], "within": fr_uk == 0})
    return out
