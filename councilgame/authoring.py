"""The author's tools beside `packs validate`: `packs graph` (how a scenario's events, clauses
and files lead to one another) and `packs try` (fire one event, or a chain, in a game brought to
a chosen month, and see what it says and does without playing to it)."""

from __future__ import annotations

import sys
from pathlib import Path

from councilgame.commands import UsageError
from councilgame.packs.discovery import search_path
from councilgame.packs.registry import PackSet, load_packs, pack_dirs

MAX_CHAIN = 12  # events a chain fires at most (follow-ups can loop)


def _pack(pack: Path, extra: list[Path]) -> tuple[PackSet, str]:
    """The installed packs with `pack` among them, and its id; a pack with errors is refused
    with its problems, as `packs validate` prints them."""
    roots = pack_dirs(pack) if (pack / "pack.yaml").is_file() else []
    if len(roots) != 1:
        raise UsageError(f"{pack}: not a pack folder (a folder with pack.yaml)")
    packset = load_packs(search_path(extra) + [pack])
    root = roots[0].resolve()
    problems = [p for p in packset.report(root) if p.severity == "error"]
    for prob in problems:
        print(prob, file=sys.stderr)
    if problems:
        raise UsageError(f"{pack} has {len(problems)} error(s): run `councilgame packs validate {pack}`")
    pack_id = next(pid for pid, files in packset.packs.items() if files.root.resolve() == root)
    return packset, pack_id


def _scenarios(packset: PackSet, pack_id: str, scenario: str | None) -> list[str]:
    own = sorted(packset.packs[pack_id].scenarios)
    if scenario is None:
        return own
    if scenario not in own:
        raise UsageError(f"the pack has no scenario {scenario!r}; its scenarios: {', '.join(own) or 'none'}")
    return [scenario]


def graph(pack: Path, scenario: str | None, fmt: str, extra: list[Path]) -> int:
    from councilgame.packs.graph import FORMATS, build

    packset, pack_id = _pack(pack, extra)
    for sid in _scenarios(packset, pack_id, scenario):
        if fmt == "text":
            print(f"# scenario {sid}")
        print(FORMATS[fmt](build(packset.bundle(sid))), end="")
    return 0


def try_event(pack: Path, scenario: str, event: str | None, month: int, seed: int, chain: bool,
              extra: list[Path]) -> int:
    from councilgame.engine.expressions import suggest
    from councilgame.play import compile_bundle

    packset, pack_id = _pack(pack, extra)
    comp = compile_bundle(packset.bundle(_scenarios(packset, pack_id, scenario)[0]))
    if event is None:
        print(f"Events of {scenario} (packs try {pack} --scenario {scenario} --event ID):")
        for ev in comp.bundle.events:
            print(f"  {ev.id}: {ev.title}")
        return 0
    if event not in comp.event_by_id:
        hint = suggest(event, comp.event_by_id)
        raise UsageError(f"no event {event!r} in {scenario}{hint}")
    if month > comp.scenario.months:
        raise UsageError(f"{scenario} has {comp.scenario.months} months, not {month}")
    from councilgame.play.trying import fire_and_report

    print(fire_and_report(comp, event, month, seed, MAX_CHAIN if chain else 1), end="")
    return 0
