"""A seminar's tools (issue 14): the game length chosen at set-up, and the facilitator ending
the game now with a debrief."""

from __future__ import annotations

from textual.widgets import Select

from councilgame.tui.screens.debrief import DebriefScreen
from tests.tui.helpers import make_app, on, open_setup, play_until
from tests.tui.test_hotseat import SIZE, hotseat_app


async def test_the_set_up_offers_the_scenarios_lengths_and_the_game_keeps_one(packset, tmp_path):
    app = make_app(packset, scenario=None, saves=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        setup = await open_setup(pilot, "sahel")
        length = setup.query_one("#length", Select)
        assert [v for _, v in length._options if isinstance(v, int)] == [3, 4, 6, 10]
        assert length.value == 10
        setup.add_player("Ana", "FRA")
        setup.add_player("Ben", "RUS")
        length.value = 4
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session.game.state.length == 4 and app.session.options["length"] == 4
        assert app.session.view().months == 4


async def test_the_facilitator_ends_the_game_and_the_room_gets_the_debrief(packset, tmp_path):
    app = hotseat_app(packset, saves=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await play_until(pilot, app, on(app, "HandOverScreen"), limit=30)
        await pilot.press("ctrl+f", "y")
        await pilot.pause()
        tools = app.screen.query_one("#tools")
        tools.highlighted = [o.id for o in tools.options].index("end")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("n")  # not yet: the tools stay open, the game goes on
        await pilot.pause()
        assert not app.session.game.finished
        await pilot.press("enter", "y")  # End the game now, confirmed
        await pilot.pause()
        assert app.session.game.finished and app.session.game.log[-1].kind == "end"
        await play_until(pilot, app, on(app, "DebriefScreen"), limit=10)
        assert isinstance(app.screen, DebriefScreen)


async def test_g_on_the_debrief_writes_the_grading_record_and_the_handouts(packset, tmp_path):
    from councilgame.play import FACILITATOR, EndGame

    app = hotseat_app(packset, saves=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await play_until(pilot, app, on(app, "HandOverScreen"), limit=30)
        app.send(EndGame(seat=FACILITATOR))  # a short game: the facilitator ends it in month 1
        await play_until(pilot, app, on(app, "DebriefScreen"), limit=10)
        await pilot.press("g")
        await pilot.pause()
        names = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(("grading", "handout")))
        stem = f"sahel-{app.session.game_id}"
        assert names == [f"grading-{stem}.json", f"grading-{stem}.md", f"handout-{stem}-FRA.md",
                         f"handout-{stem}-LBR.md", f"handout-{stem}-RUS.md"]
        assert "played by Chloe and Dan" in (tmp_path / f"handout-{stem}-LBR.md").read_text()


def test_a_pin_lock_keeps_its_hash_never_the_pin():
    from councilgame.play.pin import lock, opens

    kept = lock("4711")
    assert "4711" not in str(kept) and opens(kept, "4711") and not opens(kept, "4712")
    assert lock("4711") != kept  # salted
    for broken in (None, "4711", {"salt": 1, "hash": "x"}, {"hash": kept["hash"]}):
        assert not opens(broken, "4711")


async def test_the_facilitators_tools_open_only_with_the_pin(packset, tmp_path):
    from councilgame.play.pin import lock
    from councilgame.saves import Seat
    from councilgame.tui.screens.facilitator import FacilitatorScreen

    seats = {"FRA": Seat(human=True, players=["Ana"]), "RUS": Seat(human=True, players=["Ben"])}
    app = make_app(packset, scenario=None, saves=tmp_path, hotseat={
        "scenario": "sahel", "seats": seats, "seed": 4, "options": {"pin": lock("4711")}})
    async with app.run_test(size=SIZE) as pilot:
        await play_until(pilot, app, on(app, "HandOverScreen"), limit=30)
        for pin, opened in (("1234", False), ("4711", True)):
            await pilot.press("ctrl+f")
            await pilot.pause()
            app.screen.query_one("#text").value = pin
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, FacilitatorScreen) is opened, pin
        app.session.autosave()
        assert "4711" not in "".join(p.read_text() for p in tmp_path.glob("*.json"))
