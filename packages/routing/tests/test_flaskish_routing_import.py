import importlib.metadata

import flaskish_routing


def test_version_matches_distribution_metadata() -> None:
    assert flaskish_routing.__version__ == importlib.metadata.version(
        "flaskish-routing"
    )
