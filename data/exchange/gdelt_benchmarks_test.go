package exchange

import (
	"archive/zip"
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
)

// gdeltBenchFile returns a GDELT 2.0 file of n lines made from the test
// file's lines, each with its own GLOBALEVENTID.
func gdeltBenchFile(b *testing.B, n int) []byte {
	b.Helper()
	lines := strings.Split(strings.TrimSpace(string(readTestdata(b, "20250120143000.export.CSV"))), "\n")
	var out bytes.Buffer
	for i := range n {
		l := lines[i%len(lines)]
		_, rest, _ := strings.Cut(l, "\t")
		out.WriteString(strconv.Itoa(1_300_000_000 + i))
		out.WriteByte('\t')
		out.WriteString(rest)
		out.WriteByte('\n')
	}
	return out.Bytes()
}

func BenchmarkImportGDELT(b *testing.B) {
	file := gdeltBenchFile(b, 100_000)
	for _, c := range []struct {
		name   string
		filter GDELTFilter
	}{
		{"all", GDELTFilter{}},
		{"cameo-04", GDELTFilter{CAMEO: []string{"04"}}},
		{"country-BFA", GDELTFilter{Countries: []string{"BFA"}}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(file)))
			for b.Loop() {
				if _, err := Import(bytes.NewReader(file), "bench.export.CSV", Options{GDELT: c.filter}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkImportGDELTStream reads 100,000 lines with Options.Stream, as
// the app and the import command do, unzipped and zipped.
func BenchmarkImportGDELTStream(b *testing.B) {
	file := gdeltBenchFile(b, 100_000)
	var zipped bytes.Buffer
	zw := zip.NewWriter(&zipped)
	fw, err := zw.Create("20250120143000.export.CSV")
	if err == nil {
		_, err = fw.Write(file)
	}
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		in   []byte
	}{
		{"20250120143000.export.CSV", file},
		{"20250120143000.export.CSV.zip", zipped.Bytes()},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(file)))
			for b.Loop() {
				n := 0
				_, err := Import(bytes.NewReader(c.in), c.name, Options{Stream: func(r []data.Record) error { n += len(r); return nil }})
				if err != nil || n == 0 {
					b.Fatal(n, err)
				}
			}
		})
	}
}
