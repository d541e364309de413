"""Small types shared by the game's parts."""

from __future__ import annotations

from collections.abc import Generator

from councilgame.engine.actions import Action, Prompt

Flow = Generator[Prompt, Action, None]
