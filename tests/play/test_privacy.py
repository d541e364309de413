"""Privacy by construction: a seat's view never holds another seat's private part."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from councilgame.play import Deal, Lobby, Message, new_game, seat_view
from councilgame.play.bots import random_policy
from councilgame.play.queries import objective_status
from tests.conftest import TEST_PACKS

SEATS = ["CHN", "FRA", "RUS", "GBR", "USA", "LBR", "DNK", "SOM", "PAN", "COL"]


def _drive(game, rng: random.Random, steps: int) -> None:
    """Random legal play, with a secret message whenever one can be sent."""
    for _ in range(steps):
        if game.prompt is None:
            return
        legal = game.legal_actions()
        msg = next((a for a in legal if isinstance(a, Message)), None)
        if msg is not None and rng.random() < 0.5:
            game.apply(Message(seat=msg.seat, target=msg.target,
                               text=f"secret {msg.seat}>{msg.target} {len(game.log)}"))
            continue
        moves = [a for a in legal if isinstance(a, Lobby | Deal)]
        game.apply(rng.choice(moves) if moves and rng.random() < 0.4 else random_policy(game, rng))


def _private_of(game, seat: str) -> list[str]:
    """Strings that only `seat` may read."""
    st_ = game.state
    out = [f"secret {m.seat}>{m.target}" for m in st_.messages if seat in (m.seat, m.target)]
    out += [n.text for rec in st_.history for n in rec.news if n.private_to == (seat,)]
    return out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**16), players=st.integers(2, 3), steps=st.integers(5, 160))
def test_a_seat_view_never_holds_another_seats_private_part(seed, players, steps):
    rng = random.Random(seed)
    humans = rng.sample(SEATS, players)
    game = new_game("testland", seed=seed, humans=humans, packs=[TEST_PACKS])
    _drive(game, rng, steps)
    for a in humans:
        view = seat_view(game, a)
        text = view.model_dump_json()
        assert view.seat == a and view.capital == game.state.capital[a]
        assert [o.text for o in view.objectives] == [t for t, _ in objective_status(game, a)]
        assert all(a in (d.seat, d.target) for d in view.deals)
        assert all(a in (m.seat, m.target) for m in view.messages)
        for b in humans:
            if b == a:
                continue
            mine = set(_private_of(game, a))
            for secret in _private_of(game, b):
                if secret not in mine:
                    assert secret not in text, (a, b, secret)
            if view.whip is not None:
                for s in view.whip.stances:
                    assert all(label != "lobbying" for label, _ in s.reasons)
