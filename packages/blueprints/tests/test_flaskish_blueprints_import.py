import importlib.metadata

import flaskish_blueprints


def test_version_matches_distribution_metadata() -> None:
    assert flaskish_blueprints.__version__ == importlib.metadata.version(
        "flaskish-blueprints"
    )
