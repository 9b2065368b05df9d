"""A Flask-compatible WSGI web framework, faster on every request and cut into installable components."""

__version__ = "0.1.0"
