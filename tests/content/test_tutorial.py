"""The tutorial keeps its word: a player who follows its guidance sees, in every seed, what each
hint promises: the whip counts it describes, a veto, and a text that fails with 8 votes."""

from __future__ import annotations

import pytest

from councilgame.play import Choose, Done, TableDraft, Vote, new_game
from councilgame.play.queries import whip

SEEDS = range(1, 31)


def _stances(game, file_id: str, keys: list[str]) -> dict[str, str]:
    return {s.code: s.ballot for s in whip(game, file_id, keys, sponsor="GBR").stances}


def _check_draft_hints(game, file_id: str) -> list[str]:
    """What the month's draft hint promises, checked on the whip; returns the text to table."""
    if file_id == "observers":
        w = whip(game, file_id, ["renew_mandate@observers"], sponsor="GBR")
        assert w.yes >= 9 and not w.vetoes
        both = ["renew_mandate@observers", "targeted_sanctions"]
        st = _stances(game, file_id, both)
        assert st["RUS"] == st["CHN"] == "abstain"  # "Russia and China turn to A"
        assert whip(game, file_id, both, sponsor="GBR").yes >= 9  # "the draft still passes"
        return both
    if file_id == "regional_force":
        text = ["authorize_ch7@au_force", "funding_assessed_2719@au_force"]
        assert _stances(game, file_id, text)["USA"] == "abstain"  # "the United States abstains"
        w = whip(game, file_id, text, sponsor="GBR")
        assert w.yes >= 9 and not w.vetoes
        return text
    assert file_id == "accountability"
    hard = ["request_investigation", "compliance_un@au_force", "targeted_sanctions"]
    w = whip(game, file_id, hard, sponsor="GBR")
    assert w.vetoes == ["RUS"] and w.chance == 0.0  # "Russia's letter turns N, a veto"
    soft = ["request_investigation", "compliance_regional@au_force"]
    st = _stances(game, file_id, soft)
    assert st["RUS"] == st["CHN"] == "abstain"
    assert whip(game, file_id, soft, sponsor="GBR").yes >= 9  # "the draft passes"
    return soft


def _follow_the_guidance(seed: int):
    game = new_game("tutorial", seed=seed, humans=["GBR"])
    while game.prompt is not None:
        p = game.prompt
        if p.kind == "draft":
            game.apply(TableDraft(seat="GBR", offers=_check_draft_hints(game, p.file)))
        elif p.kind == "vote":
            rival = game.meeting.draft.symbol.count("/") == 2
            amendment = "amendment" in (p.question or "")
            game.apply(Vote(seat="GBR", ballot="no" if amendment or rival else "yes"))
        elif p.kind == "choice":
            game.apply(Choose(seat="GBR", option=p.options[0]))
        else:
            game.apply(Done(seat="GBR"))
    return game


@pytest.mark.parametrize("seed", SEEDS)
def test_every_hint_holds_when_the_player_follows_the_guidance(seed):
    game = _follow_the_guidance(seed)
    months = game.state.history
    assert "au_request" in months[0].events  # month 2's briefing: "the AU asks ..."
    assert "villages_attacked" in months[1].events  # month 3's briefing: "after the attacks"
    assert months[1].agenda == ["regional_force", "militia"]
    assert months[2].agenda == ["accountability", "ceasefire_plan"]
    by_text = {v.draft: v for m in months for v in m.votes if v.kind == "draft"}
    assert by_text["observers/1"].result == "adopted"
    assert by_text["regional_force/2"].result == "adopted"
    militia = by_text["militia/2"]
    assert militia.result == "vetoed" and militia.vetoed_by == ["RUS"] and militia.yes >= 9
    assert by_text["accountability/3"].result == "adopted"
    lean = by_text["ceasefire_plan/3"]
    assert lean.result == "failed" and lean.yes == 8 and lean.ballots["RUS"] == "no"


def test_the_tutorial_is_played_from_the_united_kingdoms_seat():
    with pytest.raises(ValueError, match="may not hold FRA"):
        new_game("tutorial", seed=1, humans=["FRA"])


def test_only_the_tutorial_sets_its_members_to_vote_as_the_whip_shows():
    from councilgame.play import load_scenario

    assert load_scenario("tutorial").model.ai.noise == 0.0
    assert load_scenario("sahel").model.ai.noise > 0.0
