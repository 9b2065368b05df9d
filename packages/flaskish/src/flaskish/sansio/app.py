"""The base class of applications: the routing component's
:class:`~flaskish_routing.AppScaffold`, which :class:`~flaskish.Flask`
extends."""

from __future__ import annotations

from flaskish_routing import AppScaffold as App

__all__ = ["App"]
