"""Consultations on the draft on the table: lobbying (priced, with diminishing returns), deals
and their settlement, veto signals, amendments and rival drafts announced, messages. Functions of
a `Meeting`, which holds the state they change."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from councilgame.engine import ai
from councilgame.engine.actions import (
    Action,
    Amend,
    AnswerDeal,
    CoSponsor,
    Deal,
    Lobby,
    Message,
    ProposeStatement,
    SignalVeto,
    TableDraft,
)
from councilgame.engine.compiled import Compiled
from councilgame.engine.errors import ActionError
from councilgame.engine.state import DealRecord, GameState, MessageRecord

if TYPE_CHECKING:
    from councilgame.engine.meeting import Draft, Meeting

LOBBY_DECAY = 0.6  # each further point on the same member in one meeting buys this much less
DEAL_VALUE = 0.6  # utility a pledge of future support is worth to the member who takes it
COSPONSOR_WEIGHT = 0.5  # a co-sponsor's ties count this much beside the penholder's own
BROKER_COST = 1  # political capital a President spends brokering a statement
BROKER_PULL = 0.3  # how much nearer consensus a President's good offices bring each member
MAX_REVISIONS = 2  # times a penholder may take its draft back in one meeting, for the room's pace


def settle_deals(st: GameState, comp: Compiled, sponsor: str, votes: dict[str, str],
                 symbol: str = "") -> None:
    """A pledge falls due on the creditor's next draft: kept if the debtor votes yes. Between
    players, the target's side falls due on the draft that was on the table."""
    for deal in st.deals:
        if deal.target_status == "open" and deal.draft == symbol:
            deal.target_status = "kept" if votes.get(deal.target) == "yes" else "broken"
        if deal.status == "offered" and deal.draft == symbol:
            deal.status = "lapsed"
        if deal.status != "open" or deal.target != sponsor or deal.month == st.month:
            continue
        kept = votes.get(deal.seat) == "yes"
        deal.status = "kept" if kept else "broken"
        t, s = comp.index[deal.target], comp.index[deal.seat]
        st.memory[t, s] += 0.2 if kept else -2 * comp.model.ai.slight


def consult(m: Meeting, action: Action) -> None:
    """One move of a player in consultations (already checked by the game)."""
    d, comp, st, rec = m.draft_on_table(), m.comp, m.state, m.rec
    if isinstance(action, Lobby):
        _lobby(m, action)
    elif isinstance(action, Deal):
        _deal(m, action)
    elif isinstance(action, SignalVeto):
        i = comp.index[action.seat]
        rec.say("signal", f"{comp.names[i]} signals a veto of the draft as it stands.",
                (action.seat,))
        if d.sponsor not in m.humans:
            worst = int(np.argmin(d.model.M[i] * d.selected))
            d.selected[worst] = 0.0
    elif isinstance(action, Amend):
        m.amendments.append(action)
    elif isinstance(action, AnswerDeal):
        deal = st.deals[action.deal]
        deal.status = "open" if action.accept else "declined"
        if action.accept:
            deal.target_status = "open"
    elif isinstance(action, Message):
        st.messages.append(MessageRecord(st.month, action.seat, action.target, action.text))
    elif isinstance(action, CoSponsor):
        _cosponsor(m, action.seat)
    elif isinstance(action, ProposeStatement):
        st.capital[action.seat] -= BROKER_COST
        m.broker = action.seat
        rec.say("statement", f"The President, {comp.names[comp.index[action.seat]]}, offers to "
                "broker a presidential statement should no resolution pass.", (action.seat,))
    elif isinstance(action, TableDraft):
        m.rivals.append(action)
        rec.say("draft", f"{comp.names[comp.index[action.seat]]} announces a rival draft.",
                (action.seat,))


def check_support(m: Meeting, action: CoSponsor | ProposeStatement, president: str) -> None:
    """Raise ActionError unless a seat may co-sponsor the draft, or broker a statement, now."""
    d, seat = m.draft_on_table(), action.seat
    if isinstance(action, CoSponsor):
        if d.sponsor == seat:
            raise ActionError("You hold the pen on this draft: it is yours already.")
        if seat in d.cosponsors:
            raise ActionError("You already co-sponsor this draft.")
        if any(r.seat == seat for r in m.rivals):
            raise ActionError("You have announced a rival draft: you cannot co-sponsor this one.")
        return
    if seat != president:
        raise ActionError("Only the President brokers a presidential statement.")
    if m.broker is not None:
        raise ActionError("You have already offered to broker a statement on this file.")
    if m.state.capital[seat] < BROKER_COST:
        raise ActionError(f"Brokering a statement costs {BROKER_COST} political capital; you have "
                          f"{m.state.capital[seat]}.")


def check_withdraw(m: Meeting, seat: str) -> None:
    """Raise ActionError unless `seat` holds the pen on the draft and may still revise it."""
    if m.draft_on_table().sponsor != seat:
        raise ActionError("Only the penholder can withdraw its draft.")
    if m.revisions >= MAX_REVISIONS:
        raise ActionError(f"You have revised this draft {MAX_REVISIONS} times: it goes to the vote "
                          "as it stands, or is amended.")


def withdraw(m: Meeting) -> None:
    """The penholder takes its text back: amendments moved on it lapse, and the Council hears
    that a revised draft is coming."""
    d, comp = m.draft_on_table(), m.comp
    m.revisions += 1
    m.amendments.clear()
    m.rec.say("draft", f"{comp.names[comp.index[d.sponsor]]} withdraws its draft to revise it; "
              "amendments moved on it lapse.", (d.sponsor,))


def _cosponsor(m: Meeting, seat: str) -> None:
    """Members tied to a co-sponsor warm to the text, as they do to its penholder's."""
    d, comp = m.draft_on_table(), m.comp
    s = comp.index[seat]
    d.cosponsors.append(seat)
    ties = comp.model.ai.sponsor_weight * COSPONSOR_WEIGHT * comp.member_ties[:, s]
    ties[s] = 0.0
    d.model.parts["ties to the co-sponsors"] = d.model.parts.get(
        "ties to the co-sponsors", np.zeros(len(comp.codes))) + ties
    d.model.base = ai.total(d.model.parts)
    m.rec.say("draft", f"{comp.names[s]} co-sponsors {d.symbol}.", (seat,))


def settle_cosponsors(m: Meeting, d: Draft) -> None:
    """A co-sponsor that does not vote for its own text loses the penholder's trust."""
    comp, votes = m.comp, m.rec.votes[-1].ballots
    p = comp.index[d.sponsor]
    for seat in d.cosponsors:
        if votes.get(seat) != "yes":
            m.state.memory[p, comp.index[seat]] -= 2 * comp.model.ai.slight
            m.rec.say("draft", f"{comp.names[comp.index[seat]]} co-sponsored {d.symbol} but voted "
                      f"{votes.get(seat, 'absent')}: {comp.names[p]} will remember it.", (seat, d.sponsor))


def _lobby(m: Meeting, action: Lobby) -> None:
    d, comp, st = m.draft_on_table(), m.comp, m.state
    t = comp.index[action.target]
    before = leaning(m, t)
    st.capital[action.seat] -= action.points
    _push(m, action.seat, t, lobby_gain(m, action.seat, t, action.points))
    m.lobbied[(action.seat, t)] = m.lobbied.get((action.seat, t), 0) + action.points
    st.memory[t, comp.index[action.seat]] += 0.1 * action.points
    d.model.base = ai.total(d.model.parts)
    after = leaning(m, t)
    who, by = comp.names[t], comp.names[comp.index[action.seat]]
    text = (f"{who} hears {by} out and now leans {after}." if after != before
            else f"{who} hears {by} out but still leans {after}.")
    m.rec.say("lobby", text, (action.seat, action.target), private_to=(action.seat,))


def lobby_gain(m: Meeting, seat: str, member: int, points: int = 1) -> float:
    """What `points` of capital spent on `member` now add to its utility for the draft:
    each point on the same member in one meeting buys less than the one before."""
    done = m.lobbied.get((seat, member), 0)
    scale = m.game.persuasion * m.comp.model.ai.lobby_effect  # the player's difficulty setting
    return scale * sum(LOBBY_DECAY ** k for k in range(done, done + points))


def lobby_preview(m: Meeting, seat: str) -> dict[str, tuple[float, str, str]]:
    """For each member a seat may lobby: (what one point buys now, leaning now, after)."""
    d, comp = m.draft_on_table(), m.comp
    u = d.model.utilities(d.selected)
    now = m.ballots(u)
    out = {}
    for t, code in enumerate(comp.codes):
        if code == seat or code in m.humans:
            continue
        gain = lobby_gain(m, seat, t)
        moved = u.copy()
        moved[t] += gain
        out[code] = (round(gain, 2), now[t], m.ballots(moved)[t])
    return out


def _push(m: Meeting, seat: str, member: int, amount: float) -> None:
    m.lobby[member] += amount
    m.lobby_by.setdefault(seat, np.zeros(len(m.comp.codes)))[member] += amount


def leaning(m: Meeting, member: int) -> str:
    """How a member would vote on the draft on the table now, before the noise of the day."""
    d = m.draft_on_table()
    return m.ballots(d.model.utilities(d.selected))[member]


def _deal(m: Meeting, action: Deal) -> None:
    """An AI target takes the deal if the pledge is worth enough to bring its vote round;
    a player's seat answers it itself (sealed until the debrief)."""
    d, comp, st = m.draft_on_table(), m.comp, m.state
    if action.target in m.humans:
        st.deals.append(DealRecord(st.month, action.seat, action.target, d.file,
                                   status="offered", draft=d.symbol))
        return
    t, s = comp.index[action.target], comp.index[action.seat]
    value = m.game.persuasion * (DEAL_VALUE + 0.3 * comp.member_ties[t, s]) + 0.5 * st.memory[t, s]
    u = d.model.utilities(d.selected)[t]
    broken = sum(1 for x in st.deals if x.seat == action.seat and x.status == "broken")
    seats, private = (action.seat, action.target), (action.seat,)
    if u > comp.model.ai.yes_threshold + ai.SAFETY or value - 0.4 * broken <= 0:
        m.rec.say("deal", f"{comp.names[t]} declines the deal offered by {comp.names[s]}.",
                     seats, private)
        return
    _push(m, action.seat, t, value)
    d.model.base = ai.total(d.model.parts)
    st.deals.append(DealRecord(st.month, action.seat, action.target, d.file))
    m.rec.say("deal", f"{comp.names[t]} accepts a deal with {comp.names[s]}.", seats, private)
