package data

import (
	"strings"
	"testing"
)

func TestSlug(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Military Forces of Mali (2021-)", "military-forces-of-mali-2021"},
		{"Ségou", "segou"},
		{"JNIM: Group for Support of Islam and Muslims", "jnim-group-for-support-of-islam-and-muslims"},
		{"", "x"},
		{"../../etc/passwd", "etc-passwd"},
		{"acled 2025.csv", "acled-2025-csv"},
	}
	for _, c := range cases {
		if got := Slug(c.in); got != c.want {
			t.Errorf("Slug(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	a, b := Slug("الجيش"), Slug("الدعم السريع")
	if a == b || a == "x" || !strings.HasPrefix(a, "u") {
		t.Errorf("Arabic names slug to %q and %q", a, b)
	}
	if m := Slug("RSF (الدعم السريع)"); !strings.HasPrefix(m, "rsf-u") {
		t.Errorf("mixed name slugs to %q", m)
	}
}

func TestImportedIDs(t *testing.T) {
	cases := []struct{ name, got, want string }{
		{"actor", ImportedActorID(Slug("Military Forces of Mali (2021-)")), "x-military-forces-of-mali-2021"},
		// Stored layers derive these ids again: they must never change.
		{"place", ImportedPlaceID(Slug("Boni"), "Boni", -1.8, 15.0167), "x-boni-baebabb1"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: %q, want %q", c.name, c.got, c.want)
		}
	}
	a, b := ImportedPlaceID("boni", "Boni", -1.8, 15.0167), ImportedPlaceID("boni", "Boni", -1.8, 15.0168)
	if a == b || !strings.HasPrefix(a, "x-boni-") || len(a) != len("x-boni-")+8 {
		t.Errorf("places a step apart: %q and %q", a, b)
	}
}
