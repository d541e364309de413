"""The seminar room's speed (issue 16): 15 seats, each in its own client, and 2 room screens on
loopback; from a move sent to every one of the 17 views updated, p50 and p95 (goal: p95 under
200 ms), and the host's peak memory.

    .venv/bin/python bench/room_latency.py [--moves 150]

The host is `councilgame host` in its own process (its memory is its own). The yardstick, in
the same run: the same 17 connections receiving a message of the same size from a bare asyncio
server that builds nothing, so the ratio holds on any machine.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import sys
import time
from pathlib import Path
from tempfile import TemporaryDirectory

from councilgame.play.api import load_scenario
from councilgame.play.queries import playable
from councilgame.room.client import RoomClient, scripted_move

ROOM_SCREENS = 2


async def start_host(saves: Path) -> tuple[asyncio.subprocess.Process, int, dict[str, str]]:
    seats = playable(load_scenario("sahel"))
    players = ",".join(f"P{i}:{code}" for i, code in enumerate(seats))
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "councilgame", "host", "--scenario", "sahel", "--seed", "1",
        "--players", players, "--port", "0", "--no-web", "--saves", str(saves),
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    text = ""
    while "Commands:" not in text:
        text += (await proc.stdout.readline()).decode()
    port = int(re.search(r"127\.0\.0\.1:(\d+)", text).group(1))
    return proc, port, dict(re.findall(r"^\s+([A-Z]{3})\s.*code (\w{6})$", text, re.M))


def peak_memory_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024


async def room_run(moves: int) -> tuple[list[float], float, int]:
    with TemporaryDirectory() as tmp:
        proc, port, codes = await start_host(Path(tmp))
        clients = [RoomClient("127.0.0.1", port, code) for code in codes.values()]
        clients += [RoomClient("127.0.0.1", port, room=True) for _ in range(ROOM_SCREENS)]
        for c in clients:
            await c.connect()
        counts = [0] * len(clients)

        async def listen(i: int, c: RoomClient) -> None:
            while (msg := await c._read()) is not None:
                if msg.get("type") == "state":
                    c.state = msg
                    counts[i] += 1
                    c.changed.set()
        tasks = [asyncio.create_task(listen(i, c)) for i, c in enumerate(clients)]
        while not all(counts):
            await asyncio.sleep(0.01)
        latencies, size = [], 0
        for _ in range(moves):
            actor = next((c for c in clients[:-ROOM_SCREENS] if c.state and c.state["your_turn"]), None)
            if actor is None:
                break
            before = list(counts)
            start = time.perf_counter()
            await actor.act(scripted_move(actor.state))
            while any(n == b for n, b in zip(counts, before, strict=True)):
                await asyncio.sleep(0.0005)
            latencies.append(time.perf_counter() - start)
            size = max(size, len(str(actor.state)))
        memory = peak_memory_mb(proc.pid)
        for t in tasks:
            t.cancel()
        for c in clients:
            await c.close()
        proc.stdin.write(b"quit\n")
        await proc.stdin.drain()
        await proc.wait()
        return latencies, memory, size


async def yardstick(size: int, rounds: int) -> list[float]:
    """17 connections receiving one `size`-byte line each from a server that builds nothing."""
    writers: list[asyncio.StreamWriter] = []
    payload = b"x" * size + b"\n"

    async def accept(reader, writer):
        writers.append(writer)
    server = await asyncio.start_server(accept, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    pairs = [await asyncio.open_connection("127.0.0.1", port, limit=2 * size)
             for _ in range(15 + ROOM_SCREENS)]
    readers = [r for r, _ in pairs]
    while len(writers) < len(readers):
        await asyncio.sleep(0.01)
    out = []
    for _ in range(rounds):
        start = time.perf_counter()
        for w in writers:
            w.write(payload)
        await asyncio.gather(*(r.readline() for r in readers))
        out.append(time.perf_counter() - start)
    for w in writers + [w for _, w in pairs]:
        w.close()
    server.close()
    await server.wait_closed()
    return out


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] * 1000


async def main(moves: int) -> None:
    latencies, memory, size = await room_run(moves)
    bare = await yardstick(size, len(latencies))
    print(f"room, 15 seats + {ROOM_SCREENS} room screens on loopback, move to every view updated: "
          f"p50 {pct(latencies, 50):6.1f} ms, p95 {pct(latencies, 95):6.1f} ms (goal: p95 < 200 ms; "
          f"{len(latencies)} moves)")
    print(f"  yardstick, the same 17 connections sent a {size // 1000} kB line by a bare server: "
          f"p50 {pct(bare, 50):5.1f} ms, p95 {pct(bare, 95):5.1f} ms; host's peak memory {memory:.0f} MB")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--moves", type=int, default=150)
    asyncio.run(main(parser.parse_args().moves))
