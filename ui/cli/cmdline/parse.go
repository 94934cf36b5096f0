package cmdline

import "flag"

// Parse parses args with fs, letting flags come after other arguments
// ("snapshot x.png --view mali"): it returns the arguments that are not
// flags, in order, and everything after a "--" as given.
func Parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		left := fs.Args()
		if used := len(args) - len(left); used > 0 && args[used-1] == "--" {
			rest = append(rest, left...)
			break
		}
		if len(left) == 0 {
			break
		}
		rest, args = append(rest, left[0]), left[1:]
	}
	return rest, nil
}
