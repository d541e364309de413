"""Peak memory of the balance simulator, for `make bench`: 100,000 sahel games beside 1,000
(the yardstick, in the same run), each in a fresh process, so that a report that kept every
game would show as a ratio far above 1 (aggregates stream: see councilgame/play/tallies.py).

Each run prints the parent's peak resident set and its workers' (the largest of them).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

CHILD = """
import json, resource, sys
from councilgame.engine.compiled import compile_bundle
from councilgame.packs.discovery import discover
from councilgame.play.simulation import simulate
games, workers = int(sys.argv[1]), int(sys.argv[2])
report = simulate(compile_bundle(discover().bundle("sahel")), games, seed=1, workers=workers)
me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"games": report["games"], "parent_kib": me, "worker_kib": kids,
                  "per_second": report["games"] / report["wall_time_s"]}))
"""


def peak(games: int, workers: int) -> dict:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", CHILD, str(games), str(workers)],
                         capture_output=True, text=True, check=True).stdout
    return {**json.loads(out), "wall": time.perf_counter() - start}


def main(big: int = 100_000, small: int = 1_000, workers: int = 2) -> None:
    base = peak(small, workers)
    full = peak(big, workers)
    for row in (base, full):
        print(f"simulate sahel, {row['games']:>7,} games on {workers} workers: parent peak "
              f"{row['parent_kib'] / 1024:6.1f} MiB, largest worker {row['worker_kib'] / 1024:6.1f} MiB "
              f"({row['per_second']:.0f} games/s, {row['wall']:.0f} s)")
    print(f"peak memory, {big:,} games against {small:,} (the yardstick, same run): parent "
          f"{full['parent_kib'] / base['parent_kib']:.2f}x, worker "
          f"{full['worker_kib'] / base['worker_kib']:.2f}x")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:]))
