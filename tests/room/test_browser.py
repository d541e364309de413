"""The join page in a real browser (issue 16): headless Chromium (Debian's `chromium`, driven by
Playwright) opens the page the host serves, types a seat's code, and the seat joins the room;
the page fetches nothing from outside this machine. Skips, saying why, where Chromium or
Playwright is absent. The screenshot is kept in the test's folder (BROWSER_SHOT to keep it)."""

from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path

import pytest

from councilgame.room.webpage import start_page
from tests.room.test_room import codes_by_seat, open_room

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine (apt-get install chromium)"),
]


async def test_a_student_joins_from_a_browser_with_a_code(tmp_path):
    playwright_api = pytest.importorskip("playwright.async_api", reason="Playwright is not installed")
    room, server, port = await open_room(tmp_path, players={"FRA": "Ana", "RUS": "Ben"})
    runner, web_port = await start_page("127.0.0.1", port, "127.0.0.1", 0)
    requests: list[str] = []
    try:
        async with playwright_api.async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = await browser.new_page(viewport={"width": 1280, "height": 800})
            page.on("request", lambda r: requests.append(r.url))
            await page.goto(f"http://127.0.0.1:{web_port}/")
            start = page.locator("#start")
            if await start.is_visible():  # textual-serve's intro: Start opens the session
                await start.click()
            await page.wait_for_selector("#terminal canvas, #terminal .xterm-screen", timeout=60_000)
            await asyncio.sleep(5)  # the join screen starts in a process of its own and draws
            await page.locator("#terminal").click()
            await page.keyboard.type(codes_by_seat(room)["FRA"])
            await page.keyboard.press("Enter")
            for _ in range(200):
                if any(c.seat == "FRA" for c in server.connections):
                    break
                await asyncio.sleep(0.1)
            await asyncio.sleep(3)  # the seat's first state is drawn
            shot = Path(os.environ.get("BROWSER_SHOT", tmp_path / "join-page.png"))
            await page.screenshot(path=str(shot))
            await browser.close()
        assert any(c.seat == "FRA" for c in server.connections), "the browser's seat joined"
        assert requests and all(u.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:"))
                                for u in requests), [u for u in requests if "127.0.0.1" not in u]
        assert shot.stat().st_size > 10_000
    finally:
        await runner.cleanup()
        await server.close()
