"""Hypothesis settings of the differential suite.

CI runs a bounded, reproducible number of examples per test; set
``FLASKISH_DIFFERENTIAL_EXAMPLES`` (e.g. 5000) for a longer, random run by hand.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck
from hypothesis import settings

from .harness import frozen_signatures

_examples = os.environ.get("FLASKISH_DIFFERENTIAL_EXAMPLES")
settings.register_profile(
    "differential",
    max_examples=int(_examples or 400),
    derandomize=_examples is None,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    print_blob=True,
)
settings.load_profile("differential")


@pytest.fixture(autouse=True, scope="module")
def _frozen_signatures() -> Iterator[None]:
    with frozen_signatures():
        yield
