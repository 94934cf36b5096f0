package main

import (
	"encoding/binary"
	"fmt"
	"sort"

	"golang.org/x/image/font/sfnt"
)

// kept are the letters the window font maps: the spaces, the joiners and
// marks of direction, the Arabic blocks and their presentation forms, and
// the dotted circle HarfBuzz shows under a lone mark.
var kept = [][2]rune{
	{0x0020, 0x0020}, {0x00A0, 0x00A0},
	{0x0600, 0x06FF}, {0x0750, 0x077F}, {0x08A0, 0x08FF},
	{0x200C, 0x200F}, {0x25CC, 0x25CC},
	{0xFB50, 0xFDFF}, {0xFE70, 0xFEFF},
}

// table is one table of a font file.
type table struct {
	tag  string
	data []byte
}

// windowFont is arabic with a cmap of the kept letters and of those latin
// lacks only, and latin's line metrics (hhea's and OS/2's ascender,
// descender and line gap).
func windowFont(arabic, latin []byte) ([]byte, error) {
	f, err := sfnt.Parse(arabic)
	if err != nil {
		return nil, fmt.Errorf("the Arabic font (Noto Sans Arabic): %w", err)
	}
	tables, err := readTables(arabic)
	if err != nil {
		return nil, fmt.Errorf("the Arabic font (Noto Sans Arabic): %w", err)
	}
	latinTables, err := readTables(latin)
	if err != nil {
		return nil, fmt.Errorf("the Latin font (Noto Sans): %w", err)
	}
	lf, err := sfnt.Parse(latin)
	if err != nil {
		return nil, fmt.Errorf("the Latin font (Noto Sans): %w", err)
	}
	var buf sfnt.Buffer
	glyphs := map[rune]uint16{}
	for _, r := range kept {
		for c := r[0]; c <= r[1]; c++ {
			if g, err := f.GlyphIndex(&buf, c); err == nil && g != 0 {
				glyphs[c] = uint16(g)
			}
		}
	}
	// And what Noto Sans lacks that Noto Sans Arabic has (− U+2212, the
	// zoom-out button's minus): Fyne would otherwise look for it among
	// the system's fonts.
	for c := rune(0x21); c < 0xFFFE; c++ {
		if g, err := f.GlyphIndex(&buf, c); err == nil && g != 0 {
			if lg, err := lf.GlyphIndex(&buf, c); err == nil && lg == 0 {
				glyphs[c] = uint16(g)
			}
		}
	}
	if len(glyphs) < 200 {
		return nil, fmt.Errorf("the Arabic font maps only %d letters to keep", len(glyphs))
	}
	for i, t := range tables {
		switch t.tag {
		case "cmap":
			tables[i].data = cmap(glyphs)
		case "hhea": // ascender, descender, lineGap
			copy(tables[i].data[4:10], find(latinTables, "hhea")[4:10])
		case "OS/2": // sTypoAscender … usWinDescent, and fsSelection's USE_TYPO_METRICS
			copy(tables[i].data[68:78], find(latinTables, "OS/2")[68:78])
			const useTypo = 1 << 7
			sel := binary.BigEndian.Uint16(tables[i].data[62:]) &^ useTypo
			sel |= binary.BigEndian.Uint16(find(latinTables, "OS/2")[62:]) & useTypo
			binary.BigEndian.PutUint16(tables[i].data[62:], sel)
		}
	}
	return writeTables(tables), nil
}

// find is the data of the table tagged tag; an absent table is empty.
func find(tables []table, tag string) []byte {
	for _, t := range tables {
		if t.tag == tag {
			return t.data
		}
	}
	return make([]byte, 100)
}

// readTables splits a TrueType file into its tables, copied.
func readTables(b []byte) ([]table, error) {
	if len(b) < 12 {
		return nil, fmt.Errorf("not a font file")
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	if len(b) < 12+16*n {
		return nil, fmt.Errorf("font file cut short")
	}
	tables := make([]table, n)
	for i := range tables {
		rec := b[12+16*i:]
		off, size := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(size) > uint64(len(b)) {
			return nil, fmt.Errorf("table %q runs past the end of the file", rec[:4])
		}
		tables[i] = table{tag: string(rec[:4]), data: append([]byte(nil), b[off:off+size]...)}
	}
	return tables, nil
}

// writeTables writes a TrueType file of tables, sorted by tag, each with
// its checksum, and head's checkSumAdjustment set.
func writeTables(tables []table) []byte {
	sort.Slice(tables, func(i, j int) bool { return tables[i].tag < tables[j].tag })
	n := len(tables)
	entrySelector := 0
	for 1<<(entrySelector+1) <= n {
		entrySelector++
	}
	searchRange := 16 << entrySelector
	out := make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(searchRange))
	binary.BigEndian.PutUint16(out[8:], uint16(entrySelector))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-searchRange))
	headAt := 0
	for i, t := range tables {
		if t.tag == "head" {
			binary.BigEndian.PutUint32(t.data[8:], 0)
			headAt = len(out)
		}
		rec := out[12+16*i:]
		copy(rec, t.tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(t.data))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t.data)))
		out = append(out, t.data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	return out
}

// checksum is the sum of b's big-endian 32-bit words, zero-padded.
func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

// cmap is a cmap table with one Windows Unicode BMP subtable (format 4)
// mapping the letters of glyphs: a segment a run of consecutive letters,
// each letter's glyph in the glyph array.
func cmap(glyphs map[rune]uint16) []byte {
	letters := make([]rune, 0, len(glyphs))
	for r := range glyphs {
		letters = append(letters, r)
	}
	sort.Slice(letters, func(i, j int) bool { return letters[i] < letters[j] })
	type segment struct{ start, end rune }
	var segs []segment
	for _, r := range letters {
		if k := len(segs) - 1; k >= 0 && segs[k].end == r-1 {
			segs[k].end = r
			continue
		}
		segs = append(segs, segment{r, r})
	}
	segs = append(segs, segment{0xFFFF, 0xFFFF}) // the closing segment
	n := len(segs)
	sub := make([]byte, 14+8*n+2)
	put := func(at int, v uint16) { binary.BigEndian.PutUint16(sub[at:], v) }
	put(0, 4)
	put(6, uint16(2*n))
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	put(8, uint16(2<<es))
	put(10, uint16(es))
	put(12, uint16(2*n-2<<es))
	ends, starts, deltas, offsets := 14, 16+2*n, 16+4*n, 16+6*n
	var array []uint16
	for i, s := range segs {
		put(ends+2*i, uint16(s.end))
		put(starts+2*i, uint16(s.start))
		if s.start == 0xFFFF {
			put(deltas+2*i, 1) // 0xFFFF maps to glyph 0
			continue
		}
		// idRangeOffset counts bytes from its own place to the glyph array's entry.
		put(offsets+2*i, uint16(2*(n-i)+2*len(array)))
		for c := s.start; c <= s.end; c++ {
			array = append(array, glyphs[c])
		}
	}
	for _, g := range array {
		sub = binary.BigEndian.AppendUint16(sub, g)
	}
	binary.BigEndian.PutUint16(sub[2:], uint16(len(sub)))
	head := []byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12} // version 0, one subtable (3, 1) at 12
	return append(head, sub...)
}
