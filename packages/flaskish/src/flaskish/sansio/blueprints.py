"""Blueprints and the state they register with (the same classes as at
:mod:`flaskish.blueprints`)."""

from __future__ import annotations

from flaskish_blueprints import Blueprint as Blueprint
from flaskish_blueprints import BlueprintSetupState as BlueprintSetupState
