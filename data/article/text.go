package article

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"golang.org/x/net/html"
)

// Text returns the readable text of a file named name: HTML (by its
// extension, or a document that starts with a tag) reduced to its text
// without scripts, styles or tags, block elements ending lines; Markdown
// (.md) without its heading marks, emphasis and link targets; anything
// else as it is. Line ends are \n.
func Text(raw []byte, name string) string {
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case ext == ".html" || ext == ".htm" || ext == ".xhtml" || looksHTML(raw):
		return htmlText(raw)
	case ext == ".md" || ext == ".markdown":
		return markdownText(string(raw))
	}
	return strings.ReplaceAll(strings.ReplaceAll(string(raw), "\r\n", "\n"), "\r", "\n")
}

// looksHTML reports whether raw starts, after blanks, with a doctype or an
// html, head, body or p tag.
func looksHTML(raw []byte) bool {
	t := bytes.ToLower(bytes.TrimSpace(raw))
	if len(t) > 64 {
		t = t[:64]
	}
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<p>", "<article", "<div"} {
		if bytes.HasPrefix(t, []byte(p)) {
			return true
		}
	}
	return false
}

// blockTags end a line of text in HTML.
var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "tr": true, "section": true, "article": true,
	"header": true, "footer": true, "blockquote": true, "title": true, "ul": true, "ol": true,
	"table": true, "figcaption": true, "dd": true, "dt": true, "hr": true, "pre": true,
}

// skipTags hold no readable text.
var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true,
	"iframe": true, "object": true, "head": false,
}

func htmlText(raw []byte) string {
	z := html.NewTokenizer(bytes.NewReader(raw))
	var b strings.Builder
	skip := 0
	newline := func() {
		s := b.String()
		if len(s) > 0 && !strings.HasSuffix(s, "\n") {
			b.WriteByte('\n')
		}
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return tidyLines(b.String())
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			if skipTags[string(name)] && tt == html.StartTagToken {
				skip++
			} else if skipTags[string(name)] && tt == html.EndTagToken && skip > 0 {
				skip--
			}
			if blockTags[string(name)] {
				newline()
			}
		case html.TextToken:
			if skip > 0 {
				continue
			}
			t := strings.Join(strings.Fields(string(z.Text())), " ")
			if t == "" {
				if s := b.String(); len(s) > 0 && !strings.HasSuffix(s, "\n") && !strings.HasSuffix(s, " ") {
					b.WriteByte(' ')
				}
				continue
			}
			if s := b.String(); len(s) > 0 && !strings.HasSuffix(s, "\n") && !strings.HasSuffix(s, " ") && startsSpaced(z.Raw()) {
				b.WriteByte(' ')
			}
			b.WriteString(t)
			if endsSpaced(z.Raw()) {
				b.WriteByte(' ')
			}
		}
	}
}

func startsSpaced(raw []byte) bool { return len(raw) > 0 && isSpaceByte(raw[0]) }
func endsSpaced(raw []byte) bool   { return len(raw) > 0 && isSpaceByte(raw[len(raw)-1]) }
func isSpaceByte(c byte) bool      { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// tidyLines trims each line and drops runs of empty lines.
func tidyLines(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := true
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			if !blank {
				out = append(out, "")
			}
			blank = true
			continue
		}
		out = append(out, l)
		blank = false
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// markdownMarks are the patterns markdownText removes.
type markdownMarks struct {
	link, emphasis, heading, bullet *regexp.Regexp
}

// markdownPatterns compiles the markdownMarks on markdownText's first
// use rather than when every process starts.
var markdownPatterns = sync.OnceValue(func() markdownMarks {
	return markdownMarks{
		link:     regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`),
		emphasis: regexp.MustCompile(`(\*\*|__|\*|_|` + "`" + `)([^*_` + "`" + `\n]+)(\*\*|__|\*|_|` + "`" + `)`),
		heading:  regexp.MustCompile(`(?m)^\s{0,3}(#{1,6}|>)\s*`),
		bullet:   regexp.MustCompile(`(?m)^\s*[-*+]\s+`),
	}
})

func markdownText(s string) string {
	md := markdownPatterns()
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = md.link.ReplaceAllString(s, "$1")
	s = md.emphasis.ReplaceAllString(s, "$2")
	s = md.heading.ReplaceAllString(s, "")
	s = md.bullet.ReplaceAllString(s, "- ")
	return s
}
