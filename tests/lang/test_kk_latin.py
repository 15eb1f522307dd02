"""Kazakh in Latin script: recognised, read by the Cyrillic rules, put back in Latin."""

from __future__ import annotations

from kg.extractors.kk import KazakhRuleExtractor
from kg.ingest.language import detect_language
from kg.iris import article_id
from kg.lang.kk.latin import alphabet_of, to_cyrillic, to_latin
from kg.model import Article, EntityType, RoleClaim

# Made-up sentences, in the 2018 alphabet with acute accents.
TEXT_2018 = (
    "«Jasyl Dala» qorynyń prezıdenti Aıgúl Serikqyzy jáne «Shyǵys jastary» "
    "qaýymdastyǵynyń tóraǵasy Erlan Nurbekov yntymaqtastyq týraly memorandýmǵa qol qoıdy."
)


def test_the_two_latin_alphabets_are_told_apart_from_english_and_cyrillic() -> None:
    assert alphabet_of(TEXT_2018) == "2018"
    assert alphabet_of("Jasyl Dala qorynyñ törağasy Aigül Serikqyzy jiyndy aştı.") == "2021"
    assert alphabet_of("The foundation's president opened the meeting.") is None
    assert alphabet_of("«Жасыл Дала» қорының президенті") is None
    assert detect_language(TEXT_2018) == "kk"


def test_transliteration_maps_every_letter_back_to_its_latin_source() -> None:
    cyrillic, origin = to_cyrillic("Shymkent qalasy, Nurtaı", "2018")
    assert cyrillic == "Шымкент қаласы, Нұртай"
    assert len(origin) == len(cyrillic) + 1
    start = cyrillic.index("Нұртай")
    assert "Shymkent qalasy, Nurtaı"[origin[start] : origin[len(cyrillic)]] == "Nurtaı"
    assert to_latin("Мәдениет және спорт министрлігі", "2018") == (
        "Mádenıet jáne sport mınıstrligi"
    )


def test_a_latin_article_gets_its_people_bodies_and_roles_in_latin() -> None:
    article = Article(article_id(TEXT_2018), TEXT_2018, "kk", "latin.txt")
    extraction = next(KazakhRuleExtractor().pipe([article]))
    people = {m.name for m in extraction.mentions if m.type is EntityType.PERSON}
    assert people == {"Aıgúl Serikqyzy", "Erlan Nurbekov"}
    for mention in extraction.mentions:
        assert TEXT_2018[mention.start : mention.end] == mention.text  # offsets in Latin
    roles = {
        (extraction.mentions[c.person].name, c.role)
        for c in extraction.claims
        if isinstance(c, RoleClaim)
    }
    assert ("Aıgúl Serikqyzy", "prezıdent") in roles
    assert all(c.evidence.sentence in TEXT_2018 for c in extraction.claims)
