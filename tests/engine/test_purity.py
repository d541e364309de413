"""The engine's layer rule, enforced: it imports without Textual and does no file I/O."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[2] / "councilgame" / "engine"


def test_engine_imports_without_textual_in_a_fresh_interpreter():
    code = (
        "import sys, councilgame.engine.game, councilgame.engine.record, councilgame.play.simulation\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_engine_source_does_no_io_and_no_eval():
    pattern = re.compile(r"\bopen\(|\.read_text\(|\.write_text\(|\beval\(|\bexec\(|pickle|"
                         r"^\s*(from|import)\s+(textual|rich|os|pathlib|yaml)\b", re.M)
    offenders = [p.name for p in ENGINE.glob("*.py") if pattern.search(p.read_text())]
    assert offenders == []
