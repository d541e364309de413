"""The operations in the field: every UN mission and parallel operation, deployed or possible,
with what the Council has given it (authorization, mandate, compliance, funding) and its
strength. All of it is public: it comes from the view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from councilgame.play.view_models import OperationView

if TYPE_CHECKING:
    from councilgame.tui.app import CouncilApp

AUTHORITY = {"chapter7": "authorized under Chapter VII (Art. 42)",
             "chapter8": "authorized under Chapter VIII (Art. 53(1))",
             "endorsed": "endorsed by the Council, not authorized",
             "welcomed": "welcomed by the Council, not authorized",
             "none": "no Council authorization"}
FUNDING = {"assessed": "assessed UN contributions", "trust_fund": "a voluntary trust fund",
           "own": "its contributors' own", "none": "none"}
COMPLIANCE = {"none": "none", "regional": "the regional organisation's",
              "un": "a UN framework"}


def operation_text(op: OperationView) -> Text:
    """One operation's card: who leads it, on what authority, for how long, with what."""
    t = Text(f"{op.short} — {op.name}", style="bold")
    state = "in the field" if op.active else "not deployed"
    t.append(f"\n  {state} · led by {op.led_by_name or op.led_by}")
    t.append(f" · {AUTHORITY.get(op.authorization, op.authorization)}")
    if op.active and op.mandate is not None:
        t.append(f" · mandate: {op.mandate} month{'s' if op.mandate != 1 else ''} left")
    strength = [f"{n:,} {what}" for n, what in ((op.troops, "troops"), (op.police, "police"),
                                                (op.observers, "observers")) if n]
    if strength:
        t.append("\n  " + ", ".join(strength))
    t.append(f"\n  host consent: {'yes' if op.consent else 'no'} · human-rights compliance: "
             f"{COMPLIANCE.get(op.compliance, op.compliance)} · funding: "
             f"{FUNDING.get(op.funding, op.funding)}")
    if op.description:
        t.append(f"\n  {op.description}", style="dim")
    return t


SHORT_AUTHORITY = {"chapter7": "Chapter VII", "chapter8": "Art. 53", "endorsed": "endorsed",
                   "welcomed": "welcomed", "none": "no authorization"}


def in_force(ops: list[OperationView], targets: set[str]) -> Text | None:
    """What the Council has already given the operations a draft can touch (`targets`, by
    short name): a line each, for a penholder re-drafting a file; None if none is deployed."""
    lines = [op for op in ops if op.active and op.short in targets]
    if not lines:
        return None
    t = Text("In force", style="bold")
    t.append(" (m: operations)", style="dim")
    for op in lines:
        t.append(f"\n{op.short}: ", style="bold")
        t.append(SHORT_AUTHORITY.get(op.authorization, op.authorization))
        if op.mandate is not None:
            t.append(f", {op.mandate} month{'s' if op.mandate != 1 else ''} left")
        t.append(f"; compliance {SHORT_COMPLIANCE.get(op.compliance, op.compliance)}; "
                 f"{SHORT_FUNDING.get(op.funding, op.funding)}")
    return t


SHORT_COMPLIANCE = {"none": "none", "regional": "regional", "un": "UN framework"}
SHORT_FUNDING = {"assessed": "assessed funding", "trust_fund": "trust fund", "own": "own funds",
                 "none": "no funding"}


class OperationsScreen(Screen):
    if TYPE_CHECKING:
        app: CouncilApp

    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def compose(self) -> ComposeResult:
        view = self.app.session.view()
        ops = sorted(view.operations, key=lambda o: (not o.active, o.short))
        yield Header()
        with VerticalScroll(id="ops", classes="box"):
            for op in ops:
                yield Static(operation_text(op), classes="seat-card")
            if not ops:
                yield Static("No operation in this scenario.")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#ops").border_title = "Operations: in the field first"
