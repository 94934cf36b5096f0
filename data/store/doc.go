// Package store keeps a workspace's annotations in one buntdb file.
//
// The store is built around what buntdb v1.3.2 does and does not promise
// (see notes/reliability.md):
//
//   - every save is one key, committed with SyncPolicy Always and then
//     fsync'd again through a handle of our own, because buntdb drops the
//     fsync's error; a save returns nil only once the data is on disk;
//   - an exclusive lock on "<file>.lock" refuses a second Sahel Atlas
//     within a second (ErrLocked);
//   - before buntdb reads the file, the store reads it with its own
//     bounded reader (log.go). A file cut short, with NULs, garbage or
//     absurd length fields is never handed to buntdb: the original is kept
//     aside as "<file>.damaged-<UTC time>", a clean file holding every whole
//     record is written in its place, and Open returns a Recovery report;
//   - every value carries its schema version and a CRC-32 of its contents,
//     so bytes changed in place are detected rather than used;
//   - the file is 0600 in a 0700 folder;
//   - auto-shrink is off: when Open finds the file, or a write (an import, a
//     layer removed) leaves it, more than a third dead (old copies of
//     replaced or deleted keys, at least 64 KiB), the store compacts it
//     itself: it writes the new file beside it and fsyncs it, keeps the
//     file as it was as "<file>.bak", renames the new file over it and
//     fsyncs the folder, so a crash at any point leaves the old store or
//     the new one;
//   - a spatial index (buntdb's r-tree) is rebuilt on every open and
//     serves InView.
//
// Keys are "annotation:<id>" for annotations, "meta:schema" for the
// store's schema version, and for imported events (see PutLayer)
// "layer:<layer>" for each imported file and "event:<layer>:<id>" for its
// events.
package store
