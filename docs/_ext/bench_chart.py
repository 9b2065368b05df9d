"""The ``bench-chart`` directive: Flask and flaskish side by side, as SVG.

``{bench-chart} ../tools/bench/results.json`` reads the results the
benchmark saved (``tools/bench/run.py --save``) and draws, at build time,
one horizontal bar chart per measure: microseconds per request of each
in-process scenario, requests per second of the hello app under each WSGI
server configuration (granian's, gunicorn), import time and memory. The SVG is inline in the page; no plotting library is needed.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

SERIES = [("Flask", "flask", "#9aa0a6"), ("flaskish", "flaskish", "#2e7d5b")]
LABEL_WIDTH = 190
BAR_AREA = 420
BAR_HEIGHT = 11
GROUP_GAP = 10


def bar_chart(
    title: str, unit: str, rows: list[tuple[str, list[float]]], per_row: bool = False
) -> str:
    """An SVG chart: for each row label, one bar per entry of ``SERIES``.

    Bars share one scale, or each row has its own with ``per_row`` (for rows
    in different units).
    """
    overall = max((value for _, values in rows for value in values), default=1.0)
    group = BAR_HEIGHT * len(SERIES) + GROUP_GAP
    top = 46
    height = top + group * len(rows) + 10
    width = LABEL_WIDTH + BAR_AREA + 80
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bench-chart" role="img"'
        f' viewBox="0 0 {width} {height}" width="100%"'
        f' style="max-width:{width}px;font-family:sans-serif;font-size:11px">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="14" font-size="13" font-weight="bold"'
        f' fill="currentColor">{escape(title)}</text>',
    ]
    for index, (name, _, color) in enumerate(SERIES):
        x = LABEL_WIDTH + index * 90
        parts.append(
            f'<rect x="{x}" y="24" width="10" height="10" fill="{color}"/>'
            f'<text x="{x + 14}" y="33" fill="currentColor">{escape(name)}</text>'
        )
    parts.append(
        f'<text x="{LABEL_WIDTH + BAR_AREA + 78}" y="33" text-anchor="end"'
        f' fill="currentColor">{escape(unit)}</text>'
    )
    for row, (label, values) in enumerate(rows):
        largest = max(values) if per_row else overall
        y = top + row * group
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR_HEIGHT + 4}" text-anchor="end"'
            f' fill="currentColor">{escape(label)}</text>'
        )
        for index, value in enumerate(values):
            bar_y = y + index * BAR_HEIGHT
            length = max(1.0, BAR_AREA * value / largest)
            color = SERIES[index][2]
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{bar_y}" width="{length:.1f}"'
                f' height="{BAR_HEIGHT - 2}" fill="{color}"/>'
                f'<text x="{LABEL_WIDTH + length + 4:.1f}" y="{bar_y + BAR_HEIGHT - 3}"'
                f' fill="currentColor">{_number(value)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _number(value: float) -> str:
    return f"{value:,.0f}" if value >= 1000 else f"{value:.1f}"


def charts(results: dict[str, Any]) -> list[str]:
    """The SVG charts of one saved benchmark run."""
    keys = [key for _, key, _ in SERIES]
    scenarios = results["in_process_us"]
    drawn = [
        bar_chart(
            "In-process: time per request (lower is better)",
            "µs",
            [(name, [row[key] for key in keys]) for name, row in scenarios.items()],
        )
    ]
    served = [(label, entry) for label, entry in results.get("granian", {}).items()]
    if results.get("server"):
        served.append(("gunicorn", results["server"]))
    if served:
        drawn.append(
            bar_chart(
                "Served hello: requests per second (higher is better; wrk)",
                "req/s",
                [
                    (label, [entry["requests_per_second"][key] for key in keys])
                    for label, entry in served
                ],
            )
        )
    drawn.append(
        bar_chart(
            "Start-up (lower is better)",
            "",
            [
                ("import time (ms)", [results["import_ms"][key] for key in keys]),
                ("process RSS (MiB)", [results["rss_mib"][key] for key in keys]),
            ],
            per_row=True,
        )
    )
    return drawn


def caption(results: dict[str, Any]) -> str:
    versions = results["versions"]
    arguments = " ".join(results.get("arguments", []))
    return (
        f"Saved by tools/bench/run.py {arguments} on {results['date']}:"
        f" Python {results['python']}, flaskish {versions['flaskish']},"
        f" Flask {versions['flask']}, werkzeug {versions['werkzeug']}."
    ).replace("  ", " ")


class BenchChart(SphinxDirective):
    """``{bench-chart} path/to/results.json`` (relative to the page)."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        _, absolute = self.env.relfn2path(self.arguments[0], self.env.docname)
        path = Path(absolute)
        self.env.note_dependency(str(path))
        try:
            results = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise self.error(
                f"cannot read benchmark results {path}: {error}"
            ) from error
        svg = "\n".join(f"<figure>{chart}</figure>" for chart in charts(results))
        return [
            nodes.raw("", svg, format="html"),
            nodes.paragraph(text=caption(results), classes=["bench-caption"]),
        ]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("bench-chart", BenchChart)
    return {"parallel_read_safe": True, "version": "1"}
