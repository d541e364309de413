"""The caches (issue 17): a scenario picked again is read from JSON keyed by its files' hash,
and so is each file parsed before; the same game and the same lines come out of them; an edit,
a damaged entry or another version is a miss."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from councilgame.engine.compiled import compile_bundle
from councilgame.engine.game import Game
from councilgame.packs import cache
from councilgame.packs.registry import builtin_dir, load_packs
from tests.conftest import TEST_PACKS


@pytest.fixture
def cached(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(folder))
    return folder


def _bundles(folder):
    return sorted((folder / "bundles").glob("*" + cache.SUFFIX))


def test_every_built_in_scenario_plays_the_same_game_from_the_cache(cached, packset):
    fresh = load_packs([builtin_dir(), TEST_PACKS])
    for sid in sorted(fresh.scenario_index()):
        made = fresh.bundle(sid)
        again = load_packs([builtin_dir(), TEST_PACKS])
        hit = again.bundle(sid)
        assert hit == made, sid
        assert not again.packs[again.scenario_index()[sid]].complete, "a hit reads no more files"
        records = [json.dumps(Game(compile_bundle(b), 2).record(), sort_keys=True) for b in (made, hit)]
        assert records[0] == records[1], sid
    assert len(_bundles(cached)) == len(fresh.scenario_index())


def _copy_pack(tmp_path):
    root = tmp_path / "packs" / "testland"
    shutil.copytree(TEST_PACKS / "testland", root)
    return root


def test_an_edited_pack_is_read_again_and_a_broken_one_is_never_cached(cached, tmp_path):
    root = _copy_pack(tmp_path)
    first = load_packs([builtin_dir() / "core", root]).bundle("testland")
    scenario = root / "scenarios" / "testland.yaml"
    scenario.write_text("# an author's comment\n" + scenario.read_text())
    assert cache.read(cache.key(load_packs([builtin_dir() / "core", root]), "testland")) is None
    again = load_packs([builtin_dir() / "core", root]).bundle("testland")
    assert again.scenario == first.scenario and again.pack_hash != first.pack_hash  # read anew
    assert len(_bundles(cached)) == 2
    scenario.write_text(scenario.read_text() + "\nnot_a_field: 1\n")
    with pytest.raises(Exception, match="not_a_field"):
        load_packs([builtin_dir() / "core", root]).bundle("testland")
    assert len(_bundles(cached)) == 2


def test_a_damaged_entry_is_a_miss_and_is_written_again(cached, packset):
    made = load_packs([builtin_dir()]).bundle("sahel")
    (entry,) = _bundles(cached)
    entry.write_text(entry.read_text()[:1000])
    assert cache.read(entry.name.removesuffix(cache.SUFFIX)) is None
    assert load_packs([builtin_dir()]).bundle("sahel") == made
    assert cache.read(entry.name.removesuffix(cache.SUFFIX)) == made


def test_another_version_of_the_schema_has_other_keys(cached, monkeypatch):
    packs = load_packs([builtin_dir()])
    before = cache.key(packs, "sahel")
    monkeypatch.setattr(cache, "code_stamp", lambda: b"another version")
    assert cache.key(packs, "sahel") not in (None, before)


def test_the_cache_can_be_turned_off_and_an_unwritable_one_is_no_error(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    load_packs([builtin_dir()]).bundle("tutorial")
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "cache"))  # a folder under a file
    assert cache.cache_dir() == blocker / "cache" / "bundles"
    assert load_packs([builtin_dir()]).bundle("tutorial").scenario.id == "tutorial"


def test_old_entries_are_pruned(cached, monkeypatch):
    monkeypatch.setattr(cache, "KEEP", 2)
    for sid in ("tutorial", "sahel", "arctic"):
        load_packs([builtin_dir()]).bundle(sid)
    assert len(_bundles(cached)) == 2


def test_the_command_line_starts_from_the_cache_with_the_same_game(tmp_path):
    """As a player starts twice: the first run fills the cache, the second reads it."""
    env = {**os.environ, cache.CACHE_ENV: str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-m", "councilgame", "run", "--scenario", "tutorial",
                            "--seed", "3", "--json"], capture_output=True, text=True, env=env,
                           timeout=120) for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0], runs[0].stderr
    assert runs[0].stdout == runs[1].stdout
    assert len(_bundles(tmp_path / "cache")) == 1


def _files():
    return sorted(builtin_dir().rglob("*.yaml")) + sorted(TEST_PACKS.rglob("*.yaml"))


def test_every_file_parsed_from_the_cache_gives_the_same_values_and_lines(cached):
    from councilgame.packs.yamlsource import load_text

    for path in _files():
        data = path.read_bytes()
        fresh = load_text(data.decode())
        first, again = cache.parsed(data, data.decode()), cache.parsed(data, data.decode())
        assert (first.data, first.lines) == (fresh.data, fresh.lines), path
        assert (again.data, again.lines) == (fresh.data, fresh.lines), path
    assert len(list((cached / "yaml").glob("*.json"))) == len({p.read_bytes() for p in _files()})


def test_a_file_that_does_not_parse_or_has_a_number_as_a_key_is_never_cached(cached):
    from councilgame.packs.yamlsource import YamlError

    with pytest.raises(YamlError):
        cache.parsed(b"a: [1, 2", "a: [1, 2")
    numbered = "1: one\n2.5: x\n"
    assert cache.parsed(numbered.encode(), numbered).data == {1: "one", 2.5: "x"}
    assert cache.parsed(numbered.encode(), numbered).data == {1: "one", 2.5: "x"}
    assert not (cached / "yaml").exists() or not list((cached / "yaml").glob("*.json"))


def test_a_damaged_parsed_entry_is_a_miss(cached):
    text = "id: x\nlist: [1, 2.5, true, null]\n"
    first = cache.parsed(text.encode(), text)
    (entry,) = (cached / "yaml").glob("*.json")
    for damage in ("{", '{"data": {}}', '{"data": {}, "lines": [[1, 2]]}'):
        entry.write_text(damage)
        again = cache.parsed(text.encode(), text)
        assert (again.data, again.lines) == (first.data, first.lines)


def test_a_broken_pack_names_the_same_lines_with_the_cache_on(cached, tmp_path):
    root = _copy_pack(tmp_path)
    scenario = root / "scenarios" / "testland.yaml"
    scenario.write_text(scenario.read_text() + "\nnot_a_field: 1\n")
    reports = [[str(p) for p in load_packs([builtin_dir() / "core", root]).report(root)] for _ in range(2)]
    assert reports[0] == reports[1] and any("not_a_field" in line for line in reports[0])
