"""A real `prfaq serve` server on 127.0.0.1 for the tests (uvicorn in a thread, a free port)."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.config import Settings

GOOD_DOC = """# Tally cuts shelf restocking from 90 minutes to 10 for independent grocers

Independent grocers get a shelf count every morning without walking the aisles.

SEATTLE — May 4, 2027 — Today we announced Tally, a tablet app that counts shelves from photos. It is very easy
to use and it will significantly reduce the time spent on restocking, which many grocers find painful.

## Problem
Owners of one to five stores spend 90 minutes a day counting shelves by hand.

## FAQ
**Q: How much does it cost?**
A: $49 per store per month.
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RunningServer:
    def __init__(self, home: Path, settings: Settings | None = None) -> None:
        """Offline unless `settings` say otherwise (e.g. the fake model's `llm_settings`)."""
        import uvicorn

        from assistant.config import load_settings
        from assistant.serve.app import create_app
        from assistant.serve.store import DocumentStore

        self.settings = settings or load_settings(offline=True)
        self.store = DocumentStore(home / "documents.db")
        self.port = free_port()
        config = uvicorn.Config(create_app(self.settings, self.store), host="127.0.0.1", port=self.port,
                                log_level="error")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> RunningServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the server did not start")
            time.sleep(0.05)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.store.close()
