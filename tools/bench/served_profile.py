"""Where the time goes in a served worker: granian's, one worker, hello.

    python tools/bench/served_profile.py [--seconds S] [--apps A ...] [--py-spy]

For each app (``hello_app.create_app``'s names) and each granian
configuration of ``serve.py``, under wrk's load, it reads from ``/proc``
the CPU time of every thread of the worker process and their context
switches, and wrk's own CPU time, and divides by the requests served.
The app is wrapped in ``hello_app.Timed`` (``BENCH_TIMING``), which sums
inside the worker the time spent in the app's call, so a request's CPU
time splits into: the app; the rest of the Python thread that called it
(granian's WSGI glue: the environ, the call, handing the response over,
taking the GIL, waiting for the next request); and granian's Rust I/O
threads (HTTP parsing and socket writes). Per request it also counts the
context switches of the worker's threads (all, and those where a thread
was preempted) and the write system calls of the request threads: they
write to sockets never, so each is a write to the eventfd that wakes the
Rust I/O thread. CPU times do not depend on the machine's other load as
much as requests per second do, but they do include what contention
adds (cache misses, GIL hand-offs).

With ``--py-spy``, the Python thread of the worker is also sampled while
it holds the GIL (py-spy ``--gil --native``, without the timing wrapper):
the share of samples in the app, in granian's Python glue, and in native
code under it (the ``write`` that wakes the Rust runtime thread).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import resource
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import serve  # noqa: E402

APPS = ("wsgi", "werkzeug", "flaskish", "flask")
CONFIGS = (serve.GRANIAN, serve.GRANIAN_DEFAULT)
LABELS = {"wsgi": "bare WSGI", "werkzeug": "werkzeug"}


@dataclass
class ThreadTimes:
    cpu_ns: int
    switches: int
    involuntary: int
    writes: int  # write system calls (sockets, and the eventfd that wakes a thread)


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found.extend(int(child) for child in text)
    return found


def _status_field(status: str, name: str) -> int:
    match = re.search(rf"^{name}:\s+(\d+)", status, re.MULTILINE)
    if match is None:
        raise RuntimeError(f"no {name} in /proc status")
    return int(match.group(1))


def _thread_times(pid: int) -> dict[int, ThreadTimes]:
    """CPU time (nanoseconds on CPU, from schedstat) and context switches
    of every thread of ``pid``."""
    times = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            on_cpu = int((task / "schedstat").read_text().split()[0])
            status = (task / "status").read_text()
            io = (task / "io").read_text()
        except (FileNotFoundError, ProcessLookupError):
            continue
        voluntary = _status_field(status, "voluntary_ctxt_switches")
        involuntary = _status_field(status, "nonvoluntary_ctxt_switches")
        writes = _status_field(io, "syscw")
        times[int(task.name)] = ThreadTimes(
            on_cpu, voluntary + involuntary, involuntary, writes
        )
    return times


def _delta(
    before: dict[int, ThreadTimes], after: dict[int, ThreadTimes], tids: set[int]
) -> ThreadTimes:
    total = ThreadTimes(0, 0, 0, 0)
    for tid in tids:
        end = after.get(tid)
        if end is None:
            continue
        start = before.get(tid, ThreadTimes(0, 0, 0, 0))
        total.cpu_ns += end.cpu_ns - start.cpu_ns
        total.switches += end.switches - start.switches
        total.involuntary += end.involuntary - start.involuntary
        total.writes += end.writes - start.writes
    return total


def _wrk_requests(out: str) -> int:
    return int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]


def _run_wrk(port: int, seconds: float, server: serve.Server) -> tuple[str, float]:
    """wrk's report and the CPU seconds wrk used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(
        [
            "wrk",
            f"-t{server.wrk_threads}",
            f"-c{server.connections}",
            f"-d{max(1, int(seconds))}s",
            f"http://127.0.0.1:{port}/",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return out, used


def _read_timing(path: Path) -> dict[str, object]:
    for _ in range(50):
        try:
            return dict(json.loads(path.read_text()))
        except (FileNotFoundError, json.JSONDecodeError):
            time.sleep(0.1)
    raise RuntimeError(f"the timed app wrote nothing to {path}")


def cpu_breakdown(server: serve.Server, app: str, seconds: float) -> dict[str, float]:
    """Per-request figures of ``app`` served by ``server`` (microseconds)."""
    with tempfile.TemporaryDirectory() as folder:
        timing_path = Path(folder) / "timing.json"
        serving = serve.Serving(server, app, {"BENCH_TIMING": str(timing_path)})
        with serving as port:
            assert serving.process is not None
            (worker,) = _children(serving.process.pid)
            _run_wrk(port, 1, server)  # warm-up; also spawns granian's threads
            time.sleep(0.2)  # let the last write of Timed land
            timing_before = _read_timing(timing_path)
            threads_before = _thread_times(worker)
            out, wrk_cpu = _run_wrk(port, seconds, server)
            threads_after = _thread_times(worker)
            time.sleep(0.2)
            timing_after = _read_timing(timing_path)
    requests = _wrk_requests(out)
    python_threads = set(timing_after["threads"])  # type: ignore[call-overload]
    others = set(threads_after) - python_threads
    python = _delta(threads_before, threads_after, python_threads)
    rust = _delta(threads_before, threads_after, others)
    calls = int(timing_after["calls"]) - int(timing_before["calls"])  # type: ignore[call-overload]
    app_cpu = (int(timing_after["cpu_ns"]) - int(timing_before["cpu_ns"])) / calls  # type: ignore[call-overload]
    app_wall = (int(timing_after["wall_ns"]) - int(timing_before["wall_ns"])) / calls  # type: ignore[call-overload]
    result = serve.parse_wrk(out, "")
    return {
        "requests_per_second": result.requests_per_second,
        "errors": result.errors,
        "python_threads": len(python_threads),
        "app_wall_us": app_wall / 1000,
        "app_cpu_us": app_cpu / 1000,
        "python_thread_cpu_us": python.cpu_ns / requests / 1000,
        "glue_cpu_us": python.cpu_ns / requests / 1000 - app_cpu / 1000,
        "rust_threads_cpu_us": rust.cpu_ns / requests / 1000,
        "worker_cpu_us": (python.cpu_ns + rust.cpu_ns) / requests / 1000,
        "switches_per_request": (python.switches + rust.switches) / requests,
        "involuntary_per_request": (python.involuntary + rust.involuntary) / requests,
        "wakes_per_request": python.writes / requests,
        "wrk_cpu_us": wrk_cpu / requests * 1e6,
    }


APP_FILES = ("hello_app.py", "flaskish", "flask/", "werkzeug/")
# py-spy's categories, in the order printed.
CATEGORIES = {
    "app": "in the app's call",
    "glue": "granian's Python glue (wsgi.py) outside the app",
    "native call": "granian's native code under the WSGI call",
    "wake": "write() to the eventfd that wakes the Rust I/O thread",
    "native": "granian's native code outside the WSGI call (taking the GIL)",
}


def _category(stack: str) -> str:
    frames = stack.split(";")
    runner = next(
        (i for i, frame in enumerate(frames) if "granian/wsgi.py" in frame), None
    )
    if runner is None:
        return "native"
    below = frames[runner + 1 :]
    if any(name in frame for frame in below for name in APP_FILES):
        return "app"
    if below and below[-1].startswith("write "):
        return "wake"
    if any(".so)" in frame for frame in below):
        return "native call"
    return "glue"


def py_spy_available() -> bool:
    """Whether py-spy is installed beside this Python (the bench group)."""
    return Path(sys.executable).with_name("py-spy").exists()


def py_spy_profile(server: serve.Server, app: str, seconds: float) -> dict[str, float]:
    """Share of the GIL-holding samples of the worker in each category."""
    with tempfile.TemporaryDirectory() as folder:
        raw = Path(folder) / "raw.txt"
        serving = serve.Serving(server, app)
        with serving as port:
            assert serving.process is not None
            (worker,) = _children(serving.process.pid)
            load = subprocess.Popen(
                [
                    "wrk",
                    f"-t{server.wrk_threads}",
                    f"-c{server.connections}",
                    f"-d{int(seconds) + 2}s",
                    f"http://127.0.0.1:{port}/",
                ],
                stdout=subprocess.DEVNULL,
            )
            time.sleep(1)
            subprocess.run(
                [
                    str(Path(sys.executable).with_name("py-spy")),
                    "record",
                    "--pid",
                    str(worker),
                    "--duration",
                    str(int(seconds)),
                    "--rate",
                    "250",
                    "--gil",
                    "--native",
                    "--format",
                    "raw",
                    "--output",
                    str(raw),
                ],
                check=True,
                capture_output=True,
            )
            load.wait()
        counts: Counter[str] = Counter()
        for line in raw.read_text().splitlines():
            stack, _, count = line.rpartition(" ")
            counts[_category(stack)] += int(count)
    total = sum(counts.values())
    return {name: count / total for name, count in counts.most_common()}


def wake_cost(count: int = 2000) -> dict[str, float]:
    """Microseconds of an eventfd write that wakes a thread asleep in epoll
    (what granian's request thread does when its I/O thread sleeps), and of
    one that wakes nobody: median and mean of ``count`` writes each."""
    fd = os.eventfd(0, os.EFD_NONBLOCK)
    idle = os.eventfd(0, os.EFD_NONBLOCK)
    poller = select.epoll()
    poller.register(fd, select.EPOLLIN)
    done = threading.Event()

    def sleeper() -> None:
        while not done.is_set():
            poller.poll(1.0)
            with contextlib.suppress(BlockingIOError):
                os.eventfd_read(fd)

    thread = threading.Thread(target=sleeper)
    thread.start()
    waking, plain = [], []
    try:
        for _ in range(count):
            time.sleep(0.0005)  # the sleeper is back in epoll_wait
            started = time.perf_counter_ns()
            os.eventfd_write(fd, 1)
            waking.append(time.perf_counter_ns() - started)
            started = time.perf_counter_ns()
            os.eventfd_write(idle, 1)
            plain.append(time.perf_counter_ns() - started)
    finally:
        done.set()
        os.eventfd_write(fd, 1)
        thread.join()
        poller.close()
        os.close(fd)
        os.close(idle)
    return {
        "waking_median_us": statistics.median(waking) / 1000,
        "waking_mean_us": statistics.mean(waking) / 1000,
        "plain_median_us": statistics.median(plain) / 1000,
    }


COLUMNS = (
    ("req/s", "requests_per_second", ".0f"),
    ("threads", "python_threads", ".0f"),
    ("app wall", "app_wall_us", ".1f"),
    ("app CPU", "app_cpu_us", ".1f"),
    ("glue CPU", "glue_cpu_us", ".1f"),
    ("Rust I/O", "rust_threads_cpu_us", ".1f"),
    ("worker", "worker_cpu_us", ".1f"),
    ("switches", "switches_per_request", ".2f"),
    ("preempted", "involuntary_per_request", ".2f"),
    ("wakes", "wakes_per_request", ".2f"),
    ("wrk", "wrk_cpu_us", ".1f"),
)


def report(
    seconds: float, apps: tuple[str, ...], with_py_spy: bool, rounds: int = 3
) -> dict[str, object]:
    """Print the breakdown for every configuration and app (medians of
    ``rounds`` runs, apps alternating); return it."""
    figures: dict[str, object] = {}
    for server in CONFIGS:
        runs: dict[str, list[dict[str, float]]] = {app: [] for app in apps}
        for _ in range(rounds):
            for app in apps:
                runs[app].append(cpu_breakdown(server, app, seconds))
        print(
            f"\nInside the served worker: {server.label}"
            f" ({' '.join(server.options) or 'granian defaults'}),"
            f" wrk -t{server.wrk_threads} -c{server.connections}, median of"
            f" {rounds} runs of {seconds:.0f}s; microseconds per request\n"
        )
        print(f"{'app':<12}" + "".join(f"{title:>10}" for title, _, _ in COLUMNS))
        rows = {}
        for app in apps:
            row = {
                key: statistics.median(run[key] for run in runs[app])
                for key in runs[app][0]
            }
            rows[app] = row
            cells = "".join(format(row[key], f">10{fmt}") for _, key, fmt in COLUMNS)
            print(f"{LABELS.get(app, app):<12}{cells}")
        figures[server.label] = rows
    wake = wake_cost()
    figures["eventfd wake"] = wake
    print(
        "\nan eventfd write waking a thread asleep in epoll:"
        f" median {wake['waking_median_us']:.1f} us, mean"
        f" {wake['waking_mean_us']:.1f} us; waking nobody:"
        f" {wake['plain_median_us']:.1f} us"
    )
    if with_py_spy and shutil.which("wrk"):
        print(
            "\npy-spy: where the worker holds the GIL (--gil --native, share of"
            f" samples, {seconds:.0f}s)\n"
        )
        print(f"{'':<34}" + "".join(f"{name:>12}" for name in CATEGORIES))
        profiles = {}
        for server in CONFIGS:
            for app in apps:
                try:
                    shares = py_spy_profile(server, app, seconds)
                except subprocess.CalledProcessError as error:
                    # py-spy needs ptrace rights on the worker (root, or
                    # kernel.yama.ptrace_scope 0).
                    print(f"py-spy could not sample the worker: {error.stderr!r}")
                    return figures
                profiles[f"{server.label}: {app}"] = shares
                label = f"{server.label}: {LABELS.get(app, app)}"
                cells = "".join(
                    format(shares.get(name, 0.0), ">12.0%") for name in CATEGORIES
                )
                print(f"{label:<34}{cells}")
        for name, meaning in CATEGORIES.items():
            print(f"  {name}: {meaning}")
        figures["py-spy"] = profiles
    return figures


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--apps", nargs="+", default=list(APPS), choices=APPS)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--py-spy", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the figures there")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is not installed", file=sys.stderr)
        return 1
    figures = report(args.seconds, tuple(args.apps), args.py_spy, args.rounds)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
