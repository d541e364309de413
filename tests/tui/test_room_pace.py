"""A room's pace: one hand-over per player per phase of a month, a sitting's ballots given in
one turn, and the show of hands for open votes."""

from __future__ import annotations

from collections import Counter

from councilgame.saves import Seat
from councilgame.tui.screens.handover import HandOverScreen
from tests.tui.helpers import add_players, answer, make_app, open_setup

SIZE = (100, 30)  # a projector's terminal
PLAYERS = {"FRA": ["Ana"], "RUS": ["Ben"], "LBR": ["Chloe", "Dan"]}  # four players, three seats


def room_app(packset, tmp_path, sealed: bool):
    seats = {c: Seat(human=True, players=list(n)) for c, n in PLAYERS.items()}
    # sahel, seed 3: month 1 has one file, UNSOSAH, with France's pen
    return make_app(packset, scenario=None, saves=tmp_path,
                    hotseat={"scenario": "sahel", "seats": seats, "seed": 3,
                             "options": {"sealed": sealed}})


async def play_month_one(pilot, app) -> Counter:
    """Play month 1, Russia moving an amendment in consultations; count hand-overs by (phase,
    seat). Every other step takes the simplest keys."""
    handovers: Counter = Counter()
    amended = False
    for _ in range(200):
        if app.session.month > 1:
            return handovers
        screen = app.screen
        name = type(screen).__name__
        if isinstance(screen, HandOverScreen):
            handovers[(app.session.prompt.kind, screen.seat)] += 1
        if name == "ConsultScreen" and app.session.seat == "RUS" and not amended:
            await pilot.press("a", "down", "down", "enter")  # insert a clause
            await pilot.pause()
            amended = True
            continue
        await answer(pilot, app)
    raise AssertionError("month 1 never ended")


async def test_a_sealed_four_player_month_hands_over_once_per_player_per_phase(packset, tmp_path):
    app = room_app(packset, tmp_path, sealed=True)
    async with app.run_test(size=SIZE) as pilot:
        handovers = await play_month_one(pilot, app)
        votes = app.session.game.state.history[0].votes
        assert [v.kind for v in votes] == ["amendment", "draft"]  # two roll calls in the sitting
        assert max(handovers.values()) == 1, handovers
        assert {s for (k, s) in handovers if k == "vote"} == set(PLAYERS)  # once each, not twice
        assert {s for (k, s) in handovers if k == "consult"} >= {"LBR", "RUS"}
        # each player's two ballots were given in one turn and cast as each vote was put
        for v in votes:
            assert {c: v.ballots[c] for c in PLAYERS} == dict.fromkeys(PLAYERS, "yes")


async def test_an_open_vote_is_a_show_of_hands_with_no_hand_over(packset, tmp_path):
    from councilgame.tui.screens.ballots import ShowOfHandsScreen

    app = room_app(packset, tmp_path, sealed=False)
    async with app.run_test(size=SIZE) as pilot:
        seen = []
        for _ in range(100):
            if isinstance(app.screen, ShowOfHandsScreen):
                break
            if isinstance(app.screen, HandOverScreen):
                seen.append(app.session.prompt.kind)
            if type(app.screen).__name__ == "ConsultScreen" and app.session.seat == "RUS":
                await pilot.press("a", "down", "down", "enter")
                await pilot.pause()
            await answer(pilot, app)
        screen = app.screen
        assert isinstance(screen, ShowOfHandsScreen)
        assert "vote" not in seen
        assert app.session.revealed is None  # a public screen: nobody's private view
        assert [i.kind for i in screen.items] == ["amendment", "draft"]
        await pilot.press("enter")  # not all in: nothing is recorded
        await pilot.pause()
        assert isinstance(app.screen, ShowOfHandsScreen)
        # FRA yes yes; LBR abstain yes; RUS yes no (the rows follow the players' names)
        order = screen.seats
        wanted = {"FRA": "yy", "LBR": "ay", "RUS": "yn"}
        for code in order:
            await pilot.press(*wanted[code])
        await pilot.press("enter")
        for _ in range(10):
            await pilot.pause()
            if app.session.game.state.history[0].votes[-1:] and \
                    app.session.game.state.history[0].votes[-1].kind == "draft":
                break
        votes = app.session.game.state.history[0].votes
        letter = {"y": "yes", "n": "no", "a": "abstain"}
        for n, v in enumerate(votes):
            assert {c: v.ballots[c] for c in PLAYERS} == {c: letter[w[n]] for c, w in wanted.items()}
        assert not isinstance(app.screen, HandOverScreen)


async def test_private_ballots_instead_of_hands_hand_over_once_per_player(packset, tmp_path):
    from councilgame.tui.screens.ballots import ShowOfHandsScreen

    app = room_app(packset, tmp_path, sealed=False)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(100):
            if isinstance(app.screen, ShowOfHandsScreen):
                break
            await answer(pilot, app)
        await pilot.press("p")
        await pilot.pause()
        vote_handovers = Counter()
        for _ in range(60):
            if app.session.game.state.history[0].votes:
                break
            if isinstance(app.screen, HandOverScreen):
                vote_handovers[app.screen.seat] += 1
            assert not isinstance(app.screen, ShowOfHandsScreen)
            await answer(pilot, app)
        assert dict(vote_handovers) == dict.fromkeys(PLAYERS, 1)


async def test_a_player_with_nothing_to_do_passes_the_round_from_the_hand_over(packset, tmp_path):
    app = room_app(packset, tmp_path, sealed=True)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(60):
            screen = app.screen
            if isinstance(screen, HandOverScreen) and app.session.prompt.kind == "consult":
                break
            await answer(pilot, app)
        seat = app.screen.seat
        assert "s: pass this round" in screen.room_text().plain
        await pilot.press("s")
        await pilot.pause()
        assert app.session.game.log[-1].kind == "done" and app.session.game.log[-1].seat == seat
        assert type(app.screen).__name__ != "ConsultScreen"  # their screen never opened
        assert isinstance(app.screen, HandOverScreen) and app.screen.seat != seat


async def test_a_three_month_seminar_from_set_up_to_the_debrief(packset, tmp_path):
    """The instructor's whole session: the set-up with four players (a team among them), a
    three-month length, sealed votes and a turn timer; then the game to the debrief, with at
    most one hand-over per player for each phase of each file."""
    from textual.widgets import Select, Switch

    app = make_app(packset, scenario=None, saves=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        setup = await open_setup(pilot, "sahel")
        await add_players(pilot, setup, (("Ana", "FRA"), ("Ben", "RUS"), ("Chloe", "LBR"), ("Dan", "LBR")))
        setup.query_one("#length", Select).value = 3
        setup.query_one("#sealed", Switch).value = True
        setup.query_one("#timer", Select).value = 5
        await pilot.press("ctrl+s")
        await pilot.pause()
        session = app.session
        assert session.seats["LBR"].players == ["Chloe", "Dan"] and session.sealed
        assert session.options["length"] == 3 and session.options["timer"] == 300
        handovers: Counter = Counter()
        for _ in range(600):
            if type(app.screen).__name__ == "DebriefScreen":
                break
            if isinstance(app.screen, HandOverScreen):
                p = session.prompt
                key = (session.month, p.file, p.kind, app.screen.seat)
                if app.screen is not getattr(app, "_counted", None):
                    handovers[key] += 1
                    app._counted = app.screen
            await answer(pilot, app)
        assert type(app.screen).__name__ == "DebriefScreen"
        assert session.game.finished and session.game.state.month == 3
        assert handovers and max(handovers.values()) == 1, handovers
        assert {seat for (_, _, _, seat) in handovers} == {"FRA", "RUS", "LBR"}
