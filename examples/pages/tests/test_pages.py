from __future__ import annotations

from typing import Any

import pytest


def test_home_uses_layout_and_macro_nav(client: Any) -> None:
    html = client.get("/").get_data(as_text=True)
    assert "<title>Home · Pages</title>" in html
    assert '<a href="/" class="current">Home</a>' in html
    assert '<a href="/guestbook">Guestbook</a>' in html
    assert "The guestbook has 0 entries." in html
    assert '<link rel="stylesheet" href="/static/site.css">' in html


def test_static_file(client: Any) -> None:
    response = client.get("/static/site.css")
    assert response.status_code == 200
    assert response.mimetype == "text/css"
    assert b"nav a.current" in response.data
    response.close()


def test_static_path_traversal_is_404(client: Any) -> None:
    assert client.get("/static/../__init__.py").status_code == 404


def test_signing_flashes_once_and_lists_entry(client: Any) -> None:
    response = client.post(
        "/guestbook", data={"name": "Ada Lovelace", "message": "Lovely engine"}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/guestbook"
    page = client.get("/guestbook").get_data(as_text=True)
    assert '<p class="flash">Thanks for signing, Ada Lovelace!</p>' in page
    assert '<b title="Ada Lovelace">AL</b> Lovely engine' in page
    again = client.get("/guestbook").get_data(as_text=True)
    assert "Thanks for signing" not in again
    assert "The guestbook has 1 entry." in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize(
    ("form", "error"),
    [
        ({"name": "", "message": "hello"}, "Please tell us your name."),
        ({"name": "Bo", "message": "hi"}, "A message needs at least 3 characters."),
    ],
)
def test_form_errors_rerender_with_values(
    client: Any, form: dict[str, str], error: str
) -> None:
    response = client.post("/guestbook", data=form)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert f'<span class="error">{error}</span>' in html
    assert f'value="{form["name"]}"' in html


def test_user_input_is_escaped(client: Any) -> None:
    client.post(
        "/guestbook", data={"name": "<i>x</i>", "message": "<script>bad()</script>"}
    )
    html = client.get("/guestbook").get_data(as_text=True)
    assert "&lt;script&gt;bad()&lt;/script&gt;" in html
    assert "<script>bad()" not in html
