"""People across articles: patronymics, surname-first order, initials (made-up names)."""

from __future__ import annotations

import pytest

from kg.iris import article_id, entity_id
from kg.link import link_build, person_key
from kg.model import Article, ArticleResult, Entity, EntityType, Label
from kg.person_name import parse


@pytest.mark.parametrize(
    "names",
    [
        (
            "Гүлназ Ержанқызы Сапарбекова",
            "Сапарбекова Гүлназ Ержанқызы",
            "Гульназ Ержановна Сапарбекова",
            "Gulnaz Yerzhankyzy Saparbekova",
        ),
        ("Темір Болатұлы Жанқараев", "Темир Болатович Жанкараев", "Temir Bolatuly Zhankarayev"),
    ],
)
def test_patronymic_forms_in_any_script_and_order_name_one_father(names: tuple[str, ...]) -> None:
    parsed = {(parse(n).names, parse(n).patronymic) for n in names}
    assert len(parsed) == 1, parsed
    (only,) = parsed
    assert only[1] is not None
    # the key leaves the patronymic out: a name written without one has the same key
    without = " ".join(w for w in names[0].split() if not w.endswith(("қызы", "ұлы")))
    assert {person_key(n) for n in names} == {person_key(without)}


def test_initials_are_not_names() -> None:
    assert parse("Г.Е. Сапарбекова").initials == ("g", "e")
    assert parse("Сапарбекова Г.").initials == ("g",)
    assert parse("Ли Вэй").initials == ()  # a two-letter surname is a name
    assert person_key("Г. Сапарбекова") is None


def _person(lang: str, path: str, name: str) -> ArticleResult:
    text = f"{name} {path}"
    art = Article(article_id(text), text, lang, path)
    person = Entity(entity_id("person", name), EntityType.PERSON, Label(name, lang))
    return ArticleResult(art, (person,), ())


def _people(results: tuple[ArticleResult, ...]) -> list[set[str]]:
    found: dict[str, set[str]] = {}
    for result in results:
        for entity in result.entities:
            names = {entity.name.text} | {a.text for a in entity.aliases}
            found.setdefault(entity.id, set()).update(names)
    return sorted(found.values(), key=sorted)


def test_initials_join_the_one_full_name_that_fits() -> None:
    linked = link_build(
        [
            _person("kk", "a.txt", "Г. Сапарбекова"),
            _person("kk", "b.txt", "Гүлназ Сапарбекова"),
            _person("en", "c.txt", "Gulnaz Saparbekova"),
        ]
    )
    (people,) = _people(linked.results)
    assert people == {"Гүлназ Сапарбекова", "Г. Сапарбекова", "Gulnaz Saparbekova"}
    merge = next(m for m in linked.plan.merges)
    assert merge.name == Label("Гүлназ Сапарбекова", "kk"), "a full name names the node"
    assert "initials" in merge.rules


def test_initials_with_two_fitting_namesakes_join_neither() -> None:
    linked = link_build(
        [
            _person("kk", "a.txt", "Г. Сапарбекова"),
            _person("kk", "b.txt", "Гүлназ Сапарбекова"),
            _person("ru", "c.txt", "Гаухар Сапарбекова"),
        ]
    )
    assert len(_people(linked.results)) == 3


def test_namesakes_with_contradicting_first_names_or_fathers_never_merge() -> None:
    linked = link_build(
        [
            _person("kk", "a.txt", "Г. Сапарбекова"),
            _person("kk", "b.txt", "Айгерім Сапарбекова"),  # А ≠ Г
            _person("kk", "c.txt", "Темір Болатұлы Жанқараев"),
            _person("ru", "d.txt", "Темир Серикович Жанкараев"),  # another father
            _person("en", "e.txt", "Temir Zhankarayev"),  # which one? neither
        ]
    )
    assert len(_people(linked.results)) == 5


def test_a_name_without_patronymic_joins_its_only_father() -> None:
    linked = link_build(
        [
            _person("kk", "c.txt", "Темір Болатұлы Жанқараев"),
            _person("en", "e.txt", "Temir Zhankarayev"),
            _person("ru", "f.txt", "Жанкараев Темир Болатович"),
        ]
    )
    (people,) = _people(linked.results)
    assert len(people) == 3
    assert "patronymic" in linked.plan.merges[0].rules
