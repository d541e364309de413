"""`seat_views` (the room host's way of building every seat's view at once) gives exactly what
`seat_view` gives each seat alone, at every step of a game."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from councilgame.play import queries
from councilgame.play.api import new_game
from councilgame.play.views import seat_view, seat_views

SEATS = ["FRA", "RUS", "LBR", "CHN"]


@settings(max_examples=6, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_every_seats_view_built_together_is_its_view_alone(seed):
    game = new_game("sahel", seed, humans=SEATS[:3])
    rng = random.Random(seed)
    for _ in range(40):
        if game.finished:
            break
        together = seat_views(game, SEATS)
        assert all(together[c] == seat_view(game, c) for c in SEATS)
        game.apply(rng.choice(queries.legal(game)))
