"""What linking reads of each result, kept in the cache: the same linking, less reading."""

from __future__ import annotations

import json
from pathlib import Path

from kg.build import build
from kg.link import LinkedResults, link_build, link_input, plan_links
from kg.link_codec import LinkInputDecoder, decode_link_input, encode_link_input
from kg.pipeline import process_article
from tests.extractors.extraction_support import article
from tests.test_cache import _TEXTS as CACHE_TEXTS
from tests.test_link import _result

_TEXTS = {
    **CACHE_TEXTS,
    "d.txt": "Arman Seitkali met D. Omarova of the Open Lake Alliance in Almaty.",
}
#: added to a kept build: it names people and a body the others name
_ADDED = "Dana Omarova and Arman Seitkali, director of the Open Lake Alliance, signed it."
FORMATS = ["turtle", "trig", "report"]


def _report(out: Path) -> dict[str, object]:
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    report.pop("timing")
    return dict(report)


def test_a_link_input_survives_its_json_form() -> None:
    result = process_article(article(_TEXTS["a.txt"] + " " + _TEXTS["c.txt"], "en"))
    found = link_input(result)
    assert found.entities and found.facts and any(k is not None for k in found.keys)
    assert all(not fact.evidence for fact in found.facts)  # the bulk of a result
    assert decode_link_input(encode_link_input(found)) == found


def test_one_decoder_shares_the_entities_records_name_alike() -> None:
    texts = [_TEXTS["a.txt"], _TEXTS["a.txt"] + " " + _TEXTS["b.txt"]]
    found = [link_input(process_article(article(text, "en"))) for text in texts]
    decoder = LinkInputDecoder()
    decoded = [decoder.decode(encode_link_input(f)) for f in found]
    assert decoded == found == [decode_link_input(encode_link_input(f)) for f in found]
    first = {e.id: e for e in decoded[0].entities}
    shared = [e for e in decoded[1].entities if e.id in first]
    assert shared and all(e is first[e.id] for e in shared)  # one object, however many records


def test_linking_from_link_inputs_is_linking_from_results() -> None:
    results = [process_article(article(text, "en")) for text in (*_TEXTS.values(), _ADDED)]
    # one person in two scripts: a merge
    results.append(_result("kk", "Сәуле Бекмұханова", "«Жасыл Дала» қоры", "Сәуле сөйледі."))
    results.append(_result("ru", "Сауле Бекмуханова", "Фонд «Жасыл Дала»", "Сауле сказала."))
    whole = link_build(results)
    linking = plan_links([link_input(r) for r in results])
    assert linking.plan == whole.plan
    assert tuple(linking.relink(r) for r in results) == whole.results
    assert tuple(linking.made_from(link_input(r)) for r in results) == whole.made_from
    assert whole.plan.merges


def test_a_rebuild_reads_only_the_results_whose_graph_changed(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for name, text in _TEXTS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    build([corpus], out_dir=out, formats=FORMATS)
    (corpus / "e.txt").write_text(_ADDED, encoding="utf-8")
    again = build([corpus], out_dir=out, formats=FORMATS)
    assert again.reused == len(_TEXTS)
    assert isinstance(again.results, LinkedResults)
    # the new article and those linking changed; never every one
    assert 1 <= again.results.loaded < len(again.results)
    fresh = build([corpus], out_dir=tmp_path / "fresh", formats=FORMATS, cache=False)
    assert again.results == fresh.results  # read on demand, the same results
    assert _report(out) == _report(tmp_path / "fresh")
    for name in ("graph.ttl", "graph.trig"):
        assert (out / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes()
