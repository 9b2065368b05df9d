"""The bookshelf example, unchanged, on flaskish: its own test suite through
the pytest plugin, and the application served by ``flaskish run`` and by
gunicorn on a free local port, logged into over HTTP."""

from __future__ import annotations

import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent


def test_own_suite_runs_through_the_switch() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=EXAMPLE,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"^9 passed", done.stdout.splitlines()[-1]), done.stdout


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Browser:
    """urllib with cookies, not following redirects."""

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
            self._NoRedirect(),
        )

    def request(
        self, path: str, form: dict[str, str] | None = None
    ) -> tuple[int, str, str]:
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        try:
            with self.opener.open(self.base + path, data=data, timeout=10) as reply:
                return (
                    reply.status,
                    reply.headers.get("Location", ""),
                    reply.read().decode(),
                )
        except urllib.error.HTTPError as error:
            location = error.headers.get("Location", "")
            return error.code, location, error.read().decode()


def _serve(
    command: list[str], env: dict[str, str], port: int, log: Path
) -> Iterator[Browser]:
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, cwd=EXAMPLE, env=env, stdout=output, stderr=output
        )
    browser = Browser(f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                browser.request("/login")
                break
            except OSError as error:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(log.read_text()) from error
                time.sleep(0.1)
        yield browser
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "BOOKSHELF_SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'b.sqlite'}",
    }
    init = subprocess.run(
        [sys.executable, "-m", "flaskish", "--app", "bookshelf", "init-db"],
        cwd=EXAMPLE,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert init.stdout == "Initialized the database.\n", init.stderr
    return env


@pytest.fixture(params=["flaskish run", "gunicorn"])
def served(
    request: pytest.FixtureRequest, env: dict[str, str], tmp_path: Path
) -> Iterator[Browser]:
    port = _free_port()
    if request.param == "flaskish run":
        command = [sys.executable, "-m", "flaskish", "--app", "bookshelf", "run"]
        command += ["--port", str(port), "--no-reload"]
    else:
        gunicorn = shutil.which("gunicorn", path=str(BIN)) or "gunicorn"
        command = [
            gunicorn,
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--preload",
        ]
        command += ["wsgi:app"]
    yield from _serve(command, env, port, tmp_path / "server.log")


def test_log_in_and_add_a_book_over_http(served: Browser) -> None:
    assert served.request("/")[:2] == (302, "/login?next=%2F")
    status, _, page = served.request("/login")
    assert status == 200
    assert "<h1>Log in</h1>" in page
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert token is not None
    form = {"name": "ada", "password": "ada-pw", "csrf_token": token.group(1)}
    assert served.request("/login", form)[:2] == (302, "/")
    status, _, shelf = served.request("/")
    assert status == 200
    assert "<h1>ada's shelf</h1>" in shelf
    form = {"title": "Dune", "csrf_token": token.group(1)}
    assert served.request("/", form)[:2] == (302, "/")
    assert "<li>Dune</li>" in served.request("/")[2]
    assert served.request("/", {"title": "No token"})[0] == 400
