"""What every sentence rule shares: the sentence's tokens and the items found in it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg.extractors.common import ExtractionBuilder, Span
from kg.extractors.headlines import in_capitals
from kg.extractors.ru.tokens import Token
from kg.lang.ru import lexicon, morph
from kg.model import AgreementKind

# Tokens allowed between a position and its organisation or person: punctuation,
# prepositions and conjunctions ("глава офиса ЮНЕСКО в Республике ...").
_GAP_POS = frozenset({"PUNCT", "ADP", "CCONJ"})
_MAX_GAP = 4
_TITLE_TOKENS = 16

# Scraped news quotes names with «», “”, „“, and also ” ” , " " and ` `, where one
# character both opens and closes: a quote opens after a space and closes after a word.
_PAIRED = {"«": "»", "„": "“”", "‘": "’"}
_SYMMETRIC = {"“": "”", "”": "”", '"': '"', "`": "`", "'": "'"}


def quote_pairs(tokens: list[Token]) -> dict[int, int]:
    """Token index of each opening quote -> index of the quote that closes it.

    An outer quote left open by a dropped closer («Центр «Жарқын») closes with the
    last quote closed inside it.
    """
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for k, token in enumerate(tokens):
        char = token.text
        glued_before = k > 0 and tokens[k - 1].end == token.start
        glued_after = k + 1 < len(tokens) and tokens[k + 1].start == token.end
        if stack:
            opener = tokens[stack[-1]].text
            closers = _PAIRED.get(opener) or _SYMMETRIC.get(opener, "")
            if char in closers and (opener in _PAIRED or glued_before or not glued_after):
                pairs[stack.pop()] = k
                continue
        if char in _PAIRED or (char in _SYMMETRIC and glued_after and not glued_before):
            stack.append(k)
    for opened in stack:
        inner = [c for o, c in pairs.items() if o > opened]
        if inner:
            pairs[opened] = max(inner)
    return pairs


@dataclass(frozen=True, slots=True)
class Item:
    """A person, organisation or position found in a sentence, by token range."""

    kind: str  # "person" | "org" | "position"
    first: int
    last: int  # inclusive token index
    span: Span | None = None
    role: str | None = None
    implied: Span | None = None  # "министра иностранных дел" implies the ministry
    weak: bool = False  # a lower-case phrase, an organisation only if a role names it
    parent: bool = False  # "Министерства ..." inside "Комитет ... Министерства ...": no party
    plural: bool = False  # "члены правления": a position of each person listed after it


class SentenceBase:
    """One sentence's tokens, where its findings go, and scans the rules share."""

    def __init__(
        self,
        text: str,
        tokens: list[Token],
        bounds: tuple[int, int],
        builder: ExtractionBuilder,
        people: list[Span],
        aliases: dict[str, str],
        recent: list[Span],
        said: list[AgreementKind] | None = None,
    ) -> None:
        self.text = text
        # the kind of agreement the article last said was signed ("Стороны подписали
        # дорожную карту"), for "Документ подписали X и Y" after it
        self.said = said if said is not None else []
        self.tokens = tokens
        self.bounds = bounds
        self.builder = builder
        self.people = people
        self.aliases = aliases
        self.recent = recent  # the organisations of the sentence before, then of this one
        self.earlier = list(recent)
        self.quotes = quote_pairs(tokens)
        self.shouting = in_capitals(text[bounds[0] : bounds[1]])
        # Tokens of a quoted title; a long quote is reported speech, whose words are text.
        self.inside = {
            k for o, c in self.quotes.items() if c - o <= _TITLE_TOKENS for k in range(o + 1, c)
        }

    def quoted_text(self, opened: int) -> str:
        """The name inside the quote opened at token ``opened``, inner quotes balanced."""
        close = self.quotes[opened]
        if close == opened + 1:
            return ""
        inner = self.text[self.tokens[opened + 1].start : self.tokens[close - 1].end]
        if self.tokens[close].text in "»" and inner.count("«") > inner.count("»"):
            inner += "»"  # «Центр «Жарқын»: the outer closer was dropped
        return inner.strip()

    def gap_ok(self, a: int, b: int) -> bool:
        """True when tokens strictly between ``a`` and ``b`` may separate linked items."""
        between = self.tokens[a + 1 : b]
        return len(between) <= _MAX_GAP and all(
            t.pos in _GAP_POS or t.ner == "LOC" or t.lemma in lexicon.PLACE_NOUNS for t in between
        )  # "директор фонда X в городе Алматы Имя"

    def _region_after(self, k: int) -> int:
        """The last token of the places after "для" at ``k`` ("для Центральной Азии и
        Афганистана"), or ``k`` when no place in the genitive follows."""
        tokens = self.tokens
        end = k
        j = k + 1
        while j < len(tokens):
            token = tokens[j]
            if token.ner == "LOC" and token.titled and token.case == "gent":
                end = j
            elif (
                token.text == "и" and end > k and j + 1 < len(tokens) and tokens[j + 1].ner == "LOC"
            ):
                pass
            else:
                break
            j += 1
        return end

    def _listed_genitive(self, comma: int) -> bool:
        """True when lower-case genitives after ``comma`` run on to "и" + a genitive."""
        tokens = self.tokens
        k = comma + 1
        while k < len(tokens) and tokens[k].case == "gent" and not tokens[k].titled:
            k += 1
        return (
            k > comma + 1
            and k + 1 < len(tokens)
            and tokens[k].text == "и"
            and tokens[k + 1].case == "gent"
            and not tokens[k + 1].titled
        )

    def _next_body(self, k: int) -> bool:
        """Whether "и" or a comma at ``k`` starts another body: "Ассоциацией юристов и
        акиматом области" (an organisation head after it, maybe behind adjectives)."""
        tokens = self.tokens
        if tokens[k].text not in ("и", ",") or k + 1 >= len(tokens):
            return False
        j = k + 1
        while j < len(tokens) and tokens[j].pos == "ADJ" and not head_form(tokens[j]):
            j += 1
        return j < len(tokens) and head_form(tokens[j])

    def _titled_pair(self, conj: int) -> bool:
        """True when "и" at ``conj`` joins two capitalised adjective + noun genitives
        ("Синего Ромба и Зеленого Круга", "Голубого креста и Зелёного полумесяца").

        The second half names no body of its own (no organisation head, no person).
        """
        tokens = self.tokens
        if conj + 2 >= len(tokens) or conj < 2:
            return False
        left, adj, noun = tokens[conj - 1], tokens[conj + 1], tokens[conj + 2]
        # "Красного креста и Красного полумесяца": the capital may be the adjective's alone
        return (
            (left.titled or tokens[conj - 2].titled)
            and left.case == "gent"
            and tokens[conj - 2].pos == "ADJ"
            and adj.titled
            and adj.pos == "ADJ"
            and adj.case == "gent"
            and (noun.titled or not left.titled)
            and noun.case == "gent"
            and noun.ner != "PER"
            and noun.lemma not in lexicon.ORG_HEADS
        )

    def _bracketed_genitive(self, opened: int) -> int | None:
        """Index of ")" closing a short lower-case genitive gloss opened at ``opened``."""
        tokens = self.tokens
        for k in range(opened + 1, min(opened + 5, len(tokens))):
            if tokens[k].text == ")":
                return k if k > opened + 1 else None
            if tokens[k].case != "gent" or tokens[k].titled:
                return None
        return None

    def genitive_tail(self, start: int) -> int:
        """Last token index of the genitive words from ``start`` (start - 1 if none).

        Two joins belong to names: "по делам молодёжи" (по + dative) and a lower-case
        "и" ("информации и общественного развития"); a capitalised word after "и"
        starts another organisation instead.
        """
        tokens = self.tokens
        end = start - 1
        j = start
        while j < len(tokens):
            token = tokens[j]
            # The list goes on from a genitive already in the tail, never straight after the
            # head: "встреча с главой Северного совета, учебных центров ..." lists bodies.
            if token.text == "," and j > start and self._listed_genitive(j):
                j += 1  # "Управление спорта, туризма и культуры"
                continue
            gloss = self._bracketed_genitive(j) if token.text == "(" else None
            if gloss is not None:
                j = gloss + 1  # "сената (верхней палаты) парламента Казахстана"
                continue
            if token.text == "при":
                # "Комитет ... при Кабинете Министров": the body it is attached to
                attached = j + 1
                while (
                    attached < len(tokens)
                    and tokens[attached].case == "loct"
                    and tokens[attached].titled
                ):
                    attached += 1
                if (
                    attached == j + 1
                    and attached < len(tokens)
                    and tokens[attached].case == "loct"
                    and tokens[attached].lemma in lexicon.ORG_HEADS
                ):
                    attached += 1  # "совет при акимате Жайыкской области": and its genitives
                if attached == j + 1:
                    break
                end = attached - 1
                j = attached
                continue
            if token.text == "и" and j > start and self._titled_pair(j):
                # "Обществ Синего Ромба и Зеленого Круга": one name's two halves
                end = j + 2
                j += 3
                continue
            if token.text == "по" and j + 1 < len(tokens) and _abbreviation(tokens[j + 1]):
                end = j + 1  # "Региональный центр ООН по ЦУР": a field by its abbreviation
                j += 2
                continue
            if token.text == "для" and j > start and (region := self._region_after(j)) > j:
                end = region  # "... по ЦУР для Центральной Азии и Афганистана": whom it serves
                j = region + 1
                continue
            if token.text == "и" and j == start:
                break  # "Генеральной прокуратуры и адвокатуры": "и" joins a second head
            if token.text == "и" and j > start and self._next_body(j):
                break  # "юристов Казахстана и акиматом области": a second body
            if token.text in ("по", "и") and j + 1 < len(tokens):
                after = tokens[j + 1]
                joined = tokens[j - 1].case if j > start else None
                wanted = "datv" if token.text == "по" else joined if joined == "datv" else "gent"
                if token.text == "и" and any(t.text == "по" for t in tokens[start:j]):
                    # "по делам молодежи и семейной политике": "и" joins a second "по" object
                    k = j + 1
                    while k < len(tokens) and tokens[k].pos == "ADJ" and tokens[k].text.islower():
                        k += 1
                    if (
                        k < len(tokens)
                        and tokens[k].case in ("datv", "loct")
                        and tokens[k].text.islower()
                    ):
                        end = k
                        j = k + 1
                        continue
                if (
                    after.case == wanted
                    and after.inflected
                    and after.text[:1].islower()
                    and not (token.text == "и" and after.lemma in lexicon.ORG_HEADS)
                ):  # "... и телеканала X": another organisation
                    j += 1
                    token = after
                    if token.case == "datv":
                        # "по гражданским инициативам и правам молодежи"
                        while j + 1 < len(tokens) and tokens[j + 1].case == "datv":
                            j += 1
                        end = j
                        j += 1
                        continue
                else:
                    break
            if (
                token.titled
                and (
                    token.ner == "LOC"
                    or (token.ner is None and not morph.is_first_name(token.text))
                )
                and j > start
                and tokens[j - 1].lemma in lexicon.NAMED_PLACE_KINDS
                and tokens[j - 1].case == "gent"
            ):
                end = j  # "акимат города Шымкент", "Министерство ... Республики Казахстан"
                j += 1
                continue
            if (
                j == start
                and j > 0
                and token.titled
                and token.ner == "LOC"
                and tokens[j - 1].lemma in lexicon.PLACE_BODIES
                and morph.may_be_genitive(token.text)
            ):
                end = j  # "акимат Уральска": the place, whatever case the tagger read
                j += 1
                continue
            abbreviation = token.text.isupper() and len(token.text) > 1 and token.ner != "PER"
            if token.ner == "PER" or not (token.inflected or abbreviation):
                break
            if token.case != "gent" and not abbreviation:
                break
            # "съезд учителей", "Союз журналистов": people in the plural name a body's members
            people = token.plural and token.lemma in lexicon.PEOPLE_POSITIONS
            if (
                token.lemma in lexicon.POSITIONS
                and not people
                and not (
                    token.titled
                    and j > start
                    and tokens[j - 1].titled
                    and tokens[j - 1].pos == "ADJ"
                )
            ):
                break  # a title, unless a capitalised name's ("Фонда Первого Президента")
            end = j
            j += 1
        return end


def _abbreviation(token: Token) -> bool:
    """ "ЦУР", "ЧС": an abbreviation in capitals, no person's initial."""
    return (
        len(token.text) > 1 and token.text.isupper() and token.text.isalpha() and token.ner != "PER"
    )


# pymorphy does not know some heads ("акиматом" read as an adjective "акиматома"):
# a long head's stem with a short ending is that head in some case.
_MIN_STEM = 5
_MAX_ENDING = 3
_ADJECTIVE_ENDINGS = (
    "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ых", "их", "ым", "им", "ую", "юю", "ого", "его",
)  # fmt: skip


def head_form(token: Token) -> bool:
    """Whether ``token`` is an organisation head noun in any case."""
    if token.lemma.rsplit("-", 1)[-1] in lexicon.ORG_HEADS:
        return True
    return _head_by_stem(token.text.lower())


@lru_cache(maxsize=65536)
def _head_by_stem(word: str) -> bool:
    if word.endswith(_ADJECTIVE_ENDINGS):
        return False  # "школьный" is no "школа"
    return any(
        word.startswith(head[:-1]) and len(word) - len(head) <= _MAX_ENDING
        for head in _LONG_HEADS.get(word[:2], ())
    )


_LONG_HEADS: dict[str, tuple[str, ...]] = {}
for _head in sorted(lexicon.ORG_HEADS):
    if len(_head) >= _MIN_STEM:
        _LONG_HEADS[_head[:2]] = (*_LONG_HEADS.get(_head[:2], ()), _head)
