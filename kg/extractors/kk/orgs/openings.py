"""Where a name opens: its first capitalised word, past sentence openers and places."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kg.extractors.kk.orgs.words import (
    ADJECTIVE_ENDINGS,
    ADMIN_ADJECTIVE_FORMS,
    BELONGING_LINKS,
    place_noun,
    place_word,
    plain_noun,
)
from kg.extractors.kk.persons import arabic_name_part
from kg.extractors.kk.tokens import Lexeme, Tok
from kg.lang.kk import lexicon

_MAX_FUNCTION_WORDS = 4  # lower-case words of an office named by its function
# Links that make a phrase a body's formal name, however it is capitalised: "... мәселелері
# жөніндегі кеңес", "... әкімдігі жанындағы кеңес".
_FORMAL_LINKS = frozenset({"жөніндегі", "жанындағы"})


def _proper_adjective(word: str) -> bool:
    """An adjective made from a place or a world's name ("еуропалық", "дүниежүзілік")."""
    for ending in ("лық", "лік", "дық", "дік", "тық", "тік"):
        if word.endswith(ending):
            root = word[: -len(ending)]
            return root in lexicon.PLACES or root in lexicon.PROPER_ROOTS
    return False


class NameOpenings:
    """The part of ``NameFinder`` that decides where a name's first word is."""

    toks: Sequence[Tok]
    start: int
    end: int
    lexeme: Callable[[Tok], Lexeme | None]

    def first_word(self, left: int, h: int) -> int | None:
        """Where the name opens: its first capitalised word, quote or abbreviation."""
        for p in range(left, h + 1):
            tok = self.toks[p]
            if tok.quote == "open" or tok.upper or tok.initials or tok.text == "№":
                return self._with_admin_adjective(left, p)
            if arabic_name_part(tok):  # "әл-Азһар университеті"
                return self._with_admin_adjective(left, p)
            if tok.cap and tok.lower not in lexicon.SENTENCE_ADVERBS and not self._common(p, h):
                return self._with_admin_adjective(left, p)
        return None

    def _with_admin_adjective(self, left: int, p: int) -> int:
        """Open at "облыстық", "аудандық" right before the name: "аудандық Жыраулар үйі"."""
        if p - 1 >= left and self.toks[p - 1].lower in ADMIN_ADJECTIVE_FORMS:
            return p - 1
        return p

    def _capitalised_by_position(self, first: int, h: int, lex: Lexeme) -> bool:
        """A phrase capitalised only because it opens the sentence, not a name.

        "Ағымдағы жылы бөлім", "Баспасөз орталығында жүздеген журналист отыр" are no
        names; "Жастар ресурстық орталығы жаңа бағдарлама ашты" and "Ішкі істер
        министрлігі хабарлады" are.
        """
        tok = self.toks[first]
        described = tok.case == "attr" and first + 1 < h  # "Алматыдағы оңалту орталығы"
        if not (self.opens_sentence(first) and tok.titled) and not described:
            return False
        if any(
            t.cap or t.upper or t.quote or t.lower in _FORMAL_LINKS
            for t in self.toks[first + 1 : h + 1]
        ):
            return False
        if h + 1 < self.end and self.toks[h + 1].legal_form:
            return False
        if described and place_word(tok):
            return True  # a place and then lower-case words describe, not name
        if tok.proper or tok.lower in lexicon.PLACES or tok.lower in lexicon.FIRST_NAMES:
            return False
        own = tok.head
        if own is not None and own.form.case == "gen" and not own.form.possessive:
            return True  # "Қордың қамқоршылық кеңесі": the board of the fund named before
        if _proper_adjective(tok.lower):
            return False  # "Еуразиялық экономикалық одақтың": a name, not "an economic union"
        if tok.case in ("attr", "loc", "dat", "abl", "ins") and not place_word(tok):
            return True  # "Ағымдағы", "Біздегі": where or when, not what
        if lex.lemma not in lexicon.GENERIC_HEADS:
            return False
        if not lex.form.possessive:
            return True  # "Халықаралық ұйым", "Жаңа зауыттың": an adjective and a common noun
        # "Баспасөз орталығында жүздеген журналист отыр": a noun, then a common head in
        # an oblique case; a name opens with an adjective ("Инвестициялық даму қорына")
        oblique = lex.form.case in ("loc", "dat", "abl", "acc")
        return oblique and not tok.lower.endswith(ADJECTIVE_ENDINGS)

    def opens_sentence(self, p: int) -> bool:
        """Whether token ``p`` opens a sentence, a quotation or what follows a colon."""
        if p == self.start or (p > 0 and self.toks[p - 1].sent != self.toks[p].sent):
            return True
        prev = self.toks[p - 1]
        return prev.quote == "open" or prev.text in (":", "—", "–")

    def _common(self, p: int, h: int) -> bool:
        """A sentence's first word that is capitalised only because it comes first.

        "Облыс тұрғындары ...", and a plural subject before a name that opens right
        after it ("Науқастар Алматыдағы ...").
        """
        tok = self.toks[p]
        if not self.opens_sentence(p):
            return False
        nxt = self.toks[p + 1] if p + 1 < len(self.toks) else None
        if tok.lower in lexicon.ADMIN_ADJECTIVES:
            # "Республикалық «X» бірлестігі" opens with it; "Облыстық мәслихат" is generic,
            # "Облыстық жастар саясаты мәселелері жөніндегі кеңес" a body's formal name
            if any(t.lower in _FORMAL_LINKS for t in self.toks[p + 1 : h]):
                return False
            return nxt is None or nxt.quote != "open"
        named_next = nxt is not None and (nxt.cap or nxt.quote == "open")
        plural = tok.lower.endswith(("лар", "лер", "дар", "дер", "тар", "тер"))
        if named_next and plural and not tok.proper:
            return True
        # "Брифинг Жайық облысының Білім басқармасында өтті": a place phrase opens right
        # after the first word, which is no part of it unless it is a compass word
        # ("Батыс Қазақстан облысы") or a place itself
        after = self.toks[p + 2] if p + 2 < len(self.toks) else None
        return (
            named_next
            and after is not None
            and place_noun(after)
            and tok.lower not in lexicon.COMPASS_WORDS
            and not tok.proper
            and not place_word(tok)
        )

    def _admin_start(self, left: int, h: int) -> int | None:
        """A lower-case name opened by "облыстық", "аудандық" (a local body or office)."""
        # any head: such a name is weak, so it is kept only when a position or an
        # agreement needs it ("облыстық экологиялық альянс төрағасы", "облыстық музейінің")
        for p in range(left, h):
            if self.toks[p].lower in lexicon.ADMIN_ADJECTIVES:
                return p
        return self._office_by_function(left, h)

    def _office_by_function(self, left: int, h: int) -> int | None:
        """An office named by what it does, before a position: "білім беру
        басқармасы басшысының орынбасары", "тілдерді дамыту бөлімінің басшысы".

        Two to four lower-case nouns before a government unit's head, and a position
        right after it; one noun ("компания басқармасы") is a board, not an office.
        """
        lex = self.lexeme(self.toks[h])
        following = self.toks[h + 1] if h + 1 < self.end else None
        if lex is None or lex.lemma not in lexicon.FUNCTION_OFFICES or following is None:
            return None
        if following.position is None:
            return None
        k = h - 1
        while k >= left and plain_noun(self.toks[k]):
            k -= 1
        first = k + 1
        return first if 2 <= h - first <= _MAX_FUNCTION_WORDS else None

    def _past_opening_word(self, first: int, h: int) -> int:
        """Skip a sentence's first word that lower-case words part from the name.

        "Аталмыш облыстық жиынды Тарбағатай ауданы Жастар Альянсы", "Елордалық
        меймандар Құлагер университеті": the name opens at the next capital. A
        place ("Ақтөбе облысының ...") or a name that owns a head ("Білім және ғылым
        министрлігінің Ғылым комитеті") keeps its first word.
        """
        tok = self.toks[first]
        if not (self.opens_sentence(first) and tok.titled) or tok.proper or place_word(tok):
            return first
        if tok.event is not None and first + 1 < h and self.toks[first + 1].quote == "open":
            return first + 1  # "Форум «X университеті» Шымкент филиалында өтті"
        for p in range(first + 1, h):
            nxt = self.toks[p]
            if nxt.head is not None or nxt.quote is not None or not nxt.word:
                return first
            if nxt.lower in lexicon.NAME_LINKS:
                return first  # "... дамыту жөніндегі Н. Назарбаев орталығы" runs on
            if nxt.cap or nxt.upper:
                return p if p > first + 1 else first
        return first

    def _only_where(self, first: int, h: int) -> bool:
        """Whether the one capitalised word before head ``h`` is a place in "-дағы"."""
        tok = self.toks[first]
        if tok.case != "attr" or not place_word(tok):
            return False
        return not any(t.cap or t.upper or t.quote for t in self.toks[first + 1 : h])

    def _quote_first(self, first: int, h: int) -> int:
        """Open the name at its quote when only description follows the quote.

        "Павлодар облысының «ЖасЖол» Азаматтық альянсы" keeps its region: capitalised
        words after the quote make the region part of the name; in "Шымкент қаласының
        «Шымкент дизайн» шығармашылық сала ... қауымдастығы" it only says where it is.
        """
        for p in range(first + 1, h):
            tok = self.toks[p]
            if tok.quote == "open" and tok.partner is not None and tok.partner < h:
                if self.toks[p - 1].lower in BELONGING_LINKS:
                    return first  # "Президенті жанындағы «X» мекемесі" is under that body
                before = self.toks[first:p]
                if all(t.head is None and t.lower.endswith(ADJECTIVE_ENDINGS) for t in before):
                    return first  # "Халықаралық «Қазақ тілі» қоғамы": an adjective of the name
                after = self.toks[tok.partner + 1 : h]
                return first if any(t.cap or t.upper for t in after) else p
        return first

    def _naming_quote(self, first: int, h: int) -> tuple[int, int] | None:
        """The quoted part that identifies the organisation, when it does.

        "«Ертіс-Дала» сарапшылар клубы" and "«Ертіс-Дала» ... сарапшылық клубы"
        are one club: only lower-case description follows the quote.
        """
        for p in range(first, h):
            tok = self.toks[p]
            if tok.quote == "open" and tok.partner is not None and tok.partner < h:
                after = self.toks[tok.partner + 1 : h]
                if not any(t.cap or t.upper for t in after):
                    return (p, tok.partner)
                return None
        return None
