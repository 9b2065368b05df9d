"""Distribution metadata for ``flask`` when the Flask distribution is absent.

Extensions read ``importlib.metadata.version("flask")`` to choose between
code paths for Flask's major versions. Under :func:`flaskish.install_as_flask`
this finder answers with the Flask release whose behaviour flaskish
implements, but only while no real Flask distribution is installed: an
installed one answers for itself.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import sys
from collections.abc import Iterator
from typing import Any

#: The Flask release whose API and behaviour flaskish implements.
FLASK_VERSION = "3.1.3"

_METADATA = f"""\
Metadata-Version: 2.1
Name: Flask
Version: {FLASK_VERSION}
Summary: flaskish, standing in for Flask {FLASK_VERSION} (flaskish.install_as_flask())
"""


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


class FlaskDistribution(importlib.metadata.Distribution):
    """The ``Flask`` distribution that flaskish stands in for: a version and
    a name, no files."""

    def read_text(self, filename: str) -> str | None:
        return _METADATA if filename in ("METADATA", "PKG-INFO") else None

    def locate_file(self, path: str | os.PathLike[str]) -> Any:
        raise FileNotFoundError(f"flaskish's stand-in for Flask has no file {path}")


class FlaskMetadataFinder:
    """A :data:`sys.meta_path` entry that only finds distributions, and only
    ``flask`` when nothing else on the meta path finds it."""

    def find_spec(self, *args: object, **kwargs: object) -> None:
        return None

    def find_distributions(
        self, context: Any = None
    ) -> Iterator[importlib.metadata.Distribution]:
        if context is None:
            context = importlib.metadata.DistributionFinder.Context()
        name = context.name
        if name is not None and _normalized(name) != "flask":
            return iter(())
        if context.path != sys.path or self._real_flask_installed():
            return iter(())
        return iter((FlaskDistribution(),))

    def _real_flask_installed(self) -> bool:
        context = importlib.metadata.DistributionFinder.Context(name="flask")
        for finder in sys.meta_path:
            find = getattr(finder, "find_distributions", None)
            if finder is self or find is None:
                continue
            if next(iter(find(context)), None) is not None:
                return True
        return False
