"""The flaskish command line: app discovery, run, shell, routes, dotenv loading."""

__version__ = "0.1.0"
