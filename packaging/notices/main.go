// Command notices writes the third-party notices shipped beside the
// sahelatlas binary: the data credits, then the licence of every Go module
// the binary links and of the Go standard library, read from the module
// cache.
//
// make dist runs it once for each system, since the modules linked differ
// (a Linux build links D-Bus, a Windows build does not):
//
//	go run ./packaging/notices -goos windows -credits packaging/CREDITS.txt -o THIRD_PARTY_NOTICES.txt .
//
// The modules are those `go list -deps` reports for the main package
// built for -goos and -goarch (by default the ones go run builds for) with
// cgo. A module is credited with every licence-like
// file (LICENSE, COPYING, NOTICE, OFL.txt and their variants) at its root,
// in the folders of the packages linked and the folders above them, and in
// the non-Go folders beneath those (C sources and fonts with licences of
// their own). A module with no licence file stops it: nothing is shipped
// uncredited.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
)

func main() {
	credits := flag.String("credits", "", "a text file written first: the credits for data and fonts")
	out := flag.String("o", "", "the notices file to write (default: standard output)")
	goos := flag.String("goos", runtime.GOOS, "the system the binary is built for")
	goarch := flag.String("goarch", runtime.GOARCH, "the processor the binary is built for")
	flag.Parse()
	pkg := "."
	if flag.NArg() > 0 {
		pkg = flag.Arg(0)
	}
	env := append(os.Environ(), "GOOS="+*goos, "GOARCH="+*goarch, "CGO_ENABLED=1")
	if err := run(pkg, env, *credits, *out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(pkg string, env []string, credits, out string) error {
	listing, err := goList(pkg, env)
	if err != nil {
		return err
	}
	mods, err := linkedModules(listing)
	if err != nil {
		return err
	}
	own, err := ownModule(listing)
	if err != nil {
		return err
	}
	goroot, err := goEnv("GOROOT")
	if err != nil {
		return err
	}
	goversion, err := goEnv("GOVERSION")
	if err != nil {
		return err
	}
	std := &module{Path: "Go standard library", Version: goversion, Dir: goroot}
	std.dirs = map[string]bool{}
	var head []byte
	if credits != "" {
		if head, err = os.ReadFile(credits); err != nil {
			return fmt.Errorf("notices: could not read the credits: %w", err)
		}
	}
	var b bytes.Buffer
	if err := write(&b, head, own, append([]*module{std}, mods...)); err != nil {
		return err
	}
	if out == "" {
		_, err = os.Stdout.Write(b.Bytes())
		return err
	}
	if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("notices: %w", err)
	}
	return nil
}

// goList runs go list -deps -json for pkg in the environment env.
func goList(pkg string, env []string) ([]byte, error) {
	cmd := exec.Command("go", "list", "-deps", "-json=Dir,Standard,Module", pkg)
	cmd.Env = env
	cmd.Stderr = os.Stderr
	listing, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("notices: go list %s failed: %w", pkg, err)
	}
	return listing, nil
}

func goEnv(name string) (string, error) {
	v, err := exec.Command("go", "env", name).Output()
	if err != nil {
		return "", fmt.Errorf("notices: go env %s failed: %w", name, err)
	}
	return strings.TrimSpace(string(v)), nil
}

// write writes the credits, the licences of what the program embeds from
// its own tree (own may be nil), the list of modules, then each module's
// licence files.
func write(w io.Writer, credits []byte, own *module, mods []*module) error {
	if len(credits) > 0 {
		w.Write(credits)
		if !bytes.HasSuffix(credits, []byte("\n")) {
			io.WriteString(w, "\n")
		}
		io.WriteString(w, "\n")
	}
	if err := writeOwn(w, own); err != nil {
		return err
	}
	rule := strings.Repeat("=", 78) + "\n"
	io.WriteString(w, rule+"Go modules linked into sahelatlas, with their licences below:\n\n")
	type found struct {
		mod   *module
		files []string
	}
	var all []found
	for _, m := range mods {
		files, err := m.licences()
		if err != nil {
			return err
		}
		if len(files) == 0 {
			return fmt.Errorf("notices: %s %s has no licence file in %s; credit it by hand before shipping", m.Path, m.Version, m.Dir)
		}
		all = append(all, found{m, files})
		fmt.Fprintf(w, "  %s %s\n", m.Path, m.Version)
	}
	for _, f := range all {
		for _, name := range f.files {
			text, err := os.ReadFile(filepath.Join(f.mod.Dir, name))
			if err != nil {
				return fmt.Errorf("notices: %w", err)
			}
			fmt.Fprintf(w, "\n%s%s %s: %s\n%s", rule, f.mod.Path, f.mod.Version, filepath.ToSlash(name), rule)
			w.Write(bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n")))
			if !bytes.HasSuffix(text, []byte("\n")) {
				io.WriteString(w, "\n")
			}
		}
	}
	return nil
}

// listed is what go list -json says of one package.
type listed struct {
	Dir      string
	Standard bool
	Module   *struct {
		Path, Version, Dir string
		Main               bool
		Replace            *struct{ Path, Version, Dir string }
	}
}

// linkedModules reads go list -json output and returns the modules other
// than the main one, sorted by path, each with the folders of its packages.
func linkedModules(listing []byte) ([]*module, error) {
	byPath := map[string]*module{}
	var paths []string
	dec := json.NewDecoder(bytes.NewReader(listing))
	for {
		var p listed
		err := dec.Decode(&p)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("notices: could not read go list's output: %w", err)
		}
		if p.Standard || p.Module == nil || p.Module.Main {
			continue
		}
		path, version, dir := p.Module.Path, p.Module.Version, p.Module.Dir
		if r := p.Module.Replace; r != nil {
			version, dir = r.Version, r.Dir
			if r.Version != "" {
				path = r.Path
			}
		}
		m := byPath[path]
		if m == nil {
			if dir == "" {
				return nil, fmt.Errorf("notices: %s %s is not in the module cache; run go mod download", path, version)
			}
			m = &module{Path: path, Version: version, Dir: dir, dirs: map[string]bool{}}
			byPath[path] = m
			paths = append(paths, path)
		}
		m.dirs[p.Dir] = true
	}
	sort.Strings(paths)
	mods := make([]*module, len(paths))
	for i, p := range paths {
		mods[i] = byPath[p]
	}
	return mods, nil
}
