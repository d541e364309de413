"""Privacy leaks of the hot-seat game closed (issue 14): objectives on the New game screen while
a hot-seat game is open, one player's notices on the next player's hand-over, and the
facilitator's pause and reveal over a player's private screen."""

from __future__ import annotations

from councilgame.tui.screens.chamber import ChamberScreen
from councilgame.tui.screens.consult import ConsultScreen
from councilgame.tui.screens.facilitator import RevealScreen
from councilgame.tui.screens.handover import HandOverScreen
from councilgame.tui.screens.newgame import NewGameScreen
from tests.tui.helpers import on, open_tool, play_until
from tests.tui.test_hotseat import SIZE, hotseat_app, screen_text


async def test_new_game_shows_no_objectives_while_a_hot_seat_game_is_open(packset, tmp_path):
    app = hotseat_app(packset, saves=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await play_until(pilot, app, on(app, "HandOverScreen"), limit=30)
        app.push_screen(NewGameScreen())  # as the palette's New game does, from any screen
        await pilot.pause()
        screen = app.screen
        screen.query_one("#scenarios").highlighted = [s.id for s in screen.scenarios].index("sahel")
        await pilot.pause()
        seats = screen.query_one("#seats")
        seats.focus()  # the About pane follows the focus: the seat's card
        await pilot.pause()
        for i, sv in enumerate(screen.seat_views):
            seats.highlighted = i
            await pilot.pause()
            detail = str(screen.query_one("#ng-detail").render())
            assert "Objectives stay hidden" in detail, sv.code
            assert not any(o in detail for o in sv.objectives), sv.code


async def test_a_players_notices_are_cleared_before_the_next_hand_over(packset, tmp_path):
    app = hotseat_app(packset, saves=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await play_until(pilot, app, on(app, "ConsultScreen"), limit=60)
        app.notify("Sealed message sent to RUS.")  # what a player's move leaves on screen
        await pilot.pause()
        await play_until(pilot, app, on(app, "HandOverScreen"), limit=60)
        await pilot.pause()
        assert not app._notifications
        assert "Sealed message" not in screen_text(app)


async def test_the_facilitators_reveal_and_pause_never_sit_over_a_private_screen(packset, tmp_path):
    app = hotseat_app(packset, saves=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await play_until(pilot, app, on(app, "ConsultScreen"), limit=60)
        seat = app.session.prompt.seat
        for tool in ("reveal", "pause"):
            await open_tool(pilot, tool)
            assert not any(isinstance(s, ConsultScreen) for s in app.screen_stack), tool
            assert isinstance(app.screen_stack[-2], ChamberScreen) and app.session.revealed is None
            if tool == "reveal":
                assert isinstance(app.screen, RevealScreen)
            await pilot.press("enter")  # close: the keyboard goes back through a hand-over
            await pilot.pause()
            assert isinstance(app.screen, HandOverScreen) and app.screen.seat == seat
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ConsultScreen)
