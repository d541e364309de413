"""SVG snapshots of every screen at 120x40, and at 80x24 of the screens a solo game walks through.

Snapshot tests are plain `def` tests (snap_compare runs its own event loop). The app pins its
theme and the tests pin seeds, so the environment cannot change a snapshot.
"""

from __future__ import annotations

import pytest

from tests.tui.helpers import make_app, on, play_until, seed_with_a_choice_for

BIG = (120, 40)


async def until(pilot, screen_name: str) -> None:
    await play_until(pilot, pilot.app, on(pilot.app, screen_name), limit=300)


def test_title(snap_compare, snap_packset):
    assert snap_compare(make_app(snap_packset, scenario=None), terminal_size=BIG)


def test_new_game(snap_compare, snap_packset):
    assert snap_compare(make_app(snap_packset, scenario=None), terminal_size=BIG, press=["n"])


def test_title_small_terminal(snap_compare, snap_packset):
    assert snap_compare(make_app(snap_packset, scenario=None), terminal_size=(80, 24))


def test_new_game_small_terminal(snap_compare, snap_packset):
    assert snap_compare(make_app(snap_packset, scenario=None), terminal_size=(80, 24), press=["n"])


def test_chamber(snap_compare, snap_packset):
    assert snap_compare(make_app(snap_packset), terminal_size=BIG)


def test_chamber_small_terminal(snap_compare, snap_packset):
    assert snap_compare(make_app(snap_packset), terminal_size=(80, 24))


def test_chamber_light_theme(snap_compare, snap_packset):
    async def light(pilot):
        pilot.app.action_toggle_theme()
        await pilot.pause()

    assert snap_compare(make_app(snap_packset), terminal_size=BIG, run_before=light)


def test_drafting(snap_compare, snap_packset):
    assert snap_compare(make_app(snap_packset), terminal_size=BIG, press=["n", "space", "down", "down",
                                                                     "down", "down", "space"])


def test_consultations(snap_compare, snap_packset):
    assert snap_compare(make_app(snap_packset), terminal_size=BIG, press=["n", "space", "t", "y"])


def test_vote(snap_compare, snap_packset):
    assert snap_compare(make_app(snap_packset), terminal_size=BIG, press=["n", "space", "t", "y", "c"])


def test_roll_call(snap_compare, snap_packset):
    assert snap_compare(make_app(snap_packset), terminal_size=BIG, press=["n", "space", "t", "y", "c", "y"])


async def to_event(pilot):
    await until(pilot, "EventScreen")


def _event_app(snap_packset):
    return make_app(snap_packset, scenario="testland", seat="SOM", seed=seed_with_a_choice_for("SOM"))


def test_event_choice(snap_compare, snap_packset):
    assert snap_compare(_event_app(snap_packset), terminal_size=BIG, run_before=to_event)


async def to_debrief(pilot):
    await until(pilot, "DebriefScreen")


def _debrief_app(snap_packset):
    return make_app(snap_packset, scenario="testland", seat="FRA", seed=5)


def test_debrief(snap_compare, snap_packset):
    assert snap_compare(_debrief_app(snap_packset), terminal_size=BIG, run_before=to_debrief)


def test_help(snap_compare, snap_packset):
    assert snap_compare(make_app(snap_packset), terminal_size=BIG, press=["f1"])


def test_seats(snap_compare, snap_packset):
    assert snap_compare(make_app(snap_packset), terminal_size=BIG, press=["s"])


def test_operations(snap_compare, snap_packset):
    assert snap_compare(make_app(snap_packset), terminal_size=BIG, press=["m"])


def test_operations_small_terminal(snap_compare, snap_packset):
    assert snap_compare(make_app(snap_packset), terminal_size=(80, 24), press=["m"])


def test_history_small_terminal(snap_compare, snap_packset):
    assert snap_compare(make_app(snap_packset), terminal_size=(80, 24),
                        press=["n", "space", "t", "y", "c", "y", "enter", "h"])


def test_content_packs(snap_compare, snap_packset):
    async def packs(pilot):
        await pilot.click("#packs")
        await pilot.pause()

    assert snap_compare(make_app(snap_packset, scenario=None), terminal_size=BIG, run_before=packs)


def _load_app(snap_packset, sahel, unreadable: bool = True):
    """The title screen over a saves folder with one save (and one file that is not a save)."""
    import datetime as dt
    import shutil
    import tempfile
    from pathlib import Path

    from councilgame.play import Game
    from councilgame.saves import SaveStore, make_save

    tmp_path = Path(tempfile.gettempdir()) / "councilgame-snapshot-saves"  # shown on screen
    shutil.rmtree(tmp_path, ignore_errors=True)
    tmp_path.mkdir()
    store = SaveStore(tmp_path)
    when = dt.datetime(2026, 11, 20, 14, 30, tzinfo=dt.UTC)
    store.save_manual(make_save(Game(sahel, 7, humans={"FRA"}), name="seminar week 3", now=when))
    if unreadable:
        (tmp_path / "notes.json").write_text("{ this is not a save")
    return make_app(snap_packset, scenario=None, saves=tmp_path)


def test_load(snap_compare, snap_packset, sahel):
    assert snap_compare(_load_app(snap_packset, sahel), terminal_size=BIG, press=["l"])


def _fill_hotseat(players):
    async def fill(pilot):
        await pilot.press("h")
        await pilot.pause()
        setup = pilot.app.screen
        setup.query_one("#scenarios").highlighted = [x.id for x in setup.scenarios].index("sahel")
        await pilot.pause()
        for name, seat in players:
            setup.add_player(name, seat)
        await pilot.pause()

    return fill


def test_hotseat_setup(snap_compare, snap_packset):
    fill = _fill_hotseat((("Ana", "FRA"), ("Ben", "RUS"), ("Chloe", "LBR"), ("Dan", "LBR")))
    assert snap_compare(make_app(snap_packset, scenario=None), terminal_size=BIG, run_before=fill)


def test_hand_over(snap_compare, snap_packset):
    from councilgame.saves import Seat

    seats = {"FRA": Seat(human=True, players=["Ana"]), "RUS": Seat(human=True, players=["Ben"])}
    app = make_app(snap_packset, scenario=None,
                   hotseat={"scenario": "sahel", "seats": seats, "seed": 4, "options": {}})

    async def to_handover(pilot):
        await until(pilot, "HandOverScreen")

    assert snap_compare(app, terminal_size=BIG, run_before=to_handover)


def test_projector_theme(snap_compare, snap_packset):
    assert snap_compare(make_app(snap_packset, projector=True), terminal_size=BIG)


def test_tutorial_drafting(snap_compare, snap_packset):
    app = make_app(snap_packset, scenario="tutorial", seat="GBR", seed=1)
    assert snap_compare(app, terminal_size=BIG, press=["n", "space"])


SMALL = (80, 24)
SMALL_PRESSES = {  # the screens a solo game walks through, at the smallest size the game supports
    "drafting": ["n", "space", "down", "space"],
    "consultations": ["n", "space", "t", "y"],
    "vote": ["n", "space", "t", "y", "c"],
    "help": ["f1"],
    "seats": ["s"],
    "roll call": ["n", "space", "t", "y", "c", "y"],
}


@pytest.mark.parametrize("screen", sorted(SMALL_PRESSES))
def test_small_terminal(snap_compare, snap_packset, screen):
    assert snap_compare(make_app(snap_packset), terminal_size=SMALL, press=SMALL_PRESSES[screen])


def test_debrief_small_terminal(snap_compare, snap_packset):
    assert snap_compare(_debrief_app(snap_packset), terminal_size=SMALL, run_before=to_debrief)


# ---- every other screen at 80x24 too (issue 13) ----------------------------------------------
def test_event_choice_small_terminal(snap_compare, snap_packset):
    assert snap_compare(_event_app(snap_packset), terminal_size=SMALL, run_before=to_event)


def test_debrief_votes_small_terminal(snap_compare, snap_packset):
    async def to_votes(pilot):
        await to_debrief(pilot)
        pilot.app.screen.query_one("TabbedContent").active = "tab-votes"
        await pilot.pause()

    assert snap_compare(_debrief_app(snap_packset), terminal_size=SMALL, run_before=to_votes)


def test_content_packs_small_terminal(snap_compare, snap_packset):
    async def packs(pilot):
        await pilot.click("#packs")
        await pilot.pause()

    assert snap_compare(make_app(snap_packset, scenario=None), terminal_size=SMALL, run_before=packs)


def test_load_small_terminal(snap_compare, snap_packset, sahel):
    app = _load_app(snap_packset, sahel, unreadable=False)
    assert snap_compare(app, terminal_size=SMALL, press=["l"])


def test_hotseat_setup_small_terminal(snap_compare, snap_packset):
    fill = _fill_hotseat((("Ana", "FRA"), ("Ben", "RUS"), ("Chloe", "LBR")))
    assert snap_compare(make_app(snap_packset, scenario=None), terminal_size=SMALL, run_before=fill)


def _hotseat_app(snap_packset):
    from councilgame.saves import Seat

    seats = {"FRA": Seat(human=True, players=["Ana"]), "RUS": Seat(human=True, players=["Ben"])}
    return make_app(snap_packset, scenario=None,
                    hotseat={"scenario": "sahel", "seats": seats, "seed": 4, "options": {}})


def test_hand_over_small_terminal(snap_compare, snap_packset):
    async def to_handover(pilot):
        await until(pilot, "HandOverScreen")

    assert snap_compare(_hotseat_app(snap_packset), terminal_size=SMALL, run_before=to_handover)


@pytest.mark.parametrize("size", [BIG, SMALL], ids=["120x40", "80x24"])
def test_facilitator(snap_compare, snap_packset, size):
    async def open_tools(pilot):
        await until(pilot, "HandOverScreen")
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.press("y")  # the confirmation that the room sees the tools
        await pilot.pause()

    assert snap_compare(_hotseat_app(snap_packset), terminal_size=size, run_before=open_tools)


def test_history(snap_compare, snap_packset):
    assert snap_compare(make_app(snap_packset), terminal_size=BIG,
                        press=["n", "space", "t", "y", "c", "y", "enter", "h"])


def _room_app(snap_packset, sealed: bool, **kw):
    """Four players in three seats; sahel seed 3 has one file in month 1, France's pen."""
    from councilgame.saves import Seat

    seats = {"FRA": Seat(human=True, players=["Ana"]), "RUS": Seat(human=True, players=["Ben"]),
             "LBR": Seat(human=True, players=["Chloe", "Dan"])}
    return make_app(snap_packset, scenario=None, hotseat={
        "scenario": "sahel", "seats": seats, "seed": 3, "options": {"sealed": sealed}}, **kw)


async def _to_the_vote(pilot, done) -> None:
    """Play month 1 to `done()`, Russia moving an amendment, so the sitting holds two votes."""
    from tests.tui.helpers import answer

    app = pilot.app
    for _ in range(100):
        if done():
            return
        if type(app.screen).__name__ == "ConsultScreen" and app.session.seat == "RUS" \
                and not app.session.game.meeting.amendments:
            await pilot.press("a", "down", "down", "enter")
            await pilot.pause()
        await answer(pilot, app)
    raise AssertionError("the vote never came")


@pytest.mark.parametrize("size", [BIG, SMALL], ids=["120x40", "80x24"])
def test_show_of_hands(snap_compare, snap_packset, size):
    async def hands(pilot):
        await _to_the_vote(pilot, on(pilot.app, "ShowOfHandsScreen"))
        await pilot.press("y", "y", "a")

    assert snap_compare(_room_app(snap_packset, sealed=False), terminal_size=size, run_before=hands)


@pytest.mark.parametrize("size", [BIG, SMALL], ids=["120x40", "80x24"])
def test_a_sittings_second_ballot(snap_compare, snap_packset, size):
    async def second(pilot):
        await _to_the_vote(pilot, on(pilot.app, "VoteScreen"))
        await pilot.press("y")
        await pilot.pause()

    assert snap_compare(_room_app(snap_packset, sealed=True), terminal_size=size, run_before=second)


def test_room_screen_on_the_projector_at_100x30(snap_compare, snap_packset):
    async def second_voter(pilot):
        app = pilot.app

        def at_liberia():
            return type(app.screen).__name__ == "HandOverScreen" and app.screen.seat == "LBR" \
                and app.session.prompt.kind == "vote"

        await _to_the_vote(pilot, at_liberia)

    app = _room_app(snap_packset, sealed=True, projector=True)
    assert snap_compare(app, terminal_size=(100, 30), run_before=second_voter)
