"""The seminar room over real sockets on loopback (issue 16): a host and three scripted clients
play a month; no client ever receives another seat's private part; a client killed mid-phase
rejoins with nothing lost; bad messages are refused and the game goes on; a restarted host
resumes from its autosave with the same codes."""

from __future__ import annotations

import asyncio
import json

import pytest

from councilgame.play.api import load_scenario
from councilgame.play.session import Session
from councilgame.room.client import JoinRefused, RoomClient, scripted_move
from councilgame.room.host import WRONG_CODES_LOOPBACK, WRONG_CODES_PER_MINUTE, Room
from councilgame.room.hosting import resume
from councilgame.room.protocol import MAX_LINE, Act
from councilgame.room.server import RoomServer
from councilgame.saves import SaveStore, Seat

PLAYERS = {"FRA": "Ana", "RUS": "Ben", "LBR": "Cy"}


async def open_room(tmp_path, sealed=True, seed=3, players=None):
    comp = load_scenario("sahel")
    seats = {c: Seat(human=True, players=[n]) for c, n in (players or PLAYERS).items()}
    session = Session.start(comp, seats, seed, store=SaveStore(tmp_path / "saves"),
                            options={"sealed": True} if sealed else {})
    room = Room.open(session)
    server = RoomServer(room)
    port = await server.start("127.0.0.1", 0)
    return room, server, port


async def join(port, code, room=False) -> tuple[RoomClient, asyncio.Task]:
    client = RoomClient("127.0.0.1", port, code, room=room, keep=True)
    await client.connect()
    return client, asyncio.create_task(client.listen())


def codes_by_seat(room: Room) -> dict[str, str]:
    return {seat: code for code, seat in room.codes.items()}


async def play_until(session, clients, done, limit=400):
    """The clients move whenever the host says it is their turn (and give their sealed ballots
    for the whole sitting at once), until `done()`."""
    for _ in range(limit):
        if done():
            return
        await asyncio.sleep(0.01)
        for c in clients:
            st = c.state
            if st is None:
                continue
            pending = [i["symbol"] for i in st["view"]["sitting"]
                       if i["result"] is None and i["symbol"] not in st["ballots_given"]]
            if pending and not st["your_turn"]:
                c.state = None
                await c.ballots({s: "yes" for s in pending})
            elif st["your_turn"] and st["legal"]:
                c.state = None
                await c.act(scripted_move(st))
    raise AssertionError("the game did not get there")


async def test_three_clients_play_a_month_and_none_sees_another_seats_private_part(tmp_path):
    room, server, port = await open_room(tmp_path)
    s = room.session
    clients = [(await join(port, code))[0] for seat, code in sorted(codes_by_seat(room).items())]
    projector, _ = await join(port, "", room=True)
    try:
        await play_until(s, clients, lambda: s.month >= 2)
        assert s.game.log and s.month == 2
        assert any(a.kind == "vote" for a in s.game.log), "the month held a vote"
        assert any(m.get("ballots_given") for c in clients for m in c.received), \
            "sealed ballots were given at once, before each seat's turn"
        objectives = {c: [o.text for o in s.comp.scenario.objectives.get(c, [])] for c in PLAYERS}
        for c in clients:
            own = set(objectives[c.seat])
            assert c.received and all(m.get("seat") in (None, c.seat) for m in c.received)
            text = json.dumps(c.received)
            for other, texts in objectives.items():
                for line in texts:
                    if other != c.seat and line not in own:
                        assert line not in text, (c.seat, other, line)
        public = json.dumps(projector.received)
        assert not any(line in public for texts in objectives.values() for line in texts)
        assert all("capital" not in m.get("view", {}) for m in projector.received)
    finally:
        for c in [*clients, projector]:
            await c.close()
        await server.close()


async def test_a_client_killed_mid_phase_rejoins_and_finds_its_seat_as_it_was(tmp_path):
    room, server, port = await open_room(tmp_path)
    s = room.session
    by_seat = codes_by_seat(room)
    clients = [(await join(port, by_seat[seat]))[0] for seat in sorted(PLAYERS)]
    try:
        await play_until(s, clients, lambda: s.prompt is not None and s.prompt.kind in ("consult", "vote"))
        seat = s.prompt.seat
        victim = next(c for c in clients if c.seat == seat)
        before = (len(s.game.log), victim.state and victim.state["legal"])
        victim.writer.transport.abort()  # killed: no goodbye
        await asyncio.sleep(0.05)
        back, _ = await join(port, by_seat[seat])
        state = await back.wait(lambda st: True)
        assert state["seat"] == seat and state["your_turn"]
        assert len(s.game.log) == before[0]
        assert before[1] is None or state["legal"] == before[1]
        await back.act(scripted_move(state))
        await asyncio.sleep(0.05)
        assert len(s.game.log) > before[0]
        clients = [c for c in clients if c is not victim] + [back]
    finally:
        for c in clients:
            await c.close()
        await server.close()


@pytest.mark.parametrize(("line", "says"), [
    (b"this is not json\n", "not a JSON object"),
    (b'{"type": "act", "action": {"kind": "vote", "seat": "RUS", "ballot": "yes"}}\n',
     "this connection plays"),
    (b'{"type": "act", "action": {"kind": "launch_missiles", "seat": "FRA"}}\n', "action"),
    (b'{"type": "ballots", "ballots": {"S/9999": "yes"}}\n', "no vote 'S/9999'"),
    (b'{"v": 7, "type": "ping"}\n', "protocol version 7"),
    (b'{"type": "hello", "code": "AAAAAA"}\n', "already joined"),
    (b'{"type": "ping", "extra": 1}\n', "extra"),
    (b'[' + b'1,' * MAX_LINE + b'1]\n', "too long"),
])
async def test_bad_messages_are_refused_and_the_game_goes_on(tmp_path, line, says):
    room, server, port = await open_room(tmp_path)
    s = room.session
    fra, _ = await join(port, codes_by_seat(room)["FRA"])
    try:
        await fra.wait(lambda st: True)
        log = list(s.game.log)
        await fra.send_raw(line)
        for _ in range(200):
            if fra.errors:
                break
            await asyncio.sleep(0.01)
        assert fra.errors and says in fra.errors[0], fra.errors
        assert s.game.log == log
        await fra.ping()  # the connection is still open, the room still answers
        await asyncio.sleep(0.05)
        assert any(m.get("type") == "pong" for m in fra.received)
    finally:
        await fra.close()
        await server.close()


async def test_wrong_codes_are_refused_and_limited_per_address(tmp_path):
    """This machine's own address (every browser tab joins from it) may try more codes a minute
    than another's; past the limit even the right code is refused until the minute is out."""
    room, server, port = await open_room(tmp_path)
    right = codes_by_seat(room)["FRA"]
    for _ in range(WRONG_CODES_PER_MINUTE):
        assert room.allowed("192.0.2.7", now=100.0)  # an address of the documentation range
        room.failures.setdefault("192.0.2.7", []).append(100.0)
    assert not room.allowed("192.0.2.7", now=110.0) and room.allowed("192.0.2.7", now=161.0)
    try:
        for _ in range(WRONG_CODES_LOOPBACK):
            with pytest.raises(JoinRefused, match="opens no seat"):
                await RoomClient("127.0.0.1", port, "WRONG1").connect()
        with pytest.raises(JoinRefused, match="too many wrong codes"):
            await RoomClient("127.0.0.1", port, right).connect()
        assert len(set(room.codes)) == 3 and all(len(c) == 6 for c in room.codes)
    finally:
        await server.close()


async def test_a_restarted_host_resumes_from_its_autosave_with_the_same_codes(tmp_path):
    room, server, port = await open_room(tmp_path)
    s = room.session
    clients = [(await join(port, code))[0] for code in room.codes]
    await play_until(s, clients, lambda: len(s.game.log) >= 4)
    log, codes, month = list(s.game.log), dict(room.codes), s.month
    for c in clients:
        await c.close()
    await server.close()  # the host stops

    again = resume(SaveStore(tmp_path / "saves"), lambda sid: load_scenario(sid))
    room2 = Room.open(again)
    assert room2.codes == codes and again.game.log == log and again.month == month
    server2 = RoomServer(room2)
    port2 = await server2.start("127.0.0.1", 0)
    try:
        back = [(await join(port2, code))[0] for code in codes]
        await play_until(again, back, lambda: len(again.game.log) > len(log))
        for c in back:
            await c.close()
    finally:
        await server2.close()


async def test_consultations_are_open_to_every_seat_at_once(tmp_path):
    """A seat lobbies while another's consultation turn is on, and its move is applied at once;
    its Done spares it its turn."""
    room, server, port = await open_room(tmp_path)
    s = room.session
    by_seat = codes_by_seat(room)
    clients = {seat: (await join(port, by_seat[seat]))[0] for seat in sorted(PLAYERS)}
    try:
        await play_until(s, list(clients.values()),
                         lambda: s.prompt is not None and s.prompt.kind == "consult")
        acting = s.prompt.seat
        other = next(seat for seat in sorted(PLAYERS) if seat != acting and s.game.meeting.open_to(seat))
        c = clients[other]
        state = await c.wait(lambda st: any(a["kind"] == "lobby" for a in st["legal"]))
        assert not state["your_turn"]
        capital, log = s.game.state.capital[other], len(s.game.log)
        await c.act(next(a for a in state["legal"] if a["kind"] == "lobby"))
        await c.wait(lambda st: st["view"]["capital"] == capital - 1)
        assert len(s.game.log) == log + 1 and s.prompt.seat == acting  # applied now, not queued
        await c.act(next(a for a in c.state["legal"] if a["kind"] == "done"))
        await c.wait(lambda st: not st["legal"] or all(a["kind"] != "lobby" for a in st["legal"]))
        assert other in s.game.meeting.consult_done
    finally:
        for c in clients.values():
            await c.close()
        await server.close()


def test_the_timer_ends_a_consultations_round_for_every_seat_at_once(tmp_path):
    """host --timer: consultations are one turn for the whole round; at zero every seat's
    consultations end (what each gave stands) and the game goes on to the vote."""
    comp = load_scenario("sahel")
    seats = {c: Seat(human=True, players=[n]) for c, n in PLAYERS.items()}
    session = Session.start(comp, seats, 3, store=SaveStore(tmp_path / "s"), options={"timer": 120})
    room = Room.open(session)
    while session.prompt.kind != "consult":
        state = room.state_for(session.prompt.seat)
        session.act(Act.model_validate({"action": scripted_move(state)}).action)
    file, start = session.prompt.file, 1000.0
    assert room.time_left(start) == 120
    assert not room.tick(start + 119) and session.prompt.kind == "consult"
    assert room.state_for("FRA")["time_left"] is not None
    assert room.tick(start + 121)
    assert not (session.prompt.kind == "consult" and session.prompt.file == file)
    assert all("Time was up for consultations." in room.notices.get(seat, []) for seat in PLAYERS)


def test_the_facilitator_pauses_ends_a_turn_and_gives_a_seat(tmp_path):
    comp = load_scenario("sahel")
    seats = {c: Seat(human=True, players=[n]) for c, n in PLAYERS.items()}
    session = Session.start(comp, seats, 3, store=SaveStore(tmp_path / "s"))
    room = Room.open(session)
    while session.prompt.kind != "consult":
        session.act(Act.model_validate({"action": scripted_move(room.state_for(session.prompt.seat))}).action)
    file = session.prompt.file
    room.pause(True, now=10.0)
    lobby = next(a for a in room.state_for(session.prompt.seat)["legal"] if a["kind"] == "lobby")
    assert "paused" in room.receive(session.prompt.seat, Act.model_validate({"action": lobby}))
    room.pause(False, now=20.0)
    assert room.end_turn() and not (session.prompt.kind == "consult" and session.prompt.file == file)
    code = codes_by_seat(room)["RUS"]
    room.hand_to_ai("RUS")
    assert "RUS" not in session.humans
    assert room.give_seat("RUS", "Dana") == code and "RUS" in session.humans
    assert room.give_seat("CHN", "Eve") not in (code, *room.codes.values())
    assert room.seat_for(next(c for c, s in room.codes.items() if s == "CHN")) == "CHN"


def test_the_facilitators_reveal_reaches_the_rooms_screens_only_until_the_draft_changes(tmp_path):
    comp = load_scenario("sahel")
    seats = {c: Seat(human=True, players=[n]) for c, n in PLAYERS.items()}
    session = Session.start(comp, seats, 3, store=SaveStore(tmp_path / "s"))
    room = Room.open(session)
    assert not room.reveal()  # no draft on the table at the briefing
    while session.prompt.kind != "consult":
        session.act(Act.model_validate({"action": scripted_move(room.state_for(session.prompt.seat))}).action)
    assert room.reveal()
    shown = room.state_for("")["revealed"]
    assert shown and {code for code, _, _ in shown}.isdisjoint(PLAYERS)  # AI members only
    assert all("revealed" not in room.state_for(seat) for seat in PLAYERS)  # the room's screens only
    room.end_turn()
    for _ in range(50):
        if session.game.meeting is None or session.game.meeting.draft is None:
            break
        room.end_turn()
    assert room.state_for("")["revealed"] is None
