"""WebSocket figure of the benchmark run: many connections echoing at once.

    python tools/bench/ws_bench.py [--connections N] [--messages M] [--rounds R]

Each framework's ``/echo`` route (``asgi_apps.py``) is served by one uvicorn
worker on loopback; a client using the ``websockets`` package opens N
connections at once, each sends M text messages one after the other and
checks every echo. The figure is the wall time from the first connection
opened to the last one closed (median of the rounds), with the connections
that failed or got a wrong echo; ``bare`` is an ASGI callable that only
echoes, the floor set by uvicorn and the client. ``run.py`` prints it with
the ASGI figures.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

from asgi_bench import Uvicorn
from websockets.asyncio.client import connect

FRAMEWORKS = ("flaskish", "quart", "bare")
#: The target for flaskish: 1,000 connections of 10 messages each.
TARGET_SECONDS = 3.0


async def _converse(port: int, number: int, messages: int) -> bool:
    async with connect(
        f"ws://127.0.0.1:{port}/echo", open_timeout=60, close_timeout=10
    ) as ws:
        for i in range(messages):
            text = f"{number}:{i}"
            await ws.send(text)
            if await ws.recv() != text:
                return False
    return True


async def _burst(port: int, connections: int, messages: int) -> tuple[float, int]:
    started = time.perf_counter()
    results = await asyncio.gather(
        *(_converse(port, n, messages) for n in range(connections)),
        return_exceptions=True,
    )
    elapsed = time.perf_counter() - started
    return elapsed, sum(result is not True for result in results)


def measure(
    framework: str, connections: int, messages: int, rounds: int
) -> tuple[float, int]:
    """Median seconds of ``rounds`` bursts on ``framework``, and the
    connections that failed in all of them."""
    with Uvicorn(framework) as server:
        asyncio.run(_burst(server.port, 20, messages))  # warm up
        samples = [
            asyncio.run(_burst(server.port, connections, messages))
            for _ in range(rounds)
        ]
    return statistics.median(s[0] for s in samples), sum(s[1] for s in samples)


def report(connections: int = 1000, messages: int = 10, rounds: int = 3) -> int:
    """Print the figure of each framework; the number of targets missed."""
    print(
        f"\nWebSockets under uvicorn, one worker: {connections} connections at"
        f" once, each echoing {messages} messages (seconds, median of {rounds})\n"
    )
    misses = 0
    figures = {fw: measure(fw, connections, messages, rounds) for fw in FRAMEWORKS}
    for fw, (elapsed, failed) in figures.items():
        note = f"  ({failed} failed)" if failed else ""
        print(f"{fw:<12}{elapsed:>8.2f}{note}")
    elapsed, failed = figures["flaskish"]
    ratio = elapsed / figures["quart"][0]
    print(f"flaskish/quart: {ratio:.2f}")
    if elapsed >= TARGET_SECONDS or failed:
        misses += 1
        print(f"  MISS: flaskish took {elapsed:.2f}s (target < {TARGET_SECONDS})")
    return misses


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("--connections", type=int, default=1000)
    parser.add_argument("--messages", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    raise SystemExit(1 if report(args.connections, args.messages, args.rounds) else 0)
