// Package files writes the files Sahel Atlas makes — snapshots, exported
// events, remembered preferences — so that a failed or interrupted write
// never leaves a broken file: WriteAtomic writes a hidden temporary file
// beside the target, syncs it, renames it over the target and syncs the
// folder. It follows symbolic links to the file they lead to, keeps a
// replaced file's permissions, and refuses to replace a folder, a device,
// a named pipe or a socket with a file. The window and the commands both
// write through it.
package files
