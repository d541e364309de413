"""`make bench`: figures for speed targets, printed rather than asserted (timed tests flake).

Prints: pack loading and compiling time, and full AI games per second on the `sahel` scenario
in one process, with and without recording causes (the debrief needs them; the balance
simulator does not).
"""

from __future__ import annotations

import statistics
import time

from councilgame.engine.compiled import compile_bundle
from councilgame.engine.game import Game
from councilgame.packs.discovery import discover


def timed(fn, repeat: int = 5) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    load = timed(lambda: compile_bundle(discover().bundle("sahel")), repeat=3)
    print(f"load and compile built-in packs + sahel: {load * 1000:7.1f} ms (median of 3)")
    comp = compile_bundle(discover().bundle("sahel"))
    for record in (False, True):
        n = 300
        seconds = timed(lambda r=record, n=n: [Game(comp, s, record=r) for s in range(n)], repeat=3)
        label = "with causes recorded" if record else "simulator mode (no causes)"
        print(f"sahel full AI games per second, {label:<27}: {n / seconds:7.0f} "
              f"({seconds / n * 1000:.2f} ms per game, median of 3 x {n})")


if __name__ == "__main__":
    main()
    from tui import main as tui_main  # bench/ is on sys.path when run as a script

    tui_main()
    from fuzz import fuzz

    fuzz(2000)
