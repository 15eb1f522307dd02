"""Agreements: a signing verb and an agreement noun with the bodies that signed."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from kg.extractors.common import ExtractionBuilder, Span
from kg.extractors.en.referring import the_one_body
from kg.extractors.en.tokens import TOKEN, Item
from kg.extractors.headlines import headline_agreement, in_capitals
from kg.lang.en import lexicon, shapes
from kg.model import AgreementKind, EntityType, RoleClaim

if TYPE_CHECKING:
    from kg.extractors.en.sentence import Sentence

# -- agreements ----------------------------------------------------------------------


def _reports_that(words: list[str], last: int) -> bool:
    """ "The Trend News Agency reports that X and Y signed": a source, not a party."""
    after = words[last + 1 : last + 3]
    return (
        len(after) == 2
        and after[0] in lexicon.REPORTING | lexicon.ATTRIBUTION
        and after[1] == "that"
    )


def find_agreements(sentence: Sentence, after_title: bool = False) -> None:
    """Agreements the sentence says were signed, or names by their parties.

    ``after_title``: the sentence continues a headline that names an agreement
    ("Memorandum of Cooperation" / "Between X and Y").
    """
    words = [t.text.lower() for t in sentence.tokens]
    kinds = _kinds(words)
    # "agreed to sign", "plan to sign": intended, not signed yet
    signed = any(w in lexicon.SIGNING and not _to_come(words, k) for k, w in enumerate(words))
    between = next((k for k, w in enumerate(words) if w == "between"), None)
    # "the Memorandum of Understanding between X and Y" names its parties unsigned.
    named = between is not None and (
        any(w in lexicon.AGREEMENT_WORDS for w in words[max(0, between - 6) : between])
        or (between == 0 and after_title)
    )
    if signed and not kinds and _refers_back(words):
        # "The sides signed a road map. The document was signed by X and Y": that one
        kinds = _kinds(_words_before(sentence))
    if not (kinds and signed) and not named:
        return
    kind = AgreementKind.MEMORANDUM if any(kinds) or not kinds else AgreementKind.AGREEMENT
    # "according to X", "X reported": the source of the news is no party; nor is the
    # one that "reports that" others signed.
    sources = [
        k
        for k, w in enumerate(words)
        if w in lexicon.ATTRIBUTION and words[k + 1 : k + 2] != ["that"]
    ]
    orgs = [
        i
        for i in sentence.items
        if i.kind == "org"
        and i.span
        and not any(0 < i.first - k <= 4 for k in sources)
        and not _reports_that(words, i.last)
    ]
    title = _title(sentence, words)
    if between is not None and len([o for o in orgs if o.first > between]) >= 2:
        orgs = [o for o in orgs if o.first > between][:2]
    elif signed and len(orgs) < 2:
        # "The memorandum was signed by A and B": the bodies they were said to head
        spans = [o.span for o in orgs if o.span] + _signers_bodies(sentence)
        named_here = {span.name for span in spans}
        spans += [b for b in _bare_parties(sentence) if b.name not in named_here]
        if not spans and kinds:
            spans = _sides_before(sentence)
        sentence.builder.agreement(spans, kind, title, sentence.bounds)
        return
    elif signed:
        for parties in _with_partners(words, orgs):
            sentence.builder.agreement(
                [o.span for o in parties if o.span], kind, title, sentence.bounds
            )
        return
    sentence.builder.agreement([o.span for o in orgs if o.span], kind, title, sentence.bounds)


def _to_come(words: list[str], k: int) -> bool:
    """Whether the signing verb at ``k`` is only planned: "agreed to sign", "are expected
    to sign", "will sign"."""
    if k >= 1 and words[k - 1] in lexicon.FUTURE_MARKERS:
        return True
    return k >= 2 and words[k - 1] == "to" and words[k - 2] in lexicon.INTENT_VERBS


def _kinds(words: list[str]) -> list[bool]:
    """Whether each agreement word of ``words`` names a memorandum ("road map" counts)."""
    kinds = [lexicon.AGREEMENT_WORDS[w] for w in words if w in lexicon.AGREEMENT_WORDS]
    road_maps = sum(a == "road" and b in ("map", "maps") for a, b in pairwise(words))
    return kinds + [False] * road_maps


def _refers_back(words: list[str]) -> bool:
    """ "The document was signed by", "It was signed by": a signing of what was said."""
    return "document" in words or words[:3] in (["it", "was", "signed"], ["it", "is", "signed"])


def _words_before(sentence: Sentence) -> list[str]:
    """The lower-case words of the sentence before this one."""
    if sentence.previous_start is None:
        return []
    return [
        m.group().lower()
        for m in TOKEN.finditer(sentence.text, sentence.previous_start, sentence.bounds[0])
    ]


def _signers_bodies(sentence: Sentence) -> list[Span]:
    """The bodies that the article has said the sentence's people hold a role in."""
    mentions = sentence.builder.mentions
    bodies: dict[str, Span] = {}
    people = {i.span.name for i in sentence.items if i.kind == "person" and i.span}
    for claim in sentence.builder.claims:
        if isinstance(claim, RoleClaim) and mentions[claim.person].name in people:
            m = mentions[claim.organisation]
            bodies.setdefault(m.name, Span(m.type, m.start, m.end, m.name, m.org_class))
    return list(bodies.values())


def _bare_parties(sentence: Sentence) -> list[Span]:
    """ "the Agency and the Institute signed a memorandum": a head after "the" that no
    name goes on from is the one body with that head the article has named."""
    tokens = sentence.tokens
    covered = {k for i in sentence.items for k in range(i.first, i.last + 1)}
    found: dict[str, Span] = {}
    for k in range(1, len(tokens)):
        head = tokens[k].head
        if head is None or tokens[k - 1].bare != "the" or k in covered:
            continue
        following = tokens[k + 1] if k + 1 < len(tokens) else None
        if following is not None and (following.capitalised or following.bare == "of"):
            continue  # "the Agency for Civil Service Affairs" is a name
        body = the_one_body(sentence, head, tokens[k].start)
        if body is not None:
            found.setdefault(body.name, body)
    return list(found.values())


def _sides_before(sentence: Sentence) -> list[Span]:
    """ "X and Y agreed to cooperate. The memorandum was signed on Monday.": the two
    bodies the sentence before names, when it names exactly two."""
    if sentence.previous_start is None:
        return []
    start, end = sentence.previous_start, sentence.bounds[0]
    bodies: dict[str, Span] = {}
    last_end = -1
    for m in sorted(sentence.builder.mentions, key=lambda m: m.start):
        if m.type is not EntityType.ORGANISATION or not (start <= m.start and m.end <= end):
            continue
        # "the UN Children's Fund (UNICEF)": the bracketed short name is the same body
        bracketed = sentence.text[last_end : m.start].strip() == "("
        last_end = m.end
        if not bracketed:
            bodies.setdefault(m.name, Span(m.type, m.start, m.end, m.name, m.org_class))
    return list(bodies.values()) if len(bodies) == 2 else []


def _with_partners(words: list[str], orgs: list[Item]) -> list[list[Item]]:
    """ "X signed memoranda with Y, Z and W": one agreement of X with each partner."""
    verb = next((k for k, w in enumerate(words) if w in lexicon.SIGNING), len(words))
    with_ = next((k for k in range(verb, len(words)) if words[k] == "with"), None)
    if with_ is None:
        return [orgs]
    signers = [o for o in orgs if o.last < verb]
    partners = [o for o in orgs if o.first > with_]
    if not signers or len(partners) < 2:
        return [orgs]
    return [[*signers, partner] for partner in partners]


def _title(sentence: Sentence, words: list[str]) -> str | None:
    """ "memorandum ... on cooperation in culture": the subject after "on"."""
    noun = next((k for k, w in enumerate(words) if w in lexicon.AGREEMENT_WORDS), None)
    if noun is None:
        return None
    window = range(noun + 1, min(noun + 16, len(words)))
    on = next((k for k in window if words[k] == "on"), None)
    if on is None or on + 1 >= len(words) or words[on + 1] in shapes.NOT_NAMES:
        return None  # "on Tuesday" dates the signing; it is no subject
    end = on
    while (
        end + 1 < len(words)
        and words[end + 1] not in (".", ";", ",", "between", "with", "by")
        and not (
            words[end + 1] == "on"
            and end + 2 < len(words)
            and (words[end + 2].isdigit() or words[end + 2] in shapes.NOT_NAMES)
        )
        and not (
            words[end + 1] == "in" and end + 2 < len(words) and sentence.tokens[end + 2].capitalised
        )
    ):
        end += 1
    return sentence.text[sentence.tokens[on].start : sentence.tokens[end].end]


def headline_agreements(builder: ExtractionBuilder, sentence: tuple[int, int]) -> None:
    """An agreement a headline in capitals reports ("SAMAL FOUNDATION AND ZHAIYK
    UNIVERSITY SIGN MEMORANDUM"), its parties the bodies the text names."""
    text = builder.article.text[sentence[0] : sentence[1]]
    if not in_capitals(text):
        return
    words = [m.group().lower() for m in TOKEN.finditer(text)]
    kinds = _kinds(words)
    signed = any(w in lexicon.SIGNING and not _to_come(words, k) for k, w in enumerate(words))
    if not kinds or not signed:
        return
    kind = AgreementKind.MEMORANDUM if any(kinds) else AgreementKind.AGREEMENT
    headline_agreement(builder, sentence, kind)
