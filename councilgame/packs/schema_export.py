"""The pack schema for editors (JSON Schema) and for people (a Markdown field reference)."""

from __future__ import annotations

import types
import typing

from pydantic import BaseModel

from councilgame.packs.files import FOLDER_FILES, LIBRARY_FILES

SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"


def file_models() -> dict[str, type[BaseModel]]:
    """Kind of pack file -> its model: pack, dimensions, ..., scenario, events."""
    kinds = {name.removesuffix(".yaml"): model for name, model in LIBRARY_FILES.items()}
    kinds["scenario"] = FOLDER_FILES["scenarios"]
    kinds["events"] = FOLDER_FILES["events"]
    return kinds


def json_schemas() -> dict[str, dict]:
    out = {}
    for kind, model in file_models().items():
        schema = model.model_json_schema()
        schema["$schema"] = SCHEMA_URL
        schema["title"] = f"councilgame pack file: {kind}"
        out[kind] = schema
    return out


def _type_name(annotation) -> str:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _type_name(args[0])
    if origin in (list, tuple):
        return f"list of {_type_name(args[0])}" if args else "list"
    if origin is dict:
        return f"mapping of {_type_name(args[0])} to {_type_name(args[1])}"
    if origin in (typing.Union, types.UnionType):
        names = [_type_name(a) for a in args if a is not type(None)]
        text = " or ".join(names)
        return text + (" (optional)" if type(None) in args else "")
    if origin is typing.Literal:
        return " | ".join(repr(a) for a in args)
    if isinstance(annotation, type) and hasattr(annotation, "__members__"):
        return " | ".join(m.value for m in annotation.__members__.values())  # an enum: its words
    return getattr(annotation, "__name__", str(annotation))


def models_in(root: type[BaseModel], seen: list) -> list[type[BaseModel]]:
    if root in seen:
        return seen
    seen.append(root)
    for field in root.model_fields.values():
        stack = [field.annotation]
        while stack:
            t = stack.pop()
            stack.extend(typing.get_args(t))
            if isinstance(t, type) and issubclass(t, BaseModel):
                models_in(t, seen)
    return seen


def field_reference() -> str:
    """Every field of every pack file, as Markdown tables (docs/authoring.md embeds this)."""
    lines = []
    seen: list = []
    for kind, model in file_models().items():
        for m in models_in(model, []):
            if m in seen:
                continue
            seen.append(m)
            title = f"`{kind}` file" if m is model else f"`{m.__name__}`"
            lines += [f"### {title}", ""]
            doc = (m.__doc__ or "").strip().splitlines()
            if doc:
                lines += [doc[0], ""]
            lines += ["| field | type | default | description |", "|---|---|---|---|"]
            for name, f in m.model_fields.items():
                default = "required" if f.is_required() else (
                    "" if f.default_factory is not None else repr(f.default))
                desc = (f.description or "").replace("|", "\\|").replace("\n", " ")
                lines.append(f"| `{name}` | {_type_name(f.annotation)} | {default} | {desc} |")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
