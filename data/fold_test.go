package data

import (
	"fmt"
	"testing"
)

func TestFold(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Goïta", "goita"},
		{"Goita", "goita"},
		{"Koné", "kone"},
		{"KEÏTA", "keita"},
		{"Ségou", "segou"},
		{"Bah N’Daw", "bah n'daw"},
		{"Côte d'Ivoire", "cote d'ivoire"},
		{"Øresund", "oresund"},
		{"Straße", "strasse"},
		{"Bamako", "bamako"},
	}
	for _, c := range cases {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func ExampleFold() {
	fmt.Println(Fold("Assimi Goïta") == Fold("assimi goita"))
	fmt.Println(Fold("Modibo Koné"))
	// Output:
	// true
	// modibo kone
}
