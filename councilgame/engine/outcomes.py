"""What a meeting's votes lead to: an adopted text's clauses take effect, a veto's costs are
paid, failures are counted, each member's ballots are remembered for the events that answer
them; and when nothing passes, a presidential statement, a press statement or press elements.
Functions of a `Meeting`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from councilgame.engine import ai, consultation
from councilgame.engine.namespace import MEMBER_FIELDS
from councilgame.engine.voting import Tally

if TYPE_CHECKING:
    from councilgame.engine.meeting import Draft, Meeting


def remember(m: Meeting, votes: dict[str, str], tl: Tally, sponsor: str, rival: bool) -> None:
    """Count each member's ballot, veto and rival draft, for events that answer them."""
    comp, st = m.comp, m.state
    width = len(MEMBER_FIELDS)
    if not st.member_votes:
        st.member_votes = [0] * (len(comp.codes) * width)
    slot = {f: k for k, f in enumerate(MEMBER_FIELDS)}
    for code, ballot in votes.items():
        if ballot in slot:
            st.member_votes[comp.index[code] * width + slot[ballot]] += 1
    for code in tl.vetoed_by:
        st.member_votes[comp.index[code] * width + slot["vetoes"]] += 1
    if rival:
        st.member_votes[comp.index[sponsor] * width + slot["rivals"]] += 1
        st.counts["rivals"] = st.counts.get("rivals", 0) + 1


def outcome(m: Meeting, tl: Tally, d: Draft) -> None:
    st, comp, file, rec = m.state, m.comp, m.file, m.rec
    fs = st.files[file.id]
    sponsor = comp.index[d.sponsor]
    if tl.adopted:
        st.counts["adopted"] += 1
        fs.adopted += 1
        st.margins.append(100.0 * tl.yes / len(comp.codes))
        rec.outputs[file.id] = "resolution"
        rec.say("vote", f"{file.title}: adopted {tl.summary()}.", (d.sponsor,))
        changer = m.game.changer
        for k, o in enumerate(file.offers):
            if d.selected[k]:
                label = o.clause.title
                rec.say_all("effect", changer.apply(o.clause.effects, "clause", o.key, label,
                                                    o.target))
                if o.clause.legitimacy:
                    changer.add(comp.var_index["accountability"], o.clause.legitimacy,
                                "clause", o.key, label)
        return
    if tl.vetoed_by:
        st.counts["vetoes"] += 1
        fs.vetoes += 1
        names = " and ".join(comp.names[comp.index[c]] for c in tl.vetoed_by)
        debate = ("; the General Assembly will debate the veto (res. 76/262)"
                  if comp.scenario.year >= VETO_DEBATE_SINCE else "")
        rec.say("vote", f"{file.title}: vetoed by {names} ({tl.summary()}){debate}.", tl.vetoed_by)
        for c in tl.vetoed_by:
            st.vetoes_cast[c] = st.vetoes_cast.get(c, 0) + 1
            v = comp.index[c]
            st.memory[sponsor, v] -= comp.model.ai.slight
            st.memory[v, sponsor] -= comp.model.ai.slight / 2
    else:
        st.counts["failed"] += 1
        fs.failed += 1
        perm_no = [c for c in tl.voted_no if comp.permanent[comp.index[c]]]
        note = (f"; {' and '.join(comp.names[comp.index[c]] for c in perm_no)} voted no, "
                "which is no veto when a text lacks nine votes") if perm_no else ""
        rec.say("vote", f"{file.title}: failed with {tl.yes} votes in favour "
                f"({tl.summary()}){note}.", (d.sponsor,))


VETO_DEBATE_SINCE = 2022  # GA res. 76/262 (26 April 2022): the Assembly meets within ten working days
PRST_CHANCE = 0.15  # how often a computer President drafts a statement on a consensual file


def fallback(m: Meeting, dm: ai.DraftModel) -> None:
    """When no resolution passes. A presidential statement needs a President who proposes one
    (a player's offer to broker, or now and then a computer President's) and true consensus:
    nobody who voted against a text on the file today joins one. They are few: 7 in 2022 and
    6 in 2023, against 67 and 34 agreed press statements (source: council-practice.md). A
    press statement asks less (no permanent member against it, nobody firmly opposed);
    otherwise the President only gives press elements, which commit nobody."""
    file, rec, comp = m.file, m.rec, m.comp
    rng = m.game.draw(f"statement:{file.id}")
    noisy = dm.base + rng.normal(0.0, comp.model.ai.noise, size=len(comp.codes))
    if m.broker is not None:  # a President's good offices bring everyone nearer consensus
        noisy = noisy + consultation.BROKER_PULL
    against = {c for v in rec.votes if v.file == file.id and v.kind == "draft"
               for c, b in v.ballots.items() if b == "no"}
    permanent_against = any(comp.permanent[comp.index[c]] for c in against)
    line = comp.model.ai.no_threshold
    president = m.game.president()
    proposed = m.broker is not None or (
        president not in m.humans and rng.random() < PRST_CHANCE)  # a player President brokers
    if proposed and not against and (noisy > line * 0.5).all():
        rec.outputs[file.id] = "presidential statement"
        m.state.files[file.id].prst += 1
        how = "it brokered, agreed by consensus" if m.broker is not None else "agreed by consensus"
        rec.say("statement", f"{file.title}: the President reads a statement {how}.")
    elif not permanent_against and (noisy > line).all():
        rec.outputs[file.id] = "press statement"
        m.state.counts["press"] = m.state.counts.get("press", 0) + 1
        rec.say("statement", f"{file.title}: members agree a press statement.")
    else:
        rec.outputs[file.id] = "press elements"
        rec.say("statement", f"{file.title}: no consensus; the President gives press elements.")
