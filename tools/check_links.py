"""Check that every internal link of a built HTML site resolves.

``python tools/check_links.py docs/_build/html`` reads every page, and for
each ``href``/``src`` that stays inside the site checks that the file exists
and, for a ``#fragment``, that the target page has an element with that id.
External links (with a scheme or ``//``) are not followed: the build machine
has no network. Exits 1 listing every broken link.
"""

from __future__ import annotations

import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote
from urllib.parse import urlsplit


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in {"id", "name"}:
                self.ids.add(value)
            elif name in {"href", "src"}:
                self.links.append(value)


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def broken_links(site: Path) -> list[str]:
    """Each broken internal link as ``page: link (reason)``."""
    pages = {path: _parse(path) for path in sorted(site.rglob("*.html"))}
    problems: list[str] = []
    for path, page in pages.items():
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//"):
                continue
            target = (
                (path.parent / unquote(parts.path)).resolve() if parts.path else path
            )
            if target.is_dir():
                target = target / "index.html"
            where = f"{path.relative_to(site)}: {link}"
            if not target.exists():
                problems.append(f"{where} (no file {target})")
                continue
            if parts.fragment and target.suffix == ".html":
                target_page = pages.get(target) or _parse(target)
                if unquote(parts.fragment) not in target_page.ids:
                    problems.append(f"{where} (no id {parts.fragment!r})")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    site = Path(argv[0]).resolve()
    pages = list(site.rglob("*.html"))
    if not pages:
        print(f"no HTML pages under {site}", file=sys.stderr)
        return 1
    problems = broken_links(site)
    for problem in problems:
        print(problem)
    print(f"{len(pages)} pages checked, {len(problems)} broken internal links")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
