"""The author's tools (issue 15): `packs graph` and `packs try`, on the scaffold that `packs new`
writes and on a built-in pack."""

from __future__ import annotations

from pathlib import Path

import pytest

from councilgame.packs.registry import builtin_dir

from .test_bad_input import run_main

SAHEL = str(builtin_dir() / "sahel")


@pytest.fixture
def scaffold(tmp_path) -> str:
    path = tmp_path / "lakeland"
    assert run_main(["packs", "new", str(path), "--id", "lakeland"]) == 0
    return str(path)


def test_graph_shows_what_leads_to_each_event(scaffold, capsys):
    assert run_main(["packs", "graph", scaffold]) == 0
    out = capsys.readouterr().out
    # the scaffold's shelling schedules the offer of talks; the commission clause sets the
    # flag its meeting event reads
    assert "follow-up: talks_offer after 1 month(s)" in out
    assert "led to by: event:capital_shelled (follow-up)" in out
    assert "clause:ceasefire/ceasefire_commission (flags.commission_set_up)" in out


@pytest.mark.parametrize(("fmt", "start"), [("dot", "digraph scenario {"), ("mermaid", "flowchart LR")])
def test_graph_draws_dot_and_mermaid(scaffold, capsys, fmt, start):
    assert run_main(["packs", "graph", scaffold, "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert out.startswith(start)
    assert "capital_shelled" in out and "talks_offer" in out


def test_graph_of_a_built_in_pack_names_its_flags_and_operations(capsys):
    assert run_main(["packs", "graph", SAHEL, "--scenario", "sahel"]) == 0
    out = capsys.readouterr().out
    assert "event abuses_report: Killings by a national battalion" in out
    assert "reads: abuses, flags.hrddp_applied, ops.fc_g5s.active, ops.fc_g5s.compliance" in out


def test_try_fires_an_event_at_a_month_and_tells_what_it_did(scaffold, capsys):
    assert run_main(["packs", "try", scaffold, "--scenario", "lakeland", "--event", "capital_shelled",
                     "--month", "2"]) == 0
    out = capsys.readouterr().out
    assert "== capital_shelled: The capital is shelled" in out
    assert "What it changed:" in out and "flag shelling: on" in out
    assert "Follow-ups scheduled: talks_offer (month 3)" in out


def test_try_with_a_chain_fires_the_follow_ups_too(scaffold, capsys):
    assert run_main(["packs", "try", scaffold, "--scenario", "lakeland", "--event", "capital_shelled",
                     "--chain"]) == 0
    out = capsys.readouterr().out
    assert out.index("== capital_shelled") < out.index("== talks_offer")


def test_try_without_an_event_lists_them(scaffold, capsys):
    assert run_main(["packs", "try", scaffold, "--scenario", "lakeland"]) == 0
    assert "capital_shelled: The capital is shelled" in capsys.readouterr().out


@pytest.mark.parametrize(("args", "words"), [
    (["--scenario", "lakeland", "--event", "capital_shellde"], "did you mean 'capital_shelled'"),
    (["--scenario", "atlantis"], "no scenario 'atlantis'"),
    (["--scenario", "lakeland", "--event", "talks_offer", "--month", "99"], "months, not 99"),
])
def test_try_refuses_in_one_sentence(scaffold, capsys, args, words):
    assert run_main(["packs", "try", scaffold, *args]) == 2
    err = capsys.readouterr().err
    assert words in err and err.startswith("councilgame: ") and "Traceback" not in err


def test_the_tools_refuse_a_folder_that_is_not_a_pack(tmp_path, capsys):
    assert run_main(["packs", "graph", str(tmp_path)]) == 2
    assert "not a pack folder" in capsys.readouterr().err


def test_the_tools_refuse_a_broken_pack_with_its_problems(scaffold, capsys):
    events = Path(scaffold) / "events" / "lakeland.yaml"
    events.write_text(events.read_text().replace("when:", "whenn:", 1))
    assert run_main(["packs", "graph", scaffold]) == 2
    err = capsys.readouterr().err
    assert "lakeland.yaml:" in err and "packs validate" in err
