"""The packs, for the app: read in a thread behind the title screen (with the saves folder
tidied and looked at), or at once when the game starts straight at a scenario; a scenario
compiled, or the reason its pack failed to load. A mixin of the app."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work

if TYPE_CHECKING:
    from councilgame.packs.registry import PackSet


class PackLoading:
    """Mixed into the app (its `packset`, `extra_packs`, `store`, `screen`, `notify`)."""

    packset: PackSet | None

    def packs_now(self) -> PackSet:
        """The packs, read now if the thread has not read them yet (a start at a scenario)."""
        from councilgame.packs.discovery import discover

        if self.packset is None:
            self.packset = discover(self.extra_packs)
        return self.packset

    @work(thread=True, exclusive=True)
    def load_packs(self) -> None:
        """Behind the title: tidy the saves folder, see whether there is a game to continue,
        read the packs."""
        from councilgame.packs.discovery import discover

        self.store.clean_temporary()  # what writes killed mid-way left behind
        has_save = self.store.newest() is not None
        packset = discover(self.extra_packs)
        self.call_from_thread(self._set_packs, packset, has_save)

    def _set_packs(self, packset: PackSet, has_save: bool | None = None) -> None:
        self.packset = packset
        self.packs_loaded(has_save)

    def packs_message(self) -> str:
        if self.packset is None:
            return "Loading packs…"
        n = len(self.packset.scenario_index())
        broken = len(self.packset.broken)
        return f"{n} scenarios ready" + (f"; {broken} pack(s) could not load" if broken else "")

    def packs_loaded(self, has_save: bool | None = None) -> None:
        from councilgame.tui.screens.title import TitleScreen

        if isinstance(self.screen, TitleScreen):
            self.screen.packs_ready(self.packs_message(), has_save)

    def compile_scenario(self, scenario: str):
        """The compiled scenario, or None after telling the player why its pack failed to load
        (packs are read in full only when one of their scenarios is picked)."""
        from councilgame.packs.errors import ScenarioUnavailable
        from councilgame.play import compile_bundle

        try:
            return compile_bundle(self.packset.bundle(scenario))
        except ScenarioUnavailable as exc:
            self.notify(str(exc), severity="error", timeout=20, markup=False)
            return None
