"""The AI members behave like the Council: the characteristic cases of the README."""

from __future__ import annotations

import dataclasses

import numpy as np

from councilgame.engine import ai
from councilgame.engine.compiled import compile_bundle
from councilgame.engine.game import initial_state


def projected(comp, file_id, keys, sponsor=None):
    st = initial_state(comp)
    f = comp.files[file_id]
    dm = ai.draft_model(comp, st, f, sponsor if sponsor is not None else f.penholders[0])
    sel = np.array([1.0 if o.key in keys else 0.0 for o in f.offers])
    u = dm.utilities(sel)
    return dict(zip(comp.codes, ai.ballots_from(comp, u, ai.veto_lines(comp, st, f)), strict=True)), dm, sel


def test_western_force_without_consent_draws_a_russian_or_chinese_veto(testland):
    ballots, _, _ = projected(testland, "west", ["authorize_ch7@west_force"])
    assert ballots["RUS"] == "no" or ballots["CHN"] == "no"
    assert ballots["USA"] == "yes" and ballots["GBR"] == "yes"


def test_the_same_force_with_consent_is_not_vetoed(testland):
    st = initial_state(testland)
    st.ops["west_force"].consent = True
    f = testland.files["west"]
    dm = ai.draft_model(testland, st, f, f.penholders[0])
    u = dm.utilities(np.ones(len(f.offers)))
    ballots = ai.ballots_from(testland, u, ai.veto_lines(testland, st, f))
    no_consent = projected(testland, "west", ["authorize_ch7@west_force"])[1]
    assert u[testland.index["RUS"]] > no_consent.utilities(np.ones(1))[testland.index["RUS"]]
    assert sum(b == "no" for b in ballots) <= 1


def test_a3_back_african_led_operation_funded_from_assessed_contributions(testland):
    ballots, dm, sel = projected(testland, "au", ["authorize_ch8@au_force", "funding_assessed_2719@au_force"])
    for a3 in ("COD", "LBR", "SOM"):
        assert ballots[a3] == "yes"
    # and the United States, which caps its payments, resents the assessed funding most
    usa = testland.index["USA"]
    k = [o.key for o in testland.files["au"].offers].index("funding_assessed_2719@au_force")
    assert dm.M[usa, k] < 0
    assert dm.M[testland.index["COD"], k] > dm.M[usa, k]


def test_reasons_name_the_heaviest_terms(testland):
    _, dm, sel = projected(testland, "west", ["authorize_ch7@west_force"])
    reasons = ai.reasons(dm, testland.index["RUS"], sel)
    assert reasons[0][0].startswith("Authorize under Chapter VII")
    assert reasons[0][1] < 0
    total = sum(v for _, v in ai.reasons(dm, testland.index["RUS"], sel, top=99))
    assert abs(total - dm.utilities(sel)[testland.index["RUS"]]) < 0.05


def test_penholder_drops_what_draws_a_veto(sahel):
    st = initial_state(sahel)
    for f in sahel.files.values():
        dm = ai.draft_model(sahel, st, f, f.penholders[0])
        sel = ai.ai_draft(sahel, st, dm, np.zeros(len(f.offers)), resolve=0.3)
        u = dm.utilities(sel)
        ballots = ai.ballots_from(sahel, u, ai.veto_lines(sahel, st, f))
        assert not any(b == "no" and sahel.permanent[i] for i, b in enumerate(ballots)), f.id


def test_a_veto_grows_costlier_with_each_one_cast(testland):
    st = initial_state(testland)
    f = testland.files["west"]
    before = ai.veto_lines(testland, st, f)[testland.index["RUS"]]
    st.vetoes_cast["RUS"] = 2
    after = ai.veto_lines(testland, st, f)[testland.index["RUS"]]
    assert after < before < 0


def test_china_vetoes_only_beside_russia_and_least_on_african_files(sahel):
    chn, rus = sahel.index["CHN"], sahel.index["RUS"]
    st = initial_state(sahel)
    africa = next(f for f in sahel.files.values() if f.region == "africa")
    lines = ai.veto_lines(sahel, st, africa)
    assert lines[chn] < 2.5 * sahel.model.ai.veto_threshold  # three times the usual reluctance
    u = np.full(len(sahel.codes), 0.5)
    u[chn] = -99.0  # China hates the text; nobody else would veto it
    ballots = ai.ballots_from(sahel, u, lines)
    assert ballots[chn] == "abstain"
    u[rus] = -99.0
    ballots = ai.ballots_from(sahel, u, lines)
    assert ballots[chn] == ballots[rus] == "no"


def test_the_chance_of_adoption_follows_the_rule_and_the_noise(testland):
    st = initial_state(testland)
    f = dataclasses.replace(testland.files["west"], caucuses=[])  # every member votes alone
    lines = ai.veto_lines(testland, st, f)
    rng = np.random.default_rng(0)
    n = len(testland.codes)
    assert ai.adoption_chance(testland, f, np.full(n, 2.0), lines, rng) == 1.0
    assert ai.adoption_chance(testland, f, np.full(n, -2.0), lines, rng) == 0.0
    u = np.full(n, 2.0)
    u[testland.index["RUS"]] = -99.0  # a certain veto
    assert ai.adoption_chance(testland, f, u, lines, rng) == 0.0
    u = np.full(n, -2.0)
    u[:9] = 0.0  # nine members on the line: each a coin toss, so the text rarely passes
    chance = ai.adoption_chance(testland, f, u, lines, rng, draws=2000)
    assert 0.0 < chance < 0.05
    fixed = {i: "yes" for i in range(8)}
    assert ai.adoption_chance(testland, f, u, lines, rng, fixed, draws=2000) > 0.4


def test_art_53_gives_a_regional_force_the_legal_basis_for_enforcement_like_chapter_7(sahel):
    from councilgame.engine.features import OP_FEATURES, op_features

    op = initial_state(sahel).ops["fc_g5s"]
    robust = OP_FEATURES.index("robust")
    for auth, expected in (("chapter7", 1.0), ("chapter8", 1.0), ("welcomed", 0.0)):
        op.authorization = auth
        assert op_features(op, 50.0)[robust] == expected, auth


def test_only_un_troops_and_police_clearly_cut_killings_and_compliance_has_a_cost(sahel):
    effects = sahel.model.effects
    assert abs(effects["troops"]["civilian_harm"]) <= 0.2  # any lead: near zero (Bara & Hultman)
    assert effects["un_troops"]["civilian_harm"] <= -1.0
    assert effects["un_police"]["civilian_harm"] < effects["police"]["civilian_harm"]
    assert effects["compliance_un"]["violence"] > 0 and effects["compliance_un"]["host_consent"] < 0
    assert effects["observers"]["political_process"] < effects["un_lead"]["political_process"]


def test_the_a3_vote_as_one_on_african_files_and_alone_elsewhere(packset):
    """The African elected members caucus on African files: each casts its middle member's
    ballot, so a text that loses one of them usually loses all three."""
    comp = compile_bundle(packset.bundle("syria-mali"))
    a3 = [comp.index[c] for c in ("EGY", "SEN", "NGA")]
    u = np.full(len(comp.codes), 1.0)
    u[a3] = [-0.5, -0.3, 0.8]  # two doubt the text, one likes it
    africa, syria = comp.files["mali_regional"], comp.files["syria_aid"]
    joint = ai.caucus(africa, u)
    assert list(joint[a3]) == [-0.3, -0.3, -0.3]
    assert joint[comp.index["IND"]] == 1.0
    assert list(ai.caucus(syria, u)[a3]) == [-0.5, -0.3, 0.8]
    U = np.tile(u, (4, 1))  # rows of draws, members along axis 1
    assert (ai.caucus(africa, U, axis=1)[:, a3] == -0.3).all()
