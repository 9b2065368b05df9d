from __future__ import annotations

from typing import Any

import pytest
from werkzeug.exceptions import Forbidden
from werkzeug.exceptions import NotFound

from flaskish_blueprints import Blueprint
from flaskish_routing import Router


def _hook() -> None:
    return None


def test_same_blueprint_twice_with_the_same_name(app: Router) -> None:
    bp = Blueprint("bp", __name__)
    app.register_blueprint(bp)
    with pytest.raises(ValueError) as info:
        app.register_blueprint(bp)
    assert str(info.value) == (
        "The name 'bp' is already registered for this blueprint."
        " Use 'name=' to provide a unique name."
    )


def test_different_blueprint_with_a_taken_name(app: Router) -> None:
    app.register_blueprint(Blueprint("bp", __name__))
    with pytest.raises(ValueError) as info:
        app.register_blueprint(Blueprint("bp", __name__))
    assert str(info.value) == (
        "The name 'bp' is already registered for a different blueprint."
        " Use 'name=' to provide a unique name."
    )


def test_nested_clash_names_the_dotted_name(app: Router) -> None:
    parent = Blueprint("parent", __name__)
    parent.register_blueprint(Blueprint("child", __name__))
    parent.register_blueprint(Blueprint("child", __name__))
    with pytest.raises(ValueError) as info:
        app.register_blueprint(parent)
    assert str(info.value) == (
        "The name 'child' is already registered for a different blueprint"
        " 'parent.child'. Use 'name=' to provide a unique name."
    )


def test_name_option_allows_a_second_registration(app: Router) -> None:
    bp = Blueprint("bp", __name__, url_prefix="/bp")
    bp.add_url_rule("/", "index", lambda: "")
    app.register_blueprint(bp)
    app.register_blueprint(bp, name="alt", url_prefix="/alt")
    assert app.blueprints == {"bp": bp, "alt": bp}
    assert {r.endpoint: r.rule for r in app.url_map.iter_rules()} == {
        "bp.index": "/bp/",
        "alt.index": "/alt/",
    }


def test_name_option_renames_nested_blueprints(app: Router) -> None:
    parent = Blueprint("parent", __name__)
    child = Blueprint("child", __name__)
    child.add_url_rule("/", "index", lambda: "")
    parent.register_blueprint(child, name="renamed")
    app.register_blueprint(parent, name="outer")
    assert set(app.blueprints) == {"outer", "outer.renamed"}
    assert [r.endpoint for r in app.url_map.iter_rules()] == ["outer.renamed.index"]


def test_blueprints_dict_keeps_registration_order(app: Router) -> None:
    parent = Blueprint("parent", __name__)
    child = Blueprint("child", __name__)
    parent.register_blueprint(child)
    other = Blueprint("other", __name__)
    app.register_blueprint(parent)
    app.register_blueprint(other)
    assert list(app.blueprints) == ["parent", "parent.child", "other"]
    assert list(app.iter_blueprints()) == [parent, child, other]


def test_registries_merge_under_the_dotted_name(app: Router) -> None:
    parent = Blueprint("parent", __name__)
    child = Blueprint("child", __name__)

    def first() -> None: ...
    def second() -> None: ...
    def after(response: Any) -> Any: ...
    def teardown(exc: BaseException | None) -> None: ...
    def preprocess(endpoint: str | None, values: dict[str, Any] | None) -> None: ...
    def defaults(endpoint: str, values: dict[str, Any]) -> None: ...
    def processor() -> dict[str, Any]: ...

    parent.before_request(first)
    parent.before_request(second)
    parent.after_request(after)
    parent.teardown_request(teardown)
    parent.url_value_preprocessor(preprocess)
    parent.url_defaults(defaults)
    parent.context_processor(processor)
    child.before_request(second)
    child.teardown_request(teardown)
    parent.register_blueprint(child)
    app.register_blueprint(parent)

    assert app.before_request_funcs["parent"] == [first, second]
    assert app.before_request_funcs["parent.child"] == [second]
    assert app.after_request_funcs["parent"] == [after]
    assert app.teardown_request_funcs["parent"] == [teardown]
    assert app.teardown_request_funcs["parent.child"] == [teardown]
    assert app.url_value_preprocessors["parent"] == [preprocess]
    assert app.url_default_functions["parent"] == [defaults]
    assert app.template_context_processors["parent"] == [processor]
    assert app.before_request_funcs.get(None, []) == []
    assert "parent.child" not in app.after_request_funcs


def test_registries_merge_again_for_each_name(app: Router) -> None:
    bp = Blueprint("bp", __name__)
    bp.before_request(_hook)
    app.register_blueprint(bp)
    app.register_blueprint(bp, name="alt")
    assert app.before_request_funcs["bp"] == [_hook]
    assert app.before_request_funcs["alt"] == [_hook]


def test_registries_keyed_by_name_on_the_blueprint(app: Router) -> None:
    # Extensions write a blueprint's registries directly with other keys.
    bp = Blueprint("bp", __name__)
    bp.before_request_funcs.setdefault("inner", []).append(_hook)
    app.register_blueprint(bp)
    assert app.before_request_funcs["bp.inner"] == [_hook]


def test_error_handlers_merge_under_the_dotted_name(app: Router) -> None:
    parent = Blueprint("parent", __name__)
    child = Blueprint("child", __name__)

    def not_found(e: Exception) -> str:
        return "nf"

    def forbidden(e: Exception) -> str:
        return "fb"

    parent.register_error_handler(404, not_found)
    child.errorhandler(Forbidden)(forbidden)
    parent.register_blueprint(child)
    app.register_blueprint(parent)

    assert app.error_handler_spec["parent"][404] == {NotFound: not_found}
    assert app.error_handler_spec["parent.child"][403] == {Forbidden: forbidden}
    # The app's copy is its own: later blueprint changes do not leak in.
    parent.error_handler_spec[None][404][NotFound] = forbidden
    assert app.error_handler_spec["parent"][404] == {NotFound: not_found}


def test_view_functions_merge(app: Router) -> None:
    bp = Blueprint("bp", __name__)

    @bp.endpoint("custom")
    def custom() -> str:
        return ""

    app.register_blueprint(bp)
    assert app.view_functions["custom"] is custom


def test_app_without_cli_takes_blueprints_without_commands(app: Router) -> None:
    bp = Blueprint("bp", __name__)
    app.register_blueprint(bp)
    assert app.blueprints["bp"] is bp


def test_blueprint_attributes() -> None:
    bp = Blueprint(
        "bp",
        __name__,
        url_prefix="/p",
        subdomain="s",
        url_defaults={"a": 1},
        cli_group="g",
    )
    assert (bp.name, bp.import_name, bp.url_prefix, bp.subdomain) == (
        "bp",
        __name__,
        "/p",
        "s",
    )
    assert bp.url_values_defaults == {"a": 1}
    assert bp.cli_group == "g"
    assert bp.deferred_functions == []
