"""Consultations: lobby, offer deals, propose amendments, signal a veto; then go to the vote.
What each key may do comes from the game (`legal_actions`), never from rules kept here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Header, OptionList, RichLog, Static
from textual.widgets.option_list import Option

from councilgame.play import (
    Amend,
    AnswerDeal,
    CoSponsor,
    Deal,
    Done,
    Lobby,
    Message,
    ProposeStatement,
    PublicView,
    SeatView,
    SignalVeto,
    TableDraft,
    Withdraw,
)
from councilgame.play import queries as views
from councilgame.play.view_models import DealView
from councilgame.tui.widgets.dialogs import TextPrompt
from councilgame.tui.widgets.tutorial import TutorialNote
from councilgame.tui.widgets.whip import WhipCount

if TYPE_CHECKING:
    from councilgame.tui.app import CouncilApp


def private_panel(view: SeatView) -> Text:
    """What only the acting seat may see: capital, objectives, deals offered, messages."""
    t = Text(f"{view.name_of(view.seat)}: political capital {view.capital}\n", style="bold")
    for o in view.objectives:
        t.append(f"  {'✔' if o.met else '◆'} {o.text}\n", style="green" if o.met else "")
    return dealings(view, t, "k accepts, x declines.")


def dealings(view: SeatView, t: Text, how_to_answer: str) -> Text:
    """The seat's deals (one offered to it first, with `how_to_answer`) and the messages it
    received, appended to `t`."""
    for d in view.deals:
        if d.waiting_for_you:
            t.append(f"Deal offered by {d.seat}: its vote on your next draft for your yes on "
                     f"{d.draft}. {how_to_answer}\n", style="bold yellow")
        elif d.status == "open":
            t.append(f"Deal ({d.file}, month {d.month}): {deal_terms(d, view.seat)}\n")
    for m in view.messages:
        if m.target == view.seat:
            t.append(f"Message from {m.seat}: {m.text}\n", style="italic")
    return t


def deal_terms(d: DealView, seat: str) -> str:
    """An open deal's terms as the seat sees them, until it is settled."""
    if d.seat == seat:
        return f"you owe {d.target} a yes on its next draft."
    return f"{d.seat} owes you a yes on your next draft."


def draft_keys(view: PublicView) -> list[str]:
    """The clauses of the draft on the table."""
    return [c.key for c in view.draft.clauses] if view.draft is not None else []


def draft_text(view: PublicView, offers: list[views.OfferView]) -> Text:
    """The draft on the table, its clauses in drafting order (`offers`: the file's offers)."""
    d = view.draft
    f = view.file(d.file)
    rival = "Rival draft" if d.symbol.count("/") >= 2 else "Draft"
    t = Text(f"{rival} by {view.name_of(d.sponsor)} on {f.title if f else d.file}\n", style="bold")
    keys = draft_keys(view)
    for o in offers:
        if o.key in keys:
            t.append(f"• {o.title}" + (f" → {o.target}" if o.target else "") + "\n")
    return t


class AmendScreen(ModalScreen[str | None]):
    """Pick a clause to delete from the draft, or one to add: the amendments the game takes."""

    if TYPE_CHECKING:
        app: CouncilApp

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, offers: list[views.OfferView], amends: dict[str, bool]):
        super().__init__()
        self.offers, self.amends = offers, amends  # amends: offer key -> remove

    def compose(self) -> ComposeResult:
        options = []
        for o in self.offers:
            if o.key not in self.amends:
                continue
            verb = "Delete" if self.amends[o.key] else "Add"
            target = f" → {o.target}" if o.target else ""
            label = f"Insert the clause “{o.title}”" if verb == "Add" else f"Delete the clause “{o.title}”"
            options.append(Option(f"{label}{target}", id=f"{verb.lower()}|{o.key}"))
        with Vertical(classes="dialog"):
            yield Static("Propose an amendment (voted before the draft)", classes="dialog-title")
            yield OptionList(*options)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class ConsultScreen(Screen):
    if TYPE_CHECKING:
        app: CouncilApp

    ONE_OF = (("r", "e"),)  # rival for the others, revise for the penholder (check_action)
    BINDINGS = [
        Binding("c", "done", "Vote"),
        Binding("l", "lobby", "Lobby"),
        Binding("o", "deal", "Deal"),
        Binding("a", "amend", "Amend"),
        Binding("r", "rival", "Rival"),
        Binding("e", "revise", "Revise",
                tooltip="Withdraw your draft to edit it; consultations start again on the new text"),
        Binding("v", "veto", "Veto signal"),
        Binding("m", "message", "Note",
                tooltip="Send a sealed note to another player's seat; it opens at the debrief"),
        Binding("s", "cosponsor", "Co-sponsor", show=False),
        Binding("p", "statement", "Broker a statement", show=False),
        Binding("k", "answer_deal(True)", "Accept deal", show=False),
        Binding("x", "answer_deal(False)", "Decline deal", show=False),
        Binding("escape", "back", "Chamber", show=False),
        Binding("f1", "app.help", "Help", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="consult-left", classes="box"):
                yield Static(id="draft-text")
                yield Static(id="capital")
                # min_width: wrap at the pane's width, not at 78 columns and crop the rest
                yield RichLog(id="consult-news", wrap=True, markup=False, min_width=20)
            yield WhipCount(id="whip", classes="box")
        yield TutorialNote("consult")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#consult-left").border_title = "Consultations"
        whip = self.query_one("#whip")
        whip.border_title = "Whip count"
        whip.border_subtitle = "↑↓ choose a member"  # whom l lobbies or o offers a deal
        self.refresh_view()
        self.query_one("#whip-table").focus()  # the arrow keys choose whom to lobby or message

    def refresh_view(self) -> None:
        session = self.app.session
        view = session.view()
        self.refresh_bindings()  # in hot-seat play the seat at the keyboard may have changed
        if view.draft is None:
            return
        self.query_one("#draft-text", Static).update(draft_text(view, self._offers(view)))
        private = isinstance(view, SeatView)
        self.query_one("#capital", Static).update(private_panel(view) if private else Text())
        if private and view.whip is not None:
            self.query_one(WhipCount).show(view.whip, session.seat, view.lobbying)
        log = self.query_one("#consult-news", RichLog)
        log.clear()
        for item in [n for n in view.news if n.month == view.month][-8:]:
            log.write(f"• {item.text}")

    def _offers(self, view: PublicView) -> list[views.OfferView]:
        return views.offers(self.app.session.game, view.draft.file)

    def _target(self) -> str | None:
        table = self.query_one("#whip-table", DataTable)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _refused(self, action, allowed: bool) -> bool:
        """Tell the player why the game would not take `action` (when not `allowed`)."""
        if allowed:
            return False
        self.notify(self.app.session.refusal(action) or "The game does not take that now.",
                    severity="warning")
        return True

    def _send_to(self, kind: str, action) -> None:
        """Send an action naming a member, if the game lets this seat name that member."""
        if not self._refused(action, action.target in self.app.session.legal_targets(kind)):
            self.app.send(action, stay=True)

    def action_lobby(self) -> None:
        target = self._target()
        if target:
            self._send_to("lobby", Lobby(seat=self.app.session.seat, target=target, points=1))

    def action_deal(self) -> None:
        target = self._target()
        if target:
            self._send_to("deal", Deal(seat=self.app.session.seat, target=target))

    def _move(self, action, note: str = "") -> None:
        """Send a move that names nobody (a signal, a co-sponsorship, an offer to broker)."""
        if not self._refused(action, action.kind in self.app.session.legal_kinds()):
            self.app.send(action, stay=True)
            if note:
                self.notify(note)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys a seat can never use are not offered: only a permanent member signals a veto,
        and sealed messages go to other players' seats (none in a solo game)."""
        session = self.app.session
        if action == "veto":
            return session is not None and session.is_permanent
        if action == "message":
            return session is not None and len(session.humans) > 1
        if action in ("rival", "revise"):  # the penholder revises its text; the others rival it
            draft = session.view().draft if session is not None else None
            own = draft is not None and draft.sponsor == session.seat
            return own if action == "revise" else not own
        return True

    def action_veto(self) -> None:
        self._move(SignalVeto(seat=self.app.session.seat))

    def action_amend(self) -> None:
        session = self.app.session
        view = session.view()
        if view.draft is None:
            return
        amends = {a.offer: a.remove for a in session.legal() if isinstance(a, Amend)}

        def chosen(choice: str | None) -> None:
            if choice:
                verb, key = choice.split("|", 1)
                self.app.send(Amend(seat=session.seat, offer=key, remove=verb == "delete"),
                              stay=True)
                self.notify("Amendment tabled: it is voted before the draft.")

        self.app.push_screen(AmendScreen(self._offers(view), amends), chosen)

    def action_message(self) -> None:
        target = self._target()
        session = self.app.session
        if not target:
            return
        probe = Message(seat=session.seat, target=target, text="…")
        if self._refused(probe, target in session.legal_targets("message")):
            return

        def sent(text: str | None) -> None:
            if text:
                self.app.send(Message(seat=session.seat, target=target, text=text[:500]), stay=True)
                self.notify(f"Sealed message sent to {target}.")

        name = session.view().name_of(target)
        self.app.push_screen(TextPrompt(f"Private message to {name}:"), sent)

    def action_answer_deal(self, accept: bool) -> None:
        session = self.app.session
        answers = [a for a in session.legal() if isinstance(a, AnswerDeal) and a.accept == accept]
        if not answers:
            self.notify("No deal is waiting for your answer.")
            return
        self.app.send(answers[0], stay=True)
        self.notify("Deal accepted." if accept else "Deal declined.")

    def action_rival(self) -> None:
        from councilgame.tui.screens.drafting import DraftingScreen

        session = self.app.session
        view = session.view()
        if view.draft is None:
            return
        probe = TableDraft(seat=session.seat, offers=draft_keys(view))
        if self._refused(probe, "table" in session.legal_kinds()):
            return
        self.app.push_screen(DraftingScreen(view.draft.file, rival=True))

    def action_revise(self) -> None:
        session = self.app.session
        probe = Withdraw(seat=session.seat)
        if self._refused(probe, "withdraw" in session.legal_kinds()):
            return
        self.app.confirm("Withdraw your draft to revise it? Amendments moved on it lapse, and "
                         "consultations start again on the text you table.",
                         lambda: self.app.send(probe))

    def action_cosponsor(self) -> None:
        self._move(CoSponsor(seat=self.app.session.seat),
                   "You co-sponsor the draft: you owe it your yes.")

    def action_statement(self) -> None:
        self._move(ProposeStatement(seat=self.app.session.seat),
                   "Should no resolution pass, you will broker a presidential statement.")

    def action_done(self) -> None:
        self.app.send(Done(seat=self.app.session.seat))

    def action_back(self) -> None:
        self.app.pop_screen()
