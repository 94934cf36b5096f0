package draw

import "math"

// polar is the pixel at distance d and angle deg from x, y.
func polar(x, y, d, deg float64) (int, int) {
	a := deg * math.Pi / 180
	return int(math.Floor(x + d*math.Cos(a))), int(math.Floor(y + d*math.Sin(a)))
}
