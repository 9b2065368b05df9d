import importlib.metadata

import flaskish_sessions


def test_version_matches_distribution_metadata() -> None:
    assert flaskish_sessions.__version__ == importlib.metadata.version(
        "flaskish-sessions"
    )
