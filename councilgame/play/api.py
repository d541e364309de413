"""`new_game`: a game of any installed scenario in one call, for bots, experiments and tests."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from councilgame.engine.compiled import Compiled, compile_bundle
from councilgame.engine.game import Game
from councilgame.packs.discovery import discover
from councilgame.play.queries import playable


@lru_cache(maxsize=8)
def _compiled(scenario: str, packs: tuple[str, ...]) -> Compiled:
    packset = discover([Path(p) for p in packs])
    failure = packset.unavailable(scenario)
    if failure is not None:  # the API's callers expect a ValueError for a scenario they cannot have
        raise ValueError(str(failure))
    index = packset.scenario_index()
    if scenario not in index:
        known = ", ".join(sorted(index)) or "none"
        raise ValueError(f"no scenario {scenario!r}; installed: {known}")
    return compile_bundle(packset.bundle(scenario))


def load_scenario(scenario: str, packs: Iterable[str | Path] = ()) -> Compiled:
    """The compiled scenario (cached: thousands of games can share one)."""
    return _compiled(scenario, tuple(str(p) for p in packs))


def new_game(scenario: str, seed: int, humans: Iterable[str] = (),
             packs: Iterable[str | Path] = (), record: bool = True) -> Game:
    """A new game of `scenario` with these human seats (member codes); every other seat is
    played by the AI. `packs` are extra pack folders, searched after the built-in ones."""
    comp = load_scenario(scenario, packs)
    humans = tuple(humans)
    unknown = [h for h in humans if h not in comp.index]
    if unknown:
        raise ValueError(f"not on this Council: {', '.join(unknown)}; seats: {', '.join(comp.codes)}")
    allowed = playable(comp)
    barred = [h for h in humans if h not in allowed]
    if barred:
        raise ValueError(f"a player may not hold {', '.join(barred)} in {scenario}; seats: "
                         f"{', '.join(allowed)}")
    return Game(comp, seed, humans=humans, record=record)


def game_lengths(comp: Compiled) -> list[int]:
    """The lengths in months a game of this scenario may be played to (`play --length`)."""
    from councilgame.engine.start import lengths

    return lengths(comp)


def difficulties() -> list[str]:
    """The difficulty settings a player may choose (`play --difficulty`), easiest first."""
    from councilgame.engine.start import DIFFICULTY

    return sorted(DIFFICULTY, key=lambda d: -DIFFICULTY[d])
