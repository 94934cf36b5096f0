// Package files writes the files Sahel Atlas makes — snapshots, exported
// events, remembered preferences — so that a failed or interrupted write
// never leaves a broken file: WriteAtomic writes a hidden temporary file
// beside the target, syncs it, renames it over the target and syncs the
// folder. The window and the commands both write through it.
package files
