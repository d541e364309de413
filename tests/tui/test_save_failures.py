"""Saving when the folder refuses (issue 12): the player is told in one sentence and chooses
another folder; the game goes on; quitting never loses the game silently; a bad file in the
saves folder never stops the title screen; temporary files of killed writes are cleaned."""

from __future__ import annotations

import json
import os
import time

from councilgame.tui.screens.chamber import ChamberScreen
from councilgame.tui.screens.title import TitleScreen
from councilgame.tui.widgets.dialogs import ChoiceScreen, TextPrompt
from tests.saves.test_saves import valid_save_text
from tests.tui.helpers import make_app
from tests.tui.test_saves_ui import SIZE, play_months


def blocked_folder(tmp_path):
    """A saves folder that cannot be created: a file stands in its way (root-proof)."""
    (tmp_path / "a-file").write_text("in the way")
    return tmp_path / "a-file" / "saves"


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def save_elsewhere(pilot, app, folder) -> None:
    """Answer the failure dialog: another folder, this one."""
    assert "could not be saved" in app.screen.title_text
    await choose(pilot, app, "folder")
    assert isinstance(app.screen, TextPrompt)
    app.screen.query_one("Input").value = str(folder)
    await pilot.press("enter")
    await pilot.pause()


async def choose(pilot, app, option: str) -> None:
    screen = app.screen
    assert isinstance(screen, ChoiceScreen), screen
    ids = [oid for oid, _ in screen.options]
    screen.dismiss(option if option in ids else None)
    await pilot.pause()


async def test_ctrl_s_into_an_unwritable_folder_offers_another(packset, tmp_path):
    app = make_app(packset, saves=blocked_folder(tmp_path))
    elsewhere = tmp_path / "elsewhere"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        await pilot.press("enter")  # the proposed name
        await pilot.pause()
        await save_elsewhere(pilot, app, elsewhere)
        assert isinstance(app.screen, ChamberScreen)
        assert any(n.startswith("Saved as") for n in notices(app))
    assert len(list(elsewhere.glob("*.json"))) == 1


async def test_an_autosave_that_fails_is_told_once_and_play_goes_on(packset, tmp_path):
    app = make_app(packset, saves=blocked_folder(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await play_months(pilot, app, 2)
        told = [n for n in notices(app) if "could not be saved" in n]
        assert len(told) == 1 and "The game goes on" in told[0]
        assert app.session.view().month == 3


async def test_quitting_when_the_save_fails_asks_and_can_save_elsewhere(packset, tmp_path):
    app = make_app(packset, saves=blocked_folder(tmp_path))
    elsewhere = tmp_path / "elsewhere"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q", "y")
        await pilot.pause()
        assert app.is_running
        await save_elsewhere(pilot, app, elsewhere)
    assert list(elsewhere.glob("autosave-*.json"))


async def test_quitting_without_saving_is_a_choice(packset, tmp_path):
    app = make_app(packset, saves=blocked_folder(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q", "y")
        await pilot.pause()
        await choose(pilot, app, "skip")
        assert not app.is_running


async def test_debrief_export_into_an_unwritable_folder_is_a_sentence(packset, tmp_path):
    app = make_app(packset, saves=blocked_folder(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        from councilgame.tui.screens.debrief import DebriefScreen

        app.push_screen(DebriefScreen())
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert "debrief could not be written" in app.screen.title_text


async def test_bad_files_never_stop_the_title_screen(packset, sahel, tmp_path):
    doc = json.loads(valid_save_text(sahel))
    (tmp_path / "minus.json").write_text(json.dumps({**doc, "format_version": -1}))
    (tmp_path / "deep.json").write_text("[" * 200_000 + "]" * 200_000)
    (tmp_path / "digits.json").write_text('{"format": "councilgame-save", "seed": ' + "9" * 5000 + "}")
    (tmp_path / "v0.json").write_text(json.dumps({"humans": 5}))
    (tmp_path / "dangling.json").symlink_to(tmp_path / "gone")
    (tmp_path / "zero.json").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "fifo.json")
    (tmp_path / "good.json").write_text(valid_save_text(sahel))
    app = make_app(packset, scenario=None, saves=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ChamberScreen) and app.session.view().month == 3


async def test_temporary_files_of_killed_writes_are_cleaned_at_start(packset, tmp_path):
    stale = tmp_path / ".game.json.tmp-999999999"
    stale.write_text("{" + " " * 1000)
    old = time.time() - 3600
    os.utime(stale, (old, old))
    app = make_app(packset, scenario=None, saves=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
    assert not stale.exists()


async def test_what_if_on_a_damaged_save_is_a_sentence(packset, sahel, tmp_path):
    from councilgame.tui.screens.load import LoadScreen

    doc = json.loads(valid_save_text(sahel))
    doc["actions"].insert(0, {"kind": "vote", "seat": "FRA", "ballot": "yes"})
    (tmp_path / "damaged.json").write_text(json.dumps(doc))
    app = make_app(packset, scenario=None, saves=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LoadScreen)
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert any("no longer fits" in n for n in notices(app))
        assert app.is_running
