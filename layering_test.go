package main

import (
	"os/exec"
	"strings"
	"testing"
)

// The packages point one way (DEVELOPERS' layout): data imports neither geo
// nor ui; geo imports neither ui nor the store nor the importers; the
// window never imports the command-line package; only ui imports Fyne.
func TestLayering(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH to list the packages")
	}
	out, err := exec.Command(goBin, "list", "-f", `{{.ImportPath}} {{join .Imports " "}}`, "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	const mod = "github.com/sahelatlas/sahelatlas"
	rules := []struct {
		from      string // a package or its subtree
		forbidden []string
		why       string
	}{
		{mod + "/data", []string{mod + "/geo", mod + "/ui"}, "the model imports neither geo nor ui"},
		{mod + "/geo", []string{mod + "/ui", mod + "/data/store", mod + "/data/exchange"}, "the engine imports neither ui nor the store nor the importers"},
		{mod + "/data", []string{"fyne.io/"}, "only ui imports Fyne"},
		{mod + "/geo", []string{"fyne.io/"}, "only ui imports Fyne"},
		{mod + "/assets", []string{"fyne.io/"}, "only ui imports Fyne"},
	}
	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg, imports := fields[0], fields[1:]
		for _, r := range rules {
			if pkg != r.from && !strings.HasPrefix(pkg, r.from+"/") {
				continue
			}
			checked++
			for _, imp := range imports {
				for _, f := range r.forbidden {
					if root := strings.TrimSuffix(f, "/"); imp == root || strings.HasPrefix(imp, root+"/") {
						t.Errorf("%s imports %s: %s", pkg, imp, r.why)
					}
				}
			}
		}
		if pkg == mod+"/ui" {
			for _, imp := range imports {
				if imp == mod+"/ui/cli" {
					t.Errorf("the window (%s) imports the command-line package %s: shared work lives in geo/ or data/", pkg, imp)
				}
			}
		}
	}
	if checked < 5 {
		t.Fatalf("checked only %d packages: go list gave %q", checked, out)
	}
}
