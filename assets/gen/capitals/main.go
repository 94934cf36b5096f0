// Command capitals writes assets/gazetteer/capitals.tsv.gz: the lines of
// the gazetteer (assets/gazetteer/places.tsv.gz) that are national
// capitals (GeoNames feature PPLC), its header comments kept, so the base
// map's capitals are read at start-up without decompressing the whole
// gazetteer. Run it after gen/gazetteer, then go test ./data/ and commit:
//
//	go run ./assets/gen/capitals
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
)

const (
	in  = "assets/gazetteer/places.tsv.gz"
	out = "assets/gazetteer/capitals.tsv.gz"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "capitals:", err, "(run from the repository root)")
		os.Exit(1)
	}
}

func run() error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression) // a zero header time: the same bytes every run
	sc := bufio.NewScanner(zr)
	n := 0
	for sc.Scan() {
		line := sc.Bytes()
		cols := bytes.Split(line, []byte("\t"))
		if len(line) > 0 && line[0] == '#' || len(cols) > 3 && string(cols[3]) == "PPLC" {
			zw.Write(line)
			zw.Write([]byte("\n"))
			if line[0] != '#' {
				n++
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Printf("capitals: wrote %s (%d capitals, %d bytes)\n", out, n, buf.Len())
	return nil
}
