"""The authoring kit: scaffold, warnings, schema, guide."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from councilgame.cli import main
from councilgame.packs.crossref import check_pack
from councilgame.packs.registry import builtin_dir, load_packs
from councilgame.packs.schema_export import field_reference, json_schemas
from tests.packs.test_loader import EVENTS, SCENARIO, broken_pack

ROOT = Path(__file__).resolve().parents[2]


def test_scaffolded_pack_validates_cleanly_and_plays_to_an_ending(tmp_path, capsys):
    assert main(["packs", "new", str(tmp_path / "lakeland"), "--title", "The Lakeland ceasefire"]) == 0
    capsys.readouterr()
    assert main(["packs", "validate", str(tmp_path / "lakeland")]) == 0
    out = capsys.readouterr()
    assert out.out == "" and "0 error(s), 0 warning(s)" in out.err
    assert main(["--packs", str(tmp_path), "run", "--scenario", "lakeland", "--seed", "3", "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["ending"] in ("holding", "fraying") and len(record["months"]) == 6
    first = (tmp_path / "lakeland" / "scenarios" / "lakeland.yaml").read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=../.schemas/scenario.schema.json"
    assert (tmp_path / "lakeland" / ".schemas" / "scenario.schema.json").is_file()


TITLES = ["A: B", "Peace # at last", 'The "Lakeland" ceasefire', "It's over", "- dashed", "Côte d'Ivoire ☮",
          "yes", "123", "null", "{braces}", "*star", "!bang", "%pct", "| pipe", "> gt", "? q",
          "two\nlines", "tab\there", "  spaced  "]


@pytest.mark.parametrize("title", TITLES)
def test_packs_new_writes_any_title_as_valid_yaml(tmp_path, capsys, title):
    root = tmp_path / "lakeland"
    assert main(["packs", "new", str(root), "--title", title]) == 0
    assert main(["packs", "validate", str(root)]) == 0, capsys.readouterr()
    packset = load_packs([builtin_dir(), root], check=False)
    assert packset.packs["lakeland"].manifest.title == title
    assert packset.packs["lakeland"].scenarios["lakeland"].model.title == title


def test_packs_new_refuses_a_folder_in_use(tmp_path, capsys):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "notes.txt").write_text("mine")
    assert main(["packs", "new", str(tmp_path / "x")]) == 2
    assert "not empty" in capsys.readouterr().err


WARNINGS = [
    (EVENTS, 'weight: "1 + violence / 50"', 'weight: "1 + violence / 50"\n    when: "violence > 150"',
     "events[0].when: this event's condition can never hold: it asks for values outside the range"),
    (EVENTS, "    text: Fighting flares.", "    text: Fighting flares at {violense}.",
     "events[0].text: unknown placeholder {violense} (did you mean 'violence'?)"),
    (SCENARIO, '"flags.alarm", priority: 1', '"flags.alarm", priority: 1',
     "endings[1].when: this ending's condition can never hold: flags.alarm is never set"),
]


@pytest.mark.parametrize(("file", "old", "new", "says"), WARNINGS, ids=[w[3][:30] for w in WARNINGS])
def test_warnings_for_what_is_legal_but_probably_wrong(tmp_path, file, old, new, says):
    root = broken_pack(tmp_path, file, old, new)
    packset = load_packs([builtin_dir(), root], check=False)
    found = [str(p) for p in check_pack(packset, "testland")]
    assert any(says in p and ": warning:" in p for p in found), found


def test_a_clause_no_file_offers_is_flagged(tmp_path):
    root = broken_pack(tmp_path, SCENARIO, "title: Testland", "title: Testland")
    (root / "clauses.yaml").write_text("clauses:\n  - id: orphan\n    title: Orphan\n"
                                       "    group: requests\n    text: Nobody offers me.\n")
    packset = load_packs([builtin_dir(), root], check=False)
    found = [str(p) for p in check_pack(packset, "testland")]
    assert any("no agenda file offers clause 'orphan'" in p for p in found), found


def kind_of(path: Path, root: Path) -> str | None:
    rel = path.relative_to(root)
    if len(rel.parts) == 2:
        return {"scenarios": "scenario", "events": "events"}.get(rel.parts[0])
    return rel.stem


def test_the_schema_validates_every_builtin_pack_file():
    schemas = json_schemas()
    checked = 0
    for pack in sorted(p for p in builtin_dir().iterdir() if (p / "pack.yaml").is_file()):
        for path in sorted(pack.rglob("*.yaml")):
            kind = kind_of(path, pack)
            data = yaml.safe_load(path.read_text())
            jsonschema.validate(data, schemas[kind])
            checked += 1
    assert checked >= 12


def test_the_guide_reference_matches_the_schema():
    guide = (ROOT / "docs" / "authoring.md").read_text()
    start = guide.index("<!-- reference:begin -->\n") + len("<!-- reference:begin -->\n")
    end = guide.index("<!-- reference:end -->")
    assert guide[start:end] == field_reference(), \
        "docs/authoring.md is out of date: regenerate it with `councilgame packs schema --markdown`"


def test_packs_schema_prints_every_kind(capsys):
    assert main(["packs", "schema"]) == 0
    schemas = json.loads(capsys.readouterr().out)
    assert set(schemas) == {"pack", "dimensions", "gauges", "members", "organisations", "clauses",
                            "model", "scenario", "events"}
    assert schemas["events"]["$defs"]["Event"]["properties"]["weight"]["description"]
