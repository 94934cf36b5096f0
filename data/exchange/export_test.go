package exchange

// Hooks for the tests of package exchange_test, which may import geo.
var (
	CountryNamed     = countryNamed
	CountryOfNumeric = countryOfNumeric
	CountryVariants  = countryVariants
)

// TableCountryCodes returns the codes of the generated country table.
func TableCountryCodes() []string {
	out := make([]string, len(atlasCountries))
	for i, c := range atlasCountries {
		out[i] = c.code
	}
	return out
}
