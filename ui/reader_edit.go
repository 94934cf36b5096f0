package ui

import (
	"fyne.io/fyne/v2/lang"
	"github.com/sahelatlas/sahelatlas/data"
)

// ShowEdit opens proposal i in the New event form; saving accepts the
// event as edited, with the article as its source.
func (r *Reader) ShowEdit(i int) *eventForm {
	m := r.res.Proposals[i].MyEvent(r.source())
	return r.ui.showForm(r.Win, lang.L("Edit, then accept"), &m, func(m data.MyEvent) error { return r.save(m, i) })
}
