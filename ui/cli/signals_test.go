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
