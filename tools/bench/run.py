"""Benchmark flaskish against Flask in one run; print every figure.

    python tools/bench/run.py [--rounds N] [--seconds S] [--clock wall|cpu] [--no-server]
        [--server-seconds S] [--server-rounds N] [--no-profile] [--no-py-spy]
        [--no-asgi] [--no-websocket] [--save PATH]

In-process WSGI calls give the per-request figures: one long-lived worker
per framework and one for the library floor (``measure.py --serve``,
driven by ``pairing.py``) time each scenario back to back in every round,
there and back, the order alternating from round to round; microseconds are medians of the
N rounds, ratios medians of the per-round ratios. Beside each scenario, its
library floor (``library_work.py``: the work of the libraries both
frameworks call), the bound it sets (library/Flask) and the ratio of the
frameworks' own work; then the spread of each family's ratios. Then:
import time, and memory of a process with the hello app loaded.

End to end, the hello app of each framework is served on loopback and
loaded by wrk (``loadgen.py`` when wrk is missing), beside two references:
the werkzeug-only hello app (the floor for a framework built on
werkzeug's Request and Response) and a bare WSGI callable (what a
framework costing nothing would reach). First under granian (WSGI
interface, one worker), with one blocking thread and with granian's
default thread pool; then under gunicorn (two sync workers). Medians of
alternating rounds; errors are wrk's socket errors plus non-2xx answers.
``served_profile.py`` then splits the CPU time of a request inside the
granian worker (the app, granian's Python glue, its Rust I/O threads) and,
with py-spy, samples where the worker holds the GIL.

Last, the ASGI figures of ``asgi_bench.py`` (in-process hello against
Quart and Starlette, concurrency and requests per second under uvicorn),
the WebSocket echo figure of ``websocket_bench.py``, and one summary table
of every figure with its target and verdict.

The WSGI figures are also written as JSON to ``--save`` (``results.json``
beside this file by default), which the documentation draws its charts from.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import importlib.metadata
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import pairing  # noqa: E402
import serve  # noqa: E402
from measure import WERKZEUG_APP  # noqa: E402
from summary import family_verdict  # noqa: E402
from summary import Summary  # noqa: E402
from summary import verdict  # noqa: E402

# The target ratio (flaskish / Flask, per request) of each scenario family:
# every scenario of a family must meet it (see scenarios.py).
TARGETS = {
    "hello": 0.20,
    "path variable": 0.30,
    "JSON": 0.30,
    "200 routes": 0.30,
    "404": 0.30,
    "render_template": 0.40,
    "render_template_string": 0.10,
    "session": 0.35,
    "form": 0.35,
    "blueprint": 0.30,
    "async view": 0.10,
    "hooks": 0.30,
}
IMPORT_TARGET = 0.6  # import time, flaskish / Flask
RSS_TARGET = 0.8  # RSS of a hello process, flaskish / Flask
GRANIAN_TARGET = 2.5  # requests per second under granian, flaskish / Flask
GUNICORN_TARGET = 1.3  # the same under gunicorn

SERVED = ("flask", "flaskish", "werkzeug", "wsgi")
SERVED_LABELS = {"wsgi": "bare WSGI"}
RESULTS = HERE / "results.json"


def _versions() -> dict[str, str]:
    names = ("flaskish", "flask", "werkzeug", "jinja2", "granian", "gunicorn")
    return {name: importlib.metadata.version(name) for name in names}


def _save(path: Path, results: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nresults written to {path}")


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

# The peak RSS of this process's own memory: VmHWM from /proc, which exec
# starts afresh. Linux carries ru_maxrss over exec from the process that
# forked, so it would report the benchmark's own RSS whenever that is larger.
MEMORY_PROBE = """
import resource
import {fw}
app = {fw}.Flask("hello")
@app.route("/")
def hello():
    return "Hello, World!"
app.test_client().get("/")
try:
    with open("/proc/self/status") as status:
        peak = next(line for line in status if line.startswith("VmHWM:"))
    print(int(peak.split()[1]) / 1024)
except OSError:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def _in_process(
    rounds: int, seconds: float, clock: str, results: dict[str, Any], summary: Summary
) -> None:
    """Time every scenario on both frameworks and its library floor, paired
    (see pairing.py); print one row per scenario, then the spread of each
    family's ratios."""
    with contextlib.ExitStack() as stack:
        workers = {
            framework: stack.enter_context(pairing.Worker(framework))
            for framework in pairing.FRAMEWORKS
        }
        families = workers["flaskish"].families
        samples = pairing.paired_rounds(
            workers,
            list(families),
            rounds,
            seconds,
            clock,
            extra=[("werkzeug", WERKZEUG_APP)],
        )

    print(
        f"\nIn-process WSGI, {rounds} rounds ({clock} us/request). In each round"
        " Flask, flaskish and the library floor time a scenario back to back,"
        "\nthere and back (A B C C B A), the order alternating from round to"
        " round; us are medians, ratio, bound and own medians of the per-round"
        " ratios.\n"
        "library: the shared libraries' work alone (library_work.py);"
        " bound = library/Flask; own = (flaskish-library)/(Flask-library)\n"
    )
    print(
        f"{'scenario':<34}{'Flask':>9}{'flaskish':>9}{'ratio':>7}{'target':>7}"
        f"{'library':>9}{'bound':>7}{'own':>7}"
    )
    by_family: dict[str, list[tuple[pairing.Figures, str]]] = {f: [] for f in TARGETS}
    for name, family in families.items():
        figures = pairing.figures(samples, name)
        target = TARGETS[family]
        result = verdict(figures.ratio, target, bound=figures.bound)
        by_family[family].append((figures, result))
        results["in_process_us"][name] = {
            "flask": figures.flask_us,
            "flaskish": figures.flaskish_us,
            "family": family,
            "target_ratio": target,
            "ratio": figures.ratio,
            "library": figures.library_us,
            "bound": figures.bound,
            "own_ratio": figures.own_ratio,
            # Per round, in round order: what the ratios are medians of.
            "rounds": {
                side: samples[framework].get(name, [])
                for side, framework in (
                    ("flask", "flask"),
                    ("flaskish", "flaskish"),
                    ("library", "werkzeug"),
                )
            },
        }
        print(
            f"{name:<34}{figures.flask_us:>9.1f}{figures.flaskish_us:>9.1f}"
            f"{figures.ratio:>7.2f}{target:>7.2f}{_cell(figures.library_us, 9, 1)}"
            f"{_cell(figures.bound, 7, 2)}{_cell(figures.own_ratio, 7, 2)}  {result}"
        )
    floor = statistics.median(samples["werkzeug"][WERKZEUG_APP])
    print(f"{'werkzeug floor (hello app)':<34}{'':>9}{floor:>9.1f}")
    results["werkzeug_floor_us"] = floor
    results["ratio_method"] = "median of per-round ratios, frameworks paired"

    print("\nSpread of each family: flaskish/Flask over its scenarios\n")
    print(
        f"{'family':<26}{'scenarios':>10}{'min':>8}{'max':>8}{'target':>8}"
        f"{'max bound':>11}"
    )
    results["families"] = {}
    for family, rows in by_family.items():
        target = TARGETS[family]
        values = [figures.ratio for figures, _ in rows]
        bounds = [f.bound for f, _ in rows if f.bound is not None]
        max_bound = max(bounds) if bounds else None
        result = family_verdict([row_verdict for _, row_verdict in rows])
        results["families"][family] = {
            "scenarios": len(values),
            "min_ratio": min(values),
            "max_ratio": max(values),
            "target_ratio": target,
            "max_bound": max_bound,
        }
        print(
            f"{family:<26}{len(values):>10}{min(values):>8.2f}{max(values):>8.2f}"
            f"{target:>8.2f}{_cell(max_bound, 11, 2)}  {result}"
        )
        summary.spread(
            f"in process: {family} ({len(values)})",
            min(values),
            max(values),
            target,
            result,
        )


def _cell(value: float | None, width: int, digits: int) -> str:
    return f"{'-':>{width}}" if value is None else f"{value:>{width}.{digits}f}"


def _start_up(results: dict[str, Any], summary: Summary) -> None:
    flask_import = _python_probe(IMPORT_PROBE.format(fw="flask"), 7)
    ours_import = _python_probe(IMPORT_PROBE.format(fw="flaskish"), 7)
    flask_mem = _python_probe(MEMORY_PROBE.format(fw="flask"), 3)
    ours_mem = _python_probe(MEMORY_PROBE.format(fw="flaskish"), 3)
    results["import_ms"] = {"flask": flask_import, "flaskish": ours_import}
    results["rss_mib"] = {"flask": flask_mem, "flaskish": ours_mem}
    print()
    for label, flask_value, ours, target in (
        ("import time (ms)", flask_import, ours_import, IMPORT_TARGET),
        ("hello process RSS (MiB)", flask_mem, ours_mem, RSS_TARGET),
    ):
        ratio = ours / flask_value
        print(
            f"{label:<34}{flask_value:>10.1f}{ours:>10.1f}{ratio:>8.2f}{target:>8.2f}"
            f"  {verdict(ratio, target)}"
        )
        summary.check(f"{label}, flaskish vs Flask", flask_value, ours, target)


def _served(
    server: serve.Server, rounds: int, seconds: float
) -> tuple[dict[str, float], dict[str, int], str]:
    """Median requests per second and total errors of every served app."""
    runs = serve.rounds(server, SERVED, rounds, seconds)
    rps = {
        app: statistics.median(r.requests_per_second for r in runs[app])
        for app in SERVED
    }
    errors = {app: sum(r.errors for r in runs[app]) for app in SERVED}
    print(
        f"\nEnd to end: {server.label}"
        f" ({' '.join(server.options) or 'its defaults'}), loopback,"
        f" {runs['flask'][0].tool}, median of {rounds} runs of {seconds:.0f}s\n"
    )
    print(f"{'app':<12}{'req/s':>10}{'errors':>8}{'/ Flask':>9}")
    for app in SERVED:
        print(
            f"{SERVED_LABELS.get(app, app):<12}{rps[app]:>10.0f}{errors[app]:>8}"
            f"{rps[app] / rps['flask']:>9.2f}"
        )
    return rps, errors, runs["flask"][0].tool


def _end_to_end(
    args: argparse.Namespace, results: dict[str, Any], summary: Summary
) -> None:
    results["granian"] = {}
    configs = (
        (serve.GRANIAN, GRANIAN_TARGET),
        (serve.GRANIAN_DEFAULT, None),
        (serve.GUNICORN, GUNICORN_TARGET),
    )
    for server, target in configs:
        rps, errors, tool = _served(server, args.server_rounds, args.server_seconds)
        entry = {
            "options": list(server.options),
            "tool": tool,
            "seconds": args.server_seconds,
            "rounds": args.server_rounds,
            "requests_per_second": rps,
            "errors": errors,
        }
        if server is serve.GUNICORN:
            results["server"] = entry
        else:
            results["granian"][server.label] = entry
        figure = f"{server.label}: flaskish vs Flask, req/s"
        if target is None:
            summary.info(figure, rps["flask"], rps["flaskish"], fmt=".0f")
        else:
            summary.check(
                figure, rps["flask"], rps["flaskish"], target, True, fmt=".0f"
            )
        total = sum(errors.values())
        summary.condition(
            f"{server.label}: errors, all four apps", str(total), total == 0, "0"
        )
        for app, label in (("werkzeug", "werkzeug-only app"), ("wsgi", "bare WSGI")):
            summary.info(
                f"{server.label}: {label} vs Flask, req/s",
                rps["flask"],
                rps[app],
                fmt=".0f",
            )


def _note_load(load: dict[str, float], summary: Summary) -> None:
    cores = os.cpu_count() or 1
    summary.notes.append(
        f"load average: {load['start']:.1f} at the start, {load['end']:.1f} at the"
        f" end of the WSGI figures, on {cores} cores"
    )
    if max(load.values()) > cores:
        summary.notes.append(
            "the machine was busy with other work: wall-clock figures, the"
            " end-to-end ones most, are not comparable with a quiet run's"
        )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=0.25)
    parser.add_argument(
        "--clock",
        choices=("wall", "cpu"),
        default="wall",
        help="time in-process scenarios by wall-clock or by the thread's CPU"
        " time (steadier on a machine busy with other work)",
    )
    parser.add_argument(
        "--no-server",
        action="store_true",
        help="skip the end-to-end figures (granian, gunicorn, the served profile)",
    )
    parser.add_argument("--server-seconds", type=float, default=5.0)
    parser.add_argument(
        "--server-rounds",
        type=int,
        default=3,
        help="runs per app and server, apps alternating; the median is reported",
    )
    parser.add_argument(
        "--no-profile",
        action="store_true",
        help="skip the CPU breakdown inside the served worker (served_profile.py)",
    )
    parser.add_argument(
        "--no-py-spy",
        action="store_true",
        help="skip py-spy's sampling of the served worker",
    )
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
    args = parser.parse_args()
    results: dict[str, Any] = {
        "date": datetime.date.today().isoformat(),
        "python": platform.python_version(),
        "versions": _versions(),
        "arguments": sys.argv[1:],
        "load_average": {"start": os.getloadavg()[0]},
        "clock": args.clock,
        "in_process_us": {},
    }
    summary = Summary()
    _in_process(args.rounds, args.seconds, args.clock, results, summary)
    _start_up(results, summary)
    if not args.no_server:
        _end_to_end(args, results, summary)
        if not args.no_profile and shutil.which("wrk"):
            import served_profile

            py_spy = not args.no_py_spy and served_profile.py_spy_available()
            results["served_profile"] = served_profile.report(
                args.server_seconds, served_profile.APPS, py_spy, args.server_rounds
            )
    results["load_average"]["end"] = os.getloadavg()[0]
    _note_load(results["load_average"], summary)
    _save(args.save, results)
    if not args.no_asgi:
        import asgi_bench

        asgi_bench.report(args.rounds, args.seconds, args.server_seconds, summary)
    if not args.no_websocket:
        import websocket_bench

        websocket_bench.report()
    summary.show()
    return 0


if __name__ == "__main__":
    sys.exit(main())
