package article

import (
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	tests := []struct {
		name, raw string
		want      string
		absent    []string
	}{
		{"a.html", "<html><head><script>var x = '<p>no</p>';</script><style>p{}</style></head><body><p>One <b>bold</b> word.</p><p>Two</p></body></html>",
			"One bold word.\nTwo", []string{"var x", "p{}", "<"}},
		{"b.txt", "<p>A paragraph</p>\n<div>and a div</div>", "A paragraph\nand a div", nil}, // sniffed as HTML
		{"c.md", "# Title\n\nSome **bold** and a [link](http://x.org).\n- item", "Title\n\nSome bold and a link.\n- item", []string{"http", "#", "**"}},
		{"d.txt", "plain\r\ntext", "plain\ntext", nil},
	}
	for _, tt := range tests {
		got := Text([]byte(tt.raw), tt.name)
		if got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
		for _, a := range tt.absent {
			if strings.Contains(got, a) {
				t.Errorf("%s: %q still holds %q", tt.name, got, a)
			}
		}
	}
}
