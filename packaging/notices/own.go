package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ownModule reads go list -json output and returns the main module with
// the folders of its linked packages, so that the licences of data and
// fonts embedded from them (assets/rivers/COPYING.LESSER,
// geo/draw/fonts/OFL.txt) ship with the binary; nil when the listing
// names no main module.
func ownModule(listing []byte) (*module, error) {
	var own *module
	dec := json.NewDecoder(bytes.NewReader(listing))
	for {
		var p listed
		err := dec.Decode(&p)
		if errors.Is(err, io.EOF) {
			return own, nil
		}
		if err != nil {
			return nil, fmt.Errorf("notices: could not read go list's output: %w", err)
		}
		if p.Standard || p.Module == nil || !p.Module.Main {
			continue
		}
		if own == nil {
			own = &module{Path: p.Module.Path, Dir: p.Module.Dir, dirs: map[string]bool{}}
		}
		own.dirs[p.Dir] = true
	}
}

// ownLicences returns the licence-like files in the folders of the main
// module's linked packages and in the non-Go folders beneath them,
// relative to the module's root and sorted. The root itself is left out:
// its licence, if any, is the program's own and ships as LICENSE.
func (m *module) ownLicences() ([]string, error) {
	seen := map[string]bool{}
	add := func(dir string) error { return m.addLicences(dir, seen) }
	for dir := range m.dirs {
		if dir == m.Dir {
			continue
		}
		if err := add(dir); err != nil {
			return nil, err
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

// writeOwn writes the licences of what the program embeds from its own
// source tree (data and fonts under licences of their own), each headed
// by its path in the source.
func writeOwn(w io.Writer, own *module) error {
	if own == nil {
		return nil
	}
	files, err := own.ownLicences()
	if err != nil || len(files) == 0 {
		return err
	}
	rule := strings.Repeat("=", 78) + "\n"
	io.WriteString(w, rule+"Data and fonts embedded in sahelatlas under licences of their own (see the credits above):\n\n")
	for _, f := range files {
		fmt.Fprintf(w, "  %s\n", filepath.ToSlash(f))
	}
	for _, f := range files {
		text, err := os.ReadFile(filepath.Join(own.Dir, f))
		if err != nil {
			return fmt.Errorf("notices: %w", err)
		}
		fmt.Fprintf(w, "\n%s%s\n%s", rule, filepath.ToSlash(f), rule)
		w.Write(bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n")))
		if !bytes.HasSuffix(text, []byte("\n")) {
			io.WriteString(w, "\n")
		}
	}
	io.WriteString(w, "\n")
	return nil
}
