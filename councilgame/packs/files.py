"""Which file of a pack holds what: the mapping from file names to schema models."""

from __future__ import annotations

from pydantic import BaseModel, Field

from councilgame.model import (
    Clause,
    Dimension,
    EventFile,
    Gauge,
    Manifest,
    Member,
    Model,
    Organisation,
    Scenario,
)
from councilgame.model.common import Strict


class DimensionsFile(Strict):
    dimensions: list[Dimension] = Field(default_factory=list, description="Issue dimensions of the AI model.")


class GaugesFile(Strict):
    gauges: list[Gauge] = Field(default_factory=list, description="Gauges every theatre has.")


class MembersFile(Strict):
    members: list[Member] = Field(default_factory=list, description="States that can sit on the Council.")


class OrganisationsFile(Strict):
    organisations: list[Organisation] = Field(default_factory=list, description="Who can lead an operation.")


class ClausesFile(Strict):
    clauses: list[Clause] = Field(default_factory=list, description="Clauses drafts can hold.")


LIBRARY_FILES: dict[str, type[BaseModel]] = {
    "pack.yaml": Manifest,
    "dimensions.yaml": DimensionsFile,
    "gauges.yaml": GaugesFile,
    "members.yaml": MembersFile,
    "organisations.yaml": OrganisationsFile,
    "clauses.yaml": ClausesFile,
    "model.yaml": Model,
}
FOLDER_FILES: dict[str, type[BaseModel]] = {
    "scenarios": Scenario,
    "events": EventFile,
}
MAX_PACK_FILES = 200
