"""A build's graph as an rdflib ``Graph``, read from its store when it has one.

``kg stats`` and ``kg map`` work on rdflib graphs (``kg.views`` reads the network from
one). A build folder's ``store/`` already holds the merged graph that ``kg query`` asks,
so it is read from there, term by term, instead of parsing graph.ttl again: the three
commands then see the same triples. A folder without a store, or a graph file, is read
with ``kg.graph.files.load_graph``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import BNode, Graph, Literal, URIRef

from kg.graph.bridge import bind_prefixes
from kg.graph.files import load_graph
from kg.output_folder import current_set
from kg.sparql.results import XSD_STRING
from kg.sparql.store import STORE_DIR, Store

if TYPE_CHECKING:
    from rdflib.term import Node


def _node(term: Any) -> Node:
    import pyoxigraph

    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    if isinstance(term, pyoxigraph.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        # A plain literal is xsd:string to Oxigraph and untyped to rdflib's parsers.
        return Literal(term.value, datatype=None if datatype == XSD_STRING else URIRef(datatype))
    # civkg writes no RDF-star; a quoted triple has no rdflib term to become
    raise TypeError(f"unsupported term in store: {term!r}")


def store_graph(store: Store) -> Graph:
    """The store's default graph (the merged graph of a build) as an rdflib ``Graph``."""
    import pyoxigraph

    graph = Graph()
    default = pyoxigraph.DefaultGraph()
    for quad in store.oxigraph.quads_for_pattern(None, None, None, default):
        graph.add((_node(quad.subject), _node(quad.predicate), _node(quad.object)))
    bind_prefixes(graph)
    return graph


def read_graph(target: Path) -> Graph:
    """The graph of a build folder (from its ``store/`` if present) or of a graph file."""
    if target.is_dir():
        target = current_set(target) or target  # one build's set, even mid-rebuild
    if target.is_dir() and (target / STORE_DIR).is_dir():
        return store_graph(Store.open(target / STORE_DIR))
    return load_graph(target)
