"""Mistakes the loader accepted silently: plain ones are errors (a division by a constant 0, a
weight that is always negative, two packs with one id), the rest warnings (a flag never set, an
ending never reached, a cycle of follow-ups, a replaced entry whose fields fall to defaults)."""

from __future__ import annotations

import shutil

import pytest

from councilgame.cli import main
from councilgame.packs.crossref import check_pack
from councilgame.packs.registry import builtin_dir, load_packs
from tests.conftest import TEST_PACKS
from tests.packs.test_loader import EVENTS, SCENARIO, broken_pack, problems_of

WEIGHT = 'weight: "1 + violence / 50"'
ERRORS = [
    (EVENTS, WEIGHT, 'weight: "1 + violence / 0"', 6, "events[0].weight: division by zero"),
    (EVENTS, WEIGHT, f'{WEIGHT}\n    when: "tension / (2 - 2) > 1"', 7,
     "events[0].when: division by zero"),
    (EVENTS, WEIGHT, 'weight: "-1"', 6, "events[0].weight: a weight cannot be negative"),
    (EVENTS, WEIGHT, 'weight: "0 - violence - 1"', 6, "at most -1, so the event is never drawn"),
    (EVENTS, 'ai_weight: "2"', 'ai_weight: "-2"', 19,
     "events[1].choice.options[1].ai_weight: a weight cannot be negative"),
]


@pytest.mark.parametrize(("file", "old", "new", "line", "says"), ERRORS, ids=[e[4][:36] for e in ERRORS])
def test_plain_mistakes_in_expressions_are_errors(tmp_path, file, old, new, line, says):
    found = problems_of(broken_pack(tmp_path, file, old, new))
    hits = [p for p in found if says in p]
    assert hits and hits[0].split(":")[1] == str(line), found


def warnings_of(root) -> list[str]:
    packset = load_packs([builtin_dir(), root])
    found = [str(p) for p in check_pack(packset, "testland")]
    assert not [p for p in found if ": warning:" not in p], found
    return found


MORALE = "  - {id: tension, name: Tension, initial: 50}"
WARNINGS = [
    (SCENARIO, "flags:", "flags:", 20,
     "flags[0].id: flag 'alarm' is never set by any effect, so it is always false"),
    (SCENARIO, "endings:", 'endings:\n  - {id: first, title: F, text: F., when: "true", priority: 5}', 64,
     "endings[1].id: ending 'calm' can never be reached: ending 'first', checked before it, always holds"),
    (SCENARIO, '"violence < 40", priority: 2', '"flags.alarm and violence < 40", priority: 2', 63,
     "endings[0].when: this ending's condition can never hold: flags.alarm is never set"),
    (SCENARIO, '"violence < 40", priority: 2', '"morale > 60", priority: 2', 63,
     "endings[0].when: this ending's condition can never hold: morale stays at 50 (no effect"),
    (EVENTS, "    effects: {vars: {political_process: 2}}",
     "    effects: {vars: {political_process: 2}}\n    follow_up: [{event: appeal}]", 20,
     "events[1].follow_up[0].event: follow-ups form a cycle: appeal -> aftermath -> appeal"),
    (SCENARIO, "      - {clause: authorize_ch7, target: west_force}",
     "      - {clause: authorize_ch7, target: west_force}\n      - {clause: sunset_6, target: west_force}",
     49, "files[0].clauses[1]: clause 'sunset_6' renews 'west_force', which is not deployed at the "
     "start: renewing deploys it"),
]


@pytest.mark.parametrize(("file", "old", "new", "line", "says"), WARNINGS,
                         ids=[w[4][:36] for w in WARNINGS])
def test_what_is_probably_wrong_is_a_warning(tmp_path, file, old, new, line, says):
    root = broken_pack(tmp_path, file, old, new)
    scenario = root / SCENARIO
    morale = MORALE + "\n  - {id: morale, name: M, initial: 50}"  # a variable no effect changes
    scenario.write_text(scenario.read_text().replace(MORALE, morale))
    hits = [p for p in warnings_of(root) if says in p]
    assert hits and hits[0].split(":")[1] == str(line), warnings_of(root)


def test_a_renewal_offered_only_once_the_force_is_in_the_field_is_not_a_warning(tmp_path):
    sunset = '      - {clause: sunset_6, target: west_force, when: "ops.west_force.active"}'
    root = broken_pack(tmp_path, SCENARIO, "      - {clause: authorize_ch7, target: west_force}",
                       "      - {clause: authorize_ch7, target: west_force}\n" + sunset)
    assert not [p for p in warnings_of(root) if "renews" in p]


def test_a_cycle_of_recurring_events_says_it_can_go_on(tmp_path):
    root = broken_pack(tmp_path, EVENTS, "    drawn: false", "    drawn: false\n    once: false\n"
                       "    follow_up: [{event: aftermath, after: 2}]")
    found = [p for p in warnings_of(root) if "follow-ups form a cycle" in p]
    assert found and "aftermath -> aftermath; none of them is once-only" in found[0], found


def test_a_member_replaced_with_fields_left_to_defaults_is_a_warning(tmp_path):
    root = broken_pack(tmp_path, SCENARIO, "title: Testland", "title: Testland")
    (root / "members.yaml").write_text("members:\n  - {code: FRA, name: France, group: weog, "
                                       "permanent: true}\n")
    found = [p for p in warnings_of(root) if "members.yaml" in p]
    assert len(found) == 1 and "members.yaml:2: warning: members[0].code: member 'FRA' replaces" in found[0]
    assert "not core's values (blocs, ideal, salience, affinity, regions" in found[0]


def test_two_packs_with_one_id_the_first_found_loads_and_the_other_is_an_error(tmp_path, capsys):
    shutil.copytree(TEST_PACKS / "testland", tmp_path / "a-testland")
    shutil.copytree(TEST_PACKS / "testland", tmp_path / "b-testland")
    (tmp_path / "b-testland" / "scenarios" / "testland.yaml").rename(
        tmp_path / "b-testland" / "scenarios" / "other.yaml")
    packset = load_packs([builtin_dir(), tmp_path])
    assert packset.packs["testland"].root == tmp_path / "a-testland"
    problems = [str(p) for p in packset.broken[str(tmp_path / "b-testland")]]
    assert any("b-testland/pack.yaml:1: id: pack id 'testland' is already used by" in p
               and "a-testland, found first" in p for p in problems), problems
    assert main(["--packs", str(tmp_path), "packs", "validate"]) == 1


def test_a_user_pack_named_core_cannot_displace_the_builtin_one(tmp_path, capsys):
    root = broken_pack(tmp_path, "pack.yaml", "id: testland", "id: core")
    packset = load_packs([builtin_dir(), tmp_path])
    assert packset.packs["core"].root == builtin_dir() / "core" and str(root) in packset.broken
    assert main(["--packs", str(tmp_path), "run", "--scenario", "sahel"]) == 0


def test_a_scenario_id_two_packs_hold_is_an_error_in_the_later(tmp_path):
    root = broken_pack(tmp_path, SCENARIO, "id: testland", "id: sahel")
    found = problems_of(root)
    assert any("scenarios/testland.yaml:1: id: scenario id 'sahel' is already used by pack 'sahel'"
               in p for p in found), found


def test_the_builtin_packs_have_no_errors_and_no_warnings(capsys):
    assert main(["packs", "validate"]) == 0
    out = capsys.readouterr()
    assert out.out == "" and "0 error(s), 0 warning(s)" in out.err


def test_a_members_note_from_a_later_year_is_a_warning_until_the_scenario_gives_one(tmp_path):
    """A 2006 case shows each seat's note: core's cite 2022-2024 (issue 15)."""
    root = broken_pack(tmp_path, SCENARIO, "year: 2026", "year: 2006")
    late = [p for p in warnings_of(root) if "note cites" in p]
    assert late and all("after this scenario's year 2006" in p for p in late)
    codes = sorted({p.split("member ")[1].split("'")[0] for p in late})
    scenario = root / SCENARIO
    notes = "\n".join(f"    {c}: Its record as of 2006." for c in codes)
    scenario.write_text(scenario.read_text().replace("  first_president: SOM",
                                                     f"  first_president: SOM\n  notes:\n{notes}"))
    assert not [p for p in warnings_of(root) if "note cites" in p]


REAL = ('debrief:\n  real:\n  - {file: %s, title: "Resolution 1 (2026)", date: "1 March 2026", '
        'result: %s, vote: "%d-0-%d", text: It did a thing., source: "S/RES/1 (2026)"}\n'
        'objectives:')


@pytest.mark.parametrize(("file", "result", "yes", "says"), [
    ("west", "adopted", 15, None),
    ("nowhere", "adopted", 15, "debrief.real[0].file: unknown agenda file 'nowhere'"),
    ("west", "adopted", 8, "debrief.real[0].result: a text with 8 yes is failed: 9 are needed"),
    ("west", "failed", 12, "debrief.real[0].result: a text with 12 yes is not failed on votes"),
])
def test_the_real_councils_votes_are_checked(tmp_path, file, result, yes, says):
    root = broken_pack(tmp_path, SCENARIO, "objectives:", REAL % (file, result, yes, 15 - yes))
    found = problems_of(root)
    errors = [p for p in found if ": warning:" not in p and "debrief.real" in p]
    assert (errors == []) if says is None else any(says in p for p in errors), found


def test_a_real_decision_of_no_resolution_has_no_vote(tmp_path):
    """`result: none` (a force created outside the UN, issue 15) goes with an empty vote."""
    none = REAL.replace('vote: "%d-0-%d"', 'vote: "%s"')
    ok = problems_of(broken_pack(tmp_path / "a", SCENARIO, "objectives:", none % ("west", "none", "")))
    assert not [p for p in ok if "debrief.real" in p], ok
    bad = problems_of(broken_pack(tmp_path / "b", SCENARIO, "objectives:", none % ("west", "none", "9-6-0")))
    assert any("debrief.real[0].vote: a result of `none` has no vote" in p for p in bad), bad


YEAR = "  first_president: SOM\n  members:\n    %s: {%s}"


@pytest.mark.parametrize(("code", "numbers", "says"), [
    ("RUS", "ideal: {intervention: -0.2}, veto_reluctance: 2.0, vetoes_alone: true", None),
    ("DNK", "ideal: {intervention: 0.9}, blocs: [EU, NATO]", None),
    ("KEN", "ideal: {intervention: 0.9}", "council.members.KEN: KEN does not sit on this Council"),
    ("RUS", "ideal: {intervnetion: -0.2}", "council.members.RUS.ideal.intervnetion: unknown dimension"),
    ("RUS", "affinity: {nato_x: -1}", "council.members.RUS.affinity.nato_x: unknown member or organisation"),
    ("DNK", "veto_reluctance: 2", "council.members.DNK.veto_reluctance: veto_reluctance applies to "
            "permanent members only"),
])
def test_a_members_numbers_for_the_scenarios_year_are_checked(tmp_path, code, numbers, says):
    root = broken_pack(tmp_path, SCENARIO, "  first_president: SOM", YEAR % (code, numbers))
    errors = [p for p in problems_of(root) if ": warning:" not in p]
    assert (errors == []) if says is None else any(says in p for p in errors), errors
