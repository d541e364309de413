"""The author's whole loop (issue 15) on the scaffold `packs new` writes and on each historical
case: graph, try, the simulator with its why, then play, edit on disk and reload with ctrl+r."""

from __future__ import annotations

import shutil

import pytest

from councilgame.packs import discovery
from councilgame.packs.registry import builtin_dir
from councilgame.tui.app import CouncilApp
from tests.cli.test_bad_input import run_main
from tests.packs.test_history import CASES
from tests.tui.helpers import answer

TARGETS = ["lakeland", *sorted(CASES)]


@pytest.fixture
def pack(tmp_path, monkeypatch, request):
    """(the pack's folder, its scenario, the extra packs to load): a scaffold, or a copy of the
    built-in packs standing in for them, so that an edit of the history pack is an author's."""
    sid = request.param
    if sid == "lakeland":
        root = tmp_path / "lakeland"
        assert run_main(["packs", "new", str(root), "--id", "lakeland"]) == 0
        return root, sid, [root]
    content = tmp_path / "content"
    for name in ("core", "history"):
        shutil.copytree(builtin_dir() / name, content / name)
    monkeypatch.setattr(discovery, "builtin_dir", lambda: content)
    return content / "history", sid, []


def packs_args(extra) -> list[str]:
    return [a for p in extra for a in ("--packs", str(p.parent))]


@pytest.mark.parametrize("pack", TARGETS, indirect=True)
def test_graph_try_and_simulate_run_on_the_pack(pack, capsys):
    root, sid, extra = pack
    assert run_main(["packs", "graph", str(root), "--scenario", sid]) == 0
    assert "event" in capsys.readouterr().out
    assert run_main(["packs", "try", str(root), "--scenario", sid]) == 0
    listed = capsys.readouterr().out
    first = next(line.split(":")[0].strip() for line in listed.splitlines() if line.startswith("  "))
    assert run_main(["packs", "try", str(root), "--scenario", sid, "--event", first]) == 0
    assert first in capsys.readouterr().out
    assert run_main([*packs_args(extra), "simulate", "--scenario", sid, "--games", "12"]) == 0
    report = capsys.readouterr().out
    assert "Clauses: share of the file's drafts" in report and "Endings" in report
    if sid in CASES:
        assert "What the real Council did" in report


@pytest.mark.parametrize("pack", TARGETS, indirect=True)
async def test_play_edit_and_reload_the_pack(pack, tmp_path):
    root, sid, extra = pack
    scenario = root / "scenarios" / f"{sid}.yaml"
    sc = discovery.discover(extra).bundle(sid).scenario
    seat = sc.suggested_seat or sc.council.permanent[0]
    app = CouncilApp(extra_packs=extra, start=(sid, seat, 5), animate=False, saves=tmp_path / "saves")
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(30):
            await answer(pilot, app)
            if app.session.game.log and type(app.screen).__name__ == "ChamberScreen":
                break
        assert app.session.game.log, "the game was played"
        text = scenario.read_text()
        title = app.session.comp.scenario.title
        assert text.count(title) >= 1
        scenario.write_text(text.replace(title, title + " (edited)", 1))
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.session.comp.scenario.title.endswith("(edited)")
        assert app.session.seed == 5 and app.session.game.log == []
