"""Word lists for quote attribution: cue verbs, pronouns, organizations, person nouns."""
from __future__ import annotations

# Speech verbs in the forms news uses at a cue; the -ing forms are participle cues
# ("..., saying"), whose speaker is the subject of the main clause.
_CUE_STEMS = (
    "say said says saying|tell told tells telling|add added adds adding|"
    "write wrote writes writing|ask asked asks asking|"
    "note noted notes noting|explain explained explains explaining|argue argued argues arguing|"
    "claim claimed claims claiming|insist insisted insists insisting|warn warned warns warning|"
    "continue continued continues continuing|reply replied replies replying|"
    "recall recalled recalls recalling|tweeted tweeting|posted|"
    "stated|read reads|riffed|exhorted|reacted|"
    "beamed|barked|boomed|charged|gushed|sniped|thundered|roared|cried|hollered|"
    "bellowed|griped|grumbled|groused|marveled|intoned|chimed|comment commented comments|scold scolded|lament lamented|"
    "wonder wondered|speculate speculated|retort retorted|snap snapped|recount recounted|"
    "confirm confirmed|deny denied denies|plead pleaded|beg begged|implore implored|"
    "declare declared declares declaring|announce announced announces announcing|"
    "acknowledge acknowledged acknowledges acknowledging|admit admitted admits admitting|"
    "observe observed observes observing|remark remarked remarks remarking|"
    "respond responded responds responding|answer answered answers answering|"
    "shout shouted shouts shouting|yell yelled yells yelling|scream screamed screams|"
    "joke joked jokes joking|quip quipped quips quipping|laugh laughed laughs laughing|"
    "predict predicted predicts predicting|promise promised promises promising|"
    "vow vowed vows vowing|pledge pledged pledges pledging|urge urged urges urging|"
    "suggest suggested suggests suggesting|concede conceded concedes conceding|"
    "counter countered counters countering|complain complained complains complaining|"
    "contend contended contends contending|assert asserted asserts asserting|"
    "maintain maintained maintains maintaining|emphasize emphasized emphasizes emphasizing|"
    "stress stressed stresses stressing|mention mentioned mentions mentioning|"
    "report reported reports reporting|testify testified testifies testifying|"
    "tell told|describe described describes describing|call called calls calling|"
    "dub dubbed|labeled labelled|brand branded brands|"
    "accuse accused accuses accusing|boast boasted boasts boasting|"
    "remember remembered remembers|agreed agrees|crow crowed|scoff scoffed|surmise surmised|mocks|"
    "sigh sighed|muse mused|begin began|conclude concluded concludes|"
    "blast blasted blasts|slam slammed slams|fume fumed|rage raged|mock mocked|"
    "describe described|characterize characterized|deride derided|decry decried|"
    "tout touted touts|hail hailed hails|praise praised praises|criticize criticized|"
    "chanted|sing sang|whisper whispered|exclaim exclaimed|"
    "interject interjected|reiterate reiterated reiterates|repeat repeated repeats|"
    "inform informed|assure assured assures|caution cautioned cautions|"
    "allege alleged alleges|demanded|pressed|interrupted|opine opined opines|questioned|proclaim proclaimed|confess confessed|retaliated"
)
CUE_VERBS = frozenset(w for group in _CUE_STEMS.split("|") for w in group.split() if " " not in w)
PARTICIPLE_CUES = frozenset(w for w in CUE_VERBS if w.endswith("ing"))

PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "i": None, "we": None, "they": "p",
            "it": "n", "you": None}

# Heads of a speaker phrase that name an institution: the quote has no person.
ORG_NOUNS = frozenset("""
kremlin house ministry department office agency campaign company committee council court
government administration party group organization organisation association union commission
firm bank board police statement spokesperson report newspaper paper times post journal
network station channel league team club university college school institute foundation
army military navy pentagon embassy state states service services corporation inc corp
website site magazine agency reuters ap afp bbc cnn nbc abc cbs fox msnbc tass opposition
command corps guard forces authority authorities bureau secretariat parliament congress senate
cabinet regime media press outlet broadcaster tribunal prosecutors ministry letter study poll survey
""".split())

# Heads of a definite description ("the senator") that stand for one person in the article.
PERSON_NOUNS = frozenset("""
diplomat senator president minister secretary governor mayor official spokesman spokeswoman
lawmaker congressman congresswoman representative candidate nominee chief director leader
businessman businesswoman billionaire star actor actress singer judge justice attorney lawyer
chairman chairwoman chair ceo founder executive premier chancellor king queen prince princess
general commander officer envoy ambassador aide adviser advisor strategist economist analyst
professor author writer journalist reporter host anchor coach player manager democrat republican
mogul tycoon magnate billionaire frontrunner front-runner incumbent challenger speaker
leader pope pastor bishop president-elect vice-president veteran activist founder woman man
father mother son daughter wife husband sheriff prosecutor commissioner economist
""".split())

HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f",
                    "lord": "m", "lady": "f", "king": "m", "queen": "f", "prince": "m",
                    "princess": "f", "congresswoman": "f", "congressman": "m",
                    "spokeswoman": "f", "spokesman": "m", "chairwoman": "f", "chairman": "m",
                    "businesswoman": "f", "businessman": "m", "actress": "f", "father": "m",
                    "mother": "f", "son": "m", "daughter": "f", "wife": "f", "husband": "m"}

# Common English female given names: gender for "she" when the text gives no honorific.
FEMALE_NAMES = frozenset("""
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret
sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca
sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha
katherine christine debra rachel carolyn janet catherine maria heather diane ruth julie olivia
joyce virginia victoria kelly lauren christina joan evelyn judith megan andrea cheryl hannah
jacqueline martha gloria teresa ann sara madison frances kathryn janice jean abigail alice judy
sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany
charlotte marie kayla alexis lori hillary hilary nikki kellyanne sarah elizabeth nancy michelle
melania ivanka chelsea condoleezza kamala theresa angela marine nicola jacinda ursula christine
tulsi elise liz kirsten dianne debbie huma donna hope sheryl oprah beyonce taylor
kate meghan camilla greta alexandria ilhan rashida ayanna susan lisa tammy joni marsha kristi
nikki jeanne jill karine kathy betsy sally jane janet nina kathy susie jen dana megyn rachel tina sonia ruth amy heidi claire maxine
""".split())

MALE_NAMES = frozenset("""
james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony
mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan
jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander
frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle
walter ethan jeremy harold keith christian roger noah gerald carl terry sean austin arthur lawrence
jesse dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy
eugene vincent russell elijah louis bobby philip johnny barack bernie mitt mike ted marco jeb rand
chris bill vladimir xi emmanuel boris justin recep benjamin narendra jair mohammed
antony sergei rex jim tom tim bob ben dan sam rudy rudolph newt lindsey mitch chuck
""".split())

# Heads of a description that usually stand for an unnamed person: no salience fallback.
UNNAMED_HEADS = frozenset("""spokesman spokeswoman spokesperson official source aide adviser advisor lawyer
attorney officer analyst expert witness resident woman man reporter journalist person voter protester
supporter student neighbor neighbour friend relative""".split())

# Words that open a clause rather than a speaker phrase ("But Blinken said").
LEADING_FILLERS = frozenset("""
but and so yet then also still however meanwhile instead later earlier now today yesterday
moreover furthermore indeed though although while because as when after before since
""".split())
