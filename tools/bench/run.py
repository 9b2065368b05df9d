"""Benchmark flaskish against Flask in one run; print ratios.

    python tools/bench/run.py [--rounds N] [--seconds S] [--no-server] [--save PATH]

In-process WSGI calls give the per-request figures (median of N rounds,
each round a fresh process per framework, frameworks alternating). Then:
import time, memory of a process with the hello app loaded, and an
end-to-end figure with each framework under gunicorn (2 sync workers) on
loopback with a load generator in another process, and the same figure
for the werkzeug-only hello app (the floor for a framework built on
werkzeug's Request and Response) and for a bare WSGI callable: the most
any framework could reach there. Last, the ASGI figures of
``asgi_bench.py`` (in-process hello against Quart and Starlette,
concurrency and requests per second under uvicorn), and the WebSocket
echo figure of ``websocket_bench.py`` (1,000 connections against Quart).

The WSGI figures are also written as JSON to ``--save`` (``results.json``
beside this file by default), which the documentation draws its chart from.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import json
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import serve  # noqa: E402

# The target ratio (flaskish / Flask, per request) of each scenario family:
# every scenario of a family must meet it (see scenarios.py).
TARGETS = {
    "hello": 0.40,
    "path variable": 0.40,
    "JSON": 0.40,
    "200 routes": 0.40,
    "404": 0.40,
    "render_template": 0.70,
    "render_template_string": 0.10,
    "session": 0.50,
    "form": 0.50,
    "blueprint": 0.40,
    "async view": 0.10,
    "hooks": 0.40,
}

SERVED_LABELS = {"wsgi": "bare WSGI"}
RESULTS = HERE / "results.json"


def _versions() -> dict[str, str]:
    names = ("flaskish", "flask", "werkzeug", "jinja2", "gunicorn")
    return {name: importlib.metadata.version(name) for name in names}


def _save(path: Path, results: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nresults written to {path}")


def _measure(framework: str, seconds: float) -> dict[str, dict[str, Any]]:
    out = subprocess.run(
        [
            sys.executable,
            str(HERE / "measure.py"),
            framework,
            "--seconds",
            str(seconds),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return dict(json.loads(out.stdout))


def _python_probe(code: str, runs: int) -> float:
    # Measured as deployed: with bytecode caches, which installers write.
    # A warm-up run writes them even where PYTHONDONTWRITEBYTECODE is set
    # (otherwise every import would compile every module from source).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    command = [sys.executable, "-c", code]
    subprocess.run(command, check=True, capture_output=True, env=env)
    values = []
    for _ in range(runs):
        out = subprocess.run(
            command, check=True, capture_output=True, text=True, env=env
        )
        values.append(float(out.stdout.strip()))
    return statistics.median(values)


IMPORT_PROBE = """
import time
t = time.perf_counter()
import {fw}
print((time.perf_counter() - t) * 1000)
"""

MEMORY_PROBE = """
import resource
import {fw}
app = {fw}.Flask("hello")
@app.route("/")
def hello():
    return "Hello, World!"
app.test_client().get("/")
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def _verdict(ratio: float, target: float, lower_is_better: bool = True) -> str:
    ok = ratio <= target if lower_is_better else ratio >= target
    return "ok" if ok else "MISS"


def _in_process(rounds: int, seconds: float, results: dict[str, Any]) -> None:
    """Time every scenario on both frameworks and the werkzeug floor; print
    one row per scenario, then the spread of each family's ratios."""
    samples: dict[str, dict[str, list[float]]] = {
        "flask": {},
        "flaskish": {},
        "werkzeug": {},
    }
    families: dict[str, str] = {}
    for _ in range(rounds):
        for framework in ("flask", "flaskish", "werkzeug"):
            for name, timing in _measure(framework, seconds).items():
                samples[framework].setdefault(name, []).append(timing["us"])
                if framework != "werkzeug":
                    families[name] = timing["family"]

    print(f"\nIn-process WSGI, median of {rounds} rounds (us/request)\n")
    print(f"{'scenario':<34}{'Flask':>10}{'flaskish':>10}{'ratio':>8}{'target':>8}")
    ratios: dict[str, list[float]] = {family: [] for family in TARGETS}
    for name, family in families.items():
        flask_us = statistics.median(samples["flask"][name])
        ours = statistics.median(samples["flaskish"][name])
        ratio = ours / flask_us
        target = TARGETS[family]
        ratios[family].append(ratio)
        results["in_process_us"][name] = {
            "flask": flask_us,
            "flaskish": ours,
            "family": family,
            "target_ratio": target,
        }
        print(
            f"{name:<34}{flask_us:>10.1f}{ours:>10.1f}{ratio:>8.2f}{target:>8.2f}"
            f"  {_verdict(ratio, target)}"
        )
    floor = statistics.median(samples["werkzeug"]["hello"])
    print(f"{'werkzeug floor (hello)':<34}{'':>10}{floor:>10.1f}")
    results["werkzeug_floor_us"] = floor

    print("\nSpread of each family: flaskish/Flask over its scenarios\n")
    print(f"{'family':<26}{'scenarios':>10}{'min':>8}{'max':>8}{'target':>8}")
    results["families"] = {}
    for family, values in ratios.items():
        target = TARGETS[family]
        verdict = _verdict(max(values), target)
        results["families"][family] = {
            "scenarios": len(values),
            "min_ratio": min(values),
            "max_ratio": max(values),
            "target_ratio": target,
        }
        print(
            f"{family:<26}{len(values):>10}{min(values):>8.2f}{max(values):>8.2f}"
            f"{target:>8.2f}  {verdict}"
        )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=0.25)
    parser.add_argument(
        "--no-server", action="store_true", help="skip the gunicorn figure"
    )
    parser.add_argument("--server-seconds", type=float, default=5.0)
    parser.add_argument(
        "--save",
        type=Path,
        default=RESULTS,
        help="where to write the results as JSON (default: %(default)s)",
    )
    parser.add_argument(
        "--no-asgi", action="store_true", help="skip the ASGI figures (asgi_bench.py)"
    )
    parser.add_argument(
        "--no-websocket",
        action="store_true",
        help="skip the WebSocket echo figure (websocket_bench.py)",
    )
    parser.add_argument(
        "--server-rounds",
        type=int,
        default=3,
        help="gunicorn runs per app, alternating; the median is reported",
    )
    args = parser.parse_args()
    results: dict[str, Any] = {
        "date": datetime.date.today().isoformat(),
        "python": platform.python_version(),
        "versions": _versions(),
        "arguments": sys.argv[1:],
        "in_process_us": {},
    }

    _in_process(args.rounds, args.seconds, results)

    flask_import = _python_probe(IMPORT_PROBE.format(fw="flask"), 7)
    ours_import = _python_probe(IMPORT_PROBE.format(fw="flaskish"), 7)
    flask_mem = _python_probe(MEMORY_PROBE.format(fw="flask"), 3)
    ours_mem = _python_probe(MEMORY_PROBE.format(fw="flaskish"), 3)
    results["import_ms"] = {"flask": flask_import, "flaskish": ours_import}
    results["rss_mib"] = {"flask": flask_mem, "flaskish": ours_mem}
    print(
        f"\n{'import time (ms)':<26}{flask_import:>10.1f}{ours_import:>10.1f}{ours_import / flask_import:>8.2f}{1.0:>8.2f}  {_verdict(ours_import / flask_import, 1.0)}"
    )
    print(
        f"{'hello process RSS (MiB)':<26}{flask_mem:>10.1f}{ours_mem:>10.1f}{ours_mem / flask_mem:>8.2f}{1.0:>8.2f}  {_verdict(ours_mem / flask_mem, 1.0)}"
    )

    if not args.no_server:
        print(
            f"\nEnd to end: gunicorn, 2 sync workers, loopback, median of"
            f" {args.server_rounds} runs of {args.server_seconds:.0f}s of load\n"
        )
        served = ("flask", "flaskish", "werkzeug", "wsgi")
        runs: dict[str, list[serve.ServerResult]] = {fw: [] for fw in served}
        for _ in range(args.server_rounds):
            for fw in served:
                runs[fw].append(serve.measure(fw, args.server_seconds))
        rps = {
            fw: statistics.median(r.requests_per_second for r in runs[fw])
            for fw in served
        }
        for fw in served:
            label = SERVED_LABELS.get(fw, fw)
            errors = sum(r.errors for r in runs[fw])
            print(
                f"{label:<10}{rps[fw]:>10.0f} req/s  errors: {errors}  ({runs[fw][0].tool})"
            )
        results["server"] = {
            "tool": runs["flask"][0].tool,
            "seconds": args.server_seconds,
            "rounds": args.server_rounds,
            "requests_per_second": rps,
            "errors": {fw: sum(r.errors for r in runs[fw]) for fw in served},
        }
        flask_rps = rps["flask"]
        ratio = rps["flaskish"] / flask_rps
        print(
            f"flaskish/Flask requests per second: {ratio:.2f} (target >= 1.30)  {_verdict(ratio, 1.3, False)}"
        )
        floor_ratio = rps["werkzeug"] / flask_rps
        print(
            f"werkzeug/Flask requests per second: {floor_ratio:.2f} (Request + Map match + Response alone: the most a framework on werkzeug's objects reaches)"
        )
        ceiling = rps["wsgi"] / flask_rps
        print(
            f"bare WSGI/Flask requests per second: {ceiling:.2f} (what a framework costing nothing would reach)"
        )
    _save(args.save, results)
    if not args.no_asgi:
        import asgi_bench

        asgi_bench.report(args.rounds, args.seconds, args.server_seconds)
    if not args.no_websocket:
        import websocket_bench

        websocket_bench.report()
    return 0


if __name__ == "__main__":
    sys.exit(main())
