"""Every theme's text reaches 4.5:1 against what it is drawn on (WCAG 2.x AA), computed from
the theme's own colours as Textual generates them (issue 13: the light theme's panel titles were
about 1.6:1 and its footer keys 3.3:1)."""

from __future__ import annotations

import pytest
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from councilgame.tui.themes import CYCLE, LIGHT, PROJECTOR

THEMES = {**BUILTIN_THEMES, LIGHT.name: LIGHT, PROJECTOR.name: PROJECTOR}

# (text colour, background) as the stylesheet and Textual's widgets pair them
PAIRS = [
    ("foreground", "background"), ("foreground", "surface"), ("foreground", "panel"),
    ("accent", "background"), ("accent", "surface"), ("accent", "panel"),  # titles, steps
    ("text-muted", "background"), ("text-muted", "surface"),  # status and hints
    ("footer-key-foreground", "footer-background"), ("footer-foreground", "footer-background"),
    ("footer-description-foreground", "footer-background"),
    ("text-error", "background"), ("text-success", "background"), ("text-warning", "background"),
]


def luminance(c: Color) -> float:
    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)


def ratio(a: Color, b: Color) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def resolve(value: str, under: Color) -> Color:
    """A theme variable as painted over `under`: 'auto N%' is the contrasting text colour at
    N% opacity, and a colour with alpha is blended."""
    if value.startswith("auto"):
        alpha = float(value.split()[1].rstrip("%")) / 100 if " " in value else 1.0
        base = under.get_contrast_text(alpha)
        return under + base
    return under + Color.parse(value)


def test_the_cycle_is_dark_light_projector():
    assert CYCLE == ("textual-dark", "councilgame-light", "projector")


def test_the_light_theme_failed_before():
    colours = BUILTIN_THEMES["textual-light"].to_color_system().generate()
    bg = Color.parse(colours["background"])
    assert ratio(resolve(colours["accent"], bg), bg) < 2.0  # what the issue measured


@pytest.mark.parametrize("theme", CYCLE)
@pytest.mark.parametrize(("text", "back"), PAIRS)
def test_text_reaches_4_5_to_1(theme, text, back):
    colours = THEMES[theme].to_color_system().generate()
    under = Color.parse(colours[back])
    if under.a < 1:  # a translucent background sits on the screen's
        under = Color.parse(colours["background"]) + under
    fg = resolve(colours[text], under)
    assert ratio(fg, under) >= 4.5, f"{theme}: {text} {fg.hex} on {back} {under.hex}: {ratio(fg, under):.2f}"
