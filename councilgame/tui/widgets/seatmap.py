"""The Council's horseshoe table: fifteen seats, each with its stance as a colour and a letter."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

LETTER = {"yes": "Y", "no": "N", "abstain": "A", None: "·"}
STYLE = {"yes": "bold green", "no": "bold red", "abstain": "bold yellow", None: "dim"}


@dataclass(frozen=True)
class SeatView:
    code: str
    stance: str | None  # yes, no, abstain, or None when no draft is on the table
    president: bool
    penholder: bool
    permanent: bool
    you: bool


def seat_label(s: SeatView) -> Text:
    mark = ("★" if s.president else " ") + ("✎" if s.penholder else " ")
    text = Text(mark)
    code_style = "bold reverse" if s.you else ("bold" if s.permanent else "")
    text.append(s.code, style=code_style)
    text.append(" ")
    text.append(LETTER[s.stance], style=STYLE[s.stance])
    return text


class SeatMap(Static):
    """Seats in the horseshoe, in the order of the rota starting from the president's right."""

    def show(self, seats: list[SeatView]) -> None:
        self.update(render_horseshoe(seats))


def render_horseshoe(seats: list[SeatView]) -> Text:
    """Top: the president's end of the table; the two arms run down, open at the bottom."""
    n = len(seats)
    top, rest = seats[:5], seats[5:]
    left, right = rest[: (n - 5) // 2], rest[(n - 5) // 2:][::-1]
    cell = 8
    out = Text()
    out.append(" " * 5)
    for s in top:
        out.append_text(seat_label(s))
        out.append(" " * (cell - 6))
    out.append("\n")
    width = 5 + cell * len(top)
    for i in range(max(len(left), len(right))):
        line = Text("  ")
        if i < len(left):
            line.append_text(seat_label(left[i]))
        line.pad_right(width - 6 - len(line.plain))
        if i < len(right):
            line.append_text(seat_label(right[i]))
        out.append_text(line)
        out.append("\n")
    out.append("\n★ president  ✎ penholder  bold: permanent  Y yes  N no  A abstain  · no draft",
               style="dim")
    return out
