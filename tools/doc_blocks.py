"""pytest plugin: run the fenced code blocks of Markdown files as tests.

Every ``.md`` file pytest collects (the docs, the READMEs) becomes a test
file and each fenced code block one test, run in page order:

- a ```` ```python ```` block runs; the blocks of one page share one module
  namespace, so a later block uses what an earlier one defined;
- a block preceded by ``<!-- file: PATH -->`` is written to ``PATH`` in the
  page's working folder (a template, a module a later block imports) and
  counts as used by the page's other blocks;
- a block preceded by ``<!-- not run: REASON -->`` is skipped with that
  reason (a shell session, a server that would not stop, a fragment);
- any other block (another language, or no language) fails: it must carry
  one of the two markers, so no block is left silently untested.

A page that uses code from the repository names its folder, relative to the
Markdown file, with ``<!-- sys.path: ../examples/blog -->`` (anywhere on the
page); it is put on ``sys.path`` while the page runs.

A page runs as a module named after the file, ``__file__`` in a temporary
working folder that is also the current directory and first on
``sys.path``: ``Flask(__name__)`` finds templates written there, and
``import hello`` finds a module written there. MyST directives (fences whose
info string starts with ``{``) are not code, except ``{code-block}``.

``{include}`` and ``{literalinclude}`` directives are not blocks of the page:
what they show is a file that is tested where it lives (a README, an
example application and its test suite).

The terminal summary counts executed, written and skipped blocks.
Load it with ``-p doc_blocks`` with this folder on ``sys.path`` (the root
``pyproject.toml`` does both).
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import sys
import tempfile
import types
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Any

import pytest

# Any indentation: a block inside a list item is a block too.
_FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_MARKER = re.compile(r"^<!--\s*(?P<kind>not run|file)\s*:\s*(?P<value>.*?)\s*-->$")
_SYS_PATH = re.compile(r"^<!--\s*sys\.path\s*:\s*(?P<path>.+?)\s*-->$", re.MULTILINE)
_CODE_DIRECTIVES = {"{code-block}", "{code}", "{sourcecode}"}


@dataclass
class Block:
    """One fenced code block of a Markdown file."""

    line: int  # 1-based line of the first line of code
    language: str
    code: str
    marker: str | None = None  # "not run" or "file"
    value: str = ""  # the reason, or the path


def parse_blocks(text: str) -> list[Block]:
    """The fenced code blocks of ``text`` with the marker before each."""
    blocks: list[Block] = []
    lines = text.splitlines()
    index = 0
    previous = ""  # the last non-blank line outside a block
    while index < len(lines):
        match = _FENCE.match(lines[index])
        if match is None:
            if lines[index].strip():
                previous = lines[index].strip()
            index += 1
            continue
        fence, info = match["fence"], match["info"].strip()
        indent = len(match["indent"])
        body: list[str] = []
        index += 1
        start = index + 1
        closing = re.compile(rf"^\s*{fence[0]}{{{len(fence)},}}\s*$")
        while index < len(lines) and not closing.match(lines[index]):
            line = lines[index]
            # The fence's indentation is removed; a line indented less stays whole.
            prefix = line[:indent]
            body.append(line[indent:] if not prefix.strip() else line)
            index += 1
        index += 1
        language = info.split(maxsplit=1)[0] if info else ""
        if language.startswith("{"):
            if language not in _CODE_DIRECTIVES:
                previous = ""
                continue
            rest = info.split(maxsplit=1)[1:]
            language = rest[0].split()[0] if rest else ""
            body = [line for line in body if not line.startswith(":")]
        marker = _MARKER.match(previous)
        blocks.append(
            Block(
                line=start,
                language=language,
                code="\n".join(body) + "\n",
                marker=marker["kind"] if marker else None,
                value=marker["value"] if marker else "",
            )
        )
        previous = ""
    return blocks


@dataclass
class _Counts:
    executed: int = 0
    failed: int = 0
    written: int = 0
    not_run: int = 0
    files: set[str] = field(default_factory=set)


_COUNTS_KEY = pytest.StashKey[_Counts]()
_PAGE_NUMBERS = itertools.count()


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_COUNTS_KEY] = _Counts()


def pytest_collect_file(
    file_path: Path, parent: pytest.Collector
) -> MarkdownFile | None:
    if file_path.suffix == ".md" and "_build" not in file_path.parts:
        return MarkdownFile.from_parent(parent, path=file_path)
    return None


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    counts = config.stash[_COUNTS_KEY]
    if not counts.files:
        return
    terminalreporter.write_line(
        f"doc code blocks: {counts.executed} executed"
        f" ({counts.failed} failed), {counts.written} written as files,"
        f" {counts.not_run} marked not run, in {len(counts.files)} Markdown files"
    )


class MarkdownFile(pytest.File):
    """A Markdown file; its blocks share a namespace and a working folder."""

    module: types.ModuleType
    workdir: Path

    def collect(self) -> Iterator[pytest.Item]:
        for block in parse_blocks(self.path.read_text(encoding="utf-8")):
            name = f"line {block.line}"
            yield CodeBlock.from_parent(self, name=name, block=block)

    def setup(self) -> None:
        self.workdir = Path(tempfile.mkdtemp(prefix="doc-blocks-"))
        stem = re.sub(r"\W", "_", self.path.stem.lower())
        module_name = f"doc_blocks_{stem}_{next(_PAGE_NUMBERS)}"
        self.module = types.ModuleType(module_name)
        self.module.__file__ = str(self.workdir / f"{module_name}.py")
        self._saved_cwd = os.getcwd()
        self._saved_modules = set(sys.modules)
        self._saved_path = list(sys.path)
        sys.modules[module_name] = self.module
        text = self.path.read_text(encoding="utf-8")
        for match in _SYS_PATH.finditer(text):
            folder = (self.path.parent / match["path"]).resolve()
            if not folder.is_dir():
                raise BlockError(f"sys.path: no folder {folder}")
            sys.path.insert(0, str(folder))
        sys.path.insert(0, str(self.workdir))
        os.chdir(self.workdir)

    def teardown(self) -> None:
        os.chdir(self._saved_cwd)
        sys.path[:] = self._saved_path
        # Forget modules the page's blocks imported from its folder (hello, ...).
        for name in set(sys.modules) - self._saved_modules:
            file = getattr(sys.modules[name], "__file__", None) or ""
            if file.startswith(str(self.workdir)) or name == self.module.__name__:
                del sys.modules[name]
        shutil.rmtree(self.workdir, ignore_errors=True)


class CodeBlock(pytest.Item):
    """One fenced block: run, written to a file, or skipped with a reason."""

    def __init__(self, *, block: Block, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.block = block

    def runtest(self) -> None:
        block = self.block
        page = self.parent
        assert isinstance(page, MarkdownFile)
        counts = self.config.stash[_COUNTS_KEY]
        counts.files.add(str(page.path))
        if block.marker == "not run":
            if not block.value:
                raise BlockError(f"line {block.line}: `not run` needs a reason")
            counts.not_run += 1
            raise pytest.skip.Exception(
                f"not run: {block.value}", _use_item_location=True
            )
        if block.marker == "file":
            target = page.workdir / block.value
            if not block.value or not target.resolve().is_relative_to(page.workdir):
                raise BlockError(f"line {block.line}: bad file path {block.value!r}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(block.code, encoding="utf-8")
            counts.written += 1
            return
        if block.language not in {"python", "py", "python3"}:
            raise BlockError(
                f"line {block.line}: a {block.language or 'plain'} block is neither"
                " Python nor marked; put `<!-- not run: REASON -->` or"
                " `<!-- file: PATH -->` on the line before it"
            )
        counts.executed += 1
        # Leading newlines make tracebacks point at the Markdown file's lines.
        source = "\n" * (block.line - 1) + block.code
        try:
            exec(compile(source, str(page.path), "exec"), page.module.__dict__)
        except BaseException:
            counts.failed += 1
            raise

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException]) -> Any:
        if isinstance(excinfo.value, BlockError):
            return str(excinfo.value)
        # Show the traceback from the block's own lines on, not pytest's frames.
        page = str(self.path)
        entries = list(excinfo.traceback)
        starts = [i for i, entry in enumerate(entries) if str(entry.path) == page]
        if starts:
            excinfo.traceback = excinfo.traceback[starts[0] :]
        return excinfo.getrepr(style="short", funcargs=False, chain=False)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.block.line - 1, f"{self.path.name}:{self.block.line}"


class BlockError(Exception):
    """A block that is neither runnable nor marked, or a malformed marker."""
