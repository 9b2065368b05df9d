"""The flaskish command line: app discovery, run, shell, routes, dotenv loading."""

from __future__ import annotations

from .app_group import AppGroup
from .app_group import with_appcontext
from .banner import show_server_banner
from .discovery import find_app_by_string
from .discovery import find_best_app
from .discovery import locate_app
from .discovery import prepare_import
from .env_files import load_dotenv
from .errors import NoAppException
from .flags import get_debug_flag
from .flags import get_load_dotenv
from .flask_group import FlaskGroup
from .main import cli
from .main import main
from .param_types import CertParamType
from .param_types import SeparatedPathType
from .protocol import CliApp
from .protocol import is_app
from .routes import routes_command
from .run import run_command
from .script_info import pass_script_info
from .script_info import ScriptInfo
from .shell import shell_command
from .version import get_version
from .version import version_option

__version__ = "0.1.0"

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
