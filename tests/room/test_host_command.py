"""`councilgame host` and `join` as commands (issue 16): the host prints each seat's code and
the address, takes the facilitator's commands from its terminal, and `--continue` reopens the
room; wrong arguments are one sentence."""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys

import pytest

from councilgame.room.client import RoomClient, parse_address
from councilgame.room.hosting import open_warning
from tests.cli.test_bad_input import run_main


async def start_host(tmp_path, *extra: str):
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "councilgame", "host", "--scenario", "sahel", "--seed", "3",
        "--port", "0", "--saves", str(tmp_path / "saves"), *extra,
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    lines: list[str] = []
    while not any(line.startswith("Commands:") for line in lines):
        line = await asyncio.wait_for(proc.stdout.readline(), 60)
        assert line, (lines, await proc.stderr.read())
        lines.append(line.decode())
    text = "".join(lines)
    port = int(re.search(r"Addresses:\s+127\.0\.0\.1:(\d+)", text).group(1))
    codes = dict(re.findall(r"^\s+([A-Z]{3})\s.*code (\w{6})$", text, re.M))
    return proc, port, codes, text


async def say(proc, line: str) -> str:
    proc.stdin.write(line.encode() + b"\n")
    await proc.stdin.drain()
    return (await asyncio.wait_for(proc.stdout.readline(), 30)).decode()


async def test_the_host_prints_codes_serves_them_and_quits_on_the_facilitators_word(tmp_path):
    proc, port, codes, text = await start_host(tmp_path, "--players", "Ana:FRA,Ben:RUS", "--no-web")
    try:
        assert set(codes) == {"FRA", "RUS"} and len(set(codes.values())) == 2
        assert "warning" not in text  # loopback: nothing to warn about
        client = RoomClient("127.0.0.1", port, codes["FRA"])
        welcome = await client.connect()
        assert welcome["seat"] == "FRA" and welcome["player"] == "Ana"
        await client.close()
        assert "RUS: Ben, not joined" in await say(proc, "who") + (await proc.stdout.readline()).decode()
        answer = await say(proc, "ai RUS")
        assert "RUS is played by the AI" in answer
        assert "no event 'nothing'" in await say(proc, "inject nothing")
        assert "Injected abuses_report" in await say(proc, "inject abuses_report")
        assert f"RUS is played by Dana: its code is {codes['RUS']}" in await say(proc, "seat RUS Dana")
        assert "paused" in await say(proc, "pause")
        client = RoomClient("127.0.0.1", port, codes["FRA"])
        await client.connect()
        listen = asyncio.create_task(client.listen())
        state = await client.wait(lambda st: True)
        await client.act(state["legal"][-1])
        for _ in range(100):
            if client.errors:
                break
            await asyncio.sleep(0.02)
        assert client.errors and "paused" in client.errors[0]
        assert "goes on" in await say(proc, "go")
        assert "No draft is on the table." in await say(proc, "reveal")
        assert "Each turn has 2 minutes" in await say(proc, "timer 2")
        # at the briefing no player's turn is under way (Room.end_turn is tested on its own)
        assert (await say(proc, "endturn")).strip() == "No player's turn is under way."
        listen.cancel()
        await client.close()
        proc.stdin.write(b"quit\n")
        await proc.stdin.drain()
        assert await asyncio.wait_for(proc.wait(), 30) == 0
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    proc2, port2, codes2, _ = await start_host(tmp_path, "--continue", "--no-web")
    try:
        assert codes2 == codes  # the same codes after a restart: the clients rejoin as they were
    finally:
        proc2.kill()
        await proc2.wait()


def test_binding_beyond_this_machine_says_what_it_means():
    assert open_warning("127.0.0.1") is None and open_warning("localhost") is None
    words = open_warning("0.0.0.0")
    assert words and "anyone who can reach this machine" in words


@pytest.mark.parametrize(("args", "says"), [
    (["host", "--scenario", "sahel"], "host needs --players"),
    (["host", "--players", "Ana:XXX"], "XXX has no seat"),
    (["host", "--continue", "--saves", "EMPTY"], "no room game to continue"),
    (["join", "not an address:x"], "is not an address"),
])
def test_wrong_arguments_are_one_sentence(tmp_path, capsys, args, says):
    args = [str(tmp_path / "empty") if a == "EMPTY" else a for a in args]
    assert run_main(args) in (1, 2)
    assert says in capsys.readouterr().err


def test_an_address_is_host_and_port():
    assert parse_address("127.0.0.1:8765") == ("127.0.0.1", 8765)
    assert parse_address("localhost") == ("localhost", 8765)
    assert parse_address("[::1]:9000") == ("::1", 9000)


def test_join_refuses_an_address_in_one_sentence():
    done = subprocess.run([sys.executable, "-m", "councilgame", "join", "nowhere:port"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "not an address" in done.stderr and "Traceback" not in done.stderr
