"""The whitelist expression parser: what it accepts, what it refuses, how it evaluates."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from councilgame.engine import expressions as ex

NAMES = {"violence": 0, "flags.alarm": 1, "ops.fc_g5s.active": 2}
ENV = [60.0, 0.0, 1.0]


def evaluate(text: str, env=ENV) -> float:
    node = ex.check(text, NAMES)
    return ex.compile_node(node, lambda n: (lambda e, i=NAMES[n]: e[i]))(env)


@pytest.mark.parametrize(("text", "value"), [
    ("1 + 2 * 3", 7.0),
    ("(1 + 2) * 3", 9.0),
    ("-violence + 100", 40.0),
    ("violence > 50 and not flags.alarm", 1.0),
    ("violence > 50 and flags.alarm", 0.0),
    ("flags.alarm or ops.fc_g5s.active", 1.0),
    ("min(violence, 10) + max(1, 2, 3)", 13.0),
    ("clip(violence, 0, 50)", 50.0),
    ("abs(-3)", 3.0),
    ("violence / 0", 0.0),
    ("true", 1.0),
    ("violence >= 60 == 1", 1.0),
])
def test_evaluation(text, value):
    assert evaluate(text) == value


@pytest.mark.parametrize(("text", "message"), [
    ("violense > 3", "unknown variable 'violense' (did you mean 'violence'?)"),
    ("violence >", "ends too early"),
    ("violence > 3 3", "unexpected"),
    ("__import__('os')", "unexpected character"),
    ("__import__(1)", "unknown function '__import__'"),
    ("violence; 1", "unexpected character ';'"),
    ("open(1)", "unknown function 'open'"),
    ("x" * 500, "longer than"),
    ("", "empty"),
    ("min(1)", "takes 2..8 arguments"),
    ("(" * 60 + "1" + ")" * 60, "nested too deeply"),
])
def test_refusals(text, message):
    with pytest.raises(ex.ExpressionError, match=re.escape(message)):
        ex.check(text, NAMES)


def test_attribute_access_and_strings_are_not_expressions():
    for text in ("violence.__class__", "'a'", "violence[0]", "lambda: 1"):
        with pytest.raises(ex.ExpressionError):
            ex.check(text, NAMES)


def test_bounds_show_conditions_that_can_never_hold():
    ranges = {"violence": (0.0, 100.0)}
    assert ex.bounds(ex.parse("violence > 150"), ranges) == (0.0, 0.0)
    assert ex.bounds(ex.parse("violence > 50"), ranges) == (0.0, 1.0)
    assert ex.bounds(ex.parse("violence >= 0"), ranges) == (1.0, 1.0)


@given(st.integers(-1000, 1000), st.integers(-1000, 1000))
def test_arithmetic_matches_python(a, b):
    assert evaluate(f"{abs(a)} + {abs(b)} * 2") == abs(a) + abs(b) * 2
    assert evaluate(f"{abs(a)} < {abs(b)}") == float(abs(a) < abs(b))
