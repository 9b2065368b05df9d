import importlib.metadata

import flaskish_context


def test_version_matches_distribution_metadata() -> None:
    assert flaskish_context.__version__ == importlib.metadata.version(
        "flaskish-context"
    )
