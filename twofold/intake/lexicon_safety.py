"""The lexicon's safety phrases: ending one's life, harming the baby, and hard words about the baby.

Indirect wordings are here on purpose: missing a safety signal is the worst error intake can make, so these
lean towards recall (the reader decides when a plain negation sets one aside, and still shows the lines).
"""

from __future__ import annotations

from twofold.intake.rule import Rule, rules_for

SAFETY_GROUPS: tuple[list[Rule], ...] = (
    # ---- Safety: the writer's life. Indirect wordings are here on purpose (recall first). ----
    rules_for(
        "self_harm_risk",
        "any",
        r"(?:kill|killing|killed|hurt|hurting|harm|harming|harmed|cut|cutting) (?:myself|himself|herself"
        r"|themselves)",
        r"self ?harm\w*",
        r"suicid\w*",
        r"(?:end|ending|ended|take|taking) (?:it all|my life|my own life|his life|her life|his own life|"
        r"her own life|their life|things)",
        r"(?:dont|do not|didnt) want to (?:be here|live|be alive|exist|wake up|go on|carry on)",
        r"(?:wish|wished|wishing) (?:i|he|she) (?:was|were|wasnt|werent|could) (?:dead|gone|not here"
        r"|disappear"
        r"|vanish|just disappear|not exist|never wake up|go to sleep and not wake up)",
        r"(?:want|wanted|wanting) to (?:die|disappear|vanish|not exist|not be here)",
        r"(?:better off|happier) (?:without me|without him|without her|if i was gone|if i wasnt here|dead"
        r"|if i were gone|if i wasnt around)",
        r"(?:no|no real) (?:point|reason) (?:in )?(?:living|going on|carrying on|to live|to go on|being here"
        r"|in being here|anymore)",
        r"(?:not|never) (?:wake|waking) up",
        r"(?:cant|cannot|can not) (?:go on|keep going|carry on) (?:like this|anymore|any more)",
        r"(?:walk|walking|drive|driving|step|stepping) (?:into|in front of) (?:traffic|a car|a bus|a train"
        r"|a lorry|a truck)",
        r"(?:stockpil\w*|saving up|hoarding|collecting) (?:my |his |her )?(?:pills|tablets|medication"
        r"|painkillers)",
        r"(?:overdose|od)",
        r"(?:jump|jumping) (?:off|from) (?:a|the) (?:bridge|roof|building|balcony)",
        r"(?:thoughts|thinking|thought) (?:of|about) (?:dying|death|ending it|not being here|ending things)",
        r"(?:hang|hanging) myself",
        r"if i (?:wasnt|werent|was not|were not) (?:around|here|alive|in the picture)|if i (?:was"
        r"|were) (?:gone"
        r"|dead|not here|not around)|(?:without|with no) me (?:around|here|in the picture)",
        r"(?:just )?not (?:being here|existing|being alive|being around)(?: anymore| any more)?",
        r"how easy it would be to (?:end|go|let go|disappear|just|step|drive|make it stop|not)",
        r"(?:not sure|dont know if|dont know whether|unsure if|unsure whether|wonder if|wondering if) (?:i )?"
        r"(?:want|wanna|even want|still want) to (?:be alive|live|be here|go on|keep going|carry on|exist)",
        r"(?:disappear|vanish) (?:forever|for good|and never come back)",
        r"(?:everyone|everybody|they|the family|my family) (?:would|will|d) be better off",
        # Said more obliquely still: a way out "for good", the means, being a burden, not being here later.
        r"(?:make|making|made) (?:it|it all|everything|the pain|this) (?:stop|end|go away) (?:for good"
        r"|forever"
        r"|permanently|for ever)",
        r"(?:how|ways?) to (?:end it|end things|make it all stop|not be here|not wake up)",
        r"(?:what it would be like|how it would feel|how easy it would be) (?:to|if i) (?:just )?(?:not|never"
        r"|didnt|stopped|disappear|was gone|wasnt)",
        r"(?:counting|count|counted|stockpil\w*|saving|hoarding) (?:up )?(?:my |his |her |the "
        r"|all the )?(?:pills"
        r"|tablets|medication|painkillers|meds)",
        r"(?:take|taking|took|swallow|swallowing) (?:them|the lot|the whole (?:packet|box|bottle)|all of them"
        r"|all my (?:pills|tablets)|all the (?:pills|tablets)) (?:all )?(?:at once|in one go|together)",
        # A person being a burden, not a chore: "I feel like a burden", "she says she's such a burden".
        r"(?:im|i am|feel like|feels like|feeling like|felt like|hes|shes|theyre|being) (?:just |only )?(?:a"
        r"|such a|nothing but a) burden",
        # Only where the sentence or clause ends: "fine without her" yes, "fine without her mum" no.
        r"(?:be|all be|d be|would be|are|were) (?:fine|ok|okay|alright|happier|better) without (?:me|him|her)"
        r"(?= [.,!?;:]| and| anyway| really|$)",
        r"(?:better off|happier|be fine) with (?:a different|another|a better|someone else as (?:a|their"
        r"|his|her))"
        r"(?: (?:mum|dad|parent|mother|father))?",
        r"(?:whats|what is) the point (?:of|in) (?:any of it|anything|it all|living|life|being here|going on"
        r"|carrying on|me)",
        # Not "won't be around to see her first steps, I'm back at work": only a life that is short.
        r"(?:wont|will not|might not|may not|not going to) (?:be here|be around) (?:long enough|for much"
        r" longer|much longer)",
    ),
    # ---- Safety: harm to the baby. The object must be the baby (or a pronoun that may be): see reader. ----
    rules_for(
        "harm_to_baby_risk",
        "any",
        r"(?:shake|shaking|shook|shaken|hurt|hurting|harm|harming|hit|hitting|smother|smothering|suffocate"
        r"|suffocating|throw|throwing|threw|thrown|slap|slapping|strangle|strangling|kill|killing"
        r"|punch|punching) {obj}(?! off| up| out| a | to | awake)",
        # Unwanted thoughts of harming the baby on purpose are common (EVIDENCE.md §2.4) but are safety
        # words: the page puts the lines and the coping card first, and says they are common.
        r"(?:thought|thoughts|thinking|picture|picturing|pictured|imagine|imagining|imagined|images|flashes"
        r"|urge|urges) (?:\w+ ){0,4}(?:(?:throw|throwing|hurt|hurting|harm|harming|shake|shaking|smother"
        r"|smothering|drown|drowning|suffocate|suffocating) (?:{obj}|a baby)(?! awake)|(?:drop|dropping)"
        r" (?:{obj}|a baby))",
        r"(?:do|doing|did) something (?:bad |awful |terrible |horrible )?to {obj}",
        r"(?:shake|shaking|shook|hurt|hurting|harm|harming|hit|hitting|smother|smothering) a baby",
        r"(?:cant|cannot|shouldnt|should not|mustnt) be (?:left )?alone with {obj}",
        r"(?:stood|standing|stand|stands) over (?:\w+ ){0,3}with (?:a |the )?(?:pillow|cushion|blanket)",
        r"(?:pillow|cushion) (?:\w+ ){0,6}(?:his face|her face|their face)",
        r"(?:lose|losing|lost) (?:it|my temper|control) (?:with|at) {obj}",
        r"(?:shaken|harmed|hurt) (?:baby|my baby|the baby)",
        r"(?:urge|urges|tempted|want|wanted|wanting) to (?:shake|hurt|harm|hit|smother|throw|slap|squeeze)"
        r"(?!(?: \w+){1,2} awake)",
        r"(?:put|putting) (?:a |the )?pillow over",
        r"pillow (?:\w+ ){0,8}how easy",
        r"(?:frighten|frightened|scare|scared|terrify|terrified) (?:of )?myself",
        r"(?:scared|afraid|frightened|terrified) (?:of )?what i (?:might|could|would|will) do",
        r"(?:scared|afraid|frightened|terrified) (?:to be|of being|being) (?:left )?alone with {obj}",
        r"(?:dont|do not|cant|cannot) trust myself (?:with|around|near) {obj}",
        r"in case i (?:lose it|snap|hurt|lose control)",
        r"(?:scared|afraid|frightened|terrified|worried|dont want) to leave (?:her|him|my wife|my husband"
        r"|my partner"
        r"|them) alone with {obj}",
        r"(?:scared|afraid|frightened|worried|terrified) (?:that )?(?:i|he|she) (?:will|might|ll|could|would"
        r"|d)"
        r" (?:hurt|harm|shake|lose it with|snap and hurt|do something to) {obj}",
    ),
    rules_for(
        "negative_about_baby",
        "any",
        r"(?:ruin|ruins|ruining|ruined|destroyed|destroying|wrecked|wrecking) (?:our|my|his|her"
        r"|their) (?:li[fv]e"
        r"s?|marriage|relationship|everything)",
        r"(?:wish|wished|wishing) (?:we|i|he|she|wed|id|hed|shed) (?:had never|hadnt|never|didnt"
        r"|did not) (?:had|have|had had"
        r"|got pregnant|have had) {obj}",
        r"(?:wish|wished) (?:he|she|they|the baby) (?:had never|hadnt|was never|wasnt|werent"
        r"|had not) (?:been )?"
        r"(?:born|here|had)",
        r"(?:regret|regrets|regretting|regretted) (?:having|had|becoming a parent|becoming a mum"
        r"|becoming a dad"
        r"|this baby|{obj})",
        r"(?:hate|hates|hated|resent|resents|resenting|cant stand|can not stand|dislike) (?:the baby|my baby"
        r"|our baby|being a mum|being a dad|being a parent|my son|my daughter|our son|our daughter)",
        r"(?:baby|he|she|son|daughter) (?:hates|doesnt like|does not like|cant stand) (?:me|him|her|his dad"
        r"|her dad|his mum|her mum)",
        r"(?:give|giving) (?:him|her|them|the baby) (?:away|up)",
        r"(?:mistake|mistakes) (?:having|to have) (?:a baby|{obj}|kids|children)",
        r"(?:dont|do not|doesnt|does not|cant|never) (?:love|even like|like|want) (?:him|her|the baby|my baby"
        r"|our baby|this baby|my son|my daughter|our son|our daughter)",
        r"(?:dont|doesnt) want (?:to be a|to be) (?:mum|dad|parent)",
        r"(?:baby|he|she) (?:is|s) (?:ruining|wrecking|destroying) (?:everything|us)",
    ),
    rules_for(
        "gender_disappointment",
        "parent",
        r"(?:wanted|hoped for|wished for|was hoping for|really wanted|set on|longed for|hoping for"
        r"|longing for"
        r"|wishing for) a (?:girl|boy|son|daughter)",
        r"gender disappointment",
        r"disappointed (?:it was|its|that (?:it|he|she) (?:was|is)|he was|she was|hes|shes) a (?:boy|girl)",
        r"(?:wish|wished) (?:he|she|the baby) (?:was|were|had been) a (?:girl|boy)",
        r"(?:grieving|grief for|mourning) the (?:daughter|son|girl|boy)",
    ),
)
