"""Named queries: documented ``.rq`` files with typed parameters, bound safely.

Each file starts with a comment header::

    # name: members-of
    # description: One line saying what the query answers.
    # param: org string -- what the parameter means          (required)
    # param: limit integer = 100 -- what it means             (with a default)
    # example: kg query out/ members-of --param org="Green Steppe"

In the body a parameter is written ``$org``. Binding replaces it with an RDF term that
is built and escaped by the RDF library from the checked value (a string literal, an
IRI, an ``xsd:date`` or a bare integer), so user text can never change the query.

A parameter of type ``organisation`` or ``person`` takes a name fragment and may only
stand in a ``VALUES ?var { $org }`` block: binding looks the fragment up in a
``kg.sparql.names.NameIndex`` and writes the matching IRIs there (``UNDEF``, i.e. anyone, for
an empty fragment), so the query starts from those nodes instead of scanning labels.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import UsageError
from kg.sparql.names import KINDS

if TYPE_CHECKING:
    from kg.sparql.names import NameIndex

#: Parameter types whose value is a name fragment, looked up in the name index.
NAME_TYPES: tuple[str, ...] = KINDS
PARAMETER_TYPES: tuple[str, ...] = ("string", "iri", "date", "integer", *NAME_TYPES)

_HEADER = re.compile(r"^#\s*(name|description|param|example):\s*(.*?)\s*$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_]\w*)\s+(?P<type>\w+)(?:\s*=\s*(?P<default>.*?))?\s+--\s+(?P<doc>.+)$"
)
_PLACEHOLDER = re.compile(r"\$([A-Za-z_]\w*)")
_VALUES_BLOCK = re.compile(r"VALUES\s+\?\w+\s*\{\s*\$([A-Za-z_]\w*)\s*\}", re.IGNORECASE)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INTEGER = re.compile(r"^[+-]?\d{1,18}$")


@dataclass(frozen=True, slots=True)
class Parameter:
    """One parameter of a named query; ``default`` is None when it is required."""

    name: str
    type: str
    description: str
    default: str | None = None


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """A named, documented SPARQL query with parameters."""

    name: str
    description: str
    parameters: tuple[Parameter, ...]
    example: str
    text: str
    source: str

    def bind(
        self, values: Mapping[str, str] | None = None, *, names: NameIndex | None = None
    ) -> str:
        """The query text with every ``$parameter`` replaced by safe RDF terms.

        ``names`` resolves name parameters; ``Store.run`` passes the store's own index.
        """
        values = dict(values or {})
        known = {p.name: p for p in self.parameters}
        unknown = sorted(set(values) - set(known))
        if unknown:
            listing = ", ".join(known) or "none"
            raise UsageError(
                f"query {self.name!r} has no parameter {unknown[0]!r}; its parameters: {listing}"
            )
        terms: dict[str, str] = {}
        for param in self.parameters:
            value = values.get(param.name, param.default)
            if value is None:
                raise UsageError(
                    f"query {self.name!r} needs --param {param.name}=... ({param.description})"
                )
            if param.type in NAME_TYPES:
                if names is None:
                    raise UsageError(f"query {self.name!r} looks up names; give it a name index")
                terms[param.name] = _values_of(names, param.type, value)
            else:
                terms[param.name] = sparql_term(value, param.type, name=param.name)
        return _PLACEHOLDER.sub(lambda m: terms[m.group(1)], self.text)


def _values_of(names: NameIndex, kind: str, fragment: str) -> str:
    """The inside of a VALUES block: IRIs of the actors ``fragment`` names."""
    import pyoxigraph

    if not fragment.strip():
        return "UNDEF"
    # No match leaves the block empty, and an empty VALUES block has no solutions.
    return " ".join(str(pyoxigraph.NamedNode(iri)) for iri in names.find(kind, fragment))


def sparql_term(value: str, kind: str, *, name: str = "value") -> str:
    """``value`` as a SPARQL term of type ``kind``, escaped by pyoxigraph."""
    import pyoxigraph

    if kind == "string":
        return str(pyoxigraph.Literal(value))
    if kind == "date":
        if not _DATE.match(value):
            raise UsageError(f"parameter {name}={value!r}: not a date; use YYYY-MM-DD")
        xsd_date = pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#date")
        return str(pyoxigraph.Literal(value, datatype=xsd_date))
    if kind == "integer":
        if not _INTEGER.match(value.strip()):
            raise UsageError(f"parameter {name}={value!r}: not an integer")
        # A bare integer, so it can also stand in LIMIT and OFFSET.
        return str(int(value))
    if kind == "iri":
        try:
            return str(pyoxigraph.NamedNode(value))
        except ValueError as exc:
            raise UsageError(f"parameter {name}={value!r}: not an IRI: {exc}") from exc
    raise UsageError(f"parameter {name}: unknown type {kind!r}; use {', '.join(PARAMETER_TYPES)}")


def _unquote(text: str) -> str:
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text


def parse_query(text: str, source: str) -> NamedQuery:
    """Read a named query from the text of an ``.rq`` file; ``source`` names it in errors."""
    fields: dict[str, str] = {}
    parameters: list[Parameter] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = _HEADER.match(line)
        if match is None:
            continue
        key, value = match.groups()
        if key != "param":
            fields[key] = value
            continue
        param = _PARAM.match(value)
        if param is None or param["type"] not in PARAMETER_TYPES:
            raise UsageError(f"{source}: bad parameter line {line!r}")
        default = param["default"]
        parameters.append(
            Parameter(
                param["name"],
                param["type"],
                param["doc"],
                None if default is None else _unquote(default),
            )
        )
    missing = [key for key in ("name", "description", "example") if key not in fields]
    if missing:
        raise UsageError(f"{source}: header lacks '# {missing[0]}:'")
    declared = {p.name for p in parameters}
    used = set(_PLACEHOLDER.findall(text))
    if used != declared:
        odd = sorted(used ^ declared)[0]
        raise UsageError(f"{source}: parameter ${odd} is used or declared, but not both")
    in_values = _VALUES_BLOCK.findall(text)
    for name_param in (p for p in parameters if p.type in NAME_TYPES):
        uses = _PLACEHOLDER.findall(text).count(name_param.name)
        if in_values.count(name_param.name) != uses:
            raise UsageError(
                f"{source}: ${name_param.name} names {name_param.type}s, so it may only"
                f" stand alone in a VALUES block: VALUES ?x {{ ${name_param.name} }}"
            )
    return NamedQuery(
        name=fields["name"],
        description=fields["description"],
        parameters=tuple(parameters),
        example=fields["example"],
        text=text,
        source=source,
    )


@cache
def named_queries() -> dict[str, NamedQuery]:
    """The bundled named queries, by name, sorted."""
    found = {}
    for entry in resources.files(__name__).iterdir():
        if entry.name.endswith(".rq"):
            source = f"kg/sparql/queries/{entry.name}"
            query = parse_query(entry.read_text(encoding="utf-8"), source)
            found[query.name] = query
    return dict(sorted(found.items()))


def get_query(name: str) -> NamedQuery:
    """The bundled query called ``name``; an unknown name lists the known ones."""
    queries = named_queries()
    if name not in queries:
        raise UsageError(f"unknown query {name!r}; named queries: {', '.join(queries)}")
    return queries[name]


def read_query_file(path: Path) -> NamedQuery:
    """A named query from a researcher's own ``.rq`` file (header as in the bundled ones)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{path}: cannot read query: {exc.strerror or exc}") from exc
    return parse_query(text, str(path))


__all__ = [
    "NAME_TYPES",
    "PARAMETER_TYPES",
    "NamedQuery",
    "Parameter",
    "get_query",
    "named_queries",
    "parse_query",
    "read_query_file",
    "sparql_term",
]
