"""Time the scenarios of one framework in this process, by wall-clock time
or, with ``--clock cpu``, by this thread's CPU time.

    python tools/bench/measure.py flask|flaskish|werkzeug [--seconds S] [--clock C]
    python tools/bench/measure.py --serve flask|flaskish|werkzeug

The first form times every scenario once, one after the other, and prints
JSON: ``{name: {"family": family, "us": microseconds per request}}``
(``werkzeug``: the werkzeug-only hello app, as "hello").

The second is a worker for ``run.py``: it builds its scenarios once, prints
``{"ready": {name: family}}`` on a line, then answers each line
``{"name": ..., "seconds": S, "clock": C}`` read from stdin with
``{"name": ..., "us": ...}`` (or ``{"error": ...}``), until stdin closes.
The ``werkzeug`` worker times each scenario's library floor
(``library_work.py``) under the scenario's name, and the werkzeug-only
hello app as ``WERKZEUG_APP``.
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
from typing import IO

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


WERKZEUG_APP = "werkzeug app (hello)"


def time_step(step: Callable[[], Any], seconds: float, clock: str = "wall") -> float:
    """Microseconds per call of ``step``, from a loop that runs about
    ``seconds`` of ``clock`` after 50 calls of warm-up."""
    now = CLOCKS[clock]
    for _ in range(50):
        step()
    count = 0
    batch = 50
    started = now()
    elapsed = 0.0
    while elapsed < seconds:
        for _ in range(batch):
            step()
        count += batch
        elapsed = now() - started
    return elapsed / count * 1e6


def scenario_step(scenario: scenarios.Scenario) -> Callable[[], Any]:
    """One request of ``scenario``, checked once for its expected status."""
    make_environ = scenario.environ_factory()
    app = scenario.app
    status, body = _call(app, make_environ())
    if int(status.split()[0]) != scenario.expected_status:
        raise SystemExit(f"{scenario.name}: got {status}, body {body[:200]!r}")

    def step() -> Any:
        return _call(app, make_environ())

    return step


def time_scenario(
    scenario: scenarios.Scenario, seconds: float, clock: str = "wall"
) -> float:
    """Microseconds per request of ``scenario``."""
    return time_step(scenario_step(scenario), seconds, clock)


def worker_steps(framework: str) -> dict[str, tuple[str, Callable[[], Any]]]:
    """What the worker of ``framework`` times: name -> (family, step)."""
    if framework == "werkzeug":
        import library_work

        floor = scenarios.werkzeug_floor()
        steps = {WERKZEUG_APP: (floor.family, scenario_step(floor))}
        steps.update((name, ("", step)) for name, step in library_work.floors().items())
        return steps
    suite = scenarios.build(importlib.import_module(framework))
    return {s.name: (s.family, scenario_step(s)) for s in suite}


def serve(framework: str, requests: IO[str], answers: IO[str]) -> None:
    """Answer timing requests, one JSON line each, until ``requests`` ends."""
    steps = worker_steps(framework)

    def send(message: dict[str, Any]) -> None:
        answers.write(json.dumps(message) + "\n")
        answers.flush()

    send({"ready": {name: family for name, (family, _) in steps.items()}})
    for line in requests:
        request = json.loads(line)
        name = request["name"]
        if name not in steps:
            send({"error": f"{framework} has no scenario {name!r}"})
            continue
        us = time_step(steps[name][1], request["seconds"], request["clock"])
        send({"name": name, "us": us})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("framework", choices=["flask", "flaskish", "werkzeug"])
    parser.add_argument("--seconds", type=float, default=0.25)
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="wall")
    parser.add_argument(
        "--serve",
        action="store_true",
        help="time on request, as run.py's worker (JSON lines on stdin/stdout)",
    )
    args = parser.parse_args()
    if args.serve:
        # Only the protocol goes to stdout; anything an app prints, to stderr.
        answers = sys.stdout
        sys.stdout = sys.stderr
        serve(args.framework, sys.stdin, answers)
        return
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
