from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from flaskish_sessions import SessionMiddleware

TEXT = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"^```python\n(.*?)^```", TEXT, re.DOTALL | re.MULTILINE)


@pytest.mark.parametrize("block", BLOCKS)
def test_readme_python_block_runs(block: str) -> None:
    # Each block is self-contained, as a reader would paste it.
    exec(compile(block, "README.md", "exec"), {"__name__": "readme_example"})


def test_first_block_is_the_middleware_example() -> None:
    scope: dict[str, Any] = {}
    exec(compile(BLOCKS[0], "README.md", "exec"), scope)
    assert isinstance(scope["app"], SessionMiddleware)
    assert scope["client"].get("/").text == "visit 1"
