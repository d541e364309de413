"""The Textual application: screens over one game session. Rules stay in the engine: the app
routes the engine's prompts to the screen that answers them and sends back actions."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from councilgame.tui.facilitating import Facilitating
from councilgame.tui.packloading import PackLoading
from councilgame.tui.reloading import Reloading
from councilgame.tui.saving import Saving
from councilgame.tui.themes import CYCLE, DARK, LIGHT, PROJECTOR

if TYPE_CHECKING:
    from councilgame.packs.registry import PackSet
    from councilgame.play import Action
    from councilgame.play.session import Session
    from councilgame.saves import SaveStore
    from councilgame.tui.screens.chamber import ChamberScreen

# The title screen comes up before the engine, the packs and their schema are imported
# (issue 17): what the game needs of them is imported where it is first used, and the packs
# load in a thread behind the title.


class CouncilApp(PackLoading, Saving, Facilitating, Reloading, App):
    CSS_PATH = "councilgame.tcss"
    TITLE = "councilgame"
    BINDINGS = [
        Binding("ctrl+t", "toggle_theme", "Light/dark", show=False),
        Binding("f1", "help", "Help", show=False),
        Binding("ctrl+s", "save_game", "Save game", show=False),
        Binding("ctrl+f", "facilitator", "Facilitator", show=False),
        Binding("ctrl+r", "reload_packs", "Reload packs", show=False,
                tooltip="Read the packs from disk again and restart the scenario at the same seed"),
    ]

    def __init__(self, extra_packs: Iterable[Path] = (), start: tuple[str, str, int] | None = None,
                 saves: Path | None = None, animate: bool = True, packset: PackSet | None = None,
                 fixed_seed: int | None = None, hotseat: dict | None = None,
                 projector: bool = False, options: dict | None = None):
        super().__init__()
        self.register_theme(LIGHT)
        self.register_theme(PROJECTOR)
        self.theme = PROJECTOR.name if projector else DARK  # pinned: not from the environment
        self.projector = projector
        self.hotseat_start = hotseat  # {"scenario", "seats", "seed", "options"} from the CLI
        self.extra_packs = list(extra_packs)
        self.start = start
        self.options = dict(options or {})  # a direct start's settings (play --difficulty, --length)
        self.saves = saves
        self.animate = animate
        self.packset: PackSet | None = packset
        self.session: Session | None = None
        self.fixed_seed = fixed_seed  # tests pin the seed the new-game screen proposes
        self._store: SaveStore | None = None

    @property
    def store(self) -> SaveStore:
        """The saves folder (made on first use: the saves' schema loads with the engine)."""
        if self._store is None:
            from councilgame.saves import SaveStore

            self._store = SaveStore(self.saves)
        return self._store

    @store.setter
    def store(self, store: SaveStore) -> None:
        self._store = store

    # ---- start-up --------------------------------------------------------------------------
    def on_mount(self) -> None:
        self.set_interval(1.0, self.show_turn)  # a hot-seat turn's clock, in the header
        if self.projector:
            self.add_class("projector")
        if not self.hotseat_start and not self.start:
            from councilgame.tui.screens.title import TitleScreen

            self.push_screen(TitleScreen())
            if self.packset is None:  # once the title is drawn: the thread would slow its paint
                self.call_after_refresh(self.load_packs)  # (the saves folder is tidied there too)
            else:
                self.store.clean_temporary()
            return
        from councilgame.play import compile_bundle

        self.store.clean_temporary()  # what writes killed mid-way left behind
        if self.hotseat_start:
            h = self.hotseat_start
            comp = compile_bundle(self.packs_now().bundle(h["scenario"]))
            self.start_seats(comp, h["seats"], h["seed"], options=h.get("options"))
            return
        self._start_direct()

    def _start_direct(self) -> None:
        from councilgame.play import compile_bundle

        scenario, seat, seed = self.start
        self.start_game(compile_bundle(self.packs_now().bundle(scenario)), seat, seed,
                        options=self.options)

    def start_game(self, comp, seat: str, seed: int, actions: list | None = None,
                   origin=None, options: dict | None = None) -> None:
        from councilgame.saves import Seat

        self.start_seats(comp, {seat: Seat(human=True)}, seed, actions, origin, options)

    def start_seats(self, comp, seats: dict, seed: int, actions: list | None = None,
                    origin=None, options: dict | None = None,
                    start_humans: set[str] | None = None) -> None:
        """Start a game with these human seats (one: solo; several: hot-seat)."""
        from councilgame.play.session import Session

        self.session = Session.start(comp, seats, seed, self.store, actions, origin, options,
                                     start_humans)
        self._show_session()

    def _show_session(self) -> None:
        from councilgame.tui.screens.chamber import ChamberScreen

        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(ChamberScreen())
        self.route()

    # ---- the game loop ---------------------------------------------------------------------
    def waiting_for(self) -> str:
        p = self.session.prompt if self.session else None
        if p is None:
            return "The game is over: press d for the debrief."
        return {
            "briefing": "Read the briefing (r asks for a meeting), then press n for the agenda.",
            "draft": "You hold the pen: press d to draft.",
            "consult": "Consultations are open: press d.",
            "vote": "A vote is called: press d to vote.",
            "choice": "An event needs your decision: press d.",
        }[p.kind]

    def send(self, action: Action, stay: bool = False, roll_call_after: int | None = None) -> None:
        """Send an action to the engine, then show what it waits for next. An action the game
        refuses changes nothing: its sentence is shown instead."""
        from councilgame.play import ActionError

        try:
            self.session.act(action)
        except ActionError as exc:
            self.notify(str(exc), severity="warning")
            return
        self.autosave_report()
        if stay:
            screen = self.screen
            if hasattr(screen, "refresh_view"):
                screen.refresh_view()
            if self.session.prompt is not None and self.session.prompt.kind == "consult":
                return
        if roll_call_after is not None:
            self._roll_call(roll_call_after)
            return
        self.route()

    def _roll_call(self, before: int) -> None:
        from councilgame.tui.screens.vote import RollCallScreen

        view = self.session.view()
        votes = view.votes[before:][:3]
        order = view.rota
        self._to_chamber()
        if votes:
            names = {s.code: s.name for s in view.seats}
            self.push_screen(RollCallScreen(votes, order, names, self.animate),
                             lambda _: self.route())
        else:
            self.route()

    def _to_chamber(self) -> ChamberScreen:
        from councilgame.tui.screens.chamber import ChamberScreen

        while not isinstance(self.screen, ChamberScreen) and len(self.screen_stack) > 1:
            self.pop_screen()
        if isinstance(self.screen, ChamberScreen):
            self.screen.refresh_view()
        return self.screen

    def route(self) -> None:
        """Open the screen that answers the engine's current prompt; in hot-seat play, first
        the hand-over screen when the keyboard passes to another player."""
        from councilgame.tui.screens.debrief import DebriefScreen

        self._to_chamber()
        session = self.session
        p = session.prompt
        if p is None:
            if not session.shown_last_month:  # the last month's consequences, then the verdict
                session.shown_last_month = True
                return
            self.push_screen(DebriefScreen())
            return
        if p.kind == "briefing":
            if session.hotseat:
                session.revealed = None  # the chamber is public between turns
                self._to_chamber()
            return
        if p.kind == "vote" and session.ballot_ahead() is not None:
            before = len(session.view().votes)
            session.cast_ahead()  # ballots given ahead: the roll calls go on without a hand-over
            self.autosave_report()
            self._roll_call(before)
            return
        if p.kind == "vote" and session.by_show_of_hands():
            from councilgame.tui.screens.ballots import ShowOfHandsScreen

            session.revealed = None  # a public screen: nobody's private view
            self.clear_notifications()
            self.push_screen(ShowOfHandsScreen())
            self.start_turn_clock()
            return
        if session.hotseat and session.revealed != p.seat:
            from councilgame.play import Done
            from councilgame.tui.screens.handover import HandOverScreen

            self.clear_notifications()  # one player's notices are not the next one's to read
            self.push_screen(HandOverScreen(p.seat), lambda ready: self._reveal(p.seat) if ready
                             else self.send(Done(seat=p.seat)))
            return
        self._open_step()

    def _reveal(self, seat: str) -> None:
        self.session.revealed = seat
        self.turn_key = None  # the player takes the keyboard: the clock starts
        self._open_step()

    def _open_step(self) -> None:
        from councilgame.tui.screens.consult import ConsultScreen
        from councilgame.tui.screens.drafting import DraftingScreen
        from councilgame.tui.screens.event import EventScreen
        from councilgame.tui.screens.vote import VoteScreen

        p = self.session.prompt
        if p.kind == "draft":
            self.push_screen(DraftingScreen(p.file))
        elif p.kind == "consult":
            self.push_screen(ConsultScreen())
        elif p.kind == "vote":
            self.push_screen(VoteScreen())
        elif p.kind == "choice":
            self.push_screen(EventScreen())
        self.call_after_refresh(self.show_turn)  # the header names the turn once its screen is up

    # ---- commands --------------------------------------------------------------------------
    def action_new_game(self) -> None:
        from councilgame.tui.screens.newgame import NewGameScreen

        if self.packset is None:
            self.notify("Packs are still loading.")
            return
        self.push_screen(NewGameScreen())

    def action_help(self) -> None:
        from councilgame.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_packs(self) -> None:
        from councilgame.tui.screens.packs import PacksScreen

        if self.packset is not None:
            self.push_screen(PacksScreen())

    def action_hotseat(self) -> None:
        from councilgame.tui.screens.setup import SetupScreen

        if self.packset is None:
            self.notify("Packs are still loading.")
            return
        self.push_screen(SetupScreen())

    def action_toggle_theme(self) -> None:
        self.theme = CYCLE[(CYCLE.index(self.theme) + 1) % len(CYCLE)] if self.theme in CYCLE \
            else DARK

    def confirm(self, question: str, then) -> None:
        """Ask before an action that cannot be undone; `then()` runs on yes (y), not on no (n,
        escape)."""
        from councilgame.tui.widgets.dialogs import ConfirmScreen

        self.push_screen(ConfirmScreen(question), lambda ok: then() if ok else None)

    def action_quit_game(self) -> None:
        """Quit after a confirmation (the game is autosaved; Continue resumes it)."""
        if self.session is None or self.session.finished_game:
            self._quit_saving()
            return
        self.confirm("Quit the game? It is saved first, and Continue on the title screen "
                     "resumes it.", self._quit_saving)

    def _quit_saving(self) -> None:
        """Quit, autosaving first; if the save cannot be written the player is told and
        chooses: another folder, or quitting without saving."""
        if self.session is None or self.session.store is None:
            self.exit()
            return
        if self.session.autosave() is not None:
            self.exit()
            return
        self.saves_failed(self.session.save_problem or "The game could not be saved.",
                          retry=self._quit_saving, give_up=self.exit)

    def export_debrief(self) -> Path:
        """Write the debrief as Markdown beside the saves; OSError if the folder refuses it."""
        from councilgame.paths import write_atomic
        from councilgame.play.debrief import debrief_markdown

        s = self.session
        who = "-".join(s.humans)
        path = self.store.folder / f"debrief-{s.comp.scenario.id}-{who}-{s.seed}.md"
        write_atomic(path, debrief_markdown(s.game, s.seats, s.month_name))
        return path

    def export_grading(self) -> list[Path]:
        """Write the negotiation record (Markdown and JSON) and a handout per player beside
        the saves; OSError if the folder refuses them."""
        from councilgame.paths import write_atomic
        from councilgame.play.grading import grading_files, negotiation_record

        s = self.session
        record = negotiation_record(s.game, {c: seat.players for c, seat in s.seats.items()})
        paths = []
        for name, text in grading_files(record, f"{s.comp.scenario.id}-{s.game_id}").items():
            write_atomic(self.store.folder / name, text)
            paths.append(self.store.folder / name)
        return paths

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # Textual's own theme picker is replaced by ours (dark, light, projector): one "Theme"
        yield from (c for c in super().get_system_commands(screen) if c.title != "Theme")
        solo = self.session is not None and not self.session.hotseat
        yield SystemCommand("New game", "Choose a scenario and a seat", self.action_new_game)
        if self.session is None:
            yield SystemCommand("Hot-seat game", "Several players at one keyboard",
                                self.action_hotseat)
        yield SystemCommand("Load", "Open a saved game, or reopen one at an earlier month",
                            self.action_load)
        if self.session is not None:
            yield SystemCommand("Save game", "Save under a name (ctrl+s)", self.action_save_game)
        yield SystemCommand("How to play", "Rules, glossary and keys", self.action_help)
        yield SystemCommand("Theme", "Dark, light or high-contrast projector",
                            self.action_toggle_theme)
        if self.session is not None:
            from councilgame.tui.screens.chamber import ChamberScreen

            yield SystemCommand("Open the current step", "Draft, consult, vote or decide",
                                self.route)
            if isinstance(screen, ChamberScreen):
                yield SystemCommand("Continue", "Go on from the briefing", screen.action_next)
                yield SystemCommand("Seats", "Powers of every seat", screen.action_seats)
        # each command once; the facilitator's tools only where there is a room to run
        seen = {"New game", "How to play", "Load", "Save game", "Hot-seat game", "Continue", "Seats"}
        if solo or self.session is None:
            seen.add("Facilitator")
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if binding.description and binding.description not in seen and active.enabled:
                seen.add(binding.description)
                yield SystemCommand(binding.description, f"Key: {key}",
                                    partial(self.run_action, binding.action, active.node))
