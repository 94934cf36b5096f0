package draw

import "golang.org/x/image/font/sfnt"

// resetTextCaches empties the process's shared glyph and kerning sets,
// as a new process starts with them.
func resetTextCaches() {
	glyphSetsMu.Lock()
	glyphSets = map[setKey]*glyphSet{}
	kernSets = map[*sfnt.Font]*kernSet{}
	glyphSetsMu.Unlock()
}
