package startup

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestPrepareHeap checks that the region prepareHeap returns starts on a
// huge-page boundary and lies in a mapping advised into huge pages ("hg"
// among its VmFlags in /proc/self/smaps) with room for the bytes asked
// for.
func TestPrepareHeap(t *testing.T) {
	const n = 6 << 20
	region := uint64(prepareHeap(n))
	if region == 0 || region%hugePage != 0 {
		t.Fatalf("region at %#x, want a multiple of %#x", region, hugePage)
	}
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var start, end uint64
	found := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if fields := strings.Fields(line); len(fields) > 0 && strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":") {
			lo, hi, _ := strings.Cut(fields[0], "-")
			start, _ = strconv.ParseUint(lo, 16, 64)
			end, _ = strconv.ParseUint(hi, 16, 64)
			continue
		}
		if !strings.HasPrefix(line, "VmFlags:") || !strings.Contains(line, " hg") {
			continue
		}
		if start <= region && region+n <= end {
			found = true
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if !found {
		t.Errorf("no mapping of %d bytes or more advised into huge pages from a %d-byte boundary", n, hugePage)
	}
}
