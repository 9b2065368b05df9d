"""The command line: app discovery, run, shell, routes.

Re-exports at the module path applications import from; the
implementation lives in the flaskish components.
"""

from __future__ import annotations

# Flask's cli module binds click, and extensions import it from there.
import click as click
from click.core import ParameterSource as ParameterSource
from werkzeug.serving import is_running_from_reloader as is_running_from_reloader
from werkzeug.serving import run_simple as run_simple
from werkzeug.utils import import_string as import_string

from flaskish_cli import AppGroup as AppGroup
from flaskish_cli import CertParamType as CertParamType
from flaskish_cli import cli as cli
from flaskish_cli import find_app_by_string as find_app_by_string
from flaskish_cli import find_best_app as find_best_app
from flaskish_cli import FlaskGroup as FlaskGroup
from flaskish_cli import get_debug_flag as get_debug_flag
from flaskish_cli import get_load_dotenv as get_load_dotenv
from flaskish_cli import get_version as get_version
from flaskish_cli import load_dotenv as load_dotenv
from flaskish_cli import locate_app as locate_app
from flaskish_cli import main as main
from flaskish_cli import NoAppException as NoAppException
from flaskish_cli import pass_script_info as pass_script_info
from flaskish_cli import prepare_import as prepare_import
from flaskish_cli import routes_command as routes_command
from flaskish_cli import run_command as run_command
from flaskish_cli import ScriptInfo as ScriptInfo
from flaskish_cli import SeparatedPathType as SeparatedPathType
from flaskish_cli import shell_command as shell_command
from flaskish_cli import show_server_banner as show_server_banner
from flaskish_cli import version_option as version_option
from flaskish_cli import with_appcontext as with_appcontext

from .globals import current_app as current_app
