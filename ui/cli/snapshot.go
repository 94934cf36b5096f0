package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/data/prefs"
	"github.com/sahelatlas/sahelatlas/geo/layout"
	"github.com/sahelatlas/sahelatlas/geo/scene"
	"github.com/sahelatlas/sahelatlas/ui/cli/cmdline"
)

func init() {
	register(&command{
		name: "snapshot", args: "-o FILE",
		summary: "draw a titled, dated, credited map to PNG, SVG, PDF or GIF without a window",
		notes: `-o - writes to standard output (PNG unless --format says otherwise).
With --every, a series: a PDF page, a GIF frame or a PNG file in the folder -o per step.
Ctrl-C (SIGINT) or SIGTERM during a series stops it and removes what was begun;
the status is then 130 or 143.`,
		flags: func(fs *flag.FlagSet) runFunc {
			o := &cmdline.Snapshot{}
			o.Bind(fs)
			return func(con console, args []string) int { return runSnapshot(con, o, args) }
		},
	})
}

// seriesProgress, when set, hears of every frame a snapshot draws, with
// the command's context. Tests set it to stop a series at a known frame.
var seriesProgress func(ctx context.Context, done, total int)

// runSnapshot draws a snapshot or a series to a file, or to standard
// output with -o -.
func runSnapshot(con console, o *cmdline.Snapshot, args []string) int {
	if len(args) > 0 {
		return con.usagef(lang.T("unexpected argument %q"), args[0])
	}
	if err := o.Check(); err != nil {
		return con.usagef("%v", err)
	}
	sc, err := scene.Load()
	if err != nil {
		return con.failf(ExitFailed, "%v", err)
	}
	var notes []data.Annotation
	if o.Store != "" {
		ws, status := readWorkspace(con, o.Store, sc.Data, true)
		if status != ExitOK {
			return status
		}
		sc, notes = sc.WithData(ws.data), ws.notes
	}
	toStdout := o.Out == "-"
	snap, err := o.Request(sc)
	if err != nil {
		return con.usagef("%v", err)
	}
	snap.Annotations = notes
	saved, err := prefs.LoadSnapshot()
	if err != nil {
		return con.failf(ExitUsage, "%v", err)
	}
	snap = o.WithCaveat(snap, saved)
	done, err := snap.Complete(sc, o.Path())
	if err == nil {
		ctx, release := catchSignals()
		defer release()
		if seriesProgress != nil {
			done.Progress = func(n, total int) { seriesProgress(ctx, n, total) }
		}
		if toStdout {
			err = scene.Encode(ctx, sc, con.stdout, done)
		} else {
			err = scene.WriteContext(ctx, sc, o.Out, done)
		}
		if status := signalStatus(ctx); status != 0 && err != nil {
			what := "removed what it had begun"
			if toStdout {
				what = "standard output holds part of a file"
			}
			return con.failf(status, "%v; %s", context.Cause(ctx), what)
		}
	}
	if err != nil {
		msg := strings.TrimPrefix(err.Error(), scene.ErrBadSnapshot.Error()+": ")
		if errors.Is(err, scene.ErrBadSnapshot) {
			return con.usagef("%s", msg)
		}
		return con.failf(ExitUsage, "%s", msg)
	}
	if o.CaveatGiven && o.Caveat != saved.Caveat {
		saved.Caveat = o.Caveat
		if err := prefs.SaveSnapshot(saved); err != nil {
			con.failf(ExitOK, lang.T("wrote %s but could not remember the caveat: %v"), o.Out, err)
		}
	}
	// What the reader cannot tell from the page: a remembered caveat, the
	// events left off. On standard error when the file went to standard
	// output.
	var said []string
	if !o.CaveatGiven && strings.TrimSpace(done.Layout.Caveat) != "" && done.Layout.Hide&layout.Caveat == 0 {
		said = append(said, lang.T("cli.snapshot.caveat", done.Layout.Caveat))
	}
	for _, s := range done.Omitted(sc).Sentences() {
		said = append(said, lang.T("cli.snapshot.note", s))
	}
	if toStdout {
		for _, n := range said {
			fmt.Fprintln(con.stderr, n)
		}
		return ExitOK
	}
	what := string(done.Format)
	if done.Every != "" {
		what += lang.T("cli.snapshot.series", string(done.Every))
	}
	fmt.Fprintln(con.stdout, lang.T("cli.snapshot.wrote", o.Out, what, done.From, done.To, o.View))
	for _, n := range said {
		fmt.Fprintln(con.stdout, n)
	}
	return ExitOK
}
