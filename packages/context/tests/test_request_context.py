from __future__ import annotations

from typing import Any

import pytest
from werkzeug.exceptions import MethodNotAllowed
from werkzeug.exceptions import NotFound
from werkzeug.routing import RequestRedirect
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from flaskish_context import _cv_app
from flaskish_context import _cv_request
from flaskish_context import g
from flaskish_context import request
from flaskish_context import RequestContext
from flaskish_context import session


def test_builds_request_and_url_adapter(app: Any) -> None:
    ctx = app.test_request_context("/user/3")
    assert app.events == ["make_request", ("url_adapter", True)]
    assert isinstance(ctx.request, Request)
    assert ctx.url_adapter is not None
    assert ctx.flashes is None
    assert ctx._after_request_functions == []
    assert ctx._opened_session is None


def test_given_request_is_used(app: Any) -> None:
    environ = EnvironBuilder("/").get_environ()
    req = Request(environ)
    ctx = RequestContext(app, environ, request=req)
    assert ctx.request is req
    assert "make_request" not in app.events


def test_push_matches_the_url(app: Any) -> None:
    with app.test_request_context("/user/3") as ctx:
        assert ctx.request.url_rule.rule == "/user/<int:id>"
        assert ctx.request.view_args == {"id": 3}
        assert not hasattr(ctx.request, "routing_exception")


@pytest.mark.parametrize(
    ("path", "method", "error"),
    [
        ("/nope", "GET", NotFound),
        ("/post", "GET", MethodNotAllowed),
        ("/moved", "GET", RequestRedirect),
    ],
)
def test_routing_exception_is_stored(
    app: Any, path: str, method: str, error: type[Exception]
) -> None:
    with app.test_request_context(path, method=method) as ctx:
        assert type(ctx.request.routing_exception) is error
        assert not hasattr(ctx.request, "url_rule")
    if error is MethodNotAllowed:
        assert ctx.request.routing_exception.valid_methods == ["POST"]


def test_url_adapter_error_is_stored(app: Any) -> None:
    def refuse(request: Any) -> Any:
        raise NotFound()

    app.create_url_adapter = refuse
    ctx = app.test_request_context("/")
    assert ctx.url_adapter is None
    assert isinstance(ctx.request.routing_exception, NotFound)
    with ctx:  # nothing to match
        assert isinstance(request.routing_exception, NotFound)


def test_implicit_app_context(app: Any) -> None:
    ctx = app.test_request_context("/")
    app.events.clear()
    ctx.push()
    app_ctx = _cv_app.get()
    assert app_ctx.app is app
    assert app.events == ["pushed"]
    g.x = 1
    ctx.pop()
    assert _cv_app.get(None) is None
    assert _cv_request.get(None) is None
    assert app.events == [
        "pushed",
        ("teardown_request", None),
        ("teardown_appcontext", None),
        "popped",
    ]


def test_no_implicit_app_context_when_same_app_active(app: Any) -> None:
    with app.app_context() as app_ctx:
        g.x = 1
        with app.test_request_context("/"):
            assert _cv_app.get() is app_ctx
            assert g.x == 1
        assert _cv_app.get() is app_ctx
        assert app.events.count("pushed") == 1
        assert ("teardown_appcontext", None) not in app.events


def test_implicit_app_context_when_other_app_active(app: Any, other_app: Any) -> None:
    with other_app.app_context() as outer:
        with app.test_request_context("/"):
            assert _cv_app.get() is not outer
            assert _cv_app.get().app is app
        assert _cv_app.get() is outer
    assert app.events.count("popped") == 1


def test_session_is_lazy_and_opened_once(app: Any) -> None:
    with app.test_request_context("/") as ctx:
        assert app.sessions_opened == 0
        assert ctx._opened_session is None
        session["a"] = 1
        assert session["a"] == 1
        assert ctx.session is ctx._session is ctx._opened_session
        assert app.sessions_opened == 1
        assert ctx.session.accessed is True


def test_private_session_attribute_opens_without_marking_access(app: Any) -> None:
    # Flask keeps the session in ``_session``; code reading it sees a session.
    with app.test_request_context("/") as ctx:
        opened = ctx._session
        assert app.sessions_opened == 1
        assert getattr(opened, "accessed", False) is False
        assert ctx._session is opened
        assert app.sessions_opened == 1


def test_copy_shares_the_session(app: Any) -> None:
    with app.test_request_context("/") as ctx:
        copied = ctx.copy()
        assert copied._opened_session is ctx._opened_session is not None
        assert app.sessions_opened == 1


def test_session_setter_and_plain_mapping(app: Any) -> None:
    with app.test_request_context("/") as ctx:
        ctx.session = {"plain": True}
        assert session["plain"] is True
    assert app.sessions_opened == 0


def test_given_session_is_not_reopened(app: Any) -> None:
    environ = EnvironBuilder("/").get_environ()
    ctx = RequestContext(app, environ, session={"given": 1})
    with ctx:
        assert session == {"given": 1}
    assert app.sessions_opened == 0


def test_copy_shares_request_and_session(req_ctx: Any) -> None:
    req_ctx.session["k"] = "v"
    copy = req_ctx.copy()
    assert copy is not req_ctx
    assert copy.request is req_ctx.request
    assert copy.session is req_ctx.session


def test_pop_tears_down_closes_and_clears(app: Any) -> None:
    ctx = app.test_request_context("/")
    ctx.push()
    environ = ctx.request.environ
    assert environ["werkzeug.request"] is ctx.request
    closed: list[bool] = []
    ctx.request.close = lambda: closed.append(True)
    ctx.pop()
    assert closed == [True]
    assert environ["werkzeug.request"] is None


def test_pushed_twice_tears_down_once(app: Any) -> None:
    ctx = app.test_request_context("/")
    ctx.push()
    ctx.push()
    ctx.pop()
    assert ("teardown_request", None) not in app.events
    assert _cv_request.get() is ctx
    ctx.pop()
    assert app.events.count(("teardown_request", None)) == 1
    assert _cv_request.get(None) is None


def test_teardown_gets_exception(app: Any) -> None:
    seen: list[Any] = []
    app.teardown_request_funcs.append(seen.append)
    error = ZeroDivisionError("x")
    with pytest.raises(ZeroDivisionError), app.test_request_context("/"):
        raise error
    assert seen == [error]
    assert app.events[-3:] == [
        ("teardown_request", error),
        ("teardown_appcontext", error),
        "popped",
    ]


def test_teardown_error_resets_everything(app: Any) -> None:
    def broken(exc: BaseException | None) -> None:
        raise RuntimeError("teardown failed")

    later: list[Any] = []
    app.teardown_request_funcs += [broken, later.append]
    ctx = app.test_request_context("/")
    ctx.push()
    closed: list[bool] = []
    ctx.request.close = lambda: closed.append(True)
    with pytest.raises(RuntimeError, match="teardown failed"):
        ctx.pop()
    assert later == [None]
    assert closed == [True]
    assert _cv_request.get(None) is None
    assert _cv_app.get(None) is None
    assert ("teardown_appcontext", None) in app.events


def test_pop_wrong_context(app: Any) -> None:
    first = app.test_request_context("/")
    second = app.test_request_context("/user/1")
    first.push()
    second.push()
    with pytest.raises(AssertionError) as info:
        first.pop()
    assert str(info.value) == (
        f"Popped wrong request context. ({second!r} instead of {first!r})"
    )


def test_repr(app: Any) -> None:
    ctx = app.test_request_context("/x", method="POST")
    assert repr(ctx) == "<RequestContext 'http://localhost/x' [POST] of fake>"


def test_uploaded_files_are_closed_when_the_context_pops(app: Any) -> None:
    from io import BytesIO

    ctx = app.test_request_context(
        "/", method="POST", data={"upload": (BytesIO(b"data"), "a.txt")}
    )
    with ctx:
        upload = ctx.request.files["upload"]
        assert upload.stream.closed is False
    assert upload.stream.closed is True


def test_a_request_class_with_its_own_close_is_always_closed(app: Any) -> None:
    closed: list[str] = []

    class Closing(Request):
        def close(self) -> None:
            closed.append(self.path)
            super().close()

    environ = EnvironBuilder(path="/user/1").get_environ()
    with RequestContext(app, environ, request=Closing(environ)):
        pass
    assert closed == ["/user/1"]
