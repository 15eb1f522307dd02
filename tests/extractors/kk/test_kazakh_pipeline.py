"""Kazakh rules as a plug-in: registry, spaCy components, offsets, evidence, determinism."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kazakh_support import extract, extractor

from kg.extractors import extractors_for, load_extractor
from kg.extractors.kk import KazakhRuleExtractor
from kg.extractors.kk.pipeline import COMPONENTS
from kg.iris import article_id
from kg.model import AgreementClaim, Article, ParticipationClaim, RoleClaim

TEXT = (
    "Алматыда ІІ Жастар форумы өтті\n"
    "12 мамырда Алматы қаласында ІІ Жастар форумы өтті. ІІ Жастар форумына «Жасыл әлем» қорының "
    "өкілі Сәуле Ахметова, Тараз жастар одағының хатшысы Нұрбол Әлібеков қатысты. "
    "Форум соңында «Жасыл әлем» қоры мен Тараз жастар одағы ынтымақтастық туралы "
    "меморандумға қол қойды. Сәуле Ахметованың айтуынша, жоба жалғасады."
)


def test_the_registry_serves_kazakh_with_this_extractor() -> None:
    assert "kk.rules" in extractors_for("kk")
    assert isinstance(load_extractor("kk.rules"), KazakhRuleExtractor)


def test_the_pipeline_is_blank_kazakh_with_rule_components() -> None:
    nlp = extractor().nlp
    assert nlp.lang == "kk"
    assert tuple(nlp.pipe_names) == COMPONENTS
    doc = nlp(TEXT)
    assert {span.text for span in doc.spans["kk_persons"]} >= {"Сәуле Ахметова", "Нұрбол Әлібеков"}
    assert "Тараз жастар одағының" in {span.text for span in doc.spans["kk_orgs"]}
    assert {span.text for span in doc.spans["kk_roles"]} >= {"өкілі", "хатшысы"}


def test_mentions_point_at_their_text_and_claims_at_their_sentences() -> None:
    found = extract(TEXT)
    text = found.article.text
    assert found.mentions
    for mention in found.mentions:
        assert text[mention.start : mention.end] == mention.text
        assert mention.extractor == "kk.rules"
    kinds = {type(c) for c in found.claims}
    assert kinds == {RoleClaim, AgreementClaim, ParticipationClaim}
    for claim in found.claims:
        evidence = claim.evidence
        assert text[evidence.start : evidence.end] == evidence.sentence
        if isinstance(claim, RoleClaim):
            for index in (claim.person, claim.organisation):
                mention = found.mentions[index]
                assert evidence.start <= mention.start < mention.end <= evidence.end


def test_the_same_article_gives_the_same_extraction() -> None:
    first = extract(TEXT)
    again = KazakhRuleExtractor().extract(first.article)
    assert again == first


def test_pipe_is_lazy_and_keeps_order() -> None:
    texts = ["«Нұр» қорының өкілі Асел Бекова келді.", "Тараз жастар одағы жиналды.", ""]
    articles = (
        Article(id=article_id(t), text=t, lang="kk", source_path=f"{i}.txt")
        for i, t in enumerate(texts)
    )
    results = extractor().pipe(articles)
    assert next(results).article.text == texts[0]
    assert [r.article.text for r in results] == texts[1:]


def test_importing_the_package_loads_no_spacy() -> None:
    code = "import sys, kg.extractors.kk; print('spacy' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert out.stdout.strip() == "False"


def test_the_rules_keep_pace_on_a_long_text() -> None:
    import time

    article_text = "\n".join([TEXT] * 60)
    tokens = len(extractor().nlp.tokenizer(article_text))
    started = time.perf_counter()
    extract(article_text)
    seconds = time.perf_counter() - started
    # the target is 10,000 tokens/s per core; allow a loaded test machine some slack
    assert tokens / seconds > 5_000


def test_the_extraction_does_not_depend_on_the_hash_seed() -> None:
    code = (
        "import sys; sys.path.insert(0, 'tests/extractors/kk')\n"
        "from kazakh_support import extract\n"
        f"print(repr(extract({TEXT!r})))\n"
    )
    outputs = set()
    for seed in ("1", "2"):
        result = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parents[3],
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1
    assert "Сәуле Ахметова" in outputs.pop()
