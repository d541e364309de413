"""The votes of one sitting, announced before its first roll call: amendments in the order
moved, then the draft, then the rival drafts (rule 32), each with what it puts to the vote.

The order of business is public, as in the chamber, so that a delegation can come with its
instructions for the whole sitting: a hot-seat player gives every ballot of a sitting in one
turn, and a room that votes by show of hands enters them on one screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from councilgame.engine.meeting import Draft, Meeting


@dataclass(frozen=True)
class SittingItem:
    """One vote the sitting will (or may) hold."""

    symbol: str  # the vote's symbol, as its record and its prompt carry it
    kind: str  # amendment, draft, rival or procedural
    sponsor: str  # the mover, the penholder or the rival's sponsor
    clauses: list[str] = field(default_factory=list)  # clause titles it inserts, deletes or holds
    remove: bool = False  # an amendment that deletes its clause
    conditional: bool = False  # held only if the votes before it go a certain way


def label(m: Meeting, key: str) -> str:
    return next(o.label for o in m.file.offers if o.key == key)


def for_draft(m: Meeting, d: Draft, amendments: list[tuple[str, str, bool]]) -> list[SittingItem]:
    """The sitting on the penholder's draft: its amendments, the draft, then the rivals."""
    items = [SittingItem(f"{d.symbol}/A{n}", "amendment", seat, [label(m, key)], remove)
             for n, (seat, key, remove) in enumerate(amendments, 1)]
    items.append(SittingItem(d.symbol, "draft", d.sponsor, [label(m, k) for k in d.keys(m.file)]))
    items += [SittingItem(f"{m.file.id}/{m.state.month}/{r.seat}", "rival", r.seat,
                          [label(m, k) for k in r.offers], conditional=True) for r in m.rivals]
    return items


def for_agenda(symbol: str, objector: str) -> list[SittingItem]:
    """The procedural vote on whether the Council takes the file up."""
    return [SittingItem(symbol, "procedural", objector)]
