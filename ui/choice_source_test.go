package ui

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// stockSelects lists where the Go file src uses Fyne's widget.Select or
// widget.NewSelect, whatever name it imports the widget package under.
func stockSelects(fset *token.FileSet, name string, src any) ([]string, error) {
	f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	pkg := ""
	for _, imp := range f.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == "fyne.io/fyne/v2/widget" {
			pkg = "widget"
			if imp.Name != nil {
				pkg = imp.Name.Name
			}
		}
	}
	if pkg == "" || pkg == "_" {
		return nil, nil
	}
	var found []string
	ast.Inspect(f, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if x, ok := sel.X.(*ast.Ident); ok && (pkg == "." || x.Name == pkg) && (sel.Sel.Name == "Select" || sel.Sel.Name == "NewSelect") {
			found = append(found, fmt.Sprintf("%s: %s.%s", fset.Position(sel.Pos()), x.Name, sel.Sel.Name))
		}
		return true
	})
	if pkg == "." {
		ast.Inspect(f, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && (id.Name == "Select" || id.Name == "NewSelect") {
				found = append(found, fmt.Sprintf("%s: %s", fset.Position(id.Pos()), id.Name))
			}
			return true
		})
	}
	return found, nil
}

// No file of the window's code but choice.go uses Fyne's stock Select,
// which crashes when tapped without a canvas (fyne issue 5965): selects
// are made with newChoice.
func TestNoStockSelectInSource(t *testing.T) {
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || path == "choice.go" {
			return err
		}
		found, err := stockSelects(fset, path, nil)
		if err != nil {
			return err
		}
		for _, f := range found {
			t.Errorf("%s: a stock Fyne Select; use newChoice (choice.go)", f)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The source guard finds the stock Select however it is written.
func TestStockSelectsFound(t *testing.T) {
	cases := []struct {
		name, src string
		want      int
	}{
		{"NewSelect", `package ui; import "fyne.io/fyne/v2/widget"; var s = widget.NewSelect(nil, nil)`, 1},
		{"a literal", `package ui; import "fyne.io/fyne/v2/widget"; var s = &widget.Select{Options: []string{"a"}}`, 1},
		{"embedded", `package ui; import "fyne.io/fyne/v2/widget"; type x struct{ widget.Select }`, 1},
		{"renamed import", `package ui; import w "fyne.io/fyne/v2/widget"; var s = w.NewSelect(nil, nil)`, 1},
		{"dot import", `package ui; import . "fyne.io/fyne/v2/widget"; var s = NewSelect(nil, nil)`, 1},
		{"a choice", `package ui; import "fyne.io/fyne/v2/widget"; var l = widget.NewLabel(""); var c = newChoice(nil, nil)`, 0},
		{"another package's Select", `package ui; import "example.org/widget"; var s = widget.NewSelect()`, 0},
		{"SelectEntry", `package ui; import "fyne.io/fyne/v2/widget"; var e = widget.NewSelectEntry(nil)`, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			found, err := stockSelects(token.NewFileSet(), "x.go", tc.src)
			if err != nil {
				t.Fatal(err)
			}
			if len(found) != tc.want {
				t.Errorf("found %q, want %d", found, tc.want)
			}
		})
	}
}
