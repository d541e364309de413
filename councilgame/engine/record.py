"""The plain record of a game, as `councilgame run --json` prints it and replays compare it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from councilgame.engine.game import Game


def game_record(game: Game) -> dict:
    comp, st = game.comp, game.state
    months = []
    for rec in st.history:
        months.append({
            "month": rec.month,
            "president": rec.president,
            "agenda": rec.agenda,
            "votes": [{
                "draft": v.draft, "kind": v.kind, "file": v.file, "sponsor": v.sponsor,
                "clauses": v.clauses, "ballots": v.ballots, "result": v.result,
                "vetoed_by": v.vetoed_by, "yes": v.yes, "no": v.no, "abstain": v.abstain,
            } for v in rec.votes],
            "outputs": rec.outputs,
            "events": rec.events,
            "choices": rec.choices,
            "gauges": rec.gauges,
            "scores": rec.scores,
        })
    return {
        "scenario": comp.scenario.id,
        "pack": {"id": comp.bundle.pack_id, "version": comp.bundle.pack_version},
        "seed": game.seed,
        # a player's setting; absent for the calibrated "standard" that AI games play
        **({"difficulty": game.difficulty} if game.difficulty != "standard" else {}),
        **({"length": st.length} if st.length else {}),  # a seminar's shorter game
        "permanent": [c for i, c in enumerate(comp.codes) if comp.permanent[i]],
        "elected": [c for i, c in enumerate(comp.codes) if not comp.permanent[i]],
        "months": months,
        "ending": st.ending,
        "scores": st.scores,
        "objectives": st.objectives,
    }
