"""Safe YAML reading that remembers the line of every value, so errors can name it.

Only a `yaml.SafeLoader` is used: tags that would build Python objects are refused. Files and
documents are size-limited, because a pack is content from anywhere.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import yaml

MAX_FILE_BYTES = 1_000_000
MAX_NODES = 200_000
MAX_INT_BITS = 1023  # beyond this an integer has no float value (every number feeds a float)

Path_ = tuple[str | int, ...]


class YamlError(ValueError):
    """A file that is not valid YAML, or not a kind of YAML a pack may hold."""

    def __init__(self, message: str, line: int = 1, path: Path_ = ()):
        super().__init__(message)
        self.line = line
        self.path = path


@dataclass
class Located:
    """A parsed document and the line (1-based) where each path inside it starts."""

    data: object
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """The line of `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


def load_text(text: str) -> Located:
    """Parse one YAML document safely, with line numbers."""
    if len(text.encode("utf-8", "replace")) > MAX_FILE_BYTES:
        raise YamlError(f"the file is larger than {MAX_FILE_BYTES // 1000} kB")
    try:
        node = yaml.compose(text, Loader=COMPOSER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlError(f"not valid YAML: {exc.problem or exc}", line) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"not valid YAML: {exc}") from None
    located = Located(None)
    if node is None:
        located.data = {}
        return located
    counter = [0]
    located.data = _build(node, (), located.lines, counter)
    return located


_Y = "tag:yaml.org,2002:"
_STR = _Y + "str"
_ALLOWED_TAGS = {_Y + t for t in ("str", "int", "float", "bool", "null", "map", "seq")}
_NOT_IMPLICIT = {_Y + "bool", _Y + "timestamp"}


class PackLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans: only true/false are booleans, so `on:`, `off:`,
    `yes` and `no` (a ballot!) stay strings, as an author means them; dates stay strings."""


PackLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _NOT_IMPLICIT]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
PackLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)

# libyaml's parser when PyYAML has it (about ten times faster), with the same resolvers
_Base = getattr(yaml, "CSafeLoader", None) if getattr(yaml, "__with_libyaml__", False) else None


class _FastPackLoader(_Base or yaml.SafeLoader):  # type: ignore[misc]
    """PackLoader's rules on libyaml's parser."""


_FastPackLoader.yaml_implicit_resolvers = PackLoader.yaml_implicit_resolvers
COMPOSER = _FastPackLoader if _Base else PackLoader

_SCALAR = PackLoader("")


def _build(node: yaml.Node, path: Path_, lines: dict[Path_, int], counter: list[int]) -> object:
    counter[0] += 1
    if counter[0] > MAX_NODES:
        raise YamlError(f"the document has more than {MAX_NODES} values", node.start_mark.line + 1)
    lines.setdefault(path, node.start_mark.line + 1)
    if node.tag not in _ALLOWED_TAGS:
        raise YamlError(f"cannot read value: the tag {node.tag!r} is not allowed in a pack",
                        node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[object, object] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlError("YAML merge keys (<<) are not supported", key_node.start_mark.line + 1)
            key = _build(key_node, path, {}, counter)
            if not isinstance(key, str | int | float | bool):
                raise YamlError("a mapping key must be a plain value", key_node.start_mark.line + 1)
            if key in out:
                raise YamlError(f"duplicate key {key!r}", key_node.start_mark.line + 1)
            out[key] = _build(value_node, path + (str(key),), lines, counter)
            lines[path + (str(key),)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(v, path + (i,), lines, counter) for i, v in enumerate(node.value)]
    if node.tag == _STR:  # most values: the constructor would return node.value, slowly
        return node.value
    line = node.start_mark.line + 1
    try:
        value = _SCALAR.construct_object(node, deep=True)
    except yaml.YAMLError as exc:
        raise YamlError(f"cannot read value: {str(exc).splitlines()[0]}", line, path) from None
    except ValueError:  # Python refuses to convert an integer of more than 4,300 digits
        raise YamlError(_TOO_LARGE, line, path) from None
    return _finite(value, line, path)


_TOO_LARGE = "the number is too large (a pack's numbers must fit in a float)"


def _finite(value: object, line: int, path: Path_) -> object:
    """Refuse what would poison the game's arithmetic: NaN and infinities (`.nan`, `.inf`,
    `1.0e+999`) and integers too large for a float, which also cannot be printed back."""
    if isinstance(value, float) and not math.isfinite(value):
        raise YamlError(f"{value} is not a finite number (.nan and .inf are not allowed in a pack)",
                        line, path)
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > MAX_INT_BITS:
        raise YamlError(_TOO_LARGE, line, path)
    return value


def scalar(text: str) -> str:
    """`text` as one YAML scalar on one line that reads back as `text`, quoted where YAML needs
    it (`A: B`, `# x`, `- x`, `yes`, `123`): for filling values into the pack template."""
    out = yaml.safe_dump(text, allow_unicode=True, width=float("inf"))
    if "\n" in out.removesuffix("\n...\n").removesuffix("\n"):  # a line break: one escaped line
        out = yaml.safe_dump(text, allow_unicode=True, width=float("inf"), default_style='"')
    return out.removesuffix("\n...\n").removesuffix("\n")
