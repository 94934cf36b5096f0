package assets

import _ "embed"

// Icon is Sahel Atlas's application icon, a 512×512 PNG drawn by
// assets/gen/icon.
//
//go:embed icon.png
var Icon []byte
