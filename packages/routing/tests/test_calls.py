"""The synchronous drivers of pipeline steps (run_sync and run_steps), the
synchronous caller's ``as_sync`` and ``ensure_sync``'s quick answer for
plain functions."""

from __future__ import annotations

import asyncio
import functools
import inspect
from collections.abc import Callable
from typing import Any

import pytest
from werkzeug.test import Client

from flaskish_routing import async_bridge
from flaskish_routing import is_coroutine_function
from flaskish_routing import Router
from flaskish_routing import View
from flaskish_routing.calls import call_each
from flaskish_routing.calls import run_steps
from flaskish_routing.calls import run_sync
from flaskish_routing.calls import SyncCaller


class Owner:
    def ensure_sync(self, func: Any) -> Any:
        return func


async def double(value: int) -> int:
    return value * 2


async def steps_into(out: list[int], value: int) -> None:
    out.append(await double(value))


async def suspending() -> None:
    await asyncio.sleep(0)


async def failing() -> None:
    raise LookupError("from the steps")


def test_run_sync_returns_the_steps_result() -> None:
    assert run_sync(double(21)) == 42


def test_run_steps_runs_steps_that_hand_their_result_over() -> None:
    out: list[int] = []
    assert run_steps(steps_into(out, 21)) is None  # type: ignore[func-returns-value]
    assert out == [42]


@pytest.mark.parametrize("driver", [run_sync, run_steps])
def test_errors_of_the_steps_propagate(driver: Any) -> None:
    with pytest.raises(LookupError, match="from the steps"):
        driver(failing())


@pytest.mark.parametrize("driver", [run_sync, run_steps])
def test_steps_that_suspend_are_reported_and_closed(driver: Any) -> None:
    closed: list[bool] = []

    async def steps() -> None:
        try:
            await suspending()
        finally:
            closed.append(True)

    with pytest.raises(RuntimeError, match="must not suspend"):
        driver(steps())
    assert closed == [True]


def test_call_each_runs_every_function_and_raises_the_first_error() -> None:
    calls: list[str] = []

    def first(arg: str) -> None:
        calls.append(f"first {arg}")
        raise KeyError("first")

    def second(arg: str) -> None:
        calls.append(f"second {arg}")
        raise ValueError("second")

    with pytest.raises(KeyError, match="first"):
        run_sync(call_each(SyncCaller(Owner()), [first, second], "x"))
    assert calls == ["first x", "second x"]


def plain(x: int = 1) -> int:
    return x + 1


async def coroutine_function(x: int = 1) -> int:
    return x + 2


def with_attribute(x: int = 1) -> int:
    return x + 3


with_attribute.note = "set"  # type: ignore[attr-defined]


class Holder:
    def method(self, x: int = 1) -> int:
        return x + 4

    async def async_method(self, x: int = 1) -> int:
        return x + 5

    def __call__(self, x: int = 1) -> int:
        return x + 6


class Numbers(View):
    def dispatch_request(self, x: int = 1) -> int:
        return x + 7


def _functions() -> dict[str, Callable[..., Any]]:
    functions: dict[str, Callable[..., Any]] = {
        "plain": plain,
        "lambda": lambda x=1: x + 8,
        "async def": coroutine_function,
        "with an attribute": with_attribute,
        "partial": functools.partial(plain),
        "partial of async def": functools.partial(coroutine_function),
        "method": Holder().method,
        "async method": Holder().async_method,
        "callable object": Holder(),
        "class-based view": Numbers.as_view("numbers"),
        "builtin": abs,
    }
    mark = getattr(inspect, "markcoroutinefunction", None)
    if mark is not None:  # Python 3.12+

        def marked(x: int = 1) -> Any:
            return coroutine_function(x)

        functions["marked as a coroutine function"] = mark(marked)
    return functions


FUNCTIONS = _functions()


def _arguments(func: Callable[..., Any]) -> tuple[tuple[Any, ...], dict[str, Any]]:
    # Views take the URL's values as keywords; builtins take no keywords.
    return ((-1,), {}) if func is abs else ((), {"x": 10})


@pytest.mark.parametrize("name", list(FUNCTIONS))
def test_ensure_sync_answers_as_is_coroutine_function(name: str) -> None:
    # Router.ensure_sync has is_coroutine_function's quick answer inline.
    func = FUNCTIONS[name]
    app = Router(__name__)
    through_ensure_sync = app.ensure_sync(func)
    assert (through_ensure_sync is func) == (not is_coroutine_function(func))
    assert (through_ensure_sync is func) == (not inspect.iscoroutinefunction(func))
    assert app._sync_caller.as_sync == app.ensure_sync
    args, kwargs = _arguments(func)
    expected = async_bridge.ensure_sync(func)(*args, **kwargs)
    assert through_ensure_sync(*args, **kwargs) == expected


def test_the_caller_calls_as_the_steps_await() -> None:
    app = Router(__name__)
    call = app._sync_caller
    for func in FUNCTIONS.values():
        args, kwargs = _arguments(func)
        expected = call.as_sync(func)(*args, **kwargs)
        assert run_sync(call(func, *args, **kwargs)) == expected


class Recording(Router):
    def __init__(self) -> None:
        super().__init__(__name__)
        self.asked: list[Any] = []

    def ensure_sync(self, func: Callable[..., Any]) -> Callable[..., Any]:
        self.asked.append(func)
        return super().ensure_sync(func)


def test_an_overriding_ensure_sync_is_asked_for_every_function() -> None:
    app = Recording()
    for func in FUNCTIONS.values():
        app._sync_caller.as_sync(func)
    assert app.asked == list(FUNCTIONS.values())


def test_an_ensure_sync_set_on_the_instance_is_asked_while_it_is_there() -> None:
    app = Router(__name__)
    call = app._sync_caller
    asked: list[Any] = []

    def replaced(func: Callable[..., Any]) -> Callable[..., Any]:
        asked.append(func)
        return lambda *args: ("replaced", func(*args))

    assert call.as_sync(plain) is plain
    app.ensure_sync = replaced  # type: ignore[method-assign]
    assert call.as_sync(plain)(1) == ("replaced", 2)
    assert run_sync(call(plain, 1)) == ("replaced", 2)
    assert asked == [plain, plain]
    del app.ensure_sync
    assert call.as_sync(plain) is plain
    assert asked == [plain, plain]


def test_an_ensure_sync_replaced_on_the_class_later_is_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Later(Router):
        pass

    app = Later(__name__)
    call = app._sync_caller
    assert call.as_sync(plain) is plain
    asked: list[Any] = []

    def replaced(self: Router, func: Callable[..., Any]) -> Callable[..., Any]:
        asked.append(func)
        return func

    monkeypatch.setattr(Later, "ensure_sync", replaced)
    assert call.as_sync(plain) is plain
    assert asked == [plain]


def test_the_ensure_sync_of_another_object_is_not_taken_for_the_own() -> None:
    app = Router(__name__)
    other = Recording()
    app.ensure_sync = other.ensure_sync  # type: ignore[method-assign]
    app._sync_caller.as_sync(plain)
    assert other.asked == [plain]


def test_a_caller_without_a_plain_ensure_sync_always_asks() -> None:
    app = Recording()
    call = SyncCaller(app)
    assert call.as_sync(plain) is plain
    assert app.asked == [plain]


def _hooked(app: Router, calls: list[str]) -> None:
    @app.route("/")
    def index() -> str:
        calls.append("view")
        return "index"

    @app.before_request
    def before() -> None:
        calls.append("before")

    @app.before_request
    async def async_before() -> None:
        calls.append("async before")

    @app.after_request
    def after(response: Any) -> Any:
        calls.append("after")
        response.headers["X-After"] = "1"
        return response

    @app.after_request
    async def async_after(response: Any) -> Any:
        calls.append("async after")
        return response

    @app.teardown_request
    def teardown(exc: BaseException | None) -> None:
        calls.append("teardown")

    @app.teardown_request
    async def async_teardown(exc: BaseException | None) -> None:
        calls.append("async teardown")


def test_requests_run_the_same_with_and_without_the_shortcut() -> None:
    outcomes = []
    for app in (Router(__name__), Recording()):
        calls: list[str] = []
        _hooked(app, calls)
        response = Client(app).get("/")
        # A hook added after the first request takes part in the next one.
        app.before_request_funcs[None].append(functools.partial(calls.append, "late"))
        again = Client(app).get("/")
        outcomes.append(
            (calls, response.text, response.headers.get("X-After"), again.text)
        )
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][0][:8] == [
        "before",
        "async before",
        "view",
        "async after",
        "after",
        "async teardown",
        "teardown",
        "before",
    ]
    assert "late" in outcomes[0][0]
