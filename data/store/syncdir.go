//go:build !windows

package store

import (
	"fmt"
	"os"
)

// syncDir fsyncs a folder so that files created or renamed in it survive
// a power cut.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("store: could not open folder %s to sync it: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("store: could not sync folder %s: %w", dir, err)
	}
	return nil
}
