package ui

import (
	"time"

	"fyne.io/fyne/v2"
)

// Speeds offered for playback, in days of the timeline per second.
var Speeds = []struct {
	Label string
	Days  float64
}{
	{"0.5×", 3.5}, {"1×", 7}, {"2×", 14}, {"5×", 35}, {"10×", 70}, {"50×", 350},
}

// playbackTick is how often playback moves the window: 30 times a
// second, so at 5× and faster (a day or more a tick) every tick is a
// frame.
const playbackTick = time.Second / 30

// Player moves the timeline's window forward while playing. Its ticker runs
// in a goroutine and moves the window on the UI goroutine with fyne.Do.
type Player struct {
	t        *Timeline
	speed    float64 // days per second
	carry    float64 // fractional days not moved yet
	stop     chan struct{}
	do       func(func())       // runs a tick on the UI goroutine: fyne.Do, or a test's queue
	OnChange func(playing bool) // called on the UI goroutine when playback starts or stops
}

// NewPlayer makes a player for t at 1× speed.
func NewPlayer(t *Timeline) *Player { return &Player{t: t, speed: Speeds[1].Days, do: fyne.Do} }

// Playing reports whether playback is on.
func (p *Player) Playing() bool { return p.stop != nil }

// SetSpeed sets the speed in days per second.
func (p *Player) SetSpeed(days float64) { p.speed = days }

// Toggle starts or stops playback.
func (p *Player) Toggle() {
	if p.Playing() {
		p.Stop()
	} else {
		p.Play()
	}
}

// Play starts moving the window; at the end of the span it starts again
// from the beginning when the window is already at the end.
func (p *Player) Play() {
	if p.Playing() {
		return
	}
	_, last := p.t.Span()
	if _, to := p.t.Window(); to == last {
		first, _ := p.t.Span()
		from, to := p.t.Window()
		width := to.Days() - from.Days()
		p.t.SetWindow(first, first.AddDays(int(width)))
	}
	stop := make(chan struct{})
	p.stop = stop
	do := p.do
	go func() {
		tick := time.NewTicker(playbackTick)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				do(func() {
					if p.stop == stop {
						p.step()
					}
				})
			}
		}
	}()
	if p.OnChange != nil {
		p.OnChange(true)
	}
}

// Stop stops playback.
func (p *Player) Stop() {
	if !p.Playing() {
		return
	}
	close(p.stop)
	p.stop = nil
	if p.OnChange != nil {
		p.OnChange(false)
	}
}

// step moves the window by one tick's worth of days; at the end it stops.
func (p *Player) step() {
	p.carry += p.speed * playbackTick.Seconds()
	days := int32(p.carry)
	if days == 0 {
		return
	}
	p.carry -= float64(days)
	if !p.t.Shift(days) {
		p.Stop()
	}
}
