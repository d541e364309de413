"""Consultations on the draft on the table: lobbying (priced, with diminishing returns), deals
and their settlement, veto signals, amendments and rival drafts announced, messages. Functions of
a `Meeting`, which holds the state they change."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from councilgame.engine import ai
from councilgame.engine.actions import Action, Amend, AnswerDeal, Deal, Lobby, Message, SignalVeto, TableDraft
from councilgame.engine.compiled import Compiled
from councilgame.engine.state import DealRecord, GameState, MessageRecord

if TYPE_CHECKING:
    from councilgame.engine.meeting import Meeting

LOBBY_DECAY = 0.6  # each further point on the same member in one meeting buys this much less
DEAL_VALUE = 0.6  # utility a pledge of future support is worth to the member who takes it


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
    elif isinstance(action, TableDraft):
        m.rivals.append(action)
        rec.say("draft", f"{comp.names[comp.index[action.seat]]} announces a rival draft.",
                (action.seat,))



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
    return m.comp.model.ai.lobby_effect * sum(LOBBY_DECAY ** k for k in range(done, done + points))



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
    value = DEAL_VALUE + 0.3 * comp.member_ties[t, s] + 0.5 * st.memory[t, s]
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
