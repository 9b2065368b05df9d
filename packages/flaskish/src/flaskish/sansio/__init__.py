"""The base classes of the application, blueprints and their scaffold.

Flask keeps them at ``flask.sansio``; extensions import them from there
to type or check an application without its WSGI layer. In flaskish the
components' own base classes play that role.
"""
