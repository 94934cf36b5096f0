// Command levels writes assets/boundaries/levels.bin: what package geo
// would otherwise work out from the embedded country boundaries at every
// start (each country's neighbours, and its geometry simplified for the
// zoom levels views use most). Run it by hand after the boundaries files
// change (assets/gen/boundaries), then go test ./geo/ and commit the file:
//
//	go run ./assets/gen/levels [-o assets/boundaries/levels.bin]
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/sahelatlas/sahelatlas/geo"
)

func main() {
	out := flag.String("o", "assets/boundaries/levels.bin", "`FILE` to write")
	flag.Parse()
	b, err := geo.EncodeLevels()
	if err != nil {
		fmt.Fprintln(os.Stderr, "levels:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "levels:", err)
		os.Exit(1)
	}
	fmt.Printf("levels: wrote %s (%d bytes)\n", *out, len(b))
}
