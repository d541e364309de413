"""A scenario: its Council, theatres, variables, operations, agenda files, objectives, endings."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from councilgame.engine.typology import (
    Aim,
    Authorization,
    Command,
    Compliance,
    Funding,
    Lead,
    Principles,
)
from councilgame.packs.schema.common import Code, Effects, Expr, Id, Source, Strict, Text


class Council(Strict):
    """The fifteen members sitting in the scenario's year."""

    permanent: list[Code] = Field(description="The five permanent members (Charter Art. 23).")
    elected: list[Code] = Field(description="The ten elected members.")
    first_president: Code | None = Field(
        None, description="Member presiding in the first month; then rule 18 rotation."
    )
    note: Text = Field("", description="Shown to the player: why these members sit.")
    source: Source = ""


class Theatre(Strict):
    """A place where the crisis unfolds, with its own gauges."""

    id: Id
    name: str
    region: str = Field(description="Region id, matched against members' regional interests.")
    hosts: list[str] = Field(default_factory=list, description="Host states (names).")
    gauges: dict[str, float] = Field(
        default_factory=dict, description="Starting value of each gauge, 0..100."
    )


class Variable(Strict):
    """A scenario-specific variable, e.g. supply_security or sea_ice."""

    id: Id
    name: str
    description: Text = ""
    initial: float
    min: float = 0.0
    max: float = 100.0
    good: Literal["low", "high", "neutral"] = "neutral"
    shown: bool = Field(True, description="Shown as a gauge to players.")
    source: Source = ""


class Flag(Strict):
    """A yes/no fact of the story that events and clauses switch."""

    id: Id
    description: Text = ""
    initial: bool = False


class Composition(Strict):
    troops: int = Field(0, ge=0, le=200_000)
    police: int = Field(0, ge=0, le=50_000)
    observers: int = Field(0, ge=0, le=10_000)
    civilians: int = Field(0, ge=0, le=20_000)


class Operation(Strict):
    """A UN mission or a parallel operation, described by the paper's typology."""

    id: Id
    name: str
    short: str = Field(description="Acronym, e.g. UNSOSAH, FC-G5S.")
    theatre: Id
    lead: Lead
    led_by: str = Field(description="Organisation id or member code that leads it.")
    composition: Composition = Field(default_factory=Composition)
    authorization: Authorization = Authorization.NONE
    command: Command = Command.INDEPENDENT
    principles: Principles = Principles.ALIGNED
    aim: Aim
    consent: bool = Field(True, description="Whether the host state consents.")
    funding: Funding = Funding.OWN
    compliance: Compliance = Compliance.NONE
    supported: bool = Field(False, description="Receives a UN support package.")
    supports: Id | None = Field(None, description="For a UN support operation: whom it supports.")
    deployed: bool = Field(False, description="Deployed when the scenario starts.")
    mandate_months: int | None = Field(
        None, ge=1, le=60, description="Months left on its mandate at the start, if any."
    )
    strength: float = Field(1.0, ge=0, le=1, description="Readiness, 0..1.")
    description: Text = ""
    source: Source = ""


class ClauseOffer(Strict):
    """A clause on offer for a file, optionally aimed at one operation."""

    clause: Id
    target: Id | None = None


class AgendaFile(Strict):
    """A file the Council deals with: who holds the pen, which clauses it offers."""

    id: Id
    title: str
    theatre: Id
    penholders: list[Code] = Field(description="Members holding the pen, first one drafts.")
    clauses: list[ClauseOffer | Id] = Field(description="Clauses a draft on this file can hold.")
    months: list[int] = Field(
        default_factory=list, description="Months (1-based) in which the file is on the agenda."
    )
    when: Expr | None = Field(None, description="Also on the agenda in any month this holds.")
    neglect: Effects = Field(
        default_factory=Effects,
        description="Applied each month the file is on the agenda and the Council adopts nothing.",
    )
    description: Text = ""
    source: Source = ""


class Objective(Strict):
    """A seat's private objective, achieved when its condition holds at the end."""

    id: Id
    text: str
    when: Expr
    weight: float = Field(1.0, gt=0, le=10)


class Ending(Strict):
    """How a game can end; the first ending (by priority) whose condition holds is chosen."""

    id: Id
    title: str
    text: Text
    when: Expr = "true"
    priority: int = Field(0, description="Checked in descending priority.")
    early: bool = Field(
        False, description="Can end the game before its last month (checked every month)."
    )
    source: Source = ""


class Crisis(Strict):
    """A crisis state with hysteresis: on when `on` holds, off only when `off` holds."""

    id: Id
    name: str
    on: Expr
    off: Expr
    monthly: Effects = Field(default_factory=Effects, description="Applied each month it is on.")


class DebriefItem(Strict):
    """A real case or a recommendation of the paper shown in the debrief when it applies."""

    title: str
    text: Text
    when: Expr = "true"
    source: Source


class Debrief(Strict):
    cases: list[DebriefItem] = Field(default_factory=list)
    recommendations: list[DebriefItem] = Field(default_factory=list)


class Scenario(Strict):
    """One playable crisis."""

    id: Id
    title: str
    synopsis: Text
    source: Source = Field(description="Which section of the paper the scenario comes from.")
    year: int = Field(ge=1945, le=2100)
    start_month: int = Field(1, ge=1, le=12, description="Calendar month of the first turn.")
    months: int = Field(ge=1, le=36, description="Number of monthly turns.")
    council: Council
    theatres: list[Theatre] = Field(min_length=1)
    variables: list[Variable] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    operations: list[Operation] = Field(default_factory=list)
    files: list[AgendaFile] = Field(min_length=1)
    objectives: dict[Code, list[Objective]] = Field(default_factory=dict)
    endings: list[Ending] = Field(min_length=1)
    crises: list[Crisis] = Field(default_factory=list)
    debrief: Debrief = Field(default_factory=Debrief)
    events_per_month: int = Field(2, ge=0, le=6, description="Most events drawn in a month.")
    quiet_weight: float = Field(
        2.0, ge=0, description="Weight of 'nothing happens' in each draw."
    )
    capital: int = Field(6, ge=0, le=50, description="Political capital each seat starts with.")
    capital_per_month: int = Field(1, ge=0, le=10)
