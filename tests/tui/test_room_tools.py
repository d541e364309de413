"""The facilitator's room tools in the TUI: the turn timer, ending a turn, and seats changing
hands mid-game (issue 14)."""

from __future__ import annotations

import re

from councilgame.saves import Seat
from councilgame.tui.screens.handover import HandOverScreen
from tests.tui.helpers import make_app, on, open_tool, play_until

SIZE = (100, 30)


def two_player_app(packset, tmp_path, **options):
    seats = {"FRA": Seat(human=True, players=["Ana"]), "RUS": Seat(human=True, players=["Ben"])}
    return make_app(packset, scenario=None, saves=tmp_path, hotseat={
        "scenario": "sahel", "seats": seats, "seed": 4, "options": options})


async def test_the_timer_runs_in_the_header_and_the_facilitator_ends_the_turn(packset, tmp_path):
    app = two_player_app(packset, tmp_path, timer=120)
    async with app.run_test(size=SIZE) as pilot:
        await play_until(pilot, app, on(app, "ConsultScreen"), limit=60)
        await pilot.pause()
        seat = app.session.seat
        assert re.match(r"(2:00|1:5\d) left · France \(Ana\) · consultations", app.sub_title)
        app.turn_started -= 121  # the clock runs out
        app.show_turn()
        await pilot.pause()
        assert "TIME IS UP" in app.sub_title
        await open_tool(pilot, "endturn")
        log = app.session.game.log
        assert log[-1].kind == "done" and log[-1].seat == seat  # consultations closed for FRA
        assert isinstance(app.screen, HandOverScreen) and app.screen.seat == "RUS"


async def test_the_facilitator_sets_a_timer_for_one_phase(packset, tmp_path):
    from textual.widgets import Select

    app = two_player_app(packset, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await play_until(pilot, app, on(app, "HandOverScreen"), limit=30)
        await open_tool(pilot, "timer")
        app.screen.query_one("#timer-vote", Select).value = 2
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session.options["timer"] == {"vote": 120}
        await play_until(pilot, app, on(app, "ConsultScreen"), limit=30)
        assert "left" not in app.sub_title  # consultations have no timer


async def test_a_late_player_takes_a_seat_from_the_ai_and_another_hands_one_back(packset, tmp_path):
    app = two_player_app(packset, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await play_until(pilot, app, on(app, "ConsultScreen"), limit=60)
        await open_tool(pilot, "hands")
        hands = app.screen.query_one("#hands")
        hands.highlighted = [o.id for o in hands.options].index("LBR")
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#text").value = "Chloe, Dan"
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.humans == ["FRA", "LBR", "RUS"]
        assert app.session.seats["LBR"].players == ["Chloe", "Dan"]
        assert app.session.game.humans == {"FRA", "LBR", "RUS"}
        assert isinstance(app.screen, HandOverScreen)  # the room's screen, then a hand-over

        await open_tool(pilot, "hands")
        hands = app.screen.query_one("#hands")
        hands.highlighted = [o.id for o in hands.options].index("RUS")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")  # hand Russia to the AI, confirmed
        await pilot.pause()
        assert "RUS" not in app.session.game.humans and app.session.humans == ["FRA", "LBR"]
        assert app.session.seats["RUS"].players == ["Ben"]  # kept for the debrief
        # the save replays with the changes of hands where they were made
        from councilgame.saves import load_game
        from councilgame.saves.format import SaveFile

        path = app.session.autosave()
        loaded = load_game(SaveFile.model_validate_json(path.read_text()), app.session.comp)
        assert loaded.mismatch is None and loaded.game.humans == {"FRA", "LBR"}


async def test_the_set_up_offers_a_turn_timer(packset, tmp_path):
    from textual.widgets import Select

    app = make_app(packset, scenario=None, saves=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        setup = app.screen
        for name, code in (("Ana", "FRA"), ("Ben", "RUS")):
            setup.add_player(name, code)
        setup.query_one("#timer", Select).value = 3
        setup.action_start()
        await pilot.pause()
        assert app.session.options["timer"] == 180
