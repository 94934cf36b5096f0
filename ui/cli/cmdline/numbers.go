package cmdline

import (
	"errors"
	"flag"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/sahelatlas/sahelatlas/data/lang"
)

// numberFlag is a float64 flag that takes only a finite number from min to
// max: "NaN", "Inf" and "1e308" are refused when the flag is parsed, with
// the flag package's one line ("invalid value ... for flag -dpi: ...").
type numberFlag struct {
	p        *float64
	min, max float64
}

// NumberVar defines on fs a float64 flag that takes only a finite number
// from min to max, with default value (which need not be within
// min..max: it stands for "not given").
func NumberVar(fs *flag.FlagSet, p *float64, name string, value, min, max float64, usage string) {
	*p = value
	fs.Var(numberFlag{p, min, max}, name, usage)
}

func (n numberFlag) String() string {
	if n.p == nil {
		return "0"
	}
	return strconv.FormatFloat(*n.p, 'g', -1, 64)
}

func (n numberFlag) Set(s string) error {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	switch {
	case err != nil && !errors.Is(err, strconv.ErrRange):
		return errors.New(lang.T("not a number"))
	case err != nil || math.IsNaN(f) || math.IsInf(f, 0):
		return fmt.Errorf(lang.T("not a finite number: give one from %g to %g"), n.min, n.max)
	case f < n.min || f > n.max:
		return fmt.Errorf(lang.T("outside %g to %g"), n.min, n.max)
	}
	*n.p = f
	return nil
}
