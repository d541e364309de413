"""`councilgame join`: a seat's screen in a seminar room (or, with --room, the projector's). It
knows only what the host sends: its seat's view and its own legal moves, so it cannot show what
another delegation holds. It asks for the code when none is given, and rejoins by itself when
the connection drops."""

from __future__ import annotations

import asyncio

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from councilgame.room.client import JoinRefused, RoomClient

RETRY_SECONDS = 2.0


def action_words(action: dict, view: dict) -> str:
    """A move as the menu lists it: 'Lobby China (1 point)', 'Vote yes'."""
    kind, titles = action["kind"], view.get("file_titles", {})
    names = {s["code"]: s.get("short") or s["name"] for s in view.get("seats", [])}
    target = names.get(action.get("target", ""), action.get("target", ""))
    words = {
        "done": "Done: pass to the next step",
        "vote": f"Vote {action.get('ballot')}",
        "table": "Table a draft: " + (", ".join(action.get("offers", [])) or "no clauses"),
        "lobby": f"Lobby {target} ({action.get('points', 1)} point)",
        "deal": f"Offer a deal to {target}",
        "message": f"Message {target}",
        "request": f"Ask for a meeting on {titles.get(action.get('file', ''), action.get('file'))}",
        "amend": f"Amend: {'remove' if action.get('remove', True) else 'add'} {action.get('offer')}",
        "choose": f"Choose: {action.get('option')}",
        "answer_deal": f"{'Accept' if action.get('accept') else 'Refuse'} deal {action.get('deal')}",
        "signal_veto": "Signal a veto",
        "cosponsor": "Co-sponsor the draft",
        "statement": "Propose a presidential statement",
        "withdraw": "Withdraw the draft",
        "order": "Order the agenda: " + ", ".join(action.get("files", [])),
    }
    return words.get(kind, kind)


def public_text(view: dict) -> Text:
    """What the whole room may see: the month, the agenda, the sitting, the gauges, the votes."""
    t = Text()
    t.append(f"{view['title']}\n", style="bold")
    t.append(f"{view['month_name']} · month {view['month']} of {view['months']} · "
             f"president {view['president']}\n\n")
    prompt = view.get("prompt")
    if view.get("finished"):
        t.append(f"The game is over: {view.get('ending') or ''}\n\n", style="bold")
    elif prompt:
        t.append(f"Now: {prompt['seat']}, {prompt['kind']}. {prompt.get('question', '')}\n\n")
    t.append("Agenda\n", style="bold underline")
    for f in view.get("agenda", []):
        t.append(f"  {f['title']} (pen: {f.get('pen') or 'none'})\n")
    if view.get("sitting"):
        t.append("\nThe sitting\n", style="bold underline")
        for item in view["sitting"]:
            t.append(f"  {item.get('label') or item['symbol']}: {item.get('result') or 'to come'}\n")
    t.append("\nGauges\n", style="bold underline")
    for g in view.get("gauges", []):
        t.append(f"  {g['short'] or g['label']:<20} {g['value']:5.0f}\n")
    for v in view.get("votes", [])[-3:]:
        t.append(f"\n{v}", style="dim")
    return t


def private_text(state: dict) -> Text:
    """Only this seat's: capital, objectives, deals, messages, and what is waiting."""
    view = state["view"]
    t = Text()
    t.append(f"{state['seat']}: capital {view['capital']}\n\n", style="bold")
    t.append("Your objectives (private)\n", style="bold underline")
    for o in view.get("objectives", []):
        t.append(f"  {'✓' if o['met'] else '·'} {o['text']}\n")
    for d in view.get("deals", []):
        t.append(f"\nDeal: {d}\n", style="dim")
    for m in view.get("messages", []):
        t.append(f"\nMessage: {m}\n", style="dim")
    if state.get("ballots_given"):
        t.append("\nBallots given: " + ", ".join(f"{k} {v}" for k, v in state["ballots_given"].items()))
    for n in state.get("notices", []):
        t.append(f"\n{n}\n", style="yellow")
    return t


class RemoteApp(App[None]):
    """One seat's (or the room's) window on a hosted game."""

    TITLE = "councilgame: seminar room"
    CSS = """
    #panes { height: 1fr; }
    #public { width: 3fr; padding: 0 1; }
    #private { width: 2fr; padding: 0 1; border-left: solid $panel; }
    #moves { height: auto; max-height: 12; }
    #code { margin: 1 2; }
    """
    BINDINGS = [Binding("ctrl+q", "quit", "Quit")]

    def __init__(self, host: str, port: int, code: str = "", room: bool = False):
        super().__init__()
        self.host, self.port, self.code, self.room = host, port, code, room
        self.client: RoomClient | None = None
        self.state: dict | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="status")
        yield Input(placeholder="Your seat's code (six letters and digits), then Enter", id="code")
        with Horizontal(id="panes"):
            yield VerticalScroll(Static("", id="public-text"), id="public")
            with Vertical(id="private"):
                yield VerticalScroll(Static("", id="private-text"))
                yield OptionList(id="moves")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#private").display = not self.room
        if self.code or self.room:
            self.query_one("#code").display = False
            self.connect()
        else:
            self.set_status("Type the code the host gave your seat.")

    def set_status(self, text: str) -> None:
        self.query_one("#status", Static).update(text)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.code = event.value.strip()
        if self.code:
            self.connect()

    @work(exclusive=True, group="connection")
    async def connect(self) -> None:
        """Join, then listen; on a drop, rejoin with the same code until the host answers."""
        while True:
            client = RoomClient(self.host, self.port, self.code, self.room)
            try:
                welcome = await client.connect()
            except JoinRefused as exc:
                self.set_status(f"The host refused: {exc}")
                self.query_one("#code").display = not self.room
                return
            except OSError:
                self.set_status(f"No room at {self.host}:{self.port} yet; trying again…")
                await asyncio.sleep(RETRY_SECONDS)
                continue
            self.client = client
            self.query_one("#code").display = False
            self.sub_title = f"{welcome['seat'] or 'the room'} · {welcome['player']}"
            self.set_status("Joined.")
            listener = asyncio.create_task(client.listen())
            while not listener.done():
                await client.changed.wait()
                client.changed.clear()
                if client.state is not None:
                    self.show(client.state, client.errors[-1:] if client.errors else [])
                    client.errors.clear()
            self.client = None
            self.set_status("The connection dropped; rejoining with your code…")
            await asyncio.sleep(RETRY_SECONDS)

    def show(self, state: dict, errors: list[str]) -> None:
        self.state = state
        view = state["view"]
        self.query_one("#public-text", Static).update(public_text(view))
        if self.room:
            return
        self.query_one("#private-text", Static).update(private_text(state))
        moves = self.query_one("#moves", OptionList)
        moves.clear_options()
        for i, action in enumerate(state.get("legal", [])):
            moves.add_option(Option(action_words(action, view), id=f"act-{i}"))
        if not state.get("your_turn"):
            for item in view.get("sitting", []):
                if item.get("result") is None and item["symbol"] not in state.get("ballots_given", {}):
                    for ballot in ("yes", "no", "abstain"):
                        moves.add_option(Option(f"Sealed ballot on {item.get('label') or item['symbol']}: "
                                                f"{ballot}", id=f"ballot-{ballot}-{item['symbol']}"))
        turn = "Your move." if state.get("your_turn") else "Waiting for the others."
        self.set_status(errors[0] if errors else turn)

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if self.client is None or self.state is None or event.option.id is None:
            return
        kind, _, rest = event.option.id.partition("-")
        if kind == "act":
            await self.client.act(self.state["legal"][int(rest)])
        else:
            ballot, _, symbol = rest.partition("-")
            await self.client.ballots({symbol: ballot})
