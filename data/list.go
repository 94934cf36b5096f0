package data

import "strings"

// SplitList splits a comma-separated list as analysts type it (tags,
// kinds, countries): each item trimmed of spaces, empty items dropped.
// "a, b,,c " is [a b c]; "" and " , " are nil.
func SplitList(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}
