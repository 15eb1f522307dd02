"""Map fixtures: a small graph of invented articles (with hostile text) and a real browser."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from kg.build import build_activity
from kg.graph.bridge import to_dataset
from kg.iris import entity_id
from kg.model import (
    Agreement,
    AgreementKind,
    Article,
    ArticleResult,
    Entity,
    EntityType,
    Evidence,
    Label,
    Membership,
    OrgClass,
    Participation,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page
    from rdflib import Graph

BASE = "https://w3id.org/civkg/id/"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
REPO = Path(__file__).resolve().parents[3]
ARTIFACTS = REPO / ".artifacts"

# Text a hostile or careless scrape could contain; none of it may run in the page.
HOSTILE_TITLE = "Форум <script>window.pwnedTitle = 1</script> 2025"
HOSTILE_SENTENCE = (
    "Дана Оспанова — «Ақ Бидай» қорының директоры. <script>window.pwnedSentence = 1</script>"
)
HOSTILE_NAME = '<img src=x onerror="window.pwnedName = 1">'


def _entity(kind: EntityType, name: str, lang: str, **extra: Any) -> Entity:
    return Entity(entity_id(kind.value, name), kind, Label(name, lang), **extra)


def _evidence(article: Article, sentence: str) -> Evidence:
    start = article.text.index(sentence)
    return Evidence(article.id, sentence, start, start + len(sentence), "test")


def _article(ident: str, lang: str, text: str, **extra: Any) -> Article:
    return Article(ident, text, lang, f"{lang}/{ident}.txt", **extra)


def sample_results() -> list[ArticleResult]:
    """Three invented articles (kk, ru, en): memberships, a memorandum, a forum."""
    kk = _article(
        "kk1",
        "kk",
        HOSTILE_SENTENCE + " Қор Алматыда жұмыс істейді.",
        title=HOSTILE_TITLE,
        date="2025-02-10",
        url="javascript:window.pwnedUrl = 1",
    )
    ru = _article(
        "ru1",
        "ru",
        "Фонд «Ақ Бидай» и Министерство цифрового развития подписали меморандум. "
        "Ерлан Жаксыбеков возглавляет министерство.",
        title="Меморандум подписан",
        date="2024-06-01",
        url="https://example.org/ru/memo",
    )
    en = _article(
        "en1",
        "en",
        "Dana Ospanova spoke at the Steppe Civic Forum. The forum was held in Astana.",
        title="Steppe Civic Forum opens",
        date="2023-09-15",
    )
    dana = _entity(
        EntityType.PERSON,
        "Дана Оспанова",
        "kk",
        aliases=(Label("Dana Ospanova", "en"), Label("Дана Оспанова", "ru")),
    )
    erlan = _entity(EntityType.PERSON, "Ерлан Жаксыбеков", "ru")
    fund = _entity(
        EntityType.ORGANISATION,
        "Ақ Бидай",
        "kk",
        aliases=(Label("Ак Бидай", "ru"),),
        org_class=OrgClass.NGO,
    )
    ministry = _entity(
        EntityType.ORGANISATION,
        "Министерство цифрового развития",
        "ru",
        org_class=OrgClass.GOVERNMENT,
    )
    hostile = _entity(EntityType.ORGANISATION, HOSTILE_NAME, "kk", org_class=OrgClass.MEDIA)
    forum = _entity(EntityType.EVENT, "Steppe Civic Forum", "en", date="2023-09-15")
    director = Membership(
        "membership/dana-fund",
        dana.id,
        fund.id,
        Label("директор", "kk"),
        (_evidence(kk, HOSTILE_SENTENCE),),
    )
    hostile_member = Membership(
        "membership/dana-hostile", dana.id, hostile.id, None, (_evidence(kk, HOSTILE_SENTENCE),)
    )
    minister = Membership(
        "membership/erlan-ministry",
        erlan.id,
        ministry.id,
        Label("министр", "ru"),
        (_evidence(ru, "Ерлан Жаксыбеков возглавляет министерство."),),
    )
    memo = Agreement(
        "agreement/fund-ministry",
        AgreementKind.MEMORANDUM,
        tuple(sorted([fund.id, ministry.id])),
        Label("Меморандум о цифровой грамотности", "ru"),
        "2024-06-01",
        (_evidence(ru, "Фонд «Ақ Бидай» и Министерство цифрового развития подписали меморандум."),),
    )
    spoke = Participation(
        "participation/dana-forum",
        dana.id,
        forum.id,
        (_evidence(en, "Dana Ospanova spoke at the Steppe Civic Forum."),),
    )
    return [
        ArticleResult(kk, (dana, fund, hostile), (director, hostile_member)),
        ArticleResult(ru, (fund, ministry, erlan), (memo, minister)),
        ArticleResult(en, (dana, forum), (spoke,)),
    ]


@pytest.fixture(scope="session")
def sample_graph() -> Graph:
    _, graph = to_dataset(sample_results(), activity=build_activity(["test"]), base=BASE)
    return graph


@pytest.fixture(scope="session")
def sample_map(sample_graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from kg.exporters.map.render import render_map

    path = tmp_path_factory.mktemp("map") / "map.html"
    path.write_text(render_map(sample_graph), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} not installed (apt-get install -y chromium)")
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield launched
        launched.close()


@dataclass
class OpenMap:
    """A map page in a fresh browser context, with every request and console error seen."""

    page: Page
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture
def open_map(browser: Browser) -> Iterator[Any]:
    contexts: list[Any] = []

    def opener(path: Path, viewport: tuple[int, int] = (1280, 800)) -> OpenMap:
        context = browser.new_context(
            viewport={"width": viewport[0], "height": viewport[1]}, accept_downloads=True
        )
        contexts.append(context)
        page = context.new_page()
        seen = OpenMap(page)
        page.on("request", lambda request: seen.requests.append(request.url))
        page.on(
            "console",
            lambda message: seen.errors.append(message.text) if message.type == "error" else None,
        )
        page.on("pageerror", lambda error: seen.errors.append(str(error)))
        page.goto(path.resolve().as_uri())
        page.wait_for_function("document.body.dataset.ready === 'true'", timeout=30_000)
        return seen

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where test artefacts (screenshots) go: .artifacts/, which git ignores."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def hostile_texts() -> tuple[str, ...]:
    """The article title, sentence and name in the sample that try to run script."""
    return (HOSTILE_TITLE, HOSTILE_SENTENCE, HOSTILE_NAME)
