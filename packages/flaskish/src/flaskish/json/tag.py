"""The tagged JSON serializer used by sessions.

Re-exports at the module path applications import from; the
implementation lives in the flaskish components.
"""

from __future__ import annotations

from markupsafe import Markup as Markup
from werkzeug.http import http_date as http_date
from werkzeug.http import parse_date as parse_date

from flaskish_core.json import dumps as dumps
from flaskish_core.json import loads as loads
from flaskish_core.json.tag import JSONTag as JSONTag
from flaskish_core.json.tag import PassDict as PassDict
from flaskish_core.json.tag import PassList as PassList
from flaskish_core.json.tag import TagBytes as TagBytes
from flaskish_core.json.tag import TagDateTime as TagDateTime
from flaskish_core.json.tag import TagDict as TagDict
from flaskish_core.json.tag import TaggedJSONSerializer as TaggedJSONSerializer
from flaskish_core.json.tag import TagMarkup as TagMarkup
from flaskish_core.json.tag import TagTuple as TagTuple
from flaskish_core.json.tag import TagUUID as TagUUID
