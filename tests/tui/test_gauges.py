"""Gauges (issue 13): at 80 columns every name shows whole (the sparklines give way), and the
arrow follows the values shown."""

from __future__ import annotations

from councilgame.tui.widgets.gauges import GaugePanel, GaugeRow
from tests.tui.helpers import make_app


async def test_at_80_columns_no_gauge_name_is_cut(packset):
    app = make_app(packset)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(GaugePanel)
        assert panel.has_class("narrow")
        for row in panel.query(GaugeRow):
            label = row.query_one(".gauge-name")
            text = str(label.render())
            assert label.region.height == 1 and len(text.rstrip()) <= label.region.width, text
            assert text[0] in "+−"  # the mark of the gauge's good end


async def test_every_gauge_fits_at_80x24_and_wide_names_are_whole(packset):
    app = make_app(packset)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(GaugePanel)
        rows = list(panel.query(GaugeRow))
        assert all(panel.region.contains_region(r.region) for r in rows), "a gauge is scrolled away"
        assert panel.border_subtitle == "+ higher is better · − lower"
    wide = make_app(packset)
    async with wide.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for row in wide.screen.query_one(GaugePanel).query(GaugeRow):
            assert str(row.query_one(".gauge-name").render())[2:].strip() == row.names[0]


async def test_an_unchanged_shown_value_has_no_arrow_up(packset):
    app = make_app(packset)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        row = app.screen.query_one(GaugeRow)
        row.show([70.0, 70.4])
        assert str(row.query_one(".gauge-value").render()).strip().endswith("=")
        row.show([70.0, 71.0])
        assert str(row.query_one(".gauge-value").render()).strip().endswith("▲")


async def test_the_briefing_says_what_changed_last_month(packset):
    from tests.tui.helpers import play_until

    app = make_app(packset, seed=3)
    async with app.run_test(size=(120, 40)) as pilot:
        def at_second_briefing() -> bool:
            p = app.session.prompt
            return app.session.view().month == 2 and p is not None and p.kind == "briefing" \
                and type(app.screen).__name__ == "ChamberScreen"

        await play_until(pilot, app, at_second_briefing)
        await pilot.pause()
        since = app.session.view().since
        assert since is not None and since.month == 1 and since.gauges
        news = str(app.screen.query_one("#news-text").render())
        assert news.startswith("What changed in January 2026")
        top = since.gauges[0]
        assert f"{top.label} {top.delta:+.0f} ({'better' if top.better else 'worse'})" in news
        for title, text in since.events:
            assert title in news and text[:40] in news
