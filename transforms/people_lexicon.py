"""Hand-written word lists for telling people apart from other capitalized names.

Every list here was written by hand for this project (no third-party data), so it ships
under the project's own licence. Entries are lower-case; lookups fold case.
"""
from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in text.split())


# Courtesy forms: always stripped, and always evidence that a person follows.
HONORIFICS = _words("""
mr mr. mrs mrs. ms ms. miss mx dr dr. sir dame lord lady madam mme mme. mlle messrs messrs.
prof prof. rev rev. fr fr. st. sen sen. rep rep. gov gov. gen gen. col col. capt capt. lt lt.
sgt sgt. maj maj. cmdr cmdr. adm adm. det det. insp insp. supt supt. atty atty. pres pres.
hon hon. herr frau senor senora sheikh sheik shaikh ayatollah imam rabbi
""")

# Title words: stripped from the front of a name, and evidence that a person follows.
TITLES = _words("""
president vice-president prime minister ministers secretary secretary-general undersecretary
senator congressman congresswoman congressmember representative delegate governor
lieutenant mayor chancellor premier king queen prince princess emperor empress sultan emir
pope cardinal archbishop special counsel bishop pastor reverend father brother sister saint judge justice
magistrate prosecutor attorney general admiral commander colonel major captain sergeant
corporal private marshal brigadier officer inspector detective agent constable sheriff
chief chairman chairwoman chairperson chair director ambassador envoy consul commissioner
administrator professor lecturer doctor coach manager skipper striker midfielder defender
goalkeeper pitcher quarterback spokesman spokeswoman spokesperson speaker leader
deputy assistant associate acting former senior junior interim first crown grand
marine sen. gov. councillor councilman councilwoman alderman trustee nominee candidate
cofounder co-founder founder ceo cfo coo cto md chairmen executive vp treasurer
economist analyst strategist dealer trader captain. president-elect mp mep
foreign home interior finance defence defense trade health education economy labor labour
energy treasury commerce agriculture transport environment justice state security
intelligence culture development industry national international deputy-chief
republican democrat democratic conservative liberal socialist communist independent
majority minority whip presidential general. pm fm actor actress singer author writer
star veteran rapper billionaire businessman businesswoman tycoon magnate lawyer
""")

# Lower-case head nouns that make a pre-modifier a role ("basketball star", "arms smuggler").
ROLE_NOUNS = _words("""
star player striker coach manager captain skipper winger midfielder defender goalkeeper
batsman bowler pitcher champion runner driver rider boxer golfer cyclist swimmer
smuggler dealer trafficker all-rounder leader chief head president minister secretary spokesman
spokeswoman spokesperson official officer diplomat envoy ambassador adviser advisor aide
lawyer attorney judge prosecutor senator lawmaker legislator congressman politician
candidate nominee governor mayor chairman chairwoman director executive founder co-founder
cofounder owner investor billionaire businessman businesswoman tycoon magnate banker
economist analyst strategist scientist researcher professor teacher student journalist
reporter correspondent editor writer author columnist commentator host anchor actor
actress singer rapper musician artist director producer comedian model activist
campaigner protester dissident opposition critic marine soldier veteran commander general
colonel pilot astronaut doctor physician surgeon nurse priest cleric bishop pastor rabbi
imam monk nun king queen prince princess premier chancellor president-elect incumbent
rival challenger opponent partner wife husband son daughter mother father brother sister
widow friend colleague counterpart predecessor successor deputy assistant secretary-general
ceo cfo chief-executive spokesperson founder developer engineer designer architect
entrepreneur philanthropist socialite heiress inventor novelist poet photographer
filmmaker blogger youtuber influencer officer detective inspector sheriff agent
spy hacker whistleblower suspect defendant plaintiff victim survivor witness gunman
killer fugitive prisoner detainee convict hostage refugee migrant mp mep
""")

# First names, written by hand: enough to tell "Phil Simmons" from "Somerset County".
FIRST_NAMES = _words("""
aaron abdul abdullah abraham adam adrian ahmad ahmed aidan alan albert alberto alec alejandro
alex alexander alexandre alexei alexey alfred ali alistair allan allen alvaro amir anatoly
andre andrea andreas andrei andres andrew andrey andy angel angelo anthony antoine anton
antonio antony arnold arthur ashley ashraf austin avi barack barry bart ben benjamin benoit
bernard bernie bill billy bob bobby boris brad bradley brandon brendan brett brian bruce
bruno bryan byron cameron carl carlo carlos carter cecil cesar charles charlie chris
christian christoph christopher chuck clarence claude clifford clint colin conor cory craig
cristiano curtis dale damian damon dan daniel danny dante darren dave david dean denis
dennis derek desmond diego dimitri dimitris dmitry dominic don donald doug douglas duncan
dustin dwight dylan earl ed eddie edgar eduardo edward edwin elijah elliot emmanuel enrique
eric erik ernest ernesto eugene evan evgeny fabio felipe felix fernando filippo francesco
francis francisco franco frank franz fred frederick fyodor gabriel gareth gary gavin gene
geoffrey george georgi gerald gerard gerhard gianni gilbert giorgio giovanni giuseppe glen
glenn gordon graham grant greg gregory guido guillermo gunter gustavo guy hamid hans harold
harry harvey hassan hector heinz helmut henri henrik henry herbert herman hideo hiroshi
howard hugh hugo hussein ian igor ilya imran irving ivan jack jackson jacob jacques jaime jake
james jamie jan jared jason javier jay jean jeff jeffrey jeremy jerome jerry jesse jesus
jim jimmy joachim joe joel johan johann john johnny jon jonathan jordan jorge jose josef
joseph josh joshua juan julian julio justin kai karl keith ken kenneth kevin khalid kim
klaus kofi konstantin kurt kyle lamar lance larry lars laurent lawrence lee leon leonard
leonardo leonid lewis liam lionel lloyd lorenzo louis luc luca lucas luis luke lyndon
mahmoud malcolm manuel marc marcel marco marcus mario mark marko martin marvin mason
matt matteo matthew matthias maurice max maxim michael michel miguel mike mikhail milan
miles mitch mitchell mohamed mohammad mohammed muhammad murray nasser nathan neil nelson
nicholas nick nicolas nigel nikolai nikolaus noah noel norman oleg oliver omar oscar otto
owen pablo paolo pascal pat patrick paul pavel pedro pete peter phil philip philippe
pierre piotr rafael ralph ramon randy raul ray raymond reggie rex ricardo richard rick
ricky rob robert roberto robin rodrigo roger roland roman ron ronald ross roy rudolf
rudy russell ryan salman sam samuel sandro saul scott sean sebastian sergei sergey sergio
seth shane shaun shawn sid simon stan stanley stefan stephen sterling steve steven stuart tariq
ted terry theo theodore thomas tim timothy toby todd tom tommy tony travis trevor troy
tyler uwe valentin valery vasily victor viktor vince vincent vitaly vladimir wade walter
warren wayne werner wesley will william willie wolfgang xavier yan yasser yevgeny yuri
yusuf zach zachary
abigail ada agnes aisha alice alicia alison amanda amber amelia amy ana anastasia andrea
angela angelina anita ann anna anne annette antonia april ashley audrey barbara beatrice
becky belinda beth betty beverly bonnie brenda bridget brittany brittney camilla carla
carmen carol caroline carolyn catherine cathy cecilia charlotte chelsea cheryl christina
christine cindy claire clara claudia colleen connie cynthia daisy dana danielle daphne
deborah debbie denise diana diane dolores donna doris dorothy edith elaine eleanor elena
elisabeth elizabeth ella ellen emily emma erica erin esther eva evelyn fatima fiona
florence frances francesca gabriela gail gemma geraldine gina gloria grace gwen hannah
heather heidi helen helena hilary hillary holly ingrid irene iris isabel isabella jackie
jacqueline jane janet janice jennifer jenny jessica jill joan joanna joanne jodie josephine
joy joyce judith judy julia julie june karen kate katherine kathleen kathryn kathy katie
kay kelly kimberly kristen kristin laura lauren leah lena linda lisa liz lois lori lorraine
louise lucy lydia lynn madeleine maggie mandy margaret margarita maria marian marie marilyn
marina marion marjorie martha mary maureen megan melania melanie melissa meryl michelle
mildred miriam molly monica nadia nancy naomi natalia natalie natasha nicola nicole nina
nora olga olivia pamela patricia paula pauline peggy penny phyllis priscilla rachel rebecca
regina rita roberta rosa rose rosemary ruth sally samantha sandra sara sarah sharon sheila
shirley silvia simone sofia sonia sophie stella stephanie susan suzanne sylvia tamara tanya
teresa theresa tiffany tina tracy ursula valerie vanessa vera veronica victoria virginia
vivian wendy yolanda yvonne zoe
""")

# Single words that make a name an organization, a place, an event or a product.
ORG_WORDS = _words("""
party ministry department council commission committee court parliament congress senate
assembly government administration agency office bureau authority service services
university college school institute academy foundation association society union league
federation confederation organisation organization group bank corp corp. corporation inc
inc. ltd ltd. plc co co. company companies holdings partners fund trust exchange airlines
airways motors industries systems technologies communications media network news times
post journal herald tribune telegraph guardian gazette press review magazine radio tv
television channel club fc united city county state states republic kingdom empire army
navy force forces police guard church mosque temple cathedral hospital centre center
museum gallery theatre theater stadium arena park street road avenue square bridge tower
airport station port river lake mountain mountains island islands valley coast bay sea
ocean gulf strait canal desert forest province region district village town
war games olympics cup championship championships tournament open festival summit
conference expo award awards prize day week act bill treaty accord index report
house hall palace kremlin pentagon capitol cabinet
reserve series bowl classic newsroom high control broadcasting campaign planetarium command research deal rights board affairs advisers caucus
estate photo photos credit images image newsletter newsletters story age bros spa controls
data stock income revenue wells rovers thistle orient harbor harbour springs bazaar banner
vehicles chicken boys sisters prayer beast wire voters receipts brothers holdings labs
athletic wanderers albion villa hotspur rangers celtic dynamo dinamo spartak lokomotiv
torpedo olympique juventus racing sporting
capital international management managers laboratories laboratory pictures studios stores
sciences securities investments assurance insurance pharmaceuticals pharmaceutical
financial commercial medical shipping mining petroleum chemicals textiles apparel
products foods brands entertainment records publishing software solutions consulting
properties realty construction engineering logistics electronics telecom
hotel motel resort restaurant cafe factory collections arts observatory encyclopedia
tribunal borough division unit corps front desk circuit prison stakes rally
orchestra symphony concerto suite choir chronicle examiner inquirer bulletin
weekly daily northwest northeast southwest southeast midwest
complex base facility relations study programme program project aid
""")

# Last words that make a run a faith, a party line or a people, never a person ("Roman Catholic").
CREED_WORDS = _words("""
catholic protestant orthodox baptist presbyterian methodist lutheran anglican episcopal
evangelical pentecostal buddhist hindu sikh jewish muslim islamist christians muslims
democratic revolutionary socialist communist nationalist separatist
""")

# Capitalized words that name no person on their own: places, peoples, months, outlets.
NON_PERSON = ORG_WORDS | _words("""
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
saturday sunday christmas easter ramadan halloween thanksgiving
afp reuters ap tass ria interfax xinhua bbc cnn nbc cbs abc fox msnbc npr pbs nyt
bloomberg politico axios breitbart nasa fbi cia nsa nato un eu opec who imf
god allah jesus christ internet web twitter facebook google apple microsoft amazon
youtube instagram tiktok netflix covid covid-19 coronavirus
america american americans africa african asia asian europe european australia australian
afghanistan afghan albania algeria argentina argentine armenia austria austrian azerbaijan
bahrain bangladesh belarus belgium belgian bolivia bosnia brazil brazilian britain british
bulgaria burma cambodia cameroon canada canadian chile chilean china chinese colombia
croatia cuba cuban cyprus czech denmark danish dutch egypt egyptian england english
estonia ethiopia finland finnish france french georgia german germany ghana greece greek
haiti holland hungary hungarian iceland india indian indonesia indonesian iran iranian
iraq iraqi ireland irish israel israeli italy italian japan japanese jordan kazakhstan
kenya korea korean kosovo kuwait latvia lebanon libya lithuania luxembourg macedonia
malaysia mexico mexican moldova mongolia morocco myanmar nepal netherlands nigeria norway
norwegian pakistan pakistani palestine palestinian panama peru philippines poland polish
portugal portuguese qatar romania russia russian russians rwanda saudi scotland scottish
serbia serbian singapore slovakia slovenia somalia spain spanish sudan sweden swedish
switzerland swiss syria syrian taiwan tajikistan tanzania thailand thai tunisia turkey
turkish turkmenistan uganda ukraine ukrainian ukrainians uzbekistan venezuela vietnam
wales welsh yemen yugoslavia zambia zimbabwe soviet arab arabs muslim muslims christian
christians jewish jews catholic protestant islamic sunni shia kurdish kurds taliban
algerian angolan bavarian bedouin cameroonian congolese ecuadorian eritrean ethiopian
florentine ghanaian jamaican kenyan libyan moroccan namibian nigerian rwandan senegalese
somali sudanese tunisian ugandan zambian zimbabwean bosnians palestinians hutu tutsi
tamil tamils hutus tutsis iraqis israelis afghans pakistanis iranians syrians chechens croats
albanians somalis kosovars egyptians libyans saudis yemenis lebanese jordanians turks cypriots
malaysian vietnamese filipino singaporean burmese nepali bangladeshi lankan uzbek kazakh
armenian estonian latvian lithuanian romanian bulgarian croatian slovak slovenian
belarusian chechen albanian kosovar macedonian peruvian venezuelan colombian bolivian
paraguayan uruguayan argentinian guatemalan honduran salvadoran nicaraguan panamanian haitian
rican emirati qatari kuwaiti bahraini omani yemeni jordanian
us u.s. usa uk u.k. uae ussr
london paris berlin moscow washington beijing tokyo brussels geneva rome madrid vienna
stockholm oslo copenhagen helsinki warsaw prague budapest athens ankara istanbul cairo
tehran baghdad damascus beirut jerusalem kabul islamabad delhi mumbai bangkok jakarta
manila seoul pyongyang sydney melbourne toronto montreal ottawa vancouver chicago boston
york angeles francisco houston dallas miami atlanta seattle denver phoenix detroit
philadelphia california texas florida ohio michigan virginia carolina arizona nevada
oregon illinois iowa kansas kentucky louisiana maryland massachusetts minnesota missouri
montana nebraska tennessee utah vermont wisconsin wyoming alabama alaska arkansas
colorado connecticut delaware hawaii idaho indiana maine mississippi oklahoma
pennsylvania dakota kyiv kiev crimea donbas gaza sarajevo frankfurt hamburg munich
milan zurich amsterdam dublin edinburgh glasgow manchester liverpool birmingham leeds
johannesburg nairobi lagos hong kong shanghai sri lanka zealand
democrats republicans conservatives liberals socialists communists
earth superstorm hurricane typhoon cyclone tornado
sierra leone guinea liberia senegal mali niger congo angola mozambique namibia botswana
madagascar eritrea djibouti oman kyrgyzstan laos bhutan ecuador uruguay paraguay guatemala
honduras nicaragua salvador jamaica bahamas dominican trinidad barbados fiji samoa
paso vegas orleans jacksonville albuquerque tucson omaha tulsa louisville charleston
hartford honolulu anchorage boise spokane fresno bethesda fairfax arlington
kolkata karachi quetta lahore dhaka hanoi saigon riyadh jeddah dubai doha dhabi muscat sanaa
khartoum addis ababa accra dakar kinshasa luanda harare pretoria durban davos hormuz
caracas bogota quito havana brasilia rio janeiro aires montevideo qaeda gras
white north south east west northern southern eastern western central downing
san santa los las fort port mount cape saint puerto palo tel deportivo real red star
catholic serb serbs bosnian moslem moslems women men st le costa rica sao
dortmund bremen rostock leverkusen duesseldorf dusseldorf bielefeld moenchengladbach stuttgart
bochum cologne koeln hanover hannover leipzig dresden nuremberg karlsruhe freiburg schalke
rotterdam arnhem eindhoven utrecht enschede sittard doetinchem groningen breda
turin naples napoli genoa florence bologna verona parma palermo lazio roma lyon marseille
monaco bordeaux nantes lille toulouse strasbourg lens auxerre havre metz bastia
barcelona valencia seville sevilla bilbao zaragoza coruna betis oviedo
lisbon porto benfica anderlecht bruges liege ghent antwerp basel bern lausanne
cincinnati baltimore cleveland milwaukee oakland pittsburgh diego louis minneapolis
kansas seattle tampa orlando sacramento portland memphis nashville indianapolis columbus
charlotte buffalo anaheim brooklyn queens bronx manhattan jersey newark
glasgow aberdeen dundee belfast cardiff swansea sheffield newcastle leicester nottingham
southampton portsmouth bristol coventry derby norwich ipswich bradford wigan bolton
""")

# Capitalized words that open sentences but never start a name.
STARTERS = _words("""
the a an and but or nor so yet for in on at to of by with from as after before when while
if although though because since until unless once where whereas whether which who whom
whose what why how this that these those there here he she it they we i you his her its
their our my your him them us me some many most much more all both each every either
neither no not none one two three four five six seven eight nine ten several few other
another such only just even also still then now today yesterday tomorrow tonight last
next meanwhile however moreover furthermore nevertheless instead indeed thus hence
earlier later according despite during under over about among between through without
against like unlike within into onto upon via per asked speaking following including
given amid instead perhaps maybe already again never always often sometimes soon
yes oh well please thank thanks dear hello hi let let's we're it's that's there's
nearly almost about around roughly only just top senior ex new old big small
nobody somebody someone anyone anybody everyone everybody nothing something everything anything
should could would might must shall
""")

# Particles that sit inside names: "Nikolaus van der Pas", "Loyola de Palacio".
PARTICLES = _words("van von der den de del della di da dos du le la bin ibn al el ben")

# Name suffixes kept as part of the name.
SUFFIXES = _words("jr jr. sr sr. ii iii iv")

# Lower-case words that end a backwards role search: verbs, prepositions, determiners.
ROLE_STOP = STARTERS | _words("""
said says say told tells spoke speaks met meets called calls asked added was is are were
be been being has have had do does did will would could should can may might must
held holds plans planned wants wanted urged warned announced named appointed elected
beat beats defeated against versus vs vs.
""")

# Days: stripped from the end of a run ("Kathleen Sebelius Wednesday"); months are also names.
DAY_WORDS = _words("""
monday tuesday wednesday thursday friday saturday sunday today tonight
""")

# Verbs and page furniture that end headline-style runs ("Trump Read", "Continued Below").
HEADLINE_WORDS = _words("""
read more below continued watch says said slams blasts defends defend won wins win are is was
were has have had could would should warns calls urges vows denies admits
claims responds reacts returns backs rips hits faces seeks pushes explains
""")

# Titles that stay part of a one-word name: regnal and religious names ("King Salman", "Pope Francis").
REGNAL = _words("king queen pope prince princess sultan emir emperor empress")

# Craft that carry names of their own ("Space Shuttle Atlantis", "HMS Victory"): a name after one
# is the vehicle's. (Only before another word: "Carrier" and "Rover" are surnames at a name's end.)
VEHICLE_WORDS = _words("""
shuttle spacecraft spaceship orbiter rover lander probe rocket frigate destroyer cruiser carrier
submarine warship battleship ship vessel yacht tanker freighter ferry liner airliner airship
locomotive hms uss rms usns ins
""")

# Organization and place words that are also common surnames ("Todd Park", "Olivia House").
SURNAME_ORG_WORDS = _words("park house hall church wells temple bridge guard")

# US state abbreviations as written after a party letter ("R-Wis.", "D. Calif.").
STATE_ABBREVIATIONS = _words("""
ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont
neb nev okla ore pa tenn tex vt va wash wis wisc wyo
""")
