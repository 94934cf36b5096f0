package draw

import (
	"encoding/binary"
	"slices"
	"sync"
)

// deflateSmall appends src to dst as one complete deflate stream (RFC
// 1951): greedy LZ77 matches found through a small hash table, coded in
// dynamic Huffman blocks. It is for a small page's PNG (a few hundred
// kilobytes of filtered rows): compress/flate's writer allocates and
// clears about a megabyte of tables before its first byte, which a brief
// process pays for in page faults; this one needs the tokens and 64 KB.
func deflateSmall(dst, src []byte) []byte {
	codeTables()
	w := bitWriter{out: dst}
	z := matcher{src: src, table: make([]int32, 1<<hashBits)}
	toks := make([]token, 0, maxBlockTokens)
	for {
		toks = z.next(toks[:0])
		last := z.i >= len(src)
		w.block(toks, last)
		if last {
			return w.finish()
		}
	}
}

// maxBlockTokens is how many tokens a block codes, each block with its
// own Huffman codes.
const maxBlockTokens = 1 << 14

// A token is a literal byte (below 256) or a match: matchFlag, the
// length less 3 in bits 16–23 and the distance less 1 in bits 0–15.
type token uint32

const matchFlag = 1 << 31

// hashBits is the size of the matcher's table: 1<<hashBits places.
const hashBits = 14

// matcher cuts src into literals and matches of 4 to 258 bytes at most
// 32768 back, greedily, remembering the last place of each hashed
// 4 bytes.
type matcher struct {
	src   []byte
	i     int     // the next byte to cut
	table []int32 // place + 1 by hash; 0 is none
}

func (z *matcher) hash(i int) uint32 {
	return binary.LittleEndian.Uint32(z.src[i:]) * 0x1e35a7bd >> (32 - hashBits)
}

// next appends the tokens of the next bytes to toks, up to its capacity
// or the end of src.
func (z *matcher) next(toks []token) []token {
	src, i := z.src, z.i
	for i+4 <= len(src) && len(toks) < cap(toks) {
		h := z.hash(i)
		cand := int(z.table[h]) - 1
		z.table[h] = int32(i + 1)
		if cand < 0 || i-cand > 32768 || binary.LittleEndian.Uint32(src[cand:]) != binary.LittleEndian.Uint32(src[i:]) {
			toks = append(toks, token(src[i]))
			i++
			continue
		}
		n := 4
		for n < 258 && i+n < len(src) && src[cand+n] == src[i+n] {
			n++
		}
		toks = append(toks, matchFlag|token(n-3)<<16|token(i-cand-1))
		if end := i + n - 1; end+4 <= len(src) {
			z.table[z.hash(end)] = int32(end + 1)
		}
		i += n
	}
	for i+4 > len(src) && i < len(src) && len(toks) < cap(toks) {
		toks = append(toks, token(src[i]))
		i++
	}
	z.i = i
	return toks
}

// The bases and extra bits of deflate's length codes (257–285) and
// distance codes (0–29).
var (
	lengthBase  = [29]uint16{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lengthExtra = [29]uint8{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	distBase    = [30]uint16{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
	distExtra   = [30]uint8{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
	// codeLengthOrder is the order code length code lengths are sent in.
	codeLengthOrder = [19]uint8{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}
)

var (
	codeTablesOnce sync.Once
	lengthCode     [256]uint8 // length less 3 → length code less 257
	distCodeLow    [256]uint8 // distance less 1, below 256 → distance code
	distCodeHigh   [256]uint8 // (distance less 1) >> 7, from 256 → distance code
)

// codeTables fills the look-up tables from the bases, once.
func codeTables() {
	codeTablesOnce.Do(func() {
		for c := range lengthBase {
			n := 1 << lengthExtra[c]
			if c == 28 {
				n = 1
			}
			for l := int(lengthBase[c]) - 3; l < int(lengthBase[c])-3+n && l < 256; l++ {
				lengthCode[l] = uint8(c)
			}
		}
		for c := range distBase {
			for d := int(distBase[c]) - 1; d < int(distBase[c])-1+1<<distExtra[c]; d++ {
				if d < 256 {
					distCodeLow[d] = uint8(c)
				} else {
					distCodeHigh[d>>7] = uint8(c)
				}
			}
		}
	})
}

// distCode is the distance code of a distance less 1.
func distCode(d int) int {
	if d < 256 {
		return int(distCodeLow[d])
	}
	return int(distCodeHigh[d>>7])
}

// bitWriter writes deflate's bit stream, least significant bit first.
type bitWriter struct {
	out  []byte
	bits uint64
	n    uint
}

// write writes the n low bits of v.
func (w *bitWriter) write(v uint32, n uint) {
	w.bits |= uint64(v) << w.n
	w.n += n
	if w.n >= 32 {
		w.out = binary.LittleEndian.AppendUint32(w.out, uint32(w.bits))
		w.bits >>= 32
		w.n -= 32
	}
}

// finish writes the last bits, padded to a byte, and returns the stream.
func (w *bitWriter) finish() []byte {
	for w.n > 0 {
		w.out = append(w.out, byte(w.bits))
		w.bits >>= 8
		w.n -= min(w.n, 8)
	}
	return w.out
}

// huffman is a code: each symbol's length and its bits, reversed for
// writing least significant bit first.
type huffman struct {
	length []uint8
	code   []uint16
}

// newHuffman is a canonical Huffman code for freq of at most limit bits
// a symbol. Every symbol of non-zero frequency gets a code; there are
// always at least two, so the code is complete.
func newHuffman(freq []int32, limit uint8) huffman {
	h := huffman{length: make([]uint8, len(freq)), code: make([]uint16, len(freq))}
	var leaves []leaf
	for s, f := range freq {
		if f > 0 {
			leaves = append(leaves, leaf{s, f})
		}
	}
	for s := 0; len(leaves) < 2; s++ {
		if freq[s] == 0 {
			leaves = append(leaves, leaf{s, 1})
		}
	}
	slices.SortFunc(leaves, func(a, b leaf) int {
		if a.freq != b.freq {
			return int(a.freq - b.freq)
		}
		return a.sym - b.sym
	})
	for {
		if huffmanLengths(leaves, h.length) <= limit {
			break
		}
		// Too deep: flatten the frequencies and build again.
		for i := range leaves {
			leaves[i].freq = leaves[i].freq/2 + 1
		}
	}
	// Canonical codes (RFC 1951 3.2.2), bit-reversed.
	var count [16]uint16
	for _, l := range h.length {
		count[l]++
	}
	count[0] = 0
	var next [16]uint16
	code := uint16(0)
	for bits := 1; bits < 16; bits++ {
		code = (code + count[bits-1]) << 1
		next[bits] = code
	}
	for s, l := range h.length {
		if l == 0 {
			continue
		}
		c := next[l]
		next[l]++
		var r uint16
		for i := uint8(0); i < l; i++ {
			r = r<<1 | c&1
			c >>= 1
		}
		h.code[s] = r
	}
	return h
}

// leaf is a symbol and its frequency.
type leaf struct {
	sym  int
	freq int32
}

// huffmanLengths sets length[sym] for the leaves, at least two, sorted
// by ascending frequency, to their depth in a Huffman tree (built with
// two queues) and returns the greatest depth.
func huffmanLengths(leaves []leaf, length []uint8) uint8 {
	n := len(leaves)
	// Nodes 0..n-1 are the leaves, n.. the internal nodes in the order made.
	weight := make([]int64, 0, 2*n)
	for _, l := range leaves {
		weight = append(weight, int64(l.freq))
	}
	parent := make([]int32, 2*n-1)
	li, ii := 0, n // next leaf, next internal node not yet joined
	pick := func() int {
		if li < n && (ii >= len(weight) || weight[li] <= weight[ii]) {
			li++
			return li - 1
		}
		ii++
		return ii - 1
	}
	for len(weight) < 2*n-1 {
		a, b := pick(), pick()
		parent[a], parent[b] = int32(len(weight)), int32(len(weight))
		weight = append(weight, weight[a]+weight[b])
	}
	depth := make([]uint8, 2*n-1)
	var most uint8
	for i := 2*n - 3; i >= 0; i-- { // the root, 2n-2, has depth 0
		depth[i] = depth[parent[i]] + 1
		if i < n {
			length[leaves[i].sym] = depth[i]
			most = max(most, depth[i])
		}
	}
	return most
}

// block writes toks as one dynamic Huffman block, final or not.
func (w *bitWriter) block(toks []token, final bool) {
	litFreq := make([]int32, 286)
	distFreq := make([]int32, 30)
	for _, t := range toks {
		if t&matchFlag == 0 {
			litFreq[t]++
			continue
		}
		litFreq[257+int(lengthCode[t>>16&0xff])]++
		distFreq[distCode(int(t&0xffff))]++
	}
	litFreq[256] = 1 // end of block
	lit, dist := newHuffman(litFreq, 15), newHuffman(distFreq, 15)
	nlit, ndist := 286, 30
	for nlit > 257 && lit.length[nlit-1] == 0 {
		nlit--
	}
	for ndist > 1 && dist.length[ndist-1] == 0 {
		ndist--
	}

	// The code lengths, run-length coded: 16 repeats the last 3–6
	// times, 17 and 18 are runs of 3–10 and 11–138 zeros.
	lengths := append(append([]uint8(nil), lit.length[:nlit]...), dist.length[:ndist]...)
	var rle []uint16 // symbol | extra<<8
	clFreq := make([]int32, 19)
	for i := 0; i < len(lengths); {
		l := lengths[i]
		run := 1
		for i+run < len(lengths) && lengths[i+run] == l {
			run++
		}
		i += run
		if l == 0 {
			for run >= 11 {
				k := min(run, 138)
				rle = append(rle, 18|uint16(k-11)<<8)
				clFreq[18]++
				run -= k
			}
			if run >= 3 {
				rle = append(rle, 17|uint16(run-3)<<8)
				clFreq[17]++
				run = 0
			}
		} else {
			rle = append(rle, uint16(l))
			clFreq[l]++
			run--
			for run >= 3 {
				k := min(run, 6)
				rle = append(rle, 16|uint16(k-3)<<8)
				clFreq[16]++
				run -= k
			}
		}
		for ; run > 0; run-- {
			rle = append(rle, uint16(l))
			clFreq[l]++
		}
	}
	cl := newHuffman(clFreq, 7)
	ncl := 19
	for ncl > 4 && cl.length[codeLengthOrder[ncl-1]] == 0 {
		ncl--
	}

	var bfinal uint32
	if final {
		bfinal = 1
	}
	w.write(bfinal|2<<1, 3) // BFINAL, BTYPE 10: dynamic Huffman
	w.write(uint32(nlit-257), 5)
	w.write(uint32(ndist-1), 5)
	w.write(uint32(ncl-4), 4)
	for _, s := range codeLengthOrder[:ncl] {
		w.write(uint32(cl.length[s]), 3)
	}
	for _, r := range rle {
		s := r & 0xff
		w.write(uint32(cl.code[s]), uint(cl.length[s]))
		switch s {
		case 16:
			w.write(uint32(r>>8), 2)
		case 17:
			w.write(uint32(r>>8), 3)
		case 18:
			w.write(uint32(r>>8), 7)
		}
	}
	for _, t := range toks {
		if t&matchFlag == 0 {
			w.write(uint32(lit.code[t]), uint(lit.length[t]))
			continue
		}
		l := int(t >> 16 & 0xff)
		lc := int(lengthCode[l])
		w.write(uint32(lit.code[257+lc]), uint(lit.length[257+lc]))
		w.write(uint32(l+3-int(lengthBase[lc])), uint(lengthExtra[lc]))
		d := int(t & 0xffff)
		dc := distCode(d)
		w.write(uint32(dist.code[dc]), uint(dist.length[dc]))
		w.write(uint32(d+1-int(distBase[dc])), uint(distExtra[dc]))
	}
	w.write(uint32(lit.code[256]), uint(lit.length[256]))
}
