"""Signed cookie sessions and the tagged JSON serializer, usable in any WSGI stack."""

__version__ = "0.1.0"
