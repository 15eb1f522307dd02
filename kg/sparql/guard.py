"""Checks a SPARQL query must pass before it reaches the engine.

pyoxigraph's parser recurses once per nesting level, so 3,000 nested ``{`` (6 KB) or
20,000 chained ``!`` overflow the native stack and kill the process (SIGSEGV); and
``SERVICE <url>`` makes the engine call any URL it is given. ``check_query`` bounds the
size and the bracket depth and refuses federated queries unless their endpoint is
allowed, in one linear pass of a small tokenizer that knows SPARQL's string literals,
IRIs and comments (brackets or the word SERVICE inside them do not count).

The scanner is the first line only: the query workers also run the engine on a thread
with a stack large enough for any query within the size limit (``kg.sparql.workers``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.errors import GraphError

#: Most characters a query may have; legitimate queries are a few KB.
DEFAULT_MAX_QUERY_CHARS = 100_000
#: Most brackets ``{ ( [`` open at once; real queries rarely pass 20.
DEFAULT_MAX_DEPTH = 128

# One token per match; the alternatives are tried in order at each position. Every
# repetition is possessive and each character can match one branch only, so a scan is
# linear in the query length whatever its content.
_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\r\n]*+)
  | (?P<string>
        \"\"\"(?:[^"\\]|\\.|"(?!""))*+(?:\"\"\"|\Z)
      | '''(?:[^'\\]|\\.|'(?!''))*+(?:'''|\Z)
      | "(?:[^"\\\r\n]|\\.)*+"?
      | '(?:[^'\\\r\n]|\\.)*+'?
    )
  | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*+>)
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<service>(?<![\w?$:])service(?!\w))
  | (?P<name>[\w?$:]++)
  | (?P<other>[^\#"'<{}()\[\]\w?$:]++|.)
    """,
    re.VERBOSE | re.IGNORECASE | re.DOTALL,
)
_SPACE = re.compile(r"(?:\s++|\#[^\r\n]*+)*+")
_SILENT = re.compile(r"silent(?!\w)", re.IGNORECASE)
_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


class QueryRefusedError(GraphError):
    """A query was refused before it ran: too large, too deeply nested, or federated."""


def _unescape(iri: str) -> str:
    # The engine decodes \\uXXXX in IRIs, so <\\u0068ttp://x> must compare as <http://x>.
    def char(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF else "\ufffd"

    return _UCHAR.sub(char, iri)


def _service_target(text: str, pos: int) -> str | None:
    """The endpoint IRI after a SERVICE keyword ending at ``pos``, or None if not an IRI."""
    pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
    silent = _SILENT.match(text, pos)
    if silent is not None:
        pos = _SPACE.match(text, silent.end()).end()  # type: ignore[union-attr]
    iri = _TOKEN.match(text, pos)
    if iri is None or iri.lastgroup != "iri":
        return None
    return _unescape(iri.group()[1:-1])


def check_query(
    text: str,
    *,
    max_chars: int = DEFAULT_MAX_QUERY_CHARS,
    max_depth: int = DEFAULT_MAX_DEPTH,
    allow_service: Iterable[str] = (),
) -> None:
    """Raise ``QueryRefusedError`` unless ``text`` is safe to give the engine.

    ``allow_service`` lists the endpoints a ``SERVICE <IRI>`` may name, exactly; any
    other SERVICE (a variable, a prefixed name, an unlisted IRI) is refused.
    """
    if len(text) > max_chars:
        raise QueryRefusedError(f"query is {len(text):,} characters; the limit is {max_chars:,}")
    allowed = frozenset(allow_service)
    depth = 0
    for token in _TOKEN.finditer(text):
        kind = token.lastgroup
        if kind == "open":
            depth += 1
            if depth > max_depth:
                line = text.count("\n", 0, token.start()) + 1
                raise QueryRefusedError(
                    f"query nests brackets more than {max_depth} deep (line {line})"
                )
        elif kind == "close":
            # Unbalanced closers are the parser's to report; never let them go negative.
            depth = max(0, depth - 1)
        elif kind == "service":
            target = _service_target(text, token.end())
            if target is None or target not in allowed:
                named = "" if target is None else f" <{target}>"
                hint = (
                    "allowed endpoints: " + ", ".join(sorted(allowed))
                    if allowed
                    else "allow an endpoint with --allow-service URL"
                )
                raise QueryRefusedError(f"federated query (SERVICE{named}) refused; {hint}")
