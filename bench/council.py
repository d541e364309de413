"""The measurements behind issue 11's "done when", beyond what `councilgame simulate` reports.

    python bench/council.py seats       # elected seats played yes vs no: endings and events moved
    python bench/council.py paired      # one ballot changed in month 1: same month-2 events?
    python bench/council.py policies    # penholder policies against the AI's own play
    python bench/council.py decisions   # months in which each player's seat has a real decision
    python bench/council.py events      # drawn events that read what the Council decided

Each prints one line per scenario. They take minutes (thousands of games), so they are not
part of `make test`; `make council` runs them all.
"""

from __future__ import annotations

import argparse
import collections
import re
from collections.abc import Callable

import numpy as np

from councilgame.engine import ai
from councilgame.engine.game import ActionError, Game
from councilgame.play import Done, RequestMeeting, TableDraft, Vote, load_scenario
from councilgame.play.queries import whip
from councilgame.play.simulation import simulate

PAPER = ("sahel", "south-sudan", "syria-mali", "arctic")
SEATS = {"sahel": ("SOM", "COD"), "south-sudan": ("UGA", "KEN"), "syria-mali": ("NGA", "EGY"),
         "arctic": ("FIN", "SGP")}  # two elected seats each, whose ballots the files turn on


def tv(a: dict, b: dict) -> float:
    """Total-variation distance between two distributions of counts."""
    keys = set(a) | set(b)
    return 0.5 * sum(abs(a.get(k, 0) / sum(a.values()) - b.get(k, 0) / sum(b.values())) for k in keys)


def seats(games: int) -> None:
    """Yes versus no for two elected seats: endings (TV, against two seed sets under the AI) and
    events whose share of games moves by 10 points or more."""
    for s in PAPER:
        comp = load_scenario(s)
        noise = tv(simulate(comp, games, 1, workers=2)["endings"],
                   simulate(comp, games, 2, workers=2)["endings"])
        out = []
        for seat in SEATS[s]:
            y = simulate(comp, games, 1, workers=2, seat=seat, policy="yes")
            n = simulate(comp, games, 1, workers=2, seat=seat, policy="no")
            events = set(y["events"]) | set(n["events"])
            moved = sum(abs(y["events"].get(e, 0) - n["events"].get(e, 0)) >= 0.1 * games for e in events)
            out.append(f"{seat} {tv(y['endings'], n['endings']):.3f} ({moved} events moved >= 10 pts)")
        print(f"{s}: noise {noise:.3f}; " + "; ".join(out), flush=True)


def _month_one(scenario: str, seed: int, seat: str, flip: bool) -> tuple[Game, bool]:
    """Play to the end of month 2 as the AI would; with `flip`, change the seat's first ballot."""
    g = Game(load_scenario(scenario), seed, humans={seat}, record=False)
    flipped = False
    while g.prompt is not None and g.state.month <= 2:
        a = g.suggest()
        if flip and not flipped and isinstance(a, Vote) and g.state.month == 1:
            a = Vote(seat=seat, ballot="abstain" if a.ballot != "abstain" else "yes")
            flipped = True
        g.apply(a)
    return g, flipped


def paired(seeds: int) -> None:
    """Pairs of games alike but for one month-1 ballot that decided nothing: the share that fire
    the same events in month 2."""
    for s in PAPER:
        comp = load_scenario(s)
        same = total = 0
        for seat in [c for c in comp.codes if not comp.permanent[comp.index[c]]]:
            for seed in range(seeds):
                a, _ = _month_one(s, seed, seat, False)
                b, flipped = _month_one(s, seed, seat, True)
                if not flipped or len(a.state.history) < 2 or len(b.state.history) < 2:
                    continue
                results = [[v.result for v in g.state.history[0].votes] for g in (a, b)]
                if results[0] != results[1]:
                    continue  # the ballot decided something: not a pair this test is about
                total += 1
                same += a.state.history[1].events == b.state.history[1].events
        print(f"{s}: {same}/{total} pairs ({100 * same / max(total, 1):.0f}%) fire the same month-2 events",
              flush=True)


def _text(game: Game, seat: str, policy: str):
    """The penholder's move under a policy: the AI's own text, nothing, the AI's text plus any
    compliance framework the whip shows no veto against, everything it wants, or its one
    favourite clause."""
    m = game.meeting
    assert m is not None
    suggested = game.suggest()
    keys = list(suggested.offers) if isinstance(suggested, TableDraft) else []
    me = game.comp.index[seat]
    dm = ai.draft_model(game.comp, game.state, m.file, me, m.lobby.copy())
    if policy == "no-draft":
        keys = []
    elif policy == "compliance":
        for o in m.file.offers:
            if o.key.startswith("compliance") and o.key in m.offer_keys() and o.key not in keys:
                w = whip(game, m.file.id, [*keys, o.key], sponsor=seat)
                if not w.vetoes and w.yes >= 9:
                    keys.append(o.key)
    elif policy == "everything":
        sel = ai.ai_draft(game.comp, game.state, dm, np.zeros(len(m.file.offers)), ai.ON_RECORD, m.available)
        keys = [o.key for k, o in enumerate(m.file.offers) if sel[k]]
    elif policy == "minimal" and keys:
        value = {o.key: dm.M[me, k] for k, o in enumerate(m.file.offers)}
        keys = [max(keys, key=lambda k: value[k])]
    return TableDraft(seat=seat, offers=keys) if keys else Done(seat=seat)


def _scores(comp, seed: int, seat: str, policy: str) -> tuple[float, float, float]:
    g = Game(comp, seed, humans={seat}, record=False)
    while g.prompt is not None:
        p = g.prompt
        action = _text(g, seat, policy) if p.kind == "draft" and policy != "ai" else g.suggest()
        try:
            g.apply(action)
        except ActionError:  # a text the game refuses (none so far): fall back on the AI's
            g.apply(g.suggest())
    return g.state.scores["legitimacy"], g.state.scores["outcomes"], g.state.objectives.get(seat, 0.0)


def policies(games: int) -> None:
    """For the seat that holds most pens: each policy's mean legitimacy, outcomes and objectives
    against the AI's, in standard deviations of the AI's games; DOMINATES marks a policy more
    than 1 SD better on all three."""
    for s in PAPER:
        comp = load_scenario(s)
        pens = collections.Counter(comp.codes[f.penholders[0]] for f in comp.files.values())
        seat = pens.most_common(1)[0][0]
        base = np.array([_scores(comp, seed, seat, "ai") for seed in range(1, games + 1)])
        sd = base.std(axis=0) + 1e-9
        line = [f"{s} ({seat}; AI legitimacy {base[:, 0].mean():.1f}, outcomes {base[:, 1].mean():.1f}, "
                f"objectives {base[:, 2].mean():.1f})"]
        for pol in ("no-draft", "compliance", "everything", "minimal"):
            r = np.array([_scores(comp, seed, seat, pol) for seed in range(1, games + 1)])
            d = (r.mean(axis=0) - base.mean(axis=0)) / sd
            mark = " DOMINATES" if (d > 1.0).all() else ""
            line.append(f"{pol} {d[0]:+.2f}/{d[1]:+.2f}/{d[2]:+.2f} SD{mark}")
        print("; ".join(line), flush=True)


def decisions(seeds: int) -> None:
    """Share of (seat, month) pairs in which a player's seat is offered something other than
    going on: a request, a draft, a consultation move, a vote or a choice."""
    for s in (*PAPER, "tutorial"):
        comp = load_scenario(s)
        total = real = without_request = 0
        for seat in comp.scenario.seats or comp.codes:
            for seed in range(1, seeds + 1):
                g = Game(comp, seed, humans={seat}, record=False)
                months: dict[int, bool] = {}
                others: dict[int, bool] = {}
                while g.prompt is not None:
                    m = g.state.month
                    acts = [a for a in g.legal_actions() if not isinstance(a, Done) and a.seat == seat]
                    months[m] = months.get(m, False) or bool(acts)
                    others[m] = others.get(m, False) or any(not isinstance(a, RequestMeeting) for a in acts)
                    action = g.suggest()
                    assert action is not None
                    g.apply(action)
                total += len(months)
                real += sum(months.values())
                without_request += sum(others.values())
        print(f"{s}: {real / total:.1%} of {total} seat-months offer a real decision "
              f"({without_request / total:.1%} without the request for a meeting)", flush=True)


def events(_: int) -> None:
    """Drawn events whose condition or weight reads what the Council did: a file's record, a
    member's votes, the Council's rival drafts and statements, an operation's mandate, or a flag
    that an adopted clause sets. The others are the world's own (weather, an assassination)."""
    for s in PAPER:
        comp = load_scenario(s)
        offers = [o for f in comp.files.values() for o in f.offers]
        clause_flags = {flag for o in offers for flag in o.clause.effects.set_flags}
        own = []
        drawn = [ce.event for ce in comp.events if ce.event.drawn]
        for ev in drawn:
            names = set(re.findall(r"[A-Za-z_][A-Za-z0-9_.]*", f"{ev.when} {ev.weight}"))
            reads = any(n.startswith(("files.", "members.", "council.", "ops.")) for n in names) or any(
                n.startswith("flags.") and n.split(".", 1)[1] in clause_flags for n in names)
            if not reads:
                own.append(ev.id)
        print(f"{s}: {len(drawn) - len(own)} of {len(drawn)} drawn events read a Council decision; "
              f"the world's own: {', '.join(own)}", flush=True)


COMMANDS: dict[str, tuple[Callable[[int], None], int]] = {
    "seats": (seats, 1000), "paired": (paired, 20), "policies": (policies, 200), "decisions": (decisions, 3),
    "events": (events, 0),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=[*COMMANDS, "all"])
    parser.add_argument("-n", type=int, help="games (or seeds) per measurement")
    args = parser.parse_args()
    for name, (run, default) in COMMANDS.items():
        if args.what in (name, "all"):
            print(f"== {name}", flush=True)
            run(args.n or default)


if __name__ == "__main__":
    main()
