"""Every namespace civkg writes or queries, as plain strings: the one prefix table.

Plain strings rather than rdflib ``Namespace`` objects, so the SPARQL side (which runs
on pyoxigraph) can read the table without importing rdflib; ``kg.graph.vocab`` makes
the rdflib namespaces from it.
"""

from __future__ import annotations

#: prefix -> namespace IRI. Queries predeclare them in this order; graphs bind them
#: sorted by prefix (``kg.graph.vocab.PREFIXES``).
NAMESPACES: dict[str, str] = {
    "civ": "https://w3id.org/civkg/ontology#",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "sh": "http://www.w3.org/ns/shacl#",
}

#: What a query may use without declaring it: every namespace but SHACL's, which only
#: the shapes file uses (a query over the data never needs it).
QUERY_PREFIXES: dict[str, str] = {p: iri for p, iri in NAMESPACES.items() if p != "sh"}
