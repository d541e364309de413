"""Consultations: lobby, offer deals, propose amendments, signal a veto; then go to the vote."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Header, OptionList, RichLog, Static
from textual.widgets.option_list import Option

from councilgame.engine.actions import Amend, AnswerDeal, Deal, Done, Lobby, Message, SignalVeto
from councilgame.play import queries as views
from councilgame.tui.widgets.dialogs import TextPrompt
from councilgame.tui.widgets.tutorial import TutorialNote
from councilgame.tui.widgets.whip import WhipCount


def private_panel(session) -> Text:
    """What only the acting seat may see: capital, objectives, deals offered, messages."""
    game = session.game
    t = Text(f"{session.name_of(session.seat)}: political capital "
             f"{game.state.capital[session.seat]}\n", style="bold")
    for text, met in views.objective_status(game, session.seat):
        t.append(f"  {'✔' if met else '◆'} {text}\n", style="green" if met else "")
    for _, d in session.game.state.deals_waiting(session.seat):
        t.append(f"Deal offered by {d.seat}: its vote on your next draft for your yes on {d.draft}. "
                 "k accepts, x declines.\n", style="bold yellow")
    for m in game.state.messages:
        if m.target == session.seat:
            t.append(f"Message from {m.seat}: {m.text}\n", style="italic")
    return t


def draft_keys(game) -> list[str]:
    d = views.current_draft(game)
    return [o.key for k, o in enumerate(game.comp.files[d.file].offers) if d.selected[k]]


def draft_text(game) -> Text:
    d = views.current_draft(game)
    f = game.comp.files[d.file]
    t = Text(f"{d.symbol} on {f.title}, sponsored by {d.sponsor}\n", style="bold")
    for o in views.offers(game, d.file):
        if o.key in draft_keys(game):
            t.append(f"• {o.title}" + (f" → {o.target}" if o.target else "") + "\n")
    return t


class AmendScreen(ModalScreen[str | None]):
    """Pick a clause to delete from the draft, or one to add."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def compose(self) -> ComposeResult:
        game = self.app.session.game
        keys = draft_keys(game)
        options = []
        for o in views.offers(game, views.current_draft(game).file):
            verb = "Delete" if o.key in keys else "Add"
            target = f" → {o.target}" if o.target else ""
            options.append(Option(f"{verb}: {o.title}{target}", id=f"{verb.lower()}|{o.key}"))
        with Vertical(classes="dialog"):
            yield Static("Propose an amendment (voted before the draft)", classes="dialog-title")
            yield OptionList(*options)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class ConsultScreen(Screen):
    BINDINGS = [
        Binding("c", "done", "Vote now"),
        Binding("l", "lobby", "Lobby"),
        Binding("o", "deal", "Deal"),
        Binding("a", "amend", "Amend"),
        Binding("r", "rival", "Rival draft"),
        Binding("v", "veto", "Veto signal"),
        Binding("m", "message", "Message"),
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
                yield RichLog(id="consult-news", wrap=True, markup=False)
            yield WhipCount(id="whip", classes="box")
        yield TutorialNote("consult")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#consult-left").border_title = "Consultations"
        self.query_one("#whip").border_title = "Whip count (select a member)"
        self.refresh_view()
        self.query_one("#whip-table").focus()  # the arrow keys choose whom to lobby or message

    def refresh_view(self) -> None:
        session = self.app.session
        game = session.game
        if views.current_draft(game) is None:
            return
        self.query_one("#draft-text", Static).update(draft_text(game))
        self.query_one("#capital", Static).update(private_panel(session))
        whip = views.whip(game, views.current_draft(game).file, draft_keys(game), viewer=session.seat)
        self.query_one(WhipCount).show(whip)
        log = self.query_one("#consult-news", RichLog)
        log.clear()
        for item in views.news_for(game, game.state.history[-1], session.seat)[-8:]:
            log.write(f"• {item.text}")

    def _target(self) -> str | None:
        table = self.query_one("#whip-table", DataTable)
        if table.row_count == 0:
            return None
        code = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        if code == self.app.session.seat:
            self.notify("Choose another member.", severity="warning")
            return None
        return code

    def action_lobby(self) -> None:
        target = self._target()
        if target:
            self.app.send(Lobby(seat=self.app.session.seat, target=target, points=1), stay=True)

    def action_deal(self) -> None:
        target = self._target()
        if target:
            self.app.send(Deal(seat=self.app.session.seat, target=target), stay=True)

    def action_veto(self) -> None:
        if not self.app.session.is_permanent:
            self.notify("Only a permanent member can veto.", severity="warning")
            return
        self.app.send(SignalVeto(seat=self.app.session.seat), stay=True)

    def action_amend(self) -> None:
        def chosen(choice: str | None) -> None:
            if choice:
                verb, key = choice.split("|", 1)
                self.app.send(Amend(seat=self.app.session.seat, offer=key, remove=verb == "delete"),
                              stay=True)
                self.notify("Amendment tabled: it is voted before the draft.")

        self.app.push_screen(AmendScreen(), chosen)

    def action_message(self) -> None:
        target = self._target()
        session = self.app.session
        if not target:
            return
        if target not in session.seats:
            self.notify("Messages go to other players' seats.", severity="warning")
            return

        def sent(text: str | None) -> None:
            if text:
                self.app.send(Message(seat=session.seat, target=target, text=text[:500]), stay=True)
                self.notify(f"Sealed message sent to {target}.")

        self.app.push_screen(TextPrompt(f"Private message to {session.name_of(target)}:"), sent)

    def action_answer_deal(self, accept: bool) -> None:
        session = self.app.session
        offers = session.game.state.deals_waiting(session.seat)
        if not offers:
            self.notify("No deal is waiting for your answer.")
            return
        self.app.send(AnswerDeal(seat=session.seat, deal=offers[0][0], accept=accept), stay=True)
        self.notify("Deal accepted." if accept else "Deal declined.")

    def action_rival(self) -> None:
        from councilgame.tui.screens.drafting import DraftingScreen

        game = self.app.session.game
        if views.current_draft(game).sponsor == self.app.session.seat:
            self.notify("You hold the pen: amend your own draft instead.", severity="warning")
            return
        self.app.push_screen(DraftingScreen(views.current_draft(game).file, rival=True))

    def action_done(self) -> None:
        self.app.send(Done(seat=self.app.session.seat))

    def action_back(self) -> None:
        self.app.pop_screen()
