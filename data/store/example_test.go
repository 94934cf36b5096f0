package store_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data/store"

	"github.com/sahelatlas/sahelatlas/data"
)

func Example() {
	dir, _ := os.MkdirTemp("", "sahelatlas")
	defer os.RemoveAll(dir)

	s, rec, err := store.Open(filepath.Join(dir, "workspace.db"))
	if err != nil {
		log.Fatal(err) // errors.Is(err, store.ErrLocked) when another Sahel Atlas has it
	}
	defer s.Close()
	if rec != nil {
		fmt.Println(rec) // tell the analyst what was repaired
	}

	a, err := s.Add(data.Annotation{
		Geometry: orb.Point{-8.0, 12.65},
		Title:    "Bamako: talks resume",
		Tags:     []string{"mali", "talks"},
	})
	if err != nil {
		log.Fatal(err) // not saved: say so
	}
	inView, _ := s.InView(orb.Bound{Min: orb.Point{-12, 10}, Max: orb.Point{-4, 16}})
	fmt.Println(len(inView), inView[0].ID == a.ID, inView[0].Title)
	// Output: 1 true Bamako: talks resume
}
