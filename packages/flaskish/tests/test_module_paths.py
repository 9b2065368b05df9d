"""Every public name of each reference module path exists in flaskish."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

# The public names of each module path of the reference framework, as of
# its 3.1 release (names bound to standard-library classes and functions,
# type variables and its sans-IO base classes left out).
EXPECTED: dict[str, list[str]] = {
    "flaskish": [
        "Blueprint",
        "Config",
        "Flask",
        "Request",
        "Response",
        "abort",
        "after_this_request",
        "appcontext_popped",
        "appcontext_pushed",
        "appcontext_tearing_down",
        "before_render_template",
        "copy_current_request_context",
        "current_app",
        "flash",
        "g",
        "get_flashed_messages",
        "get_template_attribute",
        "got_request_exception",
        "has_app_context",
        "has_request_context",
        "jsonify",
        "make_response",
        "message_flashed",
        "redirect",
        "render_template",
        "render_template_string",
        "request",
        "request_finished",
        "request_started",
        "request_tearing_down",
        "send_file",
        "send_from_directory",
        "session",
        "stream_template",
        "stream_template_string",
        "stream_with_context",
        "template_rendered",
        "url_for",
    ],
    "flaskish.app": [
        "AppContext",
        "BadRequestKeyError",
        "BaseResponse",
        "BuildError",
        "Environment",
        "Flask",
        "HTTPException",
        "Headers",
        "ImmutableDict",
        "InternalServerError",
        "MapAdapter",
        "Request",
        "RequestContext",
        "RequestRedirect",
        "Response",
        "RoutingException",
        "Rule",
        "SecureCookieSessionInterface",
        "SessionInterface",
        "appcontext_tearing_down",
        "current_app",
        "g",
        "get_debug_flag",
        "get_flashed_messages",
        "get_host",
        "get_load_dotenv",
        "got_request_exception",
        "is_running_from_reloader",
        "request",
        "request_ctx",
        "request_finished",
        "request_started",
        "request_tearing_down",
        "send_from_directory",
        "session",
    ],
    "flaskish.blueprints": [
        "AppGroup",
        "Blueprint",
        "BlueprintSetupState",
        "current_app",
        "send_from_directory",
    ],
    "flaskish.cli": [
        "AppGroup",
        "CertParamType",
        "FlaskGroup",
        "NoAppException",
        "ParameterSource",
        "ScriptInfo",
        "SeparatedPathType",
        "cli",
        "current_app",
        "find_app_by_string",
        "find_best_app",
        "get_debug_flag",
        "get_load_dotenv",
        "get_version",
        "import_string",
        "is_running_from_reloader",
        "load_dotenv",
        "locate_app",
        "main",
        "pass_script_info",
        "prepare_import",
        "routes_command",
        "run_command",
        "run_simple",
        "shell_command",
        "show_server_banner",
        "version_option",
        "with_appcontext",
    ],
    "flaskish.config": ["Config", "ConfigAttribute", "import_string"],
    "flaskish.ctx": [
        "AppContext",
        "HTTPException",
        "RequestContext",
        "after_this_request",
        "appcontext_popped",
        "appcontext_pushed",
        "copy_current_request_context",
        "has_app_context",
        "has_request_context",
    ],
    "flaskish.debughelpers": [
        "BaseLoader",
        "Blueprint",
        "DebugFilesKeyError",
        "FormDataRoutingRedirect",
        "RequestRedirect",
        "UnexpectedUnicodeError",
        "attach_enctype_error_multidict",
        "explain_template_loading_attempts",
        "request_ctx",
    ],
    "flaskish.globals": [
        "LocalProxy",
        "app_ctx",
        "current_app",
        "g",
        "request",
        "request_ctx",
        "session",
    ],
    "flaskish.helpers": [
        "BaseResponse",
        "abort",
        "current_app",
        "flash",
        "get_debug_flag",
        "get_flashed_messages",
        "get_load_dotenv",
        "get_root_path",
        "get_template_attribute",
        "make_response",
        "message_flashed",
        "redirect",
        "request",
        "request_ctx",
        "send_file",
        "send_from_directory",
        "session",
        "stream_with_context",
        "url_for",
    ],
    "flaskish.json": ["current_app", "dump", "dumps", "jsonify", "load", "loads"],
    "flaskish.json.provider": ["DefaultJSONProvider", "JSONProvider", "http_date"],
    "flaskish.json.tag": [
        "JSONTag",
        "Markup",
        "PassDict",
        "PassList",
        "TagBytes",
        "TagDateTime",
        "TagDict",
        "TagMarkup",
        "TagTuple",
        "TagUUID",
        "TaggedJSONSerializer",
        "dumps",
        "http_date",
        "loads",
        "parse_date",
    ],
    "flaskish.logging": [
        "LocalProxy",
        "create_logger",
        "default_handler",
        "has_level_handler",
        "request",
        "wsgi_errors_stream",
    ],
    "flaskish.sessions": [
        "BadSignature",
        "CallbackDict",
        "NullSession",
        "SecureCookieSession",
        "SecureCookieSessionInterface",
        "SessionInterface",
        "SessionMixin",
        "TaggedJSONSerializer",
        "URLSafeTimedSerializer",
        "session_json_serializer",
    ],
    "flaskish.signals": [
        "Namespace",
        "appcontext_popped",
        "appcontext_pushed",
        "appcontext_tearing_down",
        "before_render_template",
        "got_request_exception",
        "message_flashed",
        "request_finished",
        "request_started",
        "request_tearing_down",
        "template_rendered",
    ],
    "flaskish.templating": [
        "BaseEnvironment",
        "BaseLoader",
        "DispatchingJinjaLoader",
        "Environment",
        "Template",
        "TemplateNotFound",
        "before_render_template",
        "current_app",
        "render_template",
        "render_template_string",
        "request",
        "stream_template",
        "stream_template_string",
        "stream_with_context",
        "template_rendered",
    ],
    "flaskish.testing": [
        "BaseRequest",
        "CliRunner",
        "Client",
        "EnvironBuilder",
        "FlaskCliRunner",
        "FlaskClient",
        "Result",
        "ScriptInfo",
        "SessionMixin",
    ],
    "flaskish.typing": [
        "AfterRequestCallable",
        "AppOrBlueprintKey",
        "BeforeFirstRequestCallable",
        "BeforeRequestCallable",
        "ErrorHandlerCallable",
        "HeaderValue",
        "HeadersValue",
        "ResponseReturnValue",
        "ResponseValue",
        "RouteCallable",
        "ShellContextProcessorCallable",
        "TeardownCallable",
        "TemplateContextProcessorCallable",
        "TemplateFilterCallable",
        "TemplateGlobalCallable",
        "TemplateTestCallable",
        "URLDefaultCallable",
        "URLValuePreprocessorCallable",
    ],
    "flaskish.views": [
        "MethodView",
        "View",
        "current_app",
        "http_method_funcs",
        "request",
    ],
    "flaskish.wrappers": [
        "BadRequest",
        "HTTPException",
        "Request",
        "RequestBase",
        "Response",
        "ResponseBase",
        "current_app",
    ],
}


@pytest.mark.parametrize("module_name", sorted(EXPECTED))
def test_module_exports_every_name(module_name: str) -> None:
    module = importlib.import_module(module_name)
    missing = [name for name in EXPECTED[module_name] if not hasattr(module, name)]
    assert missing == []


def test_package_has_version_and_json_module() -> None:
    import flaskish

    assert flaskish.__version__ == "0.1.0"
    assert flaskish.json is importlib.import_module("flaskish.json")
    assert flaskish.json.provider is importlib.import_module("flaskish.json.provider")


def test_same_objects_at_every_path() -> None:
    import flaskish
    import flaskish.app
    import flaskish.globals
    import flaskish.helpers
    import flaskish.signals
    import flaskish.templating
    import flaskish.wrappers

    assert flaskish.Flask is flaskish.app.Flask
    assert flaskish.Request is flaskish.wrappers.Request is flaskish.app.Request
    assert flaskish.request is flaskish.globals.request
    assert flaskish.url_for is flaskish.helpers.url_for
    assert flaskish.template_rendered is flaskish.templating.template_rendered
    assert flaskish.template_rendered is flaskish.signals.template_rendered


def test_python_dash_m_runs_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "flaskish", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Usage:")
    assert "routes" in done.stdout
    assert "run" in done.stdout


def test_ctx_module_has_the_default_g_class() -> None:
    # Applications subclass it for their own app_ctx_globals_class.
    import flaskish
    import flaskish.ctx

    assert flaskish.Flask.app_ctx_globals_class is flaskish.ctx._AppCtxGlobals


def test_sansio_paths_hold_the_base_classes() -> None:
    # Extensions type and check applications against these base classes.
    import flaskish
    import flaskish.sansio.app
    import flaskish.sansio.blueprints
    import flaskish.sansio.scaffold

    app = flaskish.Flask(__name__)
    blueprint = flaskish.Blueprint("bp", __name__)
    assert isinstance(app, flaskish.sansio.app.App)
    assert isinstance(app, flaskish.sansio.scaffold.Scaffold)
    assert isinstance(blueprint, flaskish.sansio.blueprints.Blueprint)
    assert isinstance(blueprint, flaskish.sansio.scaffold.Scaffold)
    assert not isinstance(blueprint, flaskish.sansio.app.App)
    assert flaskish.sansio.blueprints.Blueprint is flaskish.Blueprint
    assert callable(flaskish.sansio.scaffold.setupmethod)
