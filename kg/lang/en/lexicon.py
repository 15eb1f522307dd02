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
        "consultant",
        "deputy",
        "director",
        "executive director",
        "first deputy",
        "founder",
        "general director",
        "head",
        "leader",
        "lecturer",
        "manager",
        "member",
        "minister",
        "president",
        "researcher",
        "volunteer",
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
        "associate professor",
        "assistant professor",
        "senior lecturer",
        "dean",
        "vice dean",
        "vice-dean",
        "provost",
        "chancellor",
        "chief physician",
        "analyst",
        "communications analyst",
        "communications officer",
        "communications specialist",
        "trustee",
        "board member",
        "chief",
        "secretary general",
        "secretary-general",
        "general secretary",
        "resident representative",
        "country representative",
        "special representative",
        "permanent representative",
        "adviser",
        "advisor",
        "assistant",
        "speaker",
        "deputy speaker",
        "chargé d’affaires",
        "chargé d'affaires",
        "charge d’affaires",
        "charge d'affaires",
        "deputy director",
        "deputy chair",
        "vice chairman",
        "vice-chairman",
        "vice chair",
        "vice-chair",
        "vice rector",
        "vice-rector",
        "executive secretary",
        "press secretary",
        "commissioner",
        "envoy",
        "program manager",
        "programme manager",
        "project manager",
        "project coordinator",
        "officer",
        "senator",
        "members",
        "board members",
        "co-chairs",
        "co-founders",
        "founders",
        "trustees",
        "prime minister",
        "deputy prime minister",
        "chief of staff",
        "counselor",
        "counsellor",
        "state counselor",
        "state counsellor",
        # titles of international bodies and parliaments
        "resident coordinator",
        "regional director",
        "regional coordinator",
        "country manager",
        "programme officer",
        "program officer",
        "programme coordinator",
        "program coordinator",
        "head of office",
        "chief of party",
        "goodwill ambassador",
        "high commissioner",
        "special rapporteur",
        "mp",
        # government titles written without the ministry ("Vice Minister X")
        "vice minister",
        "vice-minister",
        "first vice minister",
        "first vice-minister",
        "first deputy minister",
        "first deputy prime minister",
        "vice premier",
        "deputy mayor",
        "deputy governor",
        "first deputy akim",
        "director general",
        "director-general",
        "deputy director general",
        "deputy director-general",
        "chief executive officer",
        "vice-chairperson",
        "deputy chairperson",
        "spokeswoman",
        "press officer",
        # occupations held at a body: "a lawyer with the Legal Aid Centre"
        "lawyer",
        "psychologist",
        "journalist",
        "economist",
        "teacher",
        "doctor",
        "head of mission",
        "deputy head of mission",
        "national coordinator",
        "country coordinator",
        "programme specialist",
        "program specialist",
    }
)

#: Plural titles before a list of people, and the role each person holds.
SINGULAR_TITLES: dict[str, str] = {
    "members": "member",
    "board members": "board member",
    "co-chairs": "co-chair",
    "co-founders": "co-founder",
    "founders": "founder",
    "trustees": "trustee",
    "representatives": "representative",
}

#: Verbs that give a position: "X, who heads the Y Foundation".
HEADING_VERBS: dict[str, str] = {
    "heads": "head",
    "headed": "head",
    "leads": "leader",
    "led": "leader",
    "chairs": "chair",
    "chaired": "chair",
    "directs": "director",
    "founded": "founder",
    "co-founded": "co-founder",
    "runs": "head",
}

#: Titles that serve another title: "Adviser to the Speaker", "Assistant to the President".
SERVING_TITLES: frozenset[str] = frozenset(
    {"adviser", "advisor", "assistant", "aide", "counsellor", "counselor", "secretary"}
)

#: Fields of "X Minister" whose ministry is named otherwise: "Foreign Minister".
MINISTRY_FIELDS: dict[str, str] = {"foreign": "Foreign Affairs", "interior": "Internal Affairs"}

#: Words before "Minister" that name no ministry: "Prime Minister".
NOT_MINISTRIES: frozenset[str] = frozenset({"prime", "deputy", "vice", "chief", "former", "ex-"})

#: Kinds of board inside a title: "Chairman of the Management Board".
BOARD_KINDS: frozenset[str] = frozenset(
    {"management", "supervisory", "executive", "editorial", "governing", "advisory"}
)

#: Bodies inside a title: "Chairman of the Board".
POSITION_BODIES: frozenset[str] = frozenset({"board", "trustees", "directors", "governors"})

#: Words of a title that may precede it: "Kazakh President", "Acting Head".
TITLE_PREFIXES: frozenset[str] = frozenset({"acting", "former", "ex-", "first", "then"})

#: Capitalised words that open a title rather than name its body ("Senior Advisor",
#: "Honorary Consul"): never a one-word body before a title.
TITLE_MODIFIERS: frozenset[str] = (
    TITLE_PREFIXES
    | NOT_MINISTRIES
    | frozenset({"senior", "honorary", "interim", "executive", "general", "assistant", "associate"})
)

#: Prefixes of a title that are part of the role ("first deputy minister").
RANKS: frozenset[str] = frozenset({"first", "acting"})

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
    "foundation": OrgClass.NGO,
    "foundations": OrgClass.NGO,
    "international": OrgClass.NGO,
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
    "confederation": OrgClass.NGO,
    "court": OrgClass.GOVERNMENT,
    "maslikhat": OrgClass.GOVERNMENT,
    "secretariat": OrgClass.GOVERNMENT,
    "school": OrgClass.EDUCATION,
    "lyceum": OrgClass.EDUCATION,
    "hospital": OrgClass.NGO,
    "senate": OrgClass.GOVERNMENT,
    "mazhilis": OrgClass.GOVERNMENT,
    "majilis": OrgClass.GOVERNMENT,
    "delegation": OrgClass.INTERNATIONAL,
    "representation": OrgClass.INTERNATIONAL,
    "consulate": OrgClass.GOVERNMENT,
    "stiftung": OrgClass.NGO,
    "e.v.": OrgClass.NGO,
    "ao": OrgClass.COMPANY,
    "ojsc": OrgClass.COMPANY,
    "cjsc": OrgClass.COMPANY,
    "gmbh": OrgClass.COMPANY,
    # kinds of body common in civil-society news that the first list lacked
    "partnership": OrgClass.NGO,
    "cooperative": OrgClass.COMPANY,
    "charity": OrgClass.NGO,
    "house": OrgClass.NGO,  # "Freedom House", "Friendship House"; "at the X House": a venue
    "watch": OrgClass.NGO,  # "Human Rights Watch"
    "hub": OrgClass.NGO,  # "Astana Civic Hub"
    "museum": OrgClass.EDUCATION,
    "library": OrgClass.EDUCATION,
    "theatre": OrgClass.NGO,
    "theater": OrgClass.NGO,
    "authority": OrgClass.GOVERNMENT,
    "inspectorate": OrgClass.GOVERNMENT,
    "ombudsman": OrgClass.GOVERNMENT,
    "gymnasium": OrgClass.EDUCATION,
    "clinic": OrgClass.NGO,
    "observatory": OrgClass.NGO,
    "tribunal": OrgClass.GOVERNMENT,
    "conservatory": OrgClass.EDUCATION,
}

#: Heads that name one body on their own ("the Senate"), unlike "the Foundation".
SINGLE_BODIES: frozenset[str] = frozenset({"senate", "parliament", "mazhilis", "majilis"})

#: Words before a head that make a concept of it: "civil society" is no society.
CONCEPT_MODIFIERS: dict[str, frozenset[str]] = {
    "society": frozenset({"civil", "information", "open"}),
}

#: Words that make a programme a body ("UN Development Programme"), not a document.
BODY_WORDS: frozenset[str] = frozenset({"nations", "world", "un"})

#: Words that make a bank an international body ("Eurasian Development Bank", "World
#: Bank"), not a company; "Development Bank of Kazakhstan" is a country's own.
INTERNATIONAL_BANK_WORDS: frozenset[str] = frozenset(
    {"world", "asian", "eurasian", "european", "islamic", "reconstruction", "multilateral"}
)

#: Legal forms that close a company's name ("Steppe Oil AO"): nothing follows them.
LEGAL_FORMS: frozenset[str] = frozenset(
    {"ao", "jsc", "njsc", "ojsc", "cjsc", "llp", "llc", "ltd", "inc", "plc", "gmbh", "e.v."}
)

#: Internal units of a body, which go into a person's role: "Department of X of the Y".
INTERNAL_UNITS: frozenset[str] = frozenset(
    {"department", "faculty", "division", "sector", "unit", "laboratory", "directorate"}
)

#: Heads of parent bodies that a unit's name spells out ("... of the Ministry of X").
PARENT_HEADS: frozenset[str] = frozenset(
    {
        "ministry", "parliament", "senate", "mazhilis", "majilis", "government", "akimat",
        "administration", "agency", "committee", "university", "academy", "embassy",
        "party", "foundation", "fund", "council", "commission", "assembly", "union",
    }
)  # fmt: skip

#: Heads of a body's branch abroad, which keeps its country: "Embassy in Kazakhstan".
OFFICE_HEADS: frozenset[str] = frozenset(
    {"office", "embassy", "mission", "representation", "delegation", "consulate", "branch"}
)

#: Generic words that may stand before a head when the proper name follows it:
#: "Public Association Bright Steppe", "National Movement ‘Unity’".
GENERIC_ORG_WORDS: frozenset[str] = frozenset(
    {
        "public", "national", "international", "republican", "charitable", "charity",
        "non-governmental", "non-profit", "nonprofit", "youth", "regional", "city", "state",
        "private", "social", "volunteer", "independent", "scientific", "educational",
        "cultural", "ethnocultural", "women’s", "women's", "civil", "voluntary",
    }
)  # fmt: skip

#: Words that describe a body after its name ("X, a local environmental NGO,"), beside
#: the generic ones above and "Shymkent-based".
DESCRIBING_WORDS: frozenset[str] = frozenset(
    {
        "local", "small", "leading", "well-known", "grassroots", "major", "large", "new",
        "young", "prominent", "environmental", "human", "rights", "media", "non-commercial",
        "community-based", "women-led", "youth-led", "research", "advocacy", "rural",
    }
)  # fmt: skip

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
        "agency",
        "newspaper",
        "portal",
        "magazine",
        "channel",
        "website",
    }
)

#: Acronyms of a kind of body that name it right after: "the NGO Korgau".
NGO_ACRONYMS: frozenset[str] = frozenset({"NGO", "NPO", "CSO", "INGO"})

#: Lower-case kinds of media outlet that name it right after: "the news agency Kazinform".
MEDIA_TYPES: frozenset[str] = frozenset(
    {"agency", "newspaper", "portal", "magazine", "channel", "website"}
)

#: Lower-case (or acronym) words that type a quoted name: "the NGO “Bright Future”".
TYPE_WORDS: frozenset[str] = LOWER_HEADS | frozenset(
    {
        "ngo", "organization", "organisation", "charity", "agency", "center", "centre",
        "institute", "club", "network", "society", "corporation", "holding", "firm",
        "bank", "school", "university", "college", "newspaper", "magazine", "portal",
        "channel", "publication", "outlet", "cooperative", "community", "council",
    }
)  # fmt: skip

#: Words for a kind of place, which a title may carry without naming the place ("the
#: regional akim", "the city akim").
PLACE_NOUNS: frozenset[str] = frozenset(
    {"city", "district", "oblast", "province", "region", "regional", "town", "village"}
)

#: Lower-case bodies of a place: "the United States government", "the city akimat".
GOVERNMENT_WORDS: frozenset[str] = frozenset({"government", "akimat", "maslikhat"})

#: Agreement nouns (lower-case) and whether each is a memorandum.
AGREEMENT_WORDS: dict[str, bool] = {
    "memorandum": True,
    "memoranda": True,
    "memorandums": True,
    "mou": True,
    "mous": True,
    "agreements": False,
    "contracts": False,
    "agreement": False,
    "accord": False,
    "treaty": False,
    "contract": False,
    "roadmap": False,  # the conventions count a signed road map as an agreement
    "roadmaps": False,
    "deal": False,  # "inked a deal"
}

#: Verbs that say an agreement was signed.
SIGNING: frozenset[str] = frozenset(
    {
        "sign",
        "signed",
        "signs",
        "signing",
        "inked",
        "ink",
        "inks",
        "concluded",
        "conclude",
        "entered",  # "has entered into a partnership agreement with"
    }
)

#: Verbs before "to sign" that make the signing only agreed or planned ("agreed to sign").
INTENT_VERBS: frozenset[str] = frozenset(
    {
        "agreed", "agree", "plan", "plans", "planned", "intend", "intends", "expected",
        "set", "due", "going", "hope", "hopes", "seek", "seeks",
    }
)  # fmt: skip

#: Words right before a signing verb that put the signing in the future ("will sign").
FUTURE_MARKERS: frozenset[str] = frozenset({"will", "shall", "would"})

#: Verbs that Title Case headlines capitalise after a name: "Steppe Fund Hosts Forum".
HEADLINE_VERBS: frozenset[str] = frozenset(
    {
        "launches", "opens", "holds", "hosts", "meets", "discusses", "visits", "says",
        "calls", "awards", "celebrates", "announces", "presents", "supports", "joins",
        "receives", "wins", "becomes", "marks", "begins", "starts", "adopts", "approves",
        "unveils", "plans", "agree", "agrees", "expand", "expands", "strengthen",
        "strengthens", "discuss", "launch", "hold", "host", "meet", "sign", "signs",
    }
)  # fmt: skip

#: Words after which a capitalised run names a source, not an agreement party.
ATTRIBUTION: frozenset[str] = frozenset({"reported", "reports", "according", "said", "told"})

#: Last words of a document's title: a body's head inside such a title names no body
#: ("Enhanced Partnership and Cooperation Agreement", "Country Partnership Framework").
DOCUMENT_HEADS: frozenset[str] = frozenset(
    {
        "agreement", "framework", "memorandum", "strategy", "plan", "roadmap", "treaty",
        "declaration", "concept", "charter", "accord", "protocol", "act", "law", "code",
        "decree", "resolution",
    }
)  # fmt: skip

#: Verbs of a byline: ", Steppe Daily reports."
REPORTING: frozenset[str] = frozenset({"reports", "reported", "writes", "wrote", "informs"})

#: Acronyms of international bodies that news uses without spelling them out.
#: Spelt-out names of the international bodies best known by acronym: "European Union
#: Delegation to X" and "EU Delegation to X" are one body, an international one.
SPELT_ACRONYMS: dict[str, str] = {"european union": "eu", "united nations": "un"}

KNOWN_ACRONYMS: frozenset[str] = frozenset(
    {"UN", "UNICEF", "UNDP", "UNESCO", "UNHCR", "OSCE", "USAID", "OECD", "NATO", "IMF", "EU"}
)
