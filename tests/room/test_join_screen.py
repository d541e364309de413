"""`councilgame join`'s screen (issue 16): asks for the code, shows its seat's view and moves,
sends the move chosen; the room's screen shows the public view only."""

from __future__ import annotations

import asyncio

from textual.widgets import OptionList, SelectionList, Static

from councilgame.tui.remote import RemoteApp
from tests.room.test_room import codes_by_seat, open_room


async def settle(pilot, until, tries=200):
    for _ in range(tries):
        if until():
            return
        await pilot.pause(0.02)
    raise AssertionError("the screen did not get there")


def text_of(app, selector) -> str:
    return str(app.query_one(selector, Static).render())


async def test_a_seat_types_its_code_sees_its_view_and_moves(tmp_path):
    room, server, port = await open_room(tmp_path)
    s = room.session
    app = RemoteApp("127.0.0.1", port)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.click("#code")
            await pilot.press(*codes_by_seat(room)["FRA"], "enter")
            await settle(pilot, lambda: app.state is not None)
            assert app.state["seat"] == "FRA" and "Your objectives (private)" in text_of(app, "#private-text")
            first = s.comp.scenario.objectives["FRA"][0].text
            assert first[:30] in text_of(app, "#private-text").replace("\n", " ")
            assert app.state["your_turn"]
            moves = app.query_one("#moves", OptionList)
            assert moves.option_count == len(app.state["legal"]) > 0
            log = len(s.game.log)
            moves.focus()
            moves.highlighted = moves.option_count - 1
            await pilot.press("enter")
            await settle(pilot, lambda: len(s.game.log) > log)
    finally:
        await server.close()


async def test_a_wrong_code_is_refused_on_screen(tmp_path):
    room, server, port = await open_room(tmp_path)
    app = RemoteApp("127.0.0.1", port, code="NOPE99")
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot, lambda: "refused" in text_of(app, "#room-status"))
            assert "opens no seat" in text_of(app, "#room-status")
    finally:
        await server.close()


async def test_the_rooms_screen_shows_the_public_view_only(tmp_path):
    room, server, port = await open_room(tmp_path)
    app = RemoteApp("127.0.0.1", port, room=True)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot, lambda: app.state is not None)
            assert app.state["seat"] == "" and "capital" not in app.state["view"]
            assert not app.query_one("#private-box").display and not app.query_one("#moves").display
            agenda = app.view.agenda
            assert (agenda[0].title if agenda else "Nothing on the agenda") in text_of(app, "#agenda")
            await asyncio.sleep(0)
    finally:
        await server.close()


async def test_a_penholder_composes_its_draft_clause_by_clause_and_tables_it(tmp_path):
    room, server, port = await open_room(tmp_path, players={"FRA": "Ana"})
    s = room.session
    app = RemoteApp("127.0.0.1", port, code=codes_by_seat(room)["FRA"])
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, lambda: app.state is not None and app.state["your_turn"])
            assert s.prompt.kind == "briefing"  # France holds the pen on the first file
            await app.client.act(next(a for a in app.state["legal"] if a["kind"] == "done"))
            await settle(pilot, lambda: app.state["view"]["prompt"]["kind"] == "draft")
            drafting = app.query_one("#drafting", SelectionList)
            await settle(pilot, lambda: drafting.display and drafting.option_count > 0)
            await settle(pilot, lambda: app.query_one("#remote-whip").display)
            before = list(drafting.selected)
            drafting.focus()
            drafting.highlighted = next(i for i in range(drafting.option_count)
                                        if drafting.get_option_at_index(i).value not in before)
            await pilot.press("space")
            await settle(pilot, lambda: list(drafting.selected) != before)
            chosen = sorted(drafting.selected)
            await pilot.press("t")
            await settle(pilot, lambda: any(a.kind == "table" for a in s.game.log))
            tabled = next(a for a in s.game.log if a.kind == "table")
            assert tabled.seat == "FRA" and sorted(tabled.offers) == chosen
    finally:
        await server.close()


def test_a_seats_deals_read_as_their_terms_with_where_to_answer(sahel):
    from councilgame.engine.game import Game
    from councilgame.play.view_models import DealView
    from councilgame.play.views import seat_view
    from councilgame.tui.remote import private_text

    view = seat_view(Game(sahel, 1, humans={"FRA"}), "FRA")
    offered = DealView(index=0, month=1, seat="RUS", target="FRA", file="f", status="open",
                       draft="f/1", target_status="", waiting_for_you=True)
    owed = offered.model_copy(update={"seat": "FRA", "target": "GBR", "waiting_for_you": False})
    text = private_text(view.model_copy(update={"deals": [offered, owed]}), {}).plain
    assert "Deal offered by RUS" in text and "Accept or refuse it in your moves." in text
    assert "you owe GBR a yes on its next draft." in text
    assert "index=" not in text  # a deal is told in words, not dumped
