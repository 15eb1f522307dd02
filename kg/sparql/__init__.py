"""The SPARQL side of a build: store, name index, answers, named queries, endpoint, push."""
