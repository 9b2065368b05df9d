"""Every thread and asyncio task sees only its own contexts."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from flaskish_context import g
from flaskish_context import has_request_context
from flaskish_context import request
from flaskish_context import session


def test_threads_see_their_own_request_and_g(app: Any) -> None:
    count = 20
    barrier = threading.Barrier(count)
    results: dict[int, tuple[str, Any, Any]] = {}
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            with app.test_request_context(f"/user/{n}?n={n}"):
                g.n = n
                session["n"] = n
                # Every thread holds its context at the same time here.
                barrier.wait()
                results[n] = (request.args["n"], request.view_args["id"], g.n)
                assert session["n"] == n
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert results == {n: (str(n), n, n) for n in range(count)}
    assert not has_request_context()


def test_new_thread_has_no_context(req_ctx: Any) -> None:
    seen: list[bool] = []
    t = threading.Thread(target=lambda: seen.append(has_request_context()))
    t.start()
    t.join()
    assert seen == [False]
    assert has_request_context()


def test_asyncio_tasks_see_their_own_request(app: Any) -> None:
    async def handle(n: int, started: asyncio.Event, go: asyncio.Event) -> Any:
        with app.test_request_context(f"/user/{n}"):
            g.n = n
            started.set()
            await go.wait()
            return request.view_args["id"], g.n

    async def main() -> list[Any]:
        go = asyncio.Event()
        events = [asyncio.Event() for _ in range(10)]
        tasks = [asyncio.create_task(handle(n, events[n], go)) for n in range(10)]
        for event in events:
            await event.wait()
        go.set()
        return await asyncio.gather(*tasks)

    assert asyncio.run(main()) == [(n, n) for n in range(10)]
    assert not has_request_context()
