import importlib.metadata

import flaskish


def test_version_matches_distribution_metadata() -> None:
    assert flaskish.__version__ == importlib.metadata.version("flaskish")
