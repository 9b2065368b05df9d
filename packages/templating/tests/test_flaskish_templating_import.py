import importlib.metadata

import flaskish_templating


def test_version_matches_distribution_metadata() -> None:
    assert flaskish_templating.__version__ == importlib.metadata.version(
        "flaskish-templating"
    )
