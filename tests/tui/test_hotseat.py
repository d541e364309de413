"""Hot-seat play: set-up, hand-over, privacy between players, sealed votes, debrief ranking."""

from __future__ import annotations

import io

from rich.console import Console

from councilgame.play import public_view, queries, seat_view
from councilgame.saves import Seat
from councilgame.tui.screens.chamber import ChamberScreen
from councilgame.tui.screens.handover import HandOverScreen
from councilgame.tui.screens.setup import SetupScreen
from tests.tui.helpers import add_players, make_app, on, open_setup, play_until

SIZE = (120, 40)
PLAYERS = {"FRA": ["Ana"], "RUS": ["Ben"], "LBR": ["Chloe", "Dan"]}


def hotseat_app(packset, sealed=False, **kw):
    seats = {c: Seat(human=True, players=list(n)) for c, n in PLAYERS.items()}
    return make_app(packset, scenario=None, hotseat={"scenario": "sahel", "seats": seats,
                                                     "seed": 4, "options": {"sealed": sealed}}, **kw)


def screen_text(app) -> str:
    """The text on the terminal, as a player sees it (what export_screenshot draws, as text)."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True,
                      force_terminal=True, color_system=None, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True,
                                                       screen_stack=app._background_screens))
    return console.export_text()


def private_markers(app, code: str) -> list[str]:
    """What only `code` may read, from its own seat view."""
    view = seat_view(app.session.game, code)
    marks = [o.text for o in view.objectives]
    marks.append(f"{view.name_of(code)}: political capital")
    marks += [m.text for m in view.messages if m.target == code]
    return marks


async def test_three_players_from_setup_to_debrief(packset, tmp_path):
    app = make_app(packset, scenario=None, saves=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        setup = await open_setup(pilot, "testland")
        assert isinstance(setup, SetupScreen)
        await add_players(pilot, setup, (("Ana", "FRA"), ("Ben", "RUS"), ("Chloe", "LBR")))
        assert [c for _, c in setup.players] == ["FRA", "RUS", "LBR"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session.hotseat and set(app.session.seats) == {"FRA", "RUS", "LBR"}
        handovers = set()

        def note(app):
            if isinstance(app.screen, HandOverScreen):
                handovers.add(app.screen.seat)

        await play_until(pilot, app, on(app, "DebriefScreen"), limit=800, on_step=note)
        assert handovers == {"FRA", "RUS", "LBR"}
        text = screen_text(app)
        assert "Ranking of the players" in text and "Ana" in text and "Chloe" in text


async def test_nothing_private_of_another_player_is_on_screen(packset, tmp_path):
    app = hotseat_app(packset, saves=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        checked = []
        seen_handovers = set()

        def nothing_private_of_others(app):
            text = screen_text(app)
            showing = app.session.revealed
            for code in PLAYERS:
                if code == showing:
                    continue
                for mark in private_markers(app, code):
                    assert mark not in text, (type(app.screen).__name__, showing, code, mark)
            if isinstance(app.screen, HandOverScreen):
                seen_handovers.add(app.screen.seat)
                assert app.session.name_of(app.screen.seat) in text
            checked.append(type(app.screen).__name__)

        await play_until(pilot, app, lambda: len(checked) >= 60 or on(app, "DebriefScreen")(),
                         on_step=nothing_private_of_others)
        assert len(seen_handovers) >= 3


async def test_sealed_votes_hide_ballots_until_all_are_cast(packset, tmp_path):
    app = hotseat_app(packset, sealed=True, saves=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        def cast() -> bool:
            return bool(app.session.view().ballots_cast and on(app, "VoteScreen")())

        await play_until(pilot, app, cast, limit=200)
        text = screen_text(app)
        assert "sealed ballot(s) cast" in text
        assert app.session.view().ballots_so_far == {}  # sealed: the view holds no ballot
        unsealed = public_view(app.session.game).ballots_so_far
        assert unsealed
        for code, ballot in unsealed.items():
            assert f"{code} {ballot}" not in text


async def test_hand_over_names_the_next_player_and_hides_the_rest(packset, tmp_path):
    app = hotseat_app(packset, saves=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, ChamberScreen)
        await play_until(pilot, app, on(app, "HandOverScreen"), limit=30)
        text = screen_text(app)
        seat = app.screen.seat
        assert "Pass the keyboard" in text and app.session.name_of(seat) in text
        assert "Gauges" not in text and "political capital" not in text


async def test_facilitator_injects_an_event_behind_a_confirmation(packset, tmp_path):
    from councilgame.tui.screens.facilitator import FacilitatorScreen, InjectScreen

    app = hotseat_app(packset, saves=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+f")
        await pilot.press("n")  # the confirmation keeps students out
        assert not isinstance(app.screen, FacilitatorScreen)
        await pilot.press("ctrl+f", "y")
        await pilot.pause()
        assert isinstance(app.screen, FacilitatorScreen)
        tools = app.screen.query_one("#tools")
        tools.highlighted = [o.id for o in tools.options].index("inject")
        await pilot.press("enter")  # inject an event
        await pilot.pause()
        assert isinstance(app.screen, InjectScreen)
        first = queries.events(app.session.game)[0][0]
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.game.log[-1].kind == "inject" and app.session.game.log[-1].event == first
        assert first in app.session.view().timeline[-1].events


async def test_my_seat_shows_only_the_acting_players_objectives(packset, tmp_path):
    from councilgame.tui.screens.seats import SeatsScreen

    app = hotseat_app(packset, saves=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await play_until(pilot, app, on(app, "DraftingScreen"), limit=30)
        assert app.session.seat == "FRA"
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, SeatsScreen)
        text = screen_text(app)
        assert any(o.text in text for o in app.session.view().objectives)
        for code in ("RUS", "LBR"):
            assert not any(o.text in text for o in seat_view(app.session.game, code).objectives)
