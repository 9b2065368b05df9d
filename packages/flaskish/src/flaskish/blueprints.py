"""Blueprints: groups of routes, hooks and templates.

Re-exports at the module path applications import from; the
implementation lives in the flaskish components.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from flaskish_blueprints import Blueprint as Blueprint
from flaskish_blueprints import BlueprintSetupState as BlueprintSetupState
from flaskish_context import send_from_directory as send_from_directory
from flaskish_context.lazy import lazy_attributes

from .globals import current_app as current_app

if TYPE_CHECKING:
    from flaskish_cli import AppGroup as AppGroup

# click loads with the first command group, not with this module.
__getattr__ = lazy_attributes(__name__, {"AppGroup": "flaskish_cli"})
