"""Gauges with their history as sparklines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label

from councilgame.play.views import GaugeView

if TYPE_CHECKING:
    from councilgame.tui.app import CouncilApp

BLOCKS = "▁▂▃▄▅▆▇█"


def spark(values: list[float], good: str, lo: float = 0.0, hi: float = 100.0, width: int = 12) -> Text:
    """A sparkline on the gauge's own scale (0..100), so a small change looks small; the last
    point is coloured by whether the gauge moved the good or the bad way."""
    values = values[-width:]
    t = Text()
    span = (hi - lo) or 1.0
    for i, v in enumerate(values):
        level = int(round((min(max(v, lo), hi) - lo) / span * (len(BLOCKS) - 1)))
        style = "dim"
        if i == len(values) - 1 and len(values) > 1:
            up = v > values[-2] + 0.5
            down = v < values[-2] - 0.5
            better = (up and good == "high") or (down and good == "low")
            worse = (down and good == "high") or (up and good == "low")
            style = "bold green" if better else "bold red" if worse else ""
        t.append(BLOCKS[level], style=style)
    return t


class GaugeRow(Horizontal):
    if TYPE_CHECKING:
        app: CouncilApp

    def __init__(self, gauge: GaugeView):
        super().__init__(classes="gauge-row")
        self.key, self.good = gauge.var, gauge.good
        self.names = (gauge.label, gauge.short)
        self.tooltip = f"{gauge.label}: {GOOD_END.get(gauge.good, 'neither end is better')}"

    def compose(self) -> ComposeResult:
        yield Label(self._label_for(room=0), classes="gauge-name")
        yield Label("", classes="gauge-value")
        yield Label("", classes="gauge-spark")

    def show(self, values: list[float]) -> None:
        value = values[-1] if values else 0.0
        # the arrow compares what is shown: 70 after 70 is "=", whatever the decimals
        delta = round(values[-1]) - round(values[-2]) if len(values) > 1 else 0
        arrow = "▲" if delta > 0 else "▼" if delta < 0 else "=" if len(values) > 1 else " "
        self.query_one(".gauge-value", Label).update(f"{value:4.0f} {arrow}")
        self.query_one(".gauge-spark", Label).update(spark(values, self.good))

    def _label_for(self, room: int) -> str:
        """The name after the mark of its good end (+ higher is better, − lower is): the full
        name where it fits in `room` columns, else the short one, so no name wraps."""
        name = self.names[0] if len(self.names[0]) + 2 <= room else self.names[1]
        return f"{MARK.get(self.good, ' ')} {name}"

    def fit(self, room: int) -> None:
        self.query_one(".gauge-name", Label).update(self._label_for(room))


MARK = {"high": "+", "low": "−"}
GOOD_END = {"high": "higher is better", "low": "lower is better"}
LEGEND = "+ higher is better · − lower"


class GaugePanel(Vertical):
    """One row per shown gauge: name, value with its trend arrow, sparkline. Built from the
    view's gauges; `show` takes the gauges of a fresh view."""

    if TYPE_CHECKING:
        app: CouncilApp

    def __init__(self, gauges: list[GaugeView], **kwargs):
        super().__init__(**kwargs)
        self.gauges = gauges

    def compose(self) -> ComposeResult:
        for gauge in self.gauges:
            yield GaugeRow(gauge)

    def on_mount(self) -> None:
        self.border_subtitle = LEGEND

    def show(self, gauges: list[GaugeView]) -> None:
        if gauges and not self.query(GaugeRow):  # built before its first view (a join screen)
            self.gauges = gauges
            self.mount_all(GaugeRow(g) for g in gauges)
            self.call_after_refresh(self.on_resize)
            self.call_after_refresh(self.show, gauges)  # the values, once the rows are up
            return
        history = {g.var: g.history for g in gauges}
        for row in self.query(GaugeRow):
            row.show(history.get(row.key, []))

    def on_resize(self) -> None:
        """A narrow panel (an 80-column terminal) gives the names the room of the sparklines,
        and short names, so no name is cut; the history is in the debrief and on the wide layout."""
        narrow = self.size.width < NARROW
        self.set_class(narrow, "narrow")
        # the room a scrollbar takes is kept free: it appears after this size is known
        room = self.content_region.width - VALUE_WIDTH - (0 if narrow else SPARK_WIDTH) - SCROLLBAR
        for row in self.query(GaugeRow):
            row.fit(room)


NARROW = 44  # columns under which the sparklines are left out
VALUE_WIDTH, SPARK_WIDTH, SCROLLBAR = 6, 12, 2  # as the stylesheet sets them
