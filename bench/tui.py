"""TUI figures, measured in a real terminal (tmux): launch to an interactive title screen next
to a minimal Textual app, and key press to repaint on the chamber screen and on drafting. Each
time includes tmux's own capture (a few ms), as the yardstick's does."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent


class Pane:
    def __init__(self, command: str):
        self.dir = tempfile.mkdtemp()
        self.sock = str(Path(self.dir) / "s")
        self.t0 = time.perf_counter()
        self._tmux("new-session", "-d", "-s", "b", "-x", "120", "-y", "40",
                   f"unset COLUMNS LINES; {command}")

    def _tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-S", self.sock, *args], capture_output=True, text=True).stdout

    def wait(self, *texts: str, timeout: float = 30.0) -> float:
        """Seconds from the start (or the last key) until every text is on screen."""
        while time.perf_counter() - self.t0 < timeout:
            screen = self._tmux("capture-pane", "-p", "-t", "b")
            if all(t in screen for t in texts):
                return time.perf_counter() - self.t0
            time.sleep(0.005)
        raise TimeoutError(texts)

    def gone(self, text: str, timeout: float = 30.0) -> float:
        """Seconds from the last key until `text` is no longer on screen."""
        while time.perf_counter() - self.t0 < timeout:
            if text not in self._tmux("capture-pane", "-p", "-t", "b"):
                return time.perf_counter() - self.t0
            time.sleep(0.005)
        raise TimeoutError(text)

    def key(self, key: str) -> None:
        self.t0 = time.perf_counter()
        self._tmux("send-keys", "-t", "b", key)

    def close(self) -> None:
        self._tmux("kill-server")
        shutil.rmtree(self.dir, ignore_errors=True)


def measure(command: str, texts: tuple[str, ...], runs: int) -> float:
    times = []
    for _ in range(runs):
        pane = Pane(command)
        try:
            times.append(pane.wait(*texts))
        finally:
            pane.close()
    return statistics.median(times)


def main(runs: int = 5) -> None:
    if shutil.which("tmux") is None:
        print("tmux is not installed: TUI figures skipped")
        return
    minimal = measure(f"{sys.executable} {HERE / 'minimal_app.py'}", ("minimal app ready", "Quit"), runs)
    title = measure(f"{BIN / 'councilgame'}", ("New game", "How to play"), runs)
    ready = measure(f"{BIN / 'councilgame'}", ("New game", "scenarios ready", "How to play"), runs)
    print(f"launch to interactive screen, minimal Textual app : {minimal * 1000:7.0f} ms (median of {runs})")
    print(f"launch to interactive title screen, councilgame   : {title * 1000:7.0f} ms (median of {runs}; "
          f"{title / minimal:.2f}x the minimal app, goal: at most 1.3x)")
    print(f"  ... and to its packs read behind it              : {ready * 1000:7.0f} ms (median of {runs})")
    pane = Pane(f"{BIN / 'councilgame'} play --scenario sahel --seat FRA --seed 3")
    try:
        pane.wait("The Council", "Continue")
        repaints = []
        for _ in range(runs):
            pane.key("s")
            repaints.append(pane.wait("permanent member, veto"))
            pane.key("Escape")
            pane.wait("The Council", "Continue")
        pane.key("n")  # the briefing read: France holds the pen and drafts
        pane.wait("Whip count", "[ ]")
        toggles = []
        for _ in range(runs):
            pane.key("space")  # a clause in, and the whip count recomputed
            toggles.append(pane.wait("[x]"))
            pane.key("space")
            toggles.append(pane.gone("[x]"))
    finally:
        pane.close()
    yardstick = repaint(f"{sys.executable} {HERE / 'minimal_app.py'}", ("minimal app ready",),
                        "a permanent member, veto", runs)
    mine = statistics.median(repaints)
    print(f"chamber key press to repaint (s: seats screen)    : {mine * 1000:7.0f} ms (median of {runs}; "
          f"goal: 50 ms)")
    print(f"  yardstick, a minimal Textual app opening a screen of 15 cards: {yardstick * 1000:5.0f} ms "
          f"({mine / yardstick:.2f}x)")
    toggle = statistics.median(toggles)
    print(f"drafting key press to repaint (space: a clause in or out, the whip count again): "
          f"{toggle * 1000:5.0f} ms (median of {2 * runs}; goal: 50 ms; {toggle / yardstick:.2f}x the "
          "yardstick)")


def repaint(command: str, ready: tuple[str, ...], shown: str, runs: int) -> float:
    """Median seconds from `s` to `shown` on screen, back with escape between presses."""
    pane = Pane(command)
    try:
        pane.wait(*ready)
        times = []
        for _ in range(runs):
            pane.key("s")
            times.append(pane.wait(shown))
            pane.key("Escape")
            pane.wait(*ready)
        return statistics.median(times)
    finally:
        pane.close()


if __name__ == "__main__":
    main()
