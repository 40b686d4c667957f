"""Who to ask for help, in the household's country's words: one place for the names of services.

Twofold's advice is written in the words of its sources, which are mostly the NHS's (EVIDENCE.md): "your GP,
health visitor or midwife". A health visitor is a UK service, and "GP" is not what an American or Canadian
family says, so outside the UK the same advice names people every family has, without inventing a service.
These are names, not clinical facts: the advice itself never changes.
"""

from __future__ import annotations

# The UK phrases the texts use, longest first so a longer phrase is never half-replaced by a shorter one.
UK_PHRASES = (
    "your GP, health visitor or paediatrician",
    "your GP, health visitor or midwife",
    "your GP or health visitor",
    "your health visitor or midwife",
    "your health visitor or doctor",
)

# Countries where families call their family doctor a GP.
SAYS_GP = frozenset({"AU", "IE", "NZ"})

_SAYS_GP = {
    "your GP, health visitor or paediatrician": "your GP or your baby's doctor",
    "your GP, health visitor or midwife": "your GP, midwife or nurse",
    "your GP or health visitor": "your GP or nurse",
    "your health visitor or midwife": "your midwife, nurse or baby's doctor",
    "your health visitor or doctor": "your GP or nurse",
}
_ELSEWHERE = {
    "your GP, health visitor or paediatrician": "your doctor or your baby's doctor",
    "your GP, health visitor or midwife": "your doctor, midwife or nurse",
    "your GP or health visitor": "your doctor or nurse",
    "your health visitor or midwife": "your midwife, nurse or baby's doctor",
    "your health visitor or doctor": "your baby's doctor or nurse",
}


def in_local_words(text: str, country: str) -> str:
    """`text` with the UK's services named as a family in `country` would name them."""
    if country == "GB":
        return text
    words = _SAYS_GP if country in SAYS_GP else _ELSEWHERE
    for phrase in UK_PHRASES:
        text = text.replace(phrase, words[phrase])
        text = text.replace(phrase[0].upper() + phrase[1:], words[phrase][0].upper() + words[phrase][1:])
    return text
