"""The operations view (issue 13): every mission and parallel operation with its lead (by name),
authority, mandate, strength, consent, compliance and funding; no internal ids."""

from __future__ import annotations

from textual.widgets import Static

from councilgame.tui.screens.operations import OperationsScreen
from tests.tui.helpers import make_app


async def test_m_opens_the_operations_with_names_not_ids(packset):
    app = make_app(packset, scenario="south-sudan", seat="KEN")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, OperationsScreen)
        text = "\n".join(str(s.render()) for s in app.screen.query(Static))
        assert "UNMISS — United Nations Mission in the Republic of South Sudan" in text
        assert "led by United Nations (UN)" in text and "mandate: 8 months left" in text
        assert "led by igad" not in text and "(subregional)" not in text
        assert text.index("UNMISS") < text.index("IGAMISS")  # in the field first
        await pilot.press("escape")
        assert not isinstance(app.screen, OperationsScreen)
