package assets

import _ "embed" // for the rivers file

// Rivers is rivers/rivers.bin: the major rivers (GSHHG's WDBII levels 1
// and 2) and the lakes of Africa north of the equator, Europe and Arabia,
// at two levels of detail, in the compact form read by rivers.Decode and
// made by gen/rivers from GSHHG 2.3.7 (LGPL-3) through GMT's `gmt coast`.
// The bytes are shared: do not change them.
//
//go:embed rivers/rivers.bin
var Rivers []byte
