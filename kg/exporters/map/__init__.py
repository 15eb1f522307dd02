"""The interactive network map: data from the graph, layout, focus, and the page.

Submodules load networkx, rdflib and pyvis on first use, so importing this does no work.
"""
