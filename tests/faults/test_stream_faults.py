"""Faults while a response streams: a generator that raises mid-stream, and
a client that disconnects mid-response from a real server."""

from __future__ import annotations

import io
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import urlopen

import pytest

from flaskish import Flask
from flaskish import g
from flaskish import request
from flaskish import Response
from flaskish import send_file
from flaskish import stream_with_context

from .transports import Transport

CHUNK = b"x" * 65536


class Boom(Exception):
    """The fault injected into a generator."""


def _streaming_app(app: Flask, log: list[str], finished: threading.Event) -> None:
    @app.route("/stream/<int(signed=True):fail_after>")
    def stream(fail_after: int) -> object:
        g.resource = "open"

        @stream_with_context
        def chunks() -> Iterator[bytes]:
            try:
                # Bounded: a client that never stops reading gets 64 MiB.
                for number in range(1024):
                    if number == fail_after:
                        raise Boom(f"chunk {number} of {request.path}")
                    yield CHUNK
            finally:
                log.append(f"generator closed, resource {g.resource}")

        return chunks()

    @app.teardown_request
    def teardown(exc: BaseException | None) -> None:
        log.append(f"teardown {exc!r}")
        # Teardown runs when the view returns, and again (as in Flask) when
        # the context that stream_with_context keeps is popped at the end.
        if sum(entry.startswith("teardown") for entry in log) == 2:
            finished.set()


@pytest.mark.usefixtures("no_leaks")
def test_generator_raising_mid_stream(app: Flask, transport: Transport) -> None:
    log: list[str] = []
    _streaming_app(app, log, threading.Event())

    outcome = transport.call(app, "/stream/3")
    # Headers and three chunks went out; then the server sees the error and
    # the client sees the body end early.
    assert (outcome.status, outcome.body) == (200, CHUNK * 3)
    assert repr(outcome.escaped) == "Boom('chunk 3 of /stream/3')"
    # The context stayed usable inside the generator, and was popped after it.
    assert log == [
        "teardown None",
        "generator closed, resource open",
        "teardown Boom('chunk 3 of /stream/3')",
    ]
    again = transport.call(app, "/ok")
    assert (again.status, again.body) == (200, b"ok")


@pytest.mark.usefixtures("no_leaks")
def test_client_disconnecting_mid_response(app: Flask, transport: Transport) -> None:
    log: list[str] = []
    finished = threading.Event()
    _streaming_app(app, log, finished)

    with transport.serve(app) as base:
        address = urlsplit(base)
        with socket.create_connection((address.hostname, address.port)) as client:
            client.sendall(
                b"GET /stream/-1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
            )
            assert client.recv(16).startswith(b"HTTP/1.1 200")
        # The server notices on a later write, closes the generator and
        # pops the context; waited for, not timed.
        assert finished.wait(60)
        assert log == [
            "teardown None",
            "generator closed, resource open",
            "teardown GeneratorExit()",
        ]
        with urlopen(f"{base}/ok", timeout=60) as response:
            assert (response.status, response.read()) == (200, b"ok")


@pytest.mark.usefixtures("no_leaks")
def test_client_disconnecting_from_a_file_response(
    app: Flask, transport: Transport, tmp_path: Path
) -> None:
    big = tmp_path / "big.bin"
    big.write_bytes(CHUNK * 256)  # 16 MiB: more than the socket buffers hold
    closed = threading.Event()

    class TrackedFile(io.FileIO):
        def close(self) -> None:
            super().close()
            closed.set()

    @app.route("/file")
    def file() -> Response:
        return send_file(TrackedFile(big), mimetype="application/octet-stream")

    with transport.serve(app) as base:
        address = urlsplit(base)
        with socket.create_connection((address.hostname, address.port)) as client:
            client.sendall(
                b"GET /file HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
            )
            assert client.recv(16).startswith(b"HTTP/1.1 200")
        assert closed.wait(60)
        with urlopen(f"{base}/ok", timeout=60) as response:
            assert (response.status, response.read()) == (200, b"ok")
    # no_leaks: the file handle is gone.
