import importlib.metadata

import flaskish_cli


def test_version_matches_distribution_metadata() -> None:
    assert flaskish_cli.__version__ == importlib.metadata.version("flaskish-cli")
