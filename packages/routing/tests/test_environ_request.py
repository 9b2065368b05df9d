"""EnvironRequest has the attributes werkzeug's Request gives the same environ."""

from __future__ import annotations

from typing import Any

import pytest
from werkzeug.datastructures import Headers
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from flaskish_routing.environ_request import EnvironRequest

#: What werkzeug's two constructors set, and properties derived from them.
ATTRIBUTES = (
    "method",
    "scheme",
    "server",
    "root_path",
    "path",
    "query_string",
    "remote_addr",
    "shallow",
    "full_path",
    "url",
    "base_url",
    "host_url",
    "host",
    "args",
    "cookies",
    "content_type",
)


def _environ(**kwargs: Any) -> dict[str, Any]:
    return EnvironBuilder(**kwargs).get_environ()


ENVIRONS = [
    _environ(path="/"),
    _environ(path="/café/ü", query_string="a=%C3%A9&b=2"),
    _environ(path="//a//b/", base_url="https://Example.ORG:8443/root/sub/"),
    _environ(path="/x", method="post", headers={"Cookie": "a=1", "X-Y": "z"}),
    {**_environ(path="/"), "SERVER_PORT": "/tmp/socket"},
    {
        key: value
        for key, value in _environ(path="/x").items()
        if key not in {"SERVER_NAME", "PATH_INFO", "SCRIPT_NAME", "QUERY_STRING"}
    },
    {
        key: value
        for key, value in _environ(path="/x").items()
        if key not in {"REQUEST_METHOD", "wsgi.url_scheme", "REMOTE_ADDR"}
    },
    # PATH_INFO as a server gives it: UTF-8 bytes decoded as latin-1.
    {**_environ(path="/"), "PATH_INFO": "/caf\xc3\xa9", "SCRIPT_NAME": "/\xc3\xa9/"},
]


@pytest.mark.parametrize("environ", ENVIRONS)
def test_same_attributes_as_werkzeug(environ: dict[str, Any]) -> None:
    expected = Request(dict(environ))
    request = EnvironRequest(dict(environ))
    for name in ATTRIBUTES:
        assert getattr(request, name) == getattr(expected, name), name
    assert request.user_agent.string == expected.user_agent.string
    assert list(request.headers) == list(expected.headers)
    assert request.environ["werkzeug.request"] is request


@pytest.mark.parametrize("shallow", [False, True])
@pytest.mark.parametrize("populate", [False, True])
def test_request_link_in_environ(populate: bool, shallow: bool) -> None:
    for cls in (Request, EnvironRequest):
        environ = _environ(path="/")
        request = cls(environ, populate_request=populate, shallow=shallow)
        assert ("werkzeug.request" in environ) is (populate and not shallow)
        assert request.shallow is shallow


def test_attributes_can_be_assigned_before_and_after_first_read() -> None:
    request = EnvironRequest(_environ(path="/a", base_url="http://h.test:81"))
    request.method = "PATCH"
    request.path = "/b"
    assert request.server == ("h.test", 81)
    request.server = ("other.test", 82)
    request.headers = Headers(request.headers)
    request.headers["X-New"] = "1"
    assert (request.method, request.path) == ("PATCH", "/b")
    assert request.server == ("other.test", 82)
    assert request.host_url == "http://h.test:81/"
    assert request.headers["X-New"] == "1"
    assert "HTTP_X_NEW" not in request.environ


def test_headers_are_a_live_view_of_the_environ() -> None:
    request = EnvironRequest(_environ(path="/"))
    headers = request.headers
    request.environ["HTTP_X_LATE"] = "yes"
    assert headers["X-Late"] == "yes"
    assert request.headers is headers


def test_is_werkzeug_request() -> None:
    assert isinstance(EnvironRequest(_environ(path="/")), Request)


@pytest.mark.parametrize("direct", [True, False])
def test_headers_are_the_object_werkzeug_makes(
    direct: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flaskish_routing import environ_request

    monkeypatch.setattr(environ_request, "_PLAIN_ENVIRON_HEADERS", direct)
    environ = _environ(path="/", headers={"Cookie": "a=1", "X-Y": "z"})
    made = EnvironRequest(environ).headers
    expected = Request(environ).headers
    assert type(made) is type(expected)
    assert list(vars(made).items()) == list(vars(expected).items())
    assert made.environ is environ
    assert list(made) == list(expected)
