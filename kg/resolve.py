"""Resolution: one article's mentions and claims -> entities and facts.

Mentions are grouped by the matching key of their canonical name; groups are then
merged when they are evidently one actor (a one-letter typo in a long name, an
acronym of another organisation's name). Claims are rewritten from mention indices
to entity ids, and facts stated twice merge their evidence.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from kg import person_name
from kg.iris import entity_id, name_key
from kg.model import (
    Article,
    ArticleResult,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Fact,
    Label,
    Mention,
    OrgClass,
)
from kg.org_key import (
    MIN_ACRONYM_WORDS,
    acronym_syllables,
    modifier_atoms,
    org_atoms,
    org_key,
)
from kg.text import QUOTE_PAIRS, shouted, to_ascii

#: Pairs of names whose tests (one a short form of the other, an acronym of it) are
#: kept: merging asks them of every pair of groups in an article.
_NAME_TESTS_CACHED = 16_384

#: Names at least this long may differ by one letter and still be one actor
#: (scraped news misspells long foreign surnames: Фриберг-Стори / Фриберг-Строй).
_TYPO_MIN_LENGTH = 10


@dataclass
class _Group:
    type: EntityType
    mentions: list[Mention] = field(default_factory=list)
    # (how many mentions, their canonical name): merging asks every group for its name
    # once per other group; mentions are only ever added, so the count tells when the
    # name must be worked out again
    _canonical: tuple[int, str] | None = field(default=None, repr=False, compare=False)

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def canonical(self) -> str:
        """The most frequent proposed name; ties go to a mixed-case form, then the earliest.

        A person's full name comes before initials ("Timur Akhmetov", not "T. Akhmetov"),
        a body's name before its acronym: the conventions take the fullest form.
        """
        if self._canonical is not None and self._canonical[0] == len(self.mentions):
            return self._canonical[1]
        name = self._most_common_name()
        self._canonical = (len(self.mentions), name)
        return name

    def _most_common_name(self) -> str:
        counts = Counter(m.name for m in self.mentions)
        first_seen = {m.name: m.start for m in sorted(self.mentions, key=lambda m: -m.start)}
        person = self.type is EntityType.PERSON
        return min(
            counts,
            key=lambda name: (
                person and not person_name.parse(name).full,
                # an acronym is an alias of the name it stands for, never its canonical
                not person and (_is_acronym(name) or _syllables(name) is not None),
                # and so is a short form of a fuller name ("Жайыкский университет")
                not person and any(_shortened(name, other) for other in counts if other != name),
                -counts[name],
                shouted(name),
                first_seen[name],
                name,
            ),
        )


def _one_edit_apart(a: str, b: str) -> bool:
    """Levenshtein distance exactly one (substitution, insertion or deletion)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


# Words that join a namesake to a body's name, and whether the body's own words come
# before them (Russian, English) or after them (Kazakh).
_NAMED_AFTER: tuple[tuple[str, bool], ...] = (
    (" имени ", True),
    (" им. ", True),
    (" named after ", True),
    (" атындағы ", False),
)


def _initials(name: str) -> str:
    words = [w for w in name_key(name).replace("-", " ").split() if w[:1].isalpha()]
    return "".join(w[0] for w in words)


def _without_namesake(name: str) -> list[str]:
    """``name``, and the body's own words without the person it is named after
    ("Л.Н. Гумилев атындағы Еуразия ұлттық университеті" -> "Еуразия ұлттық
    университеті"): acronyms spell the body, not its namesake."""
    forms = [name]
    for link, keep_before in _NAMED_AFTER:
        before, found, after = name.partition(link)
        if found:
            forms.append(before if keep_before else after)
    return forms


def _initial_forms(name: str) -> set[str]:
    """The acronyms a name may be written as: every word's first letter, and for a
    Latin-script name its capitalised words' letters with an abbreviation spelt whole
    ("UN Development Programme" -> "undp")."""
    # "ЕНУ" for "Евразийский национальный университет имени Л.Н. Гумилева", "ЕҰУ" for
    # "Л.Н. Гумилев атындағы Еуразия ұлттық университеті": the name without its namesake
    forms = {_initials(form) for form in _without_namesake(name)}
    if name.isascii():
        capitalised = [w for w in name.replace("-", " ").split() if w[:1].isupper()]
        spelt = "".join(w if _is_acronym(w) else w[0] for w in capitalised)
        forms.add(name_key(spelt).replace("-", ""))
    return forms


@lru_cache(maxsize=_NAME_TESTS_CACHED)
def _spells_syllables(short: str, full: str) -> bool:
    """Whether the words of ``full`` (or of the body without its namesake) start, in
    order, with the syllables of the acronym ``short``: "ҚазҰУ" for "Әл-Фараби
    атындағы Қазақ ұлттық университеті", "ҚарТУ" for "Қарағанды техникалық
    университеті". Across articles ``org_key.spells_out`` is stricter (a place word
    must agree); inside one article the one name that fits is the body meant."""
    syllables = _syllables(short)
    if syllables is None:
        return False
    for form in _without_namesake(full):
        words = [to_ascii(word) for word in _WORD.findall(form)]
        if len(words) == len(syllables) and all(
            word.startswith(syllable) for word, syllable in zip(words, syllables, strict=True)
        ):
            return True
    return False


def _syllables(name: str) -> list[str] | None:
    """The syllables of a one-word acronym of at least three ("ҚазҰУ"), else None."""
    syllables = acronym_syllables(name) if " " not in name.strip() else None
    return syllables if syllables is not None and len(syllables) >= MIN_ACRONYM_WORDS else None


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@lru_cache(maxsize=_NAME_TESTS_CACHED)
def _international_body(name: str) -> str | None:
    """The key of the well-known international body ``name`` is, by any of its names
    ("ЮНИСЕФ", "Детский фонд ООН", "БҰҰ Балалар қоры" -> "a:unicef"); None for another
    name, a country office of one among them ("UNICEF Kazakhstan")."""
    key = org_key(name)
    if key is None or " " in key.key or not key.key.startswith("a:"):
        return None
    return key.key


def _is_acronym(name: str) -> bool:
    bare = name.replace("-", "")
    return 2 <= len(bare) <= 8 and bare.isalpha() and bare.isupper()


def _quoted_part(name: str) -> str | None:
    """The key of the quoted short name inside a name ('X Association "ARGO"' -> argo)."""
    for opening, closing in QUOTE_PAIRS.items():
        start = name.find(opening)
        end = name.find(closing, start + 1) if start >= 0 else -1
        if end > start + 1:
            return name_key(name[start + 1 : end])
    return None


def _merge_groups(groups: dict[tuple[EntityType, str], _Group]) -> list[_Group]:
    """Fold typo variants and acronyms into the group they belong to."""
    ordered = sorted(groups.items(), key=lambda item: (item[1].first, item[0][1]))
    merged: list[tuple[str, _Group]] = []
    for key, group in ordered:
        target = next(
            (
                other
                for other_key, other in merged
                if other.type == group.type
                and len(key[1]) >= _TYPO_MIN_LENGTH
                and _one_edit_apart(other_key, key[1])
            ),
            None,
        )
        if target is None:
            merged.append((key[1], group))
        else:
            target.mentions.extend(group.mentions)

    organisations = [g for _, g in merged if g.type is EntityType.ORGANISATION]
    people = [g for _, g in merged if g.type is EntityType.PERSON]
    result: list[_Group] = []
    for _, group in merged:
        name = group.canonical()
        if group.type is EntityType.PERSON:
            # "T. Akhmetov" after "Timur Akhmetov": the one full name the initials fit
            short = person_name.parse(name)
            full = [
                g for g in people if g is not group and short.fits(person_name.parse(g.canonical()))
            ]
            if len(full) == 1:
                full[0].mentions.extend(group.mentions)
                continue
        if group.type is EntityType.ORGANISATION and _is_acronym(name):
            expansions = [
                other
                for other in organisations
                if other is not group
                and not _is_acronym(other.canonical())
                and (
                    name_key(name).replace("-", "") in _initial_forms(other.canonical())
                    # 'ARGO' for 'Civil Society Development Association "ARGO"'
                    or _quoted_part(other.canonical()) == name_key(name)
                )
            ]
            if len(expansions) == 1:
                expansions[0].mentions.extend(group.mentions)
                continue
        if group.type is EntityType.ORGANISATION:
            spelt = [
                other
                for other in organisations
                if other is not group and _spells_syllables(name, other.canonical())
            ]
            if len(spelt) == 1:
                spelt[0].mentions.extend(group.mentions)
                continue
        body = _international_body(name) if group.type is EntityType.ORGANISATION else None
        if body is not None:
            # "ЮНИСЕФ" after "Детский фонд ООН", "UNICEF" after "UN Children's Fund": one
            # well-known body, however the article writes it
            same = [o for o in result if _international_body(o.canonical()) == body]
            if len(same) == 1:
                same[0].mentions.extend(group.mentions)
                continue
        if group.type is EntityType.ORGANISATION:
            placed = [
                o for o in organisations if o is not group and _placed_form(name, o.canonical())
            ]
            if len(placed) == 1:
                # "Гражданский альянс" for the "Гражданский альянс Павлодарской области"
                # the article names: a short form is an alias of the one full name
                placed[0].mentions.extend(group.mentions)
                continue
            fuller = [
                o for o in organisations if o is not group and _shortened(name, o.canonical())
            ]
            if len(fuller) == 1:
                fuller[0].mentions.extend(group.mentions)
                continue
        result.append(group)
    return result


#: Concepts of the place a regional or city body's full name adds to its short form.
_PLACE_KINDS = frozenset({"c:regional", "c:city", "c:district"})


@lru_cache(maxsize=_NAME_TESTS_CACHED)
def _placed_form(short: str, full: str) -> bool:
    """Whether ``full`` is the body ``short`` names, with only its place added.

    The short form must be a name of kinds only ("Гражданский альянс", "Азаматтық
    альянс", "Civil Alliance": two concepts at least, no proper part), the full one the
    same plus one place ("... Павлодарской области", "Павлодар облысының ...").
    """
    small = org_atoms(short)
    if len(small) < 2 or not all(atom.startswith("c:") for atom in small):
        return False
    extra = org_atoms(full) - small
    proper = {atom for atom in extra if atom.startswith("p:")}
    kinds = extra - proper
    return small < org_atoms(full) and len(proper) == 1 and bool(kinds) and kinds <= _PLACE_KINDS


@lru_cache(maxsize=_NAME_TESTS_CACHED)
def _shortened(short: str, full: str) -> bool:
    """Whether ``short`` is the body ``full`` names, with some of its kinds left out.

    "Жайыкский университет" for "Жайыкский государственный университет имени
    Махамбета", "Zhaiyk University" for "Zhaiyk State University": the short name has
    a proper part and a kind, and the full one (or the body without its namesake) adds
    modifiers only (a party's "саяси кеңесі" is a body of its own). A short name of
    kinds alone ("Министерство образования") says too little to pick a body.
    """
    small = org_atoms(short)
    if not any(a.startswith("p:") for a in small) or not any(a.startswith("c:") for a in small):
        return False
    for form in _without_namesake(full):
        extra = org_atoms(form) - small
        if small <= org_atoms(form) and extra and extra <= modifier_atoms():
            return True
    return False


def _entity(group: _Group, lang: str) -> Entity:
    name = group.canonical()
    surfaces = {m.text for m in group.mentions} | {m.name for m in group.mentions}
    aliases = tuple(Label(text, lang) for text in sorted(surfaces - {name}))
    classes = Counter(m.org_class for m in group.mentions if m.org_class is not None)
    org_class: OrgClass | None = min(classes, key=lambda c: (-classes[c], c)) if classes else None
    dates = sorted({m.date for m in group.mentions if m.date})
    places = sorted({m.place for m in group.mentions if m.place})
    return Entity(
        id=entity_id(group.type.value, name),
        type=group.type,
        name=Label(name, lang),
        aliases=aliases,
        org_class=org_class,
        date=dates[0] if dates else None,
        place=places[0] if places else None,
    )


def _resolve_entities(
    mentions: Sequence[Mention], lang: str
) -> tuple[list[Entity], dict[int, Entity]]:
    groups: dict[tuple[EntityType, str], _Group] = {}
    for mention in mentions:
        key = (mention.type, name_key(mention.name))
        groups.setdefault(key, _Group(mention.type)).mentions.append(mention)
    entities: list[Entity] = []
    by_mention: dict[int, Entity] = {}
    index_of = {id(m): i for i, m in enumerate(mentions)}
    for group in _merge_groups(groups):
        entity = _entity(group, lang)
        entities.append(entity)
        for mention in group.mentions:
            by_mention[index_of[id(mention)]] = entity
    entities.sort(key=lambda e: e.id)
    return entities, by_mention


def _facts(extraction: Extraction, by_mention: dict[int, Entity]) -> list[Fact]:
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    facts: dict[str, Fact] = {}
    for claim in extraction.claims:
        fact = claim.resolved(by_mention, extraction.article)
        if fact is not None:
            facts.setdefault(fact.id, fact)
            evidence[fact.id].append(claim.evidence)
    return [with_evidence(facts[fact_id], evidence[fact_id]) for fact_id in sorted(facts)]


def with_evidence(fact: Fact, evidence: Iterable[Evidence]) -> Fact:
    """The fact carrying exactly ``evidence``, de-duplicated and in text order."""
    unique = tuple(sorted(set(evidence), key=lambda e: (e.start, e.end, e.extractor)))
    return fact.with_evidence(unique)


def _publisher(article: Article) -> Entity | None:
    """The outlet that published the article is an organisation (a media outlet) too."""
    if not article.publisher:
        return None
    return Entity(
        id=entity_id(EntityType.ORGANISATION.value, article.publisher),
        type=EntityType.ORGANISATION,
        name=Label(article.publisher, "und"),
        org_class=OrgClass.MEDIA,
    )


#: The atoms of a press office ("пресс-служба", "баспасөз қызметі", "press service"): a
#: press office credited as the source speaks for the body it names, an organisation
#: the text names already, not an outlet of its own.
_PRESS = "c:press"
_PRESS_OFFICE = frozenset({_PRESS, "c:service"})

#: An abbreviation of an outlet's kind ("МИА «Казинформ»", "«ҚазАқпарат» ХАА", "ИА"):
#: at most this many capitals.
_KIND_ABBREVIATION = 4


def _names_outlet(entity: Entity, own: frozenset[str]) -> bool:
    """Whether an organisation the text names is the article's publisher.

    "передает МИА «Казинформ»" names the outlet the metadata calls "Казинформ": its
    proper words are the publisher's, the rest only say what kind of outlet it is
    (an abbreviation, "агентство", "news agency").
    """
    if entity.type is not EntityType.ORGANISATION:
        return False
    words = [
        w
        for w in entity.name.text.split()
        if not (w.isupper() and len(w.strip('«»"')) <= _KIND_ABBREVIATION)
    ]
    named = org_atoms(" ".join(words))
    return bool(own) and own <= named and all(a.startswith("c:") for a in named - own)


def resolve(extraction: Extraction, extractors: Sequence[str] = ()) -> ArticleResult:
    """Turn one article's extraction into entities and facts with evidence."""
    article = extraction.article
    entities, by_mention = _resolve_entities(extraction.mentions, article.lang)
    publisher = _publisher(article)
    if publisher is not None and all(e.id != publisher.id for e in entities):
        own = org_atoms(publisher.name.text)
        if _PRESS in own:
            own -= _PRESS_OFFICE  # "сообщает пресс-служба акимата X": the akimat speaks
        if not any(_names_outlet(e, own) for e in entities):
            entities = sorted([*entities, publisher], key=lambda e: e.id)
    return ArticleResult(
        article=article,
        entities=tuple(entities),
        facts=tuple(_facts(extraction, by_mention)),
        extractors=tuple(extractors),
    )
