package main

// The vocabulary of the synthetic archive. Everything is a slice, never a
// map, so that iteration order (and with it the output) is fixed. Person
// names are fictional combinations of common first names and surnames.

// city is a place an event can be held; slug is its ASCII form for ids.
type city struct {
	name, slug string
	weight     int
}

// country is one actor code of the pool.
type country struct {
	code     string
	name     string // as in running text: "Georgia", "the United States"
	adj      string // "Georgian"
	formal   string // in organisation names: "the Republic of Azerbaijan"
	weight   int    // relative frequency of the code in events
	nonState bool   // UNO, EUR: never host exercises, have their own positions
	cities   []city
	ranges   []string // training areas for exercises, may be empty
	names    *namePool
	// generals is the rank of the chief of the general staff.
	generals string
}

// The pool: the South Caucasus and its neighbours are weighted up, as in a
// briefing that covers the region.
var countries = []*country{
	{code: "GEO", name: "Georgia", adj: "Georgian", formal: "Georgia", weight: 140, generals: "Major General",
		cities: []city{{"Tbilisi", "tbilisi", 12}, {"Batumi", "batumi", 3}, {"Kutaisi", "kutaisi", 2}, {"Telavi", "telavi", 1}},
		ranges: []string{"Vaziani training area", "Krtsanisi National Training Centre"}, names: namesKA},
	{code: "AZE", name: "Azerbaijan", adj: "Azerbaijani", formal: "the Republic of Azerbaijan", weight: 140, generals: "Colonel General",
		cities: []city{{"Baku", "baku", 12}, {"Ganja", "ganja", 2}, {"Shusha", "shusha", 2}, {"Nakhchivan", "nakhchivan", 1}},
		ranges: []string{"Garaheybat training ground"}, names: namesAZ},
	{code: "ARM", name: "Armenia", adj: "Armenian", formal: "the Republic of Armenia", weight: 105, generals: "Lieutenant General",
		cities: []city{{"Yerevan", "yerevan", 12}, {"Gyumri", "gyumri", 2}, {"Dilijan", "dilijan", 1}},
		ranges: []string{"Zar training ground"}, names: namesHY},
	{code: "TUR", name: "Türkiye", adj: "Turkish", formal: "the Republic of Türkiye", weight: 100, generals: "General",
		cities: []city{{"Ankara", "ankara", 10}, {"Istanbul", "istanbul", 5}, {"Kars", "kars", 2}, {"İzmir", "izmir", 1}, {"Trabzon", "trabzon", 1}},
		ranges: []string{"Sarıkamış training area"}, names: namesTR},
	{code: "IRN", name: "Iran", adj: "Iranian", formal: "the Islamic Republic of Iran", weight: 55, generals: "Major General",
		cities: []city{{"Tehran", "tehran", 10}, {"Tabriz", "tabriz", 3}, {"Isfahan", "isfahan", 1}}, names: namesFA},
	{code: "RUS", name: "Russia", adj: "Russian", formal: "the Russian Federation", weight: 65, generals: "Colonel General",
		cities: []city{{"Moscow", "moscow", 10}, {"Saint Petersburg", "saint-petersburg", 2}, {"Sochi", "sochi", 2}}, names: namesRU},
	{code: "UKR", name: "Ukraine", adj: "Ukrainian", formal: "Ukraine", weight: 50, generals: "Lieutenant General",
		cities: []city{{"Kyiv", "kyiv", 10}, {"Odesa", "odesa", 2}, {"Lviv", "lviv", 1}}, names: namesUK},
	{code: "KAZ", name: "Kazakhstan", adj: "Kazakh", formal: "the Republic of Kazakhstan", weight: 40, generals: "Lieutenant General",
		cities: []city{{"Astana", "astana", 10}, {"Almaty", "almaty", 3}, {"Aktau", "aktau", 2}}, names: namesKK},
	{code: "USA", name: "the United States", adj: "US", formal: "the United States", weight: 45, generals: "General",
		cities: []city{{"Washington, D.C.", "washington", 10}, {"New York", "new-york", 2}}, names: namesEN},
	{code: "FRA", name: "France", adj: "French", formal: "the French Republic", weight: 25, generals: "General",
		cities: []city{{"Paris", "paris", 10}, {"Toulon", "toulon", 1}}, names: namesFR},
	{code: "DEU", name: "Germany", adj: "German", formal: "the Federal Republic of Germany", weight: 25, generals: "General",
		cities: []city{{"Berlin", "berlin", 10}, {"Munich", "munich", 2}}, names: namesDE},
	{code: "GBR", name: "the United Kingdom", adj: "British", formal: "the United Kingdom", weight: 25, generals: "General",
		cities: []city{{"London", "london", 10}}, names: namesGB},
	{code: "POL", name: "Poland", adj: "Polish", formal: "the Republic of Poland", weight: 20, generals: "General",
		cities: []city{{"Warsaw", "warsaw", 10}, {"Kraków", "krakow", 2}}, names: namesPL},
	{code: "ROU", name: "Romania", adj: "Romanian", formal: "Romania", weight: 18, generals: "General",
		cities: []city{{"Bucharest", "bucharest", 10}, {"Constanța", "constanta", 2}}, names: namesRO},
	{code: "BGR", name: "Bulgaria", adj: "Bulgarian", formal: "the Republic of Bulgaria", weight: 14, generals: "Admiral",
		cities: []city{{"Sofia", "sofia", 10}, {"Varna", "varna", 2}}, names: namesBG},
	{code: "GRC", name: "Greece", adj: "Greek", formal: "the Hellenic Republic", weight: 14, generals: "General",
		cities: []city{{"Athens", "athens", 10}, {"Thessaloniki", "thessaloniki", 2}}, names: namesEL},
	{code: "ISR", name: "Israel", adj: "Israeli", formal: "the State of Israel", weight: 20, generals: "Lieutenant General",
		cities: []city{{"Jerusalem", "jerusalem", 6}, {"Tel Aviv", "tel-aviv", 4}}, names: namesHE},
	{code: "CHN", name: "China", adj: "Chinese", formal: "the People's Republic of China", weight: 20, generals: "General",
		cities: []city{{"Beijing", "beijing", 10}, {"Shanghai", "shanghai", 2}}, names: namesZH},
	{code: "IND", name: "India", adj: "Indian", formal: "India", weight: 14, generals: "General",
		cities: []city{{"New Delhi", "new-delhi", 10}, {"Mumbai", "mumbai", 1}}, names: namesHI},
	{code: "UNO", name: "the United Nations", adj: "UN", formal: "the United Nations", weight: 7, nonState: true,
		cities: []city{{"New York", "new-york", 5}, {"Geneva", "geneva", 4}, {"Vienna", "vienna", 1}}, names: namesIntl},
	{code: "EUR", name: "the European Union", adj: "EU", formal: "the European Union", weight: 8, nonState: true,
		cities: []city{{"Brussels", "brussels", 10}, {"Strasbourg", "strasbourg", 1}}, names: namesIntl},
}

// Themes group positions: an event's kind picks a theme, the theme picks
// who takes part.
const (
	thDefence = iota
	thMilitary
	thForeign
	thSecurity
	thInterior
	thHead
	numThemes
)

// themeHolders names the leaders of a theme in titles: "defence ministers".
var themeHolders = [numThemes]string{"defence ministers", "chiefs of the general staff", "foreign ministers", "heads of the security services", "interior ministers", "leaders"}

// position is an office of a state. Role may contain {to}: the country an
// ambassador is accredited to, filled in per event.
type positionSpec struct {
	theme  int
	role   string
	org    int    // index into orgs of the country
	rank   string // "" none, "*" the country's general rank, "*S" that where security chiefs hold one
	weight int    // how often the holder appears; the minister most
}

// Organisations of a state, by index.
const (
	orgMoD = iota
	orgArmy
	orgMFA
	orgSec
	orgMoI
	orgBorder
	orgPres
	orgGov
	orgNSC
	numOrgs
)

var stateOrgs = [numOrgs]string{
	"Ministry of Defence of %s",
	"General Staff of the Armed Forces of %s",
	"Ministry of Foreign Affairs of %s",
	"State Security Service of %s",
	"Ministry of Internal Affairs of %s",
	"State Border Service of %s",
	"Administration of the President of %s",
	"Government of %s",
	"Security Council of %s",
}

// orgOverrides gives real-sounding names where the pattern would be wrong.
var orgOverrides = []struct {
	code string
	org  int
	name string
}{
	{"GEO", orgArmy, "General Staff of the Defence Forces of Georgia"},
	{"GEO", orgBorder, "Border Police of Georgia"},
	{"ARM", orgSec, "National Security Service of the Republic of Armenia"},
	{"TUR", orgMoD, "Ministry of National Defence of the Republic of Türkiye"},
	{"TUR", orgSec, "National Intelligence Organization (MİT)"},
	{"TUR", orgMoI, "Ministry of Interior of the Republic of Türkiye"},
	{"TUR", orgBorder, "Gendarmerie General Command"},
	{"IRN", orgSec, "Ministry of Intelligence of the Islamic Republic of Iran"},
	{"IRN", orgNSC, "Supreme National Security Council of Iran"},
	{"RUS", orgSec, "Federal Security Service of the Russian Federation"},
	{"RUS", orgBorder, "Border Service of the FSB of Russia"},
	{"UKR", orgSec, "Security Service of Ukraine"},
	{"UKR", orgBorder, "State Border Guard Service of Ukraine"},
	{"UKR", orgNSC, "National Security and Defense Council of Ukraine"},
	{"KAZ", orgSec, "National Security Committee of the Republic of Kazakhstan"},
	{"USA", orgMoD, "U.S. Department of Defense"},
	{"USA", orgArmy, "Joint Chiefs of Staff"},
	{"USA", orgMFA, "U.S. Department of State"},
	{"USA", orgSec, "Office of the Director of National Intelligence"},
	{"USA", orgMoI, "U.S. Department of Homeland Security"},
	{"USA", orgBorder, "U.S. Customs and Border Protection"},
	{"USA", orgPres, "The White House"},
	{"USA", orgGov, "The White House"},
	{"USA", orgNSC, "National Security Council"},
	{"FRA", orgMoD, "Ministry of the Armed Forces"},
	{"FRA", orgMFA, "Ministry for Europe and Foreign Affairs"},
	{"FRA", orgSec, "Directorate-General for External Security (DGSE)"},
	{"DEU", orgMoD, "Federal Ministry of Defence"},
	{"DEU", orgMFA, "Federal Foreign Office"},
	{"DEU", orgSec, "Federal Intelligence Service (BND)"},
	{"DEU", orgMoI, "Federal Ministry of the Interior"},
	{"DEU", orgBorder, "Federal Police"},
	{"DEU", orgGov, "Federal Chancellery"},
	{"GBR", orgMoD, "Ministry of Defence"},
	{"GBR", orgArmy, "Ministry of Defence (Defence Staff)"},
	{"GBR", orgMFA, "Foreign, Commonwealth and Development Office"},
	{"GBR", orgSec, "Secret Intelligence Service"},
	{"GBR", orgMoI, "Home Office"},
	{"GBR", orgBorder, "Border Force"},
	{"GBR", orgGov, "Prime Minister's Office"},
	{"POL", orgMoD, "Ministry of National Defence of the Republic of Poland"},
	{"POL", orgSec, "Internal Security Agency of Poland"},
	{"POL", orgBorder, "Border Guard of Poland"},
	{"ROU", orgSec, "Romanian Intelligence Service"},
	{"BGR", orgSec, "State Agency for National Security of Bulgaria"},
	{"GRC", orgSec, "National Intelligence Service of Greece"},
	{"CHN", orgSec, "Ministry of State Security of the People's Republic of China"},
	{"CHN", orgMoI, "Ministry of Public Security of the People's Republic of China"},
	{"ROU", orgMoD, "Ministry of National Defence of Romania"},
	{"GRC", orgMoD, "Ministry of National Defence of Greece"},
	{"ISR", orgSec, "Israel Security Agency"},
	{"ISR", orgArmy, "General Staff of the Israel Defense Forces"},
	{"CHN", orgMoD, "Ministry of National Defense of the People's Republic of China"},
	{"IND", orgMFA, "Ministry of External Affairs of India"},
	{"IND", orgSec, "Intelligence Bureau of India"},
	{"IND", orgMoI, "Ministry of Home Affairs of India"},
}

// statePositions are the offices every state has. The minister of a theme
// comes first; deputies and staff fill delegations.
var statePositions = []positionSpec{
	{thDefence, "Minister of Defence", orgMoD, "", 30},
	{thDefence, "Deputy Minister of Defence", orgMoD, "", 10},
	{thDefence, "Deputy Minister of Defence", orgMoD, "", 8},
	{thDefence, "Head of the Defence Policy and Planning Department", orgMoD, "", 6},
	{thDefence, "Head of the International Military Cooperation Department", orgMoD, "Colonel", 5},
	{thDefence, "Defence Attaché to {to}", orgMoD, "Colonel", 4},
	{thMilitary, "Chief of the General Staff", orgArmy, "*", 25},
	{thMilitary, "Commander of the Land Forces", orgArmy, "Major General", 12},
	{thMilitary, "Commander of the Special Operations Forces", orgArmy, "Brigadier General", 8},
	{thMilitary, "Head of the Combat Training Department", orgArmy, "Colonel", 6},
	{thMilitary, "Commander of the Mechanised Infantry Brigade", orgArmy, "Colonel", 5},
	{thMilitary, "Battalion Commander", orgArmy, "Lieutenant Colonel", 4},
	{thForeign, "Minister of Foreign Affairs", orgMFA, "", 30},
	{thForeign, "Deputy Minister of Foreign Affairs", orgMFA, "", 10},
	{thForeign, "Deputy Minister of Foreign Affairs", orgMFA, "", 8},
	{thForeign, "Ambassador to {to}", orgMFA, "", 8},
	{thForeign, "Director of the Security Policy Department", orgMFA, "", 5},
	{thForeign, "Special Envoy for Regional Affairs", orgMFA, "", 4},
	{thSecurity, "Head of the State Security Service", orgSec, "*S", 25},
	{thSecurity, "Deputy Head of the State Security Service", orgSec, "", 10},
	{thSecurity, "Head of the Counter-Terrorism Centre", orgSec, "Colonel", 6},
	{thSecurity, "Head of the International Relations Department", orgSec, "", 4},
	{thInterior, "Minister of Internal Affairs", orgMoI, "", 25},
	{thInterior, "Head of the Border Service", orgBorder, "Major General", 14},
	{thInterior, "Deputy Minister of Internal Affairs", orgMoI, "", 8},
	{thInterior, "Head of the Migration Department", orgMoI, "", 4},
	{thHead, "President", orgPres, "", 20},
	{thHead, "Prime Minister", orgGov, "", 20},
	{thHead, "Secretary of the Security Council", orgNSC, "", 10},
	{thHead, "Foreign Policy Adviser to the President", orgPres, "", 5},
}

// roleOverrides rename offices where the country's title differs.
var roleOverrides = []struct{ code, role, name string }{
	{"USA", "Minister of Defence", "Secretary of Defense"},
	{"USA", "Deputy Minister of Defence", "Assistant Secretary of Defense"},
	{"USA", "Minister of Foreign Affairs", "Secretary of State"},
	{"USA", "Deputy Minister of Foreign Affairs", "Deputy Secretary of State"},
	{"USA", "Chief of the General Staff", "Chairman of the Joint Chiefs of Staff"},
	{"USA", "Head of the State Security Service", "Director of National Intelligence"},
	{"USA", "Minister of Internal Affairs", "Secretary of Homeland Security"},
	{"USA", "Prime Minister", "Vice President"},
	{"USA", "Secretary of the Security Council", "National Security Advisor"},
	{"GBR", "Minister of Defence", "Secretary of State for Defence"},
	{"GBR", "Minister of Foreign Affairs", "Foreign Secretary"},
	{"GBR", "Chief of the General Staff", "Chief of the Defence Staff"},
	{"GBR", "Minister of Internal Affairs", "Home Secretary"},
	{"GBR", "President", "Deputy Prime Minister"},
	{"GBR", "Secretary of the Security Council", "National Security Adviser"},
	{"DEU", "Prime Minister", "Federal Chancellor"},
	{"DEU", "President", "Federal President"},
	{"DEU", "Minister of Foreign Affairs", "Federal Minister for Foreign Affairs"},
	{"DEU", "Minister of Internal Affairs", "Federal Minister of the Interior"},
	{"TUR", "Minister of Defence", "Minister of National Defence"},
	{"TUR", "Chief of the General Staff", "Chief of the General Staff"},
	{"TUR", "Head of the State Security Service", "Head of the National Intelligence Organization"},
	{"TUR", "Minister of Internal Affairs", "Minister of Interior"},
	{"TUR", "Prime Minister", "Vice President"},
	{"ISR", "President", "President"},
	{"IND", "Minister of Foreign Affairs", "Minister of External Affairs"},
	{"IND", "Minister of Internal Affairs", "Minister of Home Affairs"},
	{"IND", "Secretary of the Security Council", "National Security Adviser"},
}

// intlPosition is an office of UNO or EUR, which have no ministries.
type intlPosition struct {
	role, org string
	weight    int
}

var unoPositions = []intlPosition{
	{"Under-Secretary-General for Political and Peacebuilding Affairs", "United Nations Department of Political and Peacebuilding Affairs", 20},
	{"Assistant Secretary-General for Europe, Central Asia and the Americas", "United Nations Department of Political and Peacebuilding Affairs", 15},
	{"Resident Coordinator", "United Nations Country Team", 12},
	{"Co-Chair of the Geneva International Discussions", "United Nations", 10},
	{"Senior Political Affairs Officer", "United Nations Office at Geneva", 6},
	{"Director", "United Nations Office of Counter-Terrorism", 6},
}

var eurPositions = []intlPosition{
	{"High Representative for Foreign Affairs and Security Policy", "European External Action Service", 18},
	{"EU Special Representative for the South Caucasus", "European External Action Service", 20},
	{"Head of Mission", "EU Monitoring Mission in Georgia", 14},
	{"Head of the EU Delegation", "Delegation of the European Union", 10},
	{"Deputy Secretary General for Peace, Security and Defence", "European External Action Service", 8},
	{"Commissioner for Enlargement", "European Commission", 6},
}

// focusArea is a canonical area with the spellings curated data uses for it.
type focusArea struct {
	name    string
	aliases []string
	weight  int
	themes  []int // themes it goes with, nil = any
}

// focusAreas are the canonical areas written to [focus_areas]. The first
// eleven are those of the project's own config.toml.
var focusAreas = []focusArea{
	{"Intelligence sharing", []string{"information sharing", "intelligence exchange", "information exchange"}, 12, []int{thSecurity, thDefence}},
	{"Defence planning", []string{"defense planning"}, 8, []int{thDefence, thMilitary}},
	{"Procurement coordination", []string{"procurement"}, 5, []int{thDefence}},
	{"Joint exercises", []string{"joint training", "training exercises"}, 10, []int{thMilitary, thDefence}},
	{"Training and readiness", []string{"training schedules", "common readiness standards"}, 6, []int{thMilitary}},
	{"Defence industry", []string{"defense industry", "defence industry cooperation"}, 6, []int{thDefence, thHead}},
	{"Regional stability", []string{"regional peace", "regional security"}, 14, nil},
	{"Strategic partnership", nil, 10, []int{thHead, thForeign}},
	{"Border security", []string{"border management"}, 8, []int{thInterior, thSecurity}},
	{"Counter-terrorism", []string{"counterterrorism"}, 7, []int{thSecurity, thInterior}},
	{"Cybersecurity", []string{"cyber security"}, 6, []int{thSecurity, thDefence}},
	{"Energy security", []string{"energy infrastructure protection"}, 7, []int{thHead, thForeign}},
	{"Transport and connectivity", []string{"connectivity", "transit corridors"}, 6, []int{thHead, thForeign}},
	{"Peace process", []string{"peace talks", "normalisation", "normalization"}, 7, []int{thForeign, thHead}},
	{"Military education", []string{"defence education", "defense education"}, 4, []int{thMilitary, thDefence}},
	{"Demining", []string{"mine clearance", "humanitarian demining"}, 4, []int{thMilitary, thInterior}},
}

// unknownAreas are areas not in [focus_areas]: the loader keeps them and
// warns, which is what the archive should exercise.
var unknownAreas = []string{
	"Search and rescue coordination",
	"Military medicine",
	"Hydrographic survey cooperation",
	"Veterinary border controls",
	"Space situational awareness",
	"Cultural heritage protection",
}

// publisher is a media outlet with its usual admiralty grading.
type publisher struct {
	name, domain string
	rel          byte
	cred         int
	weight       int
}

var publishers = []publisher{
	{"Caucasus Wire", "caucasus-wire.example.com", 'B', 2, 14},
	{"Regional Security Monitor", "rsm.example.org", 'B', 2, 10},
	{"South Caucasus Daily", "news.example.org", 'C', 3, 12},
	{"Black Sea Defence Review", "bsdr.example.net", 'B', 2, 7},
	{"Eurasia News Agency", "ena.example.com", 'C', 2, 10},
	{"Türk Haber Ajansı", "haber.example.com", 'C', 3, 6},
	{"Azərbaycan Xəbərləri", "xeberler.example.org", 'C', 3, 6},
	{"საქართველოს ამბები", "ambebi.example.org", 'C', 3, 5},
	{"Armenian Press Review", "apr.example.net", 'C', 3, 5},
	{"Steppe Times", "steppe.example.com", 'C', 3, 3},
	{"Defence Blog Caucasus", "blog.example.net", 'D', 4, 4},
	{"Open-source monitoring channel", "osint.example.org", 'E', 5, 2},
}

// exerciseNames are code names of joint exercises; some contain quotes in
// titles, which is what tests TOML escaping on real-looking data.
var exerciseNames = []string{
	"Eternal Brotherhood", "Caucasus Eagle", "Noble Partner", "Agile Spirit", "Black Sea Shield",
	"Mountain Storm", "Anatolian Phoenix", "Steppe Guardian", "Unbreakable Bond", "Kura Valley",
}

var agreementDocs = []string{
	"a memorandum of understanding", "an intergovernmental agreement", "a plan of bilateral military cooperation",
	"a protocol", "an action plan", "a joint declaration",
}

var quotes = []string{
	"We will continue to deepen our strategic partnership",
	"Security in the region is indivisible",
	"Our cooperation is not directed against third countries",
	"Today's talks were frank and constructive",
	"We have agreed on concrete steps for the coming year",
}

var cancelReasons = []string{
	"The ministry cited scheduling conflicts",
	"No reason was given",
	"The organisers cited the weather",
	"The visit was postponed indefinitely after the government reshuffle",
	"Both sides said the talks would be rescheduled",
}

// Name pools. Native spellings are kept where the language has them; the
// roster derives the canonical (Latin) name and the alias from them.
var (
	namesKA = &namePool{style: styleKA,
		male:     []string{"გიორგი", "დავით", "ლევან", "ირაკლი", "ნიკოლოზ", "ზურაბ", "ვახტანგ", "ლაშა", "თეიმურაზ", "გიგა", "ბესიკ", "ალექსანდრე", "შალვა", "კახა", "ოთარ"},
		female:   []string{"ნინო", "თამარ", "მარიამ", "ანა", "ეკატერინე", "სალომე", "ხათუნა", "ნათია", "ქეთევან", "მაკა"},
		surnames: []string{"ბერიძე", "კაპანაძე", "გელაშვილი", "მაისურაძე", "ლომიძე", "ჯაფარიძე", "ქავთარაძე", "წიკლაური", "ღლონტი", "ხარაიშვილი", "ჩხეიძე", "ნოზაძე", "ბაქრაძე", "გოგოლაძე", "მჭედლიშვილი", "ცინცაძე", "ყიფიანი", "ჟღენტი", "ტაბატაძე", "ფხაკაძე", "შენგელია", "ჭანტურია"}}
	namesAZ = &namePool{style: styleAZ, femSuffix: true,
		male:     []string{"Əli", "Rəşad", "Elçin", "Kənan", "Zaur", "Vüqar", "İlqar", "Fərid", "Tural", "Orxan", "Ramil", "Mübariz", "Şahin", "Xəyal", "Elnur", "Cavid", "Anar", "Fuad", "Rövşən", "Səməd"},
		female:   []string{"Nərmin", "Günel", "Aynur", "Səbinə", "Leyla", "Könül", "Aysel", "Lalə", "Ülviyyə", "Şəbnəm"},
		surnames: []string{"Həsənov", "Nağıyev", "Məmmədov", "Əliyev", "Quliyev", "Hüseynov", "İsmayılov", "Rzayev", "Bayramov", "Cəfərov", "Abbasov", "Kərimov", "Səfərov", "Mustafayev", "Qasımov", "Vəliyev", "Hacıyev", "Sadıqov", "Nəsirov", "Xəlilov", "Şükürov", "Əsgərov"}}
	namesTR = &namePool{style: styleFold,
		male:     []string{"Mehmet", "Ahmet", "Hakan", "Ümit", "Selçuk", "Çağrı", "Barış", "İbrahim", "İsmail", "Şükrü", "Oğuz", "Murat", "Kemal", "Serkan", "Doğan", "Emre", "Gökhan", "Tolga"},
		female:   []string{"Ayşe", "Elif", "Zeynep", "Gülşen", "Özlem", "Hülya", "Şebnem", "Derya", "İpek", "Nur"},
		surnames: []string{"Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan", "Doğru", "Kılıç", "Aslan", "Çetin", "Koç", "Kurt", "Özdemir", "Erdem", "Yıldız", "Bayraktar", "Gürsoy", "Tekin", "Uçar", "Karagöz"}}
	namesHY = &namePool{style: styleHY,
		male:     []string{"Armen", "Tigran", "Davit", "Gevorg", "Hayk", "Narek", "Vahagn", "Arsen", "Karen", "Mher", "Ruben", "Artur", "Hovhannes", "Levon", "Samvel"},
		female:   []string{"Ani", "Lilit", "Anahit", "Gohar", "Mariam", "Nune", "Armine", "Siranush"},
		surnames: []string{"Petrosyan", "Harutyunyan", "Sargsyan", "Grigoryan", "Hovhannisyan", "Khachatryan", "Avetisyan", "Mkrtchyan", "Karapetyan", "Ghazaryan", "Martirosyan", "Vardanyan", "Gasparyan", "Simonyan", "Hakobyan", "Manukyan", "Galstyan", "Movsisyan"}}
	namesRU = &namePool{style: styleRU, femSuffix: true,
		male:     []string{"Sergei", "Alexei", "Dmitry", "Andrei", "Mikhail", "Nikolai", "Yuri", "Pavel", "Igor", "Viktor", "Oleg", "Vladimir", "Konstantin"},
		female:   []string{"Olga", "Irina", "Elena", "Maria", "Tatiana", "Natalia", "Svetlana"},
		surnames: []string{"Volkov", "Sokolov", "Morozov", "Lebedev", "Kozlov", "Novikov", "Pavlov", "Fedorov", "Orlov", "Belov", "Zaitsev", "Gromov", "Kiselev", "Tarasov", "Zhukov", "Vinogradov"}}
	namesUK = &namePool{style: styleLatin,
		male:     []string{"Oleksandr", "Andriy", "Serhiy", "Taras", "Mykola", "Dmytro", "Vasyl", "Bohdan", "Yevhen", "Roman"},
		female:   []string{"Olena", "Iryna", "Yuliia", "Kateryna", "Oksana", "Halyna"},
		surnames: []string{"Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boyko", "Moroz", "Lysenko", "Marchenko", "Rudenko", "Savchenko", "Hrytsenko", "Polishchuk"}}
	namesKK = &namePool{style: styleLatin, femSuffix: true,
		male:     []string{"Nurlan", "Yerlan", "Askar", "Daniyar", "Marat", "Serik", "Bauyrzhan", "Kairat", "Timur", "Yerbol"},
		female:   []string{"Aigerim", "Dana", "Aliya", "Saule", "Zhanna", "Gulnara"},
		surnames: []string{"Nurpeisov", "Abenov", "Zhaksybekov", "Suleimenov", "Omarov", "Bekov", "Iskakov", "Kassymov", "Akhmetov", "Sarsenbayev", "Baimukhanov", "Tulegenov"}}
	namesFA = &namePool{style: styleFA,
		male:     []string{"Ali", "Mohammad", "Hossein", "Reza", "Mahmoud", "Abbas", "Hassan", "Mehdi", "Saeed", "Majid", "Ahmad", "Mohammad Reza"},
		female:   []string{"Zahra", "Maryam", "Fatemeh", "Leila", "Narges"},
		surnames: []string{"Karimi", "Hosseini", "Rahimi", "Mousavi", "Ahmadi", "Jafari", "Rezaei", "Sadeghi", "Moradi", "Hashemi", "Ghasemi", "Nazari", "Alavi", "Tehrani"}}
	namesEN = &namePool{style: styleLatin,
		male:     []string{"John", "Michael", "David", "Robert", "James", "Daniel", "Thomas", "Mark", "Brian", "Kevin"},
		female:   []string{"Sarah", "Jennifer", "Emily", "Laura", "Karen", "Rebecca", "Megan"},
		surnames: []string{"Miller", "Anderson", "Thompson", "Carter", "Mitchell", "Brooks", "Hayes", "Sullivan", "Bennett", "Reynolds", "Coleman", "Parker", "Foster", "Russell"}}
	namesFR = &namePool{style: styleFold,
		male:     []string{"Jean", "Pierre", "Nicolas", "Philippe", "Antoine", "François", "Jérôme", "Sébastien", "Luc"},
		female:   []string{"Sophie", "Camille", "Isabelle", "Claire", "Hélène", "Émilie", "Anne"},
		surnames: []string{"Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Lefèvre", "Girard", "Rousseau", "Fournier", "Mercier", "Lemaître", "Chevalier"}}
	namesDE = &namePool{style: styleDE,
		male:     []string{"Thomas", "Andreas", "Stefan", "Matthias", "Jörg", "Markus", "Jürgen", "Tobias", "Florian"},
		female:   []string{"Katrin", "Julia", "Anja", "Sabine", "Bärbel", "Annette"},
		surnames: []string{"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Wagner", "Becker", "Hoffmann", "Schäfer", "Koch", "Krüger", "Größer"}}
	namesGB = &namePool{style: styleLatin,
		male:     []string{"James", "Oliver", "William", "Edward", "Alistair", "Richard", "Henry", "Rupert"},
		female:   []string{"Charlotte", "Harriet", "Fiona", "Catherine", "Victoria", "Imogen"},
		surnames: []string{"Smith", "Taylor", "Clarke", "Hughes", "Wright", "Walker", "Edwards", "Harrison", "Pemberton", "Fletcher", "Ashworth"}}
	namesPL = &namePool{style: styleFold, femSuffix: true,
		male:     []string{"Piotr", "Tomasz", "Marcin", "Krzysztof", "Paweł", "Michał", "Łukasz", "Jarosław"},
		female:   []string{"Katarzyna", "Agnieszka", "Magdalena", "Małgorzata", "Joanna"},
		surnames: []string{"Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Dąbrowski"}}
	namesRO = &namePool{style: styleFold,
		male:     []string{"Andrei", "Mihai", "Radu", "Cristian", "Gabriel", "Florin", "Ștefan", "Bogdan"},
		female:   []string{"Ioana", "Elena", "Alexandra", "Ana", "Raluca", "Mădălina"},
		surnames: []string{"Popescu", "Ionescu", "Dumitrescu", "Stan", "Stoica", "Constantin", "Ene", "Marin", "Munteanu", "Dragomir", "Țurcanu", "Mureșan"}}
	namesBG = &namePool{style: styleLatin, femSuffix: true,
		male:     []string{"Georgi", "Ivan", "Dimitar", "Nikolai", "Petar", "Stoyan", "Krasimir", "Todor"},
		female:   []string{"Maria", "Elena", "Desislava", "Tsvetelina", "Galina"},
		surnames: []string{"Ivanov", "Georgiev", "Dimitrov", "Petrov", "Nikolov", "Stoyanov", "Todorov", "Kolev", "Angelov"}}
	namesEL = &namePool{style: styleLatin,
		male:     []string{"Georgios", "Konstantinos", "Dimitrios", "Nikolaos", "Ioannis", "Panagiotis", "Christos"},
		female:   []string{"Maria", "Eleni", "Katerina", "Sofia", "Despina"},
		surnames: []string{"Papadopoulos", "Georgiou", "Nikolaidis", "Konstantinou", "Papageorgiou", "Dimitriou", "Vasileiou", "Antoniou", "Oikonomou"}}
	namesHE = &namePool{style: styleLatin,
		male:     []string{"David", "Yossi", "Avi", "Moshe", "Eitan", "Amir", "Ronen", "Itai"},
		female:   []string{"Noa", "Tamar", "Shira", "Yael", "Michal"},
		surnames: []string{"Cohen", "Levi", "Mizrahi", "Peretz", "Biton", "Dahan", "Friedman", "Katz", "Azoulay", "Ben-David", "Shapiro"}}
	namesZH = &namePool{style: styleLatin, surnameFirst: true,
		male:     []string{"Wei", "Jun", "Lei", "Ming", "Jianguo", "Haitao", "Zhiqiang", "Yong"},
		female:   []string{"Hong", "Jing", "Lihua", "Xiaoyan", "Yifan"},
		surnames: []string{"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Sun", "Ma"}}
	namesHI = &namePool{style: styleLatin,
		male:     []string{"Rajesh", "Anil", "Vikram", "Arun", "Rahul", "Sanjay", "Deepak", "Ashok", "Suresh"},
		female:   []string{"Sunita", "Priya", "Kavita", "Meera", "Anjali"},
		surnames: []string{"Sharma", "Verma", "Gupta", "Singh", "Kumar", "Nair", "Iyer", "Menon", "Reddy", "Chatterjee", "Rao", "Mehta"}}
	// namesIntl draws officials of international organisations from
	// several European pools.
	namesIntl = &namePool{mixed: []*namePool{namesFR, namesDE, namesPL, namesEL, namesRO, namesGB, namesHI, namesBG}}
)
