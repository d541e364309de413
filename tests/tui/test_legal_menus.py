"""The consultation keys follow what the game accepts (`legal_actions`, `check`): a refused
action is explained with the game's own sentence and changes nothing."""

from __future__ import annotations

from councilgame.play import Amend
from councilgame.tui.screens.consult import AmendScreen, ConsultScreen
from tests.tui.helpers import make_app, on, play_until
from tests.tui.test_hotseat import hotseat_app

SIZE = (120, 40)


def record_notices(app) -> list[str]:
    notices: list[str] = []
    notify = app.notify

    def recording(message, **kw):
        notices.append(str(message))
        notify(message, **kw)

    app.notify = recording
    return notices


async def test_an_elected_member_is_not_offered_a_veto_signal(packset):
    app = make_app(packset, seat="LBR")
    async with app.run_test(size=SIZE) as pilot:
        await play_until(pilot, app, on(app, "ConsultScreen"), limit=20)
        assert "signal_veto" not in app.session.legal_kinds()
        footer_keys = {b.binding.description for b in app.screen.active_bindings.values()
                       if app.screen.check_action(b.binding.action, ()) is not False}
        assert "Veto signal" not in footer_keys and "Lobby" in footer_keys
        news = len(app.session.view().news)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ConsultScreen)
        assert len(app.session.view().news) == news


async def test_the_penholder_is_offered_revise_instead_of_a_rival_draft(packset):
    app = make_app(packset)
    async with app.run_test(size=SIZE) as pilot:
        await play_until(pilot, app, on(app, "ConsultScreen"), limit=20)
        assert app.session.view().draft.sponsor == "FRA"
        screen = app.screen
        assert not screen.check_action("rival", ()) and screen.check_action("revise", ())
        await pilot.press("r")  # not a key of the penholder's: nothing happens
        await pilot.pause()
        assert app.screen is screen and app.session.prompt.kind == "consult"


async def test_the_amendment_menu_lists_the_amendments_the_game_takes(packset):
    app = make_app(packset)
    async with app.run_test(size=SIZE) as pilot:
        await play_until(pilot, app, on(app, "ConsultScreen"), limit=20)
        legal = [a for a in app.session.legal() if isinstance(a, Amend)]
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AmendScreen)
        menu = app.screen.query_one("OptionList")
        ids = {menu.get_option_at_index(i).id for i in range(menu.option_count)}
        assert ids == {f"{'delete' if a.remove else 'add'}|{a.offer}" for a in legal}


async def test_lobbying_another_players_seat_is_refused_without_a_crash(packset, tmp_path):
    app = hotseat_app(packset, saves=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await play_until(pilot, app, on(app, "ConsultScreen"), limit=60)
        seat = app.session.seat
        other = next(c for c in app.session.seats if c != seat)
        assert other not in app.session.legal_targets("lobby")
        table = app.screen.query_one("#whip-table")
        table.move_cursor(row=table.get_row_index(other))
        capital = app.session.view().capital
        notices = record_notices(app)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, ConsultScreen)
        assert app.session.view().capital == capital
        assert any("played by a person" in n for n in notices), notices
