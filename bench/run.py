"""`make bench`: figures for speed targets, printed rather than asserted (timed tests flake).

Prints: pack loading and compiling time, from the files and from the caches; full AI games
per second on the `sahel` scenario in one process, with and without recording causes (the
debrief needs them; the balance simulator does not), and through `simulate` on 1 and 2 workers
(the 1-worker figure is the 2-worker one's yardstick: scaling with the cores); the time to
validate generated packs of 1,000 and 10,000 events (target: 10,000 in under 5 s), beside a
yardstick measured in the same run, libyaml's bare parse of the same files (no values, line
numbers, schema or checks), so that the ratio holds on any machine;
then the TUI's figures, the simulator's peak memory over 100,000 games against 1,000, the fuzzer,
and the seminar room's move-to-every-view latency.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from bigpack import write_pack  # bench/ is on sys.path when run as a script

from councilgame.engine.compiled import compile_bundle
from councilgame.engine.game import Game
from councilgame.engine.gcpause import paused_gc
from councilgame.packs.discovery import discover
from councilgame.packs.registry import builtin_dir, load_packs
from councilgame.play.simulation import simulate


def timed(fn, repeat: int = 5) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def validate(root: Path) -> int:
    """What `packs validate ROOT` does in process: its problems, the pack it extends read too."""
    return len(load_packs([builtin_dir() / "core", root]).report(root))


def bare_parse(root: Path) -> None:
    """The yardstick: libyaml's parser alone over the pack's files (no values built, no line
    table, no schema, no checks), with collection paused as the loader pauses it."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with paused_gc():
        for path in sorted(root.rglob("*.yaml")):
            yaml.compose(path.read_text(encoding="utf-8"), Loader=loader)


def validation() -> None:
    """A pack validated as the first time (the parse cache off), then again with every file
    parsed before (an author's next `packs validate`, the parse cache on)."""
    with tempfile.TemporaryDirectory() as tmp:
        for n in (1000, 10_000):
            root = write_pack(Path(tmp) / str(n) / "bigpack", n)
            os.environ["COUNCILGAME_CACHE"] = "off"
            assert validate(root) == 0, "the generated pack should validate cleanly"
            seconds = timed(lambda r=root: validate(r), repeat=3)
            parse = timed(lambda r=root: bare_parse(r), repeat=3)
            os.environ["COUNCILGAME_CACHE"] = str(Path(tmp) / "cache")
            validate(root)  # fills the parse cache
            again = timed(lambda r=root: validate(r), repeat=3)
            os.environ.pop("COUNCILGAME_CACHE")
            print(f"validate a pack of {n:>6,} events: {seconds:6.2f} s; yardstick, libyaml's bare "
                  f"parse of its files: {parse:5.2f} s ({seconds / parse:4.1f}x; median of 3); "
                  f"again, every file parsed before: {again:5.2f} s")


LOAD = """
import time
from councilgame.engine.compiled import compile_bundle
from councilgame.packs.discovery import discover
start = time.perf_counter()
compile_bundle(discover().bundle("sahel"))
print(time.perf_counter() - start)
"""


def loading() -> None:
    """A scenario read from its pack's files, then from the caches (packs/cache.py: each file
    parsed before, and the bundle), each in a fresh process with the modules imported, as a
    player's next start reads it."""
    with tempfile.TemporaryDirectory() as tmp:
        for label, where in (("cache off", "off"), ("from the caches", tmp)):
            env = {**os.environ, "COUNCILGAME_CACHE": where}
            runs = [float(subprocess.run([sys.executable, "-c", LOAD], env=env, check=True,
                                         capture_output=True, text=True).stdout) for _ in range(4)]
            load = statistics.median(runs[1:])  # the first run fills the cache
            print(f"discover packs, load and compile sahel, {label:<15}: {load * 1000:7.1f} ms "
                  "(a fresh process each time, median of 3)")


def main() -> None:
    loading()
    validation()
    comp = compile_bundle(discover().bundle("sahel"))
    for record in (False, True):
        n = 300
        seconds = timed(lambda r=record, n=n: [Game(comp, s, record=r) for s in range(n)], repeat=3)
        label = "with causes recorded" if record else "simulator mode (no causes)"
        print(f"sahel full AI games per second, {label:<27}: {n / seconds:7.0f} "
              f"({seconds / n * 1000:.2f} ms per game, median of 3 x {n})")
    rates = {}
    for workers in (1, 2):
        report = simulate(comp, 1000, seed=1, workers=workers)
        rates[workers] = report["games"] / report["wall_time_s"]
        print(f"councilgame simulate --scenario sahel --games 1000 --workers {workers}: "
              f"{rates[workers]:7.0f} games per second")
    print(f"2 workers against 1 (the yardstick, same run): {rates[2] / rates[1]:.2f}x")


if __name__ == "__main__":
    main()
    from tui import main as tui_main  # bench/ is on sys.path when run as a script

    tui_main()
    from memory import main as memory_main

    memory_main()
    from fuzz import fuzz

    fuzz(2000)
    import asyncio

    from room_latency import main as room_main

    asyncio.run(room_main(150))
