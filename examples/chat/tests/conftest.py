from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from asgi_server import serve_asgi

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from chat import create_app


@pytest.fixture
def served() -> Iterator[str]:
    """The chat app under uvicorn on a free port of 127.0.0.1 (host:port)."""
    with serve_asgi(create_app().asgi_app) as address:
        yield address
