"""The language-neutral organisation key and the cross-language merges it makes.

Every name here is made up; only the generic words (ministry, foundation, alliance ...)
and country names are real.
"""

from __future__ import annotations

import pytest

from kg.iris import article_id, entity_id, membership_id
from kg.link import link_build
from kg.model import Article, ArticleResult, Entity, EntityType, Evidence, Label, Membership
from kg.org_key import HOME_COUNTRY, article_country, org_key


def _key(name: str, country: str | None = None) -> str | None:
    found = org_key(name, country)
    return found.key if found else None


@pytest.mark.parametrize(
    "names",
    [
        # type word and genitive order: Kazakh genitive first, Russian after
        (
            "Қазақстанның Жасыл қадам альянсы",
            "Альянс «Жасыл қадам» Казахстана",
            "Zhasyl Qadam Alliance of Kazakhstan",
        ),
        # the foundation in three languages, a quoted transliterated name with a hyphen
        ("«Бүркіт-Дала» қоры", "Фонд «Буркит-Дала»", "Burkit-Dala Foundation"),
        # a ministry's modifiers, in any order and case
        (
            "Қазақстан Республикасы Цифрлық даму министрлігі",
            "Министерство цифрового развития Республики Казахстан",
            "Ministry of Digital Development of the Republic of Kazakhstan",
            "ҚР Цифрлық даму министрлігі",
            "Министерство цифрового развития РК",
        ),
        # a legal form around a quoted name with its own head is dropped
        ("«Ақжол жастар орталығы» КЕАҚ", "Ақжол жастар орталығы", "Akzhol Youth Centre"),
        ("ОЮЛ «Ассоциация Көктем»", "«Көктем» қауымдастығы", "Koktem Association"),
        # international bodies by acronym, and spelled out
        ("БҰҰ", "ООН", "UN", "United Nations", "Организация Объединенных Наций"),
        ("ЕҚЫҰ", "ОБСЕ", "OSCE"),
        ("ЮНИСЕФ", "UNICEF", "Детский фонд ООН", "Детский фонд Организации Объединенных Наций"),
        # a party named in capitals, in Latin script and in Cyrillic
        ("«TUMAR» партиясы", "«Tumar» партиясы", "Партия «Тумар»"),
    ],
)
def test_one_body_in_three_languages_has_one_key(names: tuple[str, ...]) -> None:
    keys = {_key(name) for name in names}
    assert len(keys) == 1, keys
    assert keys != {None}


@pytest.mark.parametrize(
    ("one", "other"),
    [
        # different country
        ("Министерство иностранных дел Республики Казахстан", "Министерство иностранных дел РФ"),
        ("Ministry of Foreign Affairs of Kazakhstan", "Ministry of Foreign Affairs of Kyrgyzstan"),
        # different city
        ("«Тумар» партиясының Қарасай қалалық филиалы", "«Тумар» партиясының Ойжайлау филиалы"),
        # parent vs branch, committee vs ministry, office vs body
        ("«Тумар» партиясы", "«Тумар» партиясының Қарасай қалалық филиалы"),
        ("Партия «Тумар»", "Областной филиал партии «Тумар»"),
        (
            "Министерство цифрового развития РК",
            "Комитет связи Министерства цифрового развития РК",
        ),
        ("ОБСЕ", "Офис программ ОБСЕ"),
        ("ЮНИСЕФ", "Страновой офис ЮНИСЕФ"),
        # a national alliance vs a regional one
        ("Қазақстанның Жасыл қадам альянсы", "Ақсу облысының Жасыл қадам альянсы"),
        # another head word
        ("«Бүркіт-Дала» қоры", "«Бүркіт-Дала» қауымдастығы"),
        # another proper part
        ("«Бүркіт-Дала» қоры", "«Бүркіт-Тау» қоры"),
    ],
)
def test_what_tells_bodies_apart_keeps_keys_apart(one: str, other: str) -> None:
    assert _key(one) != _key(other)


def test_a_name_with_nothing_proper_has_no_key() -> None:
    # Any country has a ministry of culture: nothing in the name says whose.
    assert _key("Министерство культуры") is None
    assert _key("Облыстық азаматтық альянс") is None
    assert _key("Ministry of Culture") is None


def test_a_state_body_without_its_country_takes_the_articles() -> None:
    found = org_key("Ministry of Digital Development", "kz")
    assert found is not None
    assert found.key == _key("Министерство цифрового развития РК")
    assert found.rules == ("country-from-article",)
    # a foundation is not a state body: no country is added to it
    assert _key("Burkit-Dala Foundation", "kz") == _key("Burkit-Dala Foundation")


def test_the_rules_beyond_lookup_are_named() -> None:
    found = org_key("Детский фонд Организации Объединенных Наций")
    assert found is not None and "acronym" in found.rules
    quoted = org_key("«Ақжол жастар орталығы» КЕАҚ")
    assert quoted is not None and "quoted-name" not in quoted.rules  # КЕАҚ is a legal form
    wrapped = org_key("«Ақжол жастар орталығы» қоғамдық бірлестігі")
    assert wrapped is not None and wrapped.rules == ("quoted-name",)
    assert wrapped.key == _key("Akzhol Youth Centre")


def test_article_country() -> None:
    text = "Кыргызстан и Узбекистан. В Кыргызстане прошла встреча. Бишкек, Кыргызская Республика."
    assert article_country(text, "ru") == "kg"
    assert article_country("Узбекистан и Казахстан.", "ru") is None  # a tie says nothing
    assert article_country("Встреча в Ташкенте.", "en") is None
    assert article_country("Ресей мен Ресей.", "kk") == HOME_COUNTRY["kk"]


def _article(lang: str, path: str, orgs: list[str], text: str) -> ArticleResult:
    art = Article(article_id(text), text, lang, path)
    person_name = {"kk": "Дәулет Сағынов", "ru": "Даулет Сагынов", "en": "Daulet Sagynov"}[lang]
    person = Entity(entity_id("person", person_name), EntityType.PERSON, Label(person_name, lang))
    entities = [
        Entity(entity_id("organisation", o), EntityType.ORGANISATION, Label(o, lang)) for o in orgs
    ]
    ev = Evidence(art.id, text, 0, len(text), "test")
    facts = tuple(
        Membership(membership_id(person, e.id, None), person.id, e.id, None, (ev,))
        for e in entities
    )
    return ArticleResult(art, tuple(sorted([person, *entities], key=lambda e: e.id)), facts)


def _orgs(results: tuple[ArticleResult, ...]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for result in results:
        for entity in result.entities:
            if entity.type is EntityType.ORGANISATION:
                names = {entity.name.text} | {a.text for a in entity.aliases}
                found.setdefault(entity.id, set()).update(names)
    return found


def test_linking_merges_across_languages_and_records_the_rule() -> None:
    kk = _article("kk", "a.txt", ["Қазақстанның Жасыл қадам альянсы"], "Қазақстан туралы.")
    ru = _article("ru", "b.txt", ["ОЮЛ «Жасыл қадам альянс Казахстана»"], "О Казахстане.")
    en = _article("en", "c.txt", ["Zhasyl Qadam Alliance of Kazakhstan"], "About Kazakhstan.")
    linked = link_build([en, ru, kk])
    orgs = _orgs(linked.results)
    assert len(orgs) == 1
    (merge,) = [m for m in linked.plan.merges if m.survivor.startswith("organisation/")]
    assert merge.name == Label("Қазақстанның Жасыл қадам альянсы", "kk")
    assert merge.rules == ("org-key",)
    assert len(merge.absorbed) == 2
    assert sorted(linked.plan.absorbed[merge.survivor]) == sorted(i for i, _ in merge.absorbed)


def test_one_name_of_two_countries_bodies_stays_two_nodes() -> None:
    kg_text = "Бишкек. Кыргызстан и Кыргызстан подписали."
    uz_text = "Ташкент. Узбекистан и Узбекистан подписали."
    one = _article("ru", "kg.txt", ["Министерство цифрового развития"], kg_text)
    two = _article("ru", "uz.txt", ["Министерство цифрового развития"], uz_text)
    kz = _article("ru", "kz.txt", ["Министерство цифрового развития РК"], "Казахстан.")
    linked = link_build([one, two, kz])
    orgs = _orgs(linked.results)
    assert len(orgs) == 3
    assert entity_id("organisation", "Министерство цифрового развития") not in orgs
    assert all(i not in linked.plan.absorbed for i in orgs)
    again = link_build([kz, two, one])
    assert sorted(_orgs(again.results)) == sorted(orgs)


def test_a_ministry_named_without_country_joins_its_articles_countrys() -> None:
    kk = _article("kk", "a.txt", ["Цифрлық даму министрлігі"], "Министр сөйледі.")
    ru = _article("ru", "b.txt", ["Министерство цифрового развития РК"], "Министр.")
    linked = link_build([kk, ru])
    assert len(_orgs(linked.results)) == 1
    (merge,) = [m for m in linked.plan.merges if m.survivor.startswith("organisation/")]
    assert "country-from-article" in merge.rules


def test_parent_and_branch_never_merge() -> None:
    kk = _article("kk", "a.txt", ["«Тумар» партиясының Қарасай қалалық филиалы"], "Филиал.")
    ru = _article("ru", "b.txt", ["Партия «Тумар»"], "Партия.")
    assert len(_orgs(link_build([kk, ru]).results)) == 2


@pytest.mark.parametrize(
    ("short", "full", "spelt"),
    [
        ("КазНУ им. аль-Тарази", "Al-Tarazi Kazakh National University", True),
        ("КазНУ им. аль-Тарази", "Al-Tarazi Kazakh National Pedagogical University", False),
        ("КазНУ им. аль-Тарази", "Kazakh National University", False),  # no proper part
        ("КазНУ им. аль-Тарази", "Al-Tarazi Kyrgyz National University", False),
        ("ЖҚА", "Жасыл қадам альянсы", False),  # "Жасыл қадам" is a proper part, not spelt
        ("АТҚ", "Азаматтық тарих қоры", False),  # тарих is no table word
        ("ҚЦА", "Қазақстан цифрлық альянсы", True),
        ("ЦА", "Цифрлық альянс", False),  # two letters never decide
    ],
)
def test_an_acronym_is_spelt_out_only_by_the_name_that_fits(
    short: str, full: str, spelt: bool
) -> None:
    from kg.org_key import spells_out

    assert spells_out(short, full) is spelt


def test_a_syllable_acronym_joins_the_one_node_that_spells_it_out() -> None:
    ru = _article("ru", "a.txt", ["КазНУ им. аль-Тарази"], "КазНУ.")
    en = _article("en", "b.txt", ["Al-Tarazi Kazakh National University"], "University.")
    linked = link_build([ru, en])
    assert len(_orgs(linked.results)) == 1
    (merge,) = [m for m in linked.plan.merges if m.survivor.startswith("organisation/")]
    assert merge.rules == ("acronym-expansion",)
    # two full names that fit: the acronym joins neither
    other = _article("en", "c.txt", ["Al-Tarazi Kazakh National Union"], "Another.")
    assert len(_orgs(link_build([ru, en, other]).results)) == 3
