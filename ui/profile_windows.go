package ui

import "os"

// profileEnd is the signal that ends EnvProfile's profile. Windows has no
// SIGUSR1: Ctrl+C (os.Interrupt) ends it there.
var profileEnd = os.Interrupt
