"""Gauges with their history as sparklines."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Sparkline


class GaugeRow(Horizontal):
    def __init__(self, key: str, name: str, good: str):
        super().__init__(classes="gauge-row")
        self.key, self.label_text, self.good = key, name, good

    def compose(self) -> ComposeResult:
        yield Label(self.label_text, classes="gauge-name")
        yield Label("", classes="gauge-value")
        yield Sparkline([], classes=f"gauge-spark good-{self.good}")

    def show(self, values: list[float]) -> None:
        value = values[-1] if values else 0.0
        delta = values[-1] - values[-2] if len(values) > 1 else 0.0
        arrow = "▲" if delta > 0.5 else "▼" if delta < -0.5 else "="
        self.query_one(".gauge-value", Label).update(f"{value:5.0f} {arrow}")
        # a single point would draw as a full bar: the history starts with the second month
        self.query_one(Sparkline).data = values if len(values) > 1 else []


class GaugePanel(Vertical):
    """One row per shown gauge: name, value with its trend arrow, sparkline."""

    def __init__(self, rows: list[tuple[str, str, str]], **kwargs):
        super().__init__(**kwargs)
        self.rows = rows

    def compose(self) -> ComposeResult:
        for key, name, good in self.rows:
            yield GaugeRow(key, name, good)

    def show(self, history: dict[str, list[float]]) -> None:
        for row in self.query(GaugeRow):
            row.show(history.get(row.key, []))
