"""The closed classes of words the intake reader judges a phrase by: who a word names, what negates, what ends
a clause or a sentence, what is hearsay, and what may stand between a negation and a safety phrase.

Plain data, kept apart from reader.py's rules so that each can be read (and grown) on its own.
"""

from __future__ import annotations

from enum import StrEnum


class Person(StrEnum):
    SELF = "self"
    PARTNER = "partner"
    BABY = "baby"
    OTHER = "other"
    UNSURE = "unsure"  # a pronoun with nobody named before it


SELF_WORDS = frozenset({"i", "im", "ive", "id", "ill", "my", "myself", "mine"})
PARTNER_WORDS = frozenset({"husband", "wife", "partner", "boyfriend", "girlfriend", "half"})
BABY_WORDS = frozenset(
    {"baby", "babys", "babies", "son", "daughter", "twins", "child", "kid", "boy", "girl", "one", "old"}
    | {"grandson", "granddaughter", "grandchild", "grandbaby"}
)
# A grandparent writing: "my grandson" or "grandma here". Then "my son" or "my daughter" is a parent.
GRANDCHILD_WORDS = frozenset({"grandson", "granddaughter", "grandchild", "grandbaby", "grandchildren"})
GRANDPARENT_WORDS = frozenset(
    {"grandma", "grandmother", "granny", "nan", "nana", "nanny", "grandad", "grandpa", "grandfather"}
)
GROWN_CHILD_WORDS = frozenset({"son", "daughter"})
PARENT_NAMES = frozenset(
    {"mum", "mums", "dad", "dads", "mummy", "daddy", "mother", "mothers", "father", "fathers", "mummys"}
)
OTHER_WORDS = frozenset(
    [
        "grandparents",
        "grandmother",
        "grandmothers",
        "grandma",
        "grandmas",
        "granny",
        "nan",
        "nana",
        "nans",
        "nanny",
        "grandad",
        "grandpa",
        "grandfather",
        "inlaws",
        "laws",
        "mil",
        "fil",
        "sister",
        "brother",
        "sisters",
        "brothers",
        "aunt",
        "auntie",
        "uncle",
        "cousin",
        "friend",
        "friends",
        "family",
        "doctor",
        "gp",
        "visitor",
        "hv",
        "midwife",
        "nurse",
        "therapist",
        "counsellor",
        "colleague",
        "colleagues",
        "boss",
        "people",
        "everyone",
        "everybody",
        "neighbour",
        "neighbours",
    ]
)
PRONOUNS = frozenset({"he", "she", "hes", "shes", "his", "him", "her", "they", "them", "their", "theyre"})
THIRD_PERSON = frozenset(
    {
        "he",
        "she",
        "they",
        "him",
        "her",
        "them",
        "his",
        "their",
        "himself",
        "herself",
        "themselves",
        "hes",
        "shes",
        "theyre",
    }
)
POSSESSIVES = frozenset({"my", "our", "his", "her", "their"})
OBJECT_ONLY = frozenset({"me", "him", "her", "them", "myself"})

NEGATIONS = frozenset(
    [
        "not",
        "no",
        "never",
        "nothing",
        "nor",
        "neither",
        "without",
        "hardly",
        "dont",
        "doesnt",
        "didnt",
        "isnt",
        "arent",
        "wasnt",
        "werent",
        "havent",
        "hasnt",
        "hadnt",
        "wont",
        "wouldnt",
        "cant",
        "cannot",
        "couldnt",
        "shouldnt",
        "aint",
        "nobody",
        "noone",
        "none",
    ]
)
DOUBT_AFTER = frozenset({"sure", "know", "certain", "only", "just", "even"})
CLAUSE_ENDS = frozenset(
    {
        ",",
        ".",
        "!",
        "?",
        ";",
        ":",
        "\n",
        "(",
        ")",
        '"',
        "“",
        "”",
        "but",
        "though",
        "although",
        "however",
        "just",
        "except",
        "yet",
        "whereas",
    }
)
SENTENCE_ENDS = frozenset({".", "!", "?", "\n"})
HEARSAY = frozenset(
    {
        "says",
        "said",
        "thinks",
        "thought",
        "reckons",
        "told",
        "tells",
        "telling",
        "suggested",
        "suggests",
        "insists",
        "claims",
        "keeps",
    }
)
# Between a negation and a safety phrase, only these may stand for the negation to be plain.
PLAIN_FILLERS = frozenset(
    {
        "would",
        "could",
        "will",
        "ever",
        "really",
        "am",
        "im",
        "i",
        "d",
        "ll",
        "even",
        "actually",
        "be",
        "feel",
        "feeling",
        "that",
        "ve",
        "at",
        "all",
        "and",
    }
)
BABY_CUES = frozenset(
    {
        "cry",
        "cries",
        "crying",
        "cried",
        "scream",
        "screams",
        "screaming",
        "feed",
        "feeding",
        "nappy",
        "nappies",
        "bottle",
        "cot",
        "pram",
        "settle",
        "baby",
        "son",
        "daughter",
    }
)
NEGATION_WINDOW = 4
