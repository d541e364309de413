"""The title screen comes up before the engine, the packs and their schema are imported
(issue 17): importing what draws it loads none of them; the packs load behind it."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("councilgame.engine", "councilgame.model", "councilgame.packs", "councilgame.play",
         "councilgame.saves", "pydantic", "numpy", "yaml")


def test_what_draws_the_title_screen_imports_nothing_of_the_game():
    code = ("import sys, councilgame.cli, councilgame.launch, councilgame.tui.app, "
            "councilgame.tui.screens.title; "
            f"print([m for m in {HEAVY!r} if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


async def test_the_packs_load_behind_the_title_and_continue_follows_the_saves(tmp_path):
    from councilgame.tui.app import CouncilApp
    from councilgame.tui.screens.title import TitleScreen

    app = CouncilApp(saves=tmp_path, animate=False)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, TitleScreen)
        for _ in range(200):
            if app.packset is not None:
                break
            await pilot.pause(0.05)
        await pilot.pause()
        assert app.packset is not None and "scenarios ready" in app.packs_message()
        assert app.screen.query_one("#continue").disabled  # no save in an empty folder
