"""Linking across articles and scripts."""

from __future__ import annotations

import pytest

from kg.iris import article_id, entity_id, membership_id
from kg.link import link, person_key
from kg.model import (
    Article,
    ArticleResult,
    Entity,
    EntityType,
    Evidence,
    Label,
    Membership,
)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Сәуле Бекмұханова", "Сауле Бекмуханова"),
        ("Сауле Бекмуханова", "Saule Bekmukhanova"),
        ("Ержан Жақыпбаев", "Yerzhan Zhakypbayev"),
        ("Юрий Оспанов", "Yuri Ospanov"),
        ("Айгүл Сейітова", "Айгуль Сеитова"),
        ("Бейбіт Иссабаев", "Beibit Issabayev"),
    ],
)
def test_transliterations_share_a_key(one: str, other: str) -> None:
    assert person_key(one) == person_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Сәуле Бекмұханова", "Сәуле Бекмұханов"),  # gender differs
        ("Сәуле Бекмұханова", "Айгүл Бекмұханова"),  # first name differs
    ],
)
def test_different_people_keep_different_keys(one: str, other: str) -> None:
    assert person_key(one) != person_key(other)


def test_a_surname_alone_is_never_a_key() -> None:
    assert person_key("Бекмұханова") is None


def _result(lang: str, person: str, org: str, text: str) -> ArticleResult:
    art = Article(article_id(text), text, lang, f"{lang}.txt")
    p = Entity(entity_id("person", person), EntityType.PERSON, Label(person, lang))
    o = Entity(entity_id("organisation", org), EntityType.ORGANISATION, Label(org, lang))
    ev = Evidence(art.id, text, 0, len(text), "test")
    fact = Membership(membership_id(p, o.id, None), p.id, o.id, None, (ev,))
    return ArticleResult(art, (p, o), (fact,))


def test_one_person_in_two_scripts_becomes_one_node_with_both_spellings() -> None:
    kk = _result("kk", "Сәуле Бекмұханова", "«Жасыл Дала» қоры", "Сәуле Бекмұханова сөйледі.")
    ru = _result("ru", "Сауле Бекмуханова", "Фонд «Жасыл Дала»", "Сауле Бекмуханова сказала.")
    linked = link([ru, kk])
    people = {e for r in linked for e in r.entities if e.type is EntityType.PERSON}
    assert len(people) == 1
    (person,) = people
    assert person.name == Label("Сәуле Бекмұханова", "kk"), "Kazakh spelling is preferred"
    assert Label("Сауле Бекмуханова", "ru") in person.aliases
    assert person.id == entity_id("person", "Сәуле Бекмұханова")
    members = {f.person for r in linked for f in r.facts if isinstance(f, Membership)}
    assert members == {person.id}


def test_linking_does_not_depend_on_article_order() -> None:
    kk = _result("kk", "Сәуле Бекмұханова", "«Жасыл Дала» қоры", "Сәуле Бекмұханова сөйледі.")
    en = _result("en", "Saule Bekmukhanova", "Green Steppe Foundation", "Saule spoke.")
    forward = link([kk, en])
    backward = link([en, kk])
    assert sorted(forward, key=lambda r: r.article.id) == sorted(
        backward, key=lambda r: r.article.id
    )


def test_same_id_with_other_quotes_gets_one_preferred_label() -> None:
    one = _result("kk", "Арман Сәкенов", "«Шуақ» қоры", "Арман Сәкенов келді.")
    two = _result("kk", "Арман Сәкенов", '"Шуақ" қоры', "Арман Сәкенов кетті.")
    linked = link([one, two])
    orgs = {e for r in linked for e in r.entities if e.type is EntityType.ORGANISATION}
    assert len(orgs) == 1
    (org,) = orgs
    assert org.name.text in {"«Шуақ» қоры", '"Шуақ" қоры'}
    assert len({org.name.text} | {a.text for a in org.aliases}) == 2


def test_what_linking_brought_into_a_result_changes_when_its_result_does() -> None:
    from kg.link import link_build

    ru = _result("ru", "Сауле Бекмуханова", "Фонд «Жасыл Дала»", "Сауле Бекмуханова сказала.")
    en = _result("en", "Arman Seitkali", "Green Steppe Foundation", "Arman spoke.")
    kk = _result("kk", "Сәуле Бекмұханова", "«Жасыл Дала» қоры", "Сәуле Бекмұханова сөйледі.")
    alone = link_build([ru, en])
    joined = link_build([ru, en, kk])
    # the Kazakh spelling now names ru's person: ru's linked result differs, and so
    # does its made_from; en's neither
    assert alone.results[0] != joined.results[0]
    assert alone.made_from[0] != joined.made_from[0]
    assert alone.results[1] == joined.results[1]
    assert alone.made_from[1] == joined.made_from[1]
    assert len(joined.made_from) == len(joined.results)
