"""The penholder withdraws its tabled draft from consultations and edits it (issue 13)."""

from __future__ import annotations

from councilgame.tui.screens.consult import ConsultScreen
from councilgame.tui.screens.drafting import DraftingScreen
from tests.tui.helpers import make_app


async def test_e_withdraws_the_draft_and_drafting_opens_with_its_clauses(packset):
    app = make_app(packset)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("space", "t", "y")
        await pilot.pause()
        assert isinstance(app.screen, ConsultScreen)
        tabled = [c.key for c in app.session.view().draft.clauses]
        assert app.screen.check_action("revise", ()) and not app.screen.check_action("rival", ())
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("y")  # confirm
        await pilot.pause()
        assert isinstance(app.screen, DraftingScreen)
        assert app.screen.keys == tabled
        assert "[x]" in str(app.screen.query_one("#clauses").get_option_at_index(0).prompt)
        await pilot.press("down", "down", "down", "down", "space", "t", "y")  # add the support package
        await pilot.pause()
        assert isinstance(app.screen, ConsultScreen)
        assert len(app.session.view().draft.clauses) == len(tabled) + 1
