"""The one rule that decides every Security Council vote.

Charter of the United Nations, Article 27:
  (1) each member of the Security Council has one vote;
  (2) decisions on procedural matters are made by an affirmative vote of nine members;
  (3) decisions on all other matters are made by an affirmative vote of nine members
      *including the concurring votes of the permanent members*.

Practice since 1947 (presidential rulings, confirmed by the ICJ's Namibia advisory opinion
of 1971) reads "concurring" so that a permanent member's voluntary abstention does not block
adoption; an absence does not either (the USSR was absent for the Korea votes of 1950). So only
a permanent member's "no" on a non-procedural question is a veto. Procedural questions (adopting
the agenda, inviting speakers) know no veto.

A veto is a permanent member's negative vote on a text that had the nine votes: a text short of
nine yes has failed on votes, whoever voted no. The Council's and the Dag Hammarskjöld Library's
veto lists count vetoes this way (source: UN Dag Hammarskjöld Library, "Security Council -
Veto List"), and so do the veto's costs here (the General Assembly debate of res. 76/262).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

Ballot = Literal["yes", "no", "abstain", "absent"]
BALLOTS: tuple[str, ...] = ("yes", "no", "abstain", "absent")
VOTES_NEEDED = 9


@dataclass(frozen=True, slots=True)
class Tally:
    """The outcome of one vote, with the counts a roll call reports."""

    adopted: bool
    vetoed_by: tuple[str, ...]  # permanent members whose "no" blocked a text that had 9 yes
    yes: int
    no: int
    abstain: int
    absent: int = 0
    voted_no: tuple[str, ...] = ()  # every member that voted no, veto or not

    @property
    def result(self) -> str:
        """"adopted", "vetoed" (failed through a permanent member's no) or "failed"."""
        if self.adopted:
            return "adopted"
        return "vetoed" if self.vetoed_by else "failed"

    def summary(self) -> str:
        """The count as the Council reports it: yes-no-abstain."""
        return f"{self.yes}-{self.no}-{self.abstain}"


def tally(
    votes: Mapping[str, str],
    permanent: Collection[str],
    procedural: bool = False,
) -> Tally:
    """Decide a vote under Art. 27: 9 yes, and on substance no permanent member's "no".

    `votes` maps member codes to "yes", "no", "abstain" or "absent"; anything else is an
    error, because a silently miscounted ballot would teach the wrong rule.
    """
    counts = {b: 0 for b in BALLOTS}
    for code, ballot in votes.items():
        if ballot not in counts:
            raise ValueError(f"{code}: ballot must be one of {', '.join(BALLOTS)}, not {ballot!r}")
        counts[ballot] += 1
    permanent_set = set(permanent)
    voted_no = tuple(sorted(c for c, b in votes.items() if b == "no"))
    enough = counts["yes"] >= VOTES_NEEDED
    blocking: tuple[str, ...] = ()
    if not procedural:
        blocking = tuple(c for c in voted_no if c in permanent_set)
    adopted = enough and not blocking
    vetoed_by = blocking if enough else ()  # short of nine yes, the text failed on votes
    return Tally(adopted, vetoed_by, counts["yes"], counts["no"], counts["abstain"], counts["absent"],
                 voted_no)


def adopts(yes, permanent_no, procedural: bool = False):
    """Art. 27 as arithmetic, for projections: enough yes votes and, on substance, no "no"
    from a permanent member. Works on plain numbers and elementwise on numpy arrays, so the
    AI's drafter can test thousands of candidate texts with the same rule `tally` applies."""
    if procedural:
        return yes >= VOTES_NEEDED
    return (yes >= VOTES_NEEDED) & (permanent_no == 0)


def tally_list(ballots: Sequence[str], codes: Sequence[str], permanent: Iterable[object],
               procedural: bool = False) -> Tally:
    """`tally` for ballots listed in the order of `codes`, with a permanent-member mask."""
    votes = dict(zip(codes, ballots, strict=True))
    return tally(votes, [c for c, p in zip(codes, permanent, strict=True) if p], procedural)


def yes_missing(yes: int) -> int:
    """How many more yes votes a text needs to reach the nine of Art. 27."""
    return max(0, VOTES_NEEDED - yes)
