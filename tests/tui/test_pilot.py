"""Pilot tests: each screen's actions, and a whole solo game through the UI."""

from __future__ import annotations

from councilgame.tui.screens.chamber import ChamberScreen
from councilgame.tui.screens.consult import ConsultScreen
from councilgame.tui.screens.drafting import DraftingScreen
from councilgame.tui.screens.help import HelpScreen
from councilgame.tui.screens.newgame import NewGameScreen
from councilgame.tui.screens.title import TitleScreen
from councilgame.tui.screens.vote import RollCallScreen, VoteScreen
from tests.tui.helpers import make_app, on, play_until, seed_with_a_choice_for

SIZE = (120, 40)


async def test_title_screen_starts_a_new_game(packset):
    app = make_app(packset, scenario=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)
        assert app.screen.query_one("#continue").disabled
        await pilot.press("n")
        assert isinstance(app.screen, NewGameScreen)
        app.screen.query_one("#seed").value = "42"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChamberScreen)
        assert app.session.seed == 42
        assert app.session.game.difficulty == "standard"


async def test_the_new_game_difficulty_button_cycles_and_the_game_keeps_it(packset):
    app = make_app(packset, scenario=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        button = app.screen.query_one("#difficulty")
        assert str(button.label) == "Standard AI" and "0.6 times" in str(button.tooltip)
        button.press()
        await pilot.pause()
        assert str(button.label) == "Hard AI"
        button.press()
        await pilot.pause()
        assert str(button.label) == "Easy AI"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChamberScreen)
        assert app.session.game.difficulty == "easy"
        assert app.session.options["difficulty"] == "easy"  # what the save keeps


async def test_chamber_continue_opens_the_penholders_draft(packset):
    app = make_app(packset)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChamberScreen)
        assert app.session.prompt.kind == "briefing"
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, DraftingScreen)


async def test_drafting_toggles_clauses_and_updates_the_whip(packset):
    app = make_app(packset)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        await pilot.press("t")  # nothing selected: refused with a notice, nothing sent
        assert app.session.prompt.kind == "draft"
        await pilot.press("space")
        assert len(screen.keys) == 1
        summary = str(screen.query_one("#whip-summary").render())
        assert "Others:" in summary
        await pilot.press("space")
        assert screen.keys == []
        await pilot.press("space", "t", "y")
        await pilot.pause()
        assert isinstance(app.screen, ConsultScreen)
        assert app.session.view().draft is not None


async def test_exclusive_clauses_replace_each_other(packset):
    app = make_app(packset)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        await pilot.press("space", "down", "space")  # two mandate clauses exclude each other
        assert len(screen.keys) == 1 and screen.keys[0].startswith("renew_mandate_short")


async def test_consultations_lobby_and_go_to_vote(packset):
    app = make_app(packset)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("space", "t", "y")
        await pilot.pause()
        capital = app.session.view().capital
        await pilot.press("l")  # lobby the highlighted member (China, first row)
        await pilot.pause()
        assert app.session.view().capital == capital - 1
        assert isinstance(app.screen, ConsultScreen)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, VoteScreen)


async def test_vote_shows_the_roll_call_and_result(packset):
    app = make_app(packset)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("space", "t", "y")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, RollCallScreen)
        text = str(app.screen.query_one("#rollcall").render())
        assert "Adopted" in text or "Vetoed" in text or "Failed" in text
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, RollCallScreen)


async def test_help_opens_and_closes(packset):
    app = make_app(packset)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ChamberScreen)


async def test_a_whole_solo_game_through_the_ui_reaches_the_debrief(packset, tmp_path):
    app = make_app(packset, saves=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await play_until(pilot, app, on(app, "DebriefScreen"))
        assert app.session.view().finished
        await pilot.press("e")
        exported = list(tmp_path.glob("debrief-*.md"))
        assert exported and "## Ending" in exported[0].read_text()


async def test_resizing_down_to_80x24_keeps_the_game(packset):
    app = make_app(packset)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.press("space", "t", "y")
        await pilot.pause()
        assert isinstance(app.screen, ConsultScreen)
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert app.session.view().draft is not None


async def test_event_choice_sends_the_chosen_option(packset):
    from councilgame.tui.screens.event import EventScreen

    seed = seed_with_a_choice_for("SOM")
    app = make_app(packset, scenario="testland", seat="SOM", seed=seed)
    async with app.run_test(size=SIZE) as pilot:
        await play_until(pilot, app, on(app, "EventScreen"), limit=50)
        await pilot.press("down", "enter")  # the second option: wait
        await pilot.pause()
        assert not isinstance(app.screen, EventScreen)
        assert any(m.choices.get("appeal") == "wait" for m in app.session.view().timeline)



async def test_debrief_shows_causes_for_the_selected_month(packset):
    app = make_app(packset, scenario="testland", seat="FRA", seed=5)
    async with app.run_test(size=SIZE) as pilot:
        await play_until(pilot, app, on(app, "DebriefScreen"))
        screen = app.screen
        screen._causes(2)
        text = str(screen.query_one("#causes").render())
        assert "February 2026" in text and "Violence" in text
        votes = screen.query_one("#votes")
        assert votes.row_count == len([v for v in app.session.view().votes if v.kind == "draft"])


async def test_palette_lists_the_screens_actions(packset):
    app = make_app(packset)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for expected in ("Continue", "Seats", "Help", "New game", "Theme"):
            assert titles.count(expected) == 1, (expected, titles)
        assert "Facilitator" not in titles and "Hot-seat game" not in titles  # a solo game


async def test_the_tutorial_guides_each_step(packset, tmp_path):
    from councilgame.tui.widgets.tutorial import TutorialNote

    app = make_app(packset, scenario="tutorial", seat="GBR", seed=1, saves=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        note = app.screen.query_one(TutorialNote)
        assert note.display and "You hold the United Kingdom's seat" in str(note.render())
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, DraftingScreen)
        text = str(app.screen.query_one(TutorialNote).render())
        assert "9 yes are needed" in text


async def test_other_scenarios_show_no_tutorial(packset):
    from councilgame.tui.widgets.tutorial import TutorialNote

    app = make_app(packset)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.screen.query_one(TutorialNote).display


async def test_arrow_keys_choose_whom_to_lobby(packset):
    app = make_app(packset)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("space", "t", "y")
        await pilot.pause()
        await pilot.press("down", "down", "l")  # China, France, then the Russian Federation
        await pilot.pause()
        view = app.session.view()
        news = [n.text for n in view.news if n.month == view.month]
        assert any(n.startswith("Russian Federation hears France out") for n in news), news


async def test_a_procedural_vote_says_that_nobody_has_a_veto(packset):
    from tests.tui.test_hotseat import screen_text

    app = make_app(packset, scenario="syria-mali", seat="USA", seed=1)
    async with app.run_test(size=SIZE) as pilot:
        def procedural() -> bool:
            view = app.session.view() if app.session else None
            return on(app, "VoteScreen")() and view is not None and view.question == "procedural"

        await play_until(pilot, app, procedural, limit=400)
        text = screen_text(app)
        assert "no member has a veto" in text and "vetoes the text if it has nine yes" not in text
        await pilot.press("n")  # the United States votes against taking up the file: no veto
        await pilot.pause()
        vote = next(v for v in reversed(app.session.view().votes) if v.kind == "procedural")
        assert vote.ballots["USA"] == "no" and vote.vetoed_by == []


async def test_r_at_the_briefing_asks_for_a_meeting_on_a_chosen_file(packset):
    from councilgame.tui.widgets.dialogs import ChoiceScreen

    app = make_app(packset)
    async with app.run_test(size=SIZE) as pilot:
        capital = app.session.view().capital
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("down", "enter")
        await pilot.pause()
        view = app.session.view()
        assert isinstance(app.screen, ChamberScreen)
        assert list(view.requested.values()) == ["FRA"] and view.capital == capital - 1
        asked = next(iter(view.requested))
        assert [f.id for f in view.agenda][-1] == asked
        assert "asked for by FRA" in str(app.screen.query_one("#agenda").render())
        await pilot.press("r")  # once a month: refused with a sentence, nothing changes
        await pilot.pause()
        assert isinstance(app.screen, ChamberScreen)


async def test_s_in_consultations_cosponsors_the_draft(packset):
    app = make_app(packset, seat="GBR")
    async with app.run_test(size=SIZE) as pilot:
        await play_until(pilot, app, on(app, "ConsultScreen"))
        await pilot.press("s")
        await pilot.pause()
        assert app.session.game.meeting.draft.cosponsors == ["GBR"]
        assert any("co-sponsors" in n.text for n in app.session.view().news)


async def test_the_tutorial_at_80x24_keeps_the_horseshoe_in_view(packset):
    app = make_app(packset, scenario="tutorial", seat="GBR")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        seatmap = app.screen.query_one("#seatmap")
        assert seatmap.region.height >= 6 and seatmap.region.y < 24  # the welcome points at it
        assert app.screen.scroll_offset.y == 0


async def test_consultation_news_wraps_without_losing_words(packset):
    app = make_app(packset, scenario="tutorial", seat="GBR", seed=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await play_until(pilot, app, lambda: type(app.screen).__name__ == "ConsultScreen"
                         and app.session.game.meeting.file.id == "militia")
        log = app.screen.query_one("#consult-news")
        text = " ".join(line.text.strip() for line in log.lines)
        assert "'Targeted sanctions on spoilers' goes." in text
        # lines wrapped at the pane's width: nothing is cropped out of sight
        assert max(len(line.text.rstrip()) for line in log.lines) <= log.content_size.width


def test_open_deals_are_listed_with_their_terms_until_settled():
    from councilgame.play.view_models import DealView
    from councilgame.tui.screens.consult import deal_terms, private_panel

    owe = DealView(index=0, month=2, seat="FRA", target="SOM", file="joint_force", status="open",
                   draft="joint_force/2", target_status="")
    owed = owe.model_copy(update={"seat": "SOM", "target": "FRA"})
    assert deal_terms(owe, "FRA") == "you owe SOM a yes on its next draft."
    assert deal_terms(owed, "FRA") == "SOM owes you a yes on your next draft."
    view = type("V", (), {"seat": "FRA", "capital": 3, "objectives": [], "messages": [],
                          "deals": [owe, owe.model_copy(update={"status": "kept"})],
                          "name_of": lambda self, c: c})()
    text = private_panel(view).plain
    assert text.count("Deal (joint_force, month 2)") == 1  # the kept one is settled: not listed


async def test_at_80x24_the_chamber_shows_the_seats_capital_under_the_horseshoe(packset):
    app = make_app(packset)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        box, seatmap = app.screen.query_one("#council-box"), app.screen.query_one("#seatmap")
        status = app.screen.query_one("#status")
        assert seatmap.region.height <= 9  # laid out at its own width, not at 60 columns
        assert status.region.y < box.region.bottom - 1  # its first line is inside the box
        assert str(status.render()).startswith("Capital ")
        text = str(status.render())
        assert "press n for the agenda" in text and "month 1 of" in text  # all on screen
        assert status.region.bottom <= box.region.bottom - 1


def test_the_keys_help_is_read_from_the_screens_bindings():
    from councilgame.tui.screens.consult import ConsultScreen
    from councilgame.tui.screens.help import keys_text

    text = keys_text()
    assert "r ask for a meeting on a file (1 capital)" in text and "o order agenda" in text
    assert "m ops" in text
    for b in ConsultScreen.BINDINGS:  # every consultation key, the new levers included
        if b.key != "f1":
            assert f"{b.key} {(b.tooltip or b.description).lower()}" in text
