"""The ``routes`` command: a table of the app's URL rules."""

from __future__ import annotations

from operator import attrgetter
from typing import Any
from typing import TYPE_CHECKING

import click

from flaskish_context import app_or_none

from .app_group import with_appcontext

if TYPE_CHECKING:
    from collections.abc import Callable

    from werkzeug.routing import Rule

_SORTS = ("endpoint", "methods", "domain", "rule", "match")
_HIDDEN_METHODS = frozenset({"HEAD", "OPTIONS"})


def _route_table(
    rules: list[Rule], host_matching: bool, all_methods: bool
) -> tuple[list[str], list[str], list[list[str]]]:
    """Header, sort keys and one row per rule, with a domain column only
    when some rule has a host (host matching) or a subdomain."""
    hidden = frozenset() if all_methods else _HIDDEN_METHODS

    def domain(rule: Rule) -> str:
        return (rule.host if host_matching else rule.subdomain) or ""

    def methods(rule: Rule) -> str:
        return ", ".join(sorted((rule.methods or set()) - hidden))

    # (heading, --sort key, cell of a rule) per column.
    columns: list[tuple[str, str, Callable[[Rule], str]]] = [
        ("Endpoint", "endpoint", attrgetter("endpoint")),
        ("Methods", "methods", methods),
    ]
    if any(map(domain, rules)):
        columns.append(("Host" if host_matching else "Subdomain", "domain", domain))
    columns.append(("Rule", "rule", attrgetter("rule")))

    header = [heading for heading, _, _ in columns]
    keys = [key for _, key, _ in columns]
    rows = [[cell(rule) for _, _, cell in columns] for rule in rules]
    return header, keys, rows


@click.command("routes", short_help="Show the routes for the app.")
@click.option(
    "--sort",
    "-s",
    type=click.Choice(_SORTS),
    default="endpoint",
    help=(
        "How to order the routes. 'match' keeps the order in which requests"
        " are matched against them."
    ),
)
@click.option("--all-methods", help="Show HEAD and OPTIONS methods.", is_flag=True)
@with_appcontext
def routes_command(sort: str, all_methods: bool) -> None:
    """Show all registered routes with endpoints and methods."""
    app: Any = app_or_none()
    rules = list(app.url_map.iter_rules())
    if not rules:
        click.echo("No routes were registered.")
        return

    header, keys, rows = _route_table(rules, app.url_map.host_matching, all_methods)
    if sort in keys:
        column = keys.index(sort)
        rows.sort(key=lambda row: row[column])

    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    for row in (header, ["-" * width for width in widths], *rows):
        click.echo(
            "  ".join(
                cell.ljust(width) for cell, width in zip(row, widths, strict=True)
            )
        )
