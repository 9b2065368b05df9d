"""The library floor of each scenario: the work its request hands to the
libraries Flask and flaskish both call, done alone, with the scenario's own
inputs (imported from ``scenarios.py``).

``floors()`` maps a scenario's name to a callable doing that work once:

- routing (path variable, 200 routes, 404): werkzeug's ``MapAdapter.match``
  on a ``Map`` of the same rules as the scenario's app, bound once (both
  frameworks bind per request, but binding is their own work);
- blueprint + url_for: that match and the ``MapAdapter.build`` calls the
  view's ``url_for`` makes;
- JSON: the encoding ``json.dumps`` does with the arguments of Flask's
  default JSON provider for a response (``sort_keys``, ``ensure_ascii``,
  compact separators), by an encoder built once;
- form: werkzeug's ``parse_form_data`` of the same body, on a fresh environ
  per call (the frameworks' timings build one per request too);
- render_template: Jinja rendering the template, fetched once, with the
  context the view passes (not the context processors' values);
- session: itsdangerous loading the cookie and dumping the new value with
  Flask's salt, digest and signing key (derived once), a plain JSON
  serializer (the tagged-JSON walk is framework work), and werkzeug's
  ``parse_cookie`` and ``dump_cookie``;
- hooks: the ``Headers.__setitem__`` calls the after_request functions
  make, on one response's headers.

hello, render_template_string and async view have no floor. Nothing here
imports a framework: ``measure.py --serve werkzeug`` times these.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Mapping
from typing import Any

import jinja2
import scenarios
from itsdangerous import Signer
from itsdangerous import URLSafeTimedSerializer
from werkzeug.datastructures import Headers
from werkzeug.exceptions import NotFound
from werkzeug.formparser import parse_form_data
from werkzeug.http import dump_cookie
from werkzeug.http import parse_cookie
from werkzeug.routing import Map
from werkzeug.routing import MapAdapter
from werkzeug.routing import Rule

Step = Callable[[], Any]
RuleSpec = tuple[str, str, tuple[str, ...]]

GET = ("GET", "OPTIONS")  # werkzeug adds HEAD, as for the apps' rules
POST = ("POST", "OPTIONS")
STATIC: RuleSpec = ("/static/<path:filename>", "static", GET)
ROUTE_COUNT = 200

# A month, the default lifetime of Flask's session, is the max_age of loads.
SESSION_MAX_AGE = 31 * 24 * 3600
SESSION_SALT = "cookie-session"
# The headers of a response as the after_request functions receive it.
RESPONSE_HEADERS = [
    ("Content-Type", "text/html; charset=utf-8"),
    ("Content-Length", "14"),
]
HOOK_HEADERS = [("X-Hooked", "1")]
# Blueprint's after_request first, then the app's in reverse order.
MANY_HOOK_HEADERS = [
    ("X-Account", "ADA"),
    ("Cache-Control", "no-store"),
    ("X-Server", "bench"),
]
# Flask's autoescaped template extensions.
AUTOESCAPED = ("html", "htm", "xml", "xhtml", "svg")


def main_rules() -> list[RuleSpec]:
    """The rules of the app of the first scenario of each family."""
    return [
        STATIC,
        ("/", "hello", GET),
        ("/user/<name>", "user", GET),
        ("/json", "json_view", GET),
        *((f"/r{n}/<int:ident>", f"r{n}", GET) for n in range(ROUTE_COUNT)),
        ("/template", "template", GET),
        ("/template-string", "template_string", GET),
        ("/session/seed", "session_seed", GET),
        ("/session", "session_view", GET),
        ("/form", "form", POST),
        ("/shop/item/<int:ident>", "shop.item", GET),
        ("/async", "async_view", GET),
    ]


def variant_rules() -> list[RuleSpec]:
    """The rules of the app of the variants."""
    return [
        STATIC,
        ("/posts/<string:author>/<string:slug>", "post", GET),
        ("/docs/<path:page>", "docs", GET),
        ("/orders/<uuid:ident>", "order", GET),
        ("/price/<float:amount>", "price", GET),
        ("/catalogue.json", "catalogue_json", GET),
        ("/status.json", "status_json", GET),
        ("/items/<int:ident>", "missing_item", GET),
        ("/catalogue", "catalogue", GET),
        ("/cart/seed", "cart_seed", GET),
        ("/cart", "cart", GET),
        ("/signup", "signup", POST),
    ]


def section_rules() -> list[RuleSpec]:
    """200 rules of two variables each."""
    return [
        STATIC,
        *(
            (f"/section{n}/<category>/<int:page>", f"section{n}", GET)
            for n in range(ROUTE_COUNT)
        ),
    ]


def nested_blueprint_rules() -> list[RuleSpec]:
    """The rules of the five blueprints, three nested in a fourth."""
    return [
        STATIC,
        ("/api/users/<name>", "api.users.profile", GET),
        ("/api/orders/<int:ident>", "api.orders.show", GET),
        ("/api/items/<int:ident>", "api.items.item", GET),
        ("/admin/", "admin.index", GET),
    ]


def adapter(rules: Iterable[RuleSpec]) -> MapAdapter:
    """A werkzeug ``Map`` of ``rules``, bound as a request to localhost."""
    url_map = Map(
        [
            Rule(rule, endpoint=endpoint, methods=methods)
            for rule, endpoint, methods in rules
        ]
    )
    return url_map.bind("localhost")


def match(bound: MapAdapter, path: str) -> Step:
    def step() -> Any:
        return bound.match(path, "GET", return_rule=True)

    return step


def not_found(bound: MapAdapter, path: str) -> Step:
    def step() -> Any:
        try:
            bound.match(path, "GET", return_rule=True)
        except NotFound as error:
            return error
        raise AssertionError(f"{path} matched")

    return step


def match_and_build(
    bound: MapAdapter, path: str, builds: list[tuple[str, dict[str, Any]]]
) -> Step:
    def step() -> Any:
        matched = bound.match(path, "GET", return_rule=True)
        return matched, [bound.build(endpoint, values) for endpoint, values in builds]

    return step


# What json.dumps builds per call from Flask's response arguments, built once.
RESPONSE_ENCODER = json.JSONEncoder(
    ensure_ascii=True, sort_keys=True, separators=(",", ":")
)


def json_body(obj: Any) -> Step:
    """The text of Flask's JSON response of ``obj`` (outside debug mode)."""
    encode = RESPONSE_ENCODER.encode
    return lambda: encode(obj) + "\n"


def form(name: str, data: dict[str, str]) -> Step:
    make = scenarios.environ_factory(scenarios.PATHS[name], "POST", data)

    def step() -> Any:
        return parse_form_data(make())[1]

    return step


def jinja_environment() -> jinja2.Environment:
    """Jinja configured as Flask configures it outside debug mode."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(scenarios.TEMPLATES),
        autoescape=jinja2.select_autoescape(AUTOESCAPED),
        auto_reload=False,
    )


def render(template_name: str, context: Mapping[str, Any]) -> Step:
    template = jinja_environment().get_template(template_name)
    return lambda: template.render(context)


class _SortedCompactJSON:
    """The JSON of Flask's session payload, without its tags."""

    @staticmethod
    def dumps(obj: Any) -> str:
        return json.dumps(obj, separators=(",", ":"), sort_keys=True)

    @staticmethod
    def loads(text: str | bytes) -> Any:
        return json.loads(text)


def session_serializer(derived: bool = True) -> URLSafeTimedSerializer:
    """itsdangerous signing and loading a session cookie as Flask does.

    Flask's signer derives its key from the secret and salt (an HMAC) at
    every signature and check; the key is the same every time, so
    ``derived`` signs with the key derived once (``key_derivation="none"``):
    the same signatures, without work a framework need not repeat.
    """
    signer_kwargs: dict[str, Any] = {"digest_method": hashlib.sha1}
    secret: str | bytes = scenarios.SECRET_KEY
    if derived:
        secret = Signer(
            secret, SESSION_SALT, key_derivation="hmac", digest_method=hashlib.sha1
        ).derive_key()
        signer_kwargs["key_derivation"] = "none"
    else:
        signer_kwargs["key_derivation"] = "hmac"
    return URLSafeTimedSerializer(
        secret,
        salt=SESSION_SALT,
        serializer=_SortedCompactJSON,
        signer_kwargs=signer_kwargs,
    )


def session(seed: dict[str, Any]) -> Step:
    """Read the ``session`` cookie of ``seed``, count a visit, write it."""
    serializer = session_serializer()
    header = f"session={serializer.dumps(seed)}"

    def step() -> Any:
        value = serializer.loads(
            parse_cookie(header)["session"], max_age=SESSION_MAX_AGE
        )
        value["visits"] += 1
        return dump_cookie("session", serializer.dumps(value), path="/", httponly=True)

    return step


def set_headers(headers: list[tuple[str, str]]) -> Step:
    """The after_request functions' ``response.headers[key] = value``; the
    same Headers each call, so from the second call on each key is replaced."""
    response_headers = Headers(RESPONSE_HEADERS)

    def step() -> Any:
        for key, value in headers:
            response_headers[key] = value
        return response_headers

    return step


def floors() -> dict[str, Step]:
    """Every scenario's library work, by scenario name."""
    paths = scenarios.PATHS
    main = adapter(main_rules())
    variants = adapter(variant_rules())
    sections = adapter(section_rules())
    nested = adapter(nested_blueprint_rules())
    steps: dict[str, Step] = {
        "jsonify": json_body(scenarios.JSON_FIELDS),
        "JSON (50 dicts)": json_body(scenarios.CATALOGUE),
        "JSON (dict returned)": json_body(scenarios.STATUS),
        "404": not_found(main, paths["404"]),
        "404 (abort in view)": match(variants, paths["404 (abort in view)"]),
        "blueprint + url_for": match_and_build(
            main, paths["blueprint + url_for"], [("shop.item", {"ident": 8})]
        ),
        "blueprints (5, nested) + url_for": match_and_build(
            nested,
            paths["blueprints (5, nested) + url_for"],
            [("api.users.profile", {"name": "ada"}), ("admin.index", {})],
        ),
        "render_template": render("items.html", scenarios.ITEMS_CONTEXT),
        "render_template (extends)": render(
            "catalogue.html", scenarios.CATALOGUE_CONTEXT
        ),
        "session read+write": session(scenarios.SESSION_SEED),
        "session (5 keys)": session(scenarios.CART_SEED),
        "form POST": form("form POST", scenarios.FORM),
        "form POST (20 fields)": form("form POST (20 fields)", scenarios.FORM_FIELDS),
        "before+after hooks": set_headers(HOOK_HEADERS),
        "hooks (3+3+2, app+blueprint)": set_headers(MANY_HOOK_HEADERS),
    }
    for name, bound in (
        ("path variable", main),
        ("200 routes, last", main),
        ("path variable (2 strings)", variants),
        ("path variable (path)", variants),
        ("path variable (uuid)", variants),
        ("path variable (float)", variants),
        ("200 routes (2 variables), last", sections),
    ):
        steps[name] = match(bound, paths[name])
    return steps
