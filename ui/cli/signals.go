package cli

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"syscall"
)

// stoppedBy is the cause of a command's context once SIGINT or SIGTERM
// stops it.
type stoppedBy struct{ sig os.Signal }

func (s stoppedBy) Error() string { return "stopped by " + s.sig.String() }

// status is the exit status for the signal: 130 for SIGINT, 143 for
// SIGTERM, as a shell reports a process they killed.
func (s stoppedBy) status() int {
	if s.sig == syscall.SIGTERM {
		return ExitSIGTERM
	}
	return ExitSIGINT
}

// catchSignals returns a context cancelled, with a stoppedBy cause, when
// SIGINT (Ctrl-C) or SIGTERM arrives, so a command can remove what it had
// begun before it exits; and release, which stops catching them. After
// the first signal the next one is not caught: a second Ctrl-C ends the
// process at once.
func catchSignals() (ctx context.Context, release func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			signal.Stop(ch)
			cancel(stoppedBy{sig})
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(ch)
		close(done)
		cancel(nil)
	}
}

// signalStatus is the exit status when a signal stopped ctx, else 0.
func signalStatus(ctx context.Context) int {
	var s stoppedBy
	if errors.As(context.Cause(ctx), &s) {
		return s.status()
	}
	return 0
}
