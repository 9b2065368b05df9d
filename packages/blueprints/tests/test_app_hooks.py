from __future__ import annotations

from typing import Any

from werkzeug.exceptions import NotFound

from flaskish_blueprints import Blueprint
from flaskish_routing import Router


def test_app_wide_hooks_land_on_the_apps_none_key(app: Router) -> None:
    bp = Blueprint("bp", __name__)

    def before() -> None: ...
    def after(response: Any) -> Any: ...
    def teardown(exc: BaseException | None) -> None: ...
    def processor() -> dict[str, Any]: ...
    def preprocess(endpoint: str | None, values: dict[str, Any] | None) -> None: ...
    def defaults(endpoint: str, values: dict[str, Any]) -> None: ...

    assert bp.before_app_request(before) is before
    assert bp.after_app_request(after) is after
    assert bp.teardown_app_request(teardown) is teardown
    assert bp.app_context_processor(processor) is processor
    assert bp.app_url_value_preprocessor(preprocess) is preprocess
    assert bp.app_url_defaults(defaults) is defaults
    assert bp.before_request_funcs == {}

    app.register_blueprint(bp)
    assert app.before_request_funcs[None] == [before]
    assert app.after_request_funcs[None] == [after]
    assert app.teardown_request_funcs[None] == [teardown]
    assert processor in app.template_context_processors[None]
    assert app.url_value_preprocessors[None] == [preprocess]
    assert app.url_default_functions[None] == [defaults]
    assert "bp" not in app.before_request_funcs


def test_app_wide_hooks_apply_once_per_blueprint(app: Router) -> None:
    bp = Blueprint("bp", __name__)

    def before() -> None: ...

    bp.before_app_request(before)
    app.register_blueprint(bp)
    app.register_blueprint(bp, name="again")
    assert app.before_request_funcs[None] == [before]


def test_app_wide_hooks_append_after_the_apps_own(app: Router) -> None:
    def own() -> None: ...
    def from_bp() -> None: ...

    app.before_request(own)
    bp = Blueprint("bp", __name__)
    bp.before_app_request(from_bp)
    app.register_blueprint(bp)
    assert app.before_request_funcs[None] == [own, from_bp]


def test_app_errorhandler(app: Router) -> None:
    bp = Blueprint("bp", __name__)

    @bp.app_errorhandler(404)
    def not_found(e: Exception) -> tuple[str, int]:
        return "missing", 404

    @bp.app_errorhandler(KeyError)
    def key_error(e: Exception) -> tuple[str, int]:
        return "key", 400

    assert bp.error_handler_spec == {}
    app.register_blueprint(bp)
    assert app.error_handler_spec[None][404] == {NotFound: not_found}
    assert app.error_handler_spec[None][None] == {KeyError: key_error}
    assert "bp" not in app.error_handler_spec


def test_app_hooks_from_a_nested_blueprint(app: Router) -> None:
    parent = Blueprint("parent", __name__)
    child = Blueprint("child", __name__)

    def before() -> None: ...

    child.before_app_request(before)
    parent.register_blueprint(child)
    app.register_blueprint(parent)
    assert app.before_request_funcs[None] == [before]
