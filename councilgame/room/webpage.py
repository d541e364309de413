"""The join screen as a web page, for students with nothing installed: textual-serve runs
`councilgame join` (which asks for the seat's code) for each browser tab that opens the page,
and streams it to the tab. Its JavaScript, stylesheet and font ship inside the textual-serve
package; the page template here is textual-serve's with the font served from this host, so the
page fetches nothing from outside the host."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from aiohttp import web
from textual_serve.server import Server

TEMPLATES = Path(__file__).parent / "web"


class JoinPage(Server):
    """textual-serve's server, without its banner (the host prints its own card), and with the
    page's links made from the address the browser used (a room bound to 0.0.0.0 is reached
    at the host's address on the seminar's network, not at 0.0.0.0)."""

    async def on_startup(self, app: web.Application) -> None:
        return None

    async def handle_index(self, request: web.Request):
        self.public_url = f"{request.scheme}://{request.host}"  # read before the next await
        return await super().handle_index(request)


def join_command(room_host: str, room_port: int) -> str:
    """The shell command each browser tab runs: this Python, this package, the room."""
    return f"{shlex.quote(sys.executable)} -m councilgame join {shlex.quote(f'{room_host}:{room_port}')}"


async def start_page(room_host: str, room_port: int, bind: str, port: int) -> tuple[web.AppRunner, int]:
    """Serve the join page on bind:port (0: any free port); the runner, to clean up when the
    room closes, and the port."""
    page = JoinPage(join_command(room_host, room_port), host=bind, port=port,
                    title="councilgame: seminar room", templates_path=TEMPLATES)
    runner = web.AppRunner(await page._make_app())  # textual-serve 1.1 builds its app here
    await runner.setup()
    await web.TCPSite(runner, bind, port).start()
    return runner, int(runner.addresses[0][1])
