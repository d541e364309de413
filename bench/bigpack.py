"""A generated pack of many events, for the validation-time figures (`make bench`) and the test
that validation grows linearly with the number of events."""

from __future__ import annotations

from pathlib import Path

EVENTS_PER_FILE = 2000

MANIFEST = """id: bigpack
title: Generated pack with many events
version: 0.0.1
extends: [core]
"""

SCENARIO = """id: bigland
title: Bigland
synopsis: A generated crisis with many events.
source: generated
year: 2026
months: 6
council:
  permanent: [CHN, FRA, RUS, GBR, USA]
  elected: [BHR, COL, COD, DNK, GRC, LVA, LBR, PAK, PAN, SOM]
theatres:
  - id: bigland
    name: Bigland
    region: africa
    gauges: {violence: 60, civilian_harm: 40}
variables:
  - {id: tension, name: Tension, initial: 50}
flags:
  - {id: alarm}
files:
  - id: calm
    title: Calm
    theatre: bigland
    penholders: [FRA]
    months: [1]
    clauses: [request_sg_report]
objectives: {%s}
endings:
  - {id: calm, title: Calm, text: Calm returns., when: "violence < 40 and tension < 60", priority: 1}
  - {id: default, title: Muddle, text: Nothing settled.}
"""


SEATS = ["CHN", "FRA", "RUS", "GBR", "USA", "BHR", "COL", "COD", "DNK", "GRC", "LVA", "LBR", "PAK",
         "PAN", "SOM"]


def scenario_yaml() -> str:
    """The scenario, with one objective per seat (a seat without one is a warning)."""
    objectives = ", ".join(f'{c}: [{{id: calm, text: Calm, when: "violence < 50"}}]' for c in SEATS)
    return SCENARIO.replace("{%s}", "{" + objectives + "}")


def event_yaml(i: int, n: int) -> str:
    """One event; every tenth schedules the next one, so follow-up ids are checked too."""
    follow = f"\n    follow_up: [{{event: e{i + 1}}}]" if i % 10 == 0 and i + 1 < n else ""
    return (f"  - id: e{i}\n    title: Event {i}\n    text: Something happens ({i}).\n"
            f"    when: \"tension > {i % 50} and not flags.alarm\"\n"
            f"    weight: \"1 + violence / {i % 7 + 1}\"\n"
            f"    effects: {{vars: {{tension: 1, violence: -1}}, set_flags: [alarm]}}{follow}\n")


def write_pack(root: Path, events: int) -> Path:
    """Write the pack `bigpack` (scenario `bigland`) with `events` events under `root`."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "pack.yaml").write_text(MANIFEST)
    (root / "scenarios").mkdir(exist_ok=True)
    (root / "scenarios" / "bigland.yaml").write_text(scenario_yaml())
    (root / "events").mkdir(exist_ok=True)
    for start in range(0, events, EVENTS_PER_FILE):
        stop = min(events, start + EVENTS_PER_FILE)
        body = "".join(event_yaml(i, events) for i in range(start, stop))
        (root / "events" / f"part{start // EVENTS_PER_FILE:03d}.yaml").write_text(
            f"scenario: bigland\nevents:\n{body}")
    return root
