"""A hot-seat room's pace: hand-overs a month needs, before and after a sitting's ballots were
given in one turn and open votes became a show of hands (issue 14).

    .venv/bin/python bench/room_pace.py [--games 30]

Plays sahel with France, Russia and Liberia (four players, Liberia a team) as the AI would
play them, through the play layer's `Session`, and counts the hand-overs the TUI would show:
one each time the keyboard passes to another seat's private screen. "Per ballot" is the
older flow (a hand-over for each roll call a player votes in). A "busy" room moves an amendment
and a rival draft on every file; a "quiet" one leaves the texts as tabled.
"""

from __future__ import annotations

import argparse
import statistics
from collections import Counter

from councilgame.packs.discovery import discover
from councilgame.play import Vote, compile_bundle
from councilgame.play.session import Session
from councilgame.saves import Seat

SEATS = {"FRA": ["Ana"], "RUS": ["Ben"], "LBR": ["Chloe", "Dan"]}


def busy_move(s: Session, moved: set) -> bool:
    """In `busy` rooms, each file's consultations bring an amendment from the first player
    who can move one and a rival draft from Russia: more roll calls in the sitting."""
    p, g = s.prompt, s.game
    key = (s.month, p.file, p.seat)
    if p.kind != "consult" or key in moved:
        return False
    moved.add(key)
    legal = g.legal_actions()
    wanted = [a for a in legal if a.kind == "amend"][:1] if p.seat != "RUS" else \
        [a for a in legal if a.kind == "table"][:1]
    for action in wanted:
        s.act(action)
    return bool(wanted)


def count(comp, seed: int, flow: str, sealed: bool, busy: bool = False) -> tuple[Counter, Counter]:
    """Hand-overs per month, and the number of files each month took up."""
    seats = {c: Seat(human=True, players=p) for c, p in SEATS.items()}
    s = Session.start(comp, seats, seed, options={"sealed": sealed, "length": 4})
    revealed, per_month, files, moved = None, Counter(), Counter(), set()
    while s.prompt is not None:
        p, g = s.prompt, s.game
        if p.kind == "briefing":
            revealed = None
            files[s.month] = len(g.record_month.agenda)
            s.act(g.suggest())
            continue
        if flow == "sitting" and p.kind == "vote":
            if s.ballot_ahead() is not None:
                s.cast_ahead()
                continue
            if not sealed:  # a show of hands: every player's ballots on one public screen
                for code in s.humans:
                    s.give_ballots(code, {i.symbol: "yes" for i in s.ballots_to_give()})
                revealed = None
                continue
        if revealed != p.seat:
            per_month[s.month] += 1
            revealed = p.seat
        if flow == "sitting" and p.kind == "vote":
            s.give_ballots(p.seat, {i.symbol: "yes" for i in s.ballots_to_give()[1:]})
            s.act(Vote(seat=p.seat, ballot="yes"))
        elif p.kind == "vote":
            s.act(Vote(seat=p.seat, ballot="yes"))
        elif busy and busy_move(s, moved):
            continue
        else:
            s.act(g.suggest())
    return per_month, files


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--games", type=int, default=30)
    games = ap.parse_args().games
    comp = compile_bundle(discover([]).bundle("sahel"))
    print(f"sahel, 4 players in 3 seats, 4 months, {games} games: hand-overs a month")
    print(f"{'room':<8}{'flow':<32}{'one-file months':>16}{'all months':>12}{'a file':>9}")
    for busy in (False, True):
        for flow, sealed, label in (("ballot", True, "per ballot (before), sealed"),
                                    ("ballot", False, "per ballot (before), open"),
                                    ("sitting", True, "a sitting per turn, sealed"),
                                    ("sitting", False, "show of hands, open")):
            one, every, per_file = [], [], []
            for seed in range(1, games + 1):
                months, files = count(comp, seed, flow, sealed, busy)
                for m, n in files.items():
                    every.append(months[m])
                    if n == 1:
                        one.append(months[m])
                    if n:
                        per_file.append(months[m] / n)
            print(f"{'busy' if busy else 'quiet':<8}{label:<32}{statistics.mean(one):>16.1f}"
                  f"{statistics.mean(every):>12.1f}{statistics.mean(per_file):>9.1f}")


if __name__ == "__main__":
    main()
