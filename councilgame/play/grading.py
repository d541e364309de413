"""The whole negotiation record of a game, for an instructor grading a seminar (issue 14):
every ballot of every member on every vote (amendments and rival drafts too), each player's
moves (lobbying, deals, notes, event choices, drafts), the objectives with their weights, and
a handout per player. It unseals everything: it is for after the game."""

from __future__ import annotations

import json

from councilgame.engine.game import Game
from councilgame.play.month_report import vote_titles
from councilgame.play.queries import objective_status
from councilgame.play.views import month_name

MOVES = ("lobby", "deal", "draft", "signal", "statement", "choice")  # news kinds a player makes


def negotiation_record(game: Game, players: dict[str, list[str]] | None = None) -> dict:
    """The record as plain data (what `--json` prints); `players` names the people in each
    human seat (a seat the facilitator handed to the AI keeps its players, and its record)."""
    comp, st = game.comp, game.state
    humans = sorted(game.humans | set(players or {}))
    return {
        "scenario": comp.scenario.id, "title": comp.scenario.title, "seed": game.seed,
        "months_played": st.month, "ending": st.ending, "scores": dict(st.scores),
        "seats": {code: _seat(game, code, (players or {}).get(code, [])) for code in humans},
        "months": [_month(game, rec, set(humans)) for rec in st.history],
        "deals": [{"month": d.month, "from": d.seat, "to": d.target, "file": d.file,
                   "status": d.status, "their_side": d.target_status} for d in st.deals],
        "notes": [{"month": m.month, "from": m.seat, "to": m.target, "text": m.text}
                  for m in st.messages],
    }


def _seat(game: Game, code: str, players: list[str]) -> dict:
    comp = game.comp
    weights = [o.weight for o, _ in comp.objectives.get(code, [])]
    status = objective_status(game, code)
    return {"name": comp.names[comp.index[code]], "players": players,
            "permanent": bool(comp.permanent[comp.index[code]]),
            "capital_left": game.state.capital.get(code, 0),
            "objective_score": round(game.state.objectives.get(code, 0.0), 3),
            "objectives": [{"text": text, "weight": w, "met": met}
                           for (text, met), w in zip(status, weights, strict=True)]}


def _month(game: Game, rec, humans: set[str]) -> dict:
    votes = []
    for v in rec.votes:
        words = vote_titles(game, v)
        votes.append({"title": words["title"], "kind": v.kind, "file": v.file, "sponsor": v.sponsor,
                      "clauses": words["clause_titles"], "result": v.result, "vetoed_by": v.vetoed_by,
                      "count": f"{v.yes}-{v.no}-{v.abstain}", "ballots": dict(v.ballots)})
    moves = [{"kind": n.kind, "text": n.text, "seats": list(n.seats), "private_to": list(n.private_to)}
             for n in rec.news if n.kind in MOVES and humans & (set(n.seats) | set(n.private_to))]
    return {"month": rec.month, "name": month_name(game, rec.month), "president": rec.president,
            "votes": votes, "moves": moves, "choices": dict(rec.choices)}


def grading_files(record: dict, stem: str) -> dict[str, str]:
    """The files an instructor gets, by name: the record in Markdown and JSON, and a handout
    per player seat (the debrief's g and `replay --grading --handouts` write the same)."""
    files = {f"grading-{stem}.md": grading_markdown(record),
             f"grading-{stem}.json": json.dumps(record, indent=1, ensure_ascii=False) + "\n"}
    return files | {f"handout-{stem}-{code}.md": handout(record, code) for code in record["seats"]}


def grading_markdown(record: dict) -> str:
    """The record in Markdown: one section per month (votes with every ballot, then the
    players' moves), then deals, notes, and each seat's objectives and score."""
    out = [f"# Negotiation record: {record['title']}", "",
           f"Seed {record['seed']} · {record['months_played']} months · ending: {record['ending']}", ""]
    for m in record["months"]:
        out += [f"## {m['name']} (President: {m['president']})", ""]
        for v in m["votes"]:
            out.append(f"- **{v['title']}**: {v['result']} {v['count']}")
            if v["clauses"]:
                out.append(f"  - clauses: {'; '.join(v['clauses'])}")
            out.append("  - ballots: " + ", ".join(f"{c} {b}" for c, b in v["ballots"].items()))
        out += [f"- {mv['text']}" + (f" *(private to {', '.join(mv['private_to'])})*"
                                      if mv["private_to"] else "") for mv in m["moves"]]
        out.append("")
    out += ["## Deals", ""] + [f"- {d['month']}: {d['from']} → {d['to']} on {d['file']}: {d['status']}"
                               for d in record["deals"]] + ["", "## Notes", ""]
    out += [f"- {n['month']}: {n['from']} → {n['to']}: {n['text']}" for n in record["notes"]]
    for code in record["seats"]:
        out += ["", *handout_lines(record, code, heading="##")]
    return "\n".join(out) + "\n"


def handout(record: dict, code: str) -> str:
    """One player's handout: its seat's objectives, ballots, deals, notes and score."""
    return "\n".join(handout_lines(record, code, heading="#")) + "\n"


def handout_lines(record: dict, code: str, heading: str) -> list[str]:
    seat = record["seats"][code]
    who = " and ".join(seat["players"]) or "the player"
    out = [f"{heading} {seat['name']} ({code}), played by {who}", "",
           f"Objective score {seat['objective_score']:.0f}% · political capital left {seat['capital_left']}",
           ""]
    out += [f"- {'met' if o['met'] else 'not met'} (weight {o['weight']:g}): {o['text']}"
            for o in seat["objectives"]]
    out += ["", "Ballots:"]
    out += [f"- {m['name']}: {v['title']}: {v['ballots'].get(code, '-')} ({v['result']} {v['count']})"
            for m in record["months"] for v in m["votes"]]
    own = [d for d in record["deals"] if code in (d["from"], d["to"])]
    out += ["", "Deals:"] + ([f"- {d['from']} → {d['to']} on {d['file']}: {d['status']}" for d in own]
                             or ["- none"])
    notes = [n for n in record["notes"] if code in (n["from"], n["to"])]
    out += ["", "Notes:"] + ([f"- {n['from']} → {n['to']}: {n['text']}" for n in notes] or ["- none"])
    return out
