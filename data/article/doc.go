// Package article proposes events from the text of an article, in English
// or French: each sentence that says something happened (a visit, talks,
// an expulsion, a coup...) with a date becomes a Proposal with its kind,
// date at the precision the text gives, place from the gazetteer, actors,
// origin, status (happened, planned, denied) and the sentence itself as
// evidence. It works offline and is deterministic: the same text, options
// and lookups give the same proposals.
//
// It never makes a proposal more precise than the text: a day and month
// without a year stays without a year, a country named alone is placed at
// its capital with place precision "country", and a relative date ("last
// Friday", "hier") is resolved only against a publication date, read from
// a dateline or given in Options.
//
// The package imports data only; the window and the command line show and
// record what it proposes.
package article
