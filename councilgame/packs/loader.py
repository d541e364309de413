"""Turn pack folders into validated models, with every problem naming file, line and field.

Loading has three stages: read each YAML file safely (with line numbers), validate it against
its schema model, then check references across files (ids, expressions) once packs are merged.
A pack is first only indexed (`index_pack`: pack.yaml and its scenarios, enough to list them)
and read in full (`complete_pack`) when something needs it, so that a huge pack costs nothing
until one of its scenarios is played or the pack is validated.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from councilgame.model import EventFile, Manifest, Scenario
from councilgame.packs import cache
from councilgame.packs.errors import PackError, Problem, field_path
from councilgame.packs.files import FOLDER_FILES, LIBRARY_FILES, MAX_PACK_FILES
from councilgame.packs.yamlsource import MAX_FILE_BYTES, Located, YamlError

LIBRARY_KINDS = ("dimensions", "gauges", "members", "organisations", "clauses")


@dataclass
class Item:
    """A model and where it came from."""

    model: BaseModel
    file: str
    path: tuple[str | int, ...]


@dataclass
class PackFiles:
    """One pack folder, read and validated file by file (not yet linked to others)."""

    root: Path
    manifest: Manifest
    library: dict[str, dict[str, Item]] = field(default_factory=dict)
    model: Item | None = None
    scenarios: dict[str, Item] = field(default_factory=dict)
    events: dict[str, list[Item]] = field(default_factory=dict)
    located: dict[str, Located] = field(default_factory=dict)
    digest: str = ""
    files: list[Path] = field(default_factory=list)  # every YAML file, as listed when indexed
    complete: bool = False  # every file read (not only pack.yaml and the scenarios)
    early: dict[Path, bytes] = field(default_factory=dict)  # what indexing read, for the digest

    @property
    def id(self) -> str:
        return self.manifest.id

    def line(self, file: str, path: tuple[str | int, ...]) -> int:
        loc = self.located.get(file)
        return loc.line_of(path) if loc else 1


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _pydantic_problems(exc: ValidationError, file: str, located: Located) -> list[Problem]:
    problems = []
    for err in exc.errors():
        loc = _data_path(located.data, err["loc"])
        msg = err["msg"]
        if err["type"] == "extra_forbidden":
            msg = "unknown field (check its spelling against the schema)"
        elif err["type"] == "missing":
            msg = "required field is missing"
        problems.append(Problem(file, located.line_of(loc), field_path(loc), msg))
    return problems


def _data_path(data: object, loc: tuple) -> tuple[str | int, ...]:
    """Keep the parts of a pydantic location that are real keys or indexes in the data."""
    out: list[str | int] = []
    cur: Any = data
    for part in loc:
        in_dict = isinstance(cur, dict) and part in cur
        in_list = isinstance(cur, list) and isinstance(part, int) and part < len(cur)
        if in_dict or in_list:
            out.append(part)
            cur = cur[part]
        elif isinstance(cur, dict) and isinstance(part, str) and not part[:1].isupper():
            out.append(part)  # a missing or unknown key: name it
            cur = None
    return tuple(out)


def _bytes(path: Path, problems: list[Problem]) -> bytes | None:
    """The file's bytes, read at most one past the size limit (a pack is content from anywhere)."""
    try:
        with path.open("rb") as f:
            return f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        problems.append(Problem(_display(path), 1, "", f"cannot read the file: {exc.strerror}"))
        return None


def _read(path: Path, model: type[BaseModel], problems: list[Problem], data: bytes):
    shown = _display(path)
    if len(data) > MAX_FILE_BYTES:
        problems.append(Problem(shown, 1, "", f"the file is larger than {MAX_FILE_BYTES // 1000} kB"))
        return None, None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem(shown, 1, "", f"cannot read the file: {exc}"))
        return None, None
    try:
        return _validate(shown, model, cache.parsed(data, text), problems)
    except YamlError as exc:
        problems.append(Problem(shown, exc.line, field_path(exc.path), str(exc)))
        return None, None


def _validate(shown: str, model: type[BaseModel], located: Located, problems: list[Problem]):
    if not isinstance(located.data, dict):
        problems.append(Problem(shown, 1, "", "the file must hold a mapping (key: value lines)"))
        return None, located
    try:
        return model.model_validate(located.data), located
    except ValidationError as exc:
        problems.extend(_pydantic_problems(exc, shown, located))
        return None, located


LINKS_REFUSED = "links outside the pack are refused"


def _linked(path: Path, root: Path) -> bool:
    """A link, or a file reached through a linked folder: it may lead anywhere (/etc/shadow)."""
    return path.is_symlink() or not path.resolve().is_relative_to(root.resolve())


def read_pack(root: Path) -> PackFiles:
    """Read and validate every file of one pack folder; raise PackError listing all problems."""
    problems: list[Problem] = []
    pack = _open(root, problems)
    _read_rest(pack, problems)
    if problems:
        raise PackError(problems)
    return pack


def index_pack(root: Path) -> tuple[PackFiles, list[Problem]]:
    """pack.yaml and the scenarios only (enough to list them), and their problems; raise
    PackError when there is no manifest to index."""
    problems: list[Problem] = []
    pack = _open(root, problems)
    return pack, problems


def complete_pack(pack: PackFiles) -> None:
    """Read the rest of an indexed pack (library, model, events); raise PackError on problems."""
    problems: list[Problem] = []
    _read_rest(pack, problems)
    if problems:
        raise PackError(problems)


def _open(root: Path, problems: list[Problem]) -> PackFiles:
    """The manifest, the list of files, and the scenario files."""
    manifest_path = root / "pack.yaml"
    if not manifest_path.is_file():
        raise PackError([Problem(_display(manifest_path), 1, "", "a pack needs a pack.yaml")])
    if _linked(manifest_path, root):  # before reading: an error must not echo another file
        raise PackError([Problem(_display(manifest_path), 1, "", LINKS_REFUSED)])
    data = _bytes(manifest_path, problems) or b""
    manifest, loc = _read(manifest_path, Manifest, problems, data)
    if manifest is None:
        raise PackError(problems)
    pack = PackFiles(root, manifest)
    pack.located[_display(manifest_path)] = loc
    pack.early[manifest_path] = data
    pack.files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".yaml", ".yml"))
    if len(pack.files) > MAX_PACK_FILES:
        raise PackError([Problem(_display(root), 1, "", f"more than {MAX_PACK_FILES} files")])
    for path in pack.files:
        if _is_scenario(path, root) and not _linked(path, root):
            raw = _bytes(path, problems)
            if raw is not None:
                pack.early[path] = raw
                _read_one(pack, root, path, problems, raw)
    return pack


def _is_scenario(path: Path, root: Path) -> bool:
    rel = path.relative_to(root).parts
    return len(rel) == 2 and rel[0] == "scenarios"


def _read_rest(pack: PackFiles, problems: list[Problem]) -> None:
    """Every file indexing did not read; the digest of them all, in the order of their names."""
    digest = hashlib.sha256()
    for path in pack.files:
        if _linked(path, pack.root):
            problems.append(Problem(_display(path), 1, "", LINKS_REFUSED))
            continue
        data = pack.early.get(path)
        if data is None:
            data = _bytes(path, problems)
            if data is None:
                continue
            _read_one(pack, pack.root, path, problems, data)
        digest.update(path.relative_to(pack.root).as_posix().encode() + b"\0" + data)
    pack.digest = digest.hexdigest()[:16]
    pack.early = {}
    pack.complete = True


def _read_one(pack: PackFiles, root: Path, path: Path, problems: list[Problem], data: bytes) -> None:
    rel = path.relative_to(root)
    shown = _display(path)
    if rel.as_posix() == "pack.yaml":
        return
    if len(rel.parts) == 1 and rel.name in LIBRARY_FILES:
        model, loc = _read(path, LIBRARY_FILES[rel.name], problems, data)
        if loc:
            pack.located[shown] = loc
        if model is None:
            return
        kind = rel.stem
        if kind == "model":
            pack.model = Item(model, shown, ())
            return
        bucket = pack.library.setdefault(kind, {})
        for i, entry in enumerate(getattr(model, kind)):
            key = entry.code if kind == "members" else entry.id
            if key in bucket:
                problems.append(Problem(shown, loc.line_of((kind, i)), f"{kind}[{i}]",
                                        f"duplicate id {key!r}"))
            bucket[key] = Item(entry, shown, (kind, i))
        return
    if len(rel.parts) == 2 and rel.parts[0] in FOLDER_FILES:
        model, loc = _read(path, FOLDER_FILES[rel.parts[0]], problems, data)
        if loc:
            pack.located[shown] = loc
        if isinstance(model, Scenario):
            if model.id in pack.scenarios:
                problems.append(Problem(shown, loc.line_of(("id",)), "id",
                                        f"duplicate scenario id {model.id!r}"))
            pack.scenarios[model.id] = Item(model, shown, ())
        elif isinstance(model, EventFile):
            for i, ev in enumerate(model.events):
                pack.events.setdefault(model.scenario, []).append(Item(ev, shown, ("events", i)))
        return
    problems.append(Problem(shown, 1, "", "not a known pack file (see docs/pack-format.md)"))
