"""The Council's horseshoe table: fifteen seats, each with its stance as a colour and a letter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

if TYPE_CHECKING:
    from councilgame.tui.app import CouncilApp

LETTER = {"yes": "Y", "no": "N", "abstain": "A", None: "·"}
STYLE = {"yes": "bold green", "no": "bold red", "abstain": "bold yellow", None: "dim"}


@dataclass(frozen=True)
class SeatMark:
    """One seat as the horseshoe draws it (the screen builds it from the view)."""

    code: str
    stance: str | None  # yes, no, abstain, or None when no draft is on the table
    president: bool
    penholder: bool
    permanent: bool
    you: bool


SeatView = SeatMark  # the former name


def seat_label(s: SeatMark) -> Text:
    mark = ("★" if s.president else " ") + ("✎" if s.penholder else " ")
    text = Text(mark)
    code_style = "bold reverse" if s.you else ("bold" if s.permanent else "")
    text.append(s.code, style=code_style)
    text.append(" ")
    text.append(LETTER[s.stance], style=STYLE[s.stance])
    return text


class SeatMap(Static):
    """Seats in the horseshoe, in the order of the rota starting from the president's right."""

    if TYPE_CHECKING:
        app: CouncilApp

    seats: list[SeatMark] = []

    def show(self, seats: list[SeatMark]) -> None:
        self.seats = seats
        self.update(render_horseshoe(seats, self.size.width or 60))

    def on_resize(self) -> None:
        if self.seats:  # re-laid out after this pass: the first layout measured the old text
            self.call_after_refresh(self.show, self.seats)


LEGEND = "★ president  ✎ penholder  bold: permanent  Y yes  N no  A abstain  · no draft"
SHORT_LEGEND = "★ president  ✎ pen  Y/N/A yes/no/abstain"


def render_horseshoe(seats: list[SeatMark], width: int = 60) -> Text:
    """Top: the president's end of the table; the two arms run down, open at the bottom.
    The cells shrink to fit narrow terminals (80 columns and up)."""
    n = len(seats)
    top, rest = seats[:5], seats[5:]
    left, right = rest[: (n - 5) // 2], rest[(n - 5) // 2:][::-1]
    cell = max(8, min(10, (width - 1) // 5))  # a label is 7 columns wide
    indent = max(0, min(4, width - 1 - cell * 5))
    out = Text(" " * indent)
    for s in top:
        out.append_text(seat_label(s))
        out.append(" " * (cell - 7))
    out.rstrip()
    out.append("\n")
    right_col = indent + cell * (len(top) - 1)
    for i in range(max(len(left), len(right))):
        line = Text(" " * max(0, indent - 2))
        if i < len(left):
            line.append_text(seat_label(left[i]))
        if i < len(right):
            line.pad_right(right_col - len(line.plain))
            line.append_text(seat_label(right[i]))
        out.append_text(line)
        out.append("\n")
    # right under the seats, on one line: at 80x24 the status lines must fit below
    out.append(LEGEND if width >= len(LEGEND) else SHORT_LEGEND, style="dim")
    return out
