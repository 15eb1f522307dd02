"""English words that tell what a capitalised phrase is not: a name, a person; or an event."""

from __future__ import annotations

from kg.lang.months import EN_MONTHS

#: Heads of a named event ("the 7th Steppe Forum"): an event is no organisation.
EVENT_HEADS: frozenset[str] = frozenset(
    {
        "forum", "forums", "conference", "congress", "summit", "games", "festival",
        "exhibition", "symposium", "olympiad", "expo", "kurultai", "biennale", "fair",
    }
)  # fmt: skip

#: Heads of a body's numbered meetings: "the 5th General Assembly of X" is an event; the
#: same heads unnumbered may name a body ("the UN General Assembly").
NUMBERED_EVENT_HEADS: frozenset[str] = frozenset({"assembly", "session", "plenary", "meeting"})

#: Ordinal words that number an event ("the tenth Steppe Forum").
ORDINALS: frozenset[str] = frozenset(
    {
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
        "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
        "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "annual", "inaugural",
    }
)  # fmt: skip

#: Words of capitalised phrases that name things, not people: goals, days, decrees,
#: programmes, places ("Sustainable Development Goals", "Human Rights Day").
NON_PERSON_WORDS: frozenset[str] = frozenset(
    {
        "goals", "goal", "day", "days", "week", "year", "games", "decree", "strategy",
        "programme", "program", "project", "campaign", "plan", "concept", "agenda", "code",
        "law", "act", "award", "prize", "garden", "nature", "focus", "activities", "rights",
        "states", "united", "nations", "oblast", "region", "district", "province", "city",
        "village", "street", "development", "government", "management", "environment",
        "human", "mother", "father", "world", "international", "national", "global",
        "cooperation", "memorandum", "agreement", "initiatives", "initiative", "civil",
        "society", "public", "state", "affairs", "look", "future", "vision",
        "policy", "reform", "reforms", "constitution", "budget", "report", "declaration",
        "charter", "treaty", "road", "map", "north", "south", "east", "west", "new",
        "old", "holy", "sustainable", "digital", "women", "children",
        "youth", "people", "online", "press", "photo", "source", "read", "more", "news",
        "exhibition", "forum", "conference", "summit", "congress", "festival", "olympiad",
        "palace", "centre", "center", "square", "museum", "order", "medal",
        "happy", "dear", "thank", "thanks", "welcome", "activity", "platform", "priority",
        "priorities", "areas", "fund", "resources", "education", "health", "culture",
        "research", "studies", "science", "sciences", "arts", "technology", "technologies",
        "physics", "economics", "economy", "energy", "water", "industry", "trade", "commerce",
        "finance", "defence", "defense", "justice", "labour", "labor", "protection",
        "information", "communications", "agriculture", "transport", "tourism", "sports",
        "sport", "ecology", "healthcare", "relations", "services", "security", "crime",
        "drugs", "medicine", "innovation", "innovations", "investment", "investments",
        # a byline without a name: "By Staff Writer", "News Desk"
        "staff", "writer", "writers", "desk", "newsroom",
    }
)  # fmt: skip

#: Endings of English abstract nouns and adjectives, which no personal name has.
NON_NAME_ENDINGS: tuple[str, ...] = (
    "tion", "sion", "ness", "ity", "ship", "ism", "ical", "ative", "ology", "ments",
    # and their plurals ("Academic Institutions play a role")
    "tions", "sions", "nesses", "ities", "ships", "isms", "ologies",
)  # fmt: skip

#: Groups of people that open a sentence ("Volunteers said ...") but end a body's name
#: after "of" ("Network of Volunteers"), so they start no name yet continue one.
PEOPLE_GROUPS: frozenset[str] = frozenset(
    {
        "members", "representatives", "participants", "students", "employees", "experts",
        "leaders", "residents", "volunteers", "delegates", "officials", "heads", "guests",
    }
)  # fmt: skip

#: Occupations written before a name without being part of it ("Journalist Assel Nurova");
#: not those that open names of bodies or honours ("First Teacher", "People's Artist").
OCCUPATIONS: frozenset[str] = frozenset(
    {
        "journalist", "activist", "lawyer", "blogger", "economist", "photographer",
        "correspondent", "reporter", "columnist", "filmmaker", "pensioner", "sociologist",
        "analyst", "historian", "entrepreneur", "businessman", "businesswoman",
    }
)  # fmt: skip

#: Capitalised words that never start a name (sentence openers, months, days).
NOT_NAMES: frozenset[str] = frozenset(
    {
        "a", "an", "the", "this", "that", "these", "those", "in", "on", "at", "as", "by",
        "during", "after", "before", "today", "yesterday", "he", "she", "it", "they", "we",
        "our", "your", "their", "his", "her", "i", "and", "but", "or", "if", "when", "while",
        "based", "photo", "credit", "also", "however", "meanwhile", "according", "earlier",
        "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "covid-19", "mr", "mrs", "ms", "dr",
        "between", "among", "with", "from", "for", "about", "within", "through", "under",
        "over", "into", "via", "amid", "despite", "following", "since", "until", "to", "of",
        # quantifiers: "Each party will bear its costs"
        "each", "every", "any", "all", "both", "either", "neither", "such", "another",
        "other", "some", "many", "most", "several",
        # sentence-opening adverbs: "Later Dauren Omarov said"
        "later", "now", "here", "there", "thus", "moreover", "furthermore", "finally",
        "additionally", "besides", "therefore", "nevertheless", "recently", "currently",
        "previously", "notably", "overall", "instead", "still", "yet", "so",
    }
    | frozenset(EN_MONTHS)
    | PEOPLE_GROUPS
    | OCCUPATIONS
)  # fmt: skip

#: Lower-case particles inside personal names: "Arthur van Diesen", "Ali bin Omar".
NAME_PARTICLES: frozenset[str] = frozenset(
    {"van", "von", "de", "der", "den", "da", "di", "du", "al", "el", "bin", "ibn", "dos", "das"}
)

#: Two-letter initials of transliterated names: "K. Zh. Nurov", "Sh. Tulegenov".
DIGRAPH_INITIALS: frozenset[str] = frozenset({"Zh", "Sh", "Ch", "Kh", "Ts", "Yu", "Ya", "Ye", "Yo"})
