"""``NameFinder``: a name from its head noun leftwards over the words of the name."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from kg.extractors.kk.orgs.openings import NameOpenings
from kg.extractors.kk.orgs.span import OrgSpan
from kg.extractors.kk.orgs.words import (
    ADJECTIVE_ENDINGS,
    BELONGING_LINKS,
    MAX_BEFORE_QUOTE,
    MAX_QUOTED_NAME,
    OBLIQUE,
    PLURAL_POSSESSIVES,
    THEME_WORDS,
    owned,
    place_genitive,
    place_noun,
    place_word,
    plain_noun,
)
from kg.extractors.kk.persons import PersonSpan
from kg.extractors.kk.tokens import Lexeme, Tok
from kg.lang.kk import lexicon, morph
from kg.model import OrgClass
from kg.org_key import HOME_COUNTRY, country_of


def _ministry_unit(head: str, owner: str) -> bool:
    """Whether a body with head ``head`` named after ``owner`` in the genitive is a
    ministry's committee or department, a body of its own beside the ministry."""
    return owner in lexicon.MINISTRY_HEADS and head in lexicon.MINISTRY_UNITS


@dataclass
class NameFinder(NameOpenings):
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
                if tok.partner - tok.i - 1 > MAX_QUOTED_NAME:
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
                described = i > self.start and self.toks[i - 1].lower.endswith(ADJECTIVE_ENDINGS)
                compound = lex.lemma in lexicon.ROLE_NOUNS and not described
                return not compound and (self._modified(i) or unique)
            if nxt.word and not nxt.cap and owned(nxt):
                # "Дүниежүзілік банк мамандары": the bank's specialists; but "X
                # аппаратының мәжіліс залы" is a hall of the body named before it
                return tok.cap or not self._owned_by_name(i)
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

    def _owned_by_name(self, i: int) -> bool:
        """Whether a name's head in the genitive stands right before token ``i``."""
        prev = self.toks[i - 1] if i > self.start else None
        return prev is not None and prev.head is not None and prev.head.form.case == "gen"

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
        if lex.lemma == "орталық" and first == h - 1 and place_genitive(self.toks[first]):
            return None  # "Алматының орталығында": the middle of a city
        first = self._past_opening_word(first, h)
        first = self._past_foreign_country(first, h, lex)
        if self._only_where(first, h):
            return None  # "Венадағы кеңсесі": where an office is, not its name
        first = self._quote_first(first, h)
        if first == h - 1 and self.toks[first].acronym and lex.lemma == "ұйым":
            return OrgSpan(first, h + 1, "acronym")  # "USAID ұйымы" is USAID
        end = h + 1
        if end + 1 < self.end and self.toks[end].text in '»”"' and self.toks[end + 1].legal_form:
            end += 1  # "«Самұрық-Қазына» ... қоры» АҚ": a stray quote before the legal form
        end = self.legal_forms_end(end)
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
        if not span.keep:  # a branch's quote names its parent, not the branch
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
                if strict or j - tok.partner - 1 > MAX_QUOTED_NAME:
                    break
                if self._named_apart(j, h):
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
                    dependent = True  # "облыс әкімдігі дене шынықтыру және спорт басқармасы"
                if not (linked or dependent) or strict:
                    break
                if dependent and not linked:
                    keep.append(j)
                    dependent = False
                elif linked and lex.lemma in lexicon.MINISTRY_HEADS:
                    # "Ішкі істер министрлігі жанындағы X қызметі": the ministry is a body
                    # of its own, named beside what it has set up (a government's council,
                    # "Мәскеу үкіметі жанындағы Ұлттар кеңесі", is named as one)
                    keep.append(j)
                inner.append(j)
                linked = False
                left, j = j, j - 1
                continue
            if strict and tok.lower in BELONGING_LINKS and j > self.start:
                strict = 0  # "X жанындағы «Y» мекемесі": the name goes on before the link
            if strict:
                if strict > MAX_BEFORE_QUOTE or not self._before_quote(j):
                    break
                strict += 1
            elif conjoined and self._listing_comma(j):
                pass  # "спорт, туризм және жастар басқармасы"
            elif not self.interior(j) or self._owned_by_genitive(j):
                break
            if tok.lower in lexicon.NAME_CONJUNCTIONS:
                conjoined = True
            if tok.lower in lexicon.NAME_LINKS:
                linked = True
            if lex is not None and lex.form.case == "gen":
                inner.append(j)
                if dependent and self.lexeme(tok) is not None and not toks[h].cap:
                    # "«X» партиясының Шымкент қалалық филиалы": the party is a body too
                    keep.append(j)
                    dependent = False
                elif own is not None and _ministry_unit(own.lemma, lex.lemma):
                    # "Мәдениет министрлігінің Тілдерді дамыту комитеті": and the ministry
                    keep.append(j)
            elif dependent and tok.case == "gen":
                # "ЮНИСЕФ-тің Қазақстандағы өкілдігі", "БҰҰ Даму бағдарламасының ...
                # өкілдігі": the genitive names whose office it is, no name before it
                dependent = False
            left, j = j, j - 1
        return left, inner, keep

    def _past_foreign_country(self, first: int, h: int, lex: Lexeme) -> int:
        """Open the name after a foreign country's genitive that only says where it is.

        "Жапонияның Осака университеті" is the Osaka University in Japan ("Оңтүстік
        Кореяның Сеул ұлттық университеті" too); a state body keeps its country
        ("Литваның Ішкі істер министрлігі"), and so does a name whose next word is a
        description ("Ресейдің Ұлттық ...") or an ending ("...-дағы").
        """
        toks = self.toks
        after = self._past_country_genitive(first, h)
        if after == first or lexicon.ORG_HEADS.get(lex.lemma) is OrgClass.GOVERNMENT:
            return first
        name = toks[after]
        if not name.cap or name.case != "nom" or name.lower.endswith(ADJECTIVE_ENDINGS):
            return first
        return after

    def _past_country_genitive(self, first: int, h: int) -> int:
        """The token after a foreign country's name in the genitive opening at ``first``
        (of one word or two) and before ``h``; ``first`` when there is none."""
        toks = self.toks
        for size in (1, 2):
            last = first + size - 1
            if last + 1 >= h or toks[last].case != "gen":
                continue
            country = country_of(*(tok.text for tok in toks[first : last + 1]))
            if country is not None:
                return first if country == HOME_COUNTRY["kk"] else last + 1
        return first

    def _named_apart(self, close: int, h: int) -> bool:
        """Whether the quoted name closing at ``close`` is a body of its own before a place.

        "«Еріктілер одағы» Ақтөбе облысының әкімдігімен": the quote holds a whole name
        (its last word is a head) and a place opens the next one. A unit after it is
        still the quoted body's ("«X университеті» Семей филиалы").
        """
        toks = self.toks
        inner, after = toks[close - 1], toks[close + 1] if close + 1 < self.end else None
        if inner.head is None or after is None or not after.cap:
            return False
        then = toks[close + 2] if close + 2 < self.end else None
        # a place the lexicon knows, or any name before "облысы", "қаласының", ...
        if not (place_word(after) or (then is not None and place_noun(then))):
            return False
        own = self.lexeme(toks[h])
        return own is None or own.lemma not in lexicon.UNIT_HEADS

    def _listing_comma(self, j: int) -> bool:
        """A comma between two lower-case nouns of a name that lists what a body covers."""
        if self.toks[j].text != "," or j - 1 < self.start:
            return False
        return all(plain_noun(self.toks[k]) for k in (j - 1, j + 1))

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
        if tok.text in ("–", "—") and j > self.start and right is not None:
            # "Қазақстан – Корея іскерлік кеңесі": two countries a body joins
            return place_word(toks[j - 1]) and place_word(right) and right.cap
        if not tok.word or tok.quote is not None:
            return False
        if tok.lower in THEME_WORDS or tok.legal_form:
            return False
        head = tok.head
        if head is not None and head.form.possessive and head.form.case in OBLIQUE:
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
        if position is not None and right is not None and _office_of(right):
            return True  # "аудан әкімі аппараты": the office of a post-holder
        if position is not None and _attributive(tok, position, right):
            position = None  # "ерікті жастар қозғалысы": volunteer youth, no post
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
            # "жұмыспен қамтуды үйлестіру": the object of an action may follow
            plain = right is not None and not right.cap and right.case in ("nom", "acc")
            return plain and not tok.cap and not owned
        if case == "acc":
            # "Жас кадрларды даярлау бойынша ...": the object of an action noun.
            # "-ды/-ті" also ends adjectives ("тұрақты", "құрметті"), which may stand
            # anywhere in a name; a noun in the accusative ("Кездесуді") may not.
            if right is not None and right.verbal_noun:
                return True
            adjective = tok.lower.endswith(("ды", "ді", "ты", "ті")) and tok.lower[-3] != "у"
            return (
                adjective
                and not (tok.cap and self.opens_sentence(j))
                and not (right and right.verbal)
            )
        return True

    def legal_forms_end(self, i: int) -> int:
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
        people = tok.lower.startswith(lexicon.STAFF_NOUNS) and owned(tok)
        return people or tok.lower.endswith(PLURAL_POSSESSIVES)

    def _joinable(self, before: Tok) -> bool:
        """Whether "және"/"мен" after ``before`` joins two words of one name."""
        if before.quote is not None or before.legal_form or before.upper:
            return False
        lex = self.lexeme(before) or before.head
        if lex is not None and lex.form.case == "nom":
            return False  # "X альянсы мен Y": two names
        return before.word and before.case in ("nom", "gen", "attr")

    def _before_quote(self, j: int) -> bool:
        """Words that may open a name before its quoted part ("Павлодар облысының «ЖасЖол»")."""
        tok = self.toks[j]
        if tok.lower in lexicon.ADMIN_ADJECTIVES:
            return True
        if not tok.word or not (tok.cap or place_noun(tok)):
            return False
        return tok.case in ("nom", "gen") and tok.lower not in lexicon.SENTENCE_ADVERBS


def _attributive(tok: Tok, position: Lexeme, right: Tok | None) -> bool:
    """Whether a post word in its bare form describes the plain noun after it.

    "ерікті жастар қозғалысы", "ардагер ұстаздар кеңесі": a post word with no ending
    before a lower-case noun of the name says what kind of people; a post holds a
    name ("министр Айдар"), an ending ("әкімі") or another post ("төраға орынбасары").
    """
    bare = tok.lower == position.lemma and not position.form.possessive
    return bare and not tok.cap and right is not None and plain_noun(right)


def _office_of(tok: Tok) -> bool:
    """Whether ``tok`` heads the office a post-holder has ("әкімі аппараты", "кеңсесі")."""
    head = tok.head
    return head is not None and head.form.possessive and head.lemma in lexicon.OFFICE_HEADS
