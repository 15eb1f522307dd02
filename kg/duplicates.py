"""Near-duplicate articles: one story saved twice (.txt and .html) or syndicated by two sites.

Each article's text becomes a set of word shingles; datasketch's MinHash LSH finds the
pairs likely to share most of them without comparing every pair, and the exact Jaccard
similarity of the shingle sets decides (so the groups do not depend on hashing luck).
Near-duplicates form groups (connected pairs); the group's first article by source path
is the story's original, the others its copies. Both stay in the graph as provenance;
the copies are marked ``prov:alternateOf`` the original, so counts of reports can count
the story once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from hashlib import sha256
from typing import Protocol

from kg.model import Article

#: Jaccard similarity of word shingles from which two articles are one story. Page
#: chrome around a syndicated text (menus, "read also") costs a copy a tenth or two.
THRESHOLD = 0.7
#: Words per shingle: long enough that two stories on one topic share few of them.
SHINGLE_WORDS = 4
#: MinHash permutations: enough for a steady estimate near the threshold, cheap to hash.
NUM_PERM = 128
#: Articles shorter than this many shingles are never called copies: a headline-only
#: page shares most of its few shingles with any story on the same event.
MIN_SHINGLES = 20

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """Articles that report one story: ``original`` first, then its copies."""

    original: Article
    copies: tuple[Article, ...]
    similarity: float  # the lowest Jaccard similarity of a joined pair


def shingles(text: str) -> frozenset[str]:
    """The word ``SHINGLE_WORDS``-grams of ``text``, case-folded."""
    words = _WORD.findall(text.casefold())
    size = SHINGLE_WORDS
    return frozenset(" ".join(words[i : i + size]) for i in range(max(len(words) - size + 1, 0)))


def jaccard(one: frozenset[str], other: frozenset[str]) -> float:
    """|A ∩ B| / |A ∪ B|, 0 for two empty sets."""
    union = len(one | other)
    return len(one & other) / union if union else 0.0


class SignatureMemo(Protocol):
    """Each text's shingle count and MinHash values from earlier builds (a build's cache,
    see ``kg.cache.ResultCache``): hashing every shingle of every article was most of the
    time ``find_duplicates`` took, and a rebuild sees mostly the same texts."""

    def signature(self, text: str) -> tuple[int, bytes] | None:
        """``len(shingles(text))`` and the MinHash values (``uint64`` bytes), or None."""
        ...

    def keep_signature(self, text: str, count: int, values: bytes) -> None:
        """Remember ``text``'s shingle count and MinHash values."""
        ...


def _signature(text: str) -> tuple[int, bytes]:
    from datasketch import MinHash

    found = shingles(text)
    if len(found) < MIN_SHINGLES:
        return len(found), b""
    minhash = MinHash(num_perm=NUM_PERM, seed=1)
    minhash.update_batch([s.encode("utf-8") for s in sorted(found)])
    return len(found), minhash.hashvalues.astype("<u8").tobytes()


class Signatures:
    """A ``SignatureMemo`` in memory, for a build without a cache."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[int, bytes]] = {}

    def signature(self, text: str) -> tuple[int, bytes] | None:
        return self._kept.get(text)

    def keep_signature(self, text: str, count: int, values: bytes) -> None:
        self._kept[text] = (count, values)


def signed(articles: Iterable[Article], memo: SignatureMemo) -> Iterator[Article]:
    """``articles``, each text's signature kept in ``memo`` as it goes by.

    A build reads its articles while worker processes extract them, and its own
    process mostly waits: hashing the shingles there and then, not after extraction,
    takes them off the build's serial part (a minute of a 10,000-article build).
    """
    for article in articles:
        if memo.signature(article.text) is None:
            memo.keep_signature(article.text, *_signature(article.text))
        yield article


class PairMemo(Protocol):
    """The near-duplicate pairs of the last build (a build's cache): a rebuild compares
    only the articles it did not have with the others."""

    def duplicate_pairs(self, scheme: str) -> tuple[set[str], dict[tuple[str, str], float]] | None:
        """The last build's articles (``member`` keys) and, of each pair of them at or
        above the threshold, the similarity; None when none was kept for ``scheme``."""
        ...

    def keep_duplicate_pairs(
        self, scheme: str, members: set[str], pairs: dict[tuple[str, str], float]
    ) -> None:
        """Remember this build's articles and their pairs at or above the threshold."""
        ...


def member(article: Article) -> str:
    """An article file as the pair memo knows it: its path and a hash of its text."""
    text = f"{article.source_path}\0{article.text}".encode("utf-8", "surrogatepass")
    return sha256(text).hexdigest()[:32]


@lru_cache(maxsize=8)
def _bands(threshold: float) -> tuple[tuple[int, int], ...]:
    """The bands of MinHash values datasketch's ``MinHashLSH`` compares at ``threshold``:
    two signatures are candidates when all the values of any one band are equal."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=max(threshold - 0.2, 0.1), num_perm=NUM_PERM)
    return tuple((int(start), int(end)) for start, end in lsh.hashranges)


def find_duplicates(
    articles: Sequence[Article],
    threshold: float = THRESHOLD,
    memo: SignatureMemo | None = None,
    pairs: PairMemo | None = None,
) -> list[DuplicateGroup]:
    """Groups of near-duplicate articles, in source-path order; the same input, the same groups.

    ``memo`` gives back the MinHash signatures of texts seen before (the same values);
    ``pairs`` the pairs of the last build's articles, so only the articles new to this
    build are compared with the others (the same pairs as comparing all).
    """
    # A file saved twice has one text and one id; each file is still a report.
    ordered = sorted(articles, key=lambda a: (a.source_path, a.id))
    signatures = []
    for article in ordered:
        known = memo.signature(article.text) if memo is not None else None
        if known is None:
            known = _signature(article.text)
            if memo is not None:
                memo.keep_signature(article.text, *known)
        signatures.append(known)
    usable = [i for i, (count, _) in enumerate(signatures) if count >= MIN_SHINGLES]
    members = [member(a) for a in ordered] if pairs is not None else []
    scheme = f"{threshold}\n{SHINGLE_WORDS}\n{NUM_PERM}\n{MIN_SHINGLES}\n{_bands(threshold)}"
    kept = pairs.duplicate_pairs(scheme) if pairs is not None else None
    before, known_pairs = kept if kept is not None else (set(), {})
    new = [i for i in usable if not members or members[i] not in before]
    # LSH only proposes pairs (the bands of datasketch's MinHashLSH at a lower
    # threshold, which misses fewer true ones); the exact similarity decides.
    buckets: list[dict[bytes, list[int]]] = [{} for _ in _bands(threshold)]
    for i in usable:
        values = signatures[i][1]
        for bucket, (start, end) in zip(buckets, _bands(threshold), strict=True):
            bucket.setdefault(values[start * 8 : end * 8], []).append(i)
    found: dict[tuple[int, int], float] = {}
    sets: dict[int, frozenset[str]] = {}

    def shingled(i: int) -> frozenset[str]:
        if i not in sets:
            sets[i] = shingles(ordered[i].text)
        return sets[i]

    for i in new:  # one query per new article
        values = signatures[i][1]
        candidates = {
            j
            for bucket, (start, end) in zip(buckets, _bands(threshold), strict=True)
            for j in bucket[values[start * 8 : end * 8]]
            if j != i
        }
        for j in sorted(candidates):
            pair = (min(i, j), max(i, j))
            if pair in found:
                continue
            similarity = jaccard(shingled(i), shingled(j))
            if similarity >= threshold:
                found[pair] = similarity
    if known_pairs:
        where: dict[str, int] = {members[i]: i for i in usable}
        for (one, other), similarity in known_pairs.items():
            if one in where and other in where:
                found[(min(where[one], where[other]), max(where[one], where[other]))] = similarity
    if pairs is not None:
        pairs.keep_duplicate_pairs(
            scheme,
            {members[i] for i in usable},
            {(members[i], members[j]): s for (i, j), s in found.items()},
        )
    parent = {i: i for i in usable}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in sorted(found):
        a, b = find(i), find(j)
        parent[max(a, b)] = min(a, b)
    groups_of: dict[int, list[int]] = {}
    for i in usable:
        groups_of.setdefault(find(i), []).append(i)
    lowest: dict[int, float] = {}
    for (i, _), similarity in found.items():
        root = find(i)
        lowest[root] = min(lowest.get(root, similarity), similarity)
    groups = []
    for root, grouped in groups_of.items():
        if len(grouped) < 2:
            continue
        copies = tuple(ordered[i] for i in grouped[1:])
        groups.append(DuplicateGroup(ordered[grouped[0]], copies, round(lowest[root], 3)))
    return groups


def originals(groups: Sequence[DuplicateGroup]) -> dict[str, str]:
    """Article id of each copy -> article id of its story's original (a file saved
    twice is one article node already: it is no copy of itself)."""
    return {
        copy.id: group.original.id
        for group in groups
        for copy in group.copies
        if copy.id != group.original.id
    }
