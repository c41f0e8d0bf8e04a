// Generic word lists the extractor's rules are made of: titles, organisation and place heads,
// descriptor nouns, reporting and denial verbs. No names of particular people or bodies live here
// (those come from the NLP libraries' data or the investigation's own entities).

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/** Titles and roles written before a person's name ("Mayor Diane …", "Mr Keogh"). */
export const PERSON_TITLES = set(`
  mr mrs ms miss dr prof professor sir dame lord lady madam mister president vice-president
  minister premier chancellor mayor councilman councilwoman councillor councilor senator
  congressman congresswoman governor judge justice general gen major maj colonel col captain capt
  lieutenant lt sergeant sgt admiral commander officer agent detective inspector superintendent
  king queen prince princess emperor pope bishop archbishop cardinal rev reverend rabbi
  imam sheikh chairman chairwoman ceo director ambassador deputy secretary prosecutor attorney
  lawyer spokesman spokeswoman spokesperson chief coach president-elect prime
`);

/** Last words of organisation names. */
export const ORG_HEADS = set(`
  ltd limited inc incorporated corp corporation co company companies group holdings holding plc llc
  llp gmbh ag sa nv bv oy ab as spa srl kg jsc pjsc ooo oao zao
  ministry agency directorate department service services committee commission council bank
  bureau office authority administration institute institution university college school academy
  foundation fund trust association society union federation league club party movement front
  alliance coalition assembly parliament senate congress court tribunal police army navy force
  forces guard command corps brigade regiment division church mission hospital museum library
  centre center laboratory laboratories lab labs network media press news newspaper radio
  television tv channel times post journal gazette herald tribune telegraph observer review
  chronicle ledger monitor courier express mail standard daily weekly magazine agency wire
  exchange partners capital investments ventures securities shipping marine lines airlines
  airways energy oil gas petroleum motors industries systems technologies technology solutions
  logistics trading consulting group studios records entertainment pictures productions
  team fc cf united rovers athletic orchestra band choir ensemble brigades cartel
  desk watch initiative project programme program unit cell government cabinet regime
  organisation organization enterprises works factory mills electric telecom communications
  insurance finance financial bancorp credit markets archive archives analytics investigations
  collective fze fzco house hauling recycling rundfunk zeitung gazeta research
  foods food pharmaceuticals pharma steel mining metals chemicals construction builders
  developments properties estates realty airline brewery breweries
  eood ood ead ad sro oü sia uab vestnik
`);

/** First words that make an organisation when followed by "of …" ("Ministry of Defence"). */
export const ORG_LEADS = set(`
  ministry department bank university college institute office bureau agency council committee
  commission board house court directorate service society association union federation league
  church museum academy school order federal national royal central state banca banco banque
`);

/** Heads of place names ("Baker Street", "Lake Ohrid", "Gulf of Finland"). */
export const PLACE_HEADS = set(`
  street st avenue ave road rd boulevard square lane river lake sea ocean bay gulf strait island
  islands mountains mountain mount mt valley desert peninsula county province region district
  oblast krai state city town village port harbour harbor airport station bridge park coast
  canal creek hills forest plateau falls springs heights towers quarter embankment
  reservoir dock docks cave caves pavilion mall cathedral stadium arena riding wharf pier
`);
export const PLACE_LEADS = set('lake mount mt gulf bay cape port fort saint st isle sea strait');

/** Connectors allowed inside a name run when a capitalised word follows. */
export const NAME_CONNECTORS = set("of de du des da di del della van von der den la le al el bin ibn y and for & am im zu");

/** Descriptor nouns that refer back to a person ("the former officer", "the ex-minister"). */
export const PERSON_NOUNS = set(`
  officer official minister ex-minister president chief executive ceo chairman chairwoman director
  founder owner manager spokesman spokeswoman spokesperson lawyer attorney historian analyst
  whistleblower businessman businesswoman tycoon banker mayor councilman councilwoman councillor
  politician candidate senator governor agent spy journalist reporter editor researcher scientist
  physicist expert investigator prosecutor judge general colonel major captain man woman coach
  athlete skier doctor professor activist author writer blogger trader executive ex-officer
  ex-counter-intelligence ex-chief deputy ambassador diplomat magnate mogul entrepreneur
  investor oligarch defector dissident commander employee worker source insider critic
  leader premier chancellor secretary commissioner head boss partner brother sister wife husband
  father mother son daughter uncle nephew niece widow
`);

/** Descriptor nouns that refer back to an organisation ("the company", "the ministry"). */
export const ORG_NOUNS = set(`
  company firm group ministry agency service bank exchange club federation committee council
  commission office bureau government party network outlet paper newspaper site website
  broadcaster channel institute university court tribunal regulator authority department
  directorate distributor supplier manufacturer operator owner fund charity foundation
  organisation organization campaign programme agency prosecutors
  collective consultancy broker lender daily tabloid broadcaster watchdog builder insurer
  outfit startup partnership association union club
`);

export const PRONOUNS_PERSON = set('he she him her his hers himself herself');
export const PRONOUNS_ORG = set('it its itself they them their');

/** Capitalised words that begin sentences or headings but are not names. */
export const NOT_NAMES = set(`
  the a an this that these those there here it its he she they we i you his her their our my your
  in on at by for from to of with without about after before during despite although though while
  when where whether which who whom whose what why how if as but and or nor so yet also however
  meanwhile moreover furthermore still even only just then now today yesterday tomorrow
  according asked speaking despite neither either both each every all some any many most more
  several few no not none nothing nobody one two three four five six seven eight nine ten
  former ex late recent earlier later
  monday tuesday wednesday thursday friday saturday sunday january february march april may june
  july august september october november december
  mr mrs ms dr
  was is were are did does do has have had will would can could should shall
  said says claims questions evidence update editor note correction breaking exclusive
`);

export const MONTHS = set('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec');
export const WEEKDAYS = set('monday tuesday wednesday thursday friday saturday sunday');

/** Last words of event names ("World War II" is neither a body nor a place). */
export const EVENT_HEADS = set('war wars revolution olympics games championship championships cup summit crisis uprising massacre siege battle festival expo congress- campaign ages awards award convention tour prize trophy tournament election elections marathon rally');

/** Common country short forms and their full names, so "U.S.", "USA" and "United States" meet. */
export const PLACE_SYNONYMS: Record<string, string> = {
  us: 'united states', usa: 'united states', 'united states of america': 'united states', america: 'united states',
  uk: 'united kingdom', britain: 'united kingdom', 'great britain': 'united kingdom',
  ussr: 'soviet union', 'union of soviet socialist republics': 'soviet union',
  uae: 'united arab emirates', prc: 'china', 'peoples republic of china': 'china', gdr: 'east germany', ddr: 'east germany',
  frg: 'west germany', bvi: 'british virgin islands', drc: 'democratic republic of the congo',
};

let placeSynonymsByKey: Map<string, string> | null = null;
/**
 * PLACE_SYNONYMS looked up by alias key. normalizeKey folds doubled letters ("USSR" → "usr"), so
 * the table is re-keyed through the same function the caller used on the name.
 */
export function placeSynonym(key: string, fold: (s: string) => string): string | undefined {
  if (!placeSynonymsByKey) {
    placeSynonymsByKey = new Map();
    for (const [k, v] of Object.entries(PLACE_SYNONYMS)) {
      placeSynonymsByKey.set(fold(k), fold(v));
      placeSynonymsByKey.set(fold(v), fold(v));
    }
  }
  return placeSynonymsByKey.get(key);
}

/** Lower-case nouns that, right before a name, say what it names ("the daily X", "the broker X"). */
export const MEDIA_NOUNS = set(`
  outlet website site daily newspaper paper tabloid weekly broadsheet broadcaster channel station
  magazine publication portal blog newsletter news-site newswire
`);
export const ORG_DESCRIPTORS = set(`
  company firm group consultancy builder lender bank insurer broker brokerage
  fund charity club exchange distributor supplier manufacturer maker operator retailer
  contractor subcontractor carrier shipper agency ministry regulator watchdog institute
  think-tank thinktank nonprofit non-profit collective organisation organization association
  union party movement startup start-up conglomerate subsidiary outfit laboratory lab
  registry court ngo network platform studio label publisher airline utility miner
  band team orchestra journal franchise brand
`);
/** Lower-case nouns that, right before or after a name, say it is a person ("his wife, X"). */
export const PERSON_DESCRIPTORS = set(`
  wife husband son daughter brother sister father mother uncle aunt nephew niece cousin widow
  widower partner fiancé fiancée girlfriend boyfriend grandson granddaughter brother-in-law
  sister-in-law son-in-law daughter-in-law father-in-law mother-in-law stepson stepdaughter
  planner engineer chemist accountant auditor economist consultant adviser advisor aide
  assistant secretary clerk editor reporter journalist columnist correspondent photographer
  lawyer attorney solicitor barrister businessman businesswoman entrepreneur investor
  banker trader financier tycoon oligarch magnate politician lawmaker legislator candidate
  official officer agent spy diplomat ambassador activist campaigner blogger analyst
  researcher scientist physicist historian professor lecturer doctor surgeon nurse athlete
  skier player coach manager director founder co-founder chairman chairwoman spokesman
  spokeswoman spokesperson executive whistleblower defector dissident informant pilot captain
  student teacher priest judge prosecutor investigator detective minister mayor councillor
  councilman councilwoman governor senator deputy president premier chancellor
`);
/** Unit words of a body's sub-unit ("6th Directorate", "Main Department"): the same numbered unit. */
export const UNIT_HEADS = set('department directorate division service section bureau unit administration branch office');
/** Nouns that name a programme or operation: a codename given to one is not a person's alias. */
export const OPERATION_NOUNS = set('programme program operation project scheme plan campaign initiative');
