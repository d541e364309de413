"""The API guide's example runs as written."""

from __future__ import annotations

import re
from pathlib import Path

GUIDE = Path(__file__).parents[2] / "docs" / "api.md"


def test_the_bot_in_the_api_guide_plays_a_whole_game(capsys):
    blocks = re.findall(r"```python\n(.*?)```", GUIDE.read_text(), flags=re.S)
    bot = next(b for b in blocks if "while not game.finished" in b)
    namespace: dict = {}
    exec(compile(bot, str(GUIDE), "exec"), namespace)  # our own documentation, not a pack
    assert namespace["game"].finished
    ending, legitimacy = capsys.readouterr().out.split()
    assert ending == namespace["record"]["ending"] and float(legitimacy) >= 0
