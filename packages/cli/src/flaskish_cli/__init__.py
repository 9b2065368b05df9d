"""The flaskish command line: app discovery, run, shell, routes, dotenv loading.

The names used by applications at import time (``AppGroup``, the flags) are
loaded eagerly; the command-line machinery loads on first access, so
importing the framework does not import the whole CLI.
"""

from __future__ import annotations

import importlib
from typing import Any
from typing import TYPE_CHECKING

from .app_group import AppGroup as AppGroup
from .app_group import with_appcontext as with_appcontext
from .flags import get_debug_flag as get_debug_flag
from .flags import get_load_dotenv as get_load_dotenv

if TYPE_CHECKING:
    from .banner import show_server_banner as show_server_banner
    from .discovery import find_app_by_string as find_app_by_string
    from .discovery import find_best_app as find_best_app
    from .discovery import locate_app as locate_app
    from .discovery import prepare_import as prepare_import
    from .env_files import load_dotenv as load_dotenv
    from .errors import NoAppException as NoAppException
    from .flask_group import FlaskGroup as FlaskGroup
    from .main import cli as cli
    from .main import main as main
    from .param_types import CertParamType as CertParamType
    from .param_types import SeparatedPathType as SeparatedPathType
    from .protocol import CliApp as CliApp
    from .protocol import is_app as is_app
    from .routes import routes_command as routes_command
    from .run import run_command as run_command
    from .script_info import pass_script_info as pass_script_info
    from .script_info import ScriptInfo as ScriptInfo
    from .shell import shell_command as shell_command
    from .version import get_version as get_version
    from .version import version_option as version_option

__version__ = "0.1.0"

# Public name -> submodule, for the names loaded on first access.
_LAZY: dict[str, str] = {
    "is_app": "protocol",
    "CliApp": "protocol",
    "NoAppException": "errors",
    "ScriptInfo": "script_info",
    "pass_script_info": "script_info",
    "show_server_banner": "banner",
    "find_app_by_string": "discovery",
    "find_best_app": "discovery",
    "locate_app": "discovery",
    "prepare_import": "discovery",
    "load_dotenv": "env_files",
    "FlaskGroup": "flask_group",
    "cli": "main",
    "main": "main",
    "CertParamType": "param_types",
    "SeparatedPathType": "param_types",
    "routes_command": "routes",
    "run_command": "run",
    "shell_command": "shell",
    "get_version": "version",
    "version_option": "version",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    loaded = importlib.import_module(f".{module}", __name__)
    # Bind every name of that submodule now: importing it set the package
    # attribute of its own name (``main``) to the submodule object.
    for lazy_name, lazy_module in _LAZY.items():
        if lazy_module == module:
            globals()[lazy_name] = getattr(loaded, lazy_name)
    return getattr(loaded, name)


__all__ = [
    "AppGroup",
    "CertParamType",
    "CliApp",
    "FlaskGroup",
    "NoAppException",
    "ScriptInfo",
    "SeparatedPathType",
    "cli",
    "find_app_by_string",
    "find_best_app",
    "get_debug_flag",
    "get_load_dotenv",
    "get_version",
    "is_app",
    "load_dotenv",
    "locate_app",
    "main",
    "pass_script_info",
    "prepare_import",
    "routes_command",
    "run_command",
    "shell_command",
    "show_server_banner",
    "version_option",
    "with_appcontext",
]
