package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/sahelatlas/sahelatlas/data/article"
)

// The ways a stretch of the article is shown.
const (
	plainText    = iota
	evidenceText     // a sentence a proposal comes from: italic
	markText         // a word it was read from (kind, date, place, actor): bold
	selectedBit  = 4 // of the proposal shown: in the primary colour
)

// highlight returns the article's text as rich text segments: the
// sentences proposals come from in italics, the words they were read from
// in bold, those of the selected proposal in the primary colour; the
// evidence of rejected proposals is not marked.
func highlight(res *article.Result, decided []string, selected int) []widget.RichTextSegment {
	text := res.Text
	level := make([]uint8, len(text))
	paint := func(span [2]int, v uint8) {
		for i := max(span[0], 0); i < min(span[1], len(text)); i++ {
			if level[i]&3 < v&3 {
				level[i] = level[i]&selectedBit | v&3
			}
			level[i] |= v & selectedBit
		}
	}
	for i := range res.Proposals {
		if i < len(decided) && decided[i] == "rejected" {
			continue
		}
		p := &res.Proposals[i]
		var sel uint8
		if i == selected {
			sel = selectedBit
		}
		paint(p.EvidenceAt, evidenceText|sel)
		for _, m := range p.Marks {
			paint(m, markText|sel)
		}
	}
	// Each line is a paragraph of inline segments ended by a block one:
	// a line end inside a segment wraps the words after it badly.
	var segs []widget.RichTextSegment
	lineStart := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		body := strings.TrimSuffix(line, "\n")
		start := 0
		var inline []*widget.TextSegment
		for i := 1; i <= len(body); i++ {
			if i < len(body) && (level[lineStart+i] == level[lineStart+start] || !utf8Start(body[i])) {
				continue // the same style, or inside a character
			}
			for _, word := range strings.SplitAfter(body[start:i], " ") { // a segment a word: Fyne wraps a long segment onto a line of its own
				if word != "" {
					inline = append(inline, segment(word, level[lineStart+start]))
				}
			}
			start = i
		}
		if len(inline) == 0 {
			inline = append(inline, segment("", plainText))
		}
		inline[len(inline)-1].Style.Inline = false // ends the paragraph
		for _, s := range inline {
			segs = append(segs, s)
		}
		lineStart += len(line)
	}
	return segs
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

func segment(s string, level uint8) *widget.TextSegment {
	style := widget.RichTextStyleInline
	switch level & 3 {
	case evidenceText:
		style.TextStyle = fyne.TextStyle{Italic: true}
	case markText:
		style.TextStyle = fyne.TextStyle{Bold: true}
	}
	if level&selectedBit != 0 {
		style.ColorName = theme.ColorNamePrimary
	}
	return &widget.TextSegment{Text: s, Style: style}
}
