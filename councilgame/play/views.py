"""What a front end may show: `public_view` (what everyone in the room may see) and `seat_view`
(that, plus one seat's private part). Both are pydantic models, JSON-serialisable, and they are
all a screen reads, so privacy holds by construction: what a view does not contain cannot leak.
A networked room sends each player exactly its `seat_view`.
"""

from __future__ import annotations

import calendar

from pydantic import BaseModel, ConfigDict, Field

from councilgame.engine.game import Game
from councilgame.engine.voting import yes_missing
from councilgame.play import queries


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
    group: str
    permanent: bool
    human: bool
    president: bool
    pens: list[str] = Field(default_factory=list, description="Files it holds the pen on.")


class GaugeView(_View):
    var: str
    label: str
    good: str
    value: float
    history: list[float]


class OperationView(_View):
    id: str
    short: str
    name: str
    lead: str
    led_by: str
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
    draft: DraftView | None
    ballots_so_far: dict[str, str] = Field(
        default_factory=dict, description="Players' ballots already cast in an open roll call.")
    question: str | None = Field(None, description="The kind of question in the roll call under "
                                 "way: draft, amendment or procedural (where no member has a veto).")
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


def month_name(game: Game, month: int | None = None) -> str:
    """'March 2026' for a turn of the game."""
    sc = game.comp.scenario
    m = (month or game.state.month) - 1 + sc.start_month - 1
    return f"{calendar.month_name[m % 12 + 1]} {sc.year + m // 12}"


def public_view(game: Game, sealed: bool = False) -> PublicView:
    """What the room may see. With `sealed`, players' ballots stay hidden until the count."""
    return PublicView(**_public(game, None, sealed))


def seat_view(game: Game, seat: str, sealed: bool = False) -> SeatView:
    """The public view plus `seat`'s own objectives, capital, deals, messages, private news
    and the whip count as that seat may read it."""
    if seat not in game.comp.index:
        raise ValueError(f"{seat} does not sit on this Council")
    st = game.state
    deals = [DealView(index=i, month=d.month, seat=d.seat, target=d.target, file=d.file,
                      status=d.status, draft=d.draft, target_status=d.target_status,
                      waiting_for_you=d.target == seat and d.status == "offered")
             for i, d in enumerate(st.deals) if seat in (d.seat, d.target)]
    messages = [MessageView(month=m.month, seat=m.seat, target=m.target, text=m.text)
                for m in st.messages if seat in (m.seat, m.target)]
    objectives = [ObjectiveView(text=t, met=ok) for t, ok in queries.objective_status(game, seat)]
    return SeatView(**_public(game, seat, sealed), seat=seat, capital=st.capital[seat],
                    objectives=objectives, deals=deals, messages=messages,
                    whip=_whip(game, seat), lobbying=_lobbying(game, seat))


def _public(game: Game, viewer: str | None, sealed: bool) -> dict:
    comp, st = game.comp, game.state
    president = game.president()
    p = game.prompt
    m = game.meeting
    return {
        "scenario": comp.scenario.id, "title": comp.scenario.title,
        "synopsis": comp.scenario.synopsis.strip(), "month": st.month,
        "months": comp.scenario.months, "month_name": month_name(game), "president": president,
        "finished": st.finished, "ending": st.ending,
        "prompt": PromptView(**p.model_dump()) if p is not None else None,
        "seats": _seats(game, president),
        "rota": [comp.codes[i] for i in comp.president_order],
        "agenda": [FileView(id=f, title=comp.files[f].title, pen=_pen(game, f),
                            output=st.history[-1].outputs.get(f))
                   for f in (st.history[-1].agenda if st.history else [])],
        "draft": _draft(game),
        "ballots_so_far": {} if sealed or m is None else dict(m.ballots_cast),
        "ballots_cast": 0 if m is None else len(m.ballots_cast),
        "question": m.on_vote[1] if m is not None and m.on_vote is not None else None,
        "leanings": _leanings(game),
        "choice": _choice(game),
        "timeline": [MonthView(month=rec.month, name=month_name(game, rec.month),
                               president=rec.president, events=list(rec.events),
                               choices=dict(rec.choices))
                     for rec in st.history],
        "votes": [VoteView(**_vote(v), permanent_no=_permanent_no(game, v))
                  for rec in st.history for v in rec.votes],
        "news": _news(game, viewer),
        "gauges": _gauges(game),
        "scores": dict(st.scores),
        "operations": [_operation(op) for op in st.ops.values()],
    }


def _seats(game: Game, president: str) -> list[SeatInfo]:
    comp = game.comp
    out = []
    for i, code in enumerate(comp.codes):
        m = comp.bundle.members[code]
        pens = [f.id for f in comp.files.values() if f.penholders and f.penholders[0] == i]
        out.append(SeatInfo(code=code, name=m.name, group=str(m.group),
                            permanent=bool(comp.permanent[i]), human=code in game.humans,
                            president=code == president, pens=pens))
    return out


def _pen(game: Game, file_id: str) -> str | None:
    f = game.comp.files[file_id]
    return game.comp.codes[f.penholders[0]] if f.penholders else None


def _leanings(game: Game) -> dict[str, str]:
    m = game.meeting
    if m is None or m.draft is None:
        return {}
    w = queries.whip(game, m.file.id, m.draft.keys(m.file), m.draft.sponsor)
    return {s.code: s.ballot for s in w.stances}


def _choice(game: Game) -> ChoiceView | None:
    p = game.prompt
    if p is None or p.kind != "choice" or p.event is None:
        return None
    ev = game.comp.event_by_id[p.event].event
    if ev.choice is None:
        return None
    return ChoiceView(event=ev.id, title=ev.title, text=queries.render(game, ev.text).strip(),
                      question=queries.render(game, ev.choice.prompt).strip(),
                      options=[OptionView(id=o.id, label=o.label, text=(o.text or "").strip())
                               for o in ev.choice.options])


def _draft(game: Game) -> DraftView | None:
    m = game.meeting
    if m is None or m.draft is None:
        return None
    d = m.draft
    clauses = [ClauseView(key=o.key, title=o.label or o.clause.title)
               for k, o in enumerate(m.file.offers) if d.selected[k]]
    return DraftView(file=d.file, sponsor=d.sponsor, symbol=d.symbol, clauses=clauses)


def _vote(v) -> dict:
    return {"month": v.month, "file": v.file, "draft": v.draft, "kind": v.kind,
            "sponsor": v.sponsor, "clauses": list(v.clauses), "ballots": dict(v.ballots),
            "result": v.result, "vetoed_by": list(v.vetoed_by), "yes": v.yes, "no": v.no,
            "abstain": v.abstain}


def _permanent_no(game: Game, v) -> list[str]:
    comp = game.comp
    return [c for c, b in v.ballots.items() if b == "no" and comp.permanent[comp.index[c]]]


def _news(game: Game, viewer: str | None) -> list[NewsView]:
    return [NewsView(kind=n.kind, month=n.month, text=n.text, seats=list(n.seats),
                     private=bool(n.private_to))
            for rec in game.state.history for n in rec.news
            if n.visible_to(viewer)]


def _gauges(game: Game) -> list[GaugeView]:
    hist = queries.gauge_history(game)
    idx = game.comp.var_index
    return [GaugeView(var=var, label=label, good=good, value=round(float(game.state.vars[idx[var]]), 2),
                      history=hist[game.comp.var_names[idx[var]]])
            for var, label, good in queries.shown_gauges(game)]


def _operation(op) -> OperationView:
    return OperationView(id=op.id, short=op.short, name=op.name, lead=op.lead, led_by=op.led_by,
                         authorization=op.authorization, active=op.active, mandate=op.mandate,
                         troops=op.troops, police=op.police, observers=op.observers,
                         consent=op.consent, compliance=op.compliance, funding=op.funding)


def _lobbying(game: Game, seat: str) -> list[LobbyView]:
    m = game.meeting
    p = game.prompt
    if m is None or m.draft is None or p is None or p.kind != "consult" or p.seat != seat:
        return []
    return [LobbyView(target=code, gain=gain, now=now, after=after)
            for code, (gain, now, after) in m.lobby_preview(seat).items()]


def _whip(game: Game, seat: str) -> WhipView | None:
    m = game.meeting
    if m is None or m.draft is None:
        return None
    return whip_view(game, m.file.id, m.draft.keys(m.file), seat, m.draft.sponsor)


def whip_view(game: Game, file_id: str, keys: list[str], viewer: str | None,
              sponsor: str | None = None) -> WhipView:
    """The projected vote on a text holding `keys`, as `viewer` may read it: for the draft on
    the table, or for a text a player is composing (the drafting screen's preview). With no
    `viewer` (the facilitator's reveal to the room), every reason shows, all lobbying summed."""
    w = queries.whip(game, file_id, keys, sponsor, viewer=viewer)
    return WhipView(stances=[StanceView(code=s.code, name=s.name, ballot=s.ballot, utility=s.utility,
                                        reasons=list(s.reasons), veto=s.veto, leaning=s.leaning)
                                for s in w.stances],
                    yes=w.yes, no=w.no, abstain=w.abstain, vetoes=list(w.vetoes), passes=w.passes,
                    summary=w.summary(), chance=w.chance, chance_without=w.chance_without,
                    others_needed=yes_missing(sum(s.ballot == "yes" for s in w.stances
                                                  if s.code != viewer)))
