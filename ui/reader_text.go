package ui

import (
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
	var segs []widget.RichTextSegment
	start := 0
	for i := 1; i <= len(text); i++ {
		if i < len(text) && level[i] == level[start] {
			continue
		}
		if i < len(text) && !utf8Start(text[i]) {
			continue // never split a character
		}
		segs = append(segs, segment(text[start:i], level[start]))
		start = i
	}
	if len(segs) == 0 {
		segs = append(segs, segment("", plainText))
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
