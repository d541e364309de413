"""The command line, run as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from councilgame.cli import main
from tests.conftest import TEST_PACKS
from tests.packs.test_loader import SCENARIO, broken_pack


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "councilgame", *args],
                          capture_output=True, text=True, timeout=120)


def test_run_json_is_the_same_bytes_for_the_same_seed():
    a = cli("run", "--scenario", "sahel", "--seed", "4", "--json")
    b = cli("run", "--scenario", "sahel", "--seed", "4", "--json")
    assert a.returncode == 0, a.stderr
    assert a.stdout == b.stdout
    doc = json.loads(a.stdout)
    assert {"scenario", "seed", "permanent", "months", "ending", "scores"} <= set(doc)
    assert doc["permanent"] == ["CHN", "FRA", "RUS", "GBR", "USA"]
    month = doc["months"][0]
    assert {"month", "votes", "events", "gauges"} <= set(month)
    for vote in (v for m in doc["months"] for v in m["votes"]):
        assert vote["result"] in ("adopted", "failed", "vetoed")
        assert set(vote["ballots"].values()) <= {"yes", "no", "abstain", "absent"}
        assert len(vote["ballots"]) == 15


def test_run_text_tells_the_story(capsys):
    assert main(["run", "--scenario", "sahel", "--seed", "2"]) == 0
    out = capsys.readouterr().out
    assert "Month 1: president SOM" in out and "Ending:" in out


@pytest.mark.parametrize(("args", "says"), [
    (["run", "--scenario", "atlantis"], "unknown scenario 'atlantis'; valid scenarios:"),
    (["run", "--scenario", "sahel", "--seed", "abc"], "'abc' is not a whole number"),
    (["simulate", "--scenario", "sahel", "--games", "0"], "'0' must be 1 or more"),
    (["frobnicate"], "invalid choice: 'frobnicate'"),
    (["simulate", "--scenario", "sahel", "--policy", "no"], "--policy needs --seat CODE"),
    (["simulate", "--scenario", "sahel", "--seat", "DNK", "--policy", "maybe"], "unknown policy 'maybe'"),
    (["simulate", "--scenario", "sahel", "--seat", "XXX"], "XXX has no seat in sahel"),
    (["--packs", "/no/such/dir", "run", "--scenario", "sahel"], "no such folder"),
    (["packs", "validate", "/no/such/pack"], "no such file or folder"),
])
def test_wrong_arguments_get_one_sentence_and_exit_2(args, says):
    r = cli(*args)
    assert r.returncode == 2
    assert says in r.stderr
    assert "Traceback" not in r.stderr and r.stderr.count("\n") == 1


def test_validate_builtin_packs_passes(capsys):
    assert main(["packs", "validate"]) == 0
    assert "error" not in capsys.readouterr().out


def test_validate_broken_pack_exits_1_with_file_line_field(tmp_path, capsys):
    root = broken_pack(tmp_path, SCENARIO, "    led_by: nato", "    led_by: natto")
    assert main(["packs", "validate", str(root)]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert any(line.endswith("testland.yaml:26: operations[0].led_by: unknown organisation or "
                             "member 'natto' (did you mean 'nato'?)") for line in out)


def test_simulate_json_reports_every_event_and_the_rates(capsys):
    assert main(["--packs", str(TEST_PACKS), "simulate", "--scenario", "testland",
                 "--games", "30", "--seed", "1", "--json"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert r["games"] == 30
    assert set(r["events"]) == {"flare", "appeal", "aftermath"}
    assert sum(r["endings"].values()) == 30
    for key in ("adoption_rate", "veto_rate", "unanimity_rate", "scores", "wall_time_s"):
        assert key in r
    assert {"mean", "p10", "p50", "p90"} <= set(r["scores"]["legitimacy"])


def test_simulate_plays_a_seminars_shorter_game(capsys):
    assert main(["simulate", "--scenario", "sahel", "--games", "20", "--length", "4", "--json"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert r["planned_months"] == 4 and r["months"]["p90"] == 4.0 and sum(r["endings"].values()) == 20


def test_simulate_writes_one_record_per_game_as_run_prints_it(tmp_path, capsys):
    out = tmp_path / "records.jsonl"
    assert main(["--packs", str(TEST_PACKS), "simulate", "--scenario", "testland", "--games", "12",
                 "--seed", "3", "--records", str(out), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    lines = out.read_text().splitlines()
    assert len(lines) == 12 and not (tmp_path / "records.jsonl.part").exists()
    first = json.loads(lines[0])
    assert sorted(json.loads(line)["ending"] for line in lines) == sorted(
        e for e, n in report["endings"].items() for _ in range(n))
    assert main(["--packs", str(TEST_PACKS), "run", "--scenario", "testland", "--seed",
                 str(first["seed"]), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == first
    assert all("clauses" in v for m in first["months"] for v in m["votes"])


def test_a_scripted_seat_casts_its_ballot_on_every_vote(tmp_path, capsys):
    out = tmp_path / "records.jsonl"
    assert main(["--packs", str(TEST_PACKS), "simulate", "--scenario", "testland", "--games", "10",
                 "--seat", "DNK", "--policy", "no", "--records", str(out), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["seat"], report["policy"]) == ("DNK", "no")
    ballots = [v["ballots"]["DNK"] for line in out.read_text().splitlines()
               for m in json.loads(line)["months"] for v in m["votes"]]
    assert ballots and set(ballots) == {"no"}
    for key in ("failed_rate", "rival_adoption_rate", "prst_after_veto_rate", "vetoes_by_member",
                "joint_vetoes", "pivotal_elected_rate", "realism"):
        assert key in report


def test_simulate_text_report_has_charts(capsys):
    assert main(["--packs", str(TEST_PACKS), "simulate", "--scenario", "testland", "--games", "20"]) == 0
    out = capsys.readouterr().out
    assert "Endings" in out and "█" in out and "correlation" in out
    assert "Council realism" in out and "drafts failing for lack of 9 yes" in out


def test_packs_list(capsys):
    assert main(["packs", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    ids = {r["id"] for r in rows if r["valid"]}
    assert {"core", "sahel"} <= ids


def test_replay_prints_the_same_bytes_as_run(tmp_path):
    save = tmp_path / "game.json"
    run = cli("run", "--scenario", "sahel", "--seed", "9", "--json", "--save", str(save))
    replay = cli("replay", str(save), "--json")
    assert run.returncode == 0 and replay.returncode == 0, replay.stderr
    assert run.stdout == replay.stdout
    to3 = json.loads(cli("replay", str(save), "--json", "--to", "3").stdout)
    assert [m["month"] for m in to3["months"]] == [1, 2, 3] and to3["ending"] is None


@pytest.mark.parametrize(("content", "says"), [
    (b"", "is empty"),
    (b"{\"format\": \"councilgame-save\", \"format_version\": 1", "not valid JSON"),
    (b"{\"a\": 1}", "not a councilgame save"),
    (b"{\"format\": \"councilgame-save\", \"format_version\": 99}", "newer councilgame"),
])
def test_replay_refuses_bad_files_with_exit_1(tmp_path, content, says):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    r = cli("replay", str(bad))
    assert r.returncode == 1 and says in r.stderr
    assert "Traceback" not in r.stderr and r.stderr.count("\n") == 1


def test_replay_of_a_save_whose_pack_changed_asks_for_anyway(tmp_path):
    save = tmp_path / "game.json"
    cli("run", "--scenario", "sahel", "--seed", "2", "--save", str(save))
    doc = json.loads(save.read_text())
    doc["pack"]["hash"] = "changed"
    save.write_text(json.dumps(doc))
    refused = cli("replay", str(save))
    assert refused.returncode == 1 and "has changed since" in refused.stderr
    assert cli("replay", str(save), "--anyway").returncode == 0


@pytest.mark.parametrize(("players", "says"), [
    ("Ana", "should be NAME:SEAT"),
    ("Ana:XYZ", "XYZ has no seat"),
    (":FRA", "should be NAME:SEAT"),
])
def test_bad_players_get_one_sentence_and_exit_2(players, says):
    r = cli("play", "--scenario", "sahel", "--players", players)
    assert r.returncode == 2 and says in r.stderr and "Traceback" not in r.stderr


def test_players_make_teams():
    from councilgame.launch import parse_players

    seats = parse_players("Ana:FRA, Ben:rus,Chloe:FRA", ["FRA", "RUS", "USA"])
    assert seats["FRA"].players == ["Ana", "Chloe"] and seats["RUS"].players == ["Ben"]


def test_simulate_gives_the_same_report_on_two_workers(capsys):
    args = ["--packs", str(TEST_PACKS), "simulate", "--scenario", "testland", "--games", "80",
            "--seed", "5", "--json"]
    assert main(args) == 0
    one = json.loads(capsys.readouterr().out)
    assert main([*args, "--workers", "2"]) == 0
    two = json.loads(capsys.readouterr().out)
    for key in ("wall_time_s", "workers"):
        one.pop(key), two.pop(key)
    assert one == two
