"""What Twofold says back: one line per situation in its own voice, the guidance for safety and for hard
feelings about the baby, and up to three next steps, each a page of Twofold with a one-line why from
shared/product/EVIDENCE.md, naming its sources as a parent can look them up (the section in a comment
beside each). Plain data and functions; the page, API and CLI share them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from twofold.intake.closed_words import Person
from twofold.intake.reader import Heard

NOT_AN_ASSESSMENT = (
    "This is a reading of your words by simple rules on this server, not an assessment or a diagnosis. "
    "It can miss things and get things wrong; you know your situation best."
)

# Said about the writer ("you") or the other parent ("your partner"); one line where the two are the same.
LINES: dict[str, tuple[str, str]] = {
    "self_harm_risk": (
        "You wrote about not wanting to be here, or about harming yourself. That matters, and you "
        "deserve help today.",
        "You wrote about your partner not wanting to be here, or harming themselves. That matters, and "
        "they deserve help today.",
    ),
    "harm_to_baby_risk": (
        "You wrote about feeling you could hurt the baby. Saying it is a brave first step; the card below "
        "is for the moments it gets too much.",
        "You wrote about your partner and harm to the baby. The card below is for the moments it gets too "
        "much, and the lines below are there for you both.",
    ),
    "negative_about_baby": (
        "It sounds like some of your feelings about the baby are very hard right now.",
        "It sounds like your partner has said very hard things about the baby.",
    ),
    "uneven_load": (
        "It sounds like you are doing nearly all of the care, including the nights.",
        "It sounds like you are doing nearly all of the care, including the nights.",
    ),
    "sleep_deprivation": (
        "It sounds like you are running on very little sleep.",
        "It sounds like your partner is running on very little sleep.",
    ),
    "partner_withdrawn": (
        "It sounds like your partner has stepped back from the baby.",
        "It sounds like your partner has stepped back from the baby.",
    ),
    "bonding_difficulty": (
        "It sounds like the bond with the baby is not coming easily for you yet.",
        "It sounds like the bond between your partner and the baby is not coming easily yet.",
    ),
    "infant_crying": (
        "It sounds like the baby is crying a lot, and it is wearing you down.",
        "It sounds like the baby is crying a lot.",
    ),
    "feeding_difficulty": (
        "It sounds like feeding is a struggle.",
        "It sounds like feeding is a struggle.",
    ),
    "parent_low_mood": (
        "It sounds like your mood has been low.",
        "It sounds like your partner's mood has been low.",
    ),
    "parent_anxiety": (
        "It sounds like worry is taking up a lot of room.",
        "It sounds like your partner is carrying a lot of worry.",
    ),
    "not_improving_on_treatment": (
        "It sounds like the treatment is not helping enough yet.",
        "It sounds like your partner's treatment is not helping enough yet.",
    ),
    "relationship_strain": (
        "It sounds like things between the two of you are strained.",
        "It sounds like things between the two of you are strained.",
    ),
    "partner_left": (
        "It sounds like your partner is not living with you and the baby now.",
        "It sounds like your partner is not living with you and the baby now.",
    ),
    "unreliable_help": (
        "It sounds like help that was promised has not come.",
        "It sounds like help that was promised has not come.",
    ),
    "lone_parenting": (
        "It sounds like you are parenting on your own much of the time.",
        "It sounds like you are parenting on your own much of the time.",
    ),
    "long_work_hours": (
        "It sounds like long working hours are shaping your days.",
        "It sounds like your partner's long working hours are shaping your days.",
    ),
    "physical_recovery": (
        "It sounds like your body is still recovering from the birth.",
        "It sounds like your partner's body is still recovering from the birth.",
    ),
    "gender_disappointment": (
        "It sounds like you had hoped for a baby of the other sex, and that is hard to say out loud.",
        "It sounds like your partner had hoped for a baby of the other sex.",
    ),
    "things_improving": (
        "It sounds like some things are getting better.",
        "It sounds like some things are getting better.",
    ),
}

# Parent-facing texts below name their sources as EVIDENCE.md does; trailing comments keep its sections.
# For hard words about the baby: said plainly, without alarm, each claim with the section that holds it.
# §2.4: how common unwanted thoughts are (53.9 % of 763 birthing parents, intentional harm), that they are
# not linked with harm, that they are worst in the first 8 weeks and mostly gone by 6 months, and that low
# mood and anxiety go with poorer bonding. §5.2: the only trial evidence that help lowers both partners'
# depression symptoms (Shapiro & Gottman 2005, a two-day workshop); §2.4 itself holds no treatment finding.
HARD_FEELINGS = (
    "Hard feelings and unwanted thoughts about a baby are more common than people say: in one study more "
    "than half of parents who gave birth had unwanted thoughts of harming their baby on purpose, such "
    "thoughts were not linked with harming the baby, and they were worst in the first eight weeks and mostly "
    "gone by six months (Collardeau et al., 2024; Fairbrother and Woody, 2008). "  # EVIDENCE.md §2.4
    "A parent's low mood and worry go with a harder bond "
    "(Condon et al., 2013; J Reprod Infant Psychol, 2023), "  # EVIDENCE.md §2.4
    "and low mood can get better with help: in one trial, a two-day workshop for new parents lowered "
    "depression symptoms in both partners (Shapiro and Gottman, 2005). "  # EVIDENCE.md §5.2
    "Please talk to a health professional soon, this week if you can: your GP, health visitor or midwife."
)
# Shown when safety words were written but set aside (a plain negation, or about someone else).
GENTLE_SAFETY = (
    "You mentioned something about safety. If it is ever about you or your baby, these lines are here, any "
    "time."
)
INTAKE_SAFETY_MESSAGE = (
    "What you wrote includes words about ending your life, harming yourself or harming the baby. Please "
    "talk to someone today: your GP, health visitor or midwife, or one of the lines below. If you might act "
    "on these thoughts, or anyone is in danger now, call the emergency number."
)


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    url_name: str
    url_args: tuple[str, ...]
    why: str
    method: str = "get"  # "post" for a step that starts something (a questionnaire), as its own page does


STEPS: dict[str, Step] = {
    "us_week": Step(
        "us_week",
        "Log who does what for a week, then read Us together",
        "home:us",
        (),
        "Each partner overestimates their own share; a week of the log beside your own estimate shows what "
        "surveys hide (Ross and Sicoly, 1979; Yavorsky et al., 2015).",  # EVIDENCE.md §5.3
    ),
    "night_plan": Step(
        "night_plan",
        "Make tonight's night plan",
        "nights:home",
        (),
        "Broken sleep, more than short sleep, wears parents down, and more night care by the other parent "
        "went with better sleep for parent and baby "
        "(Insana et al., 2013; Tikotzky et al., 2015; sensible, not proven).",  # EVIDENCE.md §4.4, §4.5
    ),
    "mood_check": Step(
        "mood_check",
        "Take the two-minute check on mood",
        "wellbeing:take",
        ("phq2",),
        "A short screen, not a diagnosis: a score of 3 or more leads on to the longer questionnaire "
        "(Kroenke et al., 2003).",  # EVIDENCE.md §1.4
        "post",
    ),
    "worry_check": Step(
        "worry_check",
        "Take the two-minute check on worry",
        "wellbeing:take",
        ("gad2",),
        "A short screen, not a diagnosis: a score of 3 or more leads on to the longer questionnaire "
        "(Kroenke, 2007).",  # EVIDENCE.md §1.5
        "post",
    ),
    "prescriber": Step(
        "prescriber",
        "Talk to the prescriber or GP this week; take the closer look at mood to bring with you",
        "wellbeing:take",
        ("phq9",),
        "A PHQ-9 of 10 or more is worth talking to your GP or health visitor soon "
        "(Kroenke et al., 2001).",  # EVIDENCE.md, Decisions, §1.4
        "post",
    ),
    "bonding_plan": Step(
        "bonding_plan",
        "Start a bonding plan for the parent who is less close to the baby",
        "bonding:home",
        (),
        "Skin-to-skin with a father calmed term babies (Kuo et al., 2021), and father-led massage lowered "
        "fathers' stress (Cheng et al., 2011). "  # EVIDENCE.md §5.1
        "If the baby fusses more with the less familiar parent, it is not a verdict: "
        "nobody has measured settling by caregiver.",  # EVIDENCE.md §5.1 (no study: nothing to name)
    ),
    "checkin": Step(
        "checkin",
        "Do this week's check-in",
        "checkins:home",
        (),
        "Unfairness as each of you feels it, more than the raw split, predicts unhappiness; saying it "
        "privately first, then side by side, targets that "
        "(Dew and Wilcox, 2011; Schieman et al., 2018).",  # EVIDENCE.md §5.3
    ),
    "circle": Step(
        "circle",
        "Ask your circle to take a night",
        "circle:ask",
        (),
        "Broken nights are what wear parents down most (Insana et al., 2013); "  # EVIDENCE.md §4.4
        "a helper can log and cover care.",
    ),
    "red_flags": Step(
        "red_flags",
        "Read the signs that a crying baby needs a doctor",
        "bonding:red_flags",
        (),
        "Most crying is normal and falls with age, but some signs need help the same day "
        "(Wolke et al., 2017; Alder Hey, Kingston Hospital and NHS Wales).",  # EVIDENCE.md §3.1, §3.4
    ),
}

# For each situation, the steps that help most, best first.
STEPS_FOR: dict[str, tuple[str, ...]] = {
    "negative_about_baby": ("bonding_plan", "mood_check"),
    "uneven_load": ("us_week", "night_plan", "checkin"),
    "sleep_deprivation": ("night_plan", "circle"),
    "partner_withdrawn": ("bonding_plan", "checkin"),
    "bonding_difficulty": ("bonding_plan", "mood_check"),
    "infant_crying": ("red_flags", "bonding_plan"),
    "feeding_difficulty": ("red_flags",),
    "parent_low_mood": ("mood_check",),
    "parent_anxiety": ("worry_check",),
    "not_improving_on_treatment": ("prescriber",),
    "relationship_strain": ("checkin", "us_week"),
    "partner_left": ("circle", "mood_check"),
    "unreliable_help": ("circle",),
    "lone_parenting": ("circle", "night_plan"),
    "long_work_hours": ("night_plan", "checkin"),
    "physical_recovery": ("night_plan",),
    "gender_disappointment": ("bonding_plan", "mood_check"),
    "self_harm_risk": ("mood_check",),
    "harm_to_baby_risk": ("mood_check",),
}
MAX_STEPS = 3


def line_for(heard: Heard) -> str:
    you, partner = LINES[heard.key]
    return partner if heard.about == Person.PARTNER else you


def steps_for(keys: Sequence[str]) -> list[Step]:
    """Up to three steps: each situation's steps weigh by their place, situations by theirs (safety
    first, as lexicon.SITUATIONS orders them); ties keep the first seen."""
    weight: dict[str, float] = {}
    for n, key in enumerate(keys):
        for place, step in enumerate(STEPS_FOR.get(key, ())):
            weight[step] = weight.get(step, 0.0) + (3 - place) / (1 + n * 0.1)
    ranked = sorted(weight, key=lambda s: -weight[s])
    return [STEPS[s] for s in ranked[:MAX_STEPS]]


# ---- Sharing a summary with the other parent(s) ----
SHARE_WHAT = (
    "Only the names of what you tick are shared with {names}: not what you wrote, not the highlighted "
    "words. Helpers never see it. You can take it back at any time."
)
SHARE_SAFETY = (
    "Words about safety are never shared unless you tick them yourself. If you do, {names} will see that "
    "you wrote about it, and the support lines, so they can be there for you."
)
NO_ONE_TO_SHARE_WITH = "There is no other parent in this household to share a summary with."
NOTHING_TO_SHARE = "Twofold recognised nothing in this writing to share; what you wrote stays yours."
SHARED_NOTE = (
    "{name} chose to share this so you know how it is going for them, not to ask you to fix it. A kind "
    "start is to ask how you could help this week. What they wrote stays theirs."
)
SHARED_SAFETY_NOTE = (
    "{name} shared that they wrote about safety. Please check in with them today, gently; these lines are "
    "there for you both, any time."
)
