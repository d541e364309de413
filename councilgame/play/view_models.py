"""The view models: what a front end may show, as pydantic models (JSON-serialisable). The
builders that fill them from a game are in `play/views.py`."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _View(BaseModel):
    model_config = ConfigDict(frozen=True)


class PromptView(_View):
    """Whose turn it is and what is asked: public, so the room knows who acts."""

    kind: str
    seat: str
    file: str | None = None
    event: str | None = None
    options: list[str] = Field(default_factory=list)
    question: str = ""
    symbol: str | None = Field(None, description="At a vote: the vote's symbol, as `sitting` "
                               "lists it.")


class SittingItemView(_View):
    """One vote of the sitting under way, announced before its first roll call."""

    symbol: str
    kind: str = Field(description="amendment, draft, rival or procedural.")
    sponsor: str = Field(description="The mover, penholder or rival sponsor (member code).")
    clauses: list[str] = Field(default_factory=list, description="Clause titles it inserts, "
                               "deletes or holds.")
    remove: bool = Field(False, description="An amendment that deletes its clause.")
    conditional: bool = Field(False, description="Held only if the votes before it go a "
                              "certain way (a rival draft: if the draft fails).")
    result: str | None = Field(None, description="adopted, failed or vetoed, once voted.")


class NewsView(_View):
    kind: str = Field(description="event, choice, vote, signal, draft, lobby, deal, statement, "
                      "crisis, mandate, effect, neglect or facilitator.")
    month: int
    text: str
    seats: list[str] = Field(default_factory=list, description="The seats the item is about.")
    private: bool = Field(False, description="Shown only to the seat this view is for.")


class SeatInfo(_View):
    """A seat as the whole room sees it (never its objectives)."""

    code: str
    name: str
    short: str  # the name for headers and narrow screens
    group: str
    permanent: bool
    human: bool
    president: bool
    pens: list[str] = Field(default_factory=list, description="Files it holds the pen on.")


class GaugeView(_View):
    var: str
    label: str
    short: str  # the label for narrow screens
    good: str
    value: float
    history: list[float]


class OperationView(_View):
    id: str
    short: str
    name: str
    description: str = Field("", description="What it is (the pack's words).")
    lead: str
    led_by: str
    led_by_name: str = Field("", description="Who leads it, by name.")
    authorization: str
    active: bool
    mandate: int | None
    troops: int
    police: int
    observers: int
    consent: bool
    compliance: str
    funding: str


class FileView(_View):
    id: str
    title: str
    pen: str | None = Field(None, description="The member holding the pen on it.")
    output: str | None = Field(None, description="resolution, presidential statement, press "
                               "statement or press elements, once the Council has dealt with it this month.")
    description: str = Field("", description="What the file is about (the pack's words).")


class ClauseView(_View):
    key: str
    title: str


class DraftView(_View):
    """The text on the table."""

    file: str
    sponsor: str
    symbol: str
    clauses: list[ClauseView]


class VoteView(_View):
    month: int
    file: str
    draft: str
    kind: str
    sponsor: str
    clauses: list[str]
    ballots: dict[str, str]
    result: str
    vetoed_by: list[str]
    yes: int
    no: int
    abstain: int
    permanent_no: list[str] = Field(
        default_factory=list, description="Permanent members that voted no: a veto only when "
        "the text had nine yes (then they are also in vetoed_by).")
    title: str = Field("", description="The question in words, for players: 'Draft by France "
                       "on ...', 'Amendment by ...'.")
    clause_titles: list[str] = Field(default_factory=list, description="The clauses voted, by "
                                     "their titles (and the operation they concern).")


class StanceView(_View):
    code: str
    name: str
    ballot: str
    utility: float
    reasons: list[tuple[str, float]]
    veto: bool
    leaning: bool = Field(False, description="Within the noise of the day of another ballot.")


class WhipView(_View):
    """A projected vote, before the noise of the day."""

    stances: list[StanceView]
    yes: int
    no: int
    abstain: int
    vetoes: list[str]
    passes: bool
    summary: str
    chance: float = Field(0.0, description="Chance the text is adopted, with the noise of the "
                          "day, if the viewer votes yes (0..1).")
    chance_without: float = Field(0.0, description="The same if the viewer abstains.")
    others_needed: int = Field(0, description="More yes votes the text needs beyond the other "
                               "members' projected yes (the viewer's own excluded).")


class AmendmentView(_View):
    """The amendment the Council votes on now: who moves it, what it changes, and how the
    members would vote on it before the noise of the day."""

    mover: str
    clause: str = Field(description="The clause's title (and the operation it concerns).")
    remove: bool = Field(description="True: it deletes the clause; False: it inserts it.")
    projected: dict[str, str] = Field(default_factory=dict, description="Member code: yes, no "
                                      "or abstain, as its utilities stand.")


class ChangeView(_View):
    """A gauge that moved over a month, and the largest reason it moved."""

    label: str
    delta: float
    better: bool = Field(description="Whether it moved the good way.")
    cause: str = Field("", description="The largest cause: a clause, operation, event or decision.")


class SinceView(_View):
    """What changed in the month just ended, for the next briefing."""

    month: int
    name: str
    events: list[tuple[str, str]] = Field(default_factory=list, description="(title, text) of "
                                          "each event that fired.")
    choices: list[str] = Field(default_factory=list, description="'Event: the option taken'.")
    gauges: list[ChangeView] = Field(default_factory=list, description="Gauges that moved, most "
                                     "first.")


class MonthView(_View):
    """One month of the game so far, as the room saw it."""

    month: int
    name: str = Field(description="'March 2026'.")
    president: str
    events: list[str] = Field(default_factory=list, description="Ids of the events that fired.")
    choices: dict[str, str] = Field(default_factory=dict,
                                    description="Event id: the option its decision took.")


class OptionView(_View):
    id: str
    label: str
    text: str = ""


class ChoiceView(_View):
    """The event whose decision the prompt asks for, as the seat deciding reads it."""

    event: str
    title: str
    text: str
    question: str
    options: list[OptionView]


class LobbyView(_View):
    """What lobbying one member would buy now, before the capital is spent."""

    target: str
    gain: float = Field(description="Utility one point of capital adds now (less for each "
                        "point already spent on this member in this meeting).")
    now: str = Field(description="How the member leans now.")
    after: str = Field(description="How it would lean after one point.")


class ObjectiveView(_View):
    text: str
    met: bool


class DealView(_View):
    index: int
    month: int
    seat: str
    target: str
    file: str
    status: str
    draft: str
    target_status: str
    waiting_for_you: bool = False


class MessageView(_View):
    month: int
    seat: str
    target: str
    text: str


class PublicView(_View):
    """What everyone in the room may see."""

    since: SinceView | None = Field(None, description="What changed last month (from month 2).")
    amendment: AmendmentView | None = Field(None, description="The amendment being voted on.")

    scenario: str
    title: str
    synopsis: str = ""
    month: int
    months: int
    month_name: str
    president: str
    finished: bool
    ending: str | None
    prompt: PromptView | None
    seats: list[SeatInfo]
    rota: list[str] = Field(default_factory=list, description="Member codes in the order of "
                            "the presidency's rota (English alphabetical).")
    agenda: list[FileView]
    file_titles: dict[str, str] = Field(default_factory=dict, description="Every file's title.")
    requested: dict[str, str] = Field(
        default_factory=dict, description="Files a member asked for this month: file -> member.")
    draft: DraftView | None
    ballots_so_far: dict[str, str] = Field(
        default_factory=dict, description="Players' ballots already cast in an open roll call.")
    question: str | None = Field(None, description="The kind of question in the roll call under "
                                 "way: draft, amendment or procedural (where no member has a veto).")
    sitting: list[SittingItemView] = Field(
        default_factory=list, description="The votes of the sitting under way, in order.")
    ballots_cast: int = Field(0, description="How many players' ballots are cast in the open "
                              "roll call (counted even when the ballots are sealed).")
    leanings: dict[str, str] = Field(
        default_factory=dict, description="Each member's projected ballot on the draft on the "
        "table (yes, no, abstain), as the room reads the floor; empty when no draft is tabled.")
    choice: ChoiceView | None = Field(None, description="The event a seat is asked to decide on.")
    timeline: list[MonthView] = Field(default_factory=list, description="The months so far.")
    votes: list[VoteView]
    news: list[NewsView]
    gauges: list[GaugeView]
    scores: dict[str, float]
    operations: list[OperationView]

    def seat_info(self, code: str) -> SeatInfo:
        """The seat `code` (KeyError if it does not sit on this Council)."""
        for s in self.seats:
            if s.code == code:
                return s
        raise KeyError(code)

    def name_of(self, code: str) -> str:
        return self.seat_info(code).name

    def short_of(self, code: str) -> str:
        """The member's short name (United Kingdom), for headers and narrow screens."""
        return self.seat_info(code).short

    def file(self, file_id: str) -> FileView | None:
        """The agenda item for a file, if it is on this month's agenda."""
        return next((f for f in self.agenda if f.id == file_id), None)


class SeatView(PublicView):
    """The public view plus one seat's private part."""

    seat: str
    capital: int
    objectives: list[ObjectiveView]
    deals: list[DealView]
    messages: list[MessageView]
    whip: WhipView | None = Field(None, description="The projected vote on the draft on the "
                                  "table, with the reasons of each member this seat may read.")
    lobbying: list[LobbyView] = Field(default_factory=list, description="In consultations: what "
                                      "one point of capital would buy with each AI member.")
