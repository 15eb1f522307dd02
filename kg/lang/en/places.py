"""English words of places: countries, demonyms, cities, place heads (lower-case)."""

from __future__ import annotations

from babel import Locale

#: Lower-case words for the units of a place inside a body's name ("Akimat of the
#: Zhasyl district").
UNIT_WORDS: frozenset[str] = frozenset({"district", "region", "city", "oblast", "province"})

#: Their adjectives, which a local body's name may carry: "the Aktobe regional akimat".
UNIT_ADJECTIVES: frozenset[str] = frozenset({"regional", "municipal", "rural", "local"})

#: Capitalised words that head places and buildings, not actors. (Museums, libraries
#: and theatres are institutions that sign memoranda and employ people: bodies, as
#: the annotation conventions count them.)
PLACE_HEADS: frozenset[str] = frozenset(
    {"alley", "avenue", "hall", "palace", "park", "square", "street", "monument"}
)

#: Institutions that are also buildings: after "at"/"in" they say where ("an exhibition
#: at the Steppe Museum"), elsewhere they are bodies.
VENUE_HEADS: frozenset[str] = frozenset(
    {"museum", "library", "theatre", "theater", "gallery", "house"}
)

#: Words of nationality that describe a person or a title ("Kazakh", "Japanese
#: Ambassador"), not name a place.
DEMONYMS: frozenset[str] = frozenset(
    {
        "kazakh", "kazakhstani", "azerbaijani", "kyrgyz", "uzbek", "tajik", "turkmen",
        "russian", "chinese", "american", "european", "british", "german", "japanese",
        "korean", "french", "italian", "spanish", "turkish", "indian", "polish", "swiss",
        "dutch", "swedish", "norwegian", "finnish", "danish", "austrian", "belgian",
        "czech", "hungarian", "greek", "canadian", "australian", "israeli", "iranian",
        "afghan", "pakistani", "mongolian", "georgian", "armenian", "ukrainian",
        "belarusian", "latvian", "lithuanian", "estonian", "egyptian", "saudi", "emirati",
        "qatari", "malaysian", "indonesian", "vietnamese", "thai", "singaporean",
        "brazilian", "mexican", "kuwaiti", "omani", "bulgarian", "romanian", "serbian",
    }
)  # fmt: skip

#: Country and demonym words: they qualify a title ("Kazakh President") or end an
#: organisation name ("... of Kazakhstan"), but never start a person's name.
PLACES: frozenset[str] = DEMONYMS | frozenset(
    {
        "kazakhstan", "azerbaijan", "kyrgyzstan", "uzbekistan", "tajikistan",
        "turkmenistan", "russia", "china", "almaty", "astana", "nur-sultan", "shymkent",
        "baku", "bishkek", "tashkent", "moscow", "republic", "nation", "asia", "central",
    }
)  # fmt: skip

#: Cities an event may be held in ("in Astana"): the region's capitals and large towns.
CITIES: frozenset[str] = frozenset(
    {
        "almaty", "astana", "nur-sultan", "shymkent", "karaganda", "karagandy", "aktobe",
        "pavlodar", "kostanay", "atyrau", "aktau", "oskemen", "ust-kamenogorsk", "semey",
        "taraz", "turkestan", "kyzylorda", "petropavl", "petropavlovsk", "oral", "uralsk",
        "kokshetau", "taldykorgan", "zhezkazgan", "baku", "bishkek", "osh", "tashkent",
        "samarkand", "bukhara", "dushanbe", "ashgabat", "cholpon-ata", "moscow", "minsk",
        "tbilisi", "yerevan", "kyiv", "ankara", "istanbul", "beijing", "seoul", "tokyo",
        "berlin", "brussels", "geneva", "vienna", "paris", "london", "washington", "new york",
    }
)  # fmt: skip

#: Countries and world regions ("Europe", "Central Asia"), from the Unicode CLDR's
#: English territory names, and those named in one word: a body's name that ends at
#: one is done, so "and" after it starts another ("Council of Europe and Freedom
#: House"), unless another place follows ("Office for Europe and Central Asia").
TERRITORY_NAMES: frozenset[str] = frozenset(
    name.lower() for name in Locale("en").territories.values()
)
TERRITORIES: frozenset[str] = frozenset(name for name in TERRITORY_NAMES if " " not in name)

#: Every word or name of PLACES and TERRITORIES, for one lookup.
ANY_PLACE: frozenset[str] = PLACES | TERRITORIES
ANY_PLACE_NAME: frozenset[str] = PLACES | TERRITORY_NAMES
