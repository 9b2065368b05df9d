"""The mixed site over HTTP: three applications, one session."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar
from typing import Any

import pytest


class Browser:
    """A urllib opener keeping cookies, as a browser would."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies)
        )

    def get(self, path: str) -> Any:
        return self.opener.open(self.base_url + path, timeout=10)

    def text(self, path: str) -> str:
        with self.get(path) as response:
            return str(response.read().decode())

    def post(self, path: str, **form: str) -> str:
        data = urllib.parse.urlencode(form).encode()
        with self.opener.open(self.base_url + path, data, timeout=10) as response:
            return str(response.read().decode())


@pytest.fixture
def browser(base_url: str) -> Browser:
    return Browser(base_url)


def test_one_session_across_the_three_applications(browser: Browser) -> None:
    assert browser.text("/") == "hello stranger: visit 1, legacy hits 0"
    # The flaskish app logs in; the redirect lands on its home page.
    assert browser.post("/login", name="ann") == "hello ann: visit 2, legacy hits 0"
    # The router's blueprint reads the session the flaskish app wrote.
    with browser.get("/api/items/") as response:
        assert response.status == 200
        assert json.loads(response.read()) == {
            "user": "ann",
            "items": ["teapot", "kettle", "cup"],
            "self": "/api/items/",
            "first": "/api/items/0",
        }
    # The foreign WSGI app reads and writes it through the proxies.
    with browser.get("/legacy/page") as response:
        assert response.headers["Cache-Control"] == "no-store"
        assert response.read() == b"legacy page /page for ann, hit 1"
    assert browser.text("/legacy/page") == "legacy page /page for ann, hit 2"
    # And the flaskish app sees what the foreign app wrote.
    assert browser.text("/") == "hello ann: visit 3, legacy hits 2"
    [cookie] = list(browser.cookies)
    assert (cookie.name, cookie.path) == ("session", "/")


def test_sessions_of_two_browsers_stay_apart(base_url: str) -> None:
    ann, bob = Browser(base_url), Browser(base_url)
    ann.post("/login", name="ann")
    bob.post("/login", name="bob")
    assert ann.text("/legacy/") == "legacy page / for ann, hit 1"
    assert bob.text("/legacy/") == "legacy page / for bob, hit 1"
    assert json.loads(bob.text("/api/items/"))["user"] == "bob"


def test_router_errors_and_streams_over_http(browser: Browser) -> None:
    with pytest.raises(urllib.error.HTTPError) as missing:
        browser.get("/api/items/9")
    with missing.value:
        assert missing.value.code == 404
        assert json.loads(missing.value.read()) == {"error": "no such item"}
    with pytest.raises(urllib.error.HTTPError) as unknown:
        browser.get("/api/nowhere")
    with unknown.value:
        assert unknown.value.code == 404
    with browser.get("/api/items/stream?n=2&who=ann") as response:
        assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
        assert response.read() == b"teapot for ann\nkettle for ann\n"


def test_tampered_cookie_gives_a_fresh_session(browser: Browser) -> None:
    browser.post("/login", name="ann")
    [cookie] = list(browser.cookies)
    cookie.value = cookie.value[:-2] + "xx"
    assert browser.text("/legacy/") == "legacy page / for stranger, hit 1"


def test_concurrent_browsers_never_see_each_others_session(base_url: str) -> None:
    names = [f"user{i}" for i in range(8)]
    seen: dict[str, list[str]] = {}

    def visit(name: str) -> None:
        browser = Browser(base_url)
        browser.post("/login", name=name)
        seen[name] = [
            browser.text("/legacy/"),
            json.loads(browser.text("/api/items/"))["user"],
            browser.text("/"),
        ]

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(visit, names))
    assert seen == {
        name: [
            f"legacy page / for {name}, hit 1",
            name,
            f"hello {name}: visit 2, legacy hits 1",
        ]
        for name in names
    }
