"""The command line under bad input (issue 12): one sentence and a non-zero status, never a
traceback; `saves list`; the replay of an unfinished game; a crash of the app exits non-zero."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from councilgame.cli import main
from councilgame.engine.game import Game
from councilgame.saves import SaveStore, make_save

from .test_cli import cli


def run_main(args: list[str]) -> int:
    try:
        return main(args)
    except SystemExit as exc:  # argparse's refusals
        return int(exc.code or 0)


@pytest.fixture
def places(tmp_path) -> dict[str, str]:
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    return {"file": str(a_file), "under": str(a_file / "x.json"), "dir": str(tmp_path),
            "proc": "/proc/councilgame/x.json", "fifo": str(fifo), "new": str(tmp_path / "new")}


MALFORMED = [
    ["play", "--scenario", "atlantis"], ["play", "--seat", "XXX"], ["play", "--scenario", "sahel"],
    ["play", "--seed", "-1"], ["play", "--difficulty", "impossible"], ["play", "--seed", "2" * 30],
    ["play", "--players", ""], ["play", "--length", "4"], ["play", "--length", "0"],
    ["play", "--scenario", "sahel", "--seat", "FRA", "--length", "5"],
    ["play", "--scenario", "sahel", "--seat", "FRA", "--timer", "3"], ["play", "--timer", "0"],
    ["simulate", "--scenario", "sahel", "--length", "7"],
    ["play", "--players", "Ana:FRA", "--scenario", "atlantis"], ["play", "--players", "Ana"],
    ["run"], ["run", "--scenario", "sahel", "--seed", ""], ["run", "--scenario", "sahel", "--seed", "1e5"],
    ["run", "--scenario", "sahel", "--seed", str(2**63)], ["run", "--scenario", "sahel", "--seed", "-5"],
    ["run", "--scenario", "sahel", "--seed", "9" * 5000],
    ["run", "--scenario", "sahel", "--save", ""], ["run", "--scenario", "sahel", "--save", "{dir}"],
    ["run", "--scenario", "sahel", "--save", "{under}"], ["run", "--scenario", "sahel", "--save", "{proc}"],
    ["run", "--scenario", "sahel", "--seed", str(2**63), "--save", "{new}"],
    ["replay"], ["replay", "{new}"], ["replay", "{dir}"], ["replay", "{file}"], ["replay", "/dev/null"],
    ["replay", "{fifo}"], ["replay", "{file}", "--to", "0"], ["replay", "{file}", "--to", "x"],
    ["simulate"], ["simulate", "--scenario", "sahel", "--games", "-1"],
    ["simulate", "--scenario", "sahel", "--games", "abc"],
    ["simulate", "--scenario", "sahel", "--games", str(10**8)],
    ["simulate", "--scenario", "sahel", "--workers", "0"],
    ["simulate", "--scenario", "sahel", "--workers", "1000"],
    ["simulate", "--scenario", "sahel", "--workers", "two"],
    ["simulate", "--scenario", "sahel", "--records", "{dir}"],
    ["simulate", "--scenario", "sahel", "--records", "{under}"],
    ["simulate", "--scenario", "atlantis"],
    ["packs"], ["packs", "frob"], ["packs", "validate", "{new}"], ["packs", "validate", "{file}"],
    ["packs", "new", "{file}"], ["packs", "new", "{under}"], ["packs", "new", "{proc}"],
    ["packs", "new", "{new}", "--id", "Bad Id"], ["packs", "schema", "--out", "{file}"],
    ["packs", "schema", "--out", "{under}"], ["packs", "schema", "--out", "/proc/councilgame"],
    ["saves"], ["saves", "frob"], ["saves", "list", "--saves", "{file}"],
    ["--packs", "{new}", "run", "--scenario", "sahel"], ["--packs", "{file}", "packs", "list"],
    ["run", "--scenario", "sahel", "--bogus"], ["--version-of-nothing"],
]


@pytest.mark.parametrize("args", MALFORMED, ids=lambda a: " ".join(a)[:60])
def test_malformed_invocations_get_one_sentence(args, places, capsys):
    rc = run_main([a.format(**places) for a in args])
    err = capsys.readouterr().err
    assert rc in (1, 2), err
    assert err.startswith("councilgame: ") and err.count("\n") == 1, err
    assert "Traceback" not in err


def test_bounds_are_named(capsys):
    assert run_main(["simulate", "--scenario", "sahel", "--workers", "1000"]) == 2
    assert "at most 64 processes" in capsys.readouterr().err
    assert run_main(["run", "--scenario", "sahel", "--seed", str(2**63)]) == 2
    assert "at most 2**63 - 1" in capsys.readouterr().err


def test_replay_of_an_unfinished_game_says_where_it_stands(sahel, tmp_path, capsys):
    game = Game(sahel, 5, humans={"FRA"})
    path = SaveStore(tmp_path).save_manual(make_save(game, name="mid-game"))
    assert run_main(["replay", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Unfinished: the game stands at month 1 of 10." in out


def test_saves_list_groups_games_and_lists_bad_files(sahel, tmp_path, capsys):
    store = SaveStore(tmp_path)
    game = Game(sahel, 5, humans={"FRA"})
    store.save_manual(make_save(game, name="Ana's game", game_id="aaaaaaaaaaaa"))
    store.autosave(make_save(game, kind="autosave", game_id="aaaaaaaaaaaa"))
    store.autosave(make_save(game, kind="autosave", game_id="bbbbbbbbbbbb"))
    (tmp_path / "broken.json").write_text("{oops")
    os.mkfifo(tmp_path / "pipe.json")
    assert run_main(["saves", "list", "--saves", str(tmp_path), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    games = {g["game_id"]: g for g in doc["games"]}
    assert sorted(games) == ["aaaaaaaaaaaa", "bbbbbbbbbbbb"]
    assert sorted(s["kind"] for s in games["aaaaaaaaaaaa"]["saves"]) == ["autosave", "manual"]
    assert {u["file"] for u in doc["unreadable"]} == {"broken.json", "pipe.json"}
    assert all(u["reason"].endswith(".") for u in doc["unreadable"])
    assert run_main(["saves", "list", "--saves", str(tmp_path)]) == 0
    text = capsys.readouterr().out
    assert "2 game(s)" in text and "Ana's game" in text and "autosave, month 1" in text
    assert "broken.json: broken.json is not valid JSON" in text


def test_saves_list_of_an_empty_or_missing_folder(tmp_path, capsys):
    assert run_main(["saves", "list", "--saves", str(tmp_path / "none")]) == 0
    assert "No saves in" in capsys.readouterr().out


def test_a_crash_inside_the_app_exits_non_zero(monkeypatch):
    from councilgame import launch
    from councilgame.tui import app as app_mod
    from councilgame.tui.screens.chamber import ChamberScreen

    real_run = app_mod.CouncilApp.run

    def headless(self, *a, **k):
        return real_run(self, headless=True)

    def boom(self) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(app_mod.CouncilApp, "run", headless)
    monkeypatch.setattr(ChamberScreen, "on_mount", boom)
    assert launch.play("sahel", "FRA", 1, [], None) == 1


def test_run_save_writes_a_save_that_replays(tmp_path):
    path = Path(tmp_path) / "deep" / "er" / "game.json"
    r = cli("run", "--scenario", "sahel", "--seed", "3", "--save", str(path))
    assert r.returncode == 0 and path.exists()


def test_run_save_never_replaces_a_players_game(sahel, tmp_path, capsys):
    mine = SaveStore(tmp_path).save_manual(make_save(Game(sahel, 5, humans={"FRA"}), name="mine"))
    before = mine.read_bytes()
    assert run_main(["run", "--scenario", "sahel", "--save", str(mine)]) == 2
    assert "a player's saved game" in capsys.readouterr().err and mine.read_bytes() == before
    ai = tmp_path / "ai.json"
    assert run_main(["run", "--scenario", "sahel", "--seed", "2", "--save", str(ai)]) == 0
    assert run_main(["run", "--scenario", "sahel", "--seed", "3", "--save", str(ai)]) == 0
