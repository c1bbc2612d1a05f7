"""Fixed word lists for key-phrase extraction, written by hand from general English.

STOPWORDS split candidate phrases; GENERIC words are too common in news to be a key phrase on
their own (they may still sit inside a longer phrase: "peace talks"); TITLES are honorifics and
job titles stripped from the ends of names ("Foreign Minister Sergei Lavrov" -> "Sergei
Lavrov"); NOT_NAMES are capitalized words that start sentences or name dates, not things.
"""
from __future__ import annotations

STOPWORDS = frozenset("""
a about above across after afterwards again against all almost alone along already also although
always am among amongst an and another any anybody anyhow anyone anything anyway anywhere are
around as at be became because become becomes becoming been before beforehand behind being below
beside besides between beyond both but by can cannot could did do does doing done down during
each either else elsewhere enough etc even ever every everyone everything everywhere except few
for former formerly from further had has have having he hence her here hereby herein hers herself
him himself his how however i if in indeed into is it its itself just last latter least less
many may me meanwhile might mine more moreover most mostly much must my myself namely neither
never nevertheless next no nobody none noone nor not nothing now nowhere of off often on once one
only onto or other others otherwise our ours ourselves out over own per perhaps rather same
several she should since so some somehow someone something sometime sometimes somewhere still
such than that the their theirs them themselves then thence there thereafter thereby therefore
therein thereupon these they this those though through throughout thru thus to together too
toward towards under until up upon us very via was we well were what whatever when whence
whenever where whereafter whereas whereby wherein whereupon wherever whether which while whither
who whoever whole whom whose why will with within without would yet you your yours yourself
yourselves s t ll ve re d m don didn doesn isn wasn weren aren hasn haven hadn won wouldn couldn
shouldn can't won't don't it's that's he's she's i'm we're they're let's i'll i've i'd
you're you'll we'll we've they'll they've he'll she'll it'll there's here's what's who's
said says say saying told tell tells asked ask according added adding noted stated claimed
also just like get got gets make makes made take takes took going go goes went come comes came
""".split())

GENERIC = frozenset("""
year years month months week weeks day days time times today yesterday tomorrow tonight morning
evening night people person man men woman women thing things way ways part parts lot lots number
numbers percent cent per million billion thousand thousands hundreds dozens group groups place
places area areas world country countries nation state states city cities home house case cases
point points issue issues problem problems question questions fact facts end side sides kind sort
use used using need needs needed want wants wanted think thought know known knew see seen saw
look looked looking find found give gave given put set show shows shown showed help helped try
tried call called calls keep kept begin began start started new old good bad big small large
great high low long short little major key main important different possible likely able early
late former latest recent recently first second third last next many much more most less least
other others another same such own real right left top full public local national international
official officials report reports reported statement statements news story interview comment
comments spokesman spokeswoman source sources member members leader leaders head chief director
work working worked job plan plans planned move moved change changes changed decision decisions
support effort efforts order step steps level levels rate rates result results reason reasons
information data course term terms deal deals process action actions plan program programme
system systems service services company companies firm business team office officer officers
government administration minister president secretary agency department spokesperson
announced announcement continue continued continues include includes including included remain
remains remained become became believe believed expected expect expects seem seems seemed
meeting meetings talk talks conversation event events matter matters situation position
additional further various certain several whole entire possible potential particular
general specific similar available current future past previous final total overall
significant serious strong clear direct frank simple difficult hard easy free sure true
likely unlikely important necessary available worth whether across around within without
increase decrease concern concerns rule rules incentive incentives response
according hour hours minute minutes moment moments period age ages life lives family families
""".split())

TITLES = frozenset("""
mr mrs ms miss dr prof sir dame lord lady sen rep gov gen lt col capt sgt st mr. mrs. ms. dr.
president vice secretary minister prime foreign deputy chief senator representative governor
mayor judge justice general commander officer chairman chairwoman chair ceo director chancellor
ambassador spokesman spokeswoman king queen prince princess pope bishop archbishop rev reverend
former late acting interim state defense defence interior home finance health education
senior top head leader executive coach manager captain star actor actress singer player
marine sergeant lieutenant senate house committee majority minority colonel admiral major private officer agent detective inspector
superintendent commissioner counsel dept attorney prosecutor lawyer dean professor doctor nurse
congressman congresswoman councillor councilman assemblyman speaker
us u.s. uk u.k. un eu american british russian ukrainian chinese french german
""".split())

NOT_NAMES = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
i the a an but and or so if in on at as by for of to from with after before when while where
he she it they we you his her their our its this that these those there here what who why how
mr mrs ms dr yes no not all some one two three four five six seven eight nine ten many most
meanwhile however moreover also although though still yet now then today yesterday tomorrow
last next early later according while despite during since until unless because
photo image video read more click watch advertisement associated press reuters afp getty images
""".split())

IRREGULAR_SINGULAR = {
    "men": "man", "women": "woman", "children": "child", "people": "people", "feet": "foot",
    "teeth": "tooth", "mice": "mouse", "geese": "goose", "lives": "life", "wives": "wife",
    "knives": "knife", "leaves": "leaf", "thieves": "thief", "wolves": "wolf", "halves": "half",
    "shelves": "shelf", "heroes": "hero", "tomatoes": "tomato", "potatoes": "potato",
    "vetoes": "veto", "echoes": "echo", "criteria": "criterion", "phenomena": "phenomenon",
    "headaches": "headache", "aches": "ache", "niches": "niche", "caches": "cache",
    "crises": "crisis", "analyses": "analysis", "theses": "thesis", "diagnoses": "diagnosis",
}

# Words that end in -s but are not plurals (or whose singular would change the meaning).
NOT_PLURAL = frozenset("""
news series species politics economics physics mathematics athletics ethics olympics aids arms
chaos bus gas atlas bias canvas lens alias texas paris means headquarters whereabouts tennis
gymnastics logistics statistics diabetes measles herpes rabies mumps overseas always perhaps
its this was has is does yes us plus thus unless whereas pants jeans
""".split())
