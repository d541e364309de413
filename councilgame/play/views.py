"""What a front end may show: `public_view` (what everyone in the room may see) and `seat_view`
(that, plus one seat's private part). Both are pydantic models, JSON-serialisable, and they are
all a screen reads, so privacy holds by construction: what a view does not contain cannot leak.
A networked room sends each player exactly its `seat_view`.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable

from councilgame.engine import ai
from councilgame.engine.game import Game
from councilgame.engine.voting import yes_missing
from councilgame.play import month_report, queries
from councilgame.play.view_models import (
    AmendmentView,
    ChoiceView,
    ClauseView,
    DealView,
    DraftView,
    FileView,
    GaugeView,
    LobbyView,
    MessageView,
    MonthView,
    NewsView,
    ObjectiveView,
    OperationView,
    OptionView,
    PromptView,
    PublicView,
    SeatInfo,
    SeatView,
    SinceView,
    SittingItemView,
    StanceView,
    VoteView,
    WhipView,
)


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
    return _seat_view(game, seat, _public(game, seat, sealed))


def _seat_view(game: Game, seat: str, public: dict) -> SeatView:
    """`seat`'s view on its public part (which holds its own private news)."""
    st = game.state
    deals = [DealView(index=i, month=d.month, seat=d.seat, target=d.target, file=d.file,
                      status=d.status, draft=d.draft, target_status=d.target_status,
                      waiting_for_you=d.target == seat and d.status == "offered")
             for i, d in enumerate(st.deals) if seat in (d.seat, d.target)]
    messages = [MessageView(month=m.month, seat=m.seat, target=m.target, text=m.text)
                for m in st.messages if seat in (m.seat, m.target)]
    objectives = [ObjectiveView(text=t, met=ok) for t, ok in queries.objective_status(game, seat)]
    return SeatView(**public, seat=seat, capital=st.capital[seat],
                    objectives=objectives, deals=deals, messages=messages,
                    whip=_whip(game, seat), lobbying=_lobbying(game, seat))


def seat_views(game: Game, seats: Iterable[str], sealed: bool = False) -> dict[str, SeatView]:
    """Each seat's `seat_view` at once, for a host that sends every seat its own: the public
    part (all of it but the news, which holds each seat's private items) is built once."""
    base = _public(game, None, sealed)
    for seat in seats:
        if seat not in game.comp.index:
            raise ValueError(f"{seat} does not sit on this Council")
    return {seat: _seat_view(game, seat, {**base, "news": _news(game, seat)}) for seat in seats}


def _public(game: Game, viewer: str | None, sealed: bool) -> dict:
    comp, st = game.comp, game.state
    president = game.president()
    p = game.prompt
    m = game.meeting
    return {
        "scenario": comp.scenario.id, "title": comp.scenario.title,
        "synopsis": comp.scenario.synopsis.strip(), "month": st.month,
        "months": st.length or comp.scenario.months, "month_name": month_name(game),
        "president": president,
        "finished": st.finished, "ending": st.ending,
        "prompt": PromptView(**p.model_dump()) if p is not None else None,
        "seats": _seats(game, president),
        "rota": [comp.codes[i] for i in comp.president_order],
        "agenda": [FileView(id=f, title=comp.files[f].title, pen=_pen(game, f),
                            output=st.history[-1].outputs.get(f),
                            description=_about(comp.scenario.files, f))
                   for f in (st.history[-1].agenda if st.history else [])],
        "file_titles": {fid: f.title for fid, f in comp.files.items()},
        "requested": dict(st.history[-1].requests) if st.history else {},
        "draft": _draft(game),
        "ballots_so_far": {} if sealed or m is None else dict(m.ballots_cast),
        "ballots_cast": 0 if m is None else len(m.ballots_cast),
        "sitting": sitting(game),
        "question": m.on_vote[1] if m is not None and m.on_vote is not None else None,
        "leanings": _leanings(game),
        "since": _since(game),
        "amendment": _amendment(game),
        "choice": _choice(game),
        "timeline": [MonthView(month=rec.month, name=month_name(game, rec.month),
                               president=rec.president, events=list(rec.events),
                               choices=dict(rec.choices))
                     for rec in st.history],
        "votes": [VoteView(**_vote(v), permanent_no=_permanent_no(game, v),
                           **month_report.vote_titles(game, v))
                  for rec in st.history for v in rec.votes],
        "news": _news(game, viewer),
        "gauges": _gauges(game),
        "scores": dict(st.scores),
        "operations": [_operation(op, _leader(game, op.led_by),
                                  _about(comp.scenario.operations, op.id)) for op in st.ops.values()],
    }


def sitting(game: Game) -> list[SittingItemView]:
    """The votes of the sitting under way, each with its result once voted (public)."""
    m = game.meeting
    if m is None:
        return []
    results = {v.draft: v.result for v in game.state.history[-1].votes}
    return [SittingItemView(symbol=i.symbol, kind=i.kind, sponsor=i.sponsor, clauses=list(i.clauses),
                            remove=i.remove, conditional=i.conditional, result=results.get(i.symbol))
            for i in m.sitting]


def _seats(game: Game, president: str) -> list[SeatInfo]:
    comp = game.comp
    out = []
    for i, code in enumerate(comp.codes):
        m = comp.bundle.members[code]
        pens = [f.id for f in comp.files.values() if f.penholders and f.penholders[0] == i]
        out.append(SeatInfo(code=code, name=m.name, short=m.short or m.name, group=str(m.group),
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


def _amendment(game: Game) -> AmendmentView | None:
    m = game.meeting
    if m is None or m.amending is None or m.on_vote is None or m.on_vote[1] != "amendment":
        return None
    mover, key, remove = m.amending
    label = next(o.label for o in m.file.offers if o.key == key)
    ballots = ai.amendment_ballots(game.comp, m.on_vote[0])
    return AmendmentView(mover=mover, clause=label, remove=remove,
                         projected=dict(zip(game.comp.codes, ballots, strict=True)))


def _since(game: Game) -> SinceView | None:
    since = month_report.since_last_month(game)
    if since is None:
        return None
    return SinceView(name=month_name(game, since["month"]), **since)


def _gauges(game: Game) -> list[GaugeView]:
    hist = queries.gauge_history(game)
    idx = game.comp.var_index
    return [GaugeView(var=g.var, label=g.label, short=g.short, good=g.good,
                      value=round(float(game.state.vars[idx[g.var]]), 2),
                      history=hist[game.comp.var_names[idx[g.var]]])
            for g in queries.shown_gauges(game)]


def _leader(game: Game, led_by: str) -> str:
    """Who leads an operation, by name: an organisation or a member state."""
    bundle = game.comp.bundle
    org = bundle.organisations.get(led_by)
    if org is not None:
        return org.name if org.short == org.name else f"{org.name} ({org.short})"
    member = bundle.members.get(led_by)
    return member.name if member is not None else led_by


def _about(items, ident: str) -> str:
    """The description a pack gives a file or an operation, as one paragraph."""
    return " ".join(next((i.description for i in items if i.id == ident), "").split())


def _operation(op, leader: str = "", description: str = "") -> OperationView:
    return OperationView(id=op.id, short=op.short, name=op.name, lead=op.lead, led_by=op.led_by,
                         description=description,
                         led_by_name=leader or op.led_by,
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


def ai_stances(game: Game) -> tuple[str, list[tuple[str, str, str]]] | None:
    """What the facilitator reveals to the room: the draft on the table's symbol and, for each
    AI member, its ballot and its first reason, read with every reason showing (no viewer, so
    lobbying summed); None when no draft is on the table."""
    m = game.meeting
    if m is None or m.draft is None:
        return None
    whip = whip_view(game, m.file.id, m.draft.keys(m.file), None, m.draft.sponsor)
    return m.draft.symbol, [(s.code, s.ballot, s.reasons[0][0] if s.reasons else "")
                            for s in whip.stances if s.code not in game.humans]


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
