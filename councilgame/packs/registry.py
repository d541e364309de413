"""Installed packs, merged along `extends`, and the bundles the engine runs.

A broken pack is reported and set aside; it never stops the others from loading. A pack is
indexed when found (pack.yaml and its scenarios), and read in full and checked only when it is
needed: when a scenario of it, or of a pack extending it, is bundled, or when every pack is
checked (`check_all`, for packs list and the Content packs screen; packs validate checks the
packs it is given). So a huge or broken user pack costs the built-in scenarios nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from councilgame.engine.gcpause import paused_gc
from councilgame.model.bundle import ScenarioBundle
from councilgame.packs.errors import PackError, Problem, ScenarioUnavailable
from councilgame.packs.loader import (
    LIBRARY_KINDS,
    Item,
    PackFiles,
    complete_pack,
    index_pack,
    read_pack,
)
from councilgame.packs.yamlsource import Located


@dataclass
class Library:
    """Library entries visible to one pack: its own over those of the packs it extends."""

    items: dict[str, dict[str, Item]] = field(default_factory=dict)
    model: Item | None = None


@dataclass
class PackSet:
    """The packs found, indexed; each is read in full and checked when first needed."""

    packs: dict[str, PackFiles] = field(default_factory=dict)  # found, not known to be broken
    broken: dict[str, list[Problem]] = field(default_factory=dict)  # root -> why it did not load
    located: dict[str, Located] = field(default_factory=dict)
    checked: dict[str, list[Problem]] = field(default_factory=dict)  # pack id -> all its problems
    set_aside: dict[str, str] = field(default_factory=dict)  # pack id -> root, for broken packs
    lost: dict[str, str] = field(default_factory=dict)  # scenario id -> root of its broken pack
    roots: set[Path] = field(default_factory=set)

    def line(self, file: str, path: tuple[str | int, ...]) -> int:
        loc = self.located.get(file)
        return loc.line_of(path) if loc else 1

    def add(self, root: Path) -> None:
        """Index one pack folder (a folder found twice, by two paths, counts once)."""
        if root.resolve() in self.roots:
            return
        self.roots.add(root.resolve())
        try:
            pack, problems = index_pack(root)
        except PackError as exc:
            self._lose(str(root), exc.problems, scenario_stems(root))
            return
        problems += self._clashes(pack)
        self.located.update(pack.located)
        if problems:
            self.set_aside[pack.id] = self.set_aside.get(pack.id, str(root))
            self._lose(str(root), problems, [*pack.scenarios, *scenario_stems(root)])
            return
        self.packs[pack.id] = pack

    def _clashes(self, pack: PackFiles) -> list[Problem]:
        """A pack or scenario id that a pack found earlier holds: the first found is the one
        loaded (so a user's pack never displaces a built-in one), the later one is refused."""
        out = []
        manifest = next(iter(pack.located))
        other = self.packs.get(pack.id)
        taken = str(other.root) if other else self.set_aside.get(pack.id)
        if taken:
            out.append(Problem(manifest, pack.line(manifest, ("id",)), "id",
                               f"pack id {pack.id!r} is already used by {taken}, found first"))
        index = self.scenario_index()
        for sid, item in pack.scenarios.items():
            if sid in index:
                out.append(Problem(item.file, pack.line(item.file, ("id",)), "id",
                                   f"scenario id {sid!r} is already used by pack {index[sid]!r}"))
        return out

    def _lose(self, root: str, problems: list[Problem], scenarios) -> None:
        self.broken[root] = sorted(problems)
        for sid in scenarios:
            self.lost.setdefault(sid, root)

    def _refuse(self, pack_id: str, problems: list[Problem]) -> None:
        """Set a pack aside: it and its scenarios are listed as broken from now on."""
        pack = self.packs.pop(pack_id)
        self.set_aside[pack_id] = str(pack.root)
        self._lose(str(pack.root), [p for p in problems if p.severity == "error"], ())
        for sid in pack.scenarios:  # it was the pack playing them, whatever else was refused
            self.lost[sid] = str(pack.root)

    def complete(self, pack_id: str) -> bool:
        """Read the rest of a pack (once); False, and the pack set aside, if that fails."""
        pack = self.packs.get(pack_id)
        if pack is None:
            return False
        if not pack.complete:
            try:
                with paused_gc():
                    complete_pack(pack)
            except PackError as exc:
                self.located.update(pack.located)
                self._refuse(pack_id, exc.problems)
                return False
            self.located.update(pack.located)
        return True

    def check(self, pack_id: str) -> list[Problem]:
        """Every problem of one pack, errors and warnings (read and cross-checked once); a pack
        with errors is set aside."""
        from councilgame.packs.crossref import check_pack

        if pack_id not in self.checked:
            if pack_id not in self.packs:
                return self.broken.get(self.set_aside.get(pack_id, ""), [])
            with paused_gc():
                problems = check_pack(self, pack_id)
            self.checked[pack_id] = problems
            if pack_id in self.packs and any(p.severity == "error" for p in problems):
                self._refuse(pack_id, problems)
        return self.checked[pack_id]

    def usable(self, pack_id: str, _seen: tuple[str, ...] = ()) -> bool:
        """Read, checked without errors, and so is every pack it extends."""
        if pack_id in _seen:
            return True
        self.check(pack_id)
        pack = self.packs.get(pack_id)
        if pack is None:
            return False
        for parent in pack.manifest.extends:
            if parent in self.packs and not self.usable(parent, _seen + (pack_id,)):
                manifest = next(iter(pack.located))
                self._refuse(pack_id, [Problem(manifest, pack.line(manifest, ("extends",)), "extends",
                                               f"extends pack {parent!r}, which failed to load")])
                return False
        return True

    def check_all(self) -> None:
        """Read and check every pack now (packs list, the Content packs screen)."""
        for pack_id in list(self.packs):
            self.usable(pack_id)

    def report(self, root: Path) -> list[Problem]:
        """All problems of the pack in `root`: for a pack refused when indexed, every file is
        read again so that the author sees them all at once."""
        where = root.resolve()
        pack = next((p for p in self.packs.values() if p.root.resolve() == where), None)
        if pack is not None:
            problems = list(self.check(pack.id))
            if not self.usable(pack.id):  # a pack it extends failed: say so here too
                problems += [p for p in self.broken.get(str(pack.root), []) if p not in problems]
            return problems
        known = {p for key, found in self.broken.items() if Path(key).resolve() == where
                 for p in found}
        if not any(p.message.startswith("more than") for p in known):
            try:
                read_pack(root)
            except PackError as exc:
                known |= set(exc.problems)
        return sorted(known)

    def unavailable(self, scenario_id: str) -> ScenarioUnavailable | None:
        """Why a scenario of a broken pack cannot be played, or None (playable, or unknown)."""
        pack_id = self.scenario_index().get(scenario_id)
        if pack_id is not None and self.usable(pack_id):
            return None
        root = self.lost.get(scenario_id)
        if root is None:
            return None
        return ScenarioUnavailable(scenario_id, root, self.broken[root])

    def library(self, pack_id: str, _seen: tuple[str, ...] = (), own: bool = True) -> Library:
        """What the pack sees: the entries of the packs it extends, then its own over them
        (without them when not `own`: what its own entries replace)."""
        pack = self.packs[pack_id]
        lib = Library({k: {} for k in LIBRARY_KINDS})
        for parent in pack.manifest.extends:
            if parent not in _seen and self.complete(parent):
                base = self.library(parent, _seen + (pack_id,))
                for kind in LIBRARY_KINDS:
                    lib.items[kind].update(base.items[kind])
                lib.model = base.model or lib.model
        if own:
            for kind in LIBRARY_KINDS:
                lib.items[kind].update(pack.library.get(kind, {}))
            lib.model = pack.model or lib.model
        return lib

    def scenario_index(self) -> dict[str, str]:
        """Scenario id -> pack id, for every pack not known to be broken."""
        return {sid: pid for pid, p in self.packs.items() for sid in p.scenarios}

    def bundle(self, scenario_id: str) -> ScenarioBundle:
        """The scenario, ready to compile; ScenarioUnavailable if its pack failed to load. A
        bundle made before from the same files is read from the cache (packs/cache.py)."""
        from councilgame.packs import cache

        found = cache.key(self, scenario_id)
        hit = cache.read(found)
        if hit is not None:
            return hit
        failure = self.unavailable(scenario_id)
        if failure is not None:
            raise failure
        pack_id = self.scenario_index()[scenario_id]
        pack = self.packs[pack_id]
        lib = self.library(pack_id)
        made = make_bundle(pack, lib, scenario_id, self._digest(pack_id))
        cache.write(found, made)
        return made

    def _digest(self, pack_id: str) -> str:
        chain = [self.packs[pack_id].digest]
        chain += [self.packs[p].digest for p in self.packs[pack_id].manifest.extends if p in self.packs]
        return "-".join(chain)


def scenario_stems(root: Path) -> list[str]:
    """The scenario ids a pack's file names suggest, for a pack too broken to read them."""
    folder = root / "scenarios"
    return sorted(p.stem for p in folder.glob("*.y*ml")) if folder.is_dir() else []


def make_bundle(pack: PackFiles, lib: Library, scenario_id: str, digest: str) -> ScenarioBundle:
    from councilgame.model import Model

    scenario = pack.scenarios[scenario_id].model
    model = lib.model.model if lib.model else Model()
    noise = scenario.council.roll_call_noise  # type: ignore[attr-defined]
    if noise is not None:  # the scenario sets how far members stray from the whip
        model = model.model_copy(update={"ai": model.ai.model_copy(update={"noise": noise})})  # type: ignore[attr-defined]
    return ScenarioBundle(
        scenario=scenario,  # type: ignore[arg-type]
        events=tuple(i.model for i in pack.events.get(scenario_id, [])),  # type: ignore[misc]
        members=members_for_year(lib, scenario),
        organisations={k: i.model for k, i in lib.items["organisations"].items()},  # type: ignore[misc]
        clauses={k: i.model for k, i in lib.items["clauses"].items()},  # type: ignore[misc]
        dimensions=tuple(i.model for i in lib.items["dimensions"].values()),  # type: ignore[misc]
        gauges=tuple(i.model for i in lib.items["gauges"].values()),  # type: ignore[misc]
        model=model,  # type: ignore[arg-type]
        pack_id=pack.id,
        pack_version=pack.manifest.version,
        pack_hash=digest,
    )


def members_for_year(lib: Library, scenario) -> dict:
    """The pack chain's members, each read for the scenario's year where its council.members
    says so: maps merged key by key, numbers replaced."""
    members = {k: i.model for k, i in lib.items["members"].items()}
    for code, year in scenario.council.members.items():
        if code not in members:
            continue  # the validator names it
        m = members[code]
        update = {key: {**getattr(m, key), **getattr(year, key)} for key in MERGED}
        update |= {key: getattr(year, key) for key in ("veto_reluctance", "vetoes_alone", "blocs")
                   if getattr(year, key) is not None}
        members[code] = m.model_copy(update=update)
    return members


MERGED = ("ideal", "salience", "affinity", "regions", "region_reluctance")


def builtin_dir() -> Path:
    """Built-in packs: inside the installed package, or `content/` beside it in a checkout."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "content", here.parent / "content"):
        if (candidate / "core" / "pack.yaml").is_file():
            return candidate
    return here / "content"


def pack_dirs(folder: Path) -> list[Path]:
    """The pack folders directly inside a folder of packs (or the folder itself if it is one)."""
    if (folder / "pack.yaml").is_file():
        return [folder]
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if (p / "pack.yaml").is_file())


def load_packs(folders: list[Path], check: bool = False) -> PackSet:
    """Index every pack found in `folders`, in order (the first pack with an id is the one
    loaded); with `check`, read and check them all now."""
    packset = PackSet()
    for folder in folders:
        for root in pack_dirs(folder):
            packset.add(root)
    if check:
        packset.check_all()
    return packset
