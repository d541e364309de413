"""The negotiation record for grading and the players' handouts (issue 14): every ballot of
every member on every vote, each player's moves, deals and notes, the objectives with their
weights; from the debrief (g) and from `councilgame replay FILE --grading`."""

from __future__ import annotations

import json

from councilgame.cli import main
from councilgame.engine.actions import Deal, Message, Vote
from councilgame.engine.game import Game
from councilgame.play.grading import grading_markdown, handout, negotiation_record
from councilgame.saves import SaveStore, Seat, make_save


def _seminar_game(sahel) -> Game:
    """France and Russia played; France sends Russia a note and offers it a deal in month 1."""
    game = Game(sahel, 3, humans={"FRA", "RUS"})
    noted = False
    while not game.finished:
        p = game.prompt
        if p.kind == "consult" and p.seat == "FRA" and not noted:
            game.apply(Message(seat="FRA", target="RUS", text="Abstain and we talk about funding."))
            game.apply(Deal(seat="FRA", target="RUS"))
            noted = True
            continue
        game.apply(Vote(seat=p.seat, ballot="abstain") if p.kind == "vote" and p.seat == "RUS"
                   else game.suggest())
    assert noted
    return game


def test_the_record_holds_every_ballot_move_deal_note_and_weighted_objective(sahel):
    game = _seminar_game(sahel)
    r = negotiation_record(game, {"FRA": ["Ana"], "RUS": ["Ben"]})
    assert set(r["seats"]) == {"FRA", "RUS"} and r["seats"]["FRA"]["players"] == ["Ana"]
    votes = [v for m in r["months"] for v in m["votes"]]
    recorded = [v for m in game.state.history for v in m.votes]
    assert len(votes) == len(recorded) and all(len(v["ballots"]) == 15 for v in votes)
    assert {v["kind"] for v in votes} <= {"draft", "amendment", "procedural"}
    assert all(v["ballots"]["RUS"] in ("abstain", "yes", "no") for v in votes)
    weights = [o.weight for o, _ in sahel.objectives["RUS"]]
    assert [o["weight"] for o in r["seats"]["RUS"]["objectives"]] == weights
    note = "Abstain and we talk about funding."
    assert r["notes"] == [{"month": 1, "from": "FRA", "to": "RUS", "text": note}]
    assert r["deals"] and r["deals"][0]["from"] == "FRA" and r["deals"][0]["to"] == "RUS"
    md = grading_markdown(r)
    assert "Abstain and we talk about funding." in md and "ballots: CHN" in md
    assert "\n# France (FRA)" not in md and "\n## France (FRA), played by Ana" in md
    ben = handout(r, "RUS")
    assert ben.startswith("# Russian Federation (RUS), played by Ben")
    assert "Abstain and we talk about funding." in ben and f"weight {weights[0]:g}" in ben


def test_replay_grading_prints_the_record_and_writes_handouts(sahel, tmp_path, capsys):
    game = _seminar_game(sahel)
    seats = {"FRA": Seat(human=True, players=["Ana"]), "RUS": Seat(human=True, players=["Ben"])}
    path = SaveStore(tmp_path).save_manual(make_save(game, seats, name="seminar"))
    assert main(["replay", str(path), "--grading", "--json", "--handouts", str(tmp_path / "out")]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record == json.loads(json.dumps(negotiation_record(game, {"FRA": ["Ana"], "RUS": ["Ben"]})))
    stem = f"sahel-{json.loads(path.read_text())['game_id']}"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        f"grading-{stem}.json", f"grading-{stem}.md", f"handout-{stem}-FRA.md", f"handout-{stem}-RUS.md"]
    assert main(["replay", str(path), "--grading"]) == 0
    assert capsys.readouterr().out.startswith("# Negotiation record: UN support to counter-terrorism")
