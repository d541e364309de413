"""What each CLI command does; cli.py only parses arguments."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from councilgame.packs.registry import PackSet

# The title screen must come up before the engine, the packs and their schema are imported
# (issue 17): what a command needs of them is imported inside it.


class UsageError(Exception):
    pass


def __getattr__(name: str):
    """cli.py's `except (commands.SaveError, commands.ScenarioUnavailable)`, imported only when
    an exception reaches that clause."""
    if name == "SaveError":
        from councilgame.saves.format import SaveError

        return SaveError
    if name == "ScenarioUnavailable":
        from councilgame.packs.errors import ScenarioUnavailable

        return ScenarioUnavailable
    raise AttributeError(name)


def game_lengths(comp) -> list[int]:
    from councilgame.play.api import game_lengths as lengths

    return lengths(comp)


def playable(comp) -> list[str]:
    from councilgame.play.queries import playable as seats

    return seats(comp)


def check_folders(extra: list[Path]) -> None:
    for folder in extra:
        if not folder.is_dir():
            raise UsageError(f"--packs {folder}: no such folder")


def _packset(extra: list[Path]) -> PackSet:
    from councilgame.packs.discovery import search_path
    from councilgame.packs.registry import load_packs

    check_folders(extra)
    return load_packs(search_path(extra))


def compiled_scenario(scenario: str, extra: list[Path]):
    from councilgame.play import compile_bundle

    packset = _packset(extra)
    failure = packset.unavailable(scenario)
    if failure is not None:  # its pack failed to load: say so, with the first problems
        raise failure
    index = packset.scenario_index()
    if scenario not in index:
        valid = ", ".join(sorted(index)) or "none installed"
        raise UsageError(f"unknown scenario {scenario!r}; valid scenarios: {valid}")
    return compile_bundle(packset.bundle(scenario))


def validate(paths: list[Path], extra: list[Path]) -> int:
    for p in paths:
        if not p.exists():
            raise UsageError(f"{p}: no such file or folder")
    from councilgame.packs.discovery import search_path
    from councilgame.packs.registry import load_packs, pack_dirs

    targets = {str(r.resolve()) for p in paths for r in pack_dirs(p)} if paths else None
    if paths and not targets:
        raise UsageError(f"no pack (a folder with pack.yaml) in {', '.join(map(str, paths))}")
    packset = load_packs(search_path(extra) + paths)  # a folder found twice is read once
    errors = warnings = checked = 0
    for root in sorted(packset.roots):
        if targets is not None and str(root) not in targets:
            continue
        checked += 1
        for prob in packset.report(root):
            print(prob)
            errors += prob.severity == "error"
            warnings += prob.severity == "warning"
    verdict = "valid" if not errors else "invalid"
    print(f"{checked} pack(s) checked: {errors} error(s), {warnings} warning(s): {verdict}.",
          file=sys.stderr)
    return 1 if errors else 0


def write_schemas(folder: Path) -> list[Path]:
    from councilgame.packs.schema_export import json_schemas
    from councilgame.paths import write_atomic

    paths = []
    for kind, schema in json_schemas().items():
        path = folder / f"{kind}.schema.json"
        write_atomic(path, json.dumps(schema, indent=2) + "\n")
        paths.append(path)
    return paths


def schema(out: Path | None, markdown: bool) -> int:
    from councilgame.packs.schema_export import field_reference, json_schemas

    if markdown:
        print(field_reference(), end="")
    elif out is not None:
        writable_folder(out, "--out")
        for path in write_schemas(out):
            print(path)
    else:
        print(json.dumps(json_schemas(), indent=2))
    return 0


def new_pack(path: Path, pack_id: str | None, title: str | None) -> int:
    """Copy the commented template, filling in the id and title, with schemas for editors."""
    writable_folder(path, "packs new")
    import re
    from importlib import resources

    from councilgame.packs.yamlsource import scalar
    from councilgame.paths import write_atomic

    pack_id = pack_id or path.name.lower()
    if not re.fullmatch(r"[a-z][a-z0-9_-]*", pack_id):
        raise UsageError(f"{pack_id!r} is not a valid pack id (lower-case letters, digits, - and _,"
                         " starting with a letter); give one with --id")
    if path.exists() and any(path.iterdir()):
        raise UsageError(f"{path} already exists and is not empty; choose a new folder")
    title = title or pack_id.replace("-", " ").replace("_", " ").capitalize()
    template = resources.files("councilgame.packs").joinpath("template")
    for rel in ("pack.yaml", "clauses.yaml", "scenarios/scenario.yaml", "events/events.yaml"):
        text = template.joinpath(rel).read_text(encoding="utf-8")
        target = path / rel.replace("scenario.yaml", f"{pack_id}.yaml").replace(
            "events.yaml", f"{pack_id}.yaml")
        write_atomic(target, text.replace("{{id}}", pack_id).replace("{{title}}", scalar(title)))
    write_schemas(path / ".schemas")
    print(f"Created pack {pack_id!r} in {path}. Next: councilgame packs validate {path}, then "
          f"councilgame --packs {path.parent} simulate --scenario {pack_id} --games 500")
    return 0


def list_packs(extra: list[Path], as_json: bool) -> int:
    packset = _packset(extra)
    packset.check_all()  # the list says which packs are broken, so it reads them all
    rows = [{"id": p.id, "title": p.manifest.title, "version": p.manifest.version,
             "path": str(p.root), "valid": True, "scenarios": sorted(p.scenarios)}
            for p in packset.packs.values()]
    rows += [{"id": Path(r).name, "path": r, "valid": False,
              "problems": [str(x) for x in probs]} for r, probs in packset.broken.items()]
    if as_json:
        print(json.dumps(rows, indent=2))
    else:
        for r in rows:
            status = ", ".join(r.get("scenarios", [])) if r["valid"] else "BROKEN (see packs validate)"
            print(f"{r['id']:<16} {r.get('version', ''):<8} {status}")
    return 0


def list_saves(folder: Path | None, as_json: bool) -> int:
    """The saves folder as the Load screen shows it; a bad file is listed, never fatal."""
    from councilgame.saves import SaveStore
    from councilgame.saves.listing import group, listing_json, listing_text

    store = SaveStore(folder)
    if folder is not None and folder.exists() and not folder.is_dir():
        raise UsageError(f"--saves {folder}: not a folder")
    listing = group(store.entries())
    if as_json:
        print(json.dumps(listing_json(listing, str(store.folder)), indent=2, ensure_ascii=False))
    else:
        print(listing_text(listing, str(store.folder)))
    return 0


def run(scenario: str, seed: int, as_json: bool, extra: list[Path], save: Path | None = None) -> int:
    from councilgame.play import Game
    from councilgame.saves.format import SaveError

    if save is not None:
        writable_file(save, "--save")
        _replaceable(save)
    game = Game(compiled_scenario(scenario, extra), seed)
    if save is not None:
        from councilgame.paths import write_atomic
        from councilgame.saves import make_save
        from councilgame.saves.format import dump

        try:
            write_atomic(save, dump(make_save(game, seats={}, kind="headless")))
        except OSError as exc:
            raise SaveError(f"--save {save}: cannot write it ({_reason(exc)}).") from None
    from councilgame.report import print_record

    print_record(game.record(), game, as_json)
    return 0


def _replaceable(path: Path) -> None:
    """`run --save` may replace an earlier AI-only save, never a player's game or a file that
    is not a save."""
    from councilgame.saves.format import SaveError

    if not os.path.lexists(path):
        return
    from councilgame.saves import SaveStore

    try:
        kind = SaveStore(path.parent).read(path).kind
    except SaveError:
        kind = None
    if kind != "headless":
        what = "a player's saved game" if kind else "a file that is not an AI game's save"
        raise UsageError(f"--save {path}: it holds {what}; choose another file")


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def _first_existing(path: Path) -> Path:
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def writable_file(path: Path, option: str) -> None:
    """Refuse, before any work, a file path that cannot be written: empty, a folder, or under
    something that is not a folder."""
    if str(path) in ("", ".", "..") or path.is_dir():
        raise UsageError(f"{option} {str(path)!r}: give a file name, not a folder")
    above = _first_existing(path.parent)
    if not above.is_dir():
        raise UsageError(f"{option} {path}: {above} is not a folder")


def writable_folder(path: Path, option: str) -> None:
    """Refuse a folder path that exists as something else, or lies under a file."""
    above = _first_existing(path)
    if not above.is_dir():
        raise UsageError(f"{option} {path}: {above} is not a folder")


def replay(file: Path, as_json: bool, to: int | None, anyway: bool, extra: list[Path]) -> int:
    from councilgame.report import print_record, record_until

    save, loaded = _replayed(file, anyway, extra)
    record = loaded.game.record()
    if to is not None:
        record = record_until(record, to)
    print_record(record, loaded.game, as_json, to)
    return 1 if loaded.mismatch else 0


def grading(file: Path, as_json: bool, handouts: Path | None, anyway: bool, extra: list[Path]) -> int:
    """The negotiation record of a saved game, for grading; with `handouts`, the files the
    debrief's g writes (the record and a handout per player) into that folder."""
    from councilgame.paths import write_atomic
    from councilgame.play.grading import grading_files, grading_markdown, negotiation_record

    if handouts is not None:
        writable_folder(handouts, "--handouts")
        handouts.mkdir(parents=True, exist_ok=True)
    save, loaded = _replayed(file, anyway, extra)
    record = negotiation_record(loaded.game, {c: s.players for c, s in save.seats.items()
                                               if s.human or s.players})
    print(json.dumps(record, indent=1, ensure_ascii=False) if as_json else grading_markdown(record), end="")
    if handouts is not None:
        for name, text in grading_files(record, f"{save.scenario}-{save.game_id}").items():
            write_atomic(handouts / name, text)
    return 1 if loaded.mismatch else 0


def _replayed(file: Path, anyway: bool, extra: list[Path]):
    """A save read and replayed, with a warning if the replay ends elsewhere than it said."""
    from councilgame.play import compile_bundle
    from councilgame.saves import SaveStore, load_game
    from councilgame.saves.format import SaveError

    if not file.exists():
        raise UsageError(f"{file}: no such file")
    save = SaveStore(file.parent).read(file)
    packset = _packset(extra)
    failure = packset.unavailable(save.scenario)
    if failure is not None:
        raise failure
    if save.scenario not in packset.scenario_index():
        raise SaveError(f"{file.name} needs scenario {save.scenario!r} from pack {save.pack.id!r}, "
                        "which is not installed.")
    comp = compile_bundle(packset.bundle(save.scenario))
    if comp.bundle.pack_hash != save.pack.hash and not anyway:
        raise SaveError(f"the pack {save.pack.id!r} has changed since {file.name} was saved; "
                        "the replay may differ (add --anyway to try).")
    loaded = load_game(save, comp)
    if loaded.mismatch:
        print(f"councilgame: warning: {loaded.mismatch}.", file=sys.stderr)
    return save, loaded


def simulate(scenario: str, games: int, seed: int, as_json: bool, extra: list[Path],
             workers: int = 1, seat: str | None = None, policy: str = "ai",
             records: Path | None = None, length: int | None = None) -> int:
    from councilgame.engine.game import POLICIES
    from councilgame.play.simulation import simulate as sim
    from councilgame.report import render_report

    if records is not None:
        writable_file(records, "--records")
    comp = compiled_scenario(scenario, extra)
    if policy not in POLICIES:
        raise UsageError(f"unknown policy {policy!r}; valid policies: {', '.join(POLICIES)}")
    if policy != "ai" and seat is None:
        raise UsageError("--policy needs --seat CODE")
    if seat is not None and seat not in comp.index:
        raise UsageError(f"{seat} has no seat in {scenario}; seats: {', '.join(comp.codes)}")
    check_length(comp, length)
    show = not as_json and sys.stderr.isatty()
    bar = _progress(games) if show else None
    if records is None:
        report = sim(comp, games, seed, bar, workers, seat, policy, length=length)
    else:
        tmp = records.with_name(records.name + ".part")
        with tmp.open("w", encoding="utf-8") as out:
            report = sim(comp, games, seed, bar, workers, seat, policy,
                         on_record=lambda line: out.write(line + "\n"), length=length)
        tmp.replace(records)  # a finished file or none: never a half-written one
    if show:
        print(file=sys.stderr)
    print(json.dumps(report, indent=2) if as_json else render_report(report))
    return 0


def _progress(total: int):
    def update(done: int) -> None:
        if done % max(1, total // 100) and done != total:
            return
        width = 30
        filled = int(width * done / total)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} games")
        sys.stderr.flush()

    return update


def check_length(comp, length: int | None) -> None:
    allowed = game_lengths(comp)
    if length is not None and length not in allowed:
        raise UsageError(f"--length: {comp.scenario.id} can be played for "
                         f"{', '.join(map(str, allowed[:-1]))}{' or ' if len(allowed) > 1 else ''}"
                         f"{allowed[-1]} months, not {length}")
