"""Application and request contexts on contextvars, with the current_app, g, request and session proxies."""

__version__ = "0.1.0"
