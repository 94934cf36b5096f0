package exchange

import (
	"strings"
	"sync"

	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/data"
)

//go:generate go run ../../assets/gen/countries -o countries_table.go

// CountryFinder says which country holds a point; *geo.Atlas is one.
// Import calls it from one goroutine at a time.
type CountryFinder interface {
	// CountryCodeAt returns the ISO 3166 alpha-3 code of the country at
	// the lon/lat point p, or "" at sea.
	CountryCodeAt(p orb.Point) string
}

// countryEntry is one row of atlasCountries (countries_table.go).
type countryEntry struct {
	code    string // ISO 3166 alpha-3, or Natural Earth's own code
	numeric int    // ISO 3166 numeric, 0 for none
	name    string // English name, as the map shows it
}

// countryVariants are other names that files give countries: ACLED's,
// GDELT's and the ISO list's spellings, abbreviations, and the French
// names of the region and of its partners. Names that fold to an atlas
// name ("Sénégal", "Nigéria") need no entry.
var countryVariants = map[string]string{
	// English spellings and abbreviations.
	"Ivory Coast": "CIV", "Cape Verde": "CPV", "Czech Republic": "CZE", "Swaziland": "SWZ",
	"Democratic Republic of Congo": "COD", "DR Congo": "COD", "DRC": "COD", "Congo, Democratic Republic of the": "COD",
	"Congo, The Democratic Republic of the": "COD", "Congo-Kinshasa": "COD", "Congo (Kinshasa)": "COD",
	"Republic of Congo": "COG", "Congo": "COG", "Congo, Republic of the": "COG", "Congo-Brazzaville": "COG", "Congo (Brazzaville)": "COG",
	"United States": "USA", "US": "USA", "United Kingdom of Great Britain and Northern Ireland": "GBR", "UK": "GBR", "Great Britain": "GBR",
	"East Timor": "TLS", "Timor Leste": "TLS", "Macedonia": "MKD", "Burma": "MMR", "Russian Federation": "RUS",
	"Syrian Arab Republic": "SYR", "Iran, Islamic Republic of": "IRN", "Islamic Republic of Iran": "IRN", "Viet Nam": "VNM",
	"Lao PDR": "LAO", "Lao People's Democratic Republic": "LAO", "Korea, Republic of": "KOR", "Republic of Korea": "KOR",
	"Korea, Democratic People's Republic of": "PRK", "Democratic People's Republic of Korea": "PRK",
	"Moldova, Republic of": "MDA", "Republic of Moldova": "MDA", "Tanzania, United Republic of": "TZA", "United Republic of Tanzania": "TZA",
	"Bolivia, Plurinational State of": "BOL", "Venezuela, Bolivarian Republic of": "VEN",
	"State of Palestine": "PSE", "Palestine, State of": "PSE", "Palestinian Territory": "PSE", "Palestinian Territories": "PSE",
	"West Bank": "PSE", "Gaza Strip": "PSE", "Vatican": "VAT", "Holy See": "VAT",
	"Micronesia, Federated States of": "FSM", "Federated States of Micronesia": "FSM", "Saint-Martin": "MAF",
	"The Bahamas": "BHS", "Bahamas, The": "BHS", "The Gambia": "GMB", "Gambia, The": "GMB", "Guinea Bissau": "GNB",
	"Bosnia-Herzegovina": "BIH", "Turkiye": "TUR", "Türkiye": "TUR", "Brunei Darussalam": "BRN", "Macau": "MAC",
	"The Netherlands": "NLD", "Kyrgyz Republic": "KGZ", "Slovak Republic": "SVK", "Republic of South Sudan": "SSD",
	"Libyan Arab Jamahiriya": "LBY", "Sao Tome & Principe": "STP",
	// French names.
	"Tchad": "TCD", "Mauritanie": "MRT", "Algérie": "DZA", "Maroc": "MAR", "Tunisie": "TUN", "Libye": "LBY",
	"Égypte": "EGY", "Soudan": "SDN", "Soudan du Sud": "SSD", "Éthiopie": "ETH", "Érythrée": "ERI", "Somalie": "SOM",
	"Cameroun": "CMR", "République centrafricaine": "CAF", "Centrafrique": "CAF", "Guinée": "GIN", "Guinée-Bissau": "GNB",
	"Guinée équatoriale": "GNQ", "Gambie": "GMB", "Cap-Vert": "CPV", "République démocratique du Congo": "COD", "RDC": "COD",
	"République du Congo": "COG", "Ouganda": "UGA", "Tanzanie": "TZA", "Sahara occidental": "ESH", "Afrique du Sud": "ZAF",
	"Allemagne": "DEU", "Royaume-Uni": "GBR", "États-Unis": "USA", "États-Unis d'Amérique": "USA", "Russie": "RUS",
	"Chine": "CHN", "Turquie": "TUR", "Émirats arabes unis": "ARE", "Arabie saoudite": "SAU", "Belgique": "BEL",
	"Espagne": "ESP", "Italie": "ITA", "Suisse": "CHE", "Pays-Bas": "NLD", "Japon": "JPN", "Inde": "IND", "Brésil": "BRA",
	"Syrie": "SYR", "Irak": "IRQ", "Jordanie": "JOR", "Liban": "LBN", "Koweït": "KWT", "Bahreïn": "BHR",
	"Pologne": "POL", "Grèce": "GRC", "Norvège": "NOR", "Suède": "SWE", "Danemark": "DNK", "Irlande": "IRL",
	"Mexique": "MEX", "Australie": "AUS", "Corée du Sud": "KOR", "Corée du Nord": "PRK",
}

// countryIndex is atlasCountries and countryVariants indexed for lookups.
type countryIndex struct {
	numeric map[int]string    // 466 → "MLI"
	names   map[string]string // folded name → code
	codes   map[string]bool
}

// countries builds the index on first need.
var countries = sync.OnceValue(func() *countryIndex {
	x := &countryIndex{
		numeric: make(map[int]string, len(atlasCountries)),
		names:   make(map[string]string, len(atlasCountries)+len(countryVariants)),
		codes:   make(map[string]bool, len(atlasCountries)),
	}
	for name, code := range countryVariants {
		x.names[data.Fold(name)] = code
	}
	for _, c := range atlasCountries { // the atlas's names win over variants
		if c.numeric != 0 {
			x.numeric[c.numeric] = c.code
		}
		x.names[data.Fold(c.name)] = c.code
		x.codes[c.code] = true
	}
	return x
})

// countryOfNumeric returns the alpha-3 code of an ISO 3166 numeric code
// ("466", "0466" or "466.0" → "MLI"), or "".
func countryOfNumeric(s string) string {
	s = strings.TrimSuffix(strings.TrimSpace(s), ".0")
	n, ok := atoi(s)
	if !ok {
		return ""
	}
	return countries().numeric[n]
}

// countryNamed returns the alpha-3 code of a country named in English or
// French ("Mali", "Ivory Coast", "Tchad") or given as alpha-3, or "".
func countryNamed(s string) string {
	s = strings.TrimSpace(s)
	x := countries()
	if up := strings.ToUpper(s); len(up) == 3 && x.codes[up] {
		return up
	}
	return x.names[data.Fold(s)]
}
