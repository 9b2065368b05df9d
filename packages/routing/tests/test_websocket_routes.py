"""WebSocket rules and hooks on the registration scaffold."""

from __future__ import annotations

import pytest
from werkzeug.test import Client

from flaskish_routing import Router


def test_websocket_rules_match_only_upgrades_and_build_ws_urls(
    app: Router, client: Client
) -> None:
    @app.websocket("/live/<int:room>")
    async def live(room: int) -> None:
        pass

    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == "live")
    assert (rule.rule, rule.websocket, rule.methods) == (
        "/live/<int:room>",
        True,
        {"GET", "HEAD"},
    )
    assert app.view_functions["live"] is live
    adapter = app.url_map.bind("example.com", url_scheme="https")
    assert adapter.build("live", {"room": 4}) == "wss://example.com/live/4"
    ws_adapter = app.url_map.bind("example.com", url_scheme="ws")
    assert ws_adapter.match("/live/4", websocket=True) == ("live", {"room": 4})
    # A plain request to the URL is a bad request, not the handler.
    assert client.get("/live/4").status_code == 400


def test_websocket_hooks_are_recorded_per_scaffold(app: Router) -> None:
    def before() -> None: ...
    def after(response: object) -> object: ...
    def down(exc: BaseException | None) -> None: ...

    assert app.before_websocket(before) is before
    app.after_websocket(after)
    app.teardown_websocket(down)
    assert app.before_websocket_funcs == {None: [before]}
    assert app.after_websocket_funcs == {None: [after]}
    assert app.teardown_websocket_funcs == {None: [down]}
    assert app.before_request_funcs == {}


def test_websocket_handlers_must_be_async(app: Router) -> None:
    def handler() -> None: ...

    with pytest.raises(TypeError, match="must be an 'async def' function"):
        app.websocket("/ws")(handler)
    assert list(app.url_map.iter_rules()) == []
