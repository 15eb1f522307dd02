"""Generate a synthetic civkg-shaped dataset (N-Quads, one named graph per article).

Shaped like ``kg build`` output: articles with headline/date/language/mentions,
people and organisations with kk/ru/en labels, memberships with roles and evidence,
``civ:represents`` shortcuts, agreements with parties, all names invented. Who
represents what follows a skewed distribution, so a few people bridge many
organisations, as in real news.

Run: python benchmarks/synthetic_graph.py --triples 1000000 --out /tmp/synthetic.nq
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from pathlib import Path

CIV = "https://w3id.org/civkg/ontology#"
ORG = "http://www.w3.org/ns/org#"
FOAF = "http://xmlns.com/foaf/0.1/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
ID = "https://w3id.org/civkg/id/"

_LATIN = {
    "ар": "ar", "бек": "bek", "ну": "nu", "жан": "zhan", "ол": "ol", "га": "ga",
    "ти": "ti", "мур": "mur", "ай": "ai", "сер": "ser", "ик": "ik", "да": "da",
}  # fmt: skip
_SYLLABLES = list(_LATIN)
_ROLES = [
    ("төраға", "kk"), ("директор", "ru"), ("chair", "en"), ("сарапшы", "kk"),
    ("координатор", "ru"), ("founder", "en"), ("member", "en"), ("эксперт", "ru"),
]  # fmt: skip


def _iri(kind: str, number: int) -> str:
    return f"<{ID}{kind}-{number}>"


def _lit(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    if lang:
        return f'"{escaped}"@{lang}'
    return f'"{escaped}"^^<{datatype}>' if datatype else f'"{escaped}"'


def _name(rng: random.Random) -> tuple[str, str]:
    parts = [rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))]
    cyrillic = "".join(parts).capitalize()
    latin = "".join(_LATIN[p] for p in parts).capitalize()
    return cyrillic, latin


def _full_name(rng: random.Random) -> tuple[str, str]:
    (first_cyr, first_lat), (last_cyr, last_lat) = _name(rng), _name(rng)
    return f"{first_cyr} {last_cyr}", f"{first_lat} {last_lat}"


def generate(triples: int, seed: int = 7) -> Iterator[str]:
    """N-Quads lines, about ``triples`` of them, the same for the same arguments."""
    rng = random.Random(seed)
    articles = max(10, triples // 44)
    people = max(10, articles)
    orgs = max(5, articles // 4)
    q = 0

    def quad(s: str, p: str, o: str, g: str) -> str:
        nonlocal q
        q += 1
        return f"{s} <{p}> {o} {g} .\n"

    for number, (role, lang) in enumerate(_ROLES):
        g = f"<{ID}roles>"
        yield quad(_iri("role", number), RDF_TYPE, f"<{ORG}Role>", g)
        yield quad(_iri("role", number), SKOS + "prefLabel", _lit(role, lang), g)
    # Two-part names, so that (as in real news) a full name picks out one actor.
    person_names = [_full_name(rng) for _ in range(people)]
    org_names = [_full_name(rng) for _ in range(orgs)]
    # Zipf-like popularity: a few organisations and people appear in many articles.
    org_weights = [1.0 / (i + 1) ** 0.8 for i in range(orgs)]
    person_weights = [1.0 / (i + 1) ** 0.6 for i in range(people)]
    # Each person represents a few organisations of their own (most one, some up to
    # six), however often they are in the news: that is what makes brokers rare.
    affiliations = [
        rng.choices(range(orgs), weights=org_weights, k=min(6, 1 + int(rng.expovariate(1.5))))
        for _ in range(people)
    ]
    agreement = 0
    for a in range(articles):
        g = _iri("article", a)
        lang = rng.choice(["kk", "ru", "en"])
        date = f"20{rng.randint(18, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        yield quad(g, RDF_TYPE, f"<{SCHEMA}NewsArticle>", g)
        yield quad(g, SCHEMA + "headline", _lit(f"Жаңалық {a} форум туралы", lang), g)
        yield quad(g, SCHEMA + "datePublished", _lit(date, datatype=XSD + "date"), g)
        yield quad(g, SCHEMA + "inLanguage", _lit(lang), g)
        yield quad(g, SCHEMA + "url", f"<https://news.example.org/{a}>", g)
        yield quad(g, CIV + "sourcePath", _lit(f"{lang}-article-{a}.txt"), g)
        chosen_people = rng.choices(range(people), weights=person_weights, k=2)
        chosen_orgs = [rng.choice(affiliations[p]) for p in chosen_people]
        for o in chosen_orgs:
            cyr, lat = org_names[o]
            yield quad(g, SCHEMA + "mentions", _iri("org", o), g)
            yield quad(_iri("org", o), RDF_TYPE, f"<{ORG}Organization>", g)
            yield quad(_iri("org", o), RDF_TYPE, f"<{CIV}NGO>", g)
            yield quad(_iri("org", o), SKOS + "prefLabel", _lit(f"{cyr} қоры", "kk"), g)
            yield quad(_iri("org", o), SKOS + "altLabel", _lit(f"{lat} Foundation", "en"), g)
        for i, p in enumerate(chosen_people):
            cyr, lat = person_names[p]
            o = chosen_orgs[i]
            yield quad(g, SCHEMA + "mentions", _iri("person", p), g)
            yield quad(_iri("person", p), RDF_TYPE, f"<{FOAF}Person>", g)
            yield quad(_iri("person", p), SKOS + "prefLabel", _lit(f"{cyr}ов", "ru"), g)
            yield quad(_iri("person", p), SKOS + "altLabel", _lit(f"{lat}ov", "en"), g)
            yield quad(_iri("person", p), CIV + "represents", _iri("org", o), g)
            m, ev = _iri("membership", a * 2 + i), _iri("evidence", a * 3 + i)
            yield quad(m, RDF_TYPE, f"<{ORG}Membership>", g)
            yield quad(m, ORG + "member", _iri("person", p), g)
            yield quad(m, ORG + "organization", _iri("org", o), g)
            yield quad(m, ORG + "role", _iri("role", rng.randrange(len(_ROLES))), g)
            yield quad(m, CIV + "evidence", ev, g)
            yield from _evidence(quad, ev, g, f"{cyr} {org_names[o][0]} қорының өкілі.", i)
        if rng.random() < 0.3:
            ag, ev = _iri("agreement", agreement), _iri("evidence", a * 3 + 2)
            agreement += 1
            yield quad(ag, RDF_TYPE, f"<{CIV}Agreement>", g)
            yield quad(ag, RDF_TYPE, f"<{CIV}Memorandum>", g)
            yield quad(ag, DCT + "title", _lit(f"Меморандум {agreement}", "ru"), g)
            yield quad(ag, DCT + "date", _lit(date, datatype=XSD + "date"), g)
            for o in set(chosen_orgs):
                yield quad(ag, CIV + "party", _iri("org", o), g)
                yield quad(_iri("org", o), CIV + "signed", ag, g)
            yield quad(ag, CIV + "evidence", ev, g)
            yield from _evidence(quad, ev, g, "Тараптар меморандумға қол қойды.", 2)


def _evidence(quad: object, ev: str, g: str, sentence: str, index: int) -> Iterator[str]:
    assert callable(quad)
    start = index * 100
    integer = XSD + "integer"
    yield quad(ev, RDF_TYPE, f"<{CIV}Evidence>", g)
    yield quad(ev, CIV + "sentence", _lit(sentence), g)
    yield quad(ev, CIV + "startOffset", _lit(str(start), datatype=integer), g)
    yield quad(ev, CIV + "endOffset", _lit(str(start + len(sentence)), datatype=integer), g)
    yield quad(ev, PROV + "wasDerivedFrom", g, g)
    yield quad(ev, CIV + "extractor", _lit("synthetic"), g)
    yield quad(ev, PROV + "wasGeneratedBy", f"<{ID}activity-synthetic>", g)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    with args.out.open("w", encoding="utf-8") as handle:
        handle.writelines(generate(args.triples, args.seed))


if __name__ == "__main__":
    main()
