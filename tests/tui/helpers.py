"""Driving the app the way a player does."""

from __future__ import annotations

import tempfile
from pathlib import Path

from councilgame.tui.app import CouncilApp
from tests.conftest import TEST_PACKS


def make_app(packset, scenario="sahel", seat="FRA", seed=1, **kw) -> CouncilApp:
    """The app as the CLI builds it, with pinned seeds and a fresh, empty saves folder."""
    start = (scenario, seat, seed) if scenario else None
    kw.setdefault("saves", Path(tempfile.mkdtemp(prefix="councilgame-test-")))
    return CouncilApp(extra_packs=[TEST_PACKS], start=start, animate=False, packset=packset,
                      fixed_seed=1234, **kw)


async def answer(pilot, app) -> None:
    """Answer whatever the game waits for with the simplest keys."""
    name = type(app.screen).__name__
    if name in ("RollCallScreen", "HandOverScreen"):
        await pilot.press("enter")
    elif name == "ChamberScreen":
        await pilot.press("n" if app.session.prompt and app.session.prompt.kind == "briefing" else "d")
    elif name == "DraftingScreen":
        await pilot.press("space", "t", "y")
    elif name == "ConsultScreen":
        await pilot.press("c")
    elif name == "VoteScreen":
        await pilot.press("y")
    elif name == "ShowOfHandsScreen":
        for _ in range(len(app.screen.seats) * len(app.screen.items)):
            await pilot.press("y")
        await pilot.press("enter")
    elif name == "EventScreen":
        await pilot.press("enter")
    await pilot.pause()


async def play_until(pilot, app, done, limit: int = 400, on_step=None) -> None:
    """Answer the game's steps (hand-overs included) until `done()` holds; fail if it never
    does. `on_step(app)` runs before each answer, to check every screen on the way."""
    for _ in range(limit):
        if done():
            return
        if on_step:
            on_step(app)
        await answer(pilot, app)
    raise AssertionError(f"never reached the expected state; on {type(app.screen).__name__}")


def on(app, screen_name: str):
    """A `done` for play_until: that screen is in front."""
    return lambda: type(app.screen).__name__ == screen_name


def seed_with_a_choice_for(seat: str) -> int:
    """The first seed in which the test pack's appeal asks `seat` (as President) to decide."""
    from councilgame.play import new_game
    from tests.conftest import TEST_PACKS

    for seed in range(1, 60):
        game = new_game("testland", seed, humans=[seat], packs=[TEST_PACKS])
        while game.prompt is not None and game.prompt.kind != "choice":
            game.apply(game.suggest())
        if game.prompt is not None:
            return seed
    raise AssertionError("no seed gives the President a decision")


async def open_tool(pilot, tool: str) -> None:
    """Open the facilitator's tools (past their confirmation) and pick `tool` by its id."""
    app = pilot.app
    await pilot.press("ctrl+f", "y")
    await pilot.pause()
    tools = app.screen.query_one("#tools")
    tools.highlighted = [o.id for o in tools.options].index(tool)
    await pilot.press("enter")
    await pilot.pause()


async def open_setup(pilot, scenario: str):
    """The hot-seat set-up from the title screen, with `scenario` picked."""
    await pilot.press("h")
    await pilot.pause()
    setup = pilot.app.screen
    setup.query_one("#scenarios").highlighted = [s.id for s in setup.scenarios].index(scenario)
    await pilot.pause()
    return setup


async def add_players(pilot, setup, players) -> None:
    """Type each (name, seat) into the set-up and press Enter, as a facilitator does."""
    for name, code in players:
        setup.query_one("#player-seat").value = code
        name_input = setup.query_one("#player-name")
        name_input.value = name
        name_input.focus()
        await pilot.press("enter")
        await pilot.pause()
