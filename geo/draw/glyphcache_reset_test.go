package draw

// resetTextCaches empties the process's shared glyph sets, as a new
// process starts with them.
func resetTextCaches() {
	glyphSetsMu.Lock()
	glyphSets = map[setKey]*glyphSet{}
	glyphSetsMu.Unlock()
}
