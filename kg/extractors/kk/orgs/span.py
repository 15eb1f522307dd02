"""``OrgSpan``: an organisation (or event) name by token range, and nesting among them."""

from __future__ import annotations

from dataclasses import dataclass

from kg.model import OrgClass


@dataclass(slots=True)
class OrgSpan:
    """An organisation (or event) name found in a sentence, by token range."""

    start: int
    end: int  # exclusive
    # "head" | "quote" | "acronym" | "implied" | "legal" | "unit" (name + abbreviation)
    # | "model" (found by the shipped NER where the rules saw no name)
    # | "credit" (an outlet credited: "деп хабарлайды Egemen.kz", "Дерек: «ҚазАқпарат»")
    kind: str
    head: int | None = None  # token index of the head noun
    lemma: str | None = None
    org_class: OrgClass | None = None
    reach: int = 0  # index after the last token of the phrase (a subunit may follow end)
    subunit: str | None = None  # "өкілдік" in "X қоры өкілдігінің басшысы"
    inner: tuple[int, ...] = ()  # heads of other names inside this one
    keep: tuple[int, ...] = ()  # heads of parents that are organisations of their own
    quote: tuple[int, int] | None = None  # the quoted part, when it names the organisation
    suffix: str | None = None  # implied head: "министрлігі"
    prefix: str | None = None  # a state the name shares with a field before it: "ҚР"
    omit: frozenset[int] = frozenset()  # tokens left out of the name ("атты")
    refers: OrgSpan | None = None  # "университет ректоры": the one university named before
    weak: bool = False  # a lower-case name ("облыстық мәслихат"): only with a role

    def __post_init__(self) -> None:
        self.reach = max(self.reach, self.end)


def outermost(spans: list[OrgSpan]) -> list[OrgSpan]:
    """Drop names inside other names, except the parents a branch keeps."""
    spans.sort(key=lambda s: (s.start, -s.end, -s.reach))
    kept: list[OrgSpan] = []
    for span in spans:
        container = next(
            (k for k in kept if k.start <= span.start and span.end <= k.end and k is not span),
            None,
        )
        if container is None:
            overlap = next((k for k in kept if span.start < k.end and k.start < span.end), None)
            if overlap is None:
                kept.append(span)
            continue
        if span.head is not None and span.head in container.keep:
            kept.append(span)
    kept.sort(key=lambda s: (s.start, s.end))
    return kept
