"""Linking across articles: one node per actor, however many articles and scripts name it.

Resolution (kg.resolve) works inside one article. Here the whole build is seen at once:
entities with the same id are unified (one preferred label, every spelling as an alias),
and people whose names are transliterations of each other (Нұрғазиева / Нургазиева /
Nurgazieva) become one node. Matching needs the whole name — first name and surname —
so two people who only share a surname are never merged.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import overload

from kg.iris import (
    qualified_entity_id,
)
from kg.link_codec import Key, LinkInput
from kg.model import (
    ArticleResult,
    Entity,
    EntityType,
    Evidence,
    Fact,
    Label,
    Membership,
)
from kg.org_key import article_country, has_acronym, is_state_body, org_key, spells_out
from kg.person_name import PersonName
from kg.person_name import parse as parse_person
from kg.resolve import with_evidence
from kg.text import LABEL_PRIORITY


def person_key(name: str) -> str | None:
    """Script-independent key of a full personal name (its patronymic left out); None for
    a single word or initials and a surname."""
    parsed = parse_person(name)
    return " ".join(parsed.names) if parsed.full else None


def _preferred(labels: Iterable[tuple[Label, int]]) -> Label:
    """The label to show: highest-priority language, then most used, then alphabetical."""
    # Language first (kg.text.LABEL_PRIORITY), so adding a Russian article never renames
    # a node first seen in Kazakh.
    counts: Counter[Label] = Counter()
    for label, weight in labels:
        counts[label] += weight
    return min(
        counts,
        key=lambda lb: (LABEL_PRIORITY.get(lb.lang, 9), -counts[lb], lb.text, lb.lang),
    )


def _merge(entities: Sequence[Entity], new_id: str, name: Label) -> Entity:
    labels = {e.name for e in entities} | {a for e in entities for a in e.aliases}
    # One alias per spelling and language; the preferred label's text is not an alias
    # in its own language.
    aliases = sorted(
        (lb for lb in labels if not (lb.text == name.text and lb.lang == name.lang)),
        key=lambda lb: (lb.lang, lb.text),
    )
    classes = Counter(e.org_class for e in entities if e.org_class is not None)
    dates = sorted({e.date for e in entities if e.date})
    places = sorted({e.place for e in entities if e.place})
    return Entity(
        id=new_id,
        type=entities[0].type,
        name=name,
        aliases=tuple(aliases),
        org_class=min(classes, key=lambda c: (-classes[c], c)) if classes else None,
        date=dates[0] if dates else None,
        place=places[0] if places else None,
    )


@dataclass(frozen=True, slots=True)
class Judgements:
    """An analyst's say over linking (see kg.decisions), applied before the rules' merges.

    ``same`` pairs of ids become one node, ``different`` pairs never do, and a
    ``split`` (id, article id) takes that article's entity out of the node.
    """

    same: tuple[tuple[str, str], ...] = ()
    different: tuple[tuple[str, str], ...] = ()
    split: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Merge:
    """Entities that linking made one node, and the rules that did it."""

    survivor: str
    name: Label
    absorbed: tuple[tuple[str, Label], ...]  # (id, name) of every other id in the node
    rules: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Plan:
    """What each (article id, entity id) becomes, and the merges that made it."""

    entities: dict[tuple[str, str], Entity]
    merges: tuple[Merge, ...]
    # Every id the node of each surviving id absorbed, for owl:sameAs.
    absorbed: dict[str, tuple[str, ...]] = field(default_factory=dict)
    different: tuple[tuple[str, str], ...] = ()


_Version = tuple[str, str]  # (article id, entity id)


class _Groups:
    """Union-find over versions that refuses to join what a judgement keeps apart."""

    def __init__(self, versions: Iterable[_Version]) -> None:
        self.parent: dict[_Version, _Version] = {v: v for v in versions}
        self.rules: dict[_Version, set[str]] = {v: set() for v in self.parent}
        self.ids: dict[_Version, set[str]] = {v: {v[1]} for v in self.parent}
        self.apart: set[frozenset[str]] = set()

    def find(self, v: _Version) -> _Version:
        while self.parent[v] != v:
            self.parent[v] = self.parent[self.parent[v]]
            v = self.parent[v]
        return v

    def union(self, a: _Version, b: _Version, rules: Iterable[str] = ()) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        # (most builds have no judgement at all: no pair of ids to try)
        if self.apart and any(
            frozenset((x, y)) in self.apart for x in self.ids[ra] for y in self.ids[rb]
        ):
            return False
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.ids[ra] |= self.ids.pop(rb)
        self.rules[ra] |= self.rules.pop(rb) | set(rules)
        return True


def _keys(result: ArticleResult, entity: Entity) -> Key | None:
    """The cross-article key of one entity version and the rules behind it."""
    if entity.type is EntityType.PERSON:
        parsed = parse_person(entity.name.text)
        if not parsed.full:
            return None
        # A patronymic is part of the key: two namesakes with different fathers stay
        # apart; a name without one joins its only patronymic later (_join_people).
        patronymic = f"|{parsed.patronymic}" if parsed.patronymic else ""
        return (f"person:{' '.join(parsed.names)}{patronymic}", ("person-key",))
    if entity.type is EntityType.ORGANISATION:
        found = org_key(entity.name.text, _country(result))
        return (f"org:{found.key}", ("org-key", *found.rules)) if found else None
    return None


def _country(result: ArticleResult) -> str | None:
    # Only a state body named without its country needs the article's country, and
    # reading a whole article for it costs more than every name: ask only then.
    if not any(
        e.type is EntityType.ORGANISATION and is_state_body(e.name.text) for e in result.entities
    ):
        return None
    return article_country(result.article.text, result.article.lang)


def _join_acronyms(
    groups: _Groups, by_version: Mapping[_Version, Entity], split: set[tuple[str, str]]
) -> None:
    """Join "КазНУ им. аль-Фараби" to the one node whose name spells it out
    (``by_version`` in version order, as ``_plan`` makes it)."""
    names: dict[str, list[_Version]] = defaultdict(list)
    for version in by_version:  # (in version order: sorting the pairs was a third of linking)
        entity = by_version[version]
        if entity.type is EntityType.ORGANISATION and (version[1], version[0]) not in split:
            names[entity.name.text].append(version)
    for short, versions in sorted(names.items()):
        if not has_acronym(short):
            continue
        roots = {
            groups.find(others[0])
            for full, others in names.items()
            if full != short and spells_out(short, full)
        } - {groups.find(versions[0])}
        if len(roots) == 1:
            groups.union(versions[0], roots.pop(), ("acronym-expansion",))


def _join_people(
    groups: _Groups, by_version: Mapping[_Version, Entity], split: set[tuple[str, str]]
) -> None:
    """Join a name without patronymic, or initials and a surname, to the one full name
    in the build that fits it ("Б. Омарова" -> "Бибігүл Омарова"); with two that fit
    (Бибігүл and Балжан Омарова), to neither. ``by_version`` is in version order."""
    parsed: dict[_Version, PersonName] = {
        v: parse_person(e.name.text)
        for v, e in by_version.items()
        if e.type is EntityType.PERSON and (v[1], v[0]) not in split
    }
    full = [(v, p) for v, p in parsed.items() if p.full]
    # Indexed by key, not compared pair by pair: a 10,000-article build names tens of
    # thousands of people.
    fathers: dict[tuple[str, ...], set[str]] = defaultdict(set)
    first_with: dict[tuple[tuple[str, ...], str | None], _Version] = {}
    by_part: dict[str, list[tuple[_Version, PersonName]]] = defaultdict(list)
    for v, p in full:
        if p.patronymic:
            fathers[p.names].add(p.patronymic)
        first_with.setdefault((p.names, p.patronymic), v)
        for part in set(p.names):
            by_part[part].append((v, p))
    for version, p in full:
        if p.patronymic is None and len(fathers.get(p.names, ())) == 1:
            (father,) = fathers[p.names]
            groups.union(first_with[(p.names, father)], version, ("patronymic",))
    for version, p in parsed.items():
        if p.full or not p.initials or len(p.names) != 1:
            continue
        # a full name it fits has its surname among its names
        roots = {groups.find(v) for v, q in by_part.get(p.names[0], ()) if p.fits(q)}
        if len(roots) == 1:
            groups.union(roots.pop(), version, ("initials",))


def link_input(result: ArticleResult) -> LinkInput:
    """What linking reads of ``result`` (see ``kg.link_codec``)."""
    return LinkInput(
        article_id=result.article.id,
        source_path=result.article.source_path,
        entities=result.entities,
        keys=tuple(_keys(result, entity) for entity in result.entities),
        facts=tuple(fact.with_evidence(()) for fact in result.facts),
        extractors=result.extractors,
    )


def _plan(inputs: Sequence[LinkInput], judgements: Judgements | None = None) -> Plan:
    """Map every (article, entity id) in the build to the entity it becomes."""
    judgements = judgements or Judgements()
    by_version: dict[_Version, Entity] = {}
    keys: dict[_Version, Key | None] = {}
    for found in inputs:
        for entity, key in zip(found.entities, found.keys, strict=True):
            version = (found.article_id, entity.id)
            by_version[version] = entity
            keys[version] = key
    # In version order once: every pass below goes through the versions in that order.
    by_version = {version: by_version[version] for version in sorted(by_version)}
    key_of = {v: key[0] if key else None for v, key in keys.items()}
    groups = _Groups(by_version)
    present = {ident for _, ident in by_version}
    for a, b in judgements.different:
        groups.apart.add(frozenset((a, b)))
    split = set(judgements.split)

    # One id is one node (its versions joined), unless its versions have different
    # keys (one name, two countries' ministries) or an analyst split one out.
    by_id: dict[str, list[_Version]] = defaultdict(list)
    for version in by_version:
        by_id[version[1]].append(version)
    for versions in by_id.values():
        joined = [v for v in versions if (v[1], v[0]) not in split]
        distinct = {key_of[v] for v in joined} - {None}
        first: dict[str | None, _Version] = {}
        for v in joined:
            leader = first.setdefault(key_of[v] if len(distinct) > 1 else None, v)
            if leader is not v:  # (most ids are named in one article: nothing to join)
                groups.union(leader, v)
    for a, b in judgements.same:
        if a in present and b in present:
            groups.union(by_id[a][0], by_id[b][0], ("decision",))
    by_key: dict[str, _Version] = {}
    for version in by_version:
        key = keys[version]
        if key is None or (version[1], version[0]) in split:
            continue
        leader = by_key.setdefault(key[0], version)
        if leader[1] != version[1]:
            # The rules of both names: "quoted-name" may be the leader's.
            groups.union(leader, version, {*key[1], *(keys[leader] or ("", ()))[1]})
        elif leader is not version:
            groups.union(leader, version)

    _join_acronyms(groups, by_version, split)
    _join_people(groups, by_version, split)

    members: dict[_Version, list[_Version]] = defaultdict(list)
    for version in by_version:
        members[groups.find(version)].append(version)
    named: list[tuple[_Version, Entity, list[_Version]]] = []
    for root, versions in members.items():
        entities = [by_version[v] for v in versions]
        # Initials ("Н. Ә. Назарбаев") name a node only when no full name does.
        named_fully = [
            e for e in entities if e.type is not EntityType.PERSON or parse_person(e.name.text).full
        ]
        name = _preferred((e.name, 1) for e in named_fully or entities)
        # The surviving id is the one minted from the preferred name, so it is the same
        # id a build of only that article would give.
        survivor = min(v[1] for v in versions if by_version[v].name == name)
        named.append((root, _merge(entities, survivor, name), versions))
    # One name can stay two nodes (the Kyrgyz and the Uzbek "Министерство иностранных
    # дел", or an entity an analyst split out): the node that keeps every version not
    # split out keeps the id, the others get ids of their own, qualified by their key.
    claims: dict[str, list[int]] = defaultdict(list)
    for number, (_, entity, _) in enumerate(named):
        claims[entity.id].append(number)
    keeps: dict[str, int | None] = {}
    for ident, numbers in claims.items():
        whole = [n for n in numbers if any((v[1], v[0]) not in split for v in named[n][2])]
        keeps[ident] = whole[0] if len(numbers) == 1 or len(whole) == 1 else None
    plan: dict[_Version, Entity] = {}
    merges: list[Merge] = []
    absorbed: dict[str, tuple[str, ...]] = {}
    for number, (root, entity, versions) in enumerate(named):
        if keeps[entity.id] != number:
            qualifier = min(key_of[v] or v[0] for v in versions)
            if all((v[1], v[0]) in split for v in versions):
                qualifier = min(v[0] for v in versions)
            entity = replace(
                entity,
                id=qualified_entity_id(entity.type.value, entity.name.text, qualifier),
            )
        for version in versions:
            plan[version] = entity
        idents = sorted({v[1] for v in versions})
        # An id that names two nodes is the same-as of neither.
        others = [i for i in idents if i != entity.id and len(claims.get(i, ())) <= 1]
        if others:
            absorbed[entity.id] = tuple(others)
        if len(idents) > 1:
            labels = {v[1]: by_version[v].name for v in sorted(versions)}
            merges.append(
                Merge(
                    entity.id,
                    entity.name,
                    tuple((i, labels[i]) for i in idents if i != entity.id),
                    tuple(sorted(groups.rules[root])),
                )
            )
    different = tuple(
        sorted(
            (min(plan_ids), max(plan_ids))
            for a, b in judgements.different
            if a in present and b in present
            for plan_ids in [(plan[by_id[a][0]].id, plan[by_id[b][0]].id)]
            if plan_ids[0] != plan_ids[1]
        )
    )
    return Plan(plan, tuple(sorted(merges, key=lambda m: m.survivor)), absorbed, different)


def _union(facts: Iterable[Fact]) -> list[Fact]:
    merged: dict[str, Fact] = {}
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    for fact in facts:
        merged.setdefault(fact.id, fact)
        evidence[fact.id].extend(fact.evidence)
    return [with_evidence(merged[ident], evidence[ident]) for ident in sorted(merged)]


@dataclass(frozen=True, slots=True)
class Linked:
    """A build's results after linking, with what linking did."""

    results: tuple[ArticleResult, ...]
    plan: Plan
    #: For each result, what linking brought into it from the rest of the build: the
    #: entity each of its versions became and the role of each of its memberships.
    #: A linked result is a function of the result it was made from and this text.
    made_from: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Linking:
    """What linking decided for a whole build: each version's entity, each membership's
    role. ``relink`` then rewrites any one article's result by it alone, so a rebuild
    rewrites only the articles whose graph changed."""

    plan: Plan
    #: One membership reported in two languages ("директор" in kk and in ru) is one
    #: membership with one role: the label of the preferred language.
    roles: dict[str, Label]
    #: the text of each node's entity in ``made_from`` (a node is in many articles)
    _texts: dict[str, tuple[Entity, str]] = field(default_factory=dict, compare=False)

    def entities_of(self, found: LinkInput) -> dict[str, Entity]:
        """The entity each of the article's entity ids became."""
        return {e.id: self.plan.entities[(found.article_id, e.id)] for e in found.entities}

    def made_from(self, found: LinkInput) -> str:
        """What linking brought into the article's result (``Linked.made_from``)."""
        return self.made_from_and_counts(found)[0]

    def counts(self, found: LinkInput) -> tuple[Counter[str], Counter[str]]:
        """How many entities of each type (its value) and facts of each kind (class
        name) the linked result has."""
        _, entities, facts = self.made_from_and_counts(found)
        return entities, facts

    def made_from_and_counts(self, found: LinkInput) -> tuple[str, Counter[str], Counter[str]]:
        """``made_from`` and ``counts`` at once (the facts repointed once)."""
        mine = self.entities_of(found)
        facts = [f.repointed(mine) for f in found.facts]
        # repr of frozen dataclasses of str, tuples and enums: the same values, the same text
        parts = [f"{ident!r}: {self._text(mine[ident])}" for ident in sorted(mine)]
        roles = sorted(
            (f.id, self.roles[f.id]) for f in facts if isinstance(f, Membership) and f.role
        )
        entities = Counter({e.id: e.type.value for e in mine.values()}.values())
        kinds = Counter({f.id: type(f).__name__ for f in facts}.values())
        return f"{{{', '.join(parts)}}}\n{roles!r}", entities, kinds

    def _text(self, entity: Entity) -> str:
        kept = self._texts.get(entity.id)
        if kept is None or kept[0] is not entity:
            kept = self._texts[entity.id] = (entity, repr(entity))
        return kept[1]

    def relink(self, result: ArticleResult) -> ArticleResult:
        """``result`` rewritten to the build's entities, its facts to their ids."""
        mine = {e.id: self.plan.entities[(result.article.id, e.id)] for e in result.entities}
        entities = {e.id: e for e in mine.values()}
        facts = _union(
            replace(f, role=self.roles[f.id]) if isinstance(f, Membership) and f.role else f
            for f in (f.repointed(mine) for f in result.facts)
        )
        return ArticleResult(
            article=result.article,
            entities=tuple(entities[i] for i in sorted(entities)),
            facts=tuple(facts),
            extractors=result.extractors,
        )


def plan_links(inputs: Sequence[LinkInput], judgements: Judgements | None = None) -> Linking:
    """Link a build given what linking reads of each article (``link_input``)."""
    plan = _plan(inputs, judgements)
    roles: dict[str, set[Label]] = defaultdict(set)
    for found in inputs:
        mine: dict[str, Entity] | None = None
        for fact in found.facts:
            if isinstance(fact, Membership) and fact.role is not None:
                if mine is None:
                    mine = {e.id: plan.entities[(found.article_id, e.id)] for e in found.entities}
                roles[fact.repointed(mine).id].add(fact.role)
    role_of = {ident: _preferred((label, 1) for label in found) for ident, found in roles.items()}
    return Linking(plan, role_of)


def link_build(results: Sequence[ArticleResult], judgements: Judgements | None = None) -> Linked:
    """Unify entities across a build's results and rewrite facts to the unified ids."""
    inputs = [link_input(result) for result in results]
    linking = plan_links(inputs, judgements)
    return Linked(
        tuple(linking.relink(result) for result in results),
        linking.plan,
        tuple(linking.made_from(found) for found in inputs),
    )


class LinkedResults(Sequence[ArticleResult]):
    """A build's linked results, each read (``load(number)``) and relinked when asked
    for: a rebuild's graph stage asks only for the articles whose graph changed.

    Nothing is kept: a fresh build would otherwise hold every result twice (as
    extracted and relinked), and its graph stage reads each once.
    """

    def __init__(self, linking: Linking, count: int, load: Callable[[int], ArticleResult]):
        self._linking = linking
        self._count = count
        self._load = load
        self._loaded = 0

    def __len__(self) -> int:
        return self._count

    @property
    def loaded(self) -> int:
        """How many times a result was read so far."""
        return self._loaded

    @overload
    def __getitem__(self, index: int) -> ArticleResult: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[ArticleResult, ...]: ...

    def __getitem__(self, index: int | slice) -> ArticleResult | tuple[ArticleResult, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._count)))
        number = index + self._count if index < 0 else index
        if not 0 <= number < self._count:
            raise IndexError(index)
        self._loaded += 1
        return self._linking.relink(self._load(number))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]


def link(results: Sequence[ArticleResult]) -> list[ArticleResult]:
    """Unify entities across a build's results and rewrite facts to the unified ids."""
    return list(link_build(results).results)
