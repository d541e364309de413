"""Plain mistakes inside one expression, found once it parses: a division by a divisor that is
always 0 (the engine counts such a division as 0, so a weight or condition built on it silently
never fires), and a weight that is always negative (the engine counts it as 0: never drawn)."""

from __future__ import annotations

from councilgame.engine import expressions as ex


def constant(node: ex.Node) -> float | None:
    """The value of an expression that reads no name, as the engine computes it; else None."""
    if ex.names(node):
        return None
    return ex.compile_node(node, _no_names)([])


def _no_names(name: str) -> ex.Getter:
    raise AssertionError(f"constant() reached the name {name!r}")  # names() said there are none


def zero_divisor(node: ex.Node) -> ex.Node | None:
    """The first divisor, in reading order, that is a constant 0 (e.g. `/ 0`, `/ (2 - 2)`)."""
    stack = [node]
    while stack:
        cur = stack.pop()
        if cur.kind == "binary" and cur.value == "/" and constant(cur.args[1]) == 0.0:
            return cur.args[1]
        stack.extend(reversed(cur.args))
    return None


def always_negative(node: ex.Node, ranges: dict[str, tuple[float, float]]) -> float | None:
    """The highest value a weight can take, when even that is below 0; else None."""
    _, hi = ex.bounds(node, ranges)
    return hi if hi < 0 else None
