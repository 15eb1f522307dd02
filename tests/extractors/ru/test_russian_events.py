"""Russian named events: forums, conferences and contests, with date and place."""

from __future__ import annotations

import pytest

from kg.extractors.ru import RussianExtractor
from kg.iris import article_id
from kg.model import Article, EntityType, Mention
from tests.extractors.extraction_support import article, events


@pytest.fixture(scope="module")
def extractor() -> RussianExtractor:
    return RussianExtractor()


def _events(extractor: RussianExtractor, text: str) -> list[Mention]:
    return events(next(extractor.pipe([article(text, "ru")])))


def test_quoted_forum_with_place_and_full_date(extractor: RussianExtractor) -> None:
    text = (
        "14 мая 2024 года в Таразе прошёл областной Гражданский форум «Голос села» с участием "
        "представителей НПО."
    )
    (event,) = _events(extractor, text)
    assert event.name == "Областной Гражданский форум «Голос села»"
    assert (event.date, event.place) == ("2024-05-14", "Тараз")


def test_ordinal_and_genitive_name_an_event_without_quotes(extractor: RussianExtractor) -> None:
    text = "В рамках VII съезда учителей Казахстана встречи проходят в регионах."
    (event,) = _events(extractor, text)
    assert event.name == "VII съезд учителей Казахстана"
    assert event.date is None


def test_unnamed_event_is_no_event(extractor: RussianExtractor) -> None:
    assert _events(extractor, "В работе регионального форума участвовали депутаты.") == []


def test_quoted_title_of_an_event_is_no_organisation(extractor: RussianExtractor) -> None:
    text = "Стартовал республиканский конкурс «Общество равных возможностей» для молодёжи."
    article = Article(id=article_id(text), text=text, lang="ru", source_path="test.txt")
    extraction = next(extractor.pipe([article]))
    assert [m.name for m in extraction.mentions if m.type is EntityType.EVENT] == [
        "Республиканский конкурс «Общество равных возможностей»"
    ]
    assert not [m for m in extraction.mentions if m.type is EntityType.ORGANISATION]


def test_one_event_named_twice_gets_one_name(extractor: RussianExtractor) -> None:
    text = (
        "Наградили победителей конкурса «Добрые руки». Итоги республиканского конкурса "
        "«Добрые руки» подвели в Костанае."
    )
    names = {m.name for m in _events(extractor, text)}
    assert names == {"Республиканский конкурс «Добрые руки»"}


def test_a_region_adjective_and_its_noun_end_an_events_name() -> None:
    extraction = next(
        RussianExtractor().pipe(
            [article("В Уральске прошел V Гражданский форум Степной области.", "ru")]
        )
    )
    assert {e.name for e in events(extraction)} == {"V Гражданский форум Степной области"}


def test_a_numbered_assembly_of_a_body_is_an_event_and_the_body_stays() -> None:
    text = "В Уральске прошла V Генеральная ассамблея Степной ассоциации университетов."
    extraction = next(RussianExtractor().pipe([article(text, "ru")]))
    assert {e.name for e in events(extraction)} == {
        "V Генеральная ассамблея Степной ассоциации университетов"
    }
    orgs = {m.name for m in extraction.mentions if m.type is EntityType.ORGANISATION}
    assert orgs == {"Степная ассоциация университетов"}
    # unnumbered, the same head names a body
    text = "Ассамблея народа Степи провела встречу."
    extraction = next(RussianExtractor().pipe([article(text, "ru")]))
    assert events(extraction) == []
