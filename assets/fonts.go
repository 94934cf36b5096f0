package assets

import _ "embed" // for the window's Arabic font

// WindowArabicFont is fonts/NotoSansArabic-Window.ttf: Noto Sans Arabic
// (SIL Open Font License 1.1, fonts/OFL.txt) mapping only the Arabic
// letters, the spaces and the signs Noto Sans lacks, with Noto Sans's line
// metrics, made by gen/windowfont. The window's theme puts it before
// Fyne's Noto Sans, so Arabic place names show on a machine with no Arabic
// font. The bytes are shared: do not change them.
//
//go:embed fonts/NotoSansArabic-Window.ttf
var WindowArabicFont []byte
