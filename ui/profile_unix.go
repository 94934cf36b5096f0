//go:build !windows

package ui

import "syscall"

// profileEnd is the signal that ends EnvProfile's profile: SIGUSR1, which
// ui/smoke/frames.sh sends (Fyne quits on SIGTERM before it is written).
var profileEnd = syscall.SIGUSR1
