"""WebSocket routes and hooks of blueprints, merged on registration."""

from __future__ import annotations

from flaskish_blueprints import Blueprint
from flaskish_routing import Router


def test_blueprint_websockets_get_prefix_name_and_hooks(app: Router) -> None:
    bp = Blueprint("chat", __name__, url_prefix="/chat", subdomain="rt")

    @bp.websocket("/<name>")
    async def room(name: str) -> None: ...

    def before() -> None: ...
    def app_wide(exc: BaseException | None) -> None: ...

    bp.before_websocket(before)
    bp.teardown_app_websocket(app_wide)
    app.register_blueprint(bp, url_prefix="/v1")
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == "chat.room")
    assert (rule.rule, rule.subdomain, rule.websocket) == ("/v1/<name>", "rt", True)
    assert app.view_functions["chat.room"] is room
    assert app.before_websocket_funcs == {"chat": [before]}
    assert app.teardown_websocket_funcs == {None: [app_wide]}
