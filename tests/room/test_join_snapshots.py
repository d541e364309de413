"""SVG snapshots of the join screen (issue 16) at 80x24 and 120x40: a seat at its briefing, the
penholder drafting, the room's screen. The host runs in the snapshot's own event loop, on a
seed fixed by the test; codes and ports never reach the screen."""

from __future__ import annotations

import pytest

from councilgame.tui.remote import RemoteApp
from tests.room.test_join_screen import settle
from tests.room.test_room import codes_by_seat, open_room

SIZES = {"small": (80, 24), "big": (120, 40)}


def joined(tmp_path, seat: str | None, steps: int = 0):
    """A join screen and the run_before that opens the room, joins it and plays `steps` moves
    of its seat (each the first legal, Continue at a briefing)."""
    app = RemoteApp("127.0.0.1", 0, code="-" if seat else "", room=seat is None, autoconnect=False)

    async def run_before(pilot) -> None:
        room, server, port = await open_room(tmp_path, players={"FRA": "Ana", "RUS": "Ben"})
        app.port, app.code = port, codes_by_seat(room)[seat] if seat else ""
        app.connect()
        await settle(pilot, lambda: app.state is not None)
        for _ in range(steps):
            before = len(room.session.game.log)
            await app.client.act(next(a for a in app.state["legal"] if a["kind"] == "done"))
            await settle(pilot, lambda n=before: len(room.session.game.log) > n and app.state is not None
                         and app.state["view"]["prompt"]["kind"] != "briefing")
        await pilot.pause(0.3)
        await pilot.wait_for_scheduled_animations()
        app.sub_title = app.sub_title  # set: the header reads it once drawn

    return app, run_before


@pytest.mark.parametrize("size", SIZES)
def test_join_a_seat_at_its_briefing(snap_compare, tmp_path, size):
    app, run_before = joined(tmp_path, "FRA")
    assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_join_the_penholder_drafting(snap_compare, tmp_path, size):
    app, run_before = joined(tmp_path, "FRA", steps=1)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_join_the_rooms_screen(snap_compare, tmp_path, size):
    app, run_before = joined(tmp_path, None)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)
