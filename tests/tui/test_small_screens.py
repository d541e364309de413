"""At 80x24 a game shows every screen without sideways scrolling (issue 13): a table or a
text that scrolls left and right hides words a student has no reason to look for."""

from __future__ import annotations

from textual.widgets import TabbedContent

from tests.tui.helpers import make_app, on, play_until

SMALL = (80, 24)


def sideways(app) -> list[str]:
    """Widgets of the front screen whose content is wider than they are."""
    name = type(app.screen).__name__
    return [f"{name}: {w!r} ({w.virtual_size.width} > {w.scrollable_content_region.width})"
            for w in app.screen.query("*")
            if w.display and w.region.width and w.is_scrollable and w.max_scroll_x > 0]


async def test_a_whole_game_at_80x24_never_scrolls_sideways(packset):
    # four months of the sahel scenario (its seminar length): every screen of a month, with the
    # longest clause titles, in a quarter of the time of the whole ten
    app = make_app(packset, scenario="sahel", seat="FRA", seed=2, options={"length": 4})
    seen: set[str] = set()
    problems: list[str] = []

    def check(app) -> None:
        seen.add(type(app.screen).__name__)
        problems.extend(sideways(app))

    async with app.run_test(size=SMALL) as pilot:
        await play_until(pilot, app, on(app, "DebriefScreen"), limit=600, on_step=check)
        await pilot.pause()
        tabs = app.screen.query_one(TabbedContent)
        for pane in ("tab-ending", "tab-votes", "tab-gauges", "tab-cases"):
            tabs.active = pane
            await pilot.pause()
            problems.extend(f"{pane}: {p}" for p in sideways(app))
    assert {"ChamberScreen", "DraftingScreen", "ConsultScreen", "VoteScreen"} <= seen
    assert not problems, "\n".join(sorted(set(problems)))


async def test_the_tutorial_from_the_new_game_defaults_at_80x24(packset):
    """A student's first game: New game, nothing changed, Start: the tutorial as the United
    Kingdom, played to its debrief at 80x24 in the light theme, never scrolling sideways."""

    app = make_app(packset, scenario=None)
    problems: list[str] = []
    async with app.run_test(size=SMALL) as pilot:
        app.action_toggle_theme()  # dark -> light: the layout is the same in every theme
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session.comp.scenario.id == "tutorial" and app.session.seat == "GBR"
        await play_until(pilot, app, on(app, "DebriefScreen"), limit=300,
                         on_step=lambda a: problems.extend(sideways(a)))
    assert not problems, "\n".join(sorted(set(problems)))
