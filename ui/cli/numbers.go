package cli

import (
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/ui/cli/cmdline"
)

// numberVar defines a flag that takes only a finite number from min to
// max (cmdline.NumberVar).
var numberVar = cmdline.NumberVar

// intFlag is an int flag that takes only a whole number from min to max.
type intFlag struct {
	p        *int
	min, max int
}

// intVar defines an intFlag with default value.
func intVar(fs *flag.FlagSet, p *int, name string, value, min, max int, usage string) {
	*p = value
	fs.Var(intFlag{p, min, max}, name, usage)
}

func (n intFlag) String() string {
	if n.p == nil {
		return "0"
	}
	return strconv.Itoa(*n.p)
}

func (n intFlag) Set(s string) error {
	i, err := strconv.Atoi(strings.TrimSpace(s))
	switch {
	case err != nil && errors.Is(err, strconv.ErrRange):
		return fmt.Errorf(lang.T("outside %d to %d"), n.min, n.max)
	case err != nil:
		return fmt.Errorf(lang.T("not a whole number from %d to %d"), n.min, n.max)
	case i < n.min || i > n.max:
		return fmt.Errorf(lang.T("outside %d to %d"), n.min, n.max)
	}
	*n.p = i
	return nil
}
