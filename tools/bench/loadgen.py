"""A small HTTP load generator: ``python loadgen.py PORT SECONDS CONNECTIONS``.

Used when wrk is not installed. Each connection sends a GET, reads the
whole response (gunicorn's sync workers close after each) and repeats
until the time is up. Prints JSON: requests, errors, seconds.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time

REQUEST = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"


async def _worker(port: int, deadline: float, counts: dict[str, int]) -> None:
    while time.perf_counter() < deadline:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(REQUEST)
            data = await reader.read()
            writer.close()
            if data.startswith((b"HTTP/1.1 200", b"HTTP/1.0 200")):
                counts["requests"] += 1
            else:
                counts["errors"] += 1
        except OSError:
            counts["errors"] += 1


async def _run(port: int, seconds: float, connections: int) -> dict[str, float]:
    counts = {"requests": 0, "errors": 0}
    started = time.perf_counter()
    deadline = started + seconds
    await asyncio.gather(*(_worker(port, deadline, counts) for _ in range(connections)))
    return {**counts, "seconds": time.perf_counter() - started}


def main() -> None:
    port, seconds, connections = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
    print(json.dumps(asyncio.run(_run(port, seconds, connections))))


if __name__ == "__main__":
    main()
