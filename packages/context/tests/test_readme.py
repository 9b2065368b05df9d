from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).parent.parent / "README.md"
# A block after a `<!-- not run: reason -->` line is left out.
BLOCKS = re.findall(r"(?<!-->\n)```python\n(.*?)```", README.read_text(), re.S)


@pytest.mark.parametrize("block", BLOCKS)
def test_readme_example_runs(block: str) -> None:
    # Each block is self-contained, as a reader would paste it.
    namespace: dict[str, object] = {"__name__": "readme_example"}
    exec(compile(block, str(README), "exec"), namespace)


def test_first_block_tears_down() -> None:
    namespace: dict[str, object] = {"__name__": "readme_example"}
    exec(compile(BLOCKS[0], str(README), "exec"), namespace)
    assert namespace["closed"] == [None]
