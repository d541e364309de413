"""Random streams: independent per month and purpose, so decisions stay legible."""

from __future__ import annotations

import numpy as np

from councilgame.engine.streams import Streams, stream
from councilgame.play import Vote, new_game


def test_a_reused_generator_gives_the_numbers_of_a_fresh_one():
    s = Streams(7)
    for month, purpose, index in [(1, "events", 0), (3, "vote:au", 2), (12, "theatre", 0)]:
        assert np.array_equal(s.get(month, purpose, index).normal(size=15),
                              stream(7, month, purpose, index).normal(size=15))


def test_streams_differ_by_seed_month_purpose_and_index():
    base = stream(7, 3, "events").random(4)
    for other in (stream(8, 3, "events"), stream(7, 4, "events"), stream(7, 3, "theatre"),
                  stream(7, 3, "events", 1)):
        assert not np.array_equal(base, other.random(4))


def test_drawing_more_for_one_purpose_leaves_the_others_alone():
    s = Streams(11)
    s.get(2, "vote:au", 0).normal(size=500)  # a long roll call, or an extra one
    assert np.array_equal(s.get(2, "events").random(3), stream(11, 2, "events").random(3))


def _play(seed: int, flip: bool):
    """DNK plays as the AI would; with `flip`, its first ballot of month 1 is changed."""
    game = new_game("sahel", seed, humans=["DNK"], record=False)
    flipped = False
    while not game.finished and game.state.month <= 2:
        action = game.suggest()
        if flip and not flipped and isinstance(action, Vote):
            action = Vote(seat="DNK", ballot="abstain" if action.ballot != "abstain" else "yes")
            flipped = True
        game.apply(action)
    return game


def test_a_ballot_that_decided_nothing_leaves_next_months_events_as_they_were():
    same = pairs = 0
    for seed in range(30):
        a, b = _play(seed, False), _play(seed, True)
        results = [[v.result for v in g.state.history[0].votes] for g in (a, b)]
        if results[0] != results[1] or len(a.state.history) < 2 or len(b.state.history) < 2:
            continue  # the ballot decided something: its consequences may show
        pairs += 1
        same += a.state.history[1].events == b.state.history[1].events
    assert pairs >= 20 and same / pairs >= 0.8, (same, pairs)
