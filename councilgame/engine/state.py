"""Engine state: plain data that screens read and saves summarise; only the engine mutates it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np


@dataclass(slots=True)
class OpState:
    """An operation as it stands this month (the typology, plus readiness and mandate)."""

    id: str
    name: str
    short: str
    theatre: int
    lead: str
    led_by: str
    authorization: str
    command: str
    principles: str
    aim: str
    consent: bool
    funding: str
    compliance: str
    supported: bool
    supports: str | None
    troops: int
    police: int
    observers: int
    civilians: int
    strength: float
    active: bool
    mandate: int | None
    months: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class FileState:
    id: str
    on_agenda: bool = False
    queued: bool = False
    neglect: int = 0
    adopted: int = 0
    failed: int = 0
    vetoes: int = 0
    prst: int = 0


@dataclass(slots=True)
class Cause:
    """One change of one gauge, and what caused it, for the debrief's 'why?'."""

    month: int
    var: str
    delta: float
    kind: str  # operation, clause, event, choice, neglect, crisis, theatre, noise, mandate
    source: str
    label: str


@dataclass(slots=True)
class VoteRecord:
    month: int
    file: str
    draft: str
    kind: str  # draft or amendment
    sponsor: str
    clauses: list[str]
    ballots: dict[str, str]
    result: str
    vetoed_by: list[str]
    yes: int
    no: int
    abstain: int


@dataclass(slots=True)
class DealRecord:
    """A trade of support: `seat` got `target`'s vote and owes it a yes on its next draft."""

    month: int
    seat: str
    target: str
    file: str
    status: str = "open"  # offered, declined, lapsed, open, kept, broken, expired
    draft: str = ""  # the draft on the table when it was agreed
    target_status: str = ""  # between players: whether the target kept its side (vote yes now)


@dataclass(slots=True)
class MessageRecord:
    month: int
    seat: str
    target: str
    text: str


NEWS_KINDS = ("event", "choice", "vote", "signal", "draft", "lobby", "deal", "statement", "crisis",
              "mandate", "effect", "neglect", "facilitator")


@dataclass(frozen=True, slots=True)
class NewsItem:
    """One line of the month's news, typed so that screens never read the engine's English to
    decide how to show it or whom to show it to. `private_to` empty means the whole room may
    see it; otherwise only those seats (a lobbying result, an AI's answer to a deal)."""

    kind: str
    month: int
    text: str
    seats: tuple[str, ...] = ()
    private_to: tuple[str, ...] = ()

    def visible_to(self, seat: str | None) -> bool:
        return not self.private_to or seat in self.private_to


@dataclass(slots=True)
class MonthRecord:
    month: int
    president: str
    agenda: list[str] = field(default_factory=list)
    votes: list[VoteRecord] = field(default_factory=list)
    outputs: dict[str, str] = field(default_factory=dict)
    events: list[str] = field(default_factory=list)
    choices: dict[str, str] = field(default_factory=dict)
    gauges: dict[str, float] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)
    news: list[NewsItem] = field(default_factory=list)
    requests: dict[str, str] = field(default_factory=dict)  # file -> the seat that asked for it
    ordered: bool = False  # the President has set the order of the agenda

    def say(self, kind: str, text: str, seats: tuple[str, ...] = (),
            private_to: tuple[str, ...] = ()) -> None:
        self.news.append(NewsItem(kind, self.month, text, seats, private_to))

    def say_all(self, kind: str, lines: list[str]) -> None:
        for line in lines:
            self.say(kind, line)


@dataclass
class GameState:
    month: int
    vars: np.ndarray
    flags: dict[str, bool]
    crises: dict[str, bool]
    ops: dict[str, OpState]
    files: dict[str, FileState]
    fired: dict[str, int]
    last_fired: dict[str, int]
    scheduled: list[tuple[int, str]]
    memory: np.ndarray  # memory[i, j]: how member i feels about member j (favours, slights)
    capital: dict[str, int]
    vetoes_cast: dict[str, int]
    counts: dict[str, int] = field(default_factory=lambda: {"adopted": 0, "vetoes": 0, "failed": 0})
    # members.CODE.{yes,no,abstain,vetoes,rivals}: each member's ballots on drafts so far, the
    # vetoes it cast and the rival drafts it put to the vote, for events that answer them
    # (in the order of the Council's codes, five counts each: a flat list, so the environment
    # reads it in one step)
    member_votes: list[int] = field(default_factory=list)
    margins: list[float] = field(default_factory=list)
    deals: list[DealRecord] = field(default_factory=list)
    messages: list[MessageRecord] = field(default_factory=list)
    history: list[MonthRecord] = field(default_factory=list)
    causes: list[Cause] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)
    objectives: dict[str, float] = field(default_factory=dict)
    outcomes_start: float = 0.0
    ending: str | None = None
    finished: bool = False
    length: int = 0  # the months this game runs, when shorter than the scenario's (0: all of them)

    def deals_waiting(self, seat: str) -> list[tuple[int, DealRecord]]:
        """Deals another player offered `seat` that still wait for its answer, with their index."""
        return [(i, d) for i, d in enumerate(self.deals) if d.target == seat and d.status == "offered"]
