"""Saving and loading from the TUI: open a save (asking first if its pack changed), reopen a
game at an earlier month ("what if"), continue, load, save under a name. A mixin of the app."""

from __future__ import annotations

from pathlib import Path


class Saving:
    """The app's save and load commands."""

    def open_save(self, entry, branch_month: int | None = None) -> None:
        """Open a save (after asking, if its pack changed), or reopen it at an earlier month."""
        from councilgame.tui.widgets.dialogs import ConfirmScreen

        save = entry.save
        known = self.packset and (save.scenario in self.packset.scenario_index()
                                  or save.scenario in self.packset.lost)  # lost: its pack is broken
        if not known:
            self.notify(f"This save needs scenario {save.scenario!r} (pack {save.pack.id!r}), "
                        "which is not installed.", severity="error")
            return
        comp = self.compile_scenario(save.scenario)
        if comp is None:  # its pack failed to load; the app has said why
            return

        def go(ok: bool = True) -> None:
            if ok:
                self._load(entry, comp, branch_month)

        if comp.bundle.pack_hash != save.pack.hash:
            self.push_screen(ConfirmScreen(f"The pack {save.pack.id!r} has changed since this game "
                                           "was saved, so the game may not replay the same. "
                                           "Try anyway?"), go)
        else:
            go()

    def _load(self, entry, comp, branch_month: int | None) -> None:
        from councilgame.saves import SaveError, branch_actions, humans_at_start, load_game
        from councilgame.saves.format import Origin

        save = entry.save
        if not save.humans():
            self.notify("This save has no human seat to play (an AI-only game): replay it with "
                        "'councilgame replay'.", severity="warning")
            return
        try:
            if branch_month:
                actions = branch_actions(save, comp, branch_month)
                origin = Origin(branch_of=entry.path.stem, at_month=branch_month)
                seats = {c: s for c, s in save.seats.items() if s.human or s.players}
                self.start_seats(comp, seats, save.seed, actions, origin, save.options,
                                 start_humans=humans_at_start(save.humans(), save.typed_actions()))
                self.session.save(f"{save.name or entry.path.stem} what-if m{branch_month}")
                self.notify(f"Reopened at month {branch_month} as a new game; the original is kept.")
                return
            loaded = load_game(save, comp)
        except SaveError as exc:
            self.notify(str(exc), severity="error")
            return
        from councilgame.play.session import Session

        self.session = Session.resumed(save, loaded.game, self.store)
        if loaded.mismatch:
            self.notify(f"Warning: {loaded.mismatch}.", severity="warning", timeout=10)
        self._show_session()

    def action_continue(self) -> None:
        entry = self.store.newest()
        if entry is None:
            self.notify("No saved game yet.")
            return
        self.open_save(entry)

    def action_load(self) -> None:
        from councilgame.tui.screens.load import LoadScreen

        self.push_screen(LoadScreen())

    def action_save_game(self) -> None:
        from councilgame.saves import SaveError
        from councilgame.tui.widgets.dialogs import TextPrompt

        if self.session is None:
            return

        def named(name: str | None) -> None:
            if not name:
                return
            try:
                path = self.session.save(name)
            except SaveError as exc:
                self.saves_failed(str(exc), lambda: named(name))
                return
            self.notify(f"Saved as {path.name}")

        default = self.session.name or f"{self.session.comp.scenario.id}-{self.session.seat}"
        self.push_screen(TextPrompt("Save the game as:", default), named)

    def saves_failed(self, sentence: str, retry, give_up=None) -> None:
        """A save could not be written: say why, and offer another folder (then `retry`), or
        going on without saving (`give_up`, if given, else back to the game)."""
        from councilgame.tui.widgets.dialogs import ChoiceScreen

        options = [("folder", "Choose another folder and save there"),
                   ("skip", "Quit without saving" if give_up else "Go back to the game unsaved")]

        def chosen(choice: str | None) -> None:
            if choice == "folder":
                self.choose_saves_folder(retry)
            elif choice == "skip" and give_up is not None:
                give_up()

        self.push_screen(ChoiceScreen(sentence, options), chosen)

    def choose_saves_folder(self, then) -> None:
        """Ask for a folder for saves; the game and the Load screen use it from now on."""
        from councilgame.tui.widgets.dialogs import TextPrompt

        def chosen(text: str | None) -> None:
            if not text:
                return
            folder = Path(text).expanduser()
            from councilgame.saves import SaveStore

            self.store = SaveStore(folder)
            if self.session is not None:
                self.session.move_saves(folder)
            then()

        default = str(Path.home() / "councilgame-saves")
        self.push_screen(TextPrompt("Save into which folder? (it is created if needed)", default),
                         chosen)

    def autosave_report(self) -> None:
        """Tell the player, once per problem, that the last autosave failed; the game goes on."""
        problem = self.session.save_problem if self.session else None
        if problem and problem != getattr(self, "_told_problem", None):
            self.notify(f"{problem} The game goes on: press ctrl+s to save it in another folder.",
                        severity="error", timeout=12)
        self._told_problem = problem

    def what_if(self, month: int) -> None:
        """Reopen the game in play at an earlier month, as a new branch."""
        from councilgame.saves import make_save
        from councilgame.saves.store import Entry

        s = self.session
        if s.last_autosave is None:
            s.autosave()
        name = s.last_autosave or self.store.folder / f"{s.comp.scenario.id}-{s.seed}.json"
        save = make_save(s.game, s.seats, name=s.name, origin=s.origin, game_id=s.game_id,
                         options=s.options)  # a what-if keeps the game's options (sealed, difficulty)
        self._load(Entry(name, save, None), s.comp, month)
