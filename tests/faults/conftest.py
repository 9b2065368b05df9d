"""Fixtures of the fault suite: the transport, and a check that nothing leaks."""

from __future__ import annotations

import asyncio
import gc
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from flaskish import Flask
from flaskish import has_app_context
from flaskish import has_request_context
from flaskish_routing.async_bridge import thread_event_loop

from .transports import Transport
from .transports import TRANSPORTS


@pytest.fixture(params=TRANSPORTS, ids=lambda transport: transport.name)
def transport(request: pytest.FixtureRequest) -> Transport:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def app() -> Flask:
    """An app in production mode (errors become 500 pages) with a healthy route."""
    app = Flask("faults", root_path=str(Path(__file__).parent))
    app.config["SECRET_KEY"] = "faults"

    @app.route("/ok")
    def ok() -> str:
        return "ok"

    return app


def _open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


def _snapshot() -> dict[str, Any]:
    gc.collect()
    return {
        "threads": set(threading.enumerate()),
        "files": _open_files() if os.path.isdir("/proc/self/fd") else 0,
    }


@pytest.fixture
def no_leaks() -> Iterator[None]:
    """Fail the test if it leaves threads, open files, asyncio tasks or a
    pushed context behind."""
    before = _snapshot()
    yield
    after = _snapshot()
    assert not has_request_context()
    assert not has_app_context()
    assert after["threads"] - before["threads"] == set()
    assert after["files"] == before["files"]
    assert not asyncio.all_tasks(thread_event_loop())
