"""Broken packs: each mistake is reported with its file, line and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from councilgame.packs.crossref import check_pack
from councilgame.packs.registry import builtin_dir, load_packs
from councilgame.packs.yamlsource import YamlError, load_text
from tests.conftest import TEST_PACKS

SCENARIO = "scenarios/testland.yaml"
EVENTS = "events/testland.yaml"


def broken_pack(tmp_path: Path, file: str, old: str, new: str) -> Path:
    root = tmp_path / "testland"
    shutil.copytree(TEST_PACKS / "testland", root)
    path = root / file
    text = path.read_text()
    assert old in text, f"fixture does not contain {old!r}"
    path.write_text(text.replace(old, new, 1))
    return root


def problems_of(root: Path) -> list[str]:
    packset = load_packs([builtin_dir(), root], check=False)
    found = [str(p) for probs in packset.broken.values() for p in probs]
    if "testland" in packset.packs:
        found += [str(p) for p in check_pack(packset, "testland") if p.severity == "error"]
    return found


CASES = [
    # (file, old, new, expected line, expected fragment)
    (EVENTS, 'weight: "1 + violence / 50"', 'weight: "1 + violense / 50"', 6,
     "events[0].weight: unknown variable 'violense' (did you mean 'violence'?)"),
    (EVENTS, "    cooldown: 1", "    cooldown: 1\n    colldown: 2", 9,
     "events[0].colldown: unknown field"),
    (EVENTS, "  - id: aftermath\n    title: Aftermath\n", "  - id: aftermath\n", 21,
     "events[2].title: required field is missing"),
    (SCENARIO, "months: 4", "months: four", 6, "months: Input should be a valid integer"),
    (SCENARIO, "      - {clause: funding_own, target: au_force}",
     "      - {clause: funding_owned, target: au_force}", 56,
     "files[1].clauses[2]: unknown clause 'funding_owned' (did you mean 'funding_own'?)"),
    (EVENTS, "effects: {vars: {violence: 3, tension: 4}}",
     "effects: {vars: {violence: 3, tension: 4}, set_flags: [alarmed]}", 9,
     "events[0].effects.set_flags[0]: undeclared flag 'alarmed' (did you mean 'alarm'?)"),
    (SCENARIO, "year: 2026", "year: !!python/object/apply:os.system [ls]", 5,
     "cannot read value"),
    (SCENARIO, "months: 4", "months: 4\nmonths: 5", 7, "duplicate key 'months'"),
    (SCENARIO, "title: Testland", "title: [unclosed", 3, "not valid YAML"),
    (SCENARIO, "permanent: [CHN, FRA, RUS, GBR, USA]", "permanent: [CHN, FRA, RUS, GBR]", 8,
     "council.permanent: the Council has five permanent members (Art. 23)"),
    (SCENARIO, "      - {clause: authorize_ch7, target: west_force}", "      - authorize_ch7", 47,
     "files[0].clauses[0]: clause 'authorize_ch7' needs a target operation"),
    (SCENARIO, "    led_by: nato", "    led_by: natto", 26,
     "operations[0].led_by: unknown organisation or member 'natto' (did you mean 'nato'?)"),
    (EVENTS, "follow_up: [{event: aftermath, after: 1}]", "follow_up: [{event: afermath, after: 1}]",
     20, "events[1].follow_up[0].event: unknown event 'afermath'"),
    (EVENTS, "      default: wait", "      default: later", 16,
     "events[1].choice.default: default 'later' is not one of the options"),
    ("pack.yaml", "extends: [core]", "extends: [kore]", 4, "extends unknown pack 'kore'"),
]


@pytest.mark.parametrize(("file", "old", "new", "line", "fragment"), CASES,
                         ids=[c[4][:40] for c in CASES])
def test_broken_pack_names_file_line_and_field(tmp_path, file, old, new, line, fragment):
    root = broken_pack(tmp_path, file, old, new)
    found = problems_of(root)
    matching = [p for p in found if fragment in p]
    assert matching, f"expected {fragment!r} among {found}"
    assert any(p.split(":")[0].endswith(file) and p.split(":")[1] == str(line) for p in matching), matching


def test_the_test_pack_itself_is_valid():
    assert problems_of(TEST_PACKS / "testland") == []


def test_a_broken_pack_does_not_stop_the_others(tmp_path):
    root = broken_pack(tmp_path, SCENARIO, "title: Testland", "title: [unclosed")
    packset = load_packs([builtin_dir(), root])
    assert "core" in packset.packs and "sahel" in packset.packs
    assert "testland" not in packset.packs and str(root) in packset.broken


def test_yaml_booleans_are_only_true_and_false():
    data = load_text("on: yes\noff: no\nx: true\nNO: 1\n").data
    assert data == {"on": "yes", "off": "no", "x": True, "NO": 1}


def test_huge_files_are_refused():
    with pytest.raises(YamlError, match="(?i)larger than"):
        load_text("a: " + "x" * 1_100_000)


def test_links_outside_the_pack_are_refused(tmp_path):
    root = broken_pack(tmp_path, SCENARIO, "title: Testland", "title: Testland")
    (root / "events" / "linked.yaml").symlink_to(TEST_PACKS / "testland" / EVENTS)
    assert any("links outside the pack" in p for p in problems_of(root))


@pytest.mark.parametrize("secret", [
    "root:$6$s3cr3tHash:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n",
    "id: s3cr3tHash\npassword: hunter2\n",
])
def test_a_linked_pack_yaml_is_refused_before_it_is_read(tmp_path, capsys, secret):
    outside = tmp_path / "shadow"
    outside.write_text(secret)
    root = broken_pack(tmp_path, SCENARIO, "title: Testland", "title: Testland")
    (root / "pack.yaml").unlink()
    (root / "pack.yaml").symlink_to(outside)
    found = problems_of(root)
    assert any("pack.yaml:1:" in p and "links" in p for p in found), found
    from councilgame.cli import main

    main(["packs", "validate", str(root)])
    main(["--packs", str(tmp_path), "packs", "list", "--json"])
    out = capsys.readouterr()
    for word in ("s3cr3tHash", "hunter2", "daemon", "password"):
        assert word not in str(found) + out.out + out.err


def test_a_suggested_seat_must_be_a_seat_a_player_may_hold(tmp_path):
    from councilgame.packs.discovery import search_path

    pack = tmp_path / "tut"
    shutil.copytree(Path(__file__).resolve().parents[2] / "content" / "tutorial", pack)
    sc = pack / "scenarios" / "tutorial.yaml"
    text = sc.read_text().replace("suggested_seat: GBR", "suggested_seat: FRA")
    sc.write_text(text.replace("id: tutorial", "id: tut2", 1))
    (pack / "pack.yaml").write_text((pack / "pack.yaml").read_text().replace("id: tutorial", "id: tut2", 1))
    packset = load_packs(search_path([tmp_path]))
    problems = [str(p) for p in check_pack(packset, "tut2")]
    wrong = "FRA is not a seat a player may hold"
    assert any("suggested_seat" in p and wrong in p for p in problems), problems


def test_a_seminar_length_must_lie_within_the_scenario(tmp_path):
    from councilgame.packs.discovery import search_path

    pack = tmp_path / "tut"
    shutil.copytree(Path(__file__).resolve().parents[2] / "content" / "tutorial", pack)
    sc = pack / "scenarios" / "tutorial.yaml"
    text = sc.read_text().replace("\nmonths: 3\n", "\nmonths: 3\nlengths: [2, 5]\n")
    assert "lengths: [2, 5]" in text
    sc.write_text(text.replace("id: tutorial", "id: tut2", 1))
    (pack / "pack.yaml").write_text((pack / "pack.yaml").read_text().replace("id: tutorial", "id: tut2", 1))
    problems = [str(p) for p in check_pack(load_packs(search_path([tmp_path])), "tut2")]
    assert [p for p in problems if "lengths" in p] and all("2 months" not in p for p in problems), problems
    assert any("5 months is not a length between 1 and the scenario's 3" in p for p in problems), problems
