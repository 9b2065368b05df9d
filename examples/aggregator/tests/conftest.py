from __future__ import annotations

import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aggregator import create_app
from upstream_stub import create_app as create_stub


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(asgi: Any) -> Iterator[str]:
    """Serve ``asgi`` with uvicorn on a free loopback port until the test ends."""
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(asgi, host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture
def serve() -> Iterator[Any]:
    """Start a uvicorn server for an ASGI app; all stop when the test ends."""
    running: list[Iterator[str]] = []

    def start(asgi: Any) -> str:
        served = _serve(asgi)
        running.append(served)
        return next(served)

    yield start
    for served in running:
        for _ in served:  # runs its shutdown
            pass


@pytest.fixture
def stub() -> Any:
    return create_stub(delay=0.2)


@pytest.fixture
def upstream_url(stub: Any) -> Iterator[str]:
    yield from _serve(stub.asgi_app)


@pytest.fixture
def service_url(upstream_url: str) -> Iterator[str]:
    yield from _serve(create_app(upstream_url).asgi_app)
