package scene

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
)

// maxCreditDocuments is how many documents the credits name before
// counting the rest.
const maxCreditDocuments = 12

// Credits is the credit line of a map showing events: Natural Earth's
// boundaries, GeoNames's places, and the documents the events come from.
func Credits(events []*data.Event) string {
	seen := map[string]bool{}
	var docs []string
	for _, e := range events {
		for _, s := range e.Sources {
			if !seen[s.Document] {
				seen[s.Document] = true
				docs = append(docs, s.Document)
			}
		}
	}
	slices.Sort(docs)
	line := "Boundaries: Natural Earth (public domain), via world-atlas. " + data.Credits
	if len(docs) > 0 {
		if len(docs) > maxCreditDocuments {
			docs = append(docs[:maxCreditDocuments], fmt.Sprintf("and %d more", len(docs)-maxCreditDocuments))
		}
		line += " Documents of the events shown: " + strings.Join(docs, ", ") + "."
	}
	return line
}
