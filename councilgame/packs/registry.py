"""Installed packs, merged along `extends`, and the bundles the engine runs.

A broken pack is reported and set aside; it never stops the others from loading.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from councilgame.model.bundle import ScenarioBundle
from councilgame.packs.errors import PackError, Problem
from councilgame.packs.loader import LIBRARY_KINDS, Item, PackFiles, read_pack
from councilgame.packs.yamlsource import Located


@dataclass
class Library:
    """Library entries visible to one pack: its own over those of the packs it extends."""

    items: dict[str, dict[str, Item]] = field(default_factory=dict)
    model: Item | None = None


@dataclass
class PackSet:
    packs: dict[str, PackFiles] = field(default_factory=dict)
    broken: dict[str, list[Problem]] = field(default_factory=dict)
    located: dict[str, Located] = field(default_factory=dict)

    def line(self, file: str, path: tuple[str | int, ...]) -> int:
        loc = self.located.get(file)
        return loc.line_of(path) if loc else 1

    def library(self, pack_id: str, _seen: tuple[str, ...] = ()) -> Library:
        pack = self.packs[pack_id]
        lib = Library({k: {} for k in LIBRARY_KINDS})
        for parent in pack.manifest.extends:
            if parent in self.packs and parent not in _seen:
                base = self.library(parent, _seen + (pack_id,))
                for kind in LIBRARY_KINDS:
                    lib.items[kind].update(base.items[kind])
                lib.model = base.model or lib.model
        for kind in LIBRARY_KINDS:
            lib.items[kind].update(pack.library.get(kind, {}))
        lib.model = pack.model or lib.model
        return lib

    def scenario_index(self) -> dict[str, str]:
        """Scenario id -> pack id."""
        return {sid: pid for pid, p in self.packs.items() for sid in p.scenarios}

    def bundle(self, scenario_id: str) -> ScenarioBundle:
        pack_id = self.scenario_index()[scenario_id]
        pack = self.packs[pack_id]
        lib = self.library(pack_id)
        return make_bundle(pack, lib, scenario_id, self._digest(pack_id))

    def _digest(self, pack_id: str) -> str:
        chain = [self.packs[pack_id].digest]
        chain += [self.packs[p].digest for p in self.packs[pack_id].manifest.extends if p in self.packs]
        return "-".join(chain)


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
        members={k: i.model for k, i in lib.items["members"].items()},  # type: ignore[misc]
        organisations={k: i.model for k, i in lib.items["organisations"].items()},  # type: ignore[misc]
        clauses={k: i.model for k, i in lib.items["clauses"].items()},  # type: ignore[misc]
        dimensions=tuple(i.model for i in lib.items["dimensions"].values()),  # type: ignore[misc]
        gauges=tuple(i.model for i in lib.items["gauges"].values()),  # type: ignore[misc]
        model=model,  # type: ignore[arg-type]
        pack_id=pack.id,
        pack_version=pack.manifest.version,
        pack_hash=digest,
    )


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


def load_packs(folders: list[Path], check: bool = True) -> PackSet:
    """Load every pack found in `folders` (in order; a later pack with the same id wins)."""
    from councilgame.packs.crossref import check_pack

    packset = PackSet()
    for folder in folders:
        for root in pack_dirs(folder):
            try:
                pack = read_pack(root)
            except PackError as exc:
                packset.broken[str(root)] = exc.problems
                continue
            packset.packs[pack.id] = pack
            packset.located.update(pack.located)
    if check:
        for pid in list(packset.packs):
            problems = [p for p in check_pack(packset, pid) if p.severity == "error"]
            if problems:
                packset.broken[str(packset.packs[pid].root)] = problems
                del packset.packs[pid]
    return packset
