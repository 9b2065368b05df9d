"""Blueprints: modular applications with deferred, nestable registration."""

from __future__ import annotations

from .blueprint import Blueprint
from .blueprint import DeferredSetupFunction
from .cli_group import DEFAULT_CLI_GROUP
from .protocol import BlueprintApp
from .setup_state import BlueprintSetupState

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_CLI_GROUP",
    "Blueprint",
    "BlueprintApp",
    "BlueprintSetupState",
    "DeferredSetupFunction",
]
