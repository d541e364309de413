"""Library files that scenarios build on: dimensions, gauges, members, organisations, clauses,
and the numeric model (operation effects, AI parameters, scoring weights)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from councilgame.model.common import Code, Effects, Id, Source, Strict, Text
from councilgame.model.typology import ClauseGroup, Lead, RegionalGroup


class Dimension(Strict):
    """An issue dimension of the AI members' spatial model."""

    id: Id = Field(description="Identifier, used in ideal points and positions.")
    name: str = Field(description="Short name shown to players.")
    low: str = Field(description="What -1 on this dimension means.")
    high: str = Field(description="What +1 on this dimension means.")
    description: Text = Field("", description="What the dimension measures.")


class Gauge(Strict):
    """A gauge every theatre has (violence, abuses, ...)."""

    id: Id = Field(description="Identifier; read by name (first theatre) or as <theatre>.<id>.")
    name: str = Field(description="Name shown to players.")
    short: str = Field(
        "", max_length=18,
        description="Name for narrow screens (an 80-column gauge panel); the name if empty.",
    )
    description: Text = Field("", description="What the gauge measures. Not shown to players (for authors).")
    good: Literal["low", "high"] = Field(description="Whether low or high values are good.")
    source: Source = ""


class Member(Strict):
    """A state that can sit on the Council, with the interests the AI plays it by."""

    code: Code
    name: str = Field(
        description="English short name as the UN lists it; the presidency rotates in its "
        "alphabetical order (Rules of Procedure, rule 18)."
    )
    short: str = Field(
        "", max_length=18,
        description="Name for headers and narrow screens (United Kingdom); the name if empty.",
    )
    group: RegionalGroup = Field(description="UN regional group.")
    permanent: bool = Field(False, description="One of the five permanent members (Art. 23).")
    blocs: list[str] = Field(
        default_factory=list, description="Caucuses it belongs to, e.g. A3, EU, NATO, Arab."
    )
    ideal: dict[str, float] = Field(default_factory=dict, description="Ideal point on each dimension, -1..1.")
    salience: dict[str, float] = Field(
        default_factory=dict, description="How much each dimension matters to it, 0..2 (default 1)."
    )
    affinity: dict[str, float] = Field(
        default_factory=dict,
        description="Ties to other members (by code) and organisations (by id), -1..1.",
    )
    regions: dict[str, float] = Field(
        default_factory=dict, description="Interest in files of each region, 0..2 (default 0.5)."
    )
    veto_reluctance: float = Field(
        1.0, ge=0, le=5, description="Permanent members: how much a veto costs it (higher: rarer)."
    )
    region_reluctance: dict[str, float] = Field(
        default_factory=dict,
        description="Permanent members: how much more a veto costs it on files of a region "
        "(multiplies veto_reluctance), e.g. {africa: 3} for a member that defers to the A3.",
    )
    vetoes_alone: bool = Field(
        True, description="Permanent members: false for one that vetoes only beside another "
        "permanent member (every Chinese veto since 1999 was cast with Russia's).",
    )
    note: Text = Field("", description="A line about the member's record, shown with its seat.")
    source: Source = ""


class Organisation(Strict):
    """An organisation, coalition or company that can lead a parallel operation."""

    id: Id = Field(description="Identifier, used as an operation's led_by.")
    name: str = Field(description="Full name.")
    short: str = Field(description="Acronym shown in tight places, e.g. AU, EU, G5S.")
    kind: Lead = Field(description="Kind of lead it is (typology).")
    region: str = Field("", description="Region it belongs to, e.g. africa, europe.")
    western: bool = Field(False, description="Seen as Western-led (drives some members' stance).")
    members: list[str] = Field(default_factory=list, description="Member states (codes or names).")
    note: Text = Field("", description="A line about its record.")
    source: Source = ""


class Clause(Strict):
    """A clause a draft resolution can contain."""

    id: Id = Field(description="Identifier, used in agenda files' clause lists.")
    title: str = Field(description="Short title shown in the drafting screen.")
    group: ClauseGroup = Field(
        description="Drafting group: mandate, authorization, support, compliance, funding, "
        "sanctions, requests or duration."
    )
    text: Text = Field(description="What the clause does, in one or two plain sentences. Shown: on the "
        "drafting screen, under the highlighted clause.")
    position: dict[str, float] = Field(
        default_factory=dict, description="Position on each dimension, -1..1 (sums over a draft)."
    )
    exclusive: str | None = Field(
        None, description="Clauses sharing this tag exclude each other (e.g. one authorization)."
    )
    needs_target: bool = Field(
        False, description="The clause applies to an operation a file names as its target."
    )
    target_weight: float = Field(
        0.0,
        ge=0,
        le=2,
        description="How much of the target operation's profile (lead, consent, aim) and of "
        "members' ties to its lead the clause carries: 1 for authorization, less for weaker forms.",
    )
    effects: Effects = Field(default_factory=Effects, description="What adoption does.")
    legitimacy: float = Field(0.0, ge=-20, le=20, description="Direct change to accountability when adopted.")
    tags: list[str] = Field(default_factory=list, description="Free labels.")
    source: Source = ""


class Caucus(Strict):
    """Members of a group that agree a common vote on one region's files, as the African
    elected members do on African files."""

    blocs: list[str] = Field(min_length=1, description="Members in any of these blocs caucus.")
    regions: list[str] = Field(min_length=1, description="Regions whose files they vote on as one.")
    source: str = Field("", description="Where the practice is documented.")


class AIModel(Strict):
    """Parameters of the AI members' voting model (see README, 'How the AI members vote')."""

    act_bias: float = Field(0.6, description="Baseline wish that the Council acts at all.")
    rival_act_bias: float = Field(
        0.2, description="The same wish for a rival draft: a competing text puts a position on "
        "record more than it acts for the Council.")
    rival_loyalty: float = Field(
        0.6, ge=0, description="What backing the penholder's text costs a member's support for a "
        "rival draft voted after it.")
    yes_threshold: float = Field(0.0, description="Utility above which a member votes yes.")
    no_threshold: float = Field(-0.8, description="Utility below which an elected member votes no.")
    veto_threshold: float = Field(-1.6, description="Utility below which a P5 member vetoes.")
    noise: float = Field(0.25, ge=0, description="Standard deviation of each ballot's noise.")
    sponsor_weight: float = Field(0.3, description="Weight of ties to the sponsor.")
    lead_weight: float = Field(0.6, description="Weight of ties to a target operation's lead.")
    salience_floor: float = Field(0.3, ge=0, description="Minimum salience of any file.")
    lobby_effect: float = Field(0.35, description="Utility one point of political capital buys.")
    memory_decay: float = Field(0.8, ge=0, le=1, description="Share of a memory kept each month.")
    slight: float = Field(0.4, description="Memory left when a member's veto signal is ignored.")
    caucuses: list[Caucus] = Field(
        default_factory=list,
        description="Groups that vote as one on a region's files: each member of a caucus casts "
        "the ballot its median member would.")
    positions: dict[str, dict[str, float]] = Field(
        default_factory=dict,
        description="Positions an operation's attributes add to a clause that targets it, "
        "keyed 'lead.coalition', 'western', 'consent.false', 'aim.combat', ...",
    )


class ScoringModel(Strict):
    """Weights that combine components into the legitimacy and outcome scores."""

    legitimacy: dict[str, float] = Field(
        description="Weight of each legitimacy component.",
        default_factory=lambda: {
            "legality": 1.0,
            "inclusiveness": 1.0,
            "impartiality": 1.0,
            "accountability": 1.0,
            "effectiveness": 1.0,
        },
    )
    outcomes: dict[str, float] = Field(
        description="Weight of each outcome component.",
        default_factory=lambda: {
            "civilian_protection": 1.0,
            "stability": 1.0,
            "political_process": 1.0,
            "humanitarian": 1.0,
        },
    )


class Model(Strict):
    """The numeric model: operation effects per month, AI parameters, scoring weights."""

    effects: dict[str, dict[str, float]] = Field(
        default_factory=dict,
        description="Per operation feature (e.g. 'troops', 'un_troops', 'unbound_combat'), the "
        "change it makes to each gauge per month at full strength.",
    )
    noise: dict[str, float] = Field(
        default_factory=dict, description="Monthly random noise (standard deviation) per gauge."
    )
    ai: AIModel = Field(default_factory=AIModel, description="Parameters of the AI members.")
    scoring: ScoringModel = Field(default_factory=ScoringModel, description="Weights of the scores.")
    source: Source = ""
