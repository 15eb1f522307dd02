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
from collections.abc import Sequence
from dataclasses import dataclass
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

#: The MinHash scheme of ``datasketch.MinHash()`` as made here, named when a signature is
#: read back from its values.
_SCHEME = "affine32"

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


def find_duplicates(
    articles: Sequence[Article],
    threshold: float = THRESHOLD,
    memo: SignatureMemo | None = None,
) -> list[DuplicateGroup]:
    """Groups of near-duplicate articles, in source-path order; the same input, the same groups.

    ``memo`` gives back the MinHash signatures of texts seen before (the same values).
    """
    import numpy as np
    from datasketch import LeanMinHash, MinHashLSH

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
    # LSH only proposes pairs; a lower threshold there misses fewer true ones.
    lsh = MinHashLSH(threshold=max(threshold - 0.2, 0.1), num_perm=NUM_PERM)
    hashes = {}
    for i in usable:
        values = np.frombuffer(signatures[i][1], dtype="<u8").astype(np.uint64)
        minhash = LeanMinHash(seed=1, hashvalues=values, scheme=_SCHEME)
        hashes[i] = minhash
        lsh.insert(str(i), minhash)
    sets: dict[int, frozenset[str]] = {}

    def shingled(i: int) -> frozenset[str]:
        if i not in sets:
            sets[i] = shingles(ordered[i].text)
        return sets[i]

    parent = {i: i for i in usable}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    lowest: dict[frozenset[int], float] = {}
    for i in usable:
        for j in sorted(int(k) for k in lsh.query(hashes[i])):
            if j <= i:
                continue
            similarity = jaccard(shingled(i), shingled(j))
            if similarity >= threshold:
                a, b = find(i), find(j)
                parent[max(a, b)] = min(a, b)
                lowest[frozenset((i, j))] = similarity
    members: dict[int, list[int]] = {}
    for i in usable:
        members.setdefault(find(i), []).append(i)
    groups = []
    for found in members.values():
        if len(found) < 2:
            continue
        similarity = min(s for pair, s in lowest.items() if pair <= set(found))
        copies = tuple(ordered[i] for i in found[1:])
        groups.append(DuplicateGroup(ordered[found[0]], copies, round(similarity, 3)))
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
