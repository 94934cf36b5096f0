package cli

import (
	"errors"
	"fmt"
	"testing"

	"github.com/sahelatlas/sahelatlas/data/store"
)

// The window and the commands give one exit status for each way opening
// the store fails.
func TestStatusOf(t *testing.T) {
	cases := []struct {
		err  error
		want int
	}{
		{nil, ExitOK},
		{fmt.Errorf("opening: %w", store.ErrNoPath), ExitUsage},
		{fmt.Errorf("opening: %w", store.ErrLocked), ExitLocked},
		{errors.New("disk on fire"), ExitFailed},
	}
	for _, tc := range cases {
		if got := StatusOf(tc.err); got != tc.want {
			t.Errorf("StatusOf(%v) = %d, want %d", tc.err, got, tc.want)
		}
	}
}
