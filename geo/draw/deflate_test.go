package draw

import (
	"bytes"
	"compress/flate"
	"io"
	"math/rand/v2"
	"testing"
)

// TestDeflateSmall: what deflateSmall writes inflates to its input, for
// inputs empty, tiny, flat, repetitive, random, mixed, and long enough
// for several blocks and the longest distances.
func TestDeflateSmall(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	random := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		return b
	}
	// skewed is text-like: few symbols, many short repeats.
	skewed := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = "aaaaaaabbbbccd  ,\n"[rng.IntN(18)]
		}
		return b
	}
	far := append(append(random(1000), make([]byte, 40000)...), random(1000)...)
	far = append(far, far[:1000]...) // a repeat 42 000 bytes back: too far to match
	mixed := []byte{}
	for i := 0; i < 300; i++ {
		mixed = append(mixed, bytes.Repeat([]byte{byte(i)}, i%300)...)
		mixed = append(mixed, random(i%17)...)
	}
	cases := []struct {
		name string
		src  []byte
	}{
		{"empty", nil},
		{"one byte", []byte{7}},
		{"three bytes", []byte{1, 2, 3}},
		{"zeros", make([]byte, 100000)},
		{"run of 258 and 259", append(bytes.Repeat([]byte{9}, 259), 1, 2, 3, 4)},
		{"pattern", bytes.Repeat([]byte("Sahel Atlas "), 5000)},
		{"random", random(70000)},
		{"random, several blocks", random(3*maxBlockTokens + 11)},
		{"skewed", skewed(200000)},
		{"mixed runs", mixed},
		{"far", far},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			z := deflateSmall([]byte("x"), tc.src)
			if z[0] != 'x' {
				t.Fatal("deflateSmall did not append to dst")
			}
			got, err := io.ReadAll(flate.NewReader(bytes.NewReader(z[1:])))
			if err != nil {
				t.Fatalf("inflating: %v", err)
			}
			if !bytes.Equal(got, tc.src) {
				t.Fatalf("inflated %d bytes, not the %d given", len(got), len(tc.src))
			}
		})
	}
}

// TestNewHuffmanLimit: codes stay within their length limit however
// skewed the frequencies, and are complete (Kraft sum of 1).
func TestNewHuffmanLimit(t *testing.T) {
	fib := make([]int32, 30) // Fibonacci frequencies make the deepest trees
	fib[0], fib[1] = 1, 1
	for i := 2; i < len(fib); i++ {
		fib[i] = fib[i-1] + fib[i-2]
	}
	for _, tc := range []struct {
		name  string
		freq  []int32
		limit uint8
	}{
		{"fibonacci, 15 bits", fib, 15},
		{"fibonacci, 7 bits", fib[:19], 7},
		{"one symbol", []int32{0, 0, 5, 0}, 15},
		{"none", []int32{0, 0, 0}, 7},
		{"flat", []int32{3, 3, 3, 3, 3, 3, 3, 3}, 15},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHuffman(tc.freq, tc.limit)
			var kraft float64
			for s, l := range h.length {
				if l > tc.limit {
					t.Errorf("symbol %d has %d bits, over %d", s, l, tc.limit)
				}
				if tc.freq[s] > 0 && l == 0 {
					t.Errorf("symbol %d of frequency %d has no code", s, tc.freq[s])
				}
				if l > 0 {
					kraft += 1 / float64(uint(1)<<l)
				}
			}
			if kraft != 1 {
				t.Errorf("Kraft sum %v, want 1 (a complete code)", kraft)
			}
		})
	}
}
