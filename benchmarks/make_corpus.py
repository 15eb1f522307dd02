"""Make a benchmark corpus of N articles from text we may use (run by hand).

    python benchmarks/make_corpus.py --articles 1000 --out /tmp/corpus [--seed 0]

Kazakh articles are KazNERD sentences (CC BY 4.0, ``../shared/data/kaznerd``) drawn
at random and joined into articles; Russian and English articles are our own template
sentences with made-up names, positions, bodies, forums and memoranda. The default
mix is that of the scale issue's 1,000-article measurement (659 kk, 274 ru, 67 en)
at about 900 tokens an article. The same seed gives the same files. Nothing here is
news text: the corpus measures speed and memory, never accuracy.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
KAZNERD = REPO.parent / "shared" / "data" / "kaznerd"
MIX = {"kk": 659, "ru": 274, "en": 67}
SENTENCES_PER_ARTICLE = (45, 100)

_NO_SPACE_BEFORE = re.compile(r" ([,.!?:;)»”%])")
_NO_SPACE_AFTER = re.compile(r"([(«“]) ")

RU_FIRST = ("Айгуль", "Ерлан", "Марат", "Динара", "Серик", "Жанар", "Тимур", "Гульнара")
RU_LAST = ("Ахметов", "Сейткали", "Бекова", "Нуртаева", "Омаров", "Жаксылыков", "Исаева")
RU_POSITIONS = ("председатель", "директор", "руководитель", "член правления", "эксперт")
RU_BODIES = (  # nominative, genitive
    ("Фонд «Зелёная степь»", "фонда «Зелёная степь»"),
    ("Ассоциация молодых юристов «Адал»", "ассоциации молодых юристов «Адал»"),
    ("Центр поддержки гражданских инициатив", "Центра поддержки гражданских инициатив"),
    ("Общественный совет города Талдыкорган", "Общественного совета города Талдыкорган"),
    ("Союз экологов Приаралья", "Союза экологов Приаралья"),
    ("Институт развития местного самоуправления", "Института развития местного самоуправления"),
)
RU_EVENTS = ("Гражданском форуме «Голос степи»", "конференции «Открытый диалог»")
RU_FILLER = (
    "Участники обсудили вопросы развития некоммерческого сектора в регионах.",
    "Особое внимание было уделено прозрачности государственных закупок.",
    "По итогам встречи была принята резолюция с рекомендациями.",
    "В работе приняли участие представители более тридцати организаций.",
    "Стороны договорились продолжить диалог в следующем году.",
    "Отдельная сессия была посвящена волонтёрству и молодёжным инициативам.",
)
EN_FIRST = ("Dana", "Arman", "Laura", "Timur", "Aliya", "Nurlan", "Saule", "Bakyt")
EN_LAST = ("Omarova", "Seitkali", "Beisen", "Dosov", "Nurbek", "Zhaksylyk", "Issayeva")
EN_POSITIONS = ("director", "chair", "executive director", "programme officer", "founder")
EN_BODIES = (
    "Steppe Water Institute",
    "Green Valley Foundation",
    "Open Lake Alliance",
    "Civic Initiatives Support Centre",
    "Association of Young Lawyers",
)
EN_EVENTS = ("Civil Forum of the Steppe", "Open Dialogue Conference")
EN_FILLER = (
    "Participants discussed the development of the non-profit sector in the regions.",
    "Special attention was paid to the transparency of public procurement.",
    "A resolution with recommendations was adopted at the end of the meeting.",
    "Representatives of more than thirty organisations took part in the discussion.",
    "The parties agreed to continue the dialogue next year.",
)


def _kaznerd_sentences() -> list[str]:
    sentences: list[str] = []
    for split in ("IOB2_valid.txt", "IOB2_test.txt"):
        words: list[str] = []
        for line in (KAZNERD / split).read_text(encoding="utf-8").splitlines():
            if line.strip():
                words.append(line.split(" ")[0])
            elif words:
                text = _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", " ".join(words)))
                sentences.append(text)
                words = []
    return sentences


def _ru(rng: random.Random, sentences: int) -> str:
    def person() -> str:
        last = rng.choice(RU_LAST)
        first = rng.choice(RU_FIRST)
        return f"{first} {last}"

    lines = []
    for _ in range(sentences):
        kind = rng.random()
        body, genitive = rng.choice(RU_BODIES)
        if kind < 0.25:
            lines.append(f"{person()}, {rng.choice(RU_POSITIONS)} {genitive}, выступил с докладом.")
        elif kind < 0.35:
            other = rng.choice([b for b in RU_BODIES if b[0] != body])[0]
            lines.append(f"{body} и {other} подписали меморандум о сотрудничестве.")
        elif kind < 0.45:
            lines.append(f"На {rng.choice(RU_EVENTS)} выступил {person()}.")
        else:
            lines.append(rng.choice(RU_FILLER))
    return " ".join(lines)


def _en(rng: random.Random, sentences: int) -> str:
    def person() -> str:
        return f"{rng.choice(EN_FIRST)} {rng.choice(EN_LAST)}"

    lines = []
    for _ in range(sentences):
        kind = rng.random()
        body = rng.choice(EN_BODIES)
        if kind < 0.25:
            lines.append(f"{person()}, {rng.choice(EN_POSITIONS)} of the {body}, spoke first.")
        elif kind < 0.35:
            other = rng.choice([b for b in EN_BODIES if b != body])
            lines.append(f"The {body} signed a memorandum of understanding with the {other}.")
        elif kind < 0.45:
            lines.append(f"{person()} opened the {rng.choice(EN_EVENTS)} in Astana.")
        else:
            lines.append(rng.choice(EN_FILLER))
    return " ".join(lines)


def generate(count: int, out: Path, seed: int = 0) -> list[Path]:
    """Write ``count`` articles into ``out`` (kk/ru/en in the default mix); their paths."""
    rng = random.Random(seed)
    kazakh = _kaznerd_sentences() if KAZNERD.is_dir() else []
    total = sum(MIX.values())
    languages = [lang for lang, n in MIX.items() for _ in range(n)]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for n in range(count):
        lang = languages[(n * 7919) % total] if kazakh else rng.choice(("ru", "en"))
        sentences = rng.randint(*SENTENCES_PER_ARTICLE)
        if lang == "kk":
            body = " ".join(rng.choice(kazakh) for _ in range(sentences * 3 // 4))
        elif lang == "ru":
            body = _ru(rng, sentences)
        else:
            body = _en(rng, sentences)
        title = body.split(". ")[0][:90]
        path = out / f"{lang}-{n:06}.txt"
        path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    paths = generate(args.articles, args.out, args.seed)
    print(f"wrote {len(paths)} articles to {args.out}")


if __name__ == "__main__":
    main()
