"""Jinja environment glue, template loaders, rendering and streaming for flaskish applications."""

__version__ = "0.1.0"
