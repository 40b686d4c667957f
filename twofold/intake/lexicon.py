"""The curated lexicon: for each situation Twofold recognises, the phrases that say it, and whom the phrase
must be about. Patterns are regular expressions over the mended words (words.py): lower case, no apostrophes
("dont", "hes"), one spelling ("mum", "nappy"), single spaces, and punctuation kept as its own word so that a
phrase never runs across a sentence. `{baby}`, `{obj}`, `{partner}` and `{w}` are filled in by
rule.py; the safety phrases are in lexicon_safety.py.

Who a phrase is about (`who`):
- "parent": the writer or the other parent (not the baby, not a grandparent or friend);
- "partner": the other parent; "self": the writer; "baby": the baby (or a pronoun that may be);
- "other": someone outside the couple (grandparents, family, friends); "any": whoever.

Adding a phrase: put it under its situation, run the tests and `benchmarks/intake.py`, and add a post to the
labelled set that needs it (tests/data/posts.jsonl).
"""

from __future__ import annotations

from twofold.intake.lexicon_couple import COUPLE_GROUPS
from twofold.intake.lexicon_safety import SAFETY_GROUPS
from twofold.intake.rule import Rule, Who, rules_for

__all__ = ["ADULT_ONLY", "RULES", "SAFETY", "SITUATIONS", "Rule", "Who"]

SAFETY = ("self_harm_risk", "harm_to_baby_risk")
# Situations only an adult can be in: a "she" or "he" that would otherwise stand for the baby does not.
ADULT_ONLY = frozenset({"physical_recovery", "not_improving_on_treatment", "gender_disappointment"})

SITUATIONS = (
    "self_harm_risk",
    "harm_to_baby_risk",
    "negative_about_baby",
    "uneven_load",
    "sleep_deprivation",
    "partner_withdrawn",
    "bonding_difficulty",
    "infant_crying",
    "feeding_difficulty",
    "parent_low_mood",
    "parent_anxiety",
    "not_improving_on_treatment",
    "relationship_strain",
    "partner_left",
    "unreliable_help",
    "lone_parenting",
    "long_work_hours",
    "physical_recovery",
    "gender_disappointment",
    "things_improving",
)


_GROUPS: tuple[list[Rule], ...] = (
    *SAFETY_GROUPS,
    # ---- The load, sleep and the household ----
    rules_for(
        "uneven_load",
        "self",
        r"(?:i|im|ive) (?:do|doing|done|did|am doing|have been doing|end up doing|been doing) (?:nearly "
        r"|almost |"
        r"literally |basically |pretty much )?(?:all|everything|every|most|90|the lot)(?! right)",
        r"(?:all|every|each) (?:the |of the )?(?:night feeds|nights|nappies|night wakings|wake ups|feeds"
        r"|single night|night)(?: (?:are|is) (?:me|mine|on me))",
        r"(?:are|is) all (?:on )?(?:me|mine)|(?:falls|fall|fell) (?:on|to) me",
        r"(?:i|im) (?:the only one|always the one|the one) (?:who|that|getting up|doing|up|dealing)",
        r"(?:on|by) (?:me|myself) (?:every|all|each) (?:night|day|time)",
        r"doing (?:nearly |almost |literally )?(?:all|every one of) the (?:nights|night feeds|feeds|nappies"
        r"|bedtimes|night wakings|wake ups|cooking|cleaning|washing)",
        r"(?:all|every one of) the night (?:feeds|wakings|wake ups|shifts)",
        r"(?:did|do|doing|end up doing) it (?:all )?(?:myself|on my own)(?: again| as usual| every time)",
    )
    + rules_for(
        "uneven_load",
        "partner",
        r"(?:never|doesnt|does not|wont|will not|didnt|barely|rarely|hardly ever|hardly|hasnt|has not"
        r"|has never)"
        r" (?:change (?:nappies|a nappy|him|her|them)|(?:do|does|did|done) (?:a |the )?(?:bedtime|bedtimes"
        r"|bath"
        r"|bath time|bathtime|baths|nights|night|night feeds"
        r"|nappies|nappy|feeds|feed|washing|cooking|cleaning|wake ups)|help|helps|helped|changed a nappy"
        r"|done a night|done a feed|got up|done a bedtime"
        r"|lifted a finger"
        r"|lifts a finger|lift a finger|does a thing|do a thing|does anything|do anything|gets up|get up"
        r"|changes a nappy|change a nappy|do a night|does a night|do the nights|does nights|pitches in"
        r"|pitch in"
        r"|step up|steps up|wake up|wakes up)",
        r"(?:scroll|scrolls|scrolling|plays|playing|gaming|games|watching tv|watches tv|on (?:his|her) phone"
        r"|on the xbox|on the playstation) (?:\w+ ){0,4}(?:while|whilst|as) (?:i|im)",
        r"(?:scrolls|scrolling|lies|lying|sits|sitting|sleeps|sleeping|snoring) on the (?:sofa|couch)",
        r"(?:sleeps|slept|sleeping|snores|snored|snoring) (?:right )?(?:through|while|whilst)",
        r"does (?:nothing|zero|fuck all|sod all|bugger all|very little|next to nothing)",
        r"(?:no|zero|not any|not much) help from (?:him|her|my husband|my wife|my partner)",
        r"(?:leaves|left) (?:it all|everything) (?:to|for) me",
    )
    + rules_for(
        "uneven_load",
        "any",
        r"(?:while|whilst) (?:he|she|they|my husband|my wife|my partner) (?:snores|sleeps|scrolls|plays|games"
        r"|watches|naps|lies in|sits)",
    ),
    rules_for(
        "sleep_deprivation",
        "parent",
        r"(?:havent|hasnt|have not|has not|not|barely|hardly|never|cant|cannot|didnt|dont) (?:slept|sleep"
        r"|sleeping|had any sleep|had a full night|had a proper night|got any sleep)",
        r"(?:no|zero|little|hardly any|barely any|not enough|not much) sleep",
        r"exhausted|exhaustion|shattered|knackered|sleep ?deprived|sleep deprivation|running on empty"
        r"|running on fumes|zombie|drained|worn out|burnt out|burned out|burnout|bone tired|so tired"
        r"|too tired|dead on my feet|wrecked",
        r"(?:one|two|three|1|2|3|four|4) (?:hours?|hrs?) (?:of )?(?:sleep|a night|at a time|in days)",
        r"(?:up|awake) (?:all night|every hour|every two hours|every 2 hours|half the night"
        r"|most of the night)",
        r"(?:broken|no) (?:sleep|nights)",
        r"(?:tired|exhausted) all the time|exhausting|(?:so|really|very|too|just|always|completely|utterly"
        r"|constantly|incredibly|dead|sick and) tired|tired of",
        r"(?:lie|lying|lay|laying) awake|(?:need|needs|desperate for|begging for|crave) (?:some |more "
        r"|a bit of )?"
        r"sleep",
        r"(?:up|awake) every night",
        r"falling asleep (?:at the wheel|driving|standing up|on my feet)",
    ),
    rules_for(
        "partner_withdrawn",
        "partner",
        r"(?:wont|will not|doesnt|does not|never|refuses to|refused to|barely|rarely|hardly ever|didnt"
        r"|wouldnt"
        r"|not) (?:even |ever |really )?(?:hold|holds|pick up|picks up|cuddle|cuddles|touch|touches|bath"
        r"|feed|change|play with|look at"
        r"|engage with|bond with|interact with|visit|see|spend time with) (?:him|her|them|the baby|our baby"
        r"|my baby|our son|our daughter|the twins|our little one|us)",
        r"(?:checked out|withdrawn|distant|detached|disengaged|switched off|shut down|shuts down|shut himself"
        r"|shut herself|hides|hiding|disappears|vanishes|avoids|avoiding)",
        r"(?:no|zero|not any|not much|little) interest in (?:the baby|him|her|them|our son|our daughter"
        r"|being a"
        r"|the twins)",
        r"(?:hands|handed|passes|passed|gives) (?:him|her|them|the baby) (?:straight )?back",
        r"(?:stays|staying|works|working) late (?:to avoid|so he|so she|on purpose)",
        r"(?:goes|went|disappears|disappeared|heads|retreats|straight) (?:straight |right |off )?(?:to"
        r"|into|on"
        r"|upstairs to) (?:his|her|the) (?:xbox|playstation|phone|computer|pc|games|room|shed|garage|study)",
        r"(?:stares|staring|glued|buried|lives) (?:at |to |in |on )(?:his|her) phone",
        r"(?:gone|goes|went|going|gotten|got) (?:really |very |so |all )?(?:quiet|silent|cold|distant)"
        r" (?:on|with|towards|around) (?:me|us|the baby|him|her|them)",
        r"(?:like|as if) (?:living|i live|we live|im living) with a (?:lodger|stranger|ghost)",
        r"(?:doesnt|never|wont|dont|didnt) (?:even )?(?:ask|asks|asked) (?:about|how)",
        r"(?:stopped|stops|given up|gave up) (?:trying|bothering|holding (?:him|her|them))",
        r"(?:wont|refuses to|refused to|will not) (?:even )?(?:change|do) (?:nappies|a nappy|the nappies"
        r"|bath time"
        r"|bathtime|the bath|baths|bedtime|bedtimes)",
    ),
    rules_for(
        "bonding_difficulty",
        "parent",
        r"(?:havent|hasnt|have not|has not|not|never|didnt|dont|doesnt|cant|struggl\w* to|trouble|hard to)"
        r" (?:bonded|bond|bonding|felt a bond|feel a bond|feel connected|connect|connected|attached)",
        r"(?:no|not any|not much|not feeling a|not feeling any|dont feel a|dont feel any|dont feel the) "
        r"(?:bond|connection|attachment|rush of love|love)",
        r"(?:feel|felt|feels) (?:nothing|numb|like a stranger|like a babysitter|detached) (?:for|towards"
        r"|toward"
        r"|with|around|to) {obj}",
        r"(?:dont|didnt|cant|doesnt) feel (?:anything|much|any love) (?:for|towards) {obj}",
        r"(?:dont|doesnt|didnt|never) feel like (?:his|her|their|a real|a proper|the babys|the) (?:mum|dad"
        r"|mother"
        r"|father|parent)",
        r"(?:look at|hold|holding|see|looking at) {obj} and (?:feel|felt) (?:nothing|numb|empty"
        r"|nothing at all)",
        r"(?:dont|didnt) think (?:ive|hes|shes|i have|he has|she has|weve|we have|ill|he will|she will"
        r"|they have)"
        r" (?:ever )?(?:bonded|bond|connected)",
        r"(?:doesnt|dont|didnt) feel like (?:my|his|her|our) (?:baby|son|daughter|own)",
        r"(?:feel|feels|felt|feeling) (?:nothing|numb|empty|no love|no connection) (?:when|whenever|while|as)"
        r" (?:i|he|she|they) (?:look at|looks at|looked at|hold|holds|held|see|sees) {obj}",
        r"bonding (?:issues|problems|difficulties|is hard|isnt happening)",
        r"(?:like|as if) (?:i|he|she) (?:am|is|was|were) (?:looking after|minding) someone elses",
    )
    + rules_for(
        "bonding_difficulty",
        "any",
        r"(?:cries|screams|crying|screaming) (?:whenever|when|every time|as soon as|if) (?:(?:his|her|their) "
        r"(?:dad|mum|daddy|mummy|father|mother)|daddy|mummy|{partner}|he|she) (?:holds|picks|takes|touches"
        r"|comes|tries)",
    ),
    rules_for(
        "infant_crying",
        "baby",
        r"(?:cries|crying|cried|screams|screaming|screamed|howls|howling|wails|wailing) (?:all|for hours"
        r"|constantly|nonstop|non stop|every|whenever|when|the whole|so much|all day|all night|and cries"
        r"|every time|as soon as|for|and|if|unless|until|till|like)",
        r"(?:wont|will not|doesnt|does not|cant|never) (?:stop crying|stop screaming|settle|be settled"
        r"|calm down"
        r"|be soothed|be put down)",
        r"colic|inconsolable|witching hour|purple crying",
        r"(?:constant|nonstop|non stop|endless|the) (?:crying|screaming)",
        r"(?:fussy|fussing|unsettled|grizzly|grizzling) (?:all|every|baby|evenings|every evening|for hours)",
        r"crying (?:baby|for hours)",
        r"(?:screams|cries|screaming|crying|wails|howls) (?:after|before|after every|every"
        r"|through) (?:every |each"
        r" )?(?:feed|bottle|nap|time|night|evening)",
        r"(?:was|is|keeps|kept|started|starts|been|still|always|hes|shes) (?:crying|screaming)"
        r"(?! (?:most|some|every) (?:days|day|night|nights)| myself| in the (?:shower|car))",
        r"(?:screams|cries|screaming|crying) (?:at|through|during|on) (?:the|every|each|his|her)",
    ),
    rules_for(
        "infant_crying",
        "any",
        r"(?:(?:cant|cannot|couldnt) )?(?:stop|stand|handle|cope with|take|bear|deal with) the (?:crying"
        r"|screaming)",
    ),
    rules_for(
        "feeding_difficulty",
        "any",
        r"(?:latch|latching|latches)",
        r"(?:wont|will not|doesnt|refuses to|refused to|cant|struggl\w* to|not) (?:latch|feed|feeding|eat"
        r"|take a bottle"
        r"|take the bottle|take the breast|take a feed|drink|finish a bottle|finish his bottle"
        r"|finish her bottle)",
        r"(?:refuses|refused|refusing|rejects|rejecting) (?:the |a |his |her )?(?:bottle|breast|feeds|milk)",
        r"(?:cracked|bleeding|sore) nipples|mastitis|tongue ?tie|reflux|low (?:milk )?supply",
        r"nipples (?:are |were |have been )?(?:so |really )?(?:cracked|bleeding|sore|raw|in agony)",
        r"(?:not|isnt|hasnt been|wasnt|not been) (?:gaining|putting on) (?:weight|enough)",
        r"(?:losing|lost|dropped) weight",
        r"(?:breastfeeding|feeding|feeds|pumping|expressing) (?:is|are|has been|have been|was) (?:agony|hell"
        r"|a nightmare|a battle|a struggle|so hard|really hard|hard|painful|awful|torture|horrendous"
        r"|going badly)",
        r"(?:struggl\w*|battl\w*|fight\w*) (?:with|to) (?:breastfeed\w*|feed\w*|the bottle|bottles|pump\w*)",
        r"(?:sick|vomits|vomiting|spits up|throws up|throwing up) (?:after|all|every|half|most|the whole)",
        r"(?:every|each) feed (?:takes|is|lasts) (?:an hour|hours|forever|a battle)",
        r"(?:feeding|feeds) (?:every|each) (?:hour|hours|30 minutes|half hour)",
        r"cluster feed\w*",
    ),
    # ---- The parents' minds ----
    rules_for(
        "parent_low_mood",
        "parent",
        r"depressed|depression|weepy|tearful",
        r"(?:feel|feeling|felt|feels|so|really|very|been|am|im|is|hes|shes|pretty|quite|bit) (?:low|down|flat"
        r"|empty|numb|hopeless|worthless|useless|miserable|lost|sad|broken|dead inside|like a failure"
        r"|like a shell|like a bad mum|like a bad dad|like a bad parent|like im failing|like a terrible)",
        r"hopeless|worthless|miserable|despair",
        r"(?:a |such a )?(?:terrible|bad|useless|awful|rubbish|crap|shit|horrible) (?:mother|mum|dad|father"
        r"|parent|wife|husband)",
        r"(?:crying|cry|cried|sobbing|tears) (?:every day|all the time|most days|every night|constantly"
        r"|in the"
        r" shower|in the car|myself to sleep|for no reason|at nothing)",
        r"(?:cant|cannot|dont|doesnt) (?:stop crying|enjoy anything|enjoy|find joy|get out of bed"
        r"|see the point"
        r"|feel anything(?! for| towards)|feel happy|cope|laugh)",
        r"(?:no|lost all|lost my|not any|zero) (?:joy|interest in anything|motivation|energy|pleasure)",
        r"(?:dark|bad|black) (?:place|cloud|hole|days|thoughts)",
        r"(?:not|dont feel like) (?:myself|himself|herself|the same person)",
        r"(?:failing|failure|failed) (?:as a|at being|at this)",
        r"(?:cant|cannot|dont|can not) see (?:a|any|the) (?:way (?:through|out|forward)|end to (?:it|this)"
        r"|light)",
        r"(?:struggling|sinking|drowning|falling apart)(?: (?:mentally|emotionally|inside|badly))?",
    ),
    rules_for("parent_low_mood", "any", r"pnd|postnatal depression|postpartum depression|baby blues"),
    rules_for(
        "parent_anxiety",
        "parent",
        r"anxious|anxiety|panic|panicking|panicky|on edge|nervous wreck|worried sick|dread|dreading",
        r"(?:cant|cannot|dont) stop (?:worrying|checking|thinking about what if)",
        r"(?:constantly|always|keep|keeps|obsessively|compulsively) (?:worry|worrying|worried|checking"
        r"|check)",
        r"(?:checking|check) (?:\w+ ){0,3}(?:breathing|still breathing|breathes)",
        r"(?:checking|check|checked) on {obj} every",
        r"(?:scared|terrified|afraid|frightened) (?:\w+ ){0,6}(?:will happen|might happen|die|dies"
        r"|stop breathing"
        r"|sids|cot death|something bad|something awful|something terrible|wrong)",
        r"racing (?:thoughts|heart|mind)|heart (?:races|racing|pounding)|(?:cant|cannot) breathe",
        r"(?:intrusive|scary|horrible|awful) (?:thoughts|images|pictures)",
        r"(?:keep|keeps) (?:picturing|imagining|seeing)",
        r"(?:scared|afraid|terrified|worried|frightened) (?:\w+ ){0,3}(?:drop|dropping) {obj}",
        r"what if (?:he|she|they|i|something|the baby)",
        r"(?:worried|worry|worrying|fret|fretting|scared) about everything",
        r"(?:im|i am|i feel|i get|feeling|always|constantly) (?:so |really |very |just )?(?:scared|frightened"
        r"|afraid|terrified)(?! (?:(?:of|that) )?(?:what i|myself|(?:i (?:might|will|could|would)|ill|id)"
        r" (?:do|hurt|harm|shake|lose)))",
        r"(?:worry|worrying|worried|fret|fretting|panic|panicking) (?:constantly|all the time|non ?stop|every"
        r" day|so much|day and night)",
    ),
    rules_for(
        "not_improving_on_treatment",
        "parent",
        r"(?:antidepressants|medication|sertraline|citalopram|fluoxetine|escitalopram|prozac|zoloft|tablets"
        r"|pills|therapy|counselling|cbt|therapist|counsellor|treatment) (?:\w+ ){0,8}(?:isnt|is not|arent"
        r"|are"
        r" not|hasnt|have not|havent|has not|not|no|doesnt|dont|didnt|nothing) (?:working|helping|helped"
        r"|worked"
        r"|changed|better|improving|made a difference|making a difference|doing anything|done anything|any"
        r" different|different)",
        r"(?:still|even) (?:\w+ ){0,3}(?:on|taking|with|having|after|in) (?:\w+ ){0,2}(?:antidepressants"
        r"|medication"
        r"|sertraline|citalopram|fluoxetine|escitalopram|prozac|zoloft|tablets|pills|therapy|counselling|cbt"
        r"|treatment)",
        r"(?:worse|no better|not any better|not better|no different) (?:\w+ ){0,5}(?:since|despite|on|with)"
        r" (?:\w+ ){0,2}(?:antidepressants|medication|sertraline|citalopram|fluoxetine|tablets|pills|therapy"
        r"|counselling|cbt|treatment)",
    ),
    rules_for(
        "not_improving_on_treatment",
        "any",
        # "He's on antidepressants and says the baby is ruining our lives": on treatment, still struggling.
        r"(?:on|taking|started|having|in|doing) (?:antidepressants|medication|sertraline|citalopram"
        r"|fluoxetine"
        r"|escitalopram|prozac|zoloft|therapy|counselling|cbt) (?:[a-z0-9]+ ){0,4}(?:and"
        r"|but) (?:[a-z]+ ){0,2}"
        r"(?:still|says|said|feels|is|hes|shes|im|cries|wants|hates|keeps|worse|nothing)",
    ),
    *COUPLE_GROUPS,
    rules_for(
        "physical_recovery",
        "parent",
        r"caesarean|c section|c sections|episiotomy|stitches|incision|scar|prolapse|haemorrhage|pelvic floor"
        r"|pelvic pain|diastasis|perineum|perineal|third degree|fourth degree|tear|tearing|infected wound",
        r"(?:recovering|recovery|healing|heal) (?:from|after) (?:the birth|birth|surgery|delivery|labour|my)",
        r"(?:still|so|really) (?:sore|in pain|bleeding|cant walk|healing)",
        r"(?:cant|cannot|can barely|can hardly) (?:walk|sit|lift|stand(?! him| her| it| them| my| the| being)"
        r"|get up)",
        r"(?:back|hip|pelvic|wound) pain",
    ),
    rules_for(
        "things_improving",
        "any",
        r"(?:getting|got|feel|feeling|feels|are|is|things are|much|so much|a bit|bit|a lot|lot|slightly"
        r"|definitely|things) (?:better|easier|brighter|calmer|lighter)",
        r"improv\w*|turned a corner|looking up|light at the end|on the mend|more like (?:myself|himself"
        r"|herself|ourselves|ourself)",
        r"(?:finally|now) (?:sleeping|settling|feeding|smiling|bonding|laughing|enjoying|coping|working)",
        # A run of good days is a change; one lovely day at the park is just a nice day.
        r"(?:good|great|lovely|nice|calm|easy)(?: few| couple of)? (?:week|weeks|days|nights|month)"
        r"|(?:better|easier|calmer) (?:day|days|night|nights|week|weeks|weekend)|(?:good"
        r"|great) nights? sleep",
        r"(?:its|it is|its all) (?:so )?worth it",
        r"(?:doing|going) (?:well|ok|okay|fine|great|really well|alright|pretty well|brilliantly|so well)",
        r"love (?:him|her|them) to bits|(?:feel|feeling) (?:so |really |very )?lucky",
        r"(?:enjoying|loving|adore|adoring) (?:him|her|them|it|being|every|the baby|our baby|my baby"
        r"|this stage|the|our|these|my)",
        r"(?<!be )(?<!feel )(?:happy|happier|content|grateful|proud|relieved)",
        r"(?:more|much more|a lot more|bit more|far more) (?:settled|relaxed|confident|rested|like ourselves"
        r"|human|in control|on top of things)",
        r"(?:sleeps|slept|sleeping) (?:\d+|four|five|six|seven|eight) hours (?:at a stretch|straight|in a row"
        r"|at a time)",
        r"(?:its|things are|were|im|feeling|feel|hes|shes|it is) (?:\w+ )?(?:better|easier) than",
        r"(?:medication|antidepressants|therapy|cbt|counselling|tablets|night plan|plan|sertraline) (?:is|are"
        r"|has been|have been|) ?(?:helping|working|worked|helped)",
        r"(?:are|is) healing|(?:weight|weight gain) is (?:good|great|fine)|(?:honestly|really|pretty"
        r"|all) good",
    ),
    # The baby smiling at them is a good sign; a partner "laughing at me" is not.
    rules_for(
        "things_improving",
        "baby",
        r"(?:smiling|smiles|smiled|laughing|laughs|giggling|giggles) at (?:us|me|him|her|his|her|my|our)",
    ),
)

RULES: tuple[Rule, ...] = tuple(rule for group in _GROUPS for rule in group)
