"""Hand-built article results (invented people, organisations and sentences) for graph tests.

Three articles name the same chairman of the same foundation: two Kazakh ones with the
same role (one membership, two pieces of evidence) and a Russian one with a Russian
role (a second membership). Also shared by the subprocess determinism test.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kg.exporters.base import Build
from kg.iris import article_id, entity_id, make_id, name_key
from kg.model import (
    Agreement,
    AgreementKind,
    Article,
    ArticleResult,
    BuildActivity,
    Entity,
    EntityType,
    Evidence,
    Label,
    Membership,
    OrgClass,
    Participation,
)

BASE = "https://example.org/civ/"
GRAPH_FORMATS = ("turtle", "trig", "jsonld", "graphml", "gexf", "tables", "ftm")
EXTRACTOR = "handmade"

PERSON = "Ерлан Төлеуов"
DEPUTY = "Гүлнар Сейітова"
FOUNDATION = "Ақ Бұлақ қоғамдық қоры"
AKIMAT = "Өскемен қаласының әкімдігі"
FORUM = "Таза өзен экологиялық форумы"
PUBLISHER = "Дала Жаршысы"

KK_TEXT = (
    "«Ақ Бұлақ» қоғамдық қорының төрағасы Ерлан Төлеуов Өскемен қаласының әкімдігімен "
    "ынтымақтастық туралы меморандумға қол қойды. "
    "Құжатқа қала әкімінің орынбасары Гүлнар Сейітова да қол қойды. "
    "Қор мен Ерлан Төлеуов 12 сәуірде өткен «Таза өзен» экологиялық форумына қатысты."
)
KK_REPORT_TEXT = (
    "Жыл қорытындысы шықты. Ерлан Төлеуов «Ақ Бұлақ» қорының төрағасы ретінде "
    "жаңа жобаларды таныстырды."
)
RU_TEXT = (
    'Председатель общественного фонда "Ақ Бұлақ" Ерлан Төлеуов рассказал о новых проектах.\n'
    "Фонд работает с 2015 года."
)


def person(name: str, lang: str, *aliases: str) -> Entity:
    return Entity(
        id=entity_id(EntityType.PERSON.value, name),
        type=EntityType.PERSON,
        name=Label(name, lang),
        aliases=tuple(Label(a, lang) for a in aliases),
    )


def organisation(name: str, lang: str, org_class: OrgClass | None, *aliases: str) -> Entity:
    return Entity(
        id=entity_id(EntityType.ORGANISATION.value, name),
        type=EntityType.ORGANISATION,
        name=Label(name, lang),
        aliases=tuple(Label(a, lang) for a in aliases),
        org_class=org_class,
    )


def event(name: str, lang: str, date: str | None, place: str | None) -> Entity:
    return Entity(
        id=entity_id(EntityType.EVENT.value, name),
        type=EntityType.EVENT,
        name=Label(name, lang),
        date=date,
        place=place,
    )


def evidence(article: Article, sentence_index: int) -> Evidence:
    """Evidence for the n-th sentence (split on '. ' or newline) of the article."""
    sentences = article.text.replace("\n", ". ").split(". ")
    sentence = sentences[sentence_index].rstrip(".")
    start = article.text.index(sentence)
    return Evidence(article.id, sentence, start, start + len(sentence), EXTRACTOR)


def membership(who: Entity, org: Entity, role: Label | None, *found: Evidence) -> Membership:
    role_key = name_key(role.text) if role else ""
    return Membership(
        id=make_id("membership", who.name.text, who.id, org.id, role_key),
        person=who.id,
        organisation=org.id,
        role=role,
        evidence=found,
    )


def participation(who: Entity, what: Entity, *found: Evidence) -> Participation:
    return Participation(
        id=make_id("participation", who.name.text, who.id, what.id),
        participant=who.id,
        event=what.id,
        evidence=found,
    )


def article(text: str, lang: str, source: str, **meta: str) -> Article:
    return Article(id=article_id(text), text=text, lang=lang, source_path=source, **meta)


def kk_memorandum() -> ArticleResult:
    """A Kazakh article: two memberships, a memorandum, an event with two participants."""
    art = article(
        KK_TEXT,
        "kk",
        "kk/ak-bulak-memorandum.txt",
        title="«Ақ Бұлақ» қоры әкімдікпен меморандумға қол қойды",
        date="2024-04-15",
        url="https://news.example.kz/kk/ak bulak?id=7",
        publisher=PUBLISHER,
    )
    chair = person(PERSON, "kk", "Е. Төлеуов")
    deputy = person(DEPUTY, "kk")
    fund = organisation(FOUNDATION, "kk", OrgClass.NGO, "«Ақ Бұлақ» қоры")
    akimat = organisation(AKIMAT, "kk", OrgClass.GOVERNMENT)
    forum = event(FORUM, "kk", "2024-04-12", "Өскемен")
    outlet = organisation(PUBLISHER, "und", OrgClass.MEDIA)
    parties = tuple(sorted((fund.id, akimat.id)))
    memo = Agreement(
        id=make_id("agreement", "memorandum", "memorandum", *parties, "2024-04-15"),
        kind=AgreementKind.MEMORANDUM,
        parties=parties,
        title=Label("ынтымақтастық туралы меморандум", "kk"),
        date="2024-04-15",
        evidence=(evidence(art, 0),),
    )
    entities = sorted((chair, deputy, fund, akimat, forum, outlet), key=lambda e: e.id)
    return ArticleResult(
        article=art,
        entities=tuple(entities),
        facts=(
            membership(chair, fund, Label("төраға", "kk"), evidence(art, 0)),
            membership(deputy, akimat, Label("әкімнің орынбасары", "kk"), evidence(art, 1)),
            memo,
            participation(chair, forum, evidence(art, 2)),
            participation(fund, forum, evidence(art, 2)),
        ),
        extractors=(EXTRACTOR,),
    )


def kk_report() -> ArticleResult:
    """A second Kazakh article stating the same membership (same role) again."""
    art = article(KK_REPORT_TEXT, "kk", "kk/ak-bulak-report.txt", date="2024-05-02")
    chair = person(PERSON, "kk", "Ерлан Төлеуовтың")
    fund = organisation(FOUNDATION, "kk", OrgClass.NGO, "«Ақ Бұлақ» қорының")
    return ArticleResult(
        article=art,
        entities=tuple(sorted((chair, fund), key=lambda e: e.id)),
        facts=(membership(chair, fund, Label("төраға", "kk"), evidence(art, 1)),),
        extractors=(EXTRACTOR,),
    )


def ru_interview() -> ArticleResult:
    """A Russian article: the same person and foundation, a Russian role, no title."""
    art = article(RU_TEXT, "ru", "ru/ak-bulak.md", date="2024-05-03")
    chair = person(PERSON, "ru")
    fund = organisation(FOUNDATION, "ru", OrgClass.NGO, 'общественный фонд "Ақ Бұлақ"')
    return ArticleResult(
        article=art,
        entities=tuple(sorted((chair, fund), key=lambda e: e.id)),
        facts=(membership(chair, fund, Label("председатель", "ru"), evidence(art, 0)),),
        extractors=(EXTRACTOR,),
    )


EN_TEXT = (
    'Director of the "Clean Steppe" fund Dana Ospan said: """we\\sign""" it\n'
    "in Kostanay today. She joined in 2019."
)


def en_awkward() -> ArticleResult:
    """An English article whose evidence spans a line break and holds quotes and a backslash."""
    art = article(EN_TEXT, "en", "en/clean steppe.html", title='Ospan: "we sign"')
    director = person("Dana Ospan", "en", "Ospan\x0c")  # a form feed, as scrapes have
    fund = organisation("Clean Steppe Fund", "en", None, '"Clean Steppe" fund')
    end = EN_TEXT.index(" today") + len(" today")
    found = Evidence(art.id, EN_TEXT[:end], 0, end, EXTRACTOR)
    return ArticleResult(
        article=art,
        entities=tuple(sorted((director, fund), key=lambda e: e.id)),
        facts=(membership(director, fund, Label("director", "en"), found),),
        extractors=(EXTRACTOR,),
    )


def sample_results() -> tuple[ArticleResult, ...]:
    return (kk_memorandum(), kk_report(), ru_interview(), en_awkward())


def sample_activity() -> BuildActivity:
    return BuildActivity(
        id=make_id("activity", "civkg test", "test", EXTRACTOR),
        version="0.0.test",
        extractors=(EXTRACTOR,),
    )


def sample_build() -> Build:
    """A ``Build`` of the sample results, as exporters receive it."""
    from kg.graph.bridge import to_store

    results = sample_results()
    return Build(
        results=results,
        problems=(),
        activity=sample_activity(),
        store=to_store(results, activity=sample_activity(), base=BASE),
        base=BASE,
        input_root=Path(),
    )


def export_all(out_dir: Path, formats: tuple[str, ...] = GRAPH_FORMATS) -> list[Path]:
    """Write the sample build with each graph exporter; return the files written."""
    from kg.exporters import load_exporter

    build = sample_build()
    return [path for name in formats for path in load_exporter(name).export(build, out_dir)]


if __name__ == "__main__":
    # Used by the PYTHONHASHSEED test: `python graph_sample.py OUT_DIR`.
    export_all(Path(sys.argv[1]))
