"""ASGI figures of the benchmark run (``run.py`` prints them; see its docstring).

- In-process hello, us/request: flaskish, Quart, Starlette, each in a fresh
  process (``asgi_measure.py``), median of the rounds.
- Concurrency under uvicorn (one worker): 500 simultaneous requests to an
  ``async def`` view awaiting ``asyncio.sleep(0.25)``, and 8 sync views
  blocking 0.25 s alongside 100 of the async ones; wall time from the first
  request sent to the last response read. Flask runs behind a2wsgi's
  WSGI-to-ASGI bridge (its default thread pool).
- uvicorn end to end: hello requests per second for each framework, with
  ``loadgen.py``.

The WebSocket figure is ``websocket_bench.py``'s, which ``run.py`` prints
after these.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import serve
from summary import Summary

HERE = Path(__file__).resolve().parent
FRAMEWORKS = ("flaskish", "quart", "starlette")


def in_process(rounds: int, seconds: float) -> dict[str, float]:
    samples: dict[str, list[float]] = {fw: [] for fw in FRAMEWORKS}
    for _ in range(rounds):
        for fw in FRAMEWORKS:
            out = subprocess.run(
                [
                    sys.executable,
                    str(HERE / "asgi_measure.py"),
                    fw,
                    "--seconds",
                    str(seconds),
                ],
                check=True,
                capture_output=True,
                text=True,
            )
            samples[fw].append(float(json.loads(out.stdout)["hello"]))
    return {fw: statistics.median(values) for fw, values in samples.items()}


class Uvicorn:
    """One uvicorn worker serving a factory of ``asgi_apps`` on loopback."""

    def __init__(self, framework: str) -> None:
        self.port = serve._free_port()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "--factory",
                f"asgi_apps:{framework}_app",
                "--app-dir",
                str(HERE),
                "--port",
                str(self.port),
                "--host",
                "127.0.0.1",
                "--log-level",
                "warning",
                "--no-access-log",
                "--backlog",
                "2048",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def __enter__(self) -> Uvicorn:
        try:
            serve._wait_until_serving(self.port)
        except RuntimeError:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


async def _get(port: int, path: str) -> bool:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()
    )
    data = await reader.read()
    writer.close()
    return data.startswith(b"HTTP/1.1 200")


async def _burst(port: int, paths: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    results = await asyncio.gather(
        *(_get(port, path) for path in paths), return_exceptions=True
    )
    elapsed = time.perf_counter() - started
    return elapsed, sum(result is not True for result in results)


def concurrency(framework: str) -> dict[str, tuple[float, int]]:
    """Seconds (and failed requests) of the two bursts on ``framework``."""
    with Uvicorn(framework) as server:
        asyncio.run(_burst(server.port, ["/sleep"] * 10))  # warm up
        sleeping = asyncio.run(_burst(server.port, ["/sleep"] * 500))
        mixed = asyncio.run(_burst(server.port, ["/block"] * 8 + ["/sleep"] * 100))
    return {"500 async": sleeping, "8 sync + 100 async": mixed}


def throughput(framework: str, seconds: float) -> serve.ServerResult:
    with Uvicorn(framework) as server:
        return serve._python_load(server.port, seconds)


def report(
    rounds: int,
    seconds: float,
    server_seconds: float,
    summary: Summary | None = None,
) -> int:
    """Print the ASGI figures (and add them to ``summary``); the number of
    targets missed."""
    misses = 0
    hello = in_process(rounds, seconds)
    print(
        f"\nIn-process ASGI hello (async def view), median of {rounds} rounds (us/request)\n"
    )
    for fw in FRAMEWORKS:
        print(f"{fw:<12}{hello[fw]:>10.1f}")
    for other, target in (("quart", 0.3), ("starlette", 1.5)):
        ratio = hello["flaskish"] / hello[other]
        verdict = "ok" if ratio <= target else "MISS"
        misses += verdict != "ok"
        print(f"flaskish/{other}: {ratio:.2f} (target <= {target})  {verdict}")
        if summary is not None:
            summary.check(
                f"ASGI in process: hello vs {other}",
                hello[other],
                hello["flaskish"],
                target,
            )

    print("\nConcurrency under uvicorn, one worker (seconds for the whole burst)\n")
    print(f"{'app':<12}{'500 async':>14}{'8 sync + 100 async':>22}")
    for fw in ("flaskish", "flask", "quart", "starlette"):
        figures = concurrency(fw)
        cells = []
        for name in ("500 async", "8 sync + 100 async"):
            elapsed, failed = figures[name]
            cells.append(f"{elapsed:.2f}" + (f" ({failed} failed)" if failed else ""))
        label = "flask+a2wsgi" if fw == "flask" else fw
        print(f"{label:<12}{cells[0]:>14}{cells[1]:>22}")
        if fw == "flaskish":
            for name in figures:
                elapsed, failed = figures[name]
                met = elapsed < 1.0 and not failed
                if not met:
                    misses += 1
                    print(f"  MISS: {name} took {elapsed:.2f}s (target < 1.0)")
                if summary is not None:
                    summary.condition(
                        f"uvicorn concurrency: {name}",
                        f"{elapsed:.2f}s" + (f", {failed} failed" if failed else ""),
                        met,
                        "< 1.00s",
                    )

    print(f"\nuvicorn end to end, hello, {server_seconds:.0f}s of load\n")
    for fw in FRAMEWORKS:
        result = throughput(fw, server_seconds)
        print(
            f"{fw:<12}{result.requests_per_second:>10.0f} req/s  errors: {result.errors}  ({result.tool})"
        )
    return misses


if __name__ == "__main__":
    report(3, 0.5, 3.0)
