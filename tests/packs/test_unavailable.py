"""A scenario whose pack failed to load: play, run and simulate say so, with its first
problems, instead of 'unknown scenario'."""

from __future__ import annotations

import shutil

import pytest

from councilgame.cli import main
from councilgame.play import new_game
from tests.packs.test_loader import EVENTS, SCENARIO, broken_pack

COMMANDS = [
    ["run", "--scenario", "testland"],
    ["simulate", "--scenario", "testland", "--games", "2"],
    ["play", "--scenario", "testland", "--seat", "FRA"],
]
BREAKS = [  # found when the pack is checked (an expression), or when it is indexed (YAML)
    (EVENTS, 'weight: "1 + violence / 50"', 'weight: "1 + violense / 50"',
     "events/testland.yaml:6: events[0].weight: unknown variable 'violense'"),
    (SCENARIO, "title: Testland", "title: [unclosed", "scenarios/testland.yaml:3: not valid YAML"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
@pytest.mark.parametrize(("file", "old", "new", "first"), BREAKS, ids=["checked", "indexed"])
def test_a_scenario_whose_pack_failed_to_load_is_refused_with_its_errors(
        tmp_path, capsys, command, file, old, new, first):
    root = broken_pack(tmp_path, file, old, new)
    assert main(["--packs", str(tmp_path), *command]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (f"councilgame: scenario 'testland' cannot be played: its pack in {root} failed "
                      f"to load (councilgame packs validate {root} lists every problem).")
    assert first in err[1], err
    assert len(err) <= 5 and "unknown scenario" not in "\n".join(err)


def test_the_api_says_why_too(tmp_path):
    broken_pack(tmp_path, *BREAKS[0][:3])
    with pytest.raises(ValueError, match="cannot be played: its pack in .* failed to load"):
        new_game("testland", 1, packs=[tmp_path])


def test_an_unknown_scenario_is_still_a_usage_error(tmp_path, capsys):
    broken_pack(tmp_path, *BREAKS[0][:3])
    assert main(["--packs", str(tmp_path), "run", "--scenario", "atlantis"]) == 2
    assert "unknown scenario 'atlantis'" in capsys.readouterr().err


def test_a_pack_that_extends_a_broken_pack_says_which(tmp_path, capsys):
    parent = tmp_path / "parent"
    parent.mkdir()
    (parent / "pack.yaml").write_text("id: parent\ntitle: P\nversion: '1'\nextends: [core]\n")
    (parent / "members.yaml").write_text("members:\n  - {code: XXA, name: Xa, group: weog, "
                                         "ideal: {sovereignity: 1}}\n")
    root = broken_pack(tmp_path, "pack.yaml", "extends: [core]", "extends: [core, parent]")
    assert main(["--packs", str(tmp_path), "run", "--scenario", "testland"]) == 1
    err = capsys.readouterr().err
    assert "pack.yaml:4: extends: extends pack 'parent', which failed to load" in err, err
    assert main(["--packs", str(tmp_path), "packs", "validate", str(root)]) == 1
    assert "extends pack 'parent', which failed to load" in capsys.readouterr().out


def test_the_refusal_names_the_pack_that_held_the_scenario_not_a_later_copy(tmp_path, capsys):
    first = broken_pack(tmp_path, *BREAKS[0][:3])  # found first: it holds 'testland', and fails
    shutil.copytree(first, tmp_path / "zz-copy")  # the same pack id again, refused as a duplicate
    assert main(["--packs", str(tmp_path), "run", "--scenario", "testland"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert f"its pack in {first} failed" in err[0] and "violense" in err[1], err
