"""Shared fixtures: the built-in packs, the test pack, and a stable environment."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from councilgame.engine.compiled import compile_bundle
from councilgame.packs.discovery import search_path
from councilgame.packs.registry import builtin_dir, load_packs

FIXTURES = Path(__file__).parent / "fixtures"
TEST_PACKS = FIXTURES / "packs"

# Every test reads packs from their files (the bundle cache has tests of its own, in a folder of
# their own); set before any fixture, and inherited by the CLI processes tests start.
os.environ["COUNCILGAME_CACHE"] = "off"


@pytest.fixture(autouse=True)
def _stable_env(monkeypatch):
    for name in ("NO_COLOR", "TEXTUAL_THEME", "TEXTUAL_ANIMATIONS", "TEXTUAL_FPS",
                 "COUNCILGAME_PACKS"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def packset():
    return load_packs([builtin_dir(), TEST_PACKS])


@pytest.fixture(scope="session")
def snap_packset():
    """core, sahel and the test pack only, so that new built-in scenarios do not change
    the snapshots of screens that list scenarios."""
    return load_packs([builtin_dir() / "core", builtin_dir() / "sahel", builtin_dir() / "tutorial",
                       TEST_PACKS])


@pytest.fixture(scope="session")
def sahel(packset):
    return compile_bundle(packset.bundle("sahel"))


@pytest.fixture(scope="session")
def testland(packset):
    return compile_bundle(packset.bundle("testland"))


def builtin_packset():
    return load_packs(search_path())
