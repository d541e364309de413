"""The real `councilgame` command in a terminal: start it in tmux, play a month with keys, read
the screen with capture-pane."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]
COMMAND = Path(sys.executable).with_name("councilgame")


class Tmux:
    def __init__(self, socket: Path):
        self.socket = str(socket)

    def run(self, *args: str) -> str:
        out = subprocess.run(["tmux", "-S", self.socket, *args], capture_output=True, text=True,
                             timeout=20)
        return out.stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "game")

    def wait_for(self, *texts: str, timeout: float = 20.0, need=all) -> str:
        """Wait until every text (or, with need=any, one of them) is on screen: a frame arrives
        in pieces."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if need(t in screen for t in texts):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{texts} not on screen:\n{screen}")

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.run("send-keys", "-t", "game", key)
            time.sleep(0.15)


@pytest.fixture
def tmux(tmp_path):
    t = Tmux(tmp_path / "tmux.sock")
    yield t
    t.run("kill-server")


def test_play_a_month_in_a_real_terminal(tmux, tmp_path):
    # the test process may carry COLUMNS/LINES (pytest plugins set them): the game must read
    # the real pane size, as it does for a player
    cmd = (f"unset COLUMNS LINES; COUNCILGAME_SAVES={tmp_path} "
           f"{COMMAND} play --scenario sahel --seat FRA --seed 3; "
           "echo EXITED=$?; sleep 30")
    tmux.run("new-session", "-d", "-s", "game", "-x", "120", "-y", "40", cmd)
    tmux.wait_for("The Council", "Gauges", "Continue")
    tmux.keys("n")
    tmux.wait_for("Draft on: UNSOSAH", "Table draft")
    tmux.keys("Space", "t")
    tmux.wait_for("Table this draft (1 clause)?")
    tmux.keys("y")
    tmux.wait_for("Consultations", "Revise")  # the penholder revises its text; others rival it
    tmux.keys("c")
    tmux.wait_for("Press y, n or a")
    tmux.keys("y")
    tmux.wait_for("Roll call")
    screen = tmux.wait_for("Adopted", "Vetoed", "Failed", need=any)  # after the ballots, one by one
    assert "Draft by France on" in screen and "support_office/1" not in screen  # titles, not ids
    tmux.keys("Enter")
    tmux.wait_for("The Council", "February 2026")
    tmux.keys("q")
    tmux.wait_for("Quit the game?")
    tmux.keys("y")
    tmux.wait_for("EXITED=0")
