package article

import "strings"

// country is a state as articles name it: its ISO alpha-3 code, its names
// and the adjectives for its people and institutions, in English and
// French, written as keys (folded, lower case, no diacritics).
type country struct {
	code  string
	name  string // English name, for actors made from an adjective
	names string // "|"-separated keys
	adjs  string // "|"-separated keys
}

// countries are the states of the Sahel, their neighbours and the powers
// that deal with them.
var countries = []country{
	{"MLI", "Mali", "mali|republic of mali|republique du mali", "malian|malians|malien|malienne|maliens|maliennes"},
	{"BFA", "Burkina Faso", "burkina faso|burkina", "burkinabe|burkinabes|burkinabé|burkinais"},
	{"NER", "Niger", "niger|republic of niger", "nigerien|nigeriens|nigerienne|nigeriennes"},
	{"TCD", "Chad", "chad|tchad", "chadian|chadians|tchadien|tchadienne|tchadiens|tchadiennes"},
	{"SDN", "Sudan", "sudan|soudan|the sudan", "sudanese|soudanais|soudanaise|soudanaises"},
	{"SSD", "South Sudan", "south sudan|soudan du sud", "south sudanese|sud soudanais"},
	{"MRT", "Mauritania", "mauritania|mauritanie", "mauritanian|mauritanians|mauritanien|mauritanienne|mauritaniens"},
	{"SEN", "Senegal", "senegal", "senegalese|senegalais|senegalaise|senegalaises"},
	{"DZA", "Algeria", "algeria|algerie", "algerian|algerians|algerien|algerienne|algeriens|algeriennes"},
	{"LBY", "Libya", "libya|libye", "libyan|libyans|libyen|libyenne|libyens"},
	{"EGY", "Egypt", "egypt|egypte", "egyptian|egyptians|egyptien|egyptienne|egyptiens"},
	{"NGA", "Nigeria", "nigeria", "nigerian|nigerians|nigerian|nigeriane|nigerians"},
	{"CMR", "Cameroon", "cameroon|cameroun", "cameroonian|camerounais|camerounaise"},
	{"CIV", "Côte d'Ivoire", "cote d'ivoire|ivory coast", "ivorian|ivoirien|ivoirienne|ivoiriens"},
	{"GHA", "Ghana", "ghana", "ghanaian|ghaneen|ghaneenne"},
	{"BEN", "Benin", "benin", "beninese|beninois|beninoise"},
	{"TGO", "Togo", "togo", "togolese|togolais|togolaise"},
	{"GIN", "Guinea", "guinea|guinee", "guinean|guineen|guineenne"},
	{"GMB", "Gambia", "gambia|gambie", "gambian|gambien"},
	{"MAR", "Morocco", "morocco|maroc", "moroccan|marocain|marocaine|marocains"},
	{"TUN", "Tunisia", "tunisia|tunisie", "tunisian|tunisien|tunisienne"},
	{"ETH", "Ethiopia", "ethiopia|ethiopie", "ethiopian|ethiopien|ethiopienne"},
	{"ERI", "Eritrea", "eritrea|erythree", "eritrean|erythreen"},
	{"CAF", "Central African Republic", "central african republic|centrafrique|republique centrafricaine", "centrafricain|centrafricaine"},
	{"COD", "DR Congo", "dr congo|democratic republic of the congo|rdc|rd congo", "congolese|congolais|congolaise"},
	{"KEN", "Kenya", "kenya", "kenyan|kenyan|kenyane"},
	{"TZA", "Tanzania", "tanzania|tanzanie|united republic of tanzania", "tanzanian|tanzanien|tanzanienne"},
	{"FRA", "France", "france|french republic|republique francaise", "french|francais|francaise|francaises|franco"},
	{"USA", "United States", "united states|us|u s|usa|u s a|etats unis|united states of america|america", "american|americans|americain|americaine|americains|americaines"},
	{"RUS", "Russia", "russia|russie|russian federation|federation de russie", "russian|russians|russe|russes"},
	{"CHN", "China", "china|chine", "chinese|chinois|chinoise"},
	{"TUR", "Turkey", "turkey|turkiye|turquie", "turkish|turc|turque|turcs"},
	{"GBR", "United Kingdom", "united kingdom|uk|britain|great britain|royaume uni", "british|britannique|britanniques"},
	{"DEU", "Germany", "germany|allemagne", "german|germans|allemand|allemande|allemands"},
	{"ITA", "Italy", "italy|italie", "italian|italien|italienne"},
	{"ESP", "Spain", "spain|espagne", "spanish|espagnol|espagnole"},
	{"BEL", "Belgium", "belgium|belgique", "belgian|belge|belges"},
	{"ARE", "United Arab Emirates", "united arab emirates|uae|emirats arabes unis|emirates", "emirati|emirien|emirienne"},
	{"SAU", "Saudi Arabia", "saudi arabia|arabie saoudite", "saudi|saoudien|saoudienne"},
	{"QAT", "Qatar", "qatar", "qatari|qatarien|qatarie"},
	{"IRN", "Iran", "iran", "iranian|iranien|iranienne"},
	{"UKR", "Ukraine", "ukraine", "ukrainian|ukrainien|ukrainienne"},
	{"ISR", "Israel", "israel", "israeli|israelien|israelienne"},
	{"CAN", "Canada", "canada", "canadian|canadien|canadienne"},
}

// countryWord is what a country key stands for.
type countryWord struct {
	c   *country
	adj bool // an adjective (Malian), not a name (Mali)
}

// countryIndex maps every name and adjective key to its country.
func countryIndex() (map[string]countryWord, int) {
	idx := map[string]countryWord{}
	longest := 1
	for i := range countries {
		c := &countries[i]
		for _, n := range strings.Split(c.names, "|") {
			n = keyOf(n)
			idx[n] = countryWord{c: c}
			longest = max(longest, strings.Count(n, " ")+1)
		}
		for _, a := range strings.Split(c.adjs, "|") {
			a = keyOf(a)
			if _, taken := idx[a]; !taken {
				idx[a] = countryWord{c: c, adj: true}
			}
			longest = max(longest, strings.Count(a, " ")+1)
		}
	}
	return idx, longest
}
