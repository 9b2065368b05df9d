"""The application's base class: :class:`App` is
:class:`flaskish_routing.AppScaffold` (URL map, view functions, hook and
error handler registries), the base of :class:`flaskish.Flask`.
"""

from __future__ import annotations

from flaskish_routing import AppScaffold

App = AppScaffold

__all__ = ["App"]
