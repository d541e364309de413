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


def field_path(loc: tuple[str | int, ...]) -> str:
    """('events', 3, 'weight') -> 'events[3].weight'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out
