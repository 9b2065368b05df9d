"""Responses built without the constructor equal the constructor's."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

import pytest
from werkzeug.datastructures import Headers
from werkzeug.test import Client
from werkzeug.wrappers import Response

from flaskish_routing import Router
from flaskish_routing.plain_response import plain_response
from flaskish_routing.plain_response import response_of_mimetype


class Html(Response):
    default_mimetype = "text/html"


class Created(Response):
    default_status = 201


class Unmeasured(Response):
    automatically_set_content_length = False


class OwnInit(Response):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.headers["X-Own"] = "1"


class OwnSetData(Response):
    def set_data(self, value: bytes | str) -> None:
        super().set_data(value)
        self.headers["X-Set"] = "1"


class OwnCleanStatus(Response):
    def _clean_status(self, value: Any) -> tuple[str, int]:
        code = int(value)
        return f"{code} Mine", code


class OwnStatus(Response):
    @property
    def status(self) -> str:
        return self._status

    @status.setter
    def status(self, value: Any) -> None:
        self._status, self._status_code = f"{int(value)} Set", int(value)


class HeadersProperty(Response):
    @property
    def headers(self) -> Headers:  # type: ignore[override]
        return self.__dict__["_h"]  # type: ignore[no-any-return]

    @headers.setter
    def headers(self, value: Headers) -> None:
        value.add("X-Seen", "1")
        self.__dict__["_h"] = value


class Recording(Response):
    def __setattr__(self, name: str, value: Any) -> None:
        self.__dict__.setdefault("_set", []).append(name)
        object.__setattr__(self, name, value)


class Newline(Response):
    default_mimetype = "text/plain\n"


PLAIN_CLASSES = [Response, Html, Created, Unmeasured]
CONSTRUCTED_CLASSES = [
    OwnInit,
    OwnSetData,
    OwnCleanStatus,
    OwnStatus,
    HeadersProperty,
    Recording,
]
BODIES = ["", "Hello", "héllo wörld ✓", b"", b"\x00\xffbytes"]
STATUSES = [None, 200, 201, 204, 304, 404, 500]


def _state(response: Response) -> dict[str, Any]:
    state = dict(vars(response))
    state["headers"] = list(response.headers)
    return state


@pytest.mark.parametrize("cls", PLAIN_CLASSES)
@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("mimetype", [None, "application/json", "text/csv"])
def test_same_object_as_the_constructor(
    cls: type[Response], body: str | bytes, status: int | None, mimetype: str | None
) -> None:
    built = plain_response(cls, body, status, mimetype)
    assert built is not None
    made = cls(body, status, mimetype=mimetype)
    assert type(built) is type(made)
    assert _state(built) == _state(made)
    assert list(vars(built)) == list(vars(made))
    assert type(built.headers) is type(made.headers)
    assert built.get_data() == made.get_data()


@pytest.mark.parametrize("cls", [*CONSTRUCTED_CLASSES, Newline])
def test_classes_changing_construction_use_the_constructor(
    cls: type[Response],
) -> None:
    assert plain_response(cls, "body", 200) is None
    # What the callers then make is the constructor's, whatever it does.
    made = response_of_mimetype(cls, "body", "text/plain")
    assert made.get_data() == b"body"
    assert type(made) is cls


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (bytearray(b"x"), None),
        (iter([b"x"]), None),
        (["x"], None),
        ("x", "201 CREATED"),
        ("x", HTTPStatus.CREATED),
        ("x", True),
        ("x", 299),  # no reason phrase: werkzeug's parser decides
    ],
)
def test_other_arguments_use_the_constructor(body: Any, status: Any) -> None:
    assert plain_response(Response, body, status) is None


def test_no_mimetype_uses_the_constructor() -> None:
    class Bare(Response):
        default_mimetype = None

    assert plain_response(Bare, "x", 200) is None


def test_a_changed_status_phrase_is_seen() -> None:
    from werkzeug.http import HTTP_STATUS_CODES

    assert plain_response(Response, "x", 418).status == "418 I'M A TEAPOT"  # type: ignore[union-attr]
    HTTP_STATUS_CODES[418] = "Short And Stout"
    try:
        built = plain_response(Response, "x", 418)
        assert built is not None
        assert built.status == Response("x", 418).status == "418 SHORT AND STOUT"
    finally:
        HTTP_STATUS_CODES[418] = "I'm a teapot"


@pytest.mark.parametrize("cls", [Response, Created, Unmeasured, *CONSTRUCTED_CLASSES])
@pytest.mark.parametrize(
    "rv", ["text", b"bytes", ("made", 202), ("gone", 404), ({"a": 1}, 201)]
)
def test_router_responses_equal_the_constructor(cls: type[Response], rv: Any) -> None:
    """A view's return value gives what the class's constructor gives."""

    class App(Router):
        response_class = cls

    app = App(__name__)
    app.add_url_rule("/", "view", lambda: rv)
    served = Client(app).get("/")
    body, status = rv if isinstance(rv, tuple) else (rv, None)
    if isinstance(body, dict):
        expected = cls('{"a":1}\n', status, mimetype="application/json")
    else:
        expected = cls(body, status=status)
    assert served.status == expected.status
    assert list(served.headers) == list(expected.headers)
    assert served.get_data() == expected.get_data()
