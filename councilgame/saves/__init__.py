"""Saves: a versioned JSON document holding the seed and the action log (plus a summary for
listing), written atomically; loading replays the actions and checks the result."""

from councilgame.saves.format import FORMAT_VERSION, SaveError, SaveFile, Seat, Summary
from councilgame.saves.replay import Loaded, branch_actions, humans_at_start, load_game, make_save
from councilgame.saves.store import SaveStore

__all__ = [
    "FORMAT_VERSION", "Loaded", "SaveError", "SaveFile", "SaveStore", "Seat", "Summary",
    "branch_actions", "humans_at_start", "load_game", "make_save",
]
