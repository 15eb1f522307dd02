"""graph.ftm.json: FollowTheMoney entities that followthemoney's own model accepts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from graph_sample import BASE, export_all, sample_build

from kg.exporters.ftm import ftm_bytes, ftm_id
from kg.views import to_networkx


@pytest.fixture(scope="module")
def lines(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    out = tmp_path_factory.mktemp("ftm")
    export_all(out, ("ftm",))
    text = (out / "graph.ftm.json").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def _validated(data: dict[str, object]) -> object:
    """The entity as followthemoney reads it, after its schema's own validation."""
    from followthemoney import model

    proxy = model.get_proxy(data, cleaned=False)
    schema = proxy.schema
    properties = data["properties"]
    assert isinstance(properties, dict)
    assert set(properties) <= set(schema.properties), set(properties) - set(schema.properties)
    schema.validate(data)  # raises InvalidData on a bad value
    missing = [p for p in schema.required if not properties.get(p)]
    assert not missing, (data["id"], missing)
    # Cleaning every value again through the model changes nothing: they are clean.
    assert proxy.to_dict()["properties"] == model.get_proxy(data).to_dict()["properties"]
    return proxy


def test_every_entity_validates_in_followthemoney(lines: list[dict[str, object]]) -> None:
    assert lines
    for data in lines:
        _validated(data)


def test_the_schemata_and_references(lines: list[dict[str, object]]) -> None:
    network = to_networkx(sample_build().graph)
    schemata = {str(d["schema"]) for d in lines}
    assert {"Person", "Organization", "PublicBody", "Membership", "Event", "Contract"} <= schemata
    ids = {str(d["id"]) for d in lines}
    people = {n for n, a in network.nodes(data=True) if a["type"] == "person"}
    assert {ftm_id(p, BASE) for p in people} <= ids
    # Every entity a property points at is in the file.
    from followthemoney import model

    for data in lines:
        proxy = model.get_proxy(data)
        for prop, value in proxy.itervalues():
            if prop.type.name == "entity":
                assert value in ids, (data["id"], prop.name, value)
    events = [d for d in lines if d["schema"] == "Event"]
    assert all(d["properties"]["involved"] for d in events)  # type: ignore[index]


def test_a_speaking_role_is_a_representation() -> None:
    from rdflib import Graph

    graph = Graph().parse(
        format="turtle",
        data="""
@prefix org: <http://www.w3.org/ns/org#> . @prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix b: <https://example.org/civ/> .
b:person\\/ivo-pell-1 a foaf:Person ; skos:prefLabel "Ivo Pell"@en .
b:organisation\\/larch-trust-2 a org:Organization ; skos:prefLabel "Larch Trust"@en .
b:membership\\/ivo-3 a org:Membership ; org:member b:person\\/ivo-pell-1 ;
    org:organization b:organisation\\/larch-trust-2 ; org:role b:role\\/r .
b:role\\/r skos:prefLabel "press spokesperson"@en .
""",
    )
    entities = [json.loads(line) for line in ftm_bytes(graph, BASE).decode().splitlines()]
    (link,) = [e for e in entities if e["schema"] == "Representation"]
    assert link["properties"]["agent"] == ["civkg-person-ivo-pell-1"]
    assert link["properties"]["client"] == ["civkg-organisation-larch-trust-2"]
    for data in entities:
        _validated(data)


def test_ids_are_deterministic(tmp_path: Path, lines: list[dict[str, object]]) -> None:
    export_all(tmp_path, ("ftm",))
    again = [json.loads(x) for x in (tmp_path / "graph.ftm.json").read_text("utf-8").splitlines()]
    assert again == lines
    assert [d["id"] for d in lines] == sorted(str(d["id"]) for d in lines)
