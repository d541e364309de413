"""An amendment is voted on for what it changes (issue 13): the vote screen says who moves it and
which clause it inserts or deletes, with how the others lean on it, and the question is in words."""

from __future__ import annotations

from textual.widgets import Static

from councilgame.play import Amend
from councilgame.tui.screens.vote import VoteScreen
from tests.tui.helpers import make_app


async def test_the_amendment_vote_shows_the_amendment_not_the_draft(packset):
    app = make_app(packset)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n", "space", "down", "space", "t", "y")
        await pilot.pause()
        amends = [a for a in app.session.legal() if isinstance(a, Amend)]
        assert amends, "no amendment on offer"
        app.send(amends[0], stay=True)
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, VoteScreen)
        view = app.session.view()
        assert view.amendment is not None and view.amendment.mover == "FRA"
        question = view.prompt.question
        assert question.startswith("Vote on France's amendment to the draft on") and "/" not in question
        text = str(app.screen.query_one("#vote-draft", Static).render())
        verb = "deletes" if view.amendment.remove else "inserts"
        assert f"The amendment by France {verb} the clause" in text and view.amendment.clause in text
        lean = str(app.screen.query_one("#whip-summary", Static).render())
        assert lean.startswith("How the others lean on the amendment")
        assert sum(1 for b in view.amendment.projected if b != "FRA") == 14
