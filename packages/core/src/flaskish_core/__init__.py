"""The flaskish application object and request pipeline: config, wrappers, JSON, helpers, signals, logging, testing."""

__version__ = "0.1.0"
