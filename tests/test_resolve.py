"""Resolution: grouping mentions into entities and claims into facts."""

from __future__ import annotations

import pytest

from kg.iris import article_id, entity_id
from kg.model import (
    Agreement,
    AgreementClaim,
    AgreementKind,
    Article,
    EntityType,
    Evidence,
    Extraction,
    Membership,
    Mention,
    OrgClass,
    RoleClaim,
)
from kg.resolve import resolve

TEXT = (
    "«Ақ Жол» қорының төрағасы Арман Сәкенов сөйледі. Арман САКЕНОВ қорды мақтады. "
    "Халықаралық су ресурстары орталығы (ХСРО) пен «Ақ Жол» қоры меморандумға қол қойды."
)


def article(text: str = TEXT, publisher: str | None = None) -> Article:
    return Article(
        id=article_id(text), text=text, lang="kk", source_path="a.txt", publisher=publisher
    )


def mention(
    kind: EntityType,
    surface: str,
    name: str,
    occurrence: int = 0,
    org_class: OrgClass | None = None,
) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(surface, start + 1)
    return Mention(kind, surface, start, start + len(surface), name, "test", org_class)


def evidence(sentence: str) -> Evidence:
    start = TEXT.index(sentence)
    return Evidence(article_id(TEXT), sentence, start, start + len(sentence), "test")


PERSON, ORG = EntityType.PERSON, EntityType.ORGANISATION


def test_case_forms_and_capitals_of_one_actor_become_one_entity() -> None:
    mentions = (
        mention(ORG, "«Ақ Жол» қорының", "«Ақ Жол» қоры", org_class=OrgClass.NGO),
        mention(PERSON, "Арман Сәкенов", "Арман Сәкенов"),
        mention(PERSON, "Арман САКЕНОВ", "Арман САКЕНОВ"),
        mention(ORG, "«Ақ Жол» қоры", "«Ақ Жол» қоры"),
    )
    result = resolve(Extraction(article(), mentions))
    people = [e for e in result.entities if e.type is PERSON]
    orgs = [e for e in result.entities if e.type is ORG]
    assert len(orgs) == 1
    assert orgs[0].name.text == "«Ақ Жол» қоры"
    assert orgs[0].org_class is OrgClass.NGO
    assert "«Ақ Жол» қорының" in {a.text for a in orgs[0].aliases}
    # Сәкенов / САКЕНОВ differ by a letter and case: one person, mixed-case name preferred
    assert len(people) == 1, people
    assert people[0].name.text == "Арман Сәкенов"
    assert people[0].id == entity_id("person", "Арман Сәкенов")


def test_short_names_one_letter_apart_stay_distinct() -> None:
    text = "Ол Алтай мен Алтын туралы айтты."
    art = Article(article_id(text), text, "kk", "b.txt")
    mentions = (
        Mention(ORG, "Алтай", 3, 8, "Алтай", "test"),
        Mention(ORG, "Алтын", 13, 18, "Алтын", "test"),
    )
    assert len(resolve(Extraction(art, mentions)).entities) == 2


def test_acronym_joins_its_expansion() -> None:
    mentions = (
        mention(ORG, "Халықаралық су ресурстары орталығы", "Халықаралық су ресурстары орталығы"),
        mention(ORG, "ХСРО", "ХСРО"),
    )
    (entity,) = resolve(Extraction(article(), mentions)).entities
    assert entity.name.text == "Халықаралық су ресурстары орталығы"
    assert "ХСРО" in {a.text for a in entity.aliases}


def test_claims_become_facts_with_merged_evidence() -> None:
    first = "«Ақ Жол» қорының төрағасы Арман Сәкенов сөйледі."
    mentions = (
        mention(ORG, "«Ақ Жол» қорының", "«Ақ Жол» қоры"),
        mention(PERSON, "Арман Сәкенов", "Арман Сәкенов"),
        mention(ORG, "Халықаралық су ресурстары орталығы", "Халықаралық су ресурстары орталығы"),
        mention(ORG, "«Ақ Жол» қоры", "«Ақ Жол» қоры"),
    )
    sign = "Халықаралық су ресурстары орталығы (ХСРО) пен «Ақ Жол» қоры меморандумға қол қойды."
    claims = (
        RoleClaim(1, 0, "төраға", evidence(first)),
        RoleClaim(1, 0, "төраға", evidence(first)),
        AgreementClaim((2, 3), AgreementKind.MEMORANDUM, None, evidence(sign)),
        AgreementClaim((0, 3), AgreementKind.MEMORANDUM, None, evidence(sign)),  # one party
    )
    result = resolve(Extraction(article(), mentions, claims))
    memberships = [f for f in result.facts if isinstance(f, Membership)]
    agreements = [f for f in result.facts if isinstance(f, Agreement)]
    assert len(memberships) == 1
    assert memberships[0].role is not None and memberships[0].role.text == "төраға"
    assert len(memberships[0].evidence) == 1
    assert len(agreements) == 1, "an agreement needs two distinct parties"
    assert len(agreements[0].parties) == 2


def test_publisher_is_a_media_organisation() -> None:
    result = resolve(Extraction(article(publisher="Дала Жаңалықтары")))
    (outlet,) = result.entities
    assert outlet.org_class is OrgClass.MEDIA
    assert outlet.name.text == "Дала Жаңалықтары"


def test_the_publisher_named_in_the_text_with_its_kind_is_one_node() -> None:
    text = "Жиын өтті, деп хабарлайды «Дала Жаңалықтары» ААА."
    surface = "«Дала Жаңалықтары» ААА"
    start = text.index(surface)
    found = Mention(ORG, surface, start, start + len(surface), surface, "test")
    extraction = Extraction(
        Article(id="t", text=text, lang="kk", source_path="a.txt", publisher="Дала Жаңалықтары"),
        (found,),
    )
    (outlet,) = resolve(extraction).entities
    assert outlet.name.text == "«Дала Жаңалықтары» ААА"


@pytest.mark.parametrize(
    ("lang", "text", "body", "publisher"),
    [
        (
            "ru",
            "Как сообщает пресс-служба акимата Жайыкской области, форум откроется завтра.",
            "Акимат Жайыкской области",
            "пресс-служба акимата Жайыкской области",
        ),
        (
            "kk",
            "Бұл туралы Жайық облысы әкімдігінің баспасөз қызметі хабарлады.",
            "Жайық облысы әкімдігі",
            "Жайық облысы әкімдігінің баспасөз қызметі",
        ),
        (
            "en",
            "The Zhaiyk Akimat press service reported.",
            "Zhaiyk Akimat",
            "Zhaiyk Akimat press service",
        ),
    ],
)
def test_a_press_office_credited_is_the_body_it_speaks_for(
    lang: str, text: str, body: str, publisher: str
) -> None:
    start = text.casefold().index(body.split()[0].casefold()[:5])
    found = Mention(ORG, body, start, start + len(body), body, "test")
    extraction = Extraction(
        Article(id="t", text=text, lang=lang, source_path="a.txt", publisher=publisher), (found,)
    )
    assert [e.name.text for e in resolve(extraction).entities] == [body]


def test_resolution_is_deterministic_under_mention_order() -> None:
    mentions = [
        mention(ORG, "«Ақ Жол» қорының", "«Ақ Жол» қоры"),
        mention(PERSON, "Арман Сәкенов", "Арман Сәкенов"),
        mention(ORG, "ХСРО", "ХСРО"),
    ]
    forward = resolve(Extraction(article(), tuple(mentions)))
    backward = resolve(Extraction(article(), tuple(reversed(mentions))))
    assert forward.entities == backward.entities


def test_an_acronym_that_spells_an_abbreviation_whole_is_the_same_body() -> None:
    text = "The UN Development Fund met the Steppe Fund. UNDF said it would help."
    found = tuple(
        Mention(ORG, surface, text.index(surface), text.index(surface) + len(surface), surface, "t")
        for surface in ("UN Development Fund", "Steppe Fund", "UNDF")
    )
    article = Article(id="t", text=text, lang="en", source_path="a.txt")
    names = {e.name.text for e in resolve(Extraction(article, found)).entities}
    assert names == {"UN Development Fund", "Steppe Fund"}


def _resolved_names(text: str, kind: EntityType, surfaces: list[tuple[str, int]]) -> list[str]:
    """The entity names ``resolve`` makes of ``surfaces`` (text, occurrence) in ``text``."""
    mentions = []
    for surface, occurrence in surfaces:
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(surface, start + 1)
        mentions.append(Mention(kind, surface, start, start + len(surface), surface, "test"))
    doc = Article(id=article_id(text), text=text, lang="en", source_path="a.txt")
    return sorted(e.name.text for e in resolve(Extraction(doc, tuple(mentions))).entities)


def test_initials_and_a_surname_join_the_one_full_name_they_fit() -> None:
    text = "Timur Akhmetov opened it. T. Akhmetov said so. Dana Akhmetova came."
    found = _resolved_names(
        text, PERSON, [("Timur Akhmetov", 0), ("T. Akhmetov", 0), ("Dana Akhmetova", 0)]
    )
    assert found == ["Dana Akhmetova", "Timur Akhmetov"]
    # two full names the initials fit: which one is meant is unknown
    text = "Timur Akhmetov and Talgat Akhmetov came. T. Akhmetov said so."
    found = _resolved_names(
        text, PERSON, [("Timur Akhmetov", 0), ("Talgat Akhmetov", 0), ("T. Akhmetov", 0)]
    )
    assert len(found) == 3


def test_an_acronym_of_a_name_without_its_namesake_joins_it_and_names_nothing() -> None:
    text = (
        "Степной национальный университет имени Л.Н. Арыстанова подписал меморандум. "
        "Со стороны СНУ документ подписал ректор. СНУ известен."
    )
    full = "Степной национальный университет имени Л.Н. Арыстанова"
    assert _resolved_names(text, ORG, [(full, 0), ("СНУ", 0), ("СНУ", 1)]) == [full]


def test_a_short_name_of_kinds_joins_the_one_full_name_with_a_place() -> None:
    text = (
        "Гражданский альянс Жайыкской области провел форум. Гражданский альянс "
        "подписал меморандум. Civil Alliance of Zhaiyk Region came too."
    )
    full = "Гражданский альянс Жайыкской области"
    found = _resolved_names(text, ORG, [(full, 0), ("Гражданский альянс", 1)])
    assert found == [full]
    # two bodies with a place each: the short form could be either, so it stays apart
    text = (
        "Гражданский альянс Жайыкской области и Гражданский альянс Тамбор области. "
        "Гражданский альянс."
    )
    names = [(full, 0), ("Гражданский альянс Тамбор области", 0), ("Гражданский альянс", 2)]
    assert len(_resolved_names(text, ORG, names)) == 3


def test_a_syllable_acronym_joins_the_one_name_whose_words_it_starts() -> None:
    text = (
        "Сарыжазық ұлттық университеті мен «Тамбор» қоры келісім жасасты. "
        "СарҰУ бұрын да қормен жұмыс істеген. Абай атындағы Жайық ұлттық университеті ЖайҰУ."
    )
    full = "Сарыжазық ұлттық университеті"
    names = [(full, 0), ("«Тамбор» қоры", 0), ("СарҰУ", 0)]
    # the acronym is an alias of the name it spells, never the canonical name
    assert sorted(_resolved_names(text, ORG, names)) == sorted([full, "«Тамбор» қоры"])
    # the body's words, not its namesake's
    namesake = "Абай атындағы Жайық ұлттық университеті"
    assert _resolved_names(text, ORG, [(namesake, 0), ("ЖайҰУ", 0)]) == [namesake]
    # syllables that start no name's words join nothing
    assert len(_resolved_names(text, ORG, [(full, 0), ("ЖайҰУ", 0)])) == 2


def test_a_well_known_body_is_one_entity_however_the_article_writes_it() -> None:
    text = "UN Children's Fund and Tambor Fund met. UNICEF said so. UNICEF Zhaiyk came too."
    names = [("UN Children's Fund", 0), ("Tambor Fund", 0), ("UNICEF", 0), ("UNICEF Zhaiyk", 0)]
    # the written-out name is canonical; a country office stays a body of its own
    found = _resolved_names(text, ORG, names)
    assert found == sorted(["UN Children's Fund", "Tambor Fund", "UNICEF Zhaiyk"])


def test_a_short_name_joins_the_one_fuller_name_that_only_adds_modifiers() -> None:
    text = (
        "Zhaiyk University signed. Zhaiyk State University named after Abai Tamborov "
        "hosted it. Tambor Party and Tambor Party Council met."
    )
    full = "Zhaiyk State University named after Abai Tamborov"
    names = [("Zhaiyk University", 0), (full, 0)]
    assert _resolved_names(text, ORG, names) == [full]
    # a party is no short form of its council, a body of its own
    names = [("Tambor Party", 0), ("Tambor Party Council", 0)]
    assert len(_resolved_names(text, ORG, names)) == 2
    # two fuller names: which one is meant is unknown
    text = "Zhaiyk University. Zhaiyk State University. Zhaiyk National University."
    names = [
        ("Zhaiyk University", 0),
        ("Zhaiyk State University", 0),
        ("Zhaiyk National University", 0),
    ]
    assert len(_resolved_names(text, ORG, names)) == 3
