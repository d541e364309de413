"""Packs of many events: validation grows linearly with their number, and a huge or broken
pack is not read at all until one of its scenarios is wanted."""

from __future__ import annotations

import json
import time

from bench.bigpack import write_pack
from councilgame.cli import main
from councilgame.engine import namespace
from councilgame.engine.compiled import compile_bundle
from councilgame.packs import cache, crossref, warnings
from councilgame.packs.registry import builtin_dir, load_packs
from councilgame.packs.yamlsource import load_text
from tests.packs.test_loader import EVENTS, broken_pack


def _validate(root):
    packset = load_packs([builtin_dir() / "core", root])
    problems = crossref.check_pack(packset, "bigpack")
    comp = compile_bundle(packset.bundle("bigland"))
    return problems, comp


def test_the_scenario_names_are_built_once_per_scenario_not_once_per_event(tmp_path, monkeypatch):
    calls = []

    def counted(bundle):
        calls.append(1)
        return namespace.names_with_ranges(bundle)

    monkeypatch.setattr(crossref, "names_with_ranges", counted)
    monkeypatch.setattr(warnings, "names_with_ranges", counted, raising=False)
    counts = {}
    for n in (50, 400):
        calls.clear()
        problems, _ = _validate(write_pack(tmp_path / str(n), n))
        assert problems == []
        counts[n] = len(calls)
    assert counts[50] == counts[400] <= 2, counts


def test_validating_and_compiling_grow_linearly_with_the_number_of_events(tmp_path):
    """Loose on purpose (not a timing target): eight times the events may take up to sixteen
    times as long (it takes about six); growing with the square, as before, took 27 times."""
    def cost(n: int) -> float:
        root = write_pack(tmp_path / str(n), n)
        best = float("inf")
        for _ in range(2):
            start = time.process_time()
            _validate(root)
            best = min(best, time.process_time() - start)
        return best

    small, large = cost(500), cost(4000)
    assert large < 16 * small, (small, large)


def test_a_huge_user_pack_is_not_read_to_play_a_builtin_scenario(tmp_path, monkeypatch):
    write_pack(tmp_path / "bigpack", 300)
    parsed = []

    def counted(text):
        parsed.append(next((w for w in ("scenario: bigland", "scenario: sahel") if w in text), ""))
        return load_text(text)

    monkeypatch.setattr(cache, "load_text", counted)  # every file the loader parses (cache off)
    packset = load_packs([builtin_dir(), tmp_path])
    compile_bundle(packset.bundle("sahel"))
    assert "bigland" in packset.scenario_index()  # listed (its scenario file is read) ...
    assert "scenario: bigland" not in parsed  # ... but not one of its event files
    assert "scenario: sahel" in parsed


def test_a_broken_user_pack_does_not_stop_builtin_scenarios(tmp_path, capsys):
    broken_pack(tmp_path, EVENTS, 'weight: "1 + violence / 50"', 'weight: "1 + violense / 50"')
    assert main(["--packs", str(tmp_path), "run", "--scenario", "sahel", "--seed", "1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["scenario"] == "sahel"


def test_a_typo_repeated_in_every_event_is_searched_for_once(tmp_path, monkeypatch):
    """A 'did you mean' reads every name (one per event): once per event was the square again."""
    from councilgame.engine import expressions as ex

    root = write_pack(tmp_path / "typo", 400)
    for path in (root / "events").glob("*.yaml"):
        path.write_text(path.read_text().replace('"1 + violence', '"1 + violense'))
    searches = []
    real = ex.suggest
    monkeypatch.setattr(ex, "suggest", lambda name, known: searches.append(name) or real(name, known))
    problems = crossref.check_pack(load_packs([builtin_dir() / "core", root]), "bigpack")
    assert len(problems) == 400 and "(did you mean 'violence'?)" in str(problems[-1])
    assert len(searches) <= 2, len(searches)
