// Package store keeps a workspace's annotations in one buntdb file.
//
// The store is built around what buntdb v1.3.2 does and does not promise:
//
//   - every save is one key, committed with SyncPolicy Always and then
//     fsync'd again through a handle of our own, because buntdb drops the
//     fsync's error; a save returns nil only once the data is on disk;
//   - an exclusive lock refuses a second Sahel Atlas within a second
//     (ErrLocked). It is flock(2) on the store file itself, through a
//     descriptor of its own, so every name of the file shares it: a
//     symbolic link, a hard link, a path with "..". (Where there is no
//     flock, on Windows, a lock on a file would stop buntdb's own reads and
//     writes; there it is "<file>.lock" beside the file the links lead to,
//     which symbolic links share and hard links do not.) Compact and the
//     repair lock the new file before renaming it over the store, and a
//     process that gets the lock checks it holds the file the path names;
//   - Open follows symbolic links first and works on the file they lead
//     to: the repair and Compact replace that file, so a link to the store
//     stays a link to it, and the copies they keep are written beside it.
//     A file with several names (hard links) is never replaced, since the
//     other names would keep the old file: it is not compacted (the open
//     report says why) and, when damaged, not repaired (Open fails, saying
//     why); a symbolic link is the way to give a store a second name;
//   - before buntdb reads the file, the store reads it with its own
//     bounded reader (log.go). A file cut short, with NULs, garbage or
//     absurd length fields is never handed to buntdb: the original is kept
//     aside as "<file>.damaged-<UTC time>" (a copy of its own, never a
//     link to the live file), a clean file holding every whole record is
//     written in its place, and Open returns a Recovery report, which
//     names the annotations and own events lost (id, title, the day last
//     saved) from the damaged record's readable bytes or the ".bak" of the
//     last compaction (lost.go), and says how many cannot be named and why;
//   - every value carries its schema version and a CRC-32 of its contents,
//     so bytes changed in place are detected rather than used;
//   - the file is 0600 in a 0700 folder. Open takes group and other
//     permissions off an existing file (0644 becomes 0600) and says so
//     once in its report; it warns, at every open, when others can write
//     the folder (they could replace or remove the store). It never adds
//     the owner's write bit: a store that cannot be written (its mode gives
//     its owner no write permission, it is on a read-only file system, or
//     this user may not write it) is opened read-only (Store.ReadOnly): it
//     is read into memory (buntdb ":memory:") and never changed, not even
//     when damaged (the damage is reported, the readable records are
//     served), and every write returns ErrReadOnly;
//   - auto-shrink is off: when Open finds the file, or a write (an import, a
//     layer removed) leaves it, more than a third dead (old copies of
//     replaced or deleted keys, at least 64 KiB), the store compacts it
//     itself: it writes the new file beside it and fsyncs it, keeps a copy
//     of the file as it was as "<file>.bak", renames the new file over it and
//     fsyncs the folder, so a crash at any point leaves the old store or
//     the new one;
//   - a spatial index (buntdb's r-tree) is rebuilt on every open and
//     serves InView.
//
// Keys are "annotation:<id>" for annotations, "meta:schema" for the
// store's schema version, "layer:<import id>" for the record of each
// imported file (the keys keep the name imports were first given), and
// "myevent:<id>" for each of the analyst's own events (see AddEvent).
//
// The events of an imported file are not in buntdb, which holds every
// value in memory: they are in an events file of their own in the folder
// "<store>.events" beside the store (EventsDir; see blocks.go), blocks of
// a month's events compressed with DEFLATE and checksummed, with an index
// of their dates that lets ImportEventsBetween read only the blocks a
// date window meets. An events file is written whole under a temporary
// name and fsync'd before the import's record names it (NewImport,
// ImportWriter.Commit), so an import is whole or absent after a crash;
// the store's lock covers the folder, and Open removes the files no
// record names. A damaged events file is reported on its import
// (Import.Problem) and the rest of the store is served. Stores of earlier
// builds kept each event as a value "event:<import id>:<id>": Open moves
// them to events files, and reads them in place when the store is
// read-only.
package store
