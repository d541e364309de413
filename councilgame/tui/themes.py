"""The game's themes: dark, light and a high-contrast projector theme. Every text colour a
screen uses reaches 4.5:1 against the background it is drawn on (WCAG AA), as
tests/tui/test_contrast.py checks from the themes' own colours."""

from __future__ import annotations

from textual.theme import BUILTIN_THEMES, Theme

_LIGHT = BUILTIN_THEMES["textual-light"]

# Textual's light theme draws titles in its accent (#FEA62B, about 1.6:1 on its grey) and the
# footer's keys in #0178D4 (about 3.3:1): darker shades of the same hues here.
LIGHT = Theme(
    name="councilgame-light", primary=_LIGHT.primary, secondary=_LIGHT.secondary,
    accent="#7A4000", foreground=_LIGHT.foreground, background=_LIGHT.background,
    surface=_LIGHT.surface, panel=_LIGHT.panel, success="#1E6B35", warning="#7A4000",
    error="#A0213F", dark=False,
    variables={"footer-key-foreground": "#00467A", "text-muted": "#1F1F1FB8"},
)

# High contrast for a projector at the back of a room: pure black and white, bright accents.
PROJECTOR = Theme(
    name="projector", primary="#FFD700", secondary="#00FFFF", accent="#FFD700",
    foreground="#FFFFFF", background="#000000", surface="#000000", panel="#1A1A1A",
    success="#00FF00", warning="#FFFF00", error="#FF4040", dark=True,
)

DARK = "textual-dark"
CYCLE = (DARK, LIGHT.name, PROJECTOR.name)  # what ctrl+t steps through
