//go:build !linux

package store

import (
	"fmt"
	"os"
)

// diskFullChild is the child of the disk-full test, which needs Linux's
// RLIMIT_FSIZE (diskfull_test.go) and runs nowhere else: a child asked for
// it here says so and fails.
func diskFullChild(s *Store) {
	fmt.Println("the disk-full child runs only on Linux")
	os.Exit(1)
}
