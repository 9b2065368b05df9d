"""Microseconds per in-process ASGI request to ``/`` of one framework; JSON.

    python tools/bench/asgi_measure.py flaskish|quart|starlette [--seconds S]

The request is driven as a server would: one ``http`` scope, a ``receive``
giving an empty body, a ``send`` collecting the messages; all on one event
loop, one request at a time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from asgi_apps import FACTORIES

SCOPE = {
    "type": "http",
    "asgi": {"version": "3.0", "spec_version": "2.3"},
    "http_version": "1.1",
    "method": "GET",
    "scheme": "http",
    "path": "/",
    "raw_path": b"/",
    "root_path": "",
    "query_string": b"",
    "headers": [(b"host", b"localhost"), (b"user-agent", b"bench")],
    "client": ("127.0.0.1", 50000),
    "server": ("127.0.0.1", 8000),
    "state": {},
}


async def _one(app: Any) -> int:
    status = 0
    sent_request = False

    async def receive() -> dict[str, Any]:
        nonlocal sent_request
        if not sent_request:
            sent_request = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.Event().wait()  # no disconnect: wait until cancelled
        raise AssertionError

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(dict(SCOPE), receive, send)
    return status


async def _run(app: Any, seconds: float) -> float:
    if await _one(app) != 200:
        raise SystemExit("the hello request did not answer 200")
    for _ in range(200):
        await _one(app)
    best = float("inf")
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        t0 = time.perf_counter()
        for _ in range(200):
            await _one(app)
        best = min(best, (time.perf_counter() - t0) / 200 * 1e6)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("framework", choices=sorted(FACTORIES))
    parser.add_argument("--seconds", type=float, default=1.0)
    args = parser.parse_args()
    app = FACTORIES[args.framework]()
    print(json.dumps({"hello": asyncio.run(_run(app, args.seconds))}))


if __name__ == "__main__":
    main()
