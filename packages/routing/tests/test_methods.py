"""Allowed methods, automatic OPTIONS, HEAD and 405 responses."""

from __future__ import annotations

from typing import Any

import pytest
from werkzeug.test import Client

from flaskish_routing import Router


def _methods(app: Router, endpoint: str) -> set[str]:
    (rule,) = [r for r in app.url_map.iter_rules() if r.endpoint == endpoint]
    return set(rule.methods or ())


def test_options_lists_the_allowed_methods(app: Router, client: Client) -> None:
    app.add_url_rule("/x", "x", lambda: "x", methods=["GET", "POST"])
    app.add_url_rule("/x", "x_put", lambda: "put", methods=["PUT"])
    response = client.options("/x")
    assert response.status_code == 200
    assert response.get_data() == b""
    assert sorted(response.allow) == ["GET", "HEAD", "OPTIONS", "POST", "PUT"]


def test_head_answers_like_get_without_a_body(app: Router, client: Client) -> None:
    app.add_url_rule("/x", "x", lambda: ("body", {"X-View": "ran"}))
    response = client.head("/x")
    assert response.status_code == 200
    assert response.get_data() == b""
    assert response.headers["X-View"] == "ran"
    assert response.headers["Content-Length"] == "4"


def test_wrong_method_is_405_with_allow(app: Router, client: Client) -> None:
    app.add_url_rule("/x", "x", lambda: "x", methods=["POST"])
    response = client.get("/x")
    assert response.status_code == 405
    assert sorted(response.allow) == ["OPTIONS", "POST"]
    assert b"Method Not Allowed" in response.get_data()


def test_missing_url_is_404(app: Router, client: Client) -> None:
    response = client.get("/nowhere")
    assert response.status_code == 404
    assert b"Not Found" in response.get_data()


def test_view_handling_options_itself(app: Router, client: Client) -> None:
    app.add_url_rule("/x", "x", lambda: "mine", methods=["GET", "OPTIONS"])
    assert _methods(app, "x") == {"GET", "HEAD", "OPTIONS"}
    assert app.url_map._rules[0].provide_automatic_options is False  # type: ignore[attr-defined]
    assert client.options("/x").get_data(as_text=True) == "mine"


def test_provide_automatic_options_false(app: Router, client: Client) -> None:
    app.add_url_rule("/x", "x", lambda: "x", provide_automatic_options=False)
    assert _methods(app, "x") == {"GET", "HEAD"}
    assert client.options("/x").status_code == 405


def test_view_attributes_drive_methods(app: Router, client: Client) -> None:
    def view() -> str:
        return "v"

    view.methods = ["post"]  # type: ignore[attr-defined]
    view.required_methods = ["PATCH"]  # type: ignore[attr-defined]
    app.add_url_rule("/x", view_func=view)
    assert _methods(app, "view") == {"POST", "PATCH", "OPTIONS"}

    def manual() -> str:
        return "m"

    manual.provide_automatic_options = False  # type: ignore[attr-defined]
    app.add_url_rule("/m", view_func=manual)
    assert _methods(app, "manual") == {"GET", "HEAD"}
    # The argument wins over the attribute.
    app.add_url_rule("/m2", "m2", manual, provide_automatic_options=True)
    assert _methods(app, "m2") == {"GET", "HEAD"}
    # Forcing it on does not add OPTIONS to the rule's methods.
    response = client.options("/m2")
    assert response.status_code == 405
    assert response.allow.as_set() == {"get", "head"}


def test_required_options_still_means_automatic(app: Router, client: Client) -> None:
    def view() -> str:
        return "view"

    view.required_methods = ["OPTIONS"]  # type: ignore[attr-defined]
    app.add_url_rule("/x", view_func=view)
    response = client.options("/x")
    assert response.get_data() == b""
    assert sorted(response.allow) == ["GET", "HEAD", "OPTIONS"]


@pytest.mark.parametrize(("setting", "expected"), [(True, True), (False, False)])
def test_config_provide_automatic_options(setting: bool, expected: bool) -> None:
    class Configured(Router):
        config: dict[str, Any] = {"PROVIDE_AUTOMATIC_OPTIONS": setting}

    app = Configured(__name__)
    app.add_url_rule("/x", "x", lambda: "x")
    assert ("OPTIONS" in _methods(app, "x")) is expected
