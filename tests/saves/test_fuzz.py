"""Fuzzing (issue 12): damaged saves driven through the parser, the store's listing and loading,
and the command line's replay; nothing but a one-sentence refusal may come out."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from councilgame import commands
from councilgame.cli import main
from councilgame.saves import SaveError, SaveStore, load_game
from councilgame.saves.format import parse

from .test_saves import valid_save_text_cached

WRONG = [None, True, -1, 2**70, 1.5e308, "x", "", [], {}, [None], {"a": [1]}]


def one_sentence(message: str) -> bool:
    return "\n" not in message and message.rstrip().endswith((".", ")")) and len(message) < 400


def field_paths(doc, prefix: tuple = ()):
    """Every place in a JSON document: keys of objects, the first items of lists."""
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield (*prefix, k)
            yield from field_paths(v, (*prefix, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc[:3]):
            yield (*prefix, i)
            yield from field_paths(v, (*prefix, i))


def replaced(doc, path: tuple, value):
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(doc, dict):
        return {**doc, head: replaced(doc[head], rest, value)}
    out = list(doc)
    out[head] = replaced(doc[head], rest, value)
    return out


def check_bytes(raw: bytes, comp) -> None:
    """Parse and load: a game, or SaveError with one sentence."""
    try:
        load_game(parse(raw, "f.json"), comp)
    except SaveError as exc:
        assert one_sentence(str(exc)), str(exc)


def test_wrong_types_in_every_field_are_refused_with_a_sentence(sahel, tmp_path):
    doc = json.loads(valid_save_text_cached(sahel))
    paths = list(field_paths(doc))
    assert len(paths) > 60
    for n, path in enumerate(paths):
        for k, bad in enumerate(WRONG):
            raw = json.dumps(replaced(doc, path, bad)).encode()
            check_bytes(raw, sahel)
            if (n + k) % 7 == 0:  # a sample goes into the folder, for the listing below
                (tmp_path / f"{n}-{k}.json").write_bytes(raw)
    entries = SaveStore(tmp_path).entries()
    assert entries and all(e.readable or one_sentence(e.error) for e in entries)


@pytest.fixture(scope="module")
def cached_packset():
    return commands._packset([])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_truncated_and_bit_flipped_saves_through_store_and_cli(sahel, cached_packset, tmp_path_factory,
                                                              monkeypatch, capsys, data):
    raw = bytearray(valid_save_text_cached(sahel).encode())
    if data.draw(st.booleans(), label="truncate"):
        raw = raw[: data.draw(st.integers(0, len(raw) - 1), label="at")]
    for _ in range(data.draw(st.integers(0, 6), label="flips")):
        i = data.draw(st.integers(0, len(raw) - 1), label="byte") if raw else 0
        if raw:
            raw[i] ^= 1 << data.draw(st.integers(0, 7), label="bit")
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "game.json"
    path.write_bytes(bytes(raw))
    entries = SaveStore(folder).entries()
    assert len(entries) == 1 and (entries[0].readable or one_sentence(entries[0].error))
    check_bytes(bytes(raw), sahel)
    monkeypatch.setattr(commands, "_packset", lambda extra: cached_packset)
    rc = main(["replay", str(path), "--json"])
    err = capsys.readouterr().err
    assert rc in (0, 1)
    if rc == 1:
        assert err.startswith("councilgame: ") and err.count("\n") <= 2, err  # refusal (+ warning)


def test_fuzzed_folder_never_stops_the_listing(sahel, tmp_path):
    """A folder of damaged copies: listing, newest and the CLI's `saves list` all finish."""
    text = valid_save_text_cached(sahel).encode()
    for i in range(0, len(text), max(1, len(text) // 40)):
        (tmp_path / f"cut-{i}.json").write_bytes(text[:i])
    (tmp_path / "whole.json").write_bytes(text)
    store = SaveStore(tmp_path)
    assert store.newest().path.name == "whole.json"
    assert main(["saves", "list", "--saves", str(tmp_path), "--json"]) == 0
