"""Organisation names: from a head noun leftwards over the words of the name.

A Kazakh name ends in its head noun ("... қоры", "... министрлігі", "... форумы") and
runs left over capitalised words, quoted names, abbreviations, genitive attributes
and linked phrases ("X жөніндегі", "X атындағы", "X жанындағы"). It stops at a
punctuation mark, a verb, a word in a case no name word takes (locative, dative,
ablative), a person, or the end of another name ("... университеті Азия және ...").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from kg.extractors.kazakh.persons import PersonSpan
from kg.extractors.kazakh.tokens import Lexeme, Tok
from kg.lang.kk import lexicon, morph
from kg.model import OrgClass

# Words that introduce a theme or a title, not a name ("«X» тақырыбындағы форум").
_THEME_WORDS = frozenset({"тақырыбындағы", "тақырыбында", "атты", "деген", "тақырыбымен"})
# A quoted name may be preceded by at most this many words of its own ("Қостанай облысының").
_MAX_BEFORE_QUOTE = 3
_ADJECTIVE_ENDINGS = ("лық", "лік", "дық", "дік", "тық", "тік", "ғы", "гі", "қы", "кі", "лы", "лі")
_PLURAL_POSSESSIVES = ("лары", "лері", "дары", "дері", "тары", "тері")
# Links that put a quoted name under a body or a namesake ("ҚР Президенті жанындағы
# «X» мекемесі"); "X бойынша «Y» орталығы" says what Y works on instead.
_BELONGING_LINKS = frozenset({"жанындағы", "қарасты", "қарамағындағы", "атындағы"})
_ADMIN_ADJECTIVE_FORMS = frozenset(
    {"облыстық", "аудандық", "қалалық", "ауылдық", "республикалық", "өңірлік"}
)
_OBLIQUE = frozenset({"dat", "loc", "abl", "acc", "ins"})
# Quotes around more words than this hold speech, not a name.
_MAX_QUOTED_NAME = 8


@dataclass(slots=True)
class OrgSpan:
    """An organisation (or event) name found in a sentence, by token range."""

    start: int
    end: int  # exclusive
    # "head" | "quote" | "acronym" | "implied" | "legal" | "unit" (name + abbreviation)
    # | "model" (found by the shipped NER where the rules saw no name)
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
    weak: bool = False  # a lower-case name ("облыстық мәслихат"): only with a role

    def __post_init__(self) -> None:
        self.reach = max(self.reach, self.end)


@dataclass
class NameFinder:
    """Finds names ending in the head nouns that ``lexeme`` picks, in one sentence."""

    toks: Sequence[Tok]
    start: int
    end: int
    persons: Sequence[PersonSpan]
    lexeme: Callable[[Tok], Lexeme | None]
    person_ends: set[int] = field(default_factory=set)
    quoted: dict[int, tuple[int, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.person_ends = {p.end - 1 for p in self.persons}
        for tok in self.toks[self.start : self.end]:
            if tok.quote == "open" and tok.partner is not None:
                if tok.partner - tok.i - 1 > _MAX_QUOTED_NAME:
                    continue  # speech: the words inside are ordinary text
                for i in range(tok.i + 1, tok.partner):
                    self.quoted.setdefault(i, (tok.i, tok.partner))

    # -- heads -------------------------------------------------------------------------

    def is_head(self, i: int) -> bool:
        """Whether token ``i`` ends a name (not a modifier in "басқарма төрағасы")."""
        tok = self.toks[i]
        lex = self.lexeme(tok)
        if lex is None or i in self.quoted:
            return False
        if lex.lemma in lexicon.POSSESSIVE_ONLY_HEADS and not lex.form.possessive:
            return False
        if lex.form.case == "nom" and not lex.form.possessive and i + 1 < self.end:
            # A bare noun before another word modifies it ("Орталық Азия", "басқарма
            # төрағасы"); it ends a name only before a pause, a conjunction or a verb.
            nxt = self.toks[i + 1]
            if nxt.position is not None:
                unique = tok.cap and lex.lemma in lexicon.UNIQUE_BODIES  # "Мәжіліс депутаты"
                # "басқарма төрағасы" is a title; "облыстық қоғамдық кеңес мүшесі" a body's
                described = i > self.start and self.toks[i - 1].lower.endswith(_ADJECTIVE_ENDINGS)
                compound = lex.lemma in lexicon.ROLE_NOUNS and not described
                return not compound and (self._modified(i) or unique)
            if nxt.word and not nxt.cap and _owned(nxt):
                return True  # "Дүниежүзілік банк мамандары": the bank's specialists
            if (
                nxt.word
                and not nxt.cap
                and self._modified(i)
                and (nxt.verbal_noun or nxt.case in ("dat", "loc", "abl", "acc", "ins"))
            ):
                # "Еуразиялық экономикалық одақ құру", "Экологиялық альянс меморандумға
                # қол қойды": a name then its verb's object, not a noun it modifies
                return True
            return (
                not (nxt.word and nxt.lower not in lexicon.FUNCTION_WORDS)
                or nxt.legal_form
                or nxt.verbal
            )
        return True

    def _modified(self, i: int) -> bool:
        """Whether a word of the same name stands right before token ``i``."""
        if i <= self.start:
            return False
        prev = self.toks[i - 1]
        return prev.word and prev.head is None and not prev.legal_form and prev.quote is None

    def from_head(self, h: int) -> OrgSpan | None:
        """The name that ends at head ``h``, or None when it has no words of its own."""
        lex = self.lexeme(self.toks[h])
        assert lex is not None
        dependent = lex.lemma in lexicon.DEPENDENT_HEADS and lex.form.possessive
        left, inner, keep = self.grow(h, dependent=dependent)
        first = self.first_word(left, h)
        weak = False
        if first is None:
            first = self._admin_start(left, h)
            weak = True
        if (
            first == h - 1
            and lex.lemma in lexicon.STATE_HEADS
            and self.toks[first].lower in lexicon.PLACES
            and self.toks[first].lower not in lexicon.CONTINENTS  # "Еуропа Одағы" is a body
        ):
            return None  # "Ресей Федерациясы" is a country
        if first == h and self.toks[h].cap and lex.lemma in lexicon.UNIQUE_BODIES:
            return OrgSpan(h, h + 1, "head", head=h, lemma=lex.lemma, org_class=OrgClass.GOVERNMENT)
        if (
            first is None
            or first == h
            or (not weak and self._capitalised_by_position(first, h, lex))
        ):
            return None
        if lex.lemma == "орталық" and first == h - 1 and _place_genitive(self.toks[first]):
            return None  # "Алматының орталығында": the middle of a city
        first = self._past_opening_word(first, h)
        if self._only_where(first, h):
            return None  # "Венадағы кеңсесі": where an office is, not its name
        first = self._quote_first(first, h)
        if first == h - 1 and self.toks[first].acronym and lex.lemma == "ұйым":
            return OrgSpan(first, h + 1, "acronym")  # "USAID ұйымы" is USAID
        end = h + 1
        if end + 1 < self.end and self.toks[end].text in '»”"' and self.toks[end + 1].legal_form:
            end += 1  # "«Самұрық-Қазына» ... қоры» АҚ": a stray quote before the legal form
        end = self._legal_forms(end)
        org_class = lexicon.ORG_HEADS.get(lex.lemma)
        span = OrgSpan(
            first,
            end,
            "head",
            head=h,
            lemma=lex.lemma,
            org_class=org_class,
            inner=tuple(i for i in inner if i >= first),
            keep=tuple(i for i in keep if i >= first),
            weak=weak,
        )
        span.quote = self._naming_quote(first, h)
        return span

    def grow(self, h: int, dependent: bool = False) -> tuple[int, list[int], list[int]]:
        """Leftmost token the name ending at ``h`` may reach; inner heads; parent heads."""
        toks = self.toks
        own = self.lexeme(toks[h]) or toks[h].position
        left, j = h, h - 1
        strict = 0  # after a quoted name: only a few capitalised or place words
        linked = False  # just passed "жанындағы" & co: the next name belongs to this one
        conjoined = False  # passed "және"/"мен" inside the name: a comma may list before it
        inner: list[int] = []
        keep: list[int] = []
        while j >= self.start:
            tok = toks[j]
            if tok.quote == "close" and tok.partner is not None and tok.partner >= self.start:
                if strict or j - tok.partner - 1 > _MAX_QUOTED_NAME:
                    break
                left = j = tok.partner
                j -= 1
                strict = 1
                continue
            lex = self.lexeme(tok) or tok.head
            if lex is not None and lex.form.possessive and lex.form.case == "nom" and j != h:
                # Another name ends here: it belongs to this one only through a link
                # word, as the parent of a branch ("X партиясы Y филиалы") or when this
                # head has no words of its own ("ҚР Парламенті Мәжілісі").
                if j == h - 1 and not strict and own is not None and own.form.possessive:
                    dependent = True
                elif not strict and self._unit_of(j, h):
                    dependent = True  # "облыс әкімдігі ақпарат және қоғамдық даму басқармасы"
                if not (linked or dependent) or strict:
                    break
                if dependent and not linked:
                    keep.append(j)
                    dependent = False
                inner.append(j)
                linked = False
                left, j = j, j - 1
                continue
            if strict and tok.lower in _BELONGING_LINKS and j > self.start:
                strict = 0  # "X жанындағы «Y» мекемесі": the name goes on before the link
            if strict:
                if strict > _MAX_BEFORE_QUOTE or not self._before_quote(j):
                    break
                strict += 1
            elif conjoined and self._listing_comma(j):
                pass  # "мәдениет, архивтер және құжаттама басқармасы"
            elif not self.interior(j) or self._owned_by_genitive(j):
                break
            if tok.lower in lexicon.NAME_CONJUNCTIONS:
                conjoined = True
            if tok.lower in lexicon.NAME_LINKS:
                linked = True
            if lex is not None and lex.form.case == "gen":
                inner.append(j)
            left, j = j, j - 1
        return left, inner, keep

    def _listing_comma(self, j: int) -> bool:
        """A comma between two lower-case nouns of a name that lists what a body covers."""
        if self.toks[j].text != "," or j - 1 < self.start:
            return False
        return all(_plain_noun(self.toks[k]) for k in (j - 1, j + 1))

    def _unit_of(self, parent: int, h: int) -> bool:
        """Whether head ``h`` names a unit of the body whose name ends at ``parent``.

        A unit ("басқарма", "кеңес", "хатшылық") named in lower case right after its
        parent in the nominative belongs to it: "облыстық полиция департаменті
        ардагерлер кеңесінің", "Ассамблеясы БҚО хатшылығы". A capitalised head after
        a name starts a name of its own.
        """
        head = self.toks[h]
        lex = self.lexeme(head)
        if lex is None or lex.lemma not in lexicon.UNIT_HEADS or head.cap:
            return False
        if lex.form.case not in ("nom", "gen") or not lex.form.possessive:
            return False
        between = self.toks[parent + 1 : h]
        return all(
            t.word and (not t.cap or t.upper) and t.head is None and t.position is None
            for t in between
        )

    def interior(self, j: int) -> bool:
        """Whether token ``j`` may stand inside a name, left of its head."""
        toks = self.toks
        tok = toks[j]
        right = toks[j + 1] if j + 1 < len(toks) else None
        if j in self.person_ends and right is not None and right.lower != "атындағы":
            return False
        if tok.text == "№" or (tok.number and j > self.start and toks[j - 1].text == "№"):
            return True  # "№24 гимназиясы"; a bare number counts things ("8 орталығы")
        if not tok.word or tok.quote is not None:
            return False
        if tok.lower in _THEME_WORDS or tok.legal_form:
            return False
        head = tok.head
        if head is not None and head.form.possessive and head.form.case in _OBLIQUE:
            return False  # "«X» қауымдастығымен серіктестік": another name, in its own case
        if tok.lower in lexicon.NAME_CONJUNCTIONS:
            before = toks[j - 1] if j > self.start else None
            if before is None or right is None or not self._joinable(before):
                return False
            # "бағдарламалар мен жобалар" joins like with like, "Ақпарат және қоғамдық
            # даму" a capital to lower case; "... басшылары және Армения" starts anew
            if not before.cap and right.cap:
                return False
            return tok.lower == "және" or before.cap == right.cap
        if tok.lower in lexicon.NAME_LINKS:
            return True
        if tok.lower in lexicon.FUNCTION_WORDS or tok.personal:
            return False
        if tok.upper or tok.initials or tok.lower == "қ.":
            return True
        if tok.lower in lexicon.SENTENCE_ADVERBS:
            return False  # "Қазақстанның осы ұйыммен": a pronoun or adverb is no name word
        # a plural describes the members ("сарапшылар клубы", "мүгедектер қоғамы")
        position = tok.position if tok.position is not None and not tok.position.plural else None
        if not tok.cap and (tok.verbal or position is not None):
            return False
        # "ҚР Президенті жанындағы ... кеңесі": a capitalised office before a link word
        linked_office = tok.cap and right is not None and right.lower in lexicon.NAME_LINKS
        if (
            position is not None
            and not (right is not None and right.head is not None)
            and not linked_office
        ):
            return (
                False  # "РФ Президенті Әкімшілігі" has a position inside; "Елбасы Мәскеу ..." not
            )
        case = tok.case
        if case == "dat" and right is not None and right.lower == "қарсы":
            return True  # "Сыбайлас жемқорлыққа қарсы ... агенттігі": against what
        if case == "abl" and right is not None and right.lower == "тыс":
            return True  # "кезектен тыс съезі": an extraordinary congress
        if case in ("loc", "dat", "abl"):
            return False
        if case == "ins":
            # "Қоғаммен байланыс бөлімі": only before a lower-case noun of the name;
            # "басқармасының қолдауымен": with someone's support, no name word
            owned = morph.analyses(tok.text)[0].stem.lower().endswith(("ы", "і"))
            plain = right is not None and not right.cap and right.case == "nom"
            return plain and not tok.cap and not owned
        if case == "acc":
            # "Жаңа жобаларды ілгерілету бойынша ...": the object of an action noun.
            # "-ды/-ті" also ends adjectives ("тұрақты", "құрметті"), which may stand
            # anywhere in a name; a noun in the accusative ("Кездесуді") may not.
            if right is not None and right.verbal_noun:
                return True
            adjective = tok.lower.endswith(("ды", "ді", "ты", "ті")) and tok.lower[-3] != "у"
            return adjective and not (tok.cap and self._first(j)) and not (right and right.verbal)
        return True

    def _legal_forms(self, i: int) -> int:
        """The index after the legal forms from ``i`` on ("ҰК АҚ" is two)."""
        first = i
        while i < self.end and i - first < 2 and self.toks[i].legal_form:
            i += 1
        return i

    def _owned_by_genitive(self, j: int) -> bool:
        """People a name before them owns ("... кеңесінің мүшелері", "... университетінің
        басшылығы", "«X» қорының» өкілдері"): no name word, the name before ends there."""
        tok = self.toks[j]
        if j <= self.start or tok.cap:
            return False
        before = self.toks[j - 1]
        if before.quote == "close" and j - 2 >= self.start:
            before = self.toks[j - 2]  # "«Отандастар қорының» өкілдері"
        if before.case != "gen":
            return False
        people = tok.lower.startswith(lexicon.STAFF_NOUNS) and _owned(tok)
        return people or tok.lower.endswith(_PLURAL_POSSESSIVES)

    def _joinable(self, before: Tok) -> bool:
        """Whether "және"/"мен" after ``before`` joins two words of one name."""
        if before.quote is not None or before.legal_form or before.upper:
            return False
        lex = self.lexeme(before) or before.head
        if lex is not None and lex.form.case == "nom":
            return False  # "X альянсы мен Y": two names
        return before.word and before.case in ("nom", "gen", "attr")

    def _before_quote(self, j: int) -> bool:
        """Words that may open a name before its quoted part ("Қостанай облысының «ГрИн»")."""
        tok = self.toks[j]
        if tok.lower in lexicon.ADMIN_ADJECTIVES:
            return True
        if not tok.word or not (tok.cap or _place_noun(tok)):
            return False
        return tok.case in ("nom", "gen") and tok.lower not in lexicon.SENTENCE_ADVERBS

    def first_word(self, left: int, h: int) -> int | None:
        """Where the name opens: its first capitalised word, quote or abbreviation."""
        for p in range(left, h + 1):
            tok = self.toks[p]
            if tok.quote == "open" or tok.upper or tok.initials or tok.text == "№":
                return self._with_admin_adjective(left, p)
            if tok.cap and tok.lower not in lexicon.SENTENCE_ADVERBS and not self._common(p):
                return self._with_admin_adjective(left, p)
        return None

    def _with_admin_adjective(self, left: int, p: int) -> int:
        """Open at "облыстық", "аудандық" right before the name: "аудандық Жыраулар үйі"."""
        if p - 1 >= left and self.toks[p - 1].lower in _ADMIN_ADJECTIVE_FORMS:
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
        if not (self._first(first) and tok.titled) and not described:
            return False
        if any(t.cap or t.upper or t.quote for t in self.toks[first + 1 : h + 1]):
            return False
        if h + 1 < self.end and self.toks[h + 1].legal_form:
            return False
        if described and place_word(tok):
            return True  # a place and then lower-case words describe, not name
        if tok.proper or tok.lower in lexicon.PLACES or tok.lower in lexicon.FIRST_NAMES:
            return False
        if tok.case in ("attr", "loc", "dat", "abl", "ins") and not place_word(tok):
            return True  # "Ағымдағы", "Біздегі": where or when, not what
        if lex.lemma not in lexicon.GENERIC_HEADS:
            return False
        if not lex.form.possessive:
            return True  # "Халықаралық ұйым", "Жаңа зауыттың": an adjective and a common noun
        # "Баспасөз орталығында жүздеген журналист отыр": a noun, then a common head in
        # an oblique case; a name opens with an adjective ("Инвестициялық даму қорына")
        oblique = lex.form.case in ("loc", "dat", "abl", "acc")
        return oblique and not tok.lower.endswith(_ADJECTIVE_ENDINGS)

    def _first(self, p: int) -> bool:
        """Whether token ``p`` opens a sentence, a quotation or what follows a colon."""
        if p == self.start or (p > 0 and self.toks[p - 1].sent != self.toks[p].sent):
            return True
        prev = self.toks[p - 1]
        return prev.quote == "open" or prev.text in (":", "—", "–")

    def _common(self, p: int) -> bool:
        """A sentence's first word that is capitalised only because it comes first.

        "Облыс тұрғындары ...", and a plural subject before a name that opens right
        after it ("Науқастар Алматыдағы ...").
        """
        tok = self.toks[p]
        if not self._first(p):
            return False
        nxt = self.toks[p + 1] if p + 1 < len(self.toks) else None
        if tok.lower in lexicon.ADMIN_ADJECTIVES:
            # "Республикалық «X» бірлестігі" opens with it; "Облыстық мәслихат" is generic
            return nxt is None or nxt.quote != "open"
        named_next = nxt is not None and (nxt.cap or nxt.quote == "open")
        plural = tok.lower.endswith(("лар", "лер", "дар", "дер", "тар", "тер"))
        return named_next and plural and not tok.proper

    def _admin_start(self, left: int, h: int) -> int | None:
        """A lower-case name opened by "облыстық", "аудандық" (a local body or office)."""
        # any head: such a name is weak, so it is kept only when a position or an
        # agreement needs it ("облыстық азаматтық альянс төрағасы", "облыстық музейінің")
        for p in range(left, h):
            if self.toks[p].lower in lexicon.ADMIN_ADJECTIVES:
                return p
        return None

    def _past_opening_word(self, first: int, h: int) -> int:
        """Skip a sentence's first word that lower-case words part from the name.

        "Аталмыш республикалық жиынды Жетісу облысы Азаматтық Альянсы", "Елордалық
        меймандар Жәңгір хан университеті": the name opens at the next capital. A
        place ("Ақтөбе облысының ...") or a name that owns a head ("Білім және ғылым
        министрлігінің Ғылым комитеті") keeps its first word.
        """
        tok = self.toks[first]
        if not (self._first(first) and tok.titled) or tok.proper or place_word(tok):
            return first
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

        "Қостанай облысының «ГрИн» Азаматтық альянсы" keeps its region: capitalised
        words after the quote make the region part of the name; in "Алматы қаласының
        «Алматы креатив» креативті сала ... қауымдастығы" it only says where it is.
        """
        for p in range(first + 1, h):
            tok = self.toks[p]
            if tok.quote == "open" and tok.partner is not None and tok.partner < h:
                if self.toks[p - 1].lower in _BELONGING_LINKS:
                    return first  # "Президенті жанындағы «X» мекемесі" is under that body
                before = self.toks[first:p]
                if all(t.head is None and t.lower.endswith(_ADJECTIVE_ENDINGS) for t in before):
                    return first  # "Халықаралық «Қазақ тілі» қоғамы": an adjective of the name
                after = self.toks[tok.partner + 1 : h]
                return first if any(t.cap or t.upper for t in after) else p
        return first

    def _naming_quote(self, first: int, h: int) -> tuple[int, int] | None:
        """The quoted part that identifies the organisation, when it does.

        "«Орал-Еуразия» сарапшылар клубы" and "«Орал-Еуразия» ... сарапшылық клубы"
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

    # -- other kinds of names ----------------------------------------------------------

    def quoted_orgs(self) -> list[OrgSpan]:
        """Quoted names with a legal form ("«X» ЖШС") or a head noun inside («X қоры»)."""
        found: list[OrgSpan] = []
        toks = self.toks
        for o in range(self.start, self.end):
            tok = toks[o]
            c = tok.partner
            if tok.quote != "open" or c is None or c - o < 2 or c >= self.end:
                continue
            after = toks[c + 1] if c + 1 < self.end else None
            before = toks[o - 1] if o > self.start else None
            last = toks[c - 1]
            lex = last.head
            if after is not None and after.legal_form:
                found.append(
                    OrgSpan(
                        o, self._legal_forms(c + 1), "quote", quote=(o, c), org_class=_class(lex)
                    )
                )
            elif after is not None and after.acronym and "-" not in after.text and c - o > 1:
                # "«Атамекен» ҰКП": a quoted name and the abbreviation of its kind
                found.append(OrgSpan(o, c + 2, "quote", quote=(o, c), org_class=_class(lex)))
            elif before is not None and before.legal_form:
                found.append(OrgSpan(o - 1, c + 1, "quote", quote=(o, c), org_class=_class(lex)))
            elif lex is not None and c - o > 2:
                found.append(
                    OrgSpan(o, c + 1, "quote", quote=(o, c), lemma=lex.lemma, org_class=_class(lex))
                )
        return found

    def legal_orgs(self) -> list[OrgSpan]:
        """A one-word name with a legal form and no quotes: "Қазгидромет РМК"."""
        found: list[OrgSpan] = []
        for i in range(max(self.start, 1), self.end):
            tok, name = self.toks[i], self.toks[i - 1]
            if not tok.legal_form or i - 1 in self.quoted or name.quote is not None:
                continue
            named = (name.titled and not self._first(i - 1)) or name.acronym
            if named and name.head is None and name.position is None:
                found.append(OrgSpan(i - 1, i + 1, "legal"))
        return found

    def implied_orgs(self) -> list[OrgSpan]:
        """Bodies a position implies: "ҚР Қаржы вице-министрі" -> "ҚР Қаржы министрлігі"."""
        found: list[OrgSpan] = []
        for p in range(self.start + 1, self.end):
            position = self.toks[p].position
            if position is None or position.lemma not in lexicon.IMPLIED_ORGS:
                continue
            left, _, _ = self.grow(p)
            first = self.first_word(left, p - 1)
            if first is None or first >= p:
                continue
            if not any(t.cap and not t.upper for t in self.toks[first:p]):
                continue  # "ҚР вице-министрі" names no ministry
            found.append(
                OrgSpan(
                    first,
                    p,
                    "implied",
                    org_class=OrgClass.GOVERNMENT,
                    suffix=lexicon.IMPLIED_ORGS[position.lemma],
                )
            )
        return found

    def acronym_orgs(self, excluded: frozenset[str]) -> list[OrgSpan]:
        """Abbreviations standing alone ("БҰҰ-ның", "USAID")."""
        found: list[OrgSpan] = []
        taken = {i for p in self.persons for i in range(p.start, p.end)}
        for i in range(self.start, self.end):
            tok = self.toks[i]
            if not tok.acronym or i in self.quoted or i in taken:
                continue
            if tok.stem_upper in excluded:
                continue
            if tok.stem_upper.isascii() and not self._latin_organisation(i):
                continue
            found.append(OrgSpan(i, i + 1, "acronym"))
        return found

    def _latin_organisation(self, i: int) -> bool:
        """Whether a Latin abbreviation names an organisation, not a product ("MAX").

        Known international bodies do; others only when a head noun or a position
        follows ("PWC компаниясы", "IOM-ның Қазақстандағы өкілі").
        """
        if self.toks[i].stem_upper in lexicon.INTERNATIONAL_ACRONYMS:
            return True
        for tok in self.toks[i + 1 : min(self.end, i + 3)]:
            if tok.head is not None or tok.position is not None:
                return True
            if tok.case != "attr":
                return False
        return False


def _plain_noun(tok: Tok) -> bool:
    """A lower-case word in the nominative that is neither a head, a position nor a verb."""
    return (
        tok.word
        and not tok.cap
        and not tok.upper
        and tok.case == "nom"
        and tok.head is None
        and tok.position is None
        and not tok.verbal
        and tok.lower not in lexicon.FUNCTION_WORDS
    )


def _owned(tok: Tok) -> bool:
    """Whether a word carries a possessive ending ("мамандары", "мүшелерімен")."""
    return any(a.possessive and a.stem != tok.text for a in morph.analyses(tok.text)) or (
        morph.analyses(tok.text)[-1].possessive
    )


def _class(lex: Lexeme | None) -> OrgClass | None:
    return lexicon.ORG_HEADS.get(lex.lemma) if lex is not None else None


def place_word(tok: Tok) -> bool:
    """A place name in any case ("Алматыдағы")."""
    return any(a.stem.lower() in lexicon.PLACES for a in morph.analyses(tok.text))


def _place_genitive(tok: Tok) -> bool:
    return tok.case == "gen" and place_word(tok)


def _place_noun(tok: Tok) -> bool:
    return any(tok.lower.startswith(noun[:-1]) for noun in lexicon.PLACE_NOUNS)


def numbered_session(toks: Sequence[Tok], start: int, h: int) -> bool:
    """Whether an ordinal stands before head ``h``: "V Бас Ассамблеясы" is an event.

    Up to two capitalised words may stand between ("ХХ Бас Ассамблеясы").
    """
    for j in range(h - 1, max(start - 1, h - 4), -1):
        tok = toks[j]
        if tok.ordinal:
            return True
        if not tok.cap:
            return False
    return False


def find_orgs(
    toks: Sequence[Tok],
    start: int,
    end: int,
    persons: Sequence[PersonSpan],
    excluded_acronyms: frozenset[str] = frozenset(),
) -> list[OrgSpan]:
    """Organisation names in the sentence ``toks[start:end]``, outermost first."""
    finder = NameFinder(toks, start, end, persons, lambda t: t.head)
    spans: list[OrgSpan] = []
    for h in range(start, end):
        if finder.is_head(h) and not numbered_session(toks, start, h):
            span = finder.from_head(h)
            if span is not None:
                spans.append(_subunit(finder, span))
    spans = [_shared_head(toks, span, end) for span in spans]
    spans.extend(finder.quoted_orgs())
    spans.extend(finder.legal_orgs())
    spans.extend(finder.implied_orgs())
    spans = _with_abbreviations(toks, spans, finder.acronym_orgs(excluded_acronyms))
    spans = outermost(spans)
    for span in spans:
        if span.org_class is None:
            # "Қазгидромет РМК": without a telling head noun the legal form tells
            forms = (toks[i].stem_upper for i in (span.start, span.end - 1))
            span.org_class = next(
                (lexicon.LEGAL_FORM_CLASSES[f] for f in forms if f in lexicon.LEGAL_FORM_CLASSES),
                None,
            )
    return spans


def _shared_head(toks: Sequence[Tok], span: OrgSpan, end: int) -> OrgSpan:
    """A second head with no words of its own shares the name before it.

    "Ұлттық кітапханасы мен мұрағаты" is one body, the library and archive.
    """
    e = span.end
    if span.kind != "head" or span.head != e - 1 or e + 1 >= end:
        return span
    second = toks[e + 1]
    if toks[e].lower not in lexicon.NAME_CONJUNCTIONS or second.head is None or second.cap:
        return span
    if not second.head.form.possessive or (e + 2 < end and toks[e + 2].head is not None):
        return span
    span.end = span.reach = e + 2
    span.head = e + 1
    span.lemma = second.head.lemma
    return span


def _with_abbreviations(
    toks: Sequence[Tok], spans: list[OrgSpan], acronyms: list[OrgSpan]
) -> list[OrgSpan]:
    """Add abbreviations; one right after a genitive name is that name's unit.

    "Жамбыл облысы әкімдігінің ІСБ" is the office ІСБ of the regional akimat.
    """
    ends = {s.end: s for s in spans if s.kind == "head" and not s.weak and s.head == s.end - 1}
    for acronym in acronyms:
        owner = ends.get(acronym.start)
        head = toks[owner.end - 1].head if owner is not None else None
        if owner is None or head is None or head.form.case != "gen":
            spans.append(acronym)
            continue
        spans.remove(owner)
        spans.append(
            OrgSpan(
                owner.start, acronym.end, "unit", org_class=owner.org_class, inner=(owner.end - 1,)
            )
        )
    return spans


def _subunit(finder: NameFinder, span: OrgSpan) -> OrgSpan:
    """A unit in lower case after its parent ("X қоры өкілдігі") is named as the parent."""
    h = span.head
    if h is None or span.lemma is None:
        return span
    tok = finder.toks[h]
    board = _board(finder, span)
    if board is not None:
        return board
    if span.lemma not in lexicon.SUBUNIT_HEADS or tok.cap or not span.inner:
        return span
    parent = max(span.inner)
    parent_span = finder.from_head(parent)
    if parent_span is None:
        return span
    parent_span.reach = h + 1
    parent_span.subunit = span.lemma
    return parent_span


def _board(finder: NameFinder, span: OrgSpan) -> OrgSpan | None:
    """A body's governing board ("ERG Директорлар кеңесі") is named as the body.

    The board goes into the title of whoever sits on it ("директорлар кеңесінің
    төрағасы"); "X университеті жанындағы Қамқоршылар кеңесі" is a board of X too.
    """
    h = span.head
    toks = finder.toks
    if h is None or span.lemma != "кеңес" or h - 2 < span.start:
        return None
    if toks[h - 1].lower not in lexicon.BOARD_WORDS:
        return None
    owner = h - 2
    if toks[owner].lower in lexicon.NAME_LINKS and owner - 1 >= span.start:
        owner -= 1
    parent: OrgSpan | None = None
    if toks[owner].head is not None:
        parent = finder.from_head(owner)
    elif toks[owner].acronym:
        parent = OrgSpan(owner, owner + 1, "acronym")
    if parent is None:
        return None
    parent.reach = h + 1
    parent.subunit = f"{toks[h - 1].lower} {toks[h].lower}"
    return parent


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
