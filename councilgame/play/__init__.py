"""The public Python API of councilgame, shared by the TUI, the CLI, saves and tests.

    from councilgame.play import new_game, seat_view

    game = new_game("sahel", seed=7, humans=["FRA"])
    while not game.finished:
        game.apply(game.suggest())          # or any action from game.legal_actions()
    print(game.record()["ending"])

Keep it stable: researchers and instructors script experiments with it (see docs/api.md).
"""

from councilgame.engine.actions import (
    FACILITATOR,
    Action,
    Amend,
    AnswerDeal,
    Choose,
    CoSponsor,
    Deal,
    Done,
    EndGame,
    Inject,
    Lobby,
    Message,
    OrderAgenda,
    Prompt,
    ProposeStatement,
    RequestMeeting,
    SeatPlayer,
    SignalVeto,
    TableDraft,
    Vote,
    Withdraw,
)
from councilgame.engine.compiled import Compiled, compile_bundle
from councilgame.engine.game import ActionError, Game
from councilgame.engine.scoring import LEGITIMACY, OUTCOMES
from councilgame.engine.state import NewsItem, VoteRecord
from councilgame.play.api import load_scenario, new_game
from councilgame.play.views import PublicView, SeatView, WhipView, public_view, seat_view, whip_view

__all__ = [
    "FACILITATOR", "LEGITIMACY", "OUTCOMES", "Action", "ActionError", "Amend", "AnswerDeal",
    "Choose", "CoSponsor", "Compiled", "Deal", "Done", "EndGame", "Game", "Inject", "Lobby", "Message",
    "NewsItem", "OrderAgenda", "Prompt", "ProposeStatement", "PublicView", "RequestMeeting",
    "SeatPlayer", "SeatView", "SignalVeto", "VoteRecord", "compile_bundle", "TableDraft", "Vote",
    "WhipView", "Withdraw",
    "load_scenario", "new_game", "public_view", "seat_view", "whip_view",
]
