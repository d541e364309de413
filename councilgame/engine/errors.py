"""The one error a player's action can meet: a refusal in one sentence, as python-chess
refuses an illegal move with a typed error."""

from __future__ import annotations


class ActionError(ValueError):
    """An action that does not answer the prompt the game is waiting on; its message is one
    sentence a player can read."""
