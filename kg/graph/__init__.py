"""The one bridge to RDF: triples from results, the vocabulary, graph files, the ontologies."""
