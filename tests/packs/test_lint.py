"""Mistakes the loader accepted silently: plain ones are errors (a division by a constant 0, a
weight that is always negative)."""

from __future__ import annotations

import pytest

from tests.packs.test_loader import EVENTS, broken_pack, problems_of

WEIGHT = 'weight: "1 + violence / 50"'
ERRORS = [
    (EVENTS, WEIGHT, 'weight: "1 + violence / 0"', 6, "events[0].weight: division by zero"),
    (EVENTS, WEIGHT, f'{WEIGHT}\n    when: "tension / (2 - 2) > 1"', 7,
     "events[0].when: division by zero"),
    (EVENTS, WEIGHT, 'weight: "-1"', 6, "events[0].weight: a weight cannot be negative"),
    (EVENTS, WEIGHT, 'weight: "0 - violence - 1"', 6, "at most -1, so the event is never drawn"),
    (EVENTS, 'ai_weight: "2"', 'ai_weight: "-2"', 19,
     "events[1].choice.options[1].ai_weight: a weight cannot be negative"),
]


@pytest.mark.parametrize(("file", "old", "new", "line", "says"), ERRORS, ids=[e[4][:36] for e in ERRORS])
def test_plain_mistakes_in_expressions_are_errors(tmp_path, file, old, new, line, says):
    found = problems_of(broken_pack(tmp_path, file, old, new))
    hits = [p for p in found if says in p]
    assert hits and hits[0].split(":")[1] == str(line), found
