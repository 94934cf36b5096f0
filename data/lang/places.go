package lang

import (
	"strings"

	"golang.org/x/text/language"
)

//go:generate go run ../../assets/gen/regionsfr -o regions_fr.go

// Country is the name of the country with ISO 3166 code code (alpha-3
// "TCD" or alpha-2 "TD") in t: CLDR's French name ("Tchad", "Soudan",
// "Côte d’Ivoire") in French, else english, the name the caller has (also
// when CLDR has none, as for Natural Earth's own codes like "SOL").
func (t Tag) Country(code, english string) string {
	if t != French {
		return english
	}
	r, err := language.ParseRegion(strings.TrimSpace(code))
	if err != nil {
		return english
	}
	if n := frenchRegions[r.String()]; n != "" {
		return n
	}
	return english
}

// capitalsFR are the capitals whose usual French name is not their
// English one (CLDR names countries, not cities); Khartoum, Niamey or
// Bamako are the same in both and need no entry.
var capitalsFR = map[string]string{
	"Algiers":          "Alger",
	"Cairo":            "Le Caire",
	"N'Djamena":        "N’Djaména",
	"Addis Ababa":      "Addis-Abeba",
	"Juba":             "Djouba",
	"Mogadishu":        "Mogadiscio",
	"Laayoune":         "Laâyoune",
	"Yaounde":          "Yaoundé",
	"Riyadh":           "Riyad",
	"Damascus":         "Damas",
	"Beirut":           "Beyrouth",
	"Valletta":         "La Valette",
	"Lisbon":           "Lisbonne",
	"Moscow":           "Moscou",
	"Abu Dhabi":        "Abou Dabi",
	"Andorra la Vella": "Andorre-la-Vieille",
	"Vienna":           "Vienne",
	"Brussels":         "Bruxelles",
	"Bern":             "Berne",
	"Copenhagen":       "Copenhague",
	"London":           "Londres",
	"Athens":           "Athènes",
	"Warsaw":           "Varsovie",
	"Bucharest":        "Bucarest",
	"Tbilisi":          "Tbilissi",
	"Yerevan":          "Erevan",
	"Baku":             "Bakou",
	"Nicosia":          "Nicosie",
	"Vatican City":     "Cité du Vatican",
	"San Marino":       "Saint-Marin",
	"Chisinau":         "Chișinău",
	"Kuwait City":      "Koweït",
	"Muscat":           "Mascate",
	"Tehran":           "Téhéran",
	"Baghdad":          "Bagdad",
	"Ashgabat":         "Achgabat",
	"Tashkent":         "Tachkent",
	"Dushanbe":         "Douchanbé",
}

// Capital is the name of a capital city in t: the usual French name where
// it differs from the English one ("Alger", "Le Caire", "Addis-Abeba"),
// else the name given.
func (t Tag) Capital(english string) string {
	if t == French {
		if n, ok := capitalsFR[english]; ok {
			return n
		}
	}
	return english
}
