"""The registration scaffold shared by applications and blueprints."""

from __future__ import annotations

from flaskish_routing import Scaffold as Scaffold
from flaskish_routing import setupmethod as setupmethod
