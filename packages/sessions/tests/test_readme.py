from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from flaskish_sessions import SessionMiddleware


def test_readme_python_block_runs() -> None:
    text = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```", text, re.DOTALL | re.MULTILINE)
    assert len(blocks) == 1
    scope: dict[str, Any] = {}
    exec(compile(blocks[0], "README.md", "exec"), scope)
    assert isinstance(scope["app"], SessionMiddleware)
    assert scope["client"].get("/").text == "visit 1"
