"""The registration scaffold, class-based views and a standalone WSGI router on werkzeug's routing."""

__version__ = "0.1.0"
