"""The flaskish command line: app discovery, run, shell, routes, dotenv loading.

Only the environment flags load eagerly. Everything built on click loads on
first access, so importing the framework does not import click; an
application's ``cli`` group is created when first used
(:class:`AppGroupAttribute`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from flaskish_context.lazy import lazy_attributes

from .flags import get_debug_flag as get_debug_flag
from .flags import get_load_dotenv as get_load_dotenv
from .group_attribute import AppGroupAttribute as AppGroupAttribute

if TYPE_CHECKING:
    from .app_group import AppGroup as AppGroup
    from .app_group import with_appcontext as with_appcontext
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

__getattr__ = lazy_attributes(
    __name__,
    {
        "AppGroup": ".app_group",
        "with_appcontext": ".app_group",
        "is_app": ".protocol",
        "CliApp": ".protocol",
        "NoAppException": ".errors",
        "ScriptInfo": ".script_info",
        "pass_script_info": ".script_info",
        "show_server_banner": ".banner",
        "find_app_by_string": ".discovery",
        "find_best_app": ".discovery",
        "locate_app": ".discovery",
        "prepare_import": ".discovery",
        "load_dotenv": ".env_files",
        "FlaskGroup": ".flask_group",
        "cli": ".main",
        "main": ".main",
        "CertParamType": ".param_types",
        "SeparatedPathType": ".param_types",
        "routes_command": ".routes",
        "run_command": ".run",
        "shell_command": ".shell",
        "get_version": ".version",
        "version_option": ".version",
    },
)

__all__ = [
    "AppGroup",
    "AppGroupAttribute",
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
