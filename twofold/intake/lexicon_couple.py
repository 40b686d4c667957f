"""The lexicon's phrases about the couple and the people around them: strain, a partner who has left, help
that does not come, parenting alone and long working hours (patterns as in lexicon.py)."""

from __future__ import annotations

from twofold.intake.rule import Rule, rules_for

COUPLE_GROUPS: tuple[list[Rule], ...] = (
    rules_for(
        "relationship_strain",
        "any",
        r"(?:we|we are|were|we keep|we have been|weve been|we do nothing but|constantly|always) "
        r"(?:argue|arguing|argued|fight|fighting|fought|bicker|bickering|row|rowing|snap|snapping|shout"
        r"|shouting|yell|yelling|at each others throats)",
        r"(?:arguments|rows|fights|arguing|fighting|tension|resentment|screaming matches)(?! with the baby)",
        r"(?:marriage|relationship) (?:is|feels|seems|has been) (?:falling apart|over|on the rocks|in trouble"
        r"|strained|breaking|struggling|at breaking point|hanging by a thread|suffering)",
        r"(?:wrecked|ruined|destroyed|killed|wrecking|ruining|destroying) (?:my|our) (?:marriage"
        r"|relationship)",
        r"(?:like|as) (?:flatmates|roommates|housemates|strangers|ships in the night|colleagues)",
        r"(?:divorce|separating|leave him(?! alone)|leave her(?! alone)|leaving him(?! alone)"
        r"|leaving her(?! alone)|trapped me|trapped him"
        r"|trapped her"
        r"|blames me|blamed me|blaming me)",
        r"(?:we|we dont|we never|we barely|we hardly) (?:dont )?(?:talk|speak) (?:anymore|any more"
        r"|to each other"
        r"|at all)",
        r"(?:no|zero) (?:intimacy|time for each other|time together|affection)",
    ),
    rules_for(
        "relationship_strain",
        "parent",  # "the baby hates him" is a hard word about the baby, not the couple
        r"(?:resent|resents|resenting|hate|hates|cant stand|can not stand|angry at|furious with|fed up with)"
        r" (?:him|her|my husband|my wife|my partner|my boyfriend|my girlfriend|each other)",
    ),
    rules_for(
        "partner_left",
        "partner",
        r"(?:moved|moving|gone|went|going) (?:back )?(?:out|home|to (?:his|her|their) (?:mums|mothers|parents"
        r"|dads|brothers|sisters|friends|mates|own place|flat)|to live with|to stay with)",
        r"(?:left|walked out on|abandoned) (?:us|me|the family|home)",
        r"(?:walked out|packed (?:his|her) bags|isnt living with us|doesnt live with us|not living with us"
        r"|we separated|weve separated|we split|we broke up|left when)",
        r"(?:sleeping|sleeps|staying|stays|living|lives) (?:at|with) (?:his|her|their) (?:mums|mothers"
        r"|parents"
        r"|dads|brothers|sisters|friends|mates|mum|mother)",
        r"{partner} (?:has |just |finally |already )?(?:left|moved out|walked out|packed up)(?! for work"
        r"| early"
        r"| the| it| a| me to)",
        r"(?:he|she) (?:has |just )?(?:left|gone|walked)(?= \.| !| ,| for good| and| us| me| home| to live)",
        r"packed (?:a|his|her|their) (?:bag|bags|things|stuff|suitcase)",
        r"(?:(?<=since )|(?<=when )|(?<=after )|(?<=before ))(?:he|she|my husband|my wife|my partner"
        r"|my boyfriend|my girlfriend)"
        r" (?:left|walked out|moved out)",
    )
    + rules_for(
        "partner_left",
        "any",
        r"(?:we|weve|we have|we had) (?:split up|split|separated|broken up|broke up)",
    ),
    rules_for(
        "unreliable_help",
        "other",
        r"(?:promised|said|offered|swore|were going) (?:\w+ ){0,3}(?:help|come|visit|take him|take her"
        r"|babysit|have him|have her|do a night|do nights) (?:\w+ ){0,5}(?:but|and) (?:then )?(?:havent|hasnt"
        r"|never|didnt|dont|doesnt|not once|nothing|they never|she never|he never|cancel\w*|ghosted|vanished"
        r"|disappeared|bailed|backed out|(?:they|she|he) (?:keep|keeps|always) (?:cancel\w*|bailing|backing"
        r" out|flaking))",
        r"(?:ghosted|ghosting) (?:us|me)",
        r"(?:cancel|cancels|cancelled|canceled|cancelling|canceling|bail|bails|bailed|bailing|flake"
        r"|flaked|flakes"
        r"|flaking|back out|backed out|backing out|pull out|pulled out|pulling out) (?:\w+ ){0,3}(?:again"
        r"|in a row|running|every week|twice|three times|each time"
        r"|last minute|every time|on us|at the last)",
        r"(?:let|lets|letting) (?:us|me) down",
        r"(?:and|but) (?:has|have|hes|shes|theyve) (?:only )?(?:been|come|visited|helped) (?:once|twice"
        r"|one time)",
        r"(?:never|didnt|not) (?:turned|showed) up(?= \.| ,| !| and| $)|"
        r"(?:never|didnt|dont|doesnt|not) (?:turn up|turned up|show up|showed up|come round|came round"
        r"|come over|came over|visit|visits) (?:when|like|as|again|once|even)",
        r"(?:no|zero|not any|not much|not a lot of|little|any) help from (?:family|the family|my family"
        r"|his family"
        r"|her family|anyone|grandparents|the grandparents|my parents|his parents|her parents|friends)",
        r"(?:grandparents|grandmothers|grandmas|nans|in laws|family|friends|my mum|his mum|her mum|my sister"
        r"|my parents|his parents|her parents) (?:\w+ ){0,3}(?:havent|hasnt|never|dont|arent|wont) (?:helped"
        r"|help|been|come|visited|bothered|offered|stepped)",
    ),
    rules_for(
        "unreliable_help",
        "any",
        r"(?:no|zero|little|not much|not any|hardly any|barely any) (?:support|help|backup|back up)(?! from"
        r" (?:him|her|my husband|my wife|my partner))(?! (?:with|for) (?:the )?(?:bottle|feeding))",
        r"(?:friends|family|everyone|everybody|people) (?:have |has |all )?(?:disappeared|vanished"
        r"|dropped off"
        r"|stopped (?:coming|visiting|calling|texting))",
    ),
    rules_for(
        "lone_parenting",
        "self",
        r"single (?:mum|dad|parent|mother|father|parenting)|solo parent\w*|lone parent\w*",
        r"(?<!to be )(?<!being )(?<!of )(?<!leave her )(?<!leave him )"
        r"(?:on my own|by myself|alone|all alone|solo) (?:with (?:(?:the|my|our|a|two|three|\d) )?(?:him|her"
        r"|them|baby|babies|twins|triplets|son|daughter|kids|children|toddler|little one)|every day"
        r"|all day|all week|most nights|since|now|at home|for weeks|24 7"
        r"|all the time)",
        r"(?:doing|raising|do|bringing up) (?:this|it|him|her|them|everything|{baby}) (?:all )?(?:alone"
        r"|on my own|by myself|solo)",
        r"(?:no one|nobody|noone) (?:else )?(?:to help|to share|here to help|helps|to hand him to"
        r"|to hand her to"
        r"|to take over)",
        r"(?:i have|ive got) (?:no one|nobody|noone)",
        r"(?:just|only) me and {baby}",
        r"(?:its|it is|its been) (?:just|only) (?:me|the two of us|us two|the three of us)(?: and \w+)?"
        r"(?: now| since| from now on| at home| every day)",
    )
    + rules_for(
        "lone_parenting",
        "any",
        r"(?:works away|working away|away with work|deployed|on deployment|offshore|away for work|away most"
        r" weeks|on tour|on rotation|fifo|in prison)",
    ),
    rules_for(
        "long_work_hours",
        "any",
        r"(?:works|working|worked|work) (?:\w+ )?(?:long hours|late|12 hour|12 hours|twelve hour|13 hour"
        r"|14 hour|nights|night shifts|all hours|every weekend|weekends|60 hours|70 hours|overtime"
        r"|double shifts"
        r"|every day|all the time|7 days)",
        r"long hours|long days|night shifts|double shifts|overtime|works away|working away|away with work"
        r"|away for work",
        r"(?:\d+|sixty|fifty|seventy) hours? (?:a|per|every) week",
        r"(?:never|barely|hardly|rarely) (?:home|at home|around|there)",
        r"(?:gone|out|out of the house|leaves|away) (?:from|before|at) (?:\d+|six|seven|dawn|5|6|7)",
        r"(?:home|back) (?:at|after|by|around) (?:\d+|nine|ten|eight|midnight)(?: (?:pm|at night|every night"
        r"|most nights))?",
        r"(?:12|twelve|14|fourteen|13|ten|10|\d\d|sixty|seventy|fifty) hour (?:days|shifts|shift|day|weeks"
        r"|week)",
    ),
)
