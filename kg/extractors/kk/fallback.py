"""The shipped NER as a fallback: names the rules left undecided, in those sentences only.

A sentence is undecided when it has a position phrase no person holds, or a run of
two or more name-like words no rule span covers. Only such sentences go to the model,
those of a batch of articles in one ``nlp.pipe`` call, as ``Doc``s over the rule tokens so
that the model's spans are rule token ranges. A model PERSON becomes a
``PersonSpan`` only where the rules' exclusions allow a person (not quoted, not a
place, not inside or naming an organisation, not a namesake); the relation rules
then link it as they link rule-found names.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from kg.extractors.kk.orgs import OrgSpan, place_word
from kg.extractors.kk.persons import (
    PersonSpan,
    memorial_follows,
    name_stem,
    name_word,
    names_a_body,
    quoted,
    repeat_persons,
    upper_surname,
)
from kg.extractors.kk.pipeline import SentenceFindings
from kg.extractors.kk.roles import link_holders
from kg.extractors.kk.tokens import Tok, in_capitals
from kg.lang.kk import lexicon, morph

if TYPE_CHECKING:
    from spacy.language import Language

_MIN_RUN = 2  # name-like words in a row that make a sentence worth a look
_MAX_NAME_WORDS = 3
_MAX_BODY_WORDS = 6
_NAMED_AFTER = frozenset({"атындағы", "есімді", "атында"})
# "деп жазады X", "хабарлайды X": what follows credits a source (an outlet), not a person.
_REPORTING_VERBS = frozenset({"жазады", "жазды", "хабарлайды", "хабарлады"})


class ModelFallback:
    """Runs the Kazakh NER on a document's undecided sentences and adds the persons it finds."""

    def __init__(self) -> None:
        self._model: Language | None = None
        #: ``nlp.pipe`` calls and sentences sent to the model, for tests and benchmarks.
        self.calls = 0
        self.sentences = 0

    @property
    def model(self) -> Language:
        """The NER pipeline, loaded on first need and kept for this fallback's life."""
        if self._model is None:
            from kg.lang.kk.ner import load_kk_ner

            self._model = load_kk_ner()
        return self._model

    @property
    def loaded(self) -> bool:
        """Whether the model has been loaded (it is only when a sentence needed it)."""
        return self._model is not None

    def apply(self, doc: Doc) -> None:
        """Add model-found persons to the undecided sentences of ``doc`` and relink them."""
        self.apply_all([doc])

    def apply_all(self, docs: Sequence[Doc]) -> None:
        """``apply`` to each of ``docs``, with one model call for all their undecided
        sentences: the model's cost per call is worth sharing, and a sentence is tagged
        the same whatever shares its batch."""
        work: list[tuple[Doc, list[SentenceFindings]]] = []
        for doc in docs:
            toks: list[Tok] = doc._.kk_tokens
            sentences: list[SentenceFindings] = doc._.kk_sentences
            todo = [f for f in sentences if undecided(toks, f) or _doubtful_openings(toks, f)]
            if todo:
                work.append((doc, todo))
        if not work:
            return
        self.calls += 1
        self.sentences += sum(len(todo) for _, todo in work)
        words = [
            Doc(self.model.vocab, words=[t.text for t in doc._.kk_tokens[f.start : f.end]])
            for doc, todo in work
            for f in todo
        ]
        tagged = list(self.model.pipe(words))
        at = 0
        for doc, todo in work:
            self._add(doc, todo, tagged[at : at + len(todo)])
            at += len(todo)

    def _add(self, doc: Doc, todo: list[SentenceFindings], tagged: Sequence[Doc]) -> None:
        """The model's findings in the sentences ``todo`` of ``doc``, added and relinked."""
        toks: list[Tok] = doc._.kk_tokens
        sentences: list[SentenceFindings] = doc._.kk_sentences
        changed: list[SentenceFindings] = []
        known: set[tuple[str, str]] = set()
        for found, sentence in zip(todo, tagged, strict=True):
            if _trim_openings(toks, found, sentence.ents) and all(found is not c for c in changed):
                changed.append(found)
            added = _persons(toks, found, sentence.ents)
            if added:
                found.persons = sorted([*found.persons, *added], key=lambda p: p.start)
                changed.append(found)
                known.update(_key(toks, p) for p in added)
            bodies = _organisations(toks, found, sentence.ents)
            if bodies:
                found.orgs = sorted([*found.orgs, *bodies], key=lambda o: o.start)
                if all(found is not c for c in changed):
                    changed.append(found)
        if not changed:
            return
        for found in sentences:
            # later mentions of a model-found name without the context the model needed
            more = [
                p
                for p in repeat_persons(toks, found.start, found.end, known)
                if not _taken(found) & set(range(p.start, p.end))
            ]
            if more:
                found.persons = sorted([*found.persons, *more], key=lambda p: p.start)
                if all(found is not c for c in changed):
                    changed.append(found)
        for found in changed:
            found.holders = link_holders(
                toks, found.start, found.end, found.orgs, found.roles, found.persons
            )
        doc.spans["kk_persons"] = [
            Span(doc, p.start, p.end, label="PERSON") for f in sentences for p in f.persons
        ]
        doc.spans["kk_orgs"] = [
            Span(doc, o.start, o.end, label=o.kind.upper()) for f in sentences for o in f.orgs
        ]


def undecided(toks: Sequence[Tok], found: SentenceFindings) -> bool:
    """Whether the rules left a position without a holder or name-like words unexplained."""
    starts = {p.start for p in found.persons}
    held = {h.role for h in found.holders}
    if any(r.end not in starts and r.role not in held for r in found.roles):
        return True
    taken = _taken(found)
    run = 0
    for i in range(found.start, found.end):
        # a line in capitals is no reason to ask the model: it was not trained on one
        word = name_word(toks[i]) and not toks[i].shouted
        run = run + 1 if i not in taken and word else 0
        if run >= _MIN_RUN:
            return True
    return False


def _doubtful_openings(toks: Sequence[Tok], found: SentenceFindings) -> list[PersonSpan | OrgSpan]:
    """Names that open with a sentence's first word, capitalised maybe only for being first.

    "Резидент Ішкі істер министрлігі ...", "Екінші Жұбан Молдағалиев ...": the rules
    cannot tell a common noun or an ordinal written first from a name's first word
    ("Ұлттық Банк ..."), the model can; only a name whose second word is capitalised
    too is in doubt (a name opened by a lower-case word has no other opening).
    """
    doubtful: list[PersonSpan | OrgSpan] = []
    spans: list[PersonSpan | OrgSpan] = [*found.persons, *found.orgs]
    for span in spans:
        first = toks[span.start]
        if span.start != found.start or span.end - span.start < 2 or first.proper:
            continue
        if isinstance(span, OrgSpan) and (span.kind != "head" or span.quote is not None):
            continue
        if isinstance(span, PersonSpan) and span.end - span.start < 3:
            continue  # "Жұбан Молдағалиев": two words are the name itself
        if first.titled and toks[span.start + 1].cap and not place_word(first):
            doubtful.append(span)
    return doubtful


def _trim_openings(toks: Sequence[Tok], found: SentenceFindings, ents: Sequence[Span]) -> bool:
    """Drop a doubtful first word where the model's name of that kind opens right after it."""
    trimmed = False
    for span in _doubtful_openings(toks, found):
        label = "PERSON" if isinstance(span, PersonSpan) else "ORGANISATION"
        first = span.start - found.start
        covered = any(e.start <= first < e.end for e in ents)
        after = any(e.label_ == label and e.start == first + 1 for e in ents)
        if covered or not after:
            continue
        if isinstance(span, PersonSpan):
            words = tuple(i for i in span.words if i > span.start)
            shorter = PersonSpan(span.start + 1, span.end, words, span.anchored)
            found.persons = [shorter if p is span else p for p in found.persons]
        else:
            span.start += 1
        trimmed = True
    return trimmed


def _taken(found: SentenceFindings) -> set[int]:
    bounds = [(p.start, p.end) for p in found.persons]
    bounds += [(r.start, r.end) for r in found.roles]
    bounds += [(o.start, o.end) for o in [*found.orgs, *found.events]]
    taken = {i for start, end in bounds for i in range(start, end)}
    taken.update(i for o in found.orgs for i in range(o.start, o.reach))
    return taken


def _persons(
    toks: Sequence[Tok], found: SentenceFindings, ents: Sequence[Span]
) -> list[PersonSpan]:
    taken = _taken(found)
    added: list[PersonSpan] = []
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        start, end = found.start + ent.start, found.start + ent.end
        if taken & set(range(start, end)) or not _acceptable(toks, start, end, found.end):
            continue
        added.append(PersonSpan(start, end, tuple(range(start, end)), _anchored(toks, start)))
    return added


def _organisations(
    toks: Sequence[Tok], found: SentenceFindings, ents: Sequence[Span]
) -> list[OrgSpan]:
    """Model ORGANISATION spans the rules could not see, where nothing speaks against them.

    The model also tags titles in quotes, capitalised lines, days and forums
    ("Халықаралық музей күні") as organisations; those are left to the rules. What
    remains is mostly a name without a head noun the rules know ("Шығыс Топ")
    or a Latin abbreviation ("UNOPS").
    """
    taken = _taken(found)
    added: list[OrgSpan] = []
    for ent in ents:
        if ent.label_ != "ORGANISATION":
            continue
        start, end = found.start + ent.start, found.start + ent.end
        if taken & set(range(start, end)) or not _acceptable_body(toks, start, end, found.end):
            continue
        kind = "acronym" if end == start + 1 and toks[start].acronym else "model"
        if (
            kind == "acronym"
            and toks[start].stem_upper not in lexicon.INTERNATIONAL_ACRONYMS
            and in_capitals(toks, found.start, found.end)
        ):
            continue  # "... МЕМОРАНДУМҒА ҚОЛ ҚОЙДЫ": a word of a headline in capitals
        added.append(OrgSpan(start, end, kind))
    return added


def _acceptable_body(toks: Sequence[Tok], start: int, end: int, limit: int) -> bool:
    """Whether the rules would allow an organisation the model found at ``toks[start:end]``."""
    words = toks[start:end]
    if not 1 <= len(words) <= _MAX_BODY_WORDS or not (words[0].cap or words[0].upper):
        return False
    if quoted(toks, start) or any(t.quote or t.shouted or t.event or not t.word for t in words):
        return False
    if end < limit and (toks[end].event is not None or toks[end].quote == "close"):
        return False  # "Халықаралық музей күні": a day, not a museum
    if len(words) == 1 and not words[0].acronym:
        return False  # one capitalised word is too often a place or a title
    if all(place_word(t) for t in words):
        return False
    return words[-1].case in ("nom", "gen", "ins")


def _acceptable(toks: Sequence[Tok], start: int, end: int, limit: int) -> bool:
    """Whether the rules would allow a person at ``toks[start:end]``."""
    if not 2 <= end - start <= _MAX_NAME_WORDS or quoted(toks, start):
        return False
    if not name_word(toks[start]) or not all(
        name_word(t) or upper_surname(t) for t in toks[start + 1 : end]
    ):
        return False
    if end < limit and (toks[end].lower in _NAMED_AFTER or names_a_body(toks[end])):
        return False
    if start > 0 and toks[start - 1].lower in _REPORTING_VERBS:
        return False
    # "Абайдың ... мұражайы": a namesake, not an actor
    return not (morph.name_case(toks[end - 1].text) == "gen" and memorial_follows(toks, end, limit))


def _anchored(toks: Sequence[Tok], i: int) -> bool:
    prev = toks[i - 1] if i > 0 else None
    return (
        prev is not None
        and prev.sent == toks[i].sent
        and prev.position is not None
        and prev.position.form.case == "nom"
    )


def _key(toks: Sequence[Tok], person: PersonSpan) -> tuple[str, str]:
    return toks[person.words[0]].lower, name_stem(toks[person.words[-1]]).lower()
