"""A scenario: its Council, theatres, variables, operations, agenda files, objectives, endings."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from councilgame.model.common import Code, Effects, Expr, Id, Slug, Source, Strict, Text
from councilgame.model.typology import (
    Aim,
    Authorization,
    Command,
    Compliance,
    Funding,
    Lead,
    Principles,
)


class MemberYear(Strict):
    """A member's numbers for one scenario's year, over the pack's entry: a 2023 case and a 2006
    case of one pack can read China apart. Each map is merged key by key (an ideal that gives
    only `intervention` keeps the pack's other dimensions); a number given replaces the pack's."""

    ideal: dict[str, float] = Field(default_factory=dict, description="Ideal points to change, -1..1.")
    salience: dict[str, float] = Field(default_factory=dict, description="Saliences to change, 0..2.")
    affinity: dict[str, float] = Field(
        default_factory=dict, description="Ties to change (members by code, organisations by id), -1..1.")
    regions: dict[str, float] = Field(
        default_factory=dict, description="Regional interests to change, 0..2.")
    region_reluctance: dict[str, float] = Field(
        default_factory=dict, description="Permanent members: regional veto costs to change.")
    veto_reluctance: float | None = Field(
        None, ge=0, le=5, description="Permanent members: the veto's cost in this year, if it differs.")
    vetoes_alone: bool | None = Field(
        None, description="Permanent members: whether it vetoes alone in this year, if it differs.")
    blocs: list[str] | None = Field(
        None, description="Its caucuses in this year, if they differ (the whole list: the United "
        "Kingdom sat with the EU until 2020).")
    source: Source = ""


class Council(Strict):
    """The fifteen members sitting in the scenario's year."""

    permanent: list[Code] = Field(description="The five permanent members (Charter Art. 23).")
    elected: list[Code] = Field(description="The ten elected members.")
    first_president: Code | None = Field(
        None, description="Member presiding in the first month; then rule 18 rotation."
    )
    note: Text = Field("", description="Shown to the player: why these members sit.")
    notes: dict[Code, Text] = Field(
        default_factory=dict, description="A line about a member's record as of the scenario's "
        "year, shown with its seat in place of the member's own note (which may cite later "
        "years: a 2006 case needs 2006 notes).")
    members: dict[Code, MemberYear] = Field(
        default_factory=dict, description="A member's numbers for the scenario's year, merged over "
        "its pack entry (the AI plays it by them in this scenario only): how a 1981 or a 2006 case "
        "reads a permanent member whose entry is calibrated on later years.")
    roll_call_noise: float | None = Field(
        None, ge=0, description="Overrides the model's roll-call noise for this scenario: 0 makes "
        "every member vote as the whip count shows (the tutorial, so that its lessons hold in "
        "every seed).")
    scripted_vetoes: list[Code] = Field(
        default_factory=list, description="Permanent members whose vetoes are this scenario's "
        "point, against their recent record (the paper has France and the United Kingdom veto "
        "again): the balance report's realism check does not flag them.")
    source: Source = ""


class Theatre(Strict):
    """A place where the crisis unfolds, with its own gauges."""

    id: Id = Field(description="Identifier; gauges read as <theatre>.<gauge>.")
    name: str = Field(description="Name shown to players.")
    region: str = Field(description="Region id, matched against members' regional interests.")
    hosts: list[str] = Field(default_factory=list, description="Host states (names).")
    gauges: dict[str, float] = Field(
        default_factory=dict, description="Starting value of each gauge, 0..100."
    )


class Variable(Strict):
    """A scenario-specific variable, e.g. supply_security or sea_ice."""

    id: Id = Field(description="Identifier, read by name in expressions.")
    name: str = Field(description="Name shown to players.")
    short: str = Field(
        "", max_length=18,
        description="Name for narrow screens (an 80-column gauge panel); the name if empty.",
    )
    description: Text = Field("", description="What it measures. Not shown to players (for authors).")
    initial: float = Field(description="Value at the start.")
    min: float = Field(0.0, description="Lowest value.")
    max: float = Field(100.0, description="Highest value.")
    good: Literal["low", "high", "neutral"] = Field(
        "neutral", description="Whether low or high values are good, or neither."
    )
    shown: bool = Field(True, description="Shown as a gauge to players.")
    source: Source = ""


class Flag(Strict):
    """A yes/no fact of the story that events and clauses switch."""

    id: Id = Field(description="Identifier, read as flags.<id> in expressions.")
    description: Text = Field("", description="What the flag records. Not shown to players (for authors).")
    initial: bool = Field(False, description="Whether it is set when the game starts.")


class Composition(Strict):
    troops: int = Field(0, ge=0, le=200_000, description="Armed troops.")
    police: int = Field(0, ge=0, le=50_000, description="Police officers.")
    observers: int = Field(0, ge=0, le=10_000, description="Unarmed military observers.")
    civilians: int = Field(0, ge=0, le=20_000, description="Civilian staff.")


class Operation(Strict):
    """A UN mission or a parallel operation, described by the paper's typology."""

    id: Id = Field(description="Identifier, read as ops.<id>.* in expressions.")
    name: str = Field(description="Full name.")
    short: str = Field(description="Acronym, e.g. UNSOSAH, FC-G5S.")
    theatre: Id = Field(description="Theatre it deploys in.")
    lead: Lead = Field(
        description="Kind of lead (typology): un, regional, subregional, coalition, state or company."
    )
    led_by: str = Field(description="Organisation id or member code that leads it.")
    composition: Composition = Field(default_factory=Composition, description="Personnel by kind.")
    authorization: Authorization = Field(
        Authorization.NONE,
        description="The Council's basis at the start: chapter7, chapter8, endorsed, welcomed or none.",
    )
    command: Command = Field(
        Command.INDEPENDENT, description="Command relation to the UN: independent, coordinated or integrated."
    )
    principles: Principles = Field(
        Principles.ALIGNED,
        description="Alignment with UN peacekeeping principles: aligned, partial or not_aligned.",
    )
    aim: Aim = Field(
        description="Aim: capacity_building, crisis_response, deterrence, combat, monitoring or support."
    )
    consent: bool = Field(True, description="Whether the host state consents.")
    funding: Funding = Field(Funding.OWN, description="Funding: assessed, trust_fund, own or none.")
    compliance: Compliance = Field(
        Compliance.NONE, description="Compliance framework binding it: none, regional or un."
    )
    supported: bool = Field(False, description="Receives a UN support package.")
    supports: Id | None = Field(None, description="For a UN support operation: whom it supports.")
    deployed: bool = Field(False, description="Deployed when the scenario starts.")
    mandate_months: int | None = Field(
        None, ge=1, le=60, description="Months left on its mandate at the start, if any."
    )
    strength: float = Field(1.0, ge=0, le=1, description="Readiness, 0..1.")
    description: Text = Field("", description="What it is. Shown: on the operations screen (m).")
    source: Source = ""


class ClauseOffer(Strict):
    """A clause on offer for a file, optionally aimed at one operation."""

    clause: Id = Field(description="Id of the clause on offer.")
    target: Id | None = Field(
        None, description="Id of the operation the clause acts on, for clauses that need one."
    )
    when: Expr | None = Field(
        None, description="Offered only in months when this holds (e.g. once a force is deployed)."
    )
    insist: bool = Field(
        False, description="A computer penholder tables this clause and never trades it away, "
        "whatever it costs in votes (it otherwise leaves out what it dislikes, or what a "
        "permanent member resents enough to veto)."
    )


class AgendaFile(Strict):
    """A file the Council deals with: who holds the pen, which clauses it offers."""

    id: Id
    title: str = Field(description="Title shown on the agenda.")
    theatre: Id
    penholders: list[Code] = Field(description="Members holding the pen, first one drafts.")
    clauses: list[ClauseOffer | Id] = Field(description="Clauses a draft on this file can hold.")
    months: list[int] = Field(
        default_factory=list, description="Months (1-based) in which the file is on the agenda."
    )
    when: Expr | None = Field(None, description="Also on the agenda in any month this holds.")
    on_record: bool = Field(
        False, description="A computer penholder tables the text it wants on this file whatever "
        "the whip says, to put every member's vote on record (vetoes and defeats included).")
    agenda_vote: Expr | None = Field(
        None, description="In a month this holds, a member that objects to taking up the file "
        "forces a procedural vote on the agenda (9 yes, no veto: Art. 27(2)); if it fails, the "
        "Council does not take the file up that month.")
    neglect: Effects = Field(
        default_factory=Effects,
        description="Applied each month the file is on the agenda and the Council adopts nothing.",
    )
    description: Text = Field("", description="What the file is about. Shown: at the briefing, under 'On "
        "the agenda'.")
    source: Source = ""


class Objective(Strict):
    """A seat's private objective, achieved when its condition holds at the end."""

    id: Id = Field(description="Identifier of the objective.")
    text: str = Field(description="The objective as the seat's player reads it. Shown: to that seat (My "
        "seat, the set-up) and in the debrief.")
    when: Expr
    weight: float = Field(1.0, gt=0, le=10, description="Its weight in the seat's objective score.")


class Ending(Strict):
    """How a game can end; the first ending (by priority) whose condition holds is chosen."""

    id: Id = Field(description="Identifier of the ending.")
    title: str = Field(description="Title shown in the debrief.")
    text: Text = Field(description="What the ending means. Shown: in the debrief.")
    when: Expr = "true"
    priority: int = Field(0, description="Checked in descending priority.")
    early: bool = Field(False, description="Can end the game before its last month (checked every month).")
    source: Source = ""


class Crisis(Strict):
    """A crisis state with hysteresis: on when `on` holds, off only when `off` holds."""

    id: Id = Field(description="Identifier, read as crisis.<id> in expressions.")
    name: str = Field(description="Name shown when the crisis starts and ends.")
    on: Expr
    off: Expr
    monthly: Effects = Field(default_factory=Effects, description="Applied each month it is on.")
    source: Source = ""


class DebriefItem(Strict):
    """A real case or a recommendation of the paper shown in the debrief when it applies."""

    title: str = Field(description="Heading in the debrief.")
    text: Text = Field(description="What to tell the player, in a few sentences.")
    when: Expr = "true"
    source: Source


class RealVote(Strict):
    """A vote the real Council held on one of the scenario's files, for the debrief's "What the
    Council really did" and the balance report's share of AI games that reproduce it."""

    file: Id = Field(description="The agenda file it was a vote on.")
    title: str = Field(description="E.g. 'Resolution 1671 (2006)'. Shown: in the debrief.")
    date: str = Field(description="The day of the vote, e.g. '25 April 2006'. Shown: in the debrief.")
    result: Literal["adopted", "failed", "vetoed", "none"] = Field(
        description="What the vote decided; `none` where the real Council adopted nothing on the "
        "file and held no vote (a force created outside the UN): the report then counts the games "
        "that adopt no text on it.")
    vote: str = Field(pattern=r"^(\d{1,2}-\d{1,2}-\d{1,2})?$", description="Yes, no and "
                      "abstentions, as the UN writes them: '15-0-0', '13-0-2'; empty for a result "
                      "of `none`. Shown: in the debrief.")
    text: Text = Field(description="What it did, in a sentence or two. Shown: in the debrief.")
    source: Source = Field(description="Where the vote is recorded (a UN document or press release).")

    @property
    def counts(self) -> tuple[int, int, int]:
        """(yes, no, abstain); zeros where no vote was held."""
        if not self.vote:
            return 0, 0, 0
        yes, no, abstain = (int(n) for n in self.vote.split("-"))
        return yes, no, abstain


class Debrief(Strict):
    cases: list[DebriefItem] = Field(
        default_factory=list, description="Real cases the debrief shows when their condition holds."
    )
    recommendations: list[DebriefItem] = Field(
        default_factory=list,
        description="The paper's recommendations the debrief shows when their condition holds.",
    )
    real: list[RealVote] = Field(
        default_factory=list, description="What the real Council did on the scenario's files: the "
        "debrief sets each beside the game's own votes on that file.")


class TutorialStep(Strict):
    """A line of guidance shown on a screen of the tutorial."""

    at: Literal["briefing", "draft", "consult", "vote", "rollcall", "choice", "debrief"] = Field(
        description="The screen it is shown on."
    )
    month: int | None = Field(None, ge=1, description="Only in this month (any month if absent).")
    file: Id | None = Field(None, description="Only while this agenda file is before the Council.")
    text: Text = Field(description="What to tell the player, in two or three sentences.")


class Scenario(Strict):
    """One playable crisis."""

    id: Slug = Field(description="Identifier used on the command line.")
    title: str = Field(description="Title shown to players.")
    synopsis: Text = Field(description="The situation, in a paragraph, for the scenario picker.")
    source: Source = Field(description="Which section of the paper the scenario comes from.")
    year: int = Field(ge=1945, le=2100, description="Calendar year of the first turn.")
    start_month: int = Field(1, ge=1, le=12, description="Calendar month of the first turn.")
    months: int = Field(ge=1, le=36, description="Number of monthly turns.")
    lengths: list[int] = Field(
        default_factory=list,
        description="Shorter lengths, in months, this scenario may be played to (a seminar's "
        "time; `play --length`); its full length is always allowed.",
    )
    council: Council = Field(description="The fifteen members.")
    theatres: list[Theatre] = Field(min_length=1, description="Where the crisis unfolds.")
    variables: list[Variable] = Field(default_factory=list, description="Scenario-specific variables.")
    flags: list[Flag] = Field(default_factory=list, description="Yes/no facts of the story.")
    operations: list[Operation] = Field(
        default_factory=list, description="UN missions and parallel operations, deployed or possible."
    )
    files: list[AgendaFile] = Field(min_length=1, description="Agenda files.")
    objectives: dict[Code, list[Objective]] = Field(
        default_factory=dict, description="Private objectives of each seat (by member code)."
    )
    endings: list[Ending] = Field(min_length=1, description="Possible endings.")
    crises: list[Crisis] = Field(default_factory=list, description="Crisis states with hysteresis.")
    debrief: Debrief = Field(
        default_factory=Debrief, description="Real cases and recommendations for the debrief."
    )
    events_per_month: int = Field(2, ge=0, le=6, description="Most events drawn in a month.")
    quiet_weight: float = Field(2.0, ge=0, description="Weight of 'nothing happens' in each draw.")
    capital: int = Field(6, ge=0, le=50, description="Political capital each seat starts with.")
    seats: list[Code] = Field(
        default_factory=list, description="The seats a player may hold (all fifteen if empty): "
        "the tutorial's guidance is written for one seat.")
    suggested_seat: Code | None = Field(
        None, description="The seat offered first to a new player (for example the penholder, "
        "who has most to do); the first seat a player may hold if not given.")
    tutorial: list[TutorialStep] = Field(
        default_factory=list, description="Guidance shown step by step (a tutorial scenario)."
    )
    capital_per_month: int = Field(1, ge=0, le=10, description="Political capital each seat gains per month.")
