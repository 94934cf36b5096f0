package store

import "hash/maphash"

// eventIDs is what an import wrote, by event id. A million ids in a
// map[string]written cost the import a second of CPU: the map hashes every
// id again each time it grows, and each id is an allocation of its own.
// Here an id is hashed once to 64 bits, its text is copied into large
// chunks, and the map holds only the hash and where the id's entry is
// (entries are in chunks too, never copied as they grow); an id whose
// hash another id already has (about one in 10^7 for a million ids) is
// found in a map of its own.
type eventIDs struct {
	seed    maphash.Seed
	byHash  map[uint64]int32 // hash → index in entries of the first id with it
	clash   map[string]int32 // ids whose hash an earlier id has
	entries [][]idEntry      // in chunks of idChunk: growing never copies them
	text    [][]byte         // the ids, one after the other, in chunks of at least idTextChunk bytes
	added   int              // entries
	n       int              // ids held: entries not deleted
	last    idFound          // the last find, which a put of the same id reuses
}

// idFound is what find found for an id: an import looks an id up, then
// puts it, and the second lookup into a map of a million would cost
// another cache miss.
type idFound struct {
	id    string
	h     uint64
	i     int32 // index in entries, or −1
	taken bool  // another id has the hash
	ok    bool  // the rest is set
}

// The sizes of eventIDs' chunks.
const (
	idChunk     = 1 << 12
	idTextChunk = 1 << 16
)

// entry returns the entry at index i.
func (e *eventIDs) entry(i int32) *idEntry { return &e.entries[i/idChunk][i%idChunk] }

// idOf returns the id of en.
func (e *eventIDs) idOf(en *idEntry) []byte { return e.text[en.chunk][en.off : en.off+en.len] }

// idEntry is one id and what was written of it (a written, flattened to
// 32 bytes).
type idEntry struct {
	version  int64
	seq      int
	chunk    uint32 // the id is text[chunk][off : off+len]
	off, len uint32
	added    bool
	gone     bool // deleted: get does not find it until it is put again
}

func newEventIDs() *eventIDs {
	return &eventIDs{seed: maphash.MakeSeed(), byHash: map[uint64]int32{}}
}

// find returns the index of id's entry, deleted or not, or −1, and
// whether an entry of another id has the hash h.
func (e *eventIDs) find(id string, h uint64) (int32, bool) {
	if l := &e.last; l.ok && l.h == h && l.id == id {
		return l.i, l.taken
	}
	i, taken := e.byHash[h]
	if taken {
		if string(e.idOf(e.entry(i))) == id {
			taken = false
		} else if j, ok := e.clash[id]; ok {
			i = j
		} else {
			i = -1
		}
	} else {
		i = -1
	}
	e.last = idFound{id, h, i, taken, true}
	return i, taken
}

// get returns what was written of id.
func (e *eventIDs) get(id string) (written, bool) { return e.getHashed(id, e.hash(id)) }

// put records what was written of id; the id is copied.
func (e *eventIDs) put(id string, w written) { e.putHashed(id, e.hash(id), w) }

// delete forgets id.
func (e *eventIDs) delete(id string) { e.deleteHashed(id, e.hash(id)) }

// hash is id's 64-bit hash.
func (e *eventIDs) hash(id string) uint64 { return maphash.String(e.seed, id) }

// getHashed is get of id, whose hash is h.
func (e *eventIDs) getHashed(id string, h uint64) (written, bool) {
	i, _ := e.find(id, h)
	if i < 0 || e.entry(i).gone {
		return written{}, false
	}
	en := e.entry(i)
	return written{en.seq, en.version, en.added}, true
}

// putHashed is put of id, whose hash is h.
func (e *eventIDs) putHashed(id string, h uint64, w written) {
	i, taken := e.find(id, h)
	e.last = idFound{}
	if i >= 0 {
		en := e.entry(i)
		if en.gone {
			en.gone = false
			e.n++
		}
		en.seq, en.version, en.added = w.seq, w.version, w.added
		return
	}
	i = int32(e.added)
	if i%idChunk == 0 {
		e.entries = append(e.entries, make([]idEntry, 0, idChunk))
	}
	last := len(e.text) - 1
	if last < 0 || len(e.text[last])+len(id) > cap(e.text[last]) {
		e.text = append(e.text, make([]byte, 0, max(idTextChunk, len(id))))
		last++
	}
	en := idEntry{version: w.version, seq: w.seq, chunk: uint32(last), off: uint32(len(e.text[last])), len: uint32(len(id)), added: w.added}
	e.text[last] = append(e.text[last], id...)
	c := &e.entries[len(e.entries)-1]
	*c = append(*c, en)
	e.added++
	e.n++
	if !taken {
		e.byHash[h] = i
		return
	}
	if e.clash == nil {
		e.clash = map[string]int32{}
	}
	e.clash[id] = i
}

// deleteHashed is delete of id, whose hash is h.
func (e *eventIDs) deleteHashed(id string, h uint64) {
	i, _ := e.find(id, h)
	e.last = idFound{}
	if i >= 0 && !e.entry(i).gone {
		e.entry(i).gone = true
		e.n--
	}
}

// count is the number of ids held.
func (e *eventIDs) count() int { return e.n }
