"""Pack problems, each naming file, line and field, so an author can go straight to it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    field: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:"
        field = f" {self.field}:" if self.field else ""
        prefix = " warning:" if self.severity == "warning" else ""
        return f"{where}{prefix}{field} {self.message}"


class PackError(Exception):
    """One or more problems that stop a pack from loading."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class ScenarioUnavailable(PackError):
    """A scenario whose pack (or a pack it extends) failed to load: one sentence, then the
    first few problems, so that `run`, `play` and `simulate` say why instead of 'unknown'."""

    SHOWN = 3

    def __init__(self, scenario: str, root: str, problems: list[Problem]):
        super().__init__(problems)
        self.scenario, self.root = scenario, root
        more = len(self.problems) - self.SHOWN
        lines = [f"scenario {scenario!r} cannot be played: its pack in {root} failed to load "
                 f"(councilgame packs validate {root} lists every problem)."]
        lines += [str(p) for p in self.problems[: self.SHOWN]]
        lines += [f"... and {more} more"] if more > 0 else []
        self.args = ("\n".join(lines),)

    def __str__(self) -> str:
        return str(self.args[0])


def field_path(loc: tuple[str | int, ...]) -> str:
    """('events', 3, 'weight') -> 'events[3].weight'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out
