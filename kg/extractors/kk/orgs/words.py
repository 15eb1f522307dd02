"""Word classes the name rules share: theme words, adjective endings, places."""

from __future__ import annotations

from kg.extractors.kk.tokens import Lexeme, Tok
from kg.lang.kk import lexicon, morph
from kg.model import OrgClass

# Words that introduce a theme or a title, not a name ("«X» тақырыбындағы форум").
THEME_WORDS = frozenset({"тақырыбындағы", "тақырыбында", "атты", "деген", "тақырыбымен"})
# A quoted name may be preceded by at most this many words of its own ("Қостанай облысының").
MAX_BEFORE_QUOTE = 3
ADJECTIVE_ENDINGS = ("лық", "лік", "дық", "дік", "тық", "тік", "ғы", "гі", "қы", "кі", "лы", "лі")
PLURAL_POSSESSIVES = ("лары", "лері", "дары", "дері", "тары", "тері")
# Links that put a quoted name under a body or a namesake ("ҚР Президенті жанындағы
# «X» мекемесі"); "X бойынша «Y» орталығы" says what Y works on instead.
BELONGING_LINKS = frozenset({"жанындағы", "қарасты", "қарамағындағы", "атындағы"})
ADMIN_ADJECTIVE_FORMS = frozenset(
    {"облыстық", "аудандық", "қалалық", "ауылдық", "республикалық", "өңірлік"}
)
# "X атынан": on behalf of X, whom a person signs or speaks for
ON_BEHALF = "атынан"
# "оның директоры", "оның орынбасары": his, her or its; "олардың": theirs
ITS = frozenset({"оның", "олардың"})
OBLIQUE = frozenset({"dat", "loc", "abl", "acc", "ins"})
# Quotes around more words than this hold speech, not a name.
MAX_QUOTED_NAME = 8


def plain_noun(tok: Tok) -> bool:
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


def owned(tok: Tok) -> bool:
    """Whether a word carries a possessive ending ("мамандары", "мүшелерімен")."""
    return any(a.possessive and a.stem != tok.text for a in morph.analyses(tok.text)) or (
        morph.analyses(tok.text)[-1].possessive
    )


def org_class_of(lex: Lexeme | None) -> OrgClass | None:
    return lexicon.ORG_HEADS.get(lex.lemma) if lex is not None else None


def place_word(tok: Tok) -> bool:
    """A place name in any case ("Алматыдағы")."""
    return any(a.stem.lower() in lexicon.PLACES for a in morph.analyses(tok.text))


def place_genitive(tok: Tok) -> bool:
    return tok.case == "gen" and place_word(tok)


def place_noun(tok: Tok) -> bool:
    return any(tok.lower.startswith(noun[:-1]) for noun in lexicon.PLACE_NOUNS)
