"""Time every scenario on one framework, in this process; print JSON:
``{name: {"family": family, "us": microseconds per request}}``, of
wall-clock time or, with ``--clock cpu``, of this thread's CPU time.

Run by ``run.py`` in a fresh process per framework and round, so neither
framework's imports or caches affect the other's numbers.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scenarios


def _call(app: Any, environ: dict[str, Any]) -> tuple[str, bytes]:
    status: list[str] = []

    def start_response(status_line: str, headers: Any, exc_info: Any = None) -> Any:
        status.append(status_line)
        return None

    iterable = app(environ, start_response)
    try:
        body = b"".join(iterable)
    finally:
        close = getattr(iterable, "close", None)
        if close is not None:
            close()
    return status[0], body


CLOCKS: dict[str, Callable[[], float]] = {
    # Wall-clock time, and the CPU time of this thread: on a machine busy
    # with other work the second leaves out the time the process waited
    # for a core (not what contention does to caches).
    "wall": time.perf_counter,
    "cpu": time.thread_time,
}


def time_scenario(
    scenario: scenarios.Scenario, seconds: float, clock: str = "wall"
) -> float:
    """Microseconds per request, from a loop that runs about ``seconds`` of
    ``clock``."""
    now = CLOCKS[clock]
    make_environ = scenario.environ_factory()
    app = scenario.app
    status, body = _call(app, make_environ())
    if int(status.split()[0]) != scenario.expected_status:
        raise SystemExit(f"{scenario.name}: got {status}, body {body[:200]!r}")
    for _ in range(50):
        _call(app, make_environ())
    count = 0
    batch = 50
    started = now()
    elapsed = 0.0
    while elapsed < seconds:
        for _ in range(batch):
            _call(app, make_environ())
        count += batch
        elapsed = now() - started
    return elapsed / count * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("framework", choices=["flask", "flaskish", "werkzeug"])
    parser.add_argument("--seconds", type=float, default=0.25)
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="wall")
    args = parser.parse_args()
    if args.framework == "werkzeug":
        suite = [scenarios.werkzeug_floor()]
    else:
        suite = scenarios.build(importlib.import_module(args.framework))
    timings = {
        s.name: {"family": s.family, "us": time_scenario(s, args.seconds, args.clock)}
        for s in suite
    }
    print(json.dumps(timings))


if __name__ == "__main__":
    main()
