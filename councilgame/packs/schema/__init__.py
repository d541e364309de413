"""The pack schema: every field of every pack file, with its description."""

from councilgame.packs.schema.common import Effects, OperationChange, OperationPatch
from councilgame.packs.schema.events import Choice, Event, EventFile, FollowUp, Option
from councilgame.packs.schema.library import (
    AIModel,
    Clause,
    Dimension,
    Gauge,
    Member,
    Model,
    Organisation,
    ScoringModel,
)
from councilgame.packs.schema.manifest import Manifest
from councilgame.packs.schema.scenario import (
    AgendaFile,
    ClauseOffer,
    Composition,
    Council,
    Crisis,
    Debrief,
    DebriefItem,
    Ending,
    Flag,
    Objective,
    Operation,
    Scenario,
    Theatre,
    Variable,
)

__all__ = [
    "AIModel", "AgendaFile", "Choice", "Clause", "ClauseOffer", "Composition", "Council",
    "Crisis", "Debrief", "DebriefItem", "Dimension", "Effects", "Ending", "Event", "EventFile",
    "Flag", "FollowUp", "Gauge", "Manifest", "Member", "Model", "Objective", "Operation",
    "OperationChange", "OperationPatch", "Option", "Organisation", "Scenario", "ScoringModel",
    "Theatre", "Variable",
]
