"""Async views and hooks, and the per-thread event loop behind them."""

from __future__ import annotations

import asyncio
import contextvars
import functools
import gc
import threading
from typing import Any

import pytest
from werkzeug.exceptions import abort
from werkzeug.test import Client
from werkzeug.wrappers import Response

from flaskish_routing import async_to_sync
from flaskish_routing import ensure_sync
from flaskish_routing import MethodView
from flaskish_routing import Router
from flaskish_routing import run_coroutine
from flaskish_routing import View
from flaskish_routing.async_bridge import thread_event_loop

user: contextvars.ContextVar[str] = contextvars.ContextVar("user")


async def _running_loop() -> asyncio.AbstractEventLoop:
    await asyncio.sleep(0)
    return asyncio.get_running_loop()


def test_calls_on_one_thread_reuse_its_loop() -> None:
    first = run_coroutine(_running_loop())
    second = run_coroutine(_running_loop())
    assert first is second
    assert first is thread_event_loop()
    assert not first.is_closed()


def test_each_thread_has_its_own_loop() -> None:
    here = run_coroutine(_running_loop())
    there: list[asyncio.AbstractEventLoop] = []
    thread = threading.Thread(
        target=lambda: there.append(run_coroutine(_running_loop()))
    )
    thread.start()
    thread.join()
    assert there[0] is not here
    gc.collect()
    # The thread's loop is closed once the thread (and its storage) is gone.
    assert there[0].is_closed()


def test_context_variables_are_visible_inside() -> None:
    async def who() -> str:
        return user.get()

    token = user.set("ann")
    try:
        assert run_coroutine(who()) == "ann"
    finally:
        user.reset(token)


def test_running_loop_is_refused() -> None:
    async def nested() -> None:
        coro = _running_loop()
        with pytest.raises(RuntimeError) as info:
            run_coroutine(coro)
        assert str(info.value) == (
            "Cannot run an async function from synchronous code while an event"
            " loop is already running in this thread. Await it instead, or call"
            " it from a thread without a running loop."
        )

    run_coroutine(nested())


def test_async_to_sync_and_ensure_sync() -> None:
    async def add(a: int, b: int = 0) -> int:
        """Adds."""
        return a + b

    def plain() -> int:
        return 1

    wrapped = async_to_sync(add)
    assert wrapped(1, b=2) == 3
    assert (wrapped.__name__, wrapped.__doc__) == ("add", "Adds.")
    assert ensure_sync(plain) is plain
    assert ensure_sync(add)(4) == 4


def test_errors_propagate_from_coroutines() -> None:
    async def fail() -> None:
        raise KeyError("async")

    with pytest.raises(KeyError):
        run_coroutine(fail())


def test_async_views_hooks_and_handlers(app: Router, client: Client) -> None:
    calls: list[str] = []

    @app.before_request
    async def before() -> None:
        calls.append("before")

    @app.route("/<int:n>")
    async def view(n: int) -> str:
        await asyncio.sleep(0)
        if n == 0:
            abort(404)
        return f"async {n}"

    @app.after_request
    async def after(response: Response) -> Response:
        response.headers["X-Async"] = "yes"
        return response

    @app.teardown_request
    async def teardown(exc: BaseException | None) -> None:
        calls.append(f"teardown {exc}")

    @app.errorhandler(404)
    async def missing(e: Exception) -> tuple[str, int]:
        return "async missing", 404

    response = client.get("/2")
    assert (response.text, response.headers["X-Async"]) == ("async 2", "yes")
    assert client.get("/0").text == "async missing"
    assert calls == ["before", "teardown None", "before", "teardown None"]


def test_async_class_based_views(app: Router, client: Client) -> None:
    class Async(View):
        async def dispatch_request(self, **kwargs: Any) -> str:
            return "view"

    class AsyncMethods(MethodView):
        async def get(self) -> str:
            return "get"

        async def post(self) -> str:
            return "post"

    app.add_url_rule("/view", view_func=Async.as_view("view"))
    app.add_url_rule("/methods", view_func=AsyncMethods.as_view("methods"))
    assert client.get("/view").text == "view"
    assert client.get("/methods").text == "get"
    assert client.post("/methods").text == "post"


def test_ensure_sync_can_be_overridden() -> None:
    calls: list[str] = []

    class Tracing(Router):
        def ensure_sync(self, func: Any) -> Any:
            calls.append(func.__name__)
            return super().ensure_sync(func)

    app = Tracing(__name__)

    @app.route("/")
    def index() -> str:
        return "index"

    app.after_request(lambda response: response)
    assert Client(app).get("/").text == "index"
    assert calls == ["index", "<lambda>"]


def test_ensure_sync_recognises_every_kind_of_coroutine_function() -> None:
    async def double(x: int) -> int:
        return x * 2

    def plain(x: int) -> int:
        return x

    plain.marker = True  # type: ignore[attr-defined]

    class Holder:
        async def method(self, x: int) -> int:
            return x + 1

    assert ensure_sync(plain) is plain
    assert ensure_sync(functools.partial(double, 3))() == 6
    assert ensure_sync(Holder().method)(1) == 2
    assert ensure_sync(double)(5) == 10


marker: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "marker", default=None
)


def test_context_variables_set_inside_are_kept_by_the_caller() -> None:
    async def mark(value: str) -> None:
        await asyncio.sleep(0)
        marker.set(value)

    token = marker.set("outer")
    try:
        run_coroutine(mark("inner"))
        assert marker.get() == "inner"
        # Unchanged variables keep their values.
        assert user.get("unset") == "unset"
    finally:
        marker.reset(token)


def test_async_hook_context_variables_reach_the_view(
    app: Router, client: Client
) -> None:
    @app.before_request
    async def before() -> None:
        marker.set("set by hook")

    @app.route("/")
    def index() -> str:
        return repr(marker.get())

    # In a copy of the test's context: the variable stays set in the
    # context that served the request, as under Flask.
    response = contextvars.copy_context().run(client.get, "/")
    assert response.text == "'set by hook'"


def test_tasks_left_running_are_cancelled_when_the_call_ends() -> None:
    log: list[str] = []

    async def background() -> None:
        try:
            await asyncio.sleep(3600)
            log.append("finished")
        except asyncio.CancelledError:
            log.append(f"cancelled, marker {marker.get()!r}")
            raise

    async def start() -> str:
        marker.set("first call")
        asyncio.get_running_loop().create_task(background())
        await asyncio.sleep(0)
        return "started"

    assert run_coroutine(start()) == "started"
    # Cancelled and finished before run_coroutine returned: no later call
    # on this thread is needed for it to end.
    assert log == ["cancelled, marker 'first call'"]
    assert not asyncio.all_tasks(thread_event_loop())


def test_failures_of_cancelled_tasks_reach_the_loop_exception_handler() -> None:
    reported: list[str] = []
    started: list[asyncio.Task[None]] = []

    async def stubborn() -> None:
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            raise LookupError("while cancelling") from None

    async def start() -> None:
        loop = asyncio.get_running_loop()
        loop.set_exception_handler(
            lambda loop, context: reported.append(repr(context["exception"]))
        )
        started.append(loop.create_task(stubborn()))
        await asyncio.sleep(0)

    try:
        run_coroutine(start())
    finally:
        thread_event_loop().set_exception_handler(None)
    assert reported == ["LookupError('while cancelling')"]
    assert started[0].done()


def test_tasks_are_cancelled_under_an_application_task_factory() -> None:
    made: list[str] = []
    log: list[str] = []

    def factory(loop: asyncio.AbstractEventLoop, coro: Any, **options: Any) -> Any:
        made.append(coro.__name__)
        return asyncio.Task(coro, loop=loop, **options)

    async def background() -> None:
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            log.append("cancelled")
            raise

    async def start() -> str:
        asyncio.get_running_loop().create_task(background())
        await asyncio.sleep(0)
        return "started"

    loop = thread_event_loop()
    own = loop.get_task_factory()
    loop.set_task_factory(factory)
    try:
        assert run_coroutine(start()) == "started"
    finally:
        loop.set_task_factory(own)
    assert made == ["start", "background"]
    assert log == ["cancelled"]


def test_tasks_that_finished_are_left_alone() -> None:
    async def child() -> int:
        await asyncio.sleep(0)
        return 2

    async def parent() -> int:
        return sum(await asyncio.gather(child(), child()))

    assert run_coroutine(parent()) == 4
    assert run_coroutine(parent()) == 4


def test_tasks_built_directly_are_cancelled_too() -> None:
    log: list[str] = []

    async def background(name: str, waits_for: Any) -> None:
        try:
            await waits_for
        except asyncio.CancelledError:
            log.append(f"{name} cancelled")
            raise

    async def start() -> str:
        # No task factory sees tasks built with asyncio.Task().
        asyncio.Task(background("sleeping", asyncio.sleep(3600)))
        never_set = asyncio.Event().wait()  # no timer or handle to find it by
        asyncio.Task(background("waiting forever", never_set))
        await asyncio.sleep(0)
        return "started"

    assert run_coroutine(start()) == "started"
    assert sorted(log) == ["sleeping cancelled", "waiting forever cancelled"]
    assert not asyncio.all_tasks(thread_event_loop())
