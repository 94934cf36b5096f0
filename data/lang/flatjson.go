package lang

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"
)

// parseFlat reads a flat JSON object of strings, as a catalog is, into a
// map, as json.Unmarshal into a map[string]string does, but without its
// reflection: a string without escapes is copied as it is; one with
// escapes, control characters or invalid UTF-8, and a null, are handed
// to json.Unmarshal, which says what they mean. Every command parses the
// English catalog as it starts: json.Unmarshal took 2–6 ms of a cold
// process for it, most of it first use of its reflection and its pages.
func parseFlat(b []byte) (map[string]string, error) {
	p := flatParser{b: b}
	m := make(map[string]string, bytes.Count(b, []byte("\n")))
	p.space()
	if !p.take('{') {
		return nil, p.fail("an object")
	}
	p.space()
	if p.take('}') {
		return m, p.end()
	}
	for {
		p.space()
		k, err := p.str(false)
		if err != nil {
			return nil, err
		}
		p.space()
		if !p.take(':') {
			return nil, p.fail("':'")
		}
		p.space()
		v, err := p.str(true)
		if err != nil {
			return nil, err
		}
		m[k] = v
		p.space()
		if p.take('}') {
			return m, p.end()
		}
		if !p.take(',') {
			return nil, p.fail("',' or '}'")
		}
	}
}

// flatParser is parseFlat's place in b.
type flatParser struct {
	b []byte
	i int
}

// space moves past white space.
func (p *flatParser) space() {
	for p.i < len(p.b) && (p.b[p.i] == ' ' || p.b[p.i] == '\n' || p.b[p.i] == '\t' || p.b[p.i] == '\r') {
		p.i++
	}
}

// take moves past c if it comes next.
func (p *flatParser) take(c byte) bool {
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

// end checks that only white space follows the object.
func (p *flatParser) end() error {
	p.space()
	if p.i != len(p.b) {
		return p.fail("the end")
	}
	return nil
}

func (p *flatParser) fail(want string) error {
	return fmt.Errorf("want %s at byte %d", want, p.i)
}

// str reads a string, or when null is true a null, which json.Unmarshal
// reads into a map of strings as "".
func (p *flatParser) str(null bool) (string, error) {
	if null && bytes.HasPrefix(p.b[p.i:], []byte("null")) {
		p.i += len("null")
		return "", nil
	}
	if !p.take('"') {
		return "", p.fail("a string")
	}
	start, plain := p.i, true
	for ; p.i < len(p.b); p.i++ {
		switch c := p.b[p.i]; {
		case c == '"':
			raw := p.b[start:p.i]
			p.i++
			if plain && utf8.Valid(raw) {
				return string(raw), nil
			}
			var s string
			err := json.Unmarshal(p.b[start-1:p.i], &s)
			return s, err
		case c == '\\':
			plain = false
			p.i++
		case c < 0x20:
			plain = false
		}
	}
	return "", errors.New("a string runs to the end")
}
