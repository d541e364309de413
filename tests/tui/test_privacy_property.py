"""A property over random hot-seat games (issue 14): whatever keys the room presses, on any
screen the TUI shows (hand-overs, the palette and the facilitator's tools included), the text
on the terminal holds nothing private of a seat other than the one whose turn is revealed:
its objectives, its messages, the results of its lobbying and its deals."""

from __future__ import annotations

import asyncio
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets import Static

from councilgame.play import Lobby, Message, public_view, seat_view
from councilgame.saves import Seat
from tests.tui.helpers import answer, make_app
from tests.tui.test_hotseat import screen_text

PLAYERS = {"FRA": ["Ana"], "RUS": ["Ben"], "LBR": ["Chloe", "Dan"]}
KEYS = ["enter", "escape", "n", "d", "y", "a", "c", "l", "o", "e", "v", "m", "s", "k", "x", "p",
        "i", "t", "r", "h", "b", "g", "space", "down", "up", "tab", "ctrl+p", "ctrl+f", "f1"]
STEPS = st.lists(st.one_of(st.just("answer"), st.sampled_from(KEYS)), min_size=10, max_size=28)
MARK = 24  # characters of a private text that must not appear on one line of the screen


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def private_texts(game, code: str) -> set[str]:
    """What only `code` may read: its objectives, messages, private news (lobbying results,
    answers to its deals)."""
    view = seat_view(game, code)
    texts = {o.text for o in view.objectives} | {m.text for m in view.messages}
    texts |= {n.text for n in view.news if n.private}
    return {_flat(t)[:MARK] for t in texts if len(_flat(t)) >= 12}


def leaks(app) -> list[tuple[str, str]]:
    """(seat, text) for each private text of a seat not revealed now that is on the screen."""
    s = app.session
    if any(type(sc).__name__ == "DebriefScreen" for sc in app.screen_stack):
        return []  # the debrief unseals the game for the room, by design
    shown = s.revealed if s.revealed == s.seat else None
    allowed = _flat(public_view(s.game).model_dump_json())
    if shown is not None:
        allowed += _flat(seat_view(s.game, shown).model_dump_json())
    lines = [_flat(line) for line in screen_text(app).splitlines()]
    found = []
    for code in s.seats:
        if code == shown:
            continue
        for mark in private_texts(s.game, code):
            if mark not in allowed and any(mark in line for line in lines):
                found.append((code, mark))
    return found


async def _play(packset, steps: list[str], sealed: bool, seed: int) -> None:
    seats = {c: Seat(human=True, players=list(n)) for c, n in PLAYERS.items()}
    app = make_app(packset, scenario=None, hotseat={"scenario": "sahel", "seats": seats,
                                                    "seed": seed, "options": {"sealed": sealed}})
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(60):  # the first player in consultations leaves a private trail
            p = app.session.prompt
            if p.kind == "consult" and app.session.revealed == p.seat:
                break
            await answer(pilot, app)
        me = app.session.seat
        other = next(c for c in PLAYERS if c != me)
        app.session.act(Lobby(seat=me, target="CHN"))
        app.session.act(Message(seat=me, target=other, text=f"Between us: {me} will hold firm on it"))
        for step in steps:
            assert not leaks(app), (type(app.screen).__name__, leaks(app))
            if not app.is_running or app.session.prompt is None:
                break
            if step == "answer":
                await answer(pilot, app)
            else:
                await pilot.press(step)
                await pilot.pause()
        assert not leaks(app), (type(app.screen).__name__, leaks(app))


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS, sealed=st.booleans(), seed=st.sampled_from([3, 4]))
def test_no_screen_shows_another_seats_private_part(packset, steps, sealed, seed):
    asyncio.run(_play(packset, steps, sealed, seed))


def test_the_leak_check_sees_a_private_text_on_the_screen(packset):
    """The property's check is not blind: a seat's own message, shown while another seat's
    screen is up, is caught."""

    async def run() -> list:
        seats = {c: Seat(human=True, players=list(n)) for c, n in PLAYERS.items()}
        app = make_app(packset, scenario=None, hotseat={"scenario": "sahel", "seats": seats,
                                                        "seed": 3, "options": {}})
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(60):
                if app.session.prompt.kind == "consult" and app.session.revealed == app.session.seat:
                    break
                await answer(pilot, app)
            me = app.session.seat
            other = next(c for c in PLAYERS if c != me)
            app.session.act(Message(seat=me, target=other, text="Between us: a secret to keep"))
            app.session.revealed = None  # as if the screen were shown to the room
            app.screen.query_one("#consult-left").mount(Static("Between us: a secret to keep"))
            await pilot.pause()
            return leaks(app)

    found = asyncio.run(run())
    assert any("Between us" in mark for _, mark in found)
