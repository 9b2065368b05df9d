import importlib.metadata

import flaskish_core


def test_version_matches_distribution_metadata() -> None:
    assert flaskish_core.__version__ == importlib.metadata.version("flaskish-core")
