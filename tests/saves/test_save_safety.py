"""Nothing is lost (issue 12): autosaves kept per game, names that never collide, a folder
that cannot be written, files left by killed writes, and bad files that must not stop the game."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest

from councilgame.engine.actions import Vote
from councilgame.engine.game import Game
from councilgame.play.session import Session
from councilgame.saves import SaveError, SaveStore, Seat, branch_actions, make_save
from councilgame.saves.filenames import manual_stem, safe_stem
from councilgame.saves.format import dump, parse

from .test_saves import play, valid_save_text


def autosave_months(store: SaveStore, game: Game, game_id: str, months: range) -> None:
    for m in months:
        save = make_save(game, kind="autosave", game_id=game_id)
        save.summary.month = m
        store.autosave(save)


def files_of(folder: Path, game_id: str) -> list[str]:
    return sorted(p.name for p in folder.glob("*.json") if json.loads(p.read_text())["game_id"] == game_id)


def test_another_games_autosaves_never_rotate_this_games_away(sahel, tmp_path):
    store = SaveStore(tmp_path)
    game = Game(sahel, 1, humans={"FRA"})
    autosave_months(store, game, "aaaaaaaaaaaa", range(1, 3))  # an unfinished game, autosaved only
    store.save_manual(make_save(game, name="B's game", game_id="bbbbbbbbbbbb"))
    autosave_months(store, game, "bbbbbbbbbbbb", range(1, 9))
    assert len(files_of(tmp_path, "aaaaaaaaaaaa")) == 2
    b = files_of(tmp_path, "bbbbbbbbbbbb")
    assert len(b) == 6 and "B's game.json" in b  # five autosaves and the manual save


def test_a_manual_save_named_autosave_is_never_rotated(sahel, tmp_path):
    store = SaveStore(tmp_path)
    game = Game(sahel, 1, humans={"FRA"})
    path = store.save_manual(make_save(game, name="autosave sahel", game_id="cccccccccccc"))
    assert not path.name.startswith("autosave")
    autosave_months(store, game, "cccccccccccc", range(1, 12))
    assert path.exists()


def test_two_games_autosaving_into_one_folder_at_once_keep_all_their_autosaves(sahel, tmp_path):
    """Two processes, same scenario, same second: each keeps its own five."""
    a, b = SaveStore(tmp_path), SaveStore(tmp_path)
    game = Game(sahel, 1, humans={"FRA"})
    for m in range(1, 8):
        for store, gid in ((a, "111111111111"), (b, "222222222222")):
            save = make_save(game, kind="autosave", game_id=gid)
            save.summary.month, save.summary.date = m, "2026-12-01T10:00:00+00:00"
            store.autosave(save)
    assert len(files_of(tmp_path, "111111111111")) == 5
    assert len(files_of(tmp_path, "222222222222")) == 5


@pytest.mark.parametrize("name", ["Ана", "日本語", "Game 1", "Game-1", "Partie à Paris", "Nation: A/B"])
def test_names_keep_their_letters_and_never_overwrite_another_game(sahel, tmp_path, name):
    store = SaveStore(tmp_path)
    game = Game(sahel, 1, humans={"FRA"})
    first = store.save_manual(make_save(game, name=name, game_id="dddddddddddd"))
    assert first.parent == tmp_path and first.stem == safe_stem(name)
    assert any(ch.isalpha() and ch in first.stem for ch in name if ch.isalpha())
    second = store.save_manual(make_save(game, name=name, game_id="eeeeeeeeeeee"))
    assert second != first and second.stem == f"{safe_stem(name)} (2)"
    again = store.save_manual(make_save(game, name=name, game_id="dddddddddddd"))
    assert again == first  # the same game saved again under its name replaces its own file
    assert {store.read(p).game_id for p in (first, second)} == {"dddddddddddd", "eeeeeeeeeeee"}


def test_distinct_names_give_distinct_files(sahel, tmp_path):
    store = SaveStore(tmp_path)
    game = Game(sahel, 1, humans={"FRA"})
    names = ["Ана", "日本語", "Game 1", "Game-1", "Game_1"]
    paths = {store.save_manual(make_save(game, name=n)) for n in names}
    assert len(paths) == len(names)


def test_file_names_are_safe_everywhere():
    assert safe_stem("a/b\\c:d*e?f\"g<h>i|j") == "a-b-c-d-e-f-g-h-i-j"
    assert safe_stem("..hidden") == "hidden" and safe_stem("   ") == "save"
    assert safe_stem("CON") == "CON_" and safe_stem("x\x00y\ty") == "x-y y"
    assert len(safe_stem("ж" * 500).encode()) <= 200
    assert manual_stem("Autosave of mine").startswith("save ")


def test_a_file_that_is_not_a_save_is_never_overwritten(sahel, tmp_path):
    (tmp_path / "notes.json").write_text('{"mine": true}')
    path = SaveStore(tmp_path).save_manual(make_save(Game(sahel, 1, humans={"FRA"}), name="notes"))
    assert path.name == "notes (2).json"
    assert (tmp_path / "notes.json").read_text() == '{"mine": true}'


def test_an_unwritable_folder_is_reported_and_the_game_goes_on(sahel, tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    session = Session.start(sahel, {"FRA": Seat(human=True)}, 4, SaveStore(blocked / "saves"))
    assert session.autosave() is None
    assert session.save_problem and "could not be saved" in session.save_problem
    with pytest.raises(SaveError, match="could not be saved"):
        session.save("mine")
    session.move_saves(tmp_path / "elsewhere")
    assert session.save("mine").exists() and session.autosave() is not None
    assert session.save_problem is None


def test_temporary_files_of_dead_writes_are_cleaned_up(tmp_path):
    dead = tmp_path / ".game.json.tmp-999999999"
    live = tmp_path / f".game.json.tmp-{os.getpid()}"
    old_live = tmp_path / f".other.json.tmp-{os.getpid()}"
    keep = tmp_path / "game.json"
    for p in (dead, live, old_live, keep):
        p.write_text("x")
    os.utime(old_live, (time.time() - 3600, time.time() - 3600))
    removed = SaveStore(tmp_path).clean_temporary()
    assert sorted(removed) == sorted([dead, old_live])
    assert live.exists() and keep.exists()


def test_a_save_is_written_compact_and_nothing_larger_than_can_be_read(sahel, tmp_path, monkeypatch):
    save = make_save(play(sahel, 3, "FRA", [0, 1], stop_month=3))
    text = dump(save)
    assert text.count("\n") == 1 and parse(text.encode()) == save
    import councilgame.saves.store as store_mod

    monkeypatch.setattr(store_mod, "MAX_BYTES", len(text) - 1)
    with pytest.raises(SaveError, match="too large to save"):
        SaveStore(tmp_path).save_manual(save)
    assert not list(tmp_path.iterdir())


def _bad_files(folder: Path, good_text: str) -> None:
    doc = json.loads(good_text)
    (folder / "dangling.json").symlink_to(folder / "gone.json")
    (folder / "minus.json").write_text(json.dumps({**doc, "format_version": -1}))
    (folder / "deep.json").write_text("[" * 200_000 + "]" * 200_000)
    (folder / "digits.json").write_text(json.dumps({**doc, "seed": 0})[:-1] + ', "x": ' + "9" * 5000 + "}")
    (folder / "v0.json").write_text(json.dumps({"humans": 5, "scenario": "sahel"}))
    (folder / "v0-list.json").write_text(json.dumps({"humans": [1, 2], "scenario": "sahel"}))
    (folder / "bool-version.json").write_text(json.dumps({**doc, "format_version": True}))
    os.mkfifo(folder / "fifo.json")
    (folder / "zero.json").symlink_to("/dev/zero")
    (folder / "folder.json").mkdir()
    (folder / "good.json").write_text(good_text)


def _in_time(fn, seconds: float = 20.0):
    out: dict = {}
    thread = threading.Thread(target=lambda: out.setdefault("value", fn()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert "value" in out, f"{fn} hung"
    return out["value"]


def test_bad_files_in_the_folder_are_listed_never_fatal_never_hang(sahel, tmp_path):
    _bad_files(tmp_path, valid_save_text(sahel))
    store = SaveStore(tmp_path)
    entries = _in_time(store.entries)
    bad = {e.path.name: e.error for e in entries if not e.readable}
    assert set(bad) == {"dangling.json", "minus.json", "deep.json", "digits.json", "v0.json",
                        "v0-list.json", "bool-version.json", "fifo.json", "zero.json", "folder.json"}
    for name, error in bad.items():
        assert error.startswith(name) and error.endswith(".") and "\n" not in error, error
    assert store.newest().path.name == "good.json"


def test_what_if_on_a_damaged_save_is_a_sentence(sahel):
    doc = json.loads(valid_save_text(sahel))
    doc["actions"].insert(0, json.loads(Vote(seat="FRA", ballot="yes").model_dump_json()))
    save = parse(json.dumps(doc).encode())
    with pytest.raises(SaveError, match="action 1 no longer fits"):
        branch_actions(save, sahel, 2)
