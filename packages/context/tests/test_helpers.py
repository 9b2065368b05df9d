from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from flaskish_context import _cv_request
from flaskish_context import after_this_request
from flaskish_context import copy_current_request_context
from flaskish_context import g
from flaskish_context import has_request_context
from flaskish_context import request
from flaskish_context import session
from flaskish_context import stream_with_context


def _message(name: str) -> str:
    return (
        f"'{name}' can only be used when a request context is active,"
        " such as in a view function."
    )


def test_after_this_request(req_ctx: Any) -> None:
    def add_header(response: Any) -> Any:
        return response

    assert after_this_request(add_header) is add_header
    assert req_ctx._after_request_functions == [add_header]


def test_after_this_request_outside() -> None:
    with pytest.raises(RuntimeError) as info:
        after_this_request(lambda r: r)
    assert str(info.value) == _message("after_this_request")


def test_copy_current_request_context_in_thread(app: Any, req_ctx: Any) -> None:
    session["user"] = "ann"
    results: list[Any] = []

    @copy_current_request_context
    def work(suffix: str) -> str:
        results.append((request.path, session["user"], has_request_context()))
        return "done" + suffix

    assert work.__name__ == "work"
    out: list[str] = []
    t = threading.Thread(target=lambda: out.append(work("!")))
    t.start()
    t.join()
    assert out == ["done!"]
    assert results == [("/user/3", "ann", True)]
    assert ("ensure_sync", "work") in app.events
    # The copy was pushed and popped in the thread only.
    assert _cv_request.get() is req_ctx


def test_copy_current_request_context_outside() -> None:
    with pytest.raises(RuntimeError) as info:
        copy_current_request_context(lambda: None)
    assert str(info.value) == _message("copy_current_request_context")


def test_stream_with_context_outside() -> None:
    def gen() -> Iterator[str]:
        yield "x"

    with pytest.raises(RuntimeError) as info:
        stream_with_context(gen())
    assert str(info.value) == _message("stream_with_context")


def _generate() -> Iterator[str]:
    yield "hello "
    yield request.args["q"]
    yield str(g.get("mark"))


@pytest.mark.parametrize("as_decorator", [False, True])
def test_stream_keeps_context_until_exhausted(app: Any, as_decorator: bool) -> None:
    with app.test_request_context("/?q=world") as ctx:
        g.mark = "m"
        if as_decorator:
            stream = stream_with_context(_generate)()
        else:
            stream = stream_with_context(_generate())
    assert not has_request_context()
    teardowns = app.events.count(("teardown_request", None))

    assert next(stream) == "hello "
    assert _cv_request.get() is ctx
    assert list(stream) == ["world", "m"]
    assert not has_request_context()
    assert app.events.count(("teardown_request", None)) == teardowns + 1


def test_stream_close_pops_context_and_closes_generator(app: Any) -> None:
    closed: list[bool] = []

    def gen() -> Iterator[str]:
        try:
            yield request.path
            yield "never"
        finally:
            closed.append(True)

    with app.test_request_context("/user/1"):
        stream = stream_with_context(gen())
    assert next(stream) == "/user/1"
    assert has_request_context()
    stream.close()
    assert closed == [True]
    assert not has_request_context()


def test_stream_closes_wrapped_iterable(app: Any) -> None:
    class Body:
        def __iter__(self) -> Iterator[bytes]:
            return iter([b"a", b"b"])

    class ClosingIterator:
        closed = False

        def __iter__(self) -> ClosingIterator:
            return self

        def __next__(self) -> bytes:
            raise StopIteration

        def close(self) -> None:
            self.closed = True

    it = ClosingIterator()
    with app.test_request_context("/"):
        stream = stream_with_context(it)
        plain = stream_with_context(Body())
    assert list(stream) == []
    assert it.closed is True
    assert list(plain) == [b"a", b"b"]
