"""Everything the engine needs to run one scenario, already validated by the pack loader.

The engine never reads files: the loader hands it this bundle of schema models.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from councilgame.model import (
    Clause,
    Dimension,
    Event,
    Gauge,
    Member,
    Model,
    Organisation,
    Scenario,
)


@dataclass(frozen=True)
class ScenarioBundle:
    scenario: Scenario
    events: tuple[Event, ...]
    members: dict[str, Member]
    organisations: dict[str, Organisation]
    clauses: dict[str, Clause]
    dimensions: tuple[Dimension, ...]
    gauges: tuple[Gauge, ...]
    model: Model
    pack_id: str = ""
    pack_version: str = ""
    pack_hash: str = ""
    extra: dict[str, str] = field(default_factory=dict)
