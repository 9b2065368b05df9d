from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from asgi_server import serve_asgi

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aggregator import create_app
from upstream_stub import create_app as create_stub


def _serve(asgi: Any) -> Iterator[str]:
    """Serve ``asgi`` with uvicorn on a free loopback port until the test ends."""
    with serve_asgi(asgi) as address:
        yield f"http://{address}"


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
