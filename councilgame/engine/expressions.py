"""A whitelist parser for the short expressions that packs use in conditions and weights.

Packs are data, never code: nothing here calls `eval`. An expression is tokenised and parsed
into a tiny tree (numbers, names, arithmetic, comparisons, and/or/not, and a few functions),
every name is checked against the names the scenario defines, and the tree is compiled into
Python closures over a `lookup` function. Unknown names are load errors with a suggestion.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

MAX_LENGTH = 400
MAX_DEPTH = 40

_TOKEN = re.compile(
    r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)"
    r"|(?P<op><=|>=|==|!=|[-+*/()<>,]))"
)
_KEYWORDS = {"and", "or", "not", "true", "false"}
FUNCTIONS: dict[str, Callable[..., float]] = {
    "min": min,
    "max": max,
    "abs": abs,
    "clip": lambda x, lo, hi: lo if x < lo else hi if x > hi else x,
}
_ARITY = {"min": (2, 8), "max": (2, 8), "abs": (1, 1), "clip": (3, 3)}
_BINARY = {
    "or": 1, "and": 2,
    "<": 4, "<=": 4, ">": 4, ">=": 4, "==": 4, "!=": 4,
    "+": 5, "-": 5, "*": 6, "/": 6,
}


class ExpressionError(ValueError):
    """A pack expression that does not parse or names something unknown."""


@dataclass(frozen=True, slots=True)
class Node:
    kind: str  # num, name, unary, binary, call
    value: object
    args: tuple[Node, ...] = ()


def _tokenise(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            bad = text[pos:].strip()[:1]
            raise ExpressionError(f"unexpected character {bad!r} at position {pos + 1}")
        kind = m.lastgroup or "op"
        value = m.group(kind)
        if kind == "name" and value in _KEYWORDS:
            kind = "kw"
        tokens.append((kind, value))
        pos = m.end()
    return tokens


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]):
        self.tokens = tokens
        self.i = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        tok = self.peek()
        if tok is None:
            raise ExpressionError("the expression ends too early")
        self.i += 1
        return tok

    def expect(self, value: str) -> None:
        tok = self.take()
        if tok[1] != value:
            raise ExpressionError(f"expected {value!r}, found {tok[1]!r}")

    def parse(self, min_prec: int = 0, depth: int = 0) -> Node:
        if depth > MAX_DEPTH:
            raise ExpressionError("the expression is nested too deeply")
        left = self.prefix(depth)
        while (tok := self.peek()) is not None and tok[1] in _BINARY:
            prec = _BINARY[tok[1]]
            if prec < min_prec:
                break
            self.take()
            right = self.parse(prec + 1, depth + 1)
            left = Node("binary", tok[1], (left, right))
        return left

    def prefix(self, depth: int) -> Node:
        kind, value = self.take()
        if kind == "num":
            number = float(value)
            if not math.isfinite(number):  # 309 digits or more: a float cannot hold it
                raise ExpressionError(f"the number {value[:12]}... is too large")
            return Node("num", number)
        if kind == "kw" and value in ("true", "false"):
            return Node("num", 1.0 if value == "true" else 0.0)
        if kind == "kw" and value == "not":
            return Node("unary", "not", (self.parse(3, depth + 1),))
        if value == "-":
            return Node("unary", "-", (self.parse(7, depth + 1),))
        if value == "(":
            inner = self.parse(0, depth + 1)
            self.expect(")")
            return inner
        if kind == "name":
            nxt = self.peek()
            if nxt is not None and nxt[1] == "(":
                return self.call(value, depth)
            return Node("name", value)
        raise ExpressionError(f"unexpected {value!r}")

    def call(self, fname: str, depth: int) -> Node:
        if fname not in FUNCTIONS:
            raise ExpressionError(
                f"unknown function {fname!r} (known: {', '.join(sorted(FUNCTIONS))})"
            )
        self.expect("(")
        args = [self.parse(0, depth + 1)]
        while (tok := self.peek()) is not None and tok[1] == ",":
            self.take()
            args.append(self.parse(0, depth + 1))
        self.expect(")")
        lo, hi = _ARITY[fname]
        if not lo <= len(args) <= hi:
            raise ExpressionError(f"{fname}() takes {lo}..{hi} arguments, got {len(args)}")
        return Node("call", fname, tuple(args))


def parse(text: str) -> Node:
    """Parse an expression into a tree, or raise ExpressionError saying what is wrong."""
    if not isinstance(text, str):
        text = str(text)
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"the expression is longer than {MAX_LENGTH} characters")
    tokens = _tokenise(text)
    if not tokens:
        raise ExpressionError("the expression is empty")
    parser = _Parser(tokens)
    node = parser.parse()
    extra = parser.peek()
    if extra is not None:
        raise ExpressionError(f"unexpected {extra[1]!r} after a complete expression")
    return node


def conjuncts(node: Node) -> list[Node]:
    """The parts of a condition joined by a top-level `and`, in order."""
    out, todo = [], [node]
    while todo:
        part = todo.pop()
        if part.kind == "binary" and part.value == "and":
            todo += [part.args[1], part.args[0]]
        else:
            out.append(part)
    return out


def names(node: Node) -> set[str]:
    """Every variable name an expression reads."""
    if node.kind == "name":
        return {str(node.value)}
    found: set[str] = set()
    for arg in node.args:
        found |= names(arg)
    return found


def suggest(name: str, known: Iterable[str]) -> str:
    """A 'did you mean' hint for a misspelt name, or an empty string."""
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def check(text: str, known: Collection[str],
          hint: Callable[[str, Collection[str]], str] = suggest) -> Node:
    """Parse and check every name against `known`; the error names the first unknown one, with
    `hint`'s 'did you mean' (the pack checker's caches its searches).

    `known` is used as it is when it is a set or a dict: copying it for each of a pack's
    thousands of expressions made validation grow with the square of the number of events."""
    node = parse(text)
    known_set = known if isinstance(known, set | frozenset | dict) else set(known)
    for name in sorted(names(node)):
        if name not in known_set:
            raise ExpressionError(f"unknown variable {name!r}{hint(name, known_set)}")
    return node


Getter = Callable[[list[float]], float]  # reads the game's flat environment


def compile_node(node: Node, resolve: Callable[[str], Getter],
                 index: Callable[[str], int] | None = None) -> Getter:
    """Turn a checked tree into a closure `f(state) -> float`; `resolve` maps a name to a getter.
    With `index` (a name's place in the flat environment), a comparison of a name with a number,
    the most common condition in packs, reads the environment directly: the same value with
    two calls fewer, in the loop that tests every event's condition every month."""
    kind = node.kind
    if kind == "num":
        v = float(node.value)  # type: ignore[arg-type]
        return lambda s: v
    if kind == "name":
        return resolve(str(node.value))
    if index is not None and kind == "binary" and str(node.value) in _NAME_NUM:
        left, right = node.args
        if left.kind == "name" and right.kind == "num":
            return _NAME_NUM[str(node.value)](index(str(left.value)), float(right.value))  # type: ignore[arg-type]
    args = [compile_node(a, resolve, index) for a in node.args]
    if kind == "unary":
        (a,) = args
        if node.value == "not":
            return lambda s: 0.0 if a(s) else 1.0
        return lambda s: -a(s)
    if kind == "call":
        fn = FUNCTIONS[str(node.value)]
        return lambda s: float(fn(*(g(s) for g in args)))
    a, b = args
    return _BINARY_IMPL[str(node.value)](a, b)


def _div(a: Getter, b: Getter) -> Getter:
    def f(s: list[float]) -> float:
        d = b(s)
        return a(s) / d if d else 0.0

    return f


_BINARY_IMPL: dict[str, Callable[[Getter, Getter], Getter]] = {
    "or": lambda a, b: lambda s: 1.0 if (a(s) or b(s)) else 0.0,
    "and": lambda a, b: lambda s: 1.0 if (a(s) and b(s)) else 0.0,
    "<": lambda a, b: lambda s: 1.0 if a(s) < b(s) else 0.0,
    "<=": lambda a, b: lambda s: 1.0 if a(s) <= b(s) else 0.0,
    ">": lambda a, b: lambda s: 1.0 if a(s) > b(s) else 0.0,
    ">=": lambda a, b: lambda s: 1.0 if a(s) >= b(s) else 0.0,
    "==": lambda a, b: lambda s: 1.0 if a(s) == b(s) else 0.0,
    "!=": lambda a, b: lambda s: 1.0 if a(s) != b(s) else 0.0,
    "+": lambda a, b: lambda s: a(s) + b(s),
    "-": lambda a, b: lambda s: a(s) - b(s),
    "*": lambda a, b: lambda s: a(s) * b(s),
    "/": _div,
}


_NAME_NUM: dict[str, Callable[[int, float], Getter]] = {
    "<": lambda i, v: lambda s: 1.0 if s[i] < v else 0.0,
    "<=": lambda i, v: lambda s: 1.0 if s[i] <= v else 0.0,
    ">": lambda i, v: lambda s: 1.0 if s[i] > v else 0.0,
    ">=": lambda i, v: lambda s: 1.0 if s[i] >= v else 0.0,
    "==": lambda i, v: lambda s: 1.0 if s[i] == v else 0.0,
    "!=": lambda i, v: lambda s: 1.0 if s[i] != v else 0.0,
}


def bounds(node: Node, ranges: dict[str, tuple[float, float]]) -> tuple[float, float]:
    """Interval arithmetic: the range an expression can take given each name's range.

    Used by validation to warn about conditions that can never hold.
    """
    kind = node.kind
    if kind == "num":
        v = float(node.value)  # type: ignore[arg-type]
        return v, v
    if kind == "name":
        return ranges.get(str(node.value), (float("-inf"), float("inf")))
    sub = [_sane(bounds(a, ranges)) for a in node.args]
    op = str(node.value)
    if kind == "unary":
        lo, hi = sub[0]
        if op == "not":
            can_false, can_true = _can(sub[0])
            return _truth(can_true, can_false)  # false where its operand is true, and so on
        return -hi, -lo
    if kind == "call" or op in ("/",):
        return float("-inf"), float("inf")
    (alo, ahi), (blo, bhi) = sub
    if op == "+":
        return alo + blo, ahi + bhi
    if op == "-":
        return alo - bhi, ahi - blo
    if op == "*":
        products = [alo * blo, alo * bhi, ahi * blo, ahi * bhi]
        products = [p for p in products if p == p]
        return (min(products), max(products)) if products else (float("-inf"), float("inf"))
    if op in ("and", "or"):
        (af, at), (bf, bt) = _can(sub[0]), _can(sub[1])
        if op == "and":
            return _truth(af or bf, at and bt)
        return _truth(af and bf, at or bt)
    can_true = {
        "<": alo < bhi, "<=": alo <= bhi, ">": ahi > blo, ">=": ahi >= blo,
        "==": alo <= bhi and blo <= ahi, "!=": not (alo == ahi == blo == bhi),
    }[op]
    can_false = {
        "<": ahi >= blo, "<=": ahi > blo, ">": alo <= bhi, ">=": alo < bhi,
        "==": not (alo == ahi == blo == bhi), "!=": alo <= bhi and blo <= ahi,
    }[op]
    return _truth(can_false, can_true)


def _sane(rng: tuple[float, float]) -> tuple[float, float]:
    """An interval with a NaN end (from inf - inf) says nothing: take it as unbounded."""
    lo, hi = rng
    return rng if lo == lo and hi == hi else (float("-inf"), float("inf"))


def _can(rng: tuple[float, float]) -> tuple[bool, bool]:
    """Whether a value in this interval can be false (0), and whether it can be true (not 0)."""
    lo, hi = rng
    return lo <= 0.0 <= hi, not lo == hi == 0.0


def _truth(can_false: bool, can_true: bool) -> tuple[float, float]:
    """The interval of a condition: 0..1, or 0..0 (never holds), or 1..1 (always holds)."""
    return (0.0 if can_false else 1.0), (1.0 if can_true else 0.0)
