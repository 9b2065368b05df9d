"""Flask's public module paths and names, as applications import them."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import flaskish
import flaskish.app
import flaskish.blueprints
import flaskish.globals
import flaskish.helpers
import flaskish.json
import flaskish.wrappers


def test_submodules_are_attributes_after_import() -> None:
    # A fresh interpreter, so nothing but the package itself has been imported.
    package = flaskish.__name__
    names = [
        "app",
        "blueprints",
        "config",
        "ctx",
        "globals",
        "helpers",
        "json",
        "logging",
        "sessions",
        "signals",
        "templating",
        "wrappers",
    ]
    code = (
        f"import {package}\nprint([n for n in {names!r} if not hasattr({package}, n)])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout == "[]\n"


PUBLIC_NAMES = {
    "flaskish": "Flask Blueprint Config Request Response request session g current_app url_for abort redirect"
    " jsonify make_response flash get_flashed_messages render_template render_template_string"
    " stream_template stream_template_string send_file send_from_directory after_this_request"
    " copy_current_request_context stream_with_context has_app_context has_request_context"
    " get_template_attribute json request_started request_finished got_request_exception"
    " request_tearing_down appcontext_tearing_down appcontext_pushed appcontext_popped"
    " template_rendered before_render_template message_flashed",
    "flaskish.app": "Flask",
    "flaskish.blueprints": "Blueprint BlueprintSetupState",
    "flaskish.cli": "FlaskGroup AppGroup ScriptInfo with_appcontext load_dotenv find_best_app locate_app prepare_import",
    "flaskish.config": "Config ConfigAttribute",
    "flaskish.ctx": "AppContext RequestContext after_this_request copy_current_request_context has_request_context",
    "flaskish.debughelpers": "DebugFilesKeyError FormDataRoutingRedirect UnexpectedUnicodeError",
    "flaskish.globals": "current_app g request session app_ctx request_ctx",
    "flaskish.helpers": "url_for redirect abort flash get_flashed_messages send_file send_from_directory"
    " make_response stream_with_context get_root_path",
    "flaskish.json": "dumps dump loads load jsonify",
    "flaskish.json.provider": "JSONProvider DefaultJSONProvider",
    "flaskish.json.tag": "JSONTag TaggedJSONSerializer",
    "flaskish.logging": "default_handler create_logger has_level_handler wsgi_errors_stream",
    "flaskish.sessions": "SessionMixin SecureCookieSession NullSession SessionInterface SecureCookieSessionInterface",
    "flaskish.signals": "template_rendered before_render_template request_started message_flashed",
    "flaskish.templating": "Environment DispatchingJinjaLoader render_template render_template_string stream_template",
    "flaskish.testing": "FlaskClient FlaskCliRunner EnvironBuilder",
    "flaskish.typing": "ResponseReturnValue RouteCallable ErrorHandlerCallable AfterRequestCallable",
    "flaskish.views": "View MethodView",
    "flaskish.wrappers": "Request Response",
}


@pytest.mark.parametrize("module", sorted(PUBLIC_NAMES))
def test_public_names(module: str) -> None:
    imported = importlib.import_module(module)
    missing = [
        name for name in PUBLIC_NAMES[module].split() if not hasattr(imported, name)
    ]
    assert missing == []


def test_top_level_names_are_the_module_objects() -> None:
    assert flaskish.Flask is flaskish.app.Flask
    assert flaskish.request is flaskish.globals.request
    assert flaskish.url_for is flaskish.helpers.url_for
    assert flaskish.Request is flaskish.wrappers.Request
    assert flaskish.jsonify is flaskish.json.jsonify


def test_default_g_class_is_importable_from_ctx() -> None:
    import flaskish.ctx

    class Globals(flaskish.ctx._AppCtxGlobals):
        pass

    app = flaskish.Flask(__name__)
    assert app.app_ctx_globals_class is flaskish.ctx._AppCtxGlobals
    app.app_ctx_globals_class = Globals
    with app.app_context():
        assert type(flaskish.g._get_current_object()) is Globals


def test_sansio_base_classes() -> None:
    import flaskish.sansio.app
    import flaskish.sansio.blueprints
    import flaskish.sansio.scaffold

    app = flaskish.Flask(__name__)
    blueprint = flaskish.Blueprint("shop", __name__)
    assert isinstance(app, flaskish.sansio.app.App)
    assert isinstance(app, flaskish.sansio.scaffold.Scaffold)
    assert isinstance(blueprint, flaskish.sansio.blueprints.Blueprint)
    assert isinstance(blueprint, flaskish.sansio.scaffold.Scaffold)
    assert not isinstance(blueprint, flaskish.sansio.app.App)
    assert issubclass(
        flaskish.blueprints.BlueprintSetupState,
        flaskish.sansio.blueprints.BlueprintSetupState,
    )
