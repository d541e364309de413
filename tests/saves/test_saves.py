"""Saves: round trips, bad files refused with a sentence, atomic writes, replay, branches."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from councilgame.engine.actions import Choose, Done, TableDraft, Vote
from councilgame.engine.game import Game
from councilgame.engine.record import game_record
from councilgame.saves import SaveError, SaveStore, branch_actions, load_game, make_save
from councilgame.saves.format import FORMAT_VERSION, MAX_BYTES, dump, parse

ROOT = Path(__file__).resolve().parents[2]


def play(comp, seed: int, seat: str, choices: list[int], stop_month: int | None = None) -> Game:
    """A human seat answering with choices drawn from a list (cycled)."""
    game = Game(comp, seed, humans={seat})
    k = 0
    while game.prompt is not None:
        if stop_month and game.state.month >= stop_month and game.prompt.kind == "briefing":
            break
        p = game.prompt
        c = choices[k % len(choices)] if choices else 0
        k += 1
        if p.kind == "vote":
            game.apply(Vote(seat=seat, ballot=("yes", "no", "abstain")[c % 3]))
        elif p.kind == "choice":
            game.apply(Choose(seat=seat, option=p.options[c % len(p.options)]))
        elif p.kind == "draft":
            drafts = [a for a in game.legal_actions() if isinstance(a, TableDraft)]
            game.apply(drafts[c % len(drafts)])
        else:
            game.apply(Done(seat=seat))
    return game


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**31), seat=st.sampled_from(["FRA", "RUS", "SOM", "USA", "DNK"]),
       choices=st.lists(st.integers(0, 5), max_size=8), stop=st.one_of(st.none(), st.integers(2, 9)))
def test_round_trip_over_random_games(sahel, seed, seat, choices, stop):
    game = play(sahel, seed, seat, choices, stop)
    text = dump(make_save(game))
    loaded = load_game(parse(text.encode()), sahel)
    assert loaded.mismatch is None and not loaded.pack_changed
    assert game_record(loaded.game) == game_record(game)
    assert np.array_equal(loaded.game.state.vars, game.state.vars)
    assert loaded.game.prompt == game.prompt


def valid_save_text(comp) -> str:
    return dump(make_save(play(comp, 3, "FRA", [0, 1], stop_month=3)))


BAD = {
    "empty": (b"", "is empty"),
    "whitespace": (b"  \n ", "is empty"),
    "garbage": (b"\x00\xff\xfe binary", "not a text file"),
    "not json": (b"{this is not json", "not valid JSON"),
    "foreign json": (b'{"hello": "world"}', "not a councilgame save"),
    "a list": (b"[1, 2, 3]", "not a councilgame save"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_files_are_refused_with_one_sentence(case):
    raw, says = BAD[case]
    with pytest.raises(SaveError, match=says):
        parse(raw, "game.json")


def test_truncated_wrong_types_newer_and_huge_files(sahel):
    text = valid_save_text(sahel)
    with pytest.raises(SaveError, match="(?i)cut short"):
        parse(text[: len(text) // 2].encode())
    doc = json.loads(text)
    with pytest.raises(SaveError, match="(?i)damaged: seed"):
        parse(json.dumps({**doc, "seed": "abc"}).encode())
    with pytest.raises(SaveError, match="(?i)damaged: actions"):
        parse(json.dumps({**doc, "actions": [{"kind": "teleport", "seat": "FRA"}]}).encode())
    with pytest.raises(SaveError, match="(?i)newer councilgame"):
        parse(json.dumps({**doc, "format_version": FORMAT_VERSION + 1}).encode())
    with pytest.raises(SaveError, match="(?i)too large"):
        parse(b"{" + b" " * (MAX_BYTES + 1) + b"}")


def test_older_format_is_migrated(sahel):
    doc = json.loads(valid_save_text(sahel))
    humans = [code for code, seat in doc.pop("seats").items() if seat["human"]]
    old = {k: v for k, v in doc.items() if k not in ("format", "format_version")}
    old["humans"] = humans
    save = parse(json.dumps(old).encode())
    assert save.format_version == FORMAT_VERSION and save.humans() == {"FRA"}
    assert load_game(save, sahel).mismatch is None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzzed_saves_never_raise_anything_but_save_error(sahel, data):
    text = valid_save_text_cached(sahel)
    pos = data.draw(st.integers(0, len(text) - 1))
    junk = data.draw(st.text(max_size=5))
    mutated = (text[:pos] + junk + text[pos + data.draw(st.integers(0, 3)):]).encode()
    try:
        save = parse(mutated)
        load_game(save, sahel)
    except SaveError:
        pass


_CACHE: dict = {}


def valid_save_text_cached(comp) -> str:
    if "text" not in _CACHE:
        _CACHE["text"] = valid_save_text(comp)
    return _CACHE["text"]


def test_a_replay_that_differs_is_reported(sahel):
    doc = json.loads(valid_save_text(sahel))
    doc["summary"]["digest"] = "0" * 32
    loaded = load_game(parse(json.dumps(doc).encode()), sahel)
    assert loaded.mismatch and "not the same game" in loaded.mismatch


def test_a_changed_pack_is_noticed(sahel):
    doc = json.loads(valid_save_text(sahel))
    doc["pack"]["hash"] = "something-else"
    assert load_game(parse(json.dumps(doc).encode()), sahel).pack_changed


def test_what_if_reopens_at_a_month_and_the_original_is_untouched(sahel, tmp_path):
    store = SaveStore(tmp_path)
    game = play(sahel, 8, "FRA", [0, 2, 1])
    path = store.save_manual(make_save(game, name="original"))
    before = path.read_bytes()
    actions = branch_actions(store.read(path), sahel, 4)
    branch = Game(sahel, 8, humans={"FRA"})
    for a in actions:
        branch.apply(a)
    assert branch.state.month == 4 and branch.prompt.kind == "briefing"
    assert game_record(branch)["months"][:3] == game_record(game)["months"][:3]
    assert path.read_bytes() == before


def test_autosaves_keep_the_last_five_of_the_game(sahel, tmp_path):
    store = SaveStore(tmp_path)
    game = Game(sahel, 1, humans={"FRA"})
    for i in range(8):
        save = make_save(game, kind="autosave", game_id="a1b2c3d4e5f6")
        save.summary.month = i + 1
        save.summary.date = f"2026-01-0{i + 1}T00:00:00+00:00"
        store.autosave(save)
    autos = sorted(p.name for p in tmp_path.glob("autosave-*.json"))
    assert len(autos) == 5 and autos[0].endswith("m04.json") and autos[-1].endswith("m08.json")
    assert store.newest().save.summary.date.startswith("2026-01-08")


def test_unreadable_files_are_listed_with_the_reason(sahel, tmp_path):
    (tmp_path / "broken.json").write_text("{oops")
    store = SaveStore(tmp_path)
    store.save_manual(make_save(Game(sahel, 1, humans={"FRA"}), name="good"))
    entries = store.entries()
    assert {e.path.name for e in entries} == {"broken.json", "good.json"}
    broken = next(e for e in entries if e.path.name == "broken.json")
    assert not broken.readable and "not valid JSON" in broken.error
    assert store.newest().path.name == "good.json"


KILLER = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from councilgame import paths
    real = os.fsync
    def slow(fd):
        print("writing", flush=True)
        time.sleep(30)
        real(fd)
    os.fsync = slow
    paths.write_atomic(Path(sys.argv[1]), "{" + " " * 5_000_000 + "}")
""")


def test_a_write_killed_midway_leaves_the_previous_save_intact(sahel, tmp_path):
    store = SaveStore(tmp_path)
    path = store.save_manual(make_save(Game(sahel, 2, humans={"FRA"}), name="precious"))
    before = path.read_bytes()
    proc = subprocess.Popen([sys.executable, "-c", KILLER, str(path)], stdout=subprocess.PIPE,
                            text=True, cwd=ROOT)
    assert proc.stdout.readline().strip() == "writing"  # the temporary file is being written
    proc.kill()
    proc.wait(timeout=10)
    assert path.read_bytes() == before
    assert load_game(store.read(path), sahel).mismatch is None
    assert [e.path.name for e in store.entries()] == ["precious.json"]  # temp files are ignored
    leftovers = [p for p in tmp_path.iterdir() if p.name != "precious.json"]
    assert all(p.name.startswith(".") for p in leftovers)
    os.environ.pop("UNUSED", None)


def test_a_save_says_who_plays_every_seat(sahel):
    from councilgame.saves import Seat

    game = Game(sahel, 1, humans={"FRA", "RUS"})
    save = make_save(game, {"FRA": Seat(human=True, players=["Ana"]),
                            "RUS": Seat(human=True, players=["Ben", "Chloe"])})
    assert list(save.seats) == sahel.codes
    assert save.humans() == {"FRA", "RUS"}
    assert save.seats["RUS"].players == ["Ben", "Chloe"] and not save.seats["USA"].human
    assert save.summary.players == ["Ana (FRA)", "Ben, Chloe (RUS)"]
