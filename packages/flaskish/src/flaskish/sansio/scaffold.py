"""What applications and blueprints share: :class:`Scaffold` and the
helpers around it."""

from __future__ import annotations

from flaskish_core.instance import find_package as find_package
from flaskish_routing import Scaffold as Scaffold
from flaskish_routing import setupmethod as setupmethod
from flaskish_routing.scaffold import (
    _endpoint_from_view_func as _endpoint_from_view_func,
)
