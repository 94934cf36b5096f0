package data

// Source is a document events come from: one of the seed documents, named
// by its file name, with whatever it says about itself.
type Source struct {
	Document   string `json:"document"`             // the file name, e.g. 001_6b3fcda3f690157c.txt; the source's id
	Outlet     string `json:"outlet,omitempty"`     // who published it, when the document says
	Author     string `json:"author,omitempty"`     // as the document gives it
	Headline   string `json:"headline,omitempty"`   // as the document gives it
	Published  Date   `json:"published,omitzero"`   // publication or report date, when known
	URL        string `json:"url,omitempty"`        // where it was read, when online
	DateNote   string `json:"date_note,omitempty"`  // what the document says about its date when it is partial
	Confidence string `json:"confidence,omitempty"` // caveats about the document as a whole
	// Text is the document's text when the analyst read it in the app
	// ("Read an article"), kept so its evidence can be shown again.
	Text string `json:"text,omitempty"`
}
