"""The synchronous drivers of pipeline steps: run_sync and run_steps."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

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
