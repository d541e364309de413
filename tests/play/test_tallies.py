"""The simulator folds each game into running counts (issue 17, flat memory): every figure must
come out as it would from the full list of games."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from councilgame.play.simulation import simulate
from councilgame.play.tallies import Correlation, Spread, Tallies

hundredths = st.integers(min_value=-10_000, max_value=10_000).map(lambda n: round(n / 100, 2))


@given(st.lists(hundredths, min_size=1, max_size=300))
def test_a_spread_gives_the_mean_and_percentiles_of_the_full_list(values):
    spread = Spread()
    for v in values:
        spread.add(v)
    got = spread.stats()
    exact = sum(Fraction(round(v * 100), 100) for v in values) / len(values)
    assert got["mean"] == float(round(exact, 2))
    p10, p50, p90 = np.percentile(values, [10, 50, 90])  # in the order the games came
    assert [got["p10"], got["p50"], got["p90"]] == [round(float(p), 2) for p in (p10, p50, p90)]


def test_a_mean_on_a_rounding_boundary_does_not_depend_on_the_order_of_the_games():
    """32.02 / 4 = 8.005 exactly: a float sum rounds it to 8.0 or 8.01 by the order of addition."""
    for order in ([0.0, 0.14, 31.86, 0.02], [0.02, 31.86, 0.14, 0.0]):
        spread = Spread()
        for v in order:
            spread.add(v)
        assert spread.mean() == 8.0  # half to even


@given(st.lists(st.tuples(hundredths, hundredths), min_size=3, max_size=200))
def test_the_correlation_from_integer_sums_is_numpys(pairs):
    corr = Correlation()
    for x, y in pairs:
        corr.add(x, y)
    xs, ys = np.array(pairs).T
    varied = len(set(xs)) > 1 and len(set(ys)) > 1  # numpy's std of equal floats can be 1e-17
    expected = float(np.corrcoef(xs, ys)[0, 1]) if varied else 0.0
    assert abs(corr.r() - expected) < 1e-9


def test_a_spread_keeps_one_count_per_distinct_value_not_one_per_game():
    spread = Spread()
    for n in range(100_000):
        spread.add(round((n % 500) / 10, 1))
    assert len(spread.counts) == 500
    assert spread.stats()["p50"] == 24.95


def test_the_report_reads_only_counts_kept_as_the_games_end(sahel, monkeypatch):
    """No game's facts are kept once folded in: the tallies hold counters and nothing per game."""
    seen: list[Tallies] = []
    add = Tallies.add

    def spy(self, row):
        seen.append(self)
        add(self, row)

    monkeypatch.setattr(Tallies, "add", spy)
    report = simulate(sahel, 12, seed=5)
    tallies = seen[0]
    assert report["games"] == tallies.games == 12
    assert sum(report["endings"].values()) == 12
    assert sum(tallies.months.counts.values()) == 12
    sizes = [len(s.counts) for s in tallies.scores]
    assert max(sizes) <= 12
