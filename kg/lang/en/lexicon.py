"""English words that signal positions, organisations and agreements (lower-case)."""

from __future__ import annotations

from kg.model import OrgClass

#: Titles of positions; multi-word titles are matched longest first.
POSITIONS: frozenset[str] = frozenset(
    {
        "ambassador",
        "chair",
        "chairman",
        "chairperson",
        "chairwoman",
        "ceo",
        "co-chair",
        "co-founder",
        "coordinator",
        "deputy",
        "director",
        "executive director",
        "first deputy",
        "founder",
        "general director",
        "head",
        "leader",
        "manager",
        "member",
        "minister",
        "president",
        "rector",
        "representative",
        "secretary",
        "vice president",
        "vice-president",
        "deputy minister",
        "deputy chairman",
        "deputy head",
        "managing director",
        "country director",
        "mayor",
        "governor",
        "akim",
        "deputy akim",
        "ombudsman",
        "spokesperson",
        "spokesman",
        "editor",
        "editor-in-chief",
        "chief executive",
        "professor",
        "trustee",
        "board member",
        "chief",
        "secretary general",
        "secretary-general",
        "general secretary",
    }
)

#: Bodies inside a title: "Chairman of the Board".
POSITION_BODIES: frozenset[str] = frozenset({"board", "trustees", "directors", "governors"})

#: Words of a title that may precede it: "Kazakh President", "Acting Head".
TITLE_PREFIXES: frozenset[str] = frozenset({"acting", "former", "first", "then"})

#: Organisation head nouns and the class each suggests.
ORG_HEADS: dict[str, OrgClass] = {
    "academy": OrgClass.EDUCATION,
    "administration": OrgClass.GOVERNMENT,
    "agency": OrgClass.GOVERNMENT,
    "akimat": OrgClass.GOVERNMENT,
    "alliance": OrgClass.NGO,
    "assembly": OrgClass.NGO,
    "association": OrgClass.NGO,
    "bank": OrgClass.COMPANY,
    "center": OrgClass.NGO,
    "centre": OrgClass.NGO,
    "chamber": OrgClass.NGO,
    "coalition": OrgClass.NGO,
    "college": OrgClass.EDUCATION,
    "commission": OrgClass.GOVERNMENT,
    "committee": OrgClass.GOVERNMENT,
    "company": OrgClass.COMPANY,
    "corporation": OrgClass.COMPANY,
    "council": OrgClass.NGO,
    "embassy": OrgClass.GOVERNMENT,
    "federation": OrgClass.NGO,
    "forum": OrgClass.NGO,
    "foundation": OrgClass.NGO,
    "fund": OrgClass.NGO,
    "government": OrgClass.GOVERNMENT,
    "initiative": OrgClass.NGO,
    "trust": OrgClass.NGO,
    "platform": OrgClass.NGO,
    "consortium": OrgClass.NGO,
    "bureau": OrgClass.GOVERNMENT,
    "mission": OrgClass.INTERNATIONAL,
    "club": OrgClass.NGO,
    "service": OrgClass.GOVERNMENT,
    "news": OrgClass.MEDIA,
    "jsc": OrgClass.COMPANY,
    "njsc": OrgClass.COMPANY,
    "llp": OrgClass.COMPANY,
    "llc": OrgClass.COMPANY,
    "ltd": OrgClass.COMPANY,
    "inc": OrgClass.COMPANY,
    "plc": OrgClass.COMPANY,
    "group": OrgClass.COMPANY,
    "institute": OrgClass.EDUCATION,
    "league": OrgClass.NGO,
    "ministry": OrgClass.GOVERNMENT,
    "movement": OrgClass.NGO,
    "network": OrgClass.NGO,
    "office": OrgClass.GOVERNMENT,
    "organization": OrgClass.NGO,
    "organisation": OrgClass.NGO,
    "parliament": OrgClass.GOVERNMENT,
    "party": OrgClass.NGO,
    "programme": OrgClass.INTERNATIONAL,
    "program": OrgClass.INTERNATIONAL,
    "society": OrgClass.NGO,
    "union": OrgClass.NGO,
    "university": OrgClass.EDUCATION,
}

#: Lower-case heads that make a preceding (quoted) name an organisation: "'X' party".
LOWER_HEADS: frozenset[str] = frozenset(
    {
        "party",
        "movement",
        "union",
        "fund",
        "foundation",
        "company",
        "association",
        "alliance",
        "service",
        "initiative",
    }
)

#: Capitalised words that head places and buildings, not actors.
PLACE_HEADS: frozenset[str] = frozenset(
    {"alley", "avenue", "hall", "museum", "palace", "park", "square", "street", "monument"}
)

#: Capitalised words that never start a name (sentence openers, months, days).
NOT_NAMES: frozenset[str] = frozenset(
    {
        "a", "an", "the", "this", "that", "these", "those", "in", "on", "at", "as", "by",
        "during", "after", "before", "today", "yesterday", "he", "she", "it", "they", "we",
        "our", "your", "their", "his", "her", "i", "and", "but", "or", "if", "when", "while",
        "based", "photo", "credit", "also", "however", "meanwhile", "according", "earlier",
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "covid-19", "mr", "mrs", "ms", "dr",
    }
)  # fmt: skip

#: Country and demonym words: they qualify a title ("Kazakh President") or end an
#: organisation name ("... of Kazakhstan"), but never start a person's name.
PLACES: frozenset[str] = frozenset(
    {
        "kazakh", "kazakhstan", "kazakhstani", "azerbaijan", "azerbaijani", "kyrgyz",
        "kyrgyzstan", "uzbek", "uzbekistan", "tajik", "tajikistan", "turkmen",
        "turkmenistan", "russia", "russian", "china", "chinese", "american", "european",
        "british", "german", "almaty", "astana", "nur-sultan", "shymkent", "baku",
        "bishkek", "tashkent", "moscow", "republic", "nation", "asia", "central",
    }
)  # fmt: skip

#: Agreement nouns (lower-case) and whether each is a memorandum.
AGREEMENT_WORDS: dict[str, bool] = {
    "memorandum": True,
    "mou": True,
    "agreement": False,
    "accord": False,
    "treaty": False,
    "contract": False,
}

#: Verbs that say an agreement was signed.
SIGNING: frozenset[str] = frozenset(
    {"sign", "signed", "signs", "signing", "inked", "ink", "inks", "concluded", "conclude"}
)

#: Words after which a capitalised run names a source, not an agreement party.
ATTRIBUTION: frozenset[str] = frozenset({"reported", "reports", "according", "said", "told"})

#: Acronyms of international bodies that news uses without spelling them out.
KNOWN_ACRONYMS: frozenset[str] = frozenset(
    {"UN", "UNICEF", "UNDP", "UNESCO", "UNHCR", "OSCE", "USAID", "OECD", "NATO", "IMF", "EU"}
)
