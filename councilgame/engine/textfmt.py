"""Placeholders in pack texts: `{violence}` or `{ops.fc_g5s.strength}` show a current value."""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\}")


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text or ""))


def fill(text: str, env: list, index: dict[str, int]) -> str:
    """Replace each known placeholder by its value (whole numbers shown without decimals);
    unknown ones stay as written (validation warns about them)."""

    def value(m: re.Match) -> str:
        name = m.group(1)
        if name not in index:
            return m.group(0)
        v = float(env[index[name]])
        return f"{v:.0f}" if abs(v - round(v)) < 0.05 or abs(v) >= 10 else f"{v:.2f}"

    return PLACEHOLDER.sub(value, text or "")


def sentence(text: str) -> str:
    """`text` closed by a full stop, unless it already ends as a sentence does (a file titled
    as a question keeps its question mark alone)."""
    return text if text.rstrip().endswith((".", "?", "!")) else f"{text}."


def vote_question(comp, file, kind: str, sponsor: str, amending: tuple | None) -> str:
    """The question put to a player's seat at a roll call, in words (never the engine's
    symbols); `amending` is the amendment voted on: (mover, offer key, remove)."""
    who = comp.names[comp.index[sponsor]] if sponsor in comp.index else sponsor
    if kind == "amendment" and amending is not None:
        _, key, remove = amending
        label = next(o.label for o in file.offers if o.key == key)
        verb = "delete" if remove else "insert"
        return f"Vote on {who}'s amendment to the draft on {file.title}: {verb} the clause “{label}”."
    if kind == "procedural":
        return f"Vote on whether the Council takes up {file.title} (a procedural vote)."
    return f"Vote on the draft by {who} on {file.title}."
