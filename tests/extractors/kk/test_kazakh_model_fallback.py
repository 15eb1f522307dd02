"""The shipped NER as ``kk.rules``' fallback: it adds what the rules miss, and only there."""

from __future__ import annotations

from kazakh_support import extract, names, roles

from kg.extractors.kk import KazakhRuleExtractor
from kg.extractors.kk.fallback import ModelFallback
from kg.iris import article_id
from kg.model import Article, EntityType, Extraction

# Made-up sentences; "Мерует" is no listed first name and "Тоқтарбай" has no surname
# ending, so no rule cue marks the name.
UNCUED = "Дәріс соңында Мерует Тоқтарбай жастарға сұрақтар қойды."
INFLECTED = "Дәріс соңында Мерует Тоқтарбайдың сөзі жастарға ұнады."
APPOSITION = "Мерует Тоқтарбай, «Таза өзен» қорының директоры, жиында сөз сөйледі."
COORDINATED = "Жиынға Әлішер Науан мен Дильназ Бейсен қатысты."
NAMESAKE = "Мерует Тоқтарбай атындағы мектепте жиын өтті."
DECIDED = (
    "«Жасыл әлем» қорының өкілі Сәуле Ахметова жиынға қатысты. "
    "Тараз жастар одағының хатшысы Нұрбол Әлібеков баяндама жасады."
)


def _article(text: str) -> Article:
    return Article(id=article_id(text), text=text, lang="kk", source_path="test.txt")


def _rules_only(text: str) -> Extraction:
    return KazakhRuleExtractor(use_model=False).extract(_article(text))


def _persons(extraction: Extraction) -> set[str]:
    return names(extraction, EntityType.PERSON)


def test_the_rules_alone_miss_an_uncued_name_and_the_model_finds_it() -> None:
    assert "Мерует Тоқтарбай" not in _persons(_rules_only(UNCUED))
    found = extract(UNCUED)
    assert _persons(found) == {"Мерует Тоқтарбай"}
    person = next(m for m in found.mentions if m.type is EntityType.PERSON)
    assert UNCUED[person.start : person.end] == "Мерует Тоқтарбай"


def test_a_model_found_name_is_made_nominative_by_the_namer() -> None:
    assert not _persons(_rules_only(INFLECTED))
    found = extract(INFLECTED)
    person = next(m for m in found.mentions if m.type is EntityType.PERSON)
    assert person.text == "Мерует Тоқтарбайдың"
    assert person.name == "Мерует Тоқтарбай"


def test_a_model_found_name_is_linked_to_the_position_beside_it() -> None:
    assert not roles(_rules_only(APPOSITION))
    assert roles(extract(APPOSITION)) == {("Мерует Тоқтарбай", "«Таза өзен» қоры", "директор")}


def test_coordinated_uncued_names_are_both_found() -> None:
    assert not _persons(_rules_only(COORDINATED))
    assert _persons(extract(COORDINATED)) == {"Әлішер Науан", "Дильназ Бейсен"}


def test_the_rules_exclusions_hold_for_model_names() -> None:
    # the model calls the namesake a PERSON; "X атындағы" names a school after them
    from kg.lang.kk.ner import kk_entities

    assert any(label == "PERSON" for _, _, label in kk_entities(NAMESAKE))
    assert not _persons(extract(NAMESAKE))


def test_the_model_is_not_run_where_the_rules_decided_every_sentence() -> None:
    extractor = KazakhRuleExtractor()
    found = extractor.extract(_article(DECIDED))
    assert _persons(found) == {"Сәуле Ахметова", "Нұрбол Әлібеков"}
    fallback = extractor.fallback
    assert isinstance(fallback, ModelFallback)
    assert (fallback.calls, fallback.sentences) == (0, 0)
    assert not fallback.loaded


def test_an_article_sends_only_its_undecided_sentences_in_one_call() -> None:
    extractor = KazakhRuleExtractor()
    extractor.extract(_article(f"{DECIDED} {UNCUED} {COORDINATED}"))
    fallback = extractor.fallback
    assert fallback is not None
    assert (fallback.calls, fallback.sentences) == (1, 2)
    assert fallback.loaded


def test_turning_the_model_off_leaves_no_fallback() -> None:
    extractor = KazakhRuleExtractor(use_model=False)
    assert extractor.fallback is None


def test_the_fallback_is_deterministic() -> None:
    text = f"{UNCUED} {APPOSITION}"
    assert extract(text) == KazakhRuleExtractor().extract(_article(text))


def test_a_credited_outlet_is_not_a_person() -> None:
    text = "Қалада жастар жиыны өтті, деп жазады Dala Times."
    assert _persons(extract(text)) == set()


def test_the_model_adds_an_organisation_without_a_head_noun_the_rules_know() -> None:
    found = extract("Жобаны Қазақмыс Корпорейшн мен Шығыс Топ қаржыландырады.")
    assert "Шығыс Топ" in names(found, EntityType.ORGANISATION)


def test_the_model_adds_no_organisation_from_a_quoted_title_or_a_day() -> None:
    found = extract("Ол «Еңбек даңқы» төсбелгісімен марапатталды. Халықаралық музей күні өтті.")
    assert names(found, EntityType.ORGANISATION) == set()
