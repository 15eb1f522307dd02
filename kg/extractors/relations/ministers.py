"""Ministers of the one ministry: "вице-министр X" when the article names one ministry.

A minister's title that names its field ("министр культуры X", "Deputy Minister of
Education X") makes the ministry an organisation of its own, and the language's rules
claim it. A bare title does not: "Со стороны министерства документ подписал
вице-министр X", "Министрлік атынан вице-министр X қол қойды", "The document was
signed by Vice Minister X". When the article names exactly one ministry and the
titled person holds no other post in it, the person holds that title there. The same
in every language: a title right before the person, or after them between commas.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.extractors.relations.affiliations import Pair, evidence, pair_key
from kg.extractors.relations.cues import MINISTRY
from kg.extractors.relations.features import Sentence, Token
from kg.model import Article, EntityType, Mention, RoleClaim

#: Bare ministerial titles as lower-case word stems, longest first, with the role each
#: gives (nominative, as the conventions write it). A stem matches any case form.
_TITLES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("первый", "вице-министр"), "первый вице-министр"),
    (("первого", "вице-министр"), "первый вице-министр"),
    (("первым", "вице-министр"), "первый вице-министр"),
    (("заместитель", "министра"), "заместитель министра"),
    (("заместителя", "министра"), "заместитель министра"),
    (("заместителем", "министра"), "заместитель министра"),
    (("бірінші", "вице-министр"), "бірінші вице-министр"),
    (("министрдің", "орынбасар"), "министрдің орынбасары"),
    (("министр", "орынбасар"), "министр орынбасары"),
    (("first", "vice", "minister"), "first vice minister"),
    (("first", "vice-minister"), "first vice minister"),
    (("first", "deputy", "minister"), "first deputy minister"),
    (("vice", "minister"), "vice minister"),
    (("deputy", "minister"), "deputy minister"),
    (("vice-minister",), "vice minister"),
    (("вице-министр",), "вице-министр"),
    (("министр",), "министр"),
    (("minister",), "minister"),
)
#: What may follow a title given after the person: it ends there ("X, vice minister,").
_TITLE_ENDS = frozenset({",", ".", ";", ")", "—", "–", "и", "және", "and"})


def ministers(
    article: Article,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    roles: Sequence[RoleClaim],
    claimed: set[Pair],
) -> list[RoleClaim]:
    """Role claims of people with a bare minister's title in the article's one ministry."""
    ministry = _only_ministry(mentions)
    if ministry is None:
        return []
    posted = {mentions[c.person].name for c in roles}
    found: list[RoleClaim] = []
    for sentence in sentences:
        for index in sentence.mentions:
            person = mentions[index]
            if person.type is not EntityType.PERSON or person.name in posted:
                continue
            first, last = sentence.ranges[index]
            role = _title_before(sentence.tokens, first) or _title_after(sentence.tokens, last)
            if role is None:
                continue
            key = pair_key(mentions, index, ministry)
            if key in claimed:
                continue
            claimed.add(key)
            posted.add(person.name)
            found.append(
                RoleClaim(
                    person=index,
                    organisation=ministry,
                    role=role,
                    evidence=evidence(article, sentence),
                )
            )
    return found


def _only_ministry(mentions: Sequence[Mention]) -> int | None:
    """The mention of the article's one ministry, or None when it names none or several."""
    found: dict[str, int] = {}
    for index, mention in enumerate(mentions):
        name = mention.name.casefold()
        if mention.type is EntityType.ORGANISATION and _names_a_ministry(name):
            found.setdefault(name, index)
    return next(iter(found.values())) if len(found) == 1 else None


def _names_a_ministry(name: str) -> bool:
    """Whether the ministry is the body named, not a body under it ("министрлігінің
    жанындағы Қоғамдық кеңес", "Public Council of the Ministry of ...")."""
    words = name.split()
    if not words:
        return False
    # Kazakh names end with their head; Russian and English open with it (after a
    # country's adjective at most: "Kazakh Ministry of Culture")
    opening = (MINISTRY["ru"], MINISTRY["en"])
    return words[-1].startswith(MINISTRY["kk"]) or any(w.startswith(opening) for w in words[:2])


def _matches(words: Sequence[Token], stems: tuple[str, ...]) -> bool:
    # each word of the title begins with its stem; the last word, the title's head,
    # may carry any case ending but must be that title ("министр", not "министрлік")
    if len(words) != len(stems):
        return False
    for word, stem in zip(words, stems, strict=True):
        text = word.text.casefold()
        if not text.startswith(stem) or len(text) > len(stem) + 3:
            return False
    return not words[-1].text.casefold().startswith(MINISTRY["kk"])


def _title_before(tokens: Sequence[Token], first: int) -> str | None:
    """The bare title that ends right before token ``first``."""
    for stems, role in _TITLES:
        start = first - len(stems)
        if start >= 0 and _matches(tokens[start:first], stems) and _bare(tokens, start):
            return role
    return None


def _title_after(tokens: Sequence[Token], last: int) -> str | None:
    """The bare title between commas right after the person: "X, vice minister, said"."""
    if last >= len(tokens) or tokens[last].text != ",":
        return None
    for stems, role in _TITLES:
        end = last + 1 + len(stems)
        if end > len(tokens) or not _matches(tokens[last + 1 : end], stems):
            continue
        if end == len(tokens) or tokens[end].text in _TITLE_ENDS:
            return role
    return None


def _bare(tokens: Sequence[Token], start: int) -> bool:
    """No field before the title: "Prime", "премьер-", a country's adjective."""
    if start == 0:
        return True
    before = tokens[start - 1].text.casefold()
    return before not in {"prime", "foreign", "former", "бывший", "бұрынғы", "экс"}
