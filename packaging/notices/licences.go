package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// module is a Go module the binary links: where it is in the module cache
// and the folders of the packages linked from it.
type module struct {
	Path, Version, Dir string
	dirs               map[string]bool
}

// licences returns the licence-like files that cover what is linked from
// m, relative to m.Dir, sorted: those at the module's root, in each linked
// package's folder and the folders between it and the root, and in the
// folders beneath a linked package that hold no Go package (C sources,
// fonts, data) other than testdata.
func (m *module) licences() ([]string, error) {
	seen := map[string]bool{}
	add := func(dir string) error { return m.addLicences(dir, seen) }
	if err := add(m.Dir); err != nil {
		return nil, err
	}
	for dir := range m.dirs {
		for d := dir; len(d) > len(m.Dir) && strings.HasPrefix(d, m.Dir); d = filepath.Dir(d) {
			if err := add(d); err != nil {
				return nil, err
			}
		}
		if err := m.addBeneath(dir, add); err != nil {
			return nil, err
		}
	}
	files := make([]string, 0, len(seen))
	for f := range seen {
		files = append(files, f)
	}
	sort.Strings(files)
	return files, nil
}

// addLicences adds to seen the licence-like files in dir, relative to
// m.Dir.
func (m *module) addLicences(dir string, seen map[string]bool) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("notices: could not read %s: %w", dir, err)
	}
	for _, e := range entries {
		if e.Type().IsRegular() && isLicence(e.Name()) {
			rel, err := filepath.Rel(m.Dir, filepath.Join(dir, e.Name()))
			if err != nil {
				return fmt.Errorf("notices: %w", err)
			}
			seen[rel] = true
		}
	}
	return nil
}

// addBeneath calls add for every folder beneath dir that holds no Go
// files, stopping at folders that do (another package, credited when it
// is linked) and skipping testdata and hidden folders.
func (m *module) addBeneath(dir string, add func(string) error) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("notices: could not read %s: %w", dir, err)
	}
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
			continue
		}
		sub := filepath.Join(dir, name)
		hasGo, err := holdsGo(sub)
		if err != nil {
			return err
		}
		if hasGo {
			continue
		}
		if err := add(sub); err != nil {
			return err
		}
		if err := m.addBeneath(sub, add); err != nil {
			return err
		}
	}
	return nil
}

func holdsGo(dir string) (bool, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false, fmt.Errorf("notices: could not read %s: %w", dir, err)
	}
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".go") {
			return true, nil
		}
	}
	return false, nil
}

// isLicence reports whether a file named name holds a licence or notice:
// LICENSE, LICENCE, COPYING, PATENTS, OFL and any NOTICE (in any case,
// with a suffix such as LICENSE_Inter, LICENSE-reader or
// THIRD-PARTY-NOTICES), with no extension or a text one.
func isLicence(name string) bool {
	lower := strings.ToLower(name)
	switch filepath.Ext(lower) {
	case "", ".txt", ".md", ".markdown", ".rst":
	default:
		// LICENSE.BSD, LICENSE.apache2, COPYING.LESSER and the like, but
		// not license.go.
		if !strings.HasPrefix(lower, "license") && !strings.HasPrefix(lower, "licence") && !strings.HasPrefix(lower, "copying.") ||
			strings.HasSuffix(lower, ".go") || strings.HasSuffix(lower, ".sh") {
			return false
		}
	}
	base := strings.TrimSuffix(lower, filepath.Ext(lower))
	if strings.Contains(base, "notice") {
		return true
	}
	for _, word := range []string{"license", "licence", "copying", "patents", "ofl"} {
		if strings.HasPrefix(base, word) {
			return true
		}
	}
	return false
}
