"""The documentation tools: the Markdown code-block runner and the link check."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from check_links import broken_links
from doc_blocks import parse_blocks

pytest_plugins = ["pytester"]


def test_parse_blocks_reads_language_marker_and_line() -> None:
    text = textwrap.dedent(
        """\
        # Title

        ```python
        x = 1
        ```

        <!-- not run: starts a server -->
        ```
        flaskish run
        ```

        <!-- file: templates/a.html -->

        ~~~~html
        <p>{{ x }}</p>
        ```
        ~~~~

        ```{toctree}
        page
        ```

        ```{code-block} python
        :caption: c
        y = 2
        ```
        """
    )
    blocks = parse_blocks(text)
    assert [(b.line, b.language, b.marker, b.value) for b in blocks] == [
        (4, "python", None, ""),
        (9, "", "not run", "starts a server"),
        (15, "html", "file", "templates/a.html"),
        (24, "python", None, ""),
    ]
    assert blocks[0].code == "x = 1\n"
    assert blocks[2].code == "<p>{{ x }}</p>\n```\n"
    assert blocks[3].code == "y = 2\n"


def test_blocks_in_list_items_are_found_and_dedented() -> None:
    text = "- item\n\n  ```python\n  if True:\n\n      x = 1\n  ```\n"
    [block] = parse_blocks(text)
    assert block.code == "if True:\n\n    x = 1\n"
    [block] = parse_blocks("```python\nif True:\n    x = 1\n```\n")
    assert block.code == "if True:\n    x = 1\n"


def test_marker_only_applies_to_the_next_block() -> None:
    text = "<!-- not run: r -->\n\ntext between\n\n```python\npass\n```\n"
    assert parse_blocks(text)[0].marker is None


def test_runner_executes_in_order_and_rejects_unmarked_blocks(
    pytester: pytest.Pytester,
) -> None:
    pytester.makefile(
        ".md",
        page=textwrap.dedent(
            """\
            <!-- file: helper.py -->
            ```python
            VALUE = 41
            ```

            ```python
            from helper import VALUE
            answer = VALUE + 1
            ```

            ```python
            assert answer == 42
            ```

            ```python
            assert answer == 0, "wrong on purpose"
            ```

            ```console
            $ something
            ```

            <!-- not run: explained -->
            ```console
            $ something
            ```
            """
        ),
    )
    result = pytester.runpytest("-p", "doc_blocks", "-p", "no:cacheprovider", "-rs")
    result.assert_outcomes(passed=3, failed=2, skipped=1)
    result.stdout.fnmatch_lines(
        [
            "*wrong on purpose*",
            "*line 20: a console block is neither Python nor marked*",
            "doc code blocks: 3 executed (1 failed), 1 written as files,"
            " 1 marked not run, in 1 Markdown files",
            "SKIPPED [[]1[]] page.md:25: not run: explained",
        ]
    )


def _write(site: Path, name: str, body: str) -> None:
    (site / name).parent.mkdir(parents=True, exist_ok=True)
    (site / name).write_text(f"<html><body>{body}</body></html>")


def test_check_links_finds_missing_pages_and_fragments(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "index.html",
        '<a href="a/page.html#here">ok</a> <a href="a/page.html#gone">x</a>'
        ' <a href="missing.html">y</a> <a href="https://example.org/">ext</a>'
        ' <a href="#top">self</a> <img src="img.png"> <p id="top"></p>',
    )
    _write(tmp_path, "a/page.html", '<h1 id="here">h</h1><a href="../index.html">u</a>')
    problems = broken_links(tmp_path)
    assert len(problems) == 3
    assert problems[0].startswith("index.html: a/page.html#gone (no id 'gone')")
    assert problems[1].startswith("index.html: missing.html (no file")
    assert problems[2].startswith("index.html: img.png (no file")
