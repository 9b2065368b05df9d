"""Instructions per request inside granian's worker, counted by callgrind.

    python tools/bench/served_instructions.py [--requests N] [--apps A ...]

Wall-clock and CPU figures move with the machine's other load; counts of
executed instructions do not. Each app is served by granian (one worker,
one blocking thread: the ``serve.GRANIAN`` configuration) under valgrind's
callgrind, one output file per thread, and sent exactly N and then 2N
requests (four keep-alive connections); the difference of the two runs,
divided by N, is what one request costs in each thread, start-up and
shutdown cancelling out. The same app is counted the same way in process,
called directly with the benchmark's environ (``scenarios.Scenario``), so
the two figures of the request thread compare the app as served with the
app alone. Callgrind counts user-space instructions only: the kernel's
work (socket reads and writes, futex and eventfd wake-ups, context
switches) is not in these figures; ``served_profile.py``'s CPU times have
it. Needs valgrind; takes about two minutes per app.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import serve  # noqa: E402

APPS = ("wsgi", "werkzeug", "flaskish", "flask")
LABELS = {"wsgi": "bare WSGI", "werkzeug": "werkzeug"}
CONNECTIONS = 4
PYTHON_FRAME = "_PyEval_EvalFrameDefault"


def _valgrind(out: Path) -> list[str]:
    return [
        "valgrind",
        "--tool=callgrind",
        "--separate-threads=yes",
        f"--callgrind-out-file={out}/cg.%p",
    ]


def _send(port: int, requests: int) -> None:
    """``requests`` GETs of ``/`` over ``CONNECTIONS`` keep-alive connections."""
    failures: list[str] = []

    def client(count: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        try:
            for _ in range(count):
                connection.request("GET", "/")
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    failures.append(str(response.status))
        finally:
            connection.close()

    threads = [
        threading.Thread(target=client, args=(requests // CONNECTIONS,))
        for _ in range(CONNECTIONS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise RuntimeError(f"requests failed: {failures[:5]}")


def _wait_for_port(port: int, timeout: float) -> None:
    """Until the server accepts connections (without sending a request,
    which would be counted)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def _running(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"  # a zombie has exited


def _stop(server: subprocess.Popen[bytes]) -> None:
    """Stop the worker, then granian's supervisor. Under valgrind the
    worker's first SIGTERM (the supervisor's, or ours) leaves it running,
    so it is sent until the worker exits and writes its counts."""
    workers = [
        int(pid)
        for task in Path(f"/proc/{server.pid}/task").iterdir()
        for pid in (task / "children").read_text().split()
    ]
    deadline = time.monotonic() + 300
    while alive := [pid for pid in workers if _running(pid)]:
        if time.monotonic() > deadline:
            raise RuntimeError("granian's worker did not stop under valgrind")
        for pid in alive:
            os.kill(pid, signal.SIGTERM)
        time.sleep(5)
    server.terminate()
    try:
        server.wait(timeout=60)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def _totals(path: Path) -> int:
    match = re.search(r"^totals:\s+(\d+)", path.read_text(errors="replace"), re.M)
    return int(match.group(1)) if match else 0


def _served_run(app: str, requests: int) -> dict[str, int]:
    """Instructions of the worker's threads over a run of ``requests``:
    ``python`` (threads that ran Python code, but the main one), ``rust``
    (the others: granian's runtime), ``main`` (the worker's main thread)."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        port = serve._free_port()
        env = {**os.environ, "BENCH_APP": app, "PYTHONHASHSEED": "0"}
        server = subprocess.Popen(
            [*_valgrind(out), *serve.GRANIAN.command(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait_for_port(port, timeout=600)
            _send(port, requests)
        finally:
            _stop(server)
        counts = {"python": 0, "rust": 0, "main": 0}
        for path in out.glob("cg.*-*"):
            pid, thread = path.name[3:].split("-")
            if int(pid) == server.pid:
                continue  # granian's supervising process
            if thread == "01":
                counts["main"] += _totals(path)
            elif PYTHON_FRAME in path.read_text(errors="replace"):
                counts["python"] += _totals(path)
            else:
                counts["rust"] += _totals(path)
        return counts


IN_PROCESS = """
import importlib, sys
sys.path.insert(0, {here!r})
import hello_app, measure, scenarios
app = hello_app.create_app({app!r})
make = scenarios.Scenario("hello", app, "/").environ_factory()
for _ in range(int(sys.argv[1])):
    measure._call(app, make())
"""


def _in_process_run(app: str, requests: int) -> int:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        code = IN_PROCESS.format(here=str(HERE), app=app)
        subprocess.run(
            [*_valgrind(out), sys.executable, "-c", code, str(requests)],
            check=True,
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        return sum(_totals(path) for path in out.glob("cg.*"))


def count(app: str, requests: int) -> dict[str, float]:
    """Instructions per request of ``app``: served (by thread) and in process."""
    once, twice = _served_run(app, requests), _served_run(app, 2 * requests)
    served = {key: (twice[key] - once[key]) / requests for key in once}
    alone = (
        _in_process_run(app, 2 * requests) - _in_process_run(app, requests)
    ) / requests
    return {**served, "in_process": alone}


def report(apps: tuple[str, ...], requests: int) -> dict[str, dict[str, float]]:
    print(
        f"\nInstructions per request (callgrind, user space; {requests} and"
        f" {2 * requests} requests): granian {' '.join(serve.GRANIAN.options)}\n"
    )
    print(
        f"{'app':<12}{'in process':>12}{'request thr.':>14}{'difference':>12}"
        f"{'Rust I/O':>10}{'main thr.':>11}"
    )
    figures = {}
    for app in apps:
        row = count(app, requests)
        figures[app] = row
        print(
            f"{LABELS.get(app, app):<12}{row['in_process']:>12,.0f}"
            f"{row['python']:>14,.0f}{row['python'] - row['in_process']:>12,.0f}"
            f"{row['rust']:>10,.0f}{row['main']:>11,.0f}"
        )
    return figures


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--apps", nargs="+", default=list(APPS), choices=APPS)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed", file=sys.stderr)
        return 1
    report(tuple(args.apps), args.requests)
    return 0


if __name__ == "__main__":
    sys.exit(main())
