"""Serve an ASGI application with uvicorn in a thread, for tests.

The one helper behind every test that needs a real ASGI server on
loopback (the serving, WebSocket and fault suites, the ASGI examples).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn


@contextmanager
def serve_asgi(asgi: Any, lifespan: str = "auto") -> Iterator[str]:
    """Serve ``asgi`` on a free port of 127.0.0.1 until the block ends;
    gives ``"127.0.0.1:PORT"``."""
    config = uvicorn.Config(
        asgi, host="127.0.0.1", port=0, log_level="warning", lifespan=lifespan
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
