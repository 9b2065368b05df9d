"""Blueprints: modular applications with deferred, nestable registration."""

__version__ = "0.1.0"
