"""WebSocket echo under load: flaskish against Quart, one uvicorn worker each.

    python tools/bench/websocket_bench.py [--connections N] [--messages M]

Each framework's echo handler is served by uvicorn (one process, one
worker) on 127.0.0.1, and so is a bare ASGI echo callable (the floor:
the server and the client alone); this process then opens N connections at once with
the ``websockets`` client and each sends M text messages, checking every
echo. The figure is the wall time from the first connect to the last
close, the best of ``--rounds``. The same exchange is then timed in
process, with no server and no network: the framework's own cost, which
the load of a shared machine disturbs far less. It is a measurement, printed with the
machine's load average, never an assertion.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import socket
import subprocess
import sys
import time
import typing as t
from pathlib import Path

HERE = Path(__file__).resolve().parent
FRAMEWORKS = ("flaskish", "quart", "asgi")


def _raise_fd_limit() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = hard if hard != resource.RLIM_INFINITY else 65536
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _bare_echo(scope: dict, receive: object, send: object) -> None:  # type: ignore[type-arg]
    """A raw ASGI echo, no framework: what the server and client cost alone."""
    await receive()  # type: ignore[operator]
    await send({"type": "websocket.accept"})  # type: ignore[operator]
    while True:
        message = await receive()  # type: ignore[operator]
        if message["type"] != "websocket.receive":
            return
        await send({"type": "websocket.send", "text": message.get("text")})  # type: ignore[operator]


def _echo_app(framework: str) -> object:
    if framework == "asgi":
        return _bare_echo
    if framework == "flaskish":
        from flaskish import Flask
        from flaskish import websocket

        app = Flask(__name__)

        @app.websocket("/echo")
        async def echo() -> None:
            while True:
                await websocket.send(await websocket.receive())

        return app.asgi_app
    from quart import Quart
    from quart import websocket as quart_websocket

    quart_app = Quart(__name__)

    @quart_app.websocket("/echo")
    async def quart_echo() -> None:
        while True:
            await quart_websocket.send(await quart_websocket.receive())

    return quart_app


def serve(framework: str, port: int) -> None:
    """Serve ``framework``'s echo app with uvicorn (the child process)."""
    import uvicorn

    _raise_fd_limit()
    uvicorn.run(
        _echo_app(framework),  # type: ignore[arg-type]
        host="127.0.0.1",
        port=port,
        log_level="warning",
        ws="auto",
        lifespan="off",
        backlog=4096,
    )


async def _client(url: str, n: int, messages: int) -> None:
    from websockets.asyncio.client import connect

    async with connect(url, open_timeout=60, ping_interval=None) as ws:
        for i in range(messages):
            text = f"{n}:{i}"
            await ws.send(text)
            echoed = await ws.recv()
            if echoed != text:
                raise AssertionError(f"connection {n} got {echoed!r} for {text!r}")


async def _load(url: str, connections: int, messages: int) -> float:
    start = time.perf_counter()
    await asyncio.gather(*(_client(url, n, messages) for n in range(connections)))
    return time.perf_counter() - start


async def _in_process(app: t.Any, connections: int, messages: int) -> float:
    """The same exchange with no server and no network: ``receive`` and
    ``send`` are coroutines handing over ready messages."""
    scope = {
        "type": "websocket",
        "path": "/echo",
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"127.0.0.1")],
        "server": ("127.0.0.1", 80),
        "client": ("127.0.0.1", 1),
        "scheme": "ws",
        "subprotocols": [],
    }

    async def connection() -> None:
        incoming = [{"type": "websocket.connect"}]
        incoming += [
            {"type": "websocket.receive", "text": str(i)} for i in range(messages)
        ]
        incoming.append({"type": "websocket.disconnect", "code": 1000})
        pending = iter(incoming)

        async def receive() -> dict[str, t.Any]:
            await asyncio.sleep(0)  # let the other connections run
            return next(pending)

        async def send(message: dict[str, t.Any]) -> None:
            pass

        await app(dict(scope), receive, send)

    start = time.perf_counter()
    await asyncio.gather(*(connection() for _ in range(connections)))
    return time.perf_counter() - start


def _wait_for(port: int, child: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if child.poll() is not None:
            raise RuntimeError("the server process exited")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the server did not start")


def measure(framework: str, connections: int, messages: int, rounds: int) -> float:
    """Best wall time (seconds) of ``rounds`` runs against one server."""
    port = _free_port()
    child = subprocess.Popen(
        [sys.executable, __file__, "--serve", framework, "--port", str(port)]
    )
    try:
        _wait_for(port, child)
        url = f"ws://127.0.0.1:{port}/echo"
        return min(
            asyncio.run(_load(url, connections, messages)) for _ in range(rounds)
        )
    finally:
        child.terminate()
        child.wait(30)


def report(connections: int = 1000, messages: int = 10, rounds: int = 3) -> None:
    """Print each framework's figure and flaskish's ratio to Quart."""
    _raise_fd_limit()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"\nWebSocket echo: {connections} concurrent connections x {messages}"
        f" messages, one uvicorn worker (best of {rounds}; load average {load})"
    )
    figures = {}
    for framework in FRAMEWORKS:
        figures[framework] = measure(framework, connections, messages, rounds)
        label = "bare ASGI" if framework == "asgi" else framework
        print(f"  {label:10s} {figures[framework]:6.2f} s")
    print(f"  flaskish / quart time: {figures['flaskish'] / figures['quart']:.2f}")
    print("  the same in process (framework only: no server, no network):")
    local = {}
    for framework in FRAMEWORKS:
        app = _echo_app(framework)
        local[framework] = min(
            asyncio.run(_in_process(app, connections, messages)) for _ in range(rounds)
        )
        label = "bare ASGI" if framework == "asgi" else framework
        print(f"  {label:10s} {local[framework]:6.2f} s")
    print(f"  flaskish / quart time: {local['flaskish'] / local['quart']:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--connections", type=int, default=1000)
    parser.add_argument("--messages", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--serve", choices=FRAMEWORKS, help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.port)
        return 0
    report(args.connections, args.messages, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
