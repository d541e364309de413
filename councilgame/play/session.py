"""One game in the TUI: the compiled scenario, the engine game, the player's seat, its saves."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from councilgame.engine.actions import FACILITATOR, Action, SeatPlayer, Vote
from councilgame.engine.compiled import Compiled
from councilgame.engine.game import Game
from councilgame.play import queries
from councilgame.play.view_models import SittingItemView
from councilgame.play.views import (
    PublicView,
    SeatView,
    WhipView,
    public_view,
    seat_view,
    sitting,
    whip_view,
)
from councilgame.saves import SaveError, SaveStore, Seat, make_save
from councilgame.saves.format import Origin, SaveFile, new_game_id


@dataclass
class Session:
    """The game in play. In hot-seat play several seats are human: `seat` is the one acting
    now, and `revealed` the one whose private view (capital, objectives, deals, messages)
    the screen may show, after the hand-over."""

    comp: Compiled
    game: Game
    seats: dict[str, Seat]
    seed: int
    store: SaveStore | None = None
    origin: Origin | None = None
    name: str = ""
    options: dict = field(default_factory=dict)
    last_autosave: Path | None = None
    revealed: str | None = None
    game_id: str = field(default_factory=new_game_id)
    save_problem: str | None = None  # why the last autosave failed, until one succeeds
    shown_last_month: bool = False  # the chamber has shown the last month before the debrief
    # ballots a player gave ahead for the later votes of a sitting: seat -> vote symbol -> ballot,
    # so that the keyboard passes once per sitting, not once per roll call
    ahead: dict[str, dict[str, str]] = field(default_factory=dict)
    private_sittings: set[str] = field(default_factory=set)  # sittings voted in private, not by hands

    @classmethod
    def start(cls, comp: Compiled, seats: dict[str, Seat], seed: int,
              store: SaveStore | None = None, actions: list | None = None,
              origin: Origin | None = None, options: dict | None = None,
              start_humans: set[str] | None = None) -> Session:
        opts = options or {}
        humans = start_humans if start_humans is not None else {c for c, s in seats.items() if s.human}
        game = Game(comp, seed, humans=humans, difficulty=str(opts.get("difficulty", "standard")),
                    length=opts.get("length"))
        for action in actions or []:
            game.apply(action)
        # who plays each seat now: the facilitator may have changed hands on the way
        seats = {c: s.model_copy(update={"human": c in game.humans}) for c, s in seats.items()}
        session = cls(comp, game, seats, seed, store, origin, options=dict(options or {}))
        if not session.hotseat:
            session.revealed = session.humans[0]
        return session

    @classmethod
    def resumed(cls, save: SaveFile, game: Game, store: SaveStore | None) -> Session:
        """The session of a save replayed into `game` (`load_game`): its players' seats, its
        settings and its identity, so that its autosaves go on replacing its own."""
        seats = {c: s for c, s in save.seats.items() if s.human or s.players}
        session = cls(game.comp, game, seats, save.seed, store, save.origin, save.name,
                      dict(save.options), game_id=save.game_id)
        if not session.hotseat:
            session.revealed = session.humans[0]
        return session

    @property
    def humans(self) -> list[str]:
        """The seats people play now (`seats` also names the players of a seat handed back
        to the AI, for the debrief and the grading record)."""
        return sorted((c for c, s in self.seats.items() if s.human), key=lambda c: self.name_of(c))

    @property
    def hotseat(self) -> bool:
        return len(self.humans) > 1

    @property
    def sealed(self) -> bool:
        return bool(self.options.get("sealed"))

    @property
    def seat(self) -> str:
        p = self.game.prompt
        if p is not None and p.seat in self.humans:
            return p.seat
        return self.revealed or self.humans[0]

    @property
    def private_ok(self) -> bool:
        """May the screen show the acting seat's private information now?"""
        return not self.hotseat or self.revealed == self.seat

    # ---- what the screens read -------------------------------------------------------------
    def view(self) -> PublicView | SeatView:
        """What the screen may show now: the acting seat's `seat_view` when its private part
        may be shown, else the `public_view` (between turns of a hot-seat game)."""
        if self.private_ok:
            return seat_view(self.game, self.seat, sealed=self.sealed)
        return public_view(self.game, sealed=self.sealed)

    def whip_view(self, file_id: str, keys: list[str], sponsor: str | None = None) -> WhipView:
        """The projected vote on a text the acting seat is composing, as that seat may read it."""
        return whip_view(self.game, file_id, keys, self.seat, sponsor)

    def legal(self) -> list[Action]:
        """The actions the game accepts now (`Game.legal_actions`)."""
        return queries.legal(self.game)

    def legal_kinds(self) -> set[str]:
        return queries.legal_kinds(self.game)

    def legal_targets(self, kind: str) -> list[str]:
        """The members an action of `kind` (lobby, deal, message) may name now."""
        return queries.legal_targets(self.game, kind)

    def refusal(self, action: Action) -> str | None:
        """Why the game would refuse `action` now, in one sentence; None if it takes it."""
        return queries.refusal(self.game, action)

    def players_of(self, code: str) -> str:
        names = self.seats[code].players if code in self.seats else []
        return " and ".join(names) if names else "the player"

    def change_hands(self, code: str, players: list[str] | None) -> None:
        """The facilitator gives seat `code` to `players`, or (None) hands it to the AI."""
        self.game.apply(SeatPlayer(seat=FACILITATOR, member=code, human=players is not None))
        old = self.seats.get(code)
        names = players if players is not None else (old.players if old else [])
        self.seats[code] = Seat(human=players is not None, players=list(names))
        if self.revealed == code and players is None:
            self.revealed = None
        self.autosave()

    def act(self, action: Action) -> None:
        before = self.game.state.month
        self.game.apply(action)
        if self.game.state.month != before or self.game.finished:
            self.autosave()

    # ---- a sitting's ballots, given in one turn -------------------------------------------------
    def ballots_to_give(self) -> list[SittingItemView]:
        """The votes of the sitting still to come, from the one put now: what the acting
        player gives ballots for in one turn (only the one put now in a solo game)."""
        p = self.prompt
        if p is None or p.kind != "vote":
            return []
        items = [i for i in sitting(self.game) if i.result is None]
        start = next((n for n, i in enumerate(items) if i.symbol == p.symbol), None)
        if start is None:
            return []
        return items[start:] if self.hotseat else items[start:start + 1]

    def give_ballots(self, seat: str, ballots: Mapping[str, str]) -> None:
        """Keep `seat`'s ballots for the later votes of the sitting (cast as each is put)."""
        self.ahead.setdefault(seat, {}).update(ballots)

    def ballot_ahead(self) -> Vote | None:
        """The ballot the acting seat already gave for the vote put now, if any."""
        p = self.prompt
        if p is None or p.kind != "vote" or p.symbol is None:
            return None
        ballot = self.ahead.get(p.seat, {}).get(p.symbol)
        return Vote(seat=p.seat, ballot=ballot) if ballot else None

    def cast_ahead(self) -> int:
        """Cast every ballot given ahead, in the order the roll calls ask for them; how many."""
        n = 0
        while (vote := self.ballot_ahead()) is not None:
            del self.ahead[vote.seat][self.prompt.symbol]
            self.act(vote)
            n += 1
        return n

    def sitting_key(self) -> str | None:
        """The sitting under way, named by its first vote's symbol."""
        m = self.game.meeting
        return m.sitting[0].symbol if m is not None and m.sitting else None

    def by_show_of_hands(self) -> bool:
        """Does the room vote by show of hands now? In an open vote of a hot-seat game, unless
        the room chose private ballots for this sitting: one public screen takes every ballot."""
        p = self.prompt
        return (self.hotseat and not self.sealed and p is not None and p.kind == "vote"
                and self.sitting_key() not in self.private_sittings)

    def autosave(self) -> Path | None:
        """Autosave (the store keeps this game's last five). A failed write never stops the
        game: its reason is kept in `save_problem` for the screen to tell the player."""
        if self.store is None:
            return None
        try:
            self.last_autosave = self.store.autosave(self._save("autosave", self.name))
        except (OSError, SaveError) as exc:
            self.save_problem = save_failure(self.store.folder, exc)
            return None
        self.save_problem = None
        return self.last_autosave

    def save(self, name: str) -> Path:
        """Save under a name; raises SaveError with one sentence if it cannot be written."""
        if self.store is None:
            raise SaveError("this game has no saves folder.")
        try:
            path = self.store.save_manual(self._save("manual", name))
        except OSError as exc:
            raise SaveError(save_failure(self.store.folder, exc)) from None
        self.name = name
        return path

    def move_saves(self, folder: Path) -> None:
        """Save into another folder from now on (the player chose it after a failed write)."""
        self.store = SaveStore(folder)

    def _save(self, kind: str, name: str):
        return make_save(self.game, self.seats, name=name, kind=kind, origin=self.origin,
                         options=self.options, game_id=self.game_id)

    @property
    def finished_game(self) -> bool:
        return self.game.finished

    @property
    def prompt(self):
        return self.game.prompt

    @property
    def month(self) -> int:
        return self.game.state.month

    def month_name(self, month: int | None = None) -> str:
        """'March 2026' for a turn of the game."""
        sc = self.comp.scenario
        m = (month or self.month) - 1 + sc.start_month - 1
        return f"{calendar.month_name[m % 12 + 1]} {sc.year + m // 12}"

    def short_name(self, code: str) -> str:
        """'UK', 'Russia': the member's short name, where the screen is narrow."""
        m = self.comp.bundle.members[code]
        return m.short or m.name

    def name_of(self, code: str) -> str:
        return self.comp.names[self.comp.index[code]]

    def delegation(self, code: str) -> str:
        """'the Russian Federation', 'France': the name as it reads after 'delegate of'."""
        name = self.name_of(code)
        the = name.startswith(("Russian", "United", "Democratic", "Republic", "Central",
                               "Syrian", "Islamic", "Netherlands", "Philippines"))
        return f"the {name}" if the else name

    @property
    def is_permanent(self) -> bool:
        return bool(self.comp.permanent[self.comp.index[self.seat]])


def save_failure(folder: Path, exc: Exception) -> str:
    """One sentence for a save that could not be written."""
    if isinstance(exc, SaveError):
        return str(exc)
    reason = (exc.strerror or str(exc)).lower() if isinstance(exc, OSError) else str(exc)
    return f"The game could not be saved in {folder} ({reason})."
