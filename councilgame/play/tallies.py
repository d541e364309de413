"""What the balance report keeps of each simulated game, as running counts, so that memory stays
flat however many games are played: a game's facts are folded in as it ends and then dropped.

Every figure the report prints can be kept this way. Counts are counts; each spread (a score, a
gauge, a month count) holds values rounded to one or two decimals, so it is kept as a tally of
distinct values, a few thousand at most, from which its percentiles come out as they would from
the full list and its mean exactly; the correlation of legitimacy and outcomes is kept as exact
integer sums of hundredths.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np

from councilgame.engine.compiled import Compiled


class Spread:
    """A multiset of rounded values: enough for the mean and the 10th, 50th and 90th
    percentiles, in memory bounded by the number of distinct values, not of games."""

    def __init__(self) -> None:
        self.counts: Counter[float] = Counter()

    def add(self, value: float) -> None:
        self.counts[value] += 1

    def values(self) -> np.ndarray:
        """Every value, in ascending order (built only when the report is written)."""
        keys = sorted(self.counts)
        return np.repeat(np.asarray(keys, dtype=float), [self.counts[k] for k in keys])

    def mean(self) -> float:
        """The exact mean of the values as they print (0.14 is 14/100), rounded half to even
        to hundredths: the same whatever order the games came in, where a float sum could round
        a mean of exactly x.xx5 either way."""
        total = sum((Fraction(repr(float(k))) * n for k, n in self.counts.items()), Fraction(0))
        exact: Fraction = total / sum(self.counts.values())
        return float(round(exact, 2))

    def stats(self) -> dict:
        p10, p50, p90 = np.percentile(self.values(), [10, 50, 90])
        return {"mean": self.mean(), "p10": round(float(p10), 2),
                "p50": round(float(p50), 2), "p90": round(float(p90), 2)}


@dataclass
class Correlation:
    """Pearson's r of two scores kept to hundredths, from exact sums of integers."""

    n: int = 0
    sx: int = 0
    sy: int = 0
    sxx: int = 0
    syy: int = 0
    sxy: int = 0

    def add(self, x: float, y: float) -> None:
        a, b = round(x * 100), round(y * 100)
        self.n += 1
        self.sx, self.sy = self.sx + a, self.sy + b
        self.sxx, self.syy, self.sxy = self.sxx + a * a, self.syy + b * b, self.sxy + a * b

    def r(self) -> float:
        vx, vy = self.n * self.sxx - self.sx ** 2, self.n * self.syy - self.sy ** 2
        if self.n <= 2 or vx <= 0 or vy <= 0:
            return 0.0
        return (self.n * self.sxy - self.sx * self.sy) / math.sqrt(vx * vy)


@dataclass
class Votes:
    """The Council figures of `council-practice.md`, counted over every draft put to the vote."""

    african: frozenset[str]
    drafts: int = 0
    adopted: int = 0
    failed: int = 0
    unanimous: int = 0
    rivals: int = 0
    rivals_adopted: int = 0
    pivotal: int = 0
    vetoed: int = 0
    by_member: Counter[str] = field(default_factory=Counter)
    joint: Counter[str] = field(default_factory=Counter)
    china: int = 0
    china_with_russia: int = 0
    china_african: int = 0
    after_veto: int = 0
    prst_after_veto: int = 0

    def add(self, vote: tuple, members: int) -> None:
        fid, result, yes, rival, vetoed_by, pivotal = vote
        self.drafts += 1
        self.adopted += result == "adopted"
        self.failed += result == "failed"
        self.unanimous += result == "adopted" and yes == members
        self.rivals += rival
        self.rivals_adopted += rival and result == "adopted"
        self.pivotal += bool(pivotal)
        if result != "vetoed":
            return
        self.vetoed += 1
        self.by_member.update(vetoed_by)
        if len(vetoed_by) > 1:
            self.joint["+".join(vetoed_by)] += 1
        if "CHN" in vetoed_by:
            self.china += 1
            self.china_with_russia += "RUS" in vetoed_by
            self.china_african += fid in self.african

    def add_after_veto(self, output: str) -> None:
        self.after_veto += 1
        self.prst_after_veto += output == "presidential statement"


@dataclass
class Real:
    """One real decision of the scenario's debrief: games that did the same, and their yes."""

    hits: int = 0
    yes: Spread = field(default_factory=Spread)


class Tallies:
    """Every game's facts folded into counts, in the order the games are played."""

    def __init__(self, comp: Compiled) -> None:
        self.comp = comp
        self.games = 0
        self.endings: Counter[str] = Counter()
        self.fired: Counter[str] = Counter()
        self.per_file: dict[str, Counter[str]] = {f: Counter() for f in comp.files}
        self.scores = [Spread() for _ in range(len(SCORE_KEYS))]
        self.objectives = [Spread() for _ in comp.codes]
        self.finals = [Spread() for _ in comp.var_names]
        self.months = Spread()
        self.correlation = Correlation()
        african = frozenset(fid for fid, f in comp.files.items() if f.region == "africa")
        self.votes = Votes(african)
        self.drafts_by_file: Counter[str] = Counter()
        self.adopted_by_file: Counter[str] = Counter()
        self.held: Counter[tuple[str, str]] = Counter()
        self.passed: Counter[tuple[str, str]] = Counter()
        self.misses: dict[str, Counter[int]] = {}
        self.real = [Real() for _ in comp.scenario.debrief.real]

    def add(self, row: dict) -> None:
        self.games += 1
        self.endings[row["ending"]] += 1
        self.fired.update(row["fired"])
        self._add_votes(row)
        for fid, out in row["outputs"]:
            self.per_file[fid][out] += 1
        for output in row["after_veto"]:
            self.votes.add_after_veto(output)
        for spread, value in zip(self.scores, row["scores"], strict=True):
            spread.add(value)
        for spread, value in zip(self.objectives, row["objectives"], strict=True):
            spread.add(value)
        for spread, value in zip(self.finals, row["final_values"], strict=True):
            spread.add(value)
        self.months.add(row["months"])
        self.correlation.add(row["scores"][0], row["scores"][1])
        for fid, key, result in row["clauses"]:
            self.held[(fid, key)] += 1
            self.passed[(fid, key)] += result == "adopted"
        for key, parts in row["misses"]:
            self.misses.setdefault(key, Counter()).update(parts)
        self._add_real(row["votes"])

    def _add_votes(self, row: dict) -> None:
        for vote in row["votes"]:
            fid, result = vote[0], vote[1]
            self.per_file[fid][result] += 1
            self.drafts_by_file[fid] += 1
            self.adopted_by_file[fid] += result == "adopted"
            self.votes.add(vote, len(self.comp.codes))

    def _add_real(self, votes: list[tuple]) -> None:
        for real, tally in zip(self.comp.scenario.debrief.real, self.real, strict=True):
            if real.result == "none":
                tally.hits += not any(v[0] == real.file and v[1] == "adopted" for v in votes)
                continue
            same = [v[2] for v in votes if v[0] == real.file and v[1] == real.result]
            tally.hits += bool(same)
            for yes in same:
                tally.yes.add(float(yes))


SCORE_KEYS = ("legitimacy", "outcomes", "legality", "inclusiveness", "impartiality",
              "accountability", "effectiveness", "civilian_protection", "stability",
              "political_process", "humanitarian")
