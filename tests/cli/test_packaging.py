"""The wheel carries the built-in packs, so an installed game finds them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_ships_the_builtin_packs(tmp_path):
    subprocess.run([sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
                   cwd=ROOT, check=True, capture_output=True)
    wheel = next(tmp_path.glob("councilgame-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "councilgame/content/core/pack.yaml" in names
    assert "councilgame/content/sahel/scenarios/sahel.yaml" in names
    assert "councilgame/engine/voting.py" in names
    assert not any(n.startswith("tests/") for n in names)
