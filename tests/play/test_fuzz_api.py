"""Fuzzing the public API (issue 12): random games with human seats, answered with a mix of
legal actions and arbitrary ones. The game takes an action or refuses it with one sentence
(ActionError) and changes nothing; no other exception ever escapes."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from councilgame import play as api
from councilgame.engine.record import game_record

SCENARIOS = ["tutorial", "sahel", "south-sudan", "syria-mali", "arctic"]
KINDS = [api.TableDraft, api.Lobby, api.Amend, api.Deal, api.AnswerDeal, api.Message, api.Inject,
         api.SignalVeto, api.RequestMeeting, api.OrderAgenda, api.CoSponsor, api.ProposeStatement,
         api.Done, api.Vote, api.Choose]


def words(game) -> list[str]:
    """Names the game knows (members, offers, files, events, options) and some it does not."""
    comp = game.comp
    names = list(comp.codes) + [api.FACILITATOR, "", "XXX", "fra", "../etc", "ä" * 300]
    for f in comp.files.values():
        names.append(f.id)
        names += [o.key for o in f.offers][:6]
    names += list(comp.event_by_id)[:10]
    if game.prompt is not None:
        names += game.prompt.options
    return names


def arbitrary(draw, game):
    """Any action of any kind, with fields drawn from the game's names and beyond."""
    pool = words(game)
    name = st.sampled_from(pool)
    seat = st.sampled_from(pool + [game.prompt.seat] * 4 if game.prompt else pool)
    kind = draw(st.sampled_from(KINDS))
    fields = {"seat": draw(seat)}
    for field, info in kind.model_fields.items():
        if field in ("seat", "kind"):
            continue
        ann = str(info.annotation)
        if "list" in ann:
            fields[field] = draw(st.lists(name, max_size=4))
        elif "bool" in ann:
            fields[field] = draw(st.booleans())
        elif "int" in ann:
            fields[field] = draw(st.integers(1, 5) if field == "points" else st.integers(0, 6))
        elif field == "ballot":
            fields[field] = draw(st.sampled_from(["yes", "no", "abstain"]))
        elif field == "text":
            fields[field] = draw(st.text(min_size=1, max_size=40))
        else:
            fields[field] = draw(name)
    return kind(**fields)


def state_of(game) -> str:
    return json.dumps(game_record(game), sort_keys=True, default=str) + repr(game.prompt)


# no shrinking: a failing game prints its draws, and shrinking 120-step games takes minutes
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(data=st.data())
def test_random_games_refuse_with_one_sentence_and_change_nothing(data):
    scenario = data.draw(st.sampled_from(SCENARIOS), label="scenario")
    comp = api.load_scenario(scenario)
    from councilgame.play.queries import playable

    seats = data.draw(st.lists(st.sampled_from(playable(comp)), min_size=1, max_size=3, unique=True),
                      label="seats")
    game = api.new_game(scenario, data.draw(st.integers(0, 2**32), label="seed"), humans=seats)
    for _ in range(120):
        if game.finished:
            break
        if data.draw(st.integers(0, 9), label="legal?") < 6:
            game.apply(data.draw(st.sampled_from(game.legal_actions()), label="legal"))
            continue
        action = arbitrary(data.draw, game)
        before = state_of(game)
        try:
            game.apply(action)
        except api.ActionError as exc:
            message = str(exc)
            assert message and "\n" not in message and len(message) < 400, message
            assert state_of(game) == before, f"{action!r} was refused but changed the game"
