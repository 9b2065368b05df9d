"""Blueprints: flaskish's :class:`Blueprint` is its own base class."""

from __future__ import annotations

from flaskish_blueprints import Blueprint as Blueprint
from flaskish_blueprints import BlueprintSetupState as BlueprintSetupState
