"""pack.yaml: who made the pack and what it needs."""

from __future__ import annotations

from pydantic import Field

from councilgame.model.common import Slug, Strict, Text


class Manifest(Strict):
    id: Slug = Field(description="Identifier of the pack.")
    title: str = Field(description="Title shown in the pack list.")
    version: str = Field(description="The pack's own version, e.g. 1.0.0.")
    authors: list[str] = Field(default_factory=list, description="Who wrote it.")
    licence: str = Field("", description="Licence of the pack's text, e.g. CC-BY-4.0.")
    engine: str = Field("0.1", description="Engine version the pack was written for.")
    extends: list[Slug] = Field(default_factory=list, description="Packs this one builds on, e.g. [core].")
    description: Text = Field("", description="What the pack holds.")
