package cli

import (
	"context"
	"fmt"
	"strconv"
)

// waitForSignalAt is the child's seriesProgress for TestSnapshotSignal:
// once the given frame is drawn it says "frame N" on stdout and waits for
// the signal the parent then sends.
func waitForSignalAt(frame string) func(ctx context.Context, done, total int) {
	n, err := strconv.Atoi(frame)
	if err != nil {
		panic(err)
	}
	return func(ctx context.Context, done, total int) {
		if done == n {
			fmt.Printf("frame %d of %d\n", done, total)
			<-ctx.Done()
		}
	}
}

// waitForImportSignalAt is the child's importProgressHook for
// TestImportSignal: once n events are read it says "events N" on stdout
// and waits for the signal the parent then sends.
func waitForImportSignalAt(n string) func(ctx context.Context, events int) {
	at, err := strconv.Atoi(n)
	if err != nil {
		panic(err)
	}
	return func(ctx context.Context, events int) {
		if events >= at {
			fmt.Printf("events %d\n", events)
			<-ctx.Done()
		}
	}
}
