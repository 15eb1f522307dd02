"""The spaCy pipeline of the Kazakh rules: ``spacy.blank("kk")`` plus rule components.

Each component does one job and records it on the ``Doc``: ``kk_rule_tokens``
analyses every token once, ``kk_rule_persons`` finds names, ``kk_rule_orgs``
organisations and events, ``kk_rule_relations`` positions, holders and agreements.
Findings are kept per sentence in ``doc._.kk_sentences`` and mirrored as span
groups (``doc.spans["kk_persons"]`` and so on) for inspection and display.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extractors.kk.agreements import (
    AgreementSpan,
    find_signing,
    listed_partners,
    settle_agreements,
    signed_without_noun,
    signers_after,
)
from kg.extractors.kk.events import find_events
from kg.extractors.kk.names import match_key, org_name
from kg.extractors.kk.orgs import OrgSpan, find_orgs, outermost
from kg.extractors.kk.orgs.repeats import anaphors, known_phrases, repeat_orgs, whole_names
from kg.extractors.kk.persons import PersonSpan, find_persons, name_stem, repeat_persons
from kg.extractors.kk.roles import Holder, RolePhrase, find_roles, link_holders
from kg.extractors.kk.tokens import Tok, analyse
from kg.lang.kk import lexicon

COMPONENTS: tuple[str, ...] = (
    "kk_sentencizer",
    "kk_rule_tokens",
    "kk_rule_persons",
    "kk_rule_orgs",
    "kk_rule_relations",
)


@dataclass
class SentenceFindings:
    """What the rules found in one sentence, by token indices."""

    start: int
    end: int  # exclusive
    persons: list[PersonSpan] = field(default_factory=list)
    orgs: list[OrgSpan] = field(default_factory=list)
    events: list[OrgSpan] = field(default_factory=list)
    roles: list[RolePhrase] = field(default_factory=list)
    holders: list[Holder] = field(default_factory=list)
    agreements: list[AgreementSpan] = field(default_factory=list)


def _register_extensions() -> None:
    for name in ("kk_tokens", "kk_sentences", "kk_acronyms"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def _tokens(doc: Doc) -> list[Tok]:
    toks: list[Tok] = doc._.kk_tokens
    return toks


def _sentences(doc: Doc) -> list[SentenceFindings]:
    sentences: list[SentenceFindings] = doc._.kk_sentences
    return sentences


@Language.component("kk_rule_tokens", requires=["token.is_sent_start"], assigns=["doc._.kk_tokens"])
def kk_rule_tokens(doc: Doc) -> Doc:
    """Analyse each token once: shape, case ending, lexicon entries, quote pairs."""
    # one pass over the tokens: each access to a spaCy token makes a new Python object
    texts: list[str] = []
    starts: list[int] = []
    spaces_before: list[bool] = []
    numbers: list[int] = []
    sentence = -1
    space_before = True  # the first token counts as preceded by a space
    for token in doc:
        if token.is_sent_start:
            sentence += 1
        numbers.append(max(sentence, 0))
        texts.append(token.text)
        starts.append(token.idx)
        spaces_before.append(space_before)
        space_before = bool(token.whitespace_)
    doc._.kk_tokens = analyse(texts, starts, spaces_before, numbers)
    doc._.kk_sentences = [
        SentenceFindings(s.start, s.end) for s in doc.sents if not s.text.isspace()
    ]
    return doc


@Language.component(
    "kk_rule_persons", requires=["doc._.kk_tokens"], assigns=["doc._.kk_sentences", "doc.spans"]
)
def kk_rule_persons(doc: Doc) -> Doc:
    """Personal names, then later mentions of the same names without a cue."""
    toks = _tokens(doc)
    known: set[tuple[str, str]] = set()
    for found in _sentences(doc):
        found.persons = find_persons(toks, found.start, found.end)
        for person in found.persons:
            first, last = toks[person.words[0]], toks[person.words[-1]]
            known.add((first.lower, name_stem(last).lower()))
    for found in _sentences(doc):
        taken = {i for p in found.persons for i in range(p.start, p.end)}
        for person in repeat_persons(toks, found.start, found.end, known):
            if not taken & set(range(person.start, person.end)):
                found.persons.append(person)
        found.persons.sort(key=lambda p: p.start)
    doc.spans["kk_persons"] = [
        Span(doc, p.start, p.end, label="PERSON") for f in _sentences(doc) for p in f.persons
    ]
    return doc


@Language.component(
    "kk_rule_orgs",
    requires=["doc._.kk_sentences"],
    assigns=["doc._.kk_acronyms", "doc.spans"],
)
def kk_rule_orgs(doc: Doc) -> Doc:
    """Organisation and event names; persons inside them are dropped."""
    toks = _tokens(doc)
    sentences = _sentences(doc)
    for found in sentences:
        found.orgs = find_orgs(toks, found.start, found.end, found.persons)
    definitions = _acronym_definitions(toks, sentences)
    excluded = frozenset(a for a, org in definitions.items() if org is None)
    for found in sentences:
        # the exclusions change only the sentences that have one of those abbreviations
        if excluded and any(t.stem_upper in excluded for t in toks[found.start : found.end]):
            found.orgs = find_orgs(toks, found.start, found.end, found.persons, excluded)
    known = known_phrases(toks, (o for f in sentences for o in f.orgs))
    named = _named_bodies(toks, sentences)
    whole = whole_names(toks, (o for f in sentences for o in f.orgs))
    for found in sentences:
        repeats = repeat_orgs(toks, found.start, found.end, found.orgs, known)
        if any(t.shouted for t in toks[found.start : found.end]):
            # "ЖАЙЫҚ УНИВЕРСИТЕТІ МЕМОРАНДУМ ЖАСАСТЫ" over a text naming "Жайық
            # университеті": a headline in capitals names the bodies the text names
            repeats += repeat_orgs(toks, found.start, found.end, [*found.orgs, *repeats], whole)
        repeats += anaphors(toks, found.start, found.end, [*found.orgs, *repeats], named)
        if repeats:
            found.orgs = sorted([*found.orgs, *repeats], key=lambda o: o.start)
        found.events = find_events(toks, found.start, found.end, found.persons)
        held = [o for o in found.orgs if _held(toks, o, found.end)]
        if held:
            # "Ассамблеясының кеңесі өтті": the council that was held is a meeting
            found.orgs = [o for o in found.orgs if all(o is not h for h in held)]
            found.events = outermost([*found.events, *held])
        inside = {
            i for o in [*found.orgs, *found.events] if not o.weak for i in range(o.start, o.end)
        }
        found.persons = [p for p in found.persons if not inside & set(range(p.start, p.end))]
    doc._.kk_acronyms = definitions
    doc.spans["kk_orgs"] = [
        Span(doc, o.start, o.end, label=o.kind.upper()) for f in sentences for o in f.orgs
    ]
    doc.spans["kk_events"] = [
        Span(doc, e.start, e.end, label="EVENT") for f in sentences for e in f.events
    ]
    return doc


def _held(toks: list[Tok], org: OrgSpan, end: int) -> bool:
    """Whether a body's name is the subject of "өтті" (was held): a meeting, not a body."""
    if org.kind != "head" or org.lemma not in lexicon.SESSION_HEADS or org.reach >= end:
        return False
    head = toks[org.reach - 1].head
    nominative = head is not None and head.form.case == "nom"
    return nominative and toks[org.reach].lower in lexicon.HELD_VERBS


def _named_bodies(toks: list[Tok], sentences: list[SentenceFindings]) -> dict[str, list[OrgSpan]]:
    """The article's distinct named bodies by head lemma (one span for each name)."""
    attested = frozenset(t.lower for t in toks) | lexicon.PLACES
    by_lemma: dict[str, dict[str, OrgSpan]] = {}
    for found in sentences:
        for org in found.orgs:
            lemma = _head_lemma(toks, org)
            if lemma is None:
                continue
            if org.weak and org.head is not None and org.head - org.start < 2:
                # "облыстық орталық" describes a body; "облыстық жастар ресурстық
                # орталығы", with no proper word either, still names one
                continue
            key = match_key(org_name(toks, org), attested)
            by_lemma.setdefault(lemma, {}).setdefault(key, org)
    return {lemma: list(names.values()) for lemma, names in by_lemma.items()}


def _head_lemma(toks: list[Tok], org: OrgSpan) -> str | None:
    """The head noun a later bare mention of ``org`` would repeat, if its name ends in one.

    "Х университеті", "Х университеті КеАҚ" and "«Х университеті» КеАҚ" are all "университет"
    later on; a name that ends in anything else is never repeated by a bare head.
    """
    if org.kind == "head" and org.lemma is not None and org.head is not None:
        # "«X ... холдингі» АҚ": a stray closing quote may stand before the legal form
        if all(t.legal_form or t.text in '»”"' for t in toks[org.head + 1 : org.end]):
            return org.lemma
        return None
    if org.kind == "quote" and org.quote is not None and org.quote[1] - org.quote[0] > 2:
        head = toks[org.quote[1] - 1].head
        if head is not None and all(t.legal_form for t in toks[org.quote[1] + 1 : org.end]):
            return head.lemma
    return None


def _acronym_definitions(
    toks: list[Tok], sentences: list[SentenceFindings]
) -> dict[str, OrgSpan | None]:
    """Abbreviations defined in brackets: "X (ABC)" -> the organisation X, or None.

    "Тұрақты даму мақсаттары (ТДМ)" defines an abbreviation that is no organisation,
    so "ТДМ" is not one anywhere in the article.
    """
    definitions: dict[str, OrgSpan | None] = {}
    for found in sentences:
        ends = {o.reach - 1: o for o in found.orgs if o.kind != "acronym"}
        for i in range(found.start + 1, found.end - 2):
            if toks[i].text != "(" or toks[i + 2].text != ")" or not toks[i + 1].acronym:
                continue
            definitions.setdefault(toks[i + 1].stem_upper, ends.get(i - 1))
    return definitions


# Tokens from a sentence's start within which its subject pronoun stands ("Бұған дейін ол").
_PRONOUN_WINDOW = 4
# Sentences back searched for the person a pronoun stands for.
_SENTENCES_BACK = 2


def _pronoun_stand_in(
    toks: list[Tok], found: SentenceFindings, before: list[SentenceFindings]
) -> tuple[PersonSpan, PersonSpan] | None:
    """ "X ... тағайындалды. Бұған дейін ол «Y» КЕАҚ басқарма төрағасы болған": a sentence
    that names nobody and opens with "ол" speaks of the one person named just before.

    Returns a person span on the pronoun, for the position rules to read, and the
    person it stands for.
    """
    if found.persons:
        return None
    window = range(found.start, min(found.start + _PRONOUN_WINDOW, found.end))
    at = next((i for i in window if toks[i].lower in lexicon.SUBJECT_PRONOUNS), None)
    if at is None:
        return None
    for earlier in reversed(before[-_SENTENCES_BACK:]):
        if not earlier.persons:
            continue
        names = {name_stem(toks[p.words[-1]]) for p in earlier.persons}
        if len(names) != 1:
            return None  # two people: which one is meant is unknown
        return PersonSpan(at, at + 1, (at,), anchored=False), earlier.persons[0]
    return None


@Language.component(
    "kk_rule_relations", requires=["doc._.kk_sentences"], assigns=["doc._.kk_sentences"]
)
def kk_rule_relations(doc: Doc) -> Doc:
    """Positions and their holders, and agreements the sentence says were signed."""
    toks = _tokens(doc)
    text = doc.text  # built from the tokens on every access: once per document
    sentences = _sentences(doc)
    for k, found in enumerate(sentences):
        found.roles = find_roles(toks, found.start, found.end, found.orgs)
        stand_in = _pronoun_stand_in(toks, found, sentences[:k]) if found.roles else None
        persons = found.persons or ([stand_in[0]] if stand_in else [])
        found.holders = link_holders(toks, found.start, found.end, found.orgs, found.roles, persons)
        if stand_in is not None:
            # the posts the pronoun holds are the named person's; no mention is made for "ол"
            pronoun, person = stand_in
            found.holders = [
                replace(h, person=person) if h.person is pronoun else h for h in found.holders
            ]
    signings = [find_signing(toks, f.start, f.end, f.orgs, f.holders, text) for f in sentences]
    for k in range(1, len(sentences)):
        found, before = sentences[k], sentences[k - 1]
        earlier = signings[k - 1]
        alone = earlier is None or not earlier.parties
        if signings[k] is not None or not alone:
            continue
        if signed_without_noun(toks, found.start, found.end, found.orgs):
            # the agreement before, the signature here ("... меморандум жасалды. Оған X пен
            # Y қол қойды"): read the two sentences as one
            orgs = [*before.orgs, *found.orgs]
            holders = [*before.holders, *found.holders]
            signings[k] = find_signing(toks, before.start, found.end, orgs, holders, text)
    for k in range(len(sentences) - 1, 0, -1):
        again = signings[k]
        # "... меморандумға қол қойылды. Келісім ... мақсатында жасалды": the same one
        restated = again is not None and not again.parties and not again.sides
        if restated and signings[k - 1] is not None:
            signings[k] = None
    bounds = [(f.start, f.end) for f in sentences]
    signings = listed_partners(toks, signings, bounds, [f.orgs for f in sentences])
    signings = signers_after(toks, signings, [f.holders for f in sentences])
    settled = settle_agreements(signings, [f.orgs for f in sentences])
    for found, agreements in zip(sentences, settled, strict=True):
        found.agreements = agreements
    doc.spans["kk_roles"] = [
        Span(doc, r.start, r.end, label="POSITION") for f in _sentences(doc) for r in f.roles
    ]
    return doc


def build_pipeline() -> Language:
    """A fresh ``kk`` pipeline: the tokenizer, the sentencizer and the rule components."""
    import spacy

    import kg.lang.kk  # noqa: F401  (registers the "kk" language and kk_sentencizer)

    _register_extensions()
    nlp = spacy.blank("kk")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp
