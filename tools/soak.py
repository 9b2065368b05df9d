"""Soak the demo blog under gunicorn: ``python3 tools/dev.py nox -s soak``.

Serves ``examples/blog`` with gunicorn on 127.0.0.1 (a fresh database in a
temporary folder, seeded with a user and posts), drives it for a bounded
time with wrk (or, without wrk, a bounded Python load loop) over the index,
a post's edit page (logged in: the session is read and refreshed on every
request), the login page and a static file, then reports the requests, the
answers that were not 2xx, and the resident memory of each worker at the
start and at the end::

    python3 tools/dev.py nox -s soak -- --duration 600 --workers 4
"""

from __future__ import annotations

import argparse
import http.client
import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

BLOG = Path(__file__).resolve().parent.parent / "examples" / "blog"
PATHS = ["/", "/1/update", "/auth/login", "/static/style.css"]
# wrk's own count ("Non-2xx or 3xx responses") leaves out redirects, so the
# script counts every answer outside 2xx itself, per thread, and adds them up.
LUA = """
local paths = {%s}
local next_path = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
end

function request()
  next_path = next_path %% #paths + 1
  return wrk.format("GET", paths[next_path])
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("non2xx")
  end
  io.write(string.format("non-2xx responses: %%d\\n", total))
end
"""


@dataclass
class Load:
    requests: int
    non_2xx: int
    errors: int
    tool: str


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _rss_kib(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) if match else 0


def _workers(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return sorted(int(pid) for pid in children)


def _wait_until_up(base: str, deadline: float) -> None:
    while True:
        try:
            with urllib.request.urlopen(f"{base}/auth/login", timeout=5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _seed(base: str, posts: int) -> str:
    """Register and log in a user, write ``posts`` posts; the session cookie."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def post(path: str, **fields: str) -> None:
        data = urllib.parse.urlencode(fields).encode()
        with opener.open(f"{base}{path}", data=data, timeout=30) as response:
            response.read()

    post("/auth/register", username="soak", password="soak-password")
    post("/auth/login", username="soak", password="soak-password")
    for number in range(posts):
        post("/create", title=f"Post {number}", body="Some text. " * 40)
    (cookie,) = (c for c in jar if c.name == "session")
    return f"session={cookie.value}"


def _wrk(base: str, cookie: str, seconds: int, connections: int) -> Load:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA % ", ".join(f'"{path}"' for path in PATHS))
    try:
        result = subprocess.run(
            [
                "wrk",
                f"--threads={min(2, connections)}",
                f"--connections={connections}",
                f"--duration={seconds}s",
                "--timeout=10s",
                f"--header=Cookie: {cookie}",
                f"--script={script.name}",
                base,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        os.unlink(script.name)
    output = result.stdout
    print(output)
    requests = int(re.search(r"(\d+) requests in", output).group(1))  # type: ignore[union-attr]
    non_2xx = re.search(r"non-2xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: (.*)", output)
    error_count = (
        sum(int(n) for n in re.findall(r"\d+", errors.group(1))) if errors else 0
    )
    if non_2xx is None:
        raise RuntimeError(f"no non-2xx count in wrk's output:\n{output}")
    return Load(requests, int(non_2xx.group(1)), error_count, "wrk")


def _python_load(base: str, cookie: str, seconds: int, connections: int) -> Load:
    """Keep-alive clients in threads, each cycling through :data:`PATHS`."""
    host, port = urllib.parse.urlsplit(base).netloc.split(":")
    end = time.monotonic() + seconds
    counts = {"requests": 0, "non_2xx": 0, "errors": 0}
    lock = threading.Lock()

    def client() -> None:
        mine = {"requests": 0, "non_2xx": 0, "errors": 0}
        connection = http.client.HTTPConnection(host, int(port), timeout=10)
        number = 0
        while time.monotonic() < end:
            path = PATHS[number % len(PATHS)]
            number += 1
            try:
                connection.request("GET", path, headers={"Cookie": cookie})
                response = connection.getresponse()
                response.read()
            except OSError:
                mine["errors"] += 1
                connection.close()
                connection = http.client.HTTPConnection(host, int(port), timeout=10)
                continue
            mine["requests"] += 1
            if not 200 <= response.status < 300:
                mine["non_2xx"] += 1
            if response.will_close:
                connection.close()
        connection.close()
        with lock:
            for key, value in mine.items():
                counts[key] += value

    threads = [threading.Thread(target=client) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Load(counts["requests"], counts["non_2xx"], counts["errors"], "python")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds of load")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--posts", type=int, default=20, help="posts to seed")
    parser.add_argument(
        "--load",
        choices=["auto", "wrk", "python"],
        default="auto",
        help="load generator (auto: wrk when installed)",
    )
    options = parser.parse_args(argv)
    use_wrk = options.load == "wrk" or (
        options.load == "auto" and shutil.which("wrk") is not None
    )

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="flaskish-soak-") as tmp:
        env = {
            **os.environ,
            "PYTHONPATH": str(BLOG),
            "FLASK_APP": "blog",
            "FLASK_DATABASE": str(Path(tmp) / "soak.sqlite"),
        }
        subprocess.run(
            [sys.executable, "-m", "flaskish", "init-db"], cwd=BLOG, env=env, check=True
        )
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                f"--workers={options.workers}",
                f"--bind=127.0.0.1:{port}",
                "--log-level=warning",
                "blog:create_app()",
            ],
            cwd=BLOG,
            env=env,
        )
        try:
            _wait_until_up(base, time.monotonic() + 60)
            cookie = _seed(base, options.posts)
            workers = _workers(server.pid)
            start_rss = {pid: _rss_kib(pid) for pid in workers}
            generate = _wrk if use_wrk else _python_load
            load = generate(base, cookie, options.duration, options.connections)
            still = _workers(server.pid)
            end_rss = {pid: _rss_kib(pid) for pid in still}
        finally:
            server.terminate()
            server.wait(timeout=60)

    print(f"\nsoak: {options.duration} s, {options.workers} gunicorn sync workers,")
    print(f"{options.connections} connections ({load.tool}), paths {', '.join(PATHS)}")
    print(f"requests      {load.requests} ({load.requests / options.duration:.0f}/s)")
    print(f"non-2xx       {load.non_2xx}")
    print(f"socket errors {load.errors}")
    restarted = sorted(set(workers) ^ set(still))
    print(f"workers       {workers} (restarted: {restarted or 'none'})")
    for pid in workers:
        end = f"{end_rss[pid] / 1024:.1f} MiB" if pid in end_rss else "gone"
        print(f"  worker {pid}: RSS {start_rss[pid] / 1024:.1f} MiB -> {end}")
    return 0 if load.non_2xx == 0 and load.errors == 0 and not restarted else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
