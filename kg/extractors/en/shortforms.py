"""Article-wide short forms of a body's name, and a wire service's dateline."""

from __future__ import annotations

from dataclasses import replace

from kg.extractors.common import ExtractionBuilder, Span
from kg.extractors.en.tokens import Token
from kg.lang.en import lexicon, places
from kg.model import EntityType, OrgClass

# A short form that ends a longer name has at least this many words ("International
# Steppe University" of "A.Nurov International Steppe University"); two are too vague.
_SUFFIX_WORDS = 3
# Words that join a unit to its parent body inside one name.
_JOINING = frozenset({"of", "the", "under", "at", "in", "for", "to", "and", "on"})


def complete_short_forms(builder: ExtractionBuilder) -> None:
    """A body named in full once and shorter after is one body: "Steppe" is the one
    "Steppe International News Agency", "International Steppe University" the one
    "A.Nurov International Steppe University" of the article."""
    names = {m.name for m in builder.mentions if m.type is EntityType.ORGANISATION}
    words = {name: name.casefold().split() for name in names}
    full: dict[str, str] = {}
    for name in names:
        short = words[name]
        longer = [
            n
            for n in names
            if len(words[n]) > len(short)
            and _extends(short, words[n])
            # an acronym opening a name is a body of its own: "EU" of "EU Delegation"
            and not (name.isupper() and n.startswith(name))
        ]
        if len(longer) == 1:
            full[name] = longer[0]
    for index, mention in enumerate(builder.mentions):
        if mention.type is EntityType.ORGANISATION and mention.name in full:
            builder.mentions[index] = replace(mention, name=full[mention.name])


def _extends(short: list[str], long: list[str]) -> bool:
    if (
        len(long) == len(short) + 1
        and long[1:] == short
        and long[0] in places.ANY_PLACE
        and short[-1] in lexicon.ORG_HEADS
    ):
        return True  # "Bar Association" of "Kazakhstan Bar Association": the place left out
    if len(short) >= _SUFFIX_WORDS and long[-len(short) :] == short:
        # "Committee of the Ministry of X" names a unit and its parent, two bodies
        return long[-len(short) - 1] not in _JOINING

    if len(short) != 1 or long[0] != short[0]:
        return False
    # one word that opens a name whose other words have a head: "Steppe" of "Steppe
    # News Agency"
    return any(w in lexicon.ORG_HEADS for w in long[1:])


def dateline_outlet(text: str, tokens: list[Token], builder: ExtractionBuilder) -> None:
    """ "ASTANA. STEPPEWIRE – ...": a wire service's name after the city of its dateline."""
    for k in range(len(tokens) - 3):
        city, stop, outlet, after = tokens[k : k + 4]
        if stop.text != "." or not _capitals(city.text, 3) or not _capitals(outlet.text, 4):
            continue
        if outlet.bare in places.PLACES or outlet.text in lexicon.KNOWN_ACRONYMS:
            continue
        line_start = (
            text[: city.start].rstrip(" \t").endswith("\n") or not text[: city.start].strip()
        )
        dated = k > 0 and tokens[k - 1].text[:1].isdigit()
        if (line_start or dated) and (after.text in ("-", "–", "—") or after.capitalised):
            span = Span(
                EntityType.ORGANISATION, outlet.start, outlet.end, outlet.text, OrgClass.MEDIA
            )
            builder.mention(span)


def _capitals(text: str, least: int) -> bool:
    letters = text.replace("-", "")
    return len(letters) >= least and letters.isalpha() and letters.isupper()


def one_order_per_person(builder: ExtractionBuilder) -> None:
    """ "Omarov Dauren" and "Dauren Omarov" in one article are one person, named as
    first written (surname-first order is common in Central Asian English texts)."""
    first: dict[frozenset[str], str] = {}
    for index, mention in enumerate(builder.mentions):
        if mention.type is not EntityType.PERSON or len(mention.name.split()) != 2:
            continue
        key = frozenset(mention.name.casefold().split())
        name = first.setdefault(key, mention.name)
        if name != mention.name:
            builder.mentions[index] = replace(mention, name=name)
