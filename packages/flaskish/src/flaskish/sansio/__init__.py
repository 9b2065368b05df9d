"""The request-independent base classes, at the ``sansio`` module paths.

flaskish has no separate sans-IO layer: its components' base classes play
that role, and these modules name them where Flask applications and
extensions import them from.
"""
