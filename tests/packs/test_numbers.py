"""Numbers a pack may not hold: integers too long to convert, and non-finite floats. Each is a
pack error with FILE:LINE, never a traceback, and never a NaN in the game."""

from __future__ import annotations

import json

import pytest

from councilgame.cli import main
from councilgame.engine import expressions as ex
from tests.packs.test_loader import EVENTS, SCENARIO, broken_pack, problems_of

HUGE = "9" * 5000


@pytest.mark.parametrize(("file", "old", "new", "line"), [
    (SCENARIO, "year: 2026", f"year: {HUGE}", 5),
    (SCENARIO, "year: 2026", f"year: 0x{'f' * 5000}", 5),
    (EVENTS, "tension: 4}}", f"tension: {HUGE}}}}}", 9),
    (SCENARIO, "source: tests", f"source: tests\n? {HUGE}\n: 1", 5),
], ids=["decimal", "hex", "in-effects", "as-a-key"])
def test_a_huge_integer_is_a_pack_error_with_its_line(tmp_path, file, old, new, line):
    found = problems_of(broken_pack(tmp_path, file, old, new))
    hits = [p for p in found if "too large" in p]
    assert hits, found
    assert hits[0].split(":")[1] == str(line), hits


def test_a_huge_integer_in_an_installed_pack_does_not_stop_other_scenarios(tmp_path, capsys):
    broken_pack(tmp_path, SCENARIO, "year: 2026", f"year: {HUGE}")
    assert main(["--packs", str(tmp_path), "run", "--scenario", "sahel", "--seed", "1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["scenario"] == "sahel"
    assert main(["--packs", str(tmp_path), "packs", "list"]) == 0
    assert "BROKEN" in capsys.readouterr().out


@pytest.mark.parametrize(("file", "old", "new", "line", "field"), [
    (EVENTS, "tension: 4}}", "tension: .nan}}", 9, "events[0].effects.vars.tension"),
    (EVENTS, "violence: 3,", "violence: -.inf,", 9, "events[0].effects.vars.violence"),
    (SCENARIO, "gauges: {violence: 60,", "gauges: {violence: .NaN,", 15, "theatres[0].gauges.violence"),
    (SCENARIO, "initial: 50}", "initial: .inf}", 17, "variables[0].initial"),
    (SCENARIO, "initial: 50}", "initial: 1.0e+999}", 17, "variables[0].initial"),
    (SCENARIO, "initial: 50}", 'initial: "nan"}', 17, "variables[0].initial"),
], ids=["nan-effect", "inf-effect", "nan-gauge", "inf-initial", "overflow-initial", "nan-string"])
def test_non_finite_numbers_are_refused_with_file_line_and_field(tmp_path, file, old, new, line, field):
    found = problems_of(broken_pack(tmp_path, file, old, new))
    hits = [p for p in found if "finite" in p]
    assert hits, found
    assert hits[0].split(":")[1] == str(line), hits
    assert field in hits[0], hits


def test_an_expression_literal_too_large_for_a_float_is_refused(tmp_path):
    with pytest.raises(ex.ExpressionError, match="too large"):
        ex.parse("violence > " + "9" * 320)
    found = problems_of(broken_pack(tmp_path, EVENTS, 'weight: "1 + violence / 50"',
                                    f'weight: "1 + {"9" * 320}"'))
    assert any("events[0].weight" in p and "too large" in p for p in found), found
