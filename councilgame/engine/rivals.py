"""Rival drafts: a permanent member that would veto the penholder's text announces its own,
members weigh it, and after the penholder's vote the rivals are pressed or dropped. Functions
of a `Meeting`, which holds the state they change."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from councilgame.engine import ai
from councilgame.engine.actions import TableDraft
from councilgame.engine.textfmt import sentence
from councilgame.engine.voting import Tally

if TYPE_CHECKING:
    from councilgame.engine.meeting import Meeting

RIVAL_LINE = -0.3  # a permanent member this unhappy may table a rival draft


def announce(m: Meeting, dm: ai.DraftModel, sel: np.ndarray) -> None:
    """A permanent member that would veto the penholder's text sometimes announces a draft
    of its own, written from its own preferences to put its position on record (as Russia
    did on Syria, Ukraine and Gaza); such texts usually fail for lack of votes."""
    r = _member(m, dm, sel)
    if r is None:
        return
    rdm = ai.draft_model(m.comp, m.state, m.file, r, m.lobby)
    rsel = ai.ai_draft(m.comp, m.state, rdm, np.zeros(len(m.file.offers)), ai.ON_RECORD,
                       m.available)
    if rsel.any():
        code = m.comp.codes[r]
        m.rivals.append(TableDraft(seat=code, offers=m._keys(rsel)))
        m.rec.say("draft", sentence(f"{m.comp.names[r]} announces a rival draft on {m.file.title}"),
                  (code,))


def _member(m: Meeting, dm: ai.DraftModel, sel: np.ndarray) -> int | None:
    comp = m.comp
    u = dm.utilities(sel)
    vlines = ai.veto_lines(comp, m.state, m.file)
    rivals = [i for i in np.argsort(u) if comp.permanent[i] and u[i] < RIVAL_LINE
              and i != dm.sponsor and comp.codes[i] not in m.humans]
    if not rivals:
        return None
    r = int(rivals[0])
    chance = 0.7 if u[r] < vlines[r] else 0.4
    return r if m.game.draw(f"rival:{m.file.id}").random() < chance else None


def model(m: Meeting, r: int) -> ai.DraftModel:
    """Members weigh a competing text less as the Council acting, and those who backed the
    penholder's text hold to it."""
    comp, params = m.comp, m.comp.model.ai
    rdm = ai.draft_model(comp, m.state, m.file, r, m.lobby)
    backed = np.zeros(len(comp.codes))
    for v in m.rec.votes:
        if v.file == m.file.id and v.kind == "draft" and v.sponsor != comp.codes[r]:
            backed = np.maximum(backed, [1.0 if v.ballots[c] == "yes" else 0.0 for c in comp.codes])
    backed[r] = 0.0
    rdm.parts["backed the penholder's text"] = -params.rival_loyalty * backed
    m._weighed_as_position(rdm)
    return rdm


def pressed(m: Meeting, tl: Tally) -> list[TableDraft]:
    """The rival drafts put to the vote after the penholder's. When the penholder's text
    failed, all of them; when it was adopted, a player's rival is withdrawn (a
    simplification: rule 32 would let it stand), and an AI sponsor presses its own only to
    put its position on record, sometimes, if it did not vote for the adopted text."""
    if not tl.adopted:
        return list(m.rivals)
    last = m.rec.votes[-1].ballots
    pressed = []
    for rival in m.rivals:
        on_record = (rival.seat not in m.humans and last.get(rival.seat) != "yes"
                     and m.game.draw(f"press:{m.file.id}:{rival.seat}").random() < 0.5)
        if on_record:
            pressed.append(rival)
        else:
            name = m.comp.names[m.comp.index[rival.seat]]
            m.rec.say("draft", f"{name} does not press its rival draft to a vote.", (rival.seat,))
    return pressed
