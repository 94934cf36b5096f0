package store

import "hash/maphash"

// eventIDs is what an import wrote, by event id. A million ids in a
// map[string]written cost the import a second of CPU: the map hashes every
// id again each time it grows, and each id is an allocation of its own.
// Here an id is hashed once to 64 bits, its text is copied into one arena,
// and the map holds only the hash and where the id's entry is; an id whose
// hash another id already has (about one in 10^7 for a million ids) is
// found in a map of its own.
type eventIDs struct {
	seed    maphash.Seed
	byHash  map[uint64]int32 // hash → index in entries of the first id with it
	clash   map[string]int32 // ids whose hash an earlier id has
	entries []idEntry
	text    []byte  // the ids, one after the other
	n       int     // ids held: entries not deleted
	last    idFound // the last find, which a put of the same id reuses
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

// idEntry is one id and what was written of it (a written, flattened to
// 32 bytes).
type idEntry struct {
	version  int64
	seq      int
	off, len uint32 // the id is text[off : off+len]
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
		if en := &e.entries[i]; string(e.text[en.off:en.off+en.len]) == id {
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
	if i < 0 || e.entries[i].gone {
		return written{}, false
	}
	en := &e.entries[i]
	return written{en.seq, en.version, en.added}, true
}

// putHashed is put of id, whose hash is h.
func (e *eventIDs) putHashed(id string, h uint64, w written) {
	i, taken := e.find(id, h)
	e.last = idFound{}
	if i >= 0 {
		en := &e.entries[i]
		if en.gone {
			en.gone = false
			e.n++
		}
		en.seq, en.version, en.added = w.seq, w.version, w.added
		return
	}
	i = int32(len(e.entries))
	e.entries = append(e.entries, idEntry{version: w.version, seq: w.seq, off: uint32(len(e.text)), len: uint32(len(id)), added: w.added})
	e.text = append(e.text, id...)
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
	if i >= 0 && !e.entries[i].gone {
		e.entries[i].gone = true
		e.n--
	}
}

// count is the number of ids held.
func (e *eventIDs) count() int { return e.n }
