"""Affiliations from the trained classifier: which person of a sentence holds a post where.

Every person–organisation pair of mentions inside one sentence (and a titled person
with the bodies named just before) is a candidate; the classifier adds the pairs the
sentence states that no rule of the language claimed. The rules' own claims all stand:
they are precise where they fire, and the classifier, which never sees them, is what
reaches the patterns they were not written for.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass

from kg.extractors.relations.cues import MINISTRY, OFFICES, position_of
from kg.extractors.relations.features import (
    PairContext,
    Sentence,
    affiliation_features,
    overlapping,
)
from kg.extractors.relations.linear import LinearModel
from kg.iris import name_key
from kg.model import Article, EntityType, Evidence, Mention, RoleClaim

EXTRACTOR = "relations"

Pair = tuple[str, str]  # (person name key, organisation name key)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One person–organisation pair of a sentence, with its features."""

    sentence: Sentence
    person: int
    organisation: int
    features: tuple[str, ...]
    org_sentence: Sentence | None = None  # an earlier sentence that names the organisation


def pair_key(mentions: Sequence[Mention], person: int, organisation: int) -> Pair:
    return name_key(mentions[person].name), name_key(mentions[organisation].name)


#: How many sentences back an organisation may be named for a person's post in it.
_SENTENCES_BACK = 2


def candidates(
    lang: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    skip: Container[Pair] = (),
) -> list[Candidate]:
    """Every scorable person–organisation pair of the article, sentence by sentence.

    Pairs inside one sentence, and a person with the organisations of the sentences
    just before and of the headline (a report names the body once, then its "rector").
    Pairs whose name keys are in ``skip`` (already claimed) are left out.
    """
    found: list[Candidate] = []

    def add(sentence: Sentence, person: int, org: int, there: Sentence | None, back: int) -> None:
        if pair_key(mentions, person, org) in skip:
            return
        context = PairContext(
            lang=lang,
            sentence=sentence,
            mentions=mentions,
            person=person,
            organisation=org,
            org_sentence=there,
            sentences_back=back,
        )
        found.append(Candidate(sentence, person, org, tuple(affiliation_features(context)), there))

    for number, sentence in enumerate(sentences):
        people = _of_type(sentence, mentions, EntityType.PERSON)
        orgs = _of_type(sentence, mentions, EntityType.ORGANISATION)
        earlier = {
            back: sentences[number - back]
            for back in range(1, _SENTENCES_BACK + 1)
            if number - back >= 0
        }
        if number > _SENTENCES_BACK:
            earlier[number] = sentences[0]
        for person in people:
            for org in orgs:
                if not overlapping(sentence, person, org):
                    add(sentence, person, org, None, 0)
            if orgs or not _titled(sentence, person, lang):
                continue
            # A titled person in a sentence that names no body: the body is the one
            # the nearest earlier sentence (or the headline) names.
            for back, there in sorted(earlier.items()):
                named = _of_type(there, mentions, EntityType.ORGANISATION)
                for org in named:
                    add(sentence, person, org, there, back)
                if named:
                    break
    return found


def _titled(sentence: Sentence, person: int, lang: str) -> bool:
    """Whether a position title stands just before or after the person."""
    first, last = sentence.ranges[person]
    window = [*range(max(0, first - 3), first), *range(last, min(len(sentence.tokens), last + 2))]
    return _first_title(sentence, window, lang) is not None


def _of_type(sentence: Sentence, mentions: Sequence[Mention], kind: EntityType) -> list[int]:
    return [i for i in sentence.mentions if mentions[i].type is kind]


def role_of(candidate: Candidate, mentions: Sequence[Mention], lang: str) -> str | None:
    """The title nearest the person, between the two mentions or just before the person."""
    s = candidate.sentence
    p_first, p_last = s.ranges[candidate.person]
    if candidate.org_sentence is not None:
        window = [*range(p_first - 1, max(-1, p_first - 4), -1), *range(p_last, p_last + 2)]
        return _first_title(s, window, lang)
    o_first, o_last = s.ranges[candidate.organisation]
    if p_first < o_first:
        window = list(range(p_last, o_first)) + list(range(max(0, p_first - 3), p_first))
    else:
        window = list(range(o_last, p_first))[::-1]
    return _first_title(s, window, lang)


def _first_title(sentence: Sentence, window: Sequence[int], lang: str) -> str | None:
    for index in window:
        if 0 <= index < len(sentence.tokens):
            title = position_of(sentence.tokens[index].text, lang)
            if title is not None:
                return title
    return None


def classify(
    article: Article,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    rules: Sequence[RoleClaim],
    model: LinearModel,
) -> list[RoleClaim]:
    """The role claims of the article: the rules' own, then the pairs the model adds."""
    claimed = {pair_key(mentions, c.person, c.organisation) for c in rules}
    added: dict[Pair, Candidate] = {}
    for candidate in candidates(article.lang, sentences, mentions, skip=claimed):
        key = pair_key(mentions, candidate.person, candidate.organisation)
        if key in claimed or key in added or _parent_of_a_post(candidate, mentions, rules):
            continue
        if _each_placed(candidate, mentions, rules):
            continue
        if _office_elsewhere(
            role_of(candidate, mentions, article.lang), mentions[candidate.organisation]
        ):
            continue
        if model.accepts(candidate.features):
            added[key] = candidate
    return [
        *rules,
        *(
            RoleClaim(
                person=candidate.person,
                organisation=candidate.organisation,
                role=role_of(candidate, mentions, article.lang),
                evidence=evidence(article, candidate.sentence, candidate.org_sentence),
            )
            for candidate in added.values()
        ),
    ]


_OFFICE_WORDS = {stem: bodies for stem, _, bodies in OFFICES}

#: Titles that belong to one kind of body, and words of that body's name: a minister
#: sits in a ministry, an akim in an akimat, whatever else the sentence names.
_OFFICE_BODIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("министр", (MINISTRY["ru"], MINISTRY["kk"])),
    ("minister", (MINISTRY["en"],)),
    ("аким", _OFFICE_WORDS["аким"]),
    ("әкім", (*_OFFICE_WORDS["әкім"], "аппарат")),  # "аудан әкімі аппараты": the akim's office
    ("akim", _OFFICE_WORDS["akim"]),
)


def _office_elsewhere(role: str | None, organisation: Mention) -> bool:
    """Whether the role is an office of a kind of body the organisation is not.

    "Министрлігі мен Түркі академиясы ... министр X пен академия президенті Y": the
    minister is no member of the academy.
    """
    if role is None:
        return False
    role = role.casefold()
    if role.startswith(("премьер", "prime")):
        return False  # a prime minister heads a government, not a ministry
    name = organisation.name.casefold()
    for title, bodies in _OFFICE_BODIES:
        if title in role:  # "вице-министр", "deputy akim", "заместитель акима"
            return not any(b in name for b in bodies)
    return False


def _each_placed(
    candidate: Candidate, mentions: Sequence[Mention], rules: Sequence[RoleClaim]
) -> bool:
    """Whether a rule already placed the person elsewhere and the body with someone else,
    both in the candidate's sentence.

    "A from the Steppe Fund and B of the Aral Society": each person has the body beside
    them; B is not also of the Steppe Fund.
    """
    sentence = candidate.sentence
    person = name_key(mentions[candidate.person].name)
    body = name_key(mentions[candidate.organisation].name)
    person_elsewhere = body_elsewhere = False
    for claim in rules:
        if not sentence.start <= mentions[claim.person].start < sentence.end:
            continue
        claim_person = name_key(mentions[claim.person].name)
        claim_body = name_key(mentions[claim.organisation].name)
        person_elsewhere |= claim_person == person and claim_body != body
        body_elsewhere |= claim_body == body and claim_person != person
    return person_elsewhere and body_elsewhere


def _parent_of_a_post(
    candidate: Candidate, mentions: Sequence[Mention], rules: Sequence[RoleClaim]
) -> bool:
    """Whether the pair's body is named inside (or right before) the body a rule gave
    the person a post in.

    "ҚР Парламенті Сенатының төрағасы X", "партиясының облыстық филиалы төрағасы X": the
    post is in the unit; the parent inside its name is a body of its own (the
    conventions list it), not a second post.
    """
    person = name_key(mentions[candidate.person].name)
    inner = mentions[candidate.organisation]
    for claim in rules:
        outer = mentions[claim.organisation]
        if name_key(mentions[claim.person].name) != person or outer is inner:
            continue
        if outer.start <= inner.start and inner.end <= outer.end:
            return True
        if 0 <= outer.start - inner.end <= 1:
            return True  # "... министрлігі Азаматтық қоғам істері комитетінің төрағасы X"
    return False


def evidence(article: Article, sentence: Sentence, earlier: Sentence | None = None) -> Evidence:
    """The sentence (from an ``earlier`` one on) as evidence credited to the relation stage.

    A headline as the earlier sentence is left out of the span: the text between it
    and the person's sentence says nothing of the pair.
    """
    start = sentence.start if earlier is None or earlier.headline else earlier.start
    return Evidence(
        article_id=article.id,
        sentence=article.text[start : sentence.end],
        start=start,
        end=sentence.end,
        extractor=EXTRACTOR,
    )
