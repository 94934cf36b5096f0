package layout

import (
	"fmt"
	"image"
	"io"
	"strconv"

	"github.com/paulmach/orb/project"
	"github.com/sahelatlas/sahelatlas/geo"
)

// PRJWebMercator is the .prj beside a world file: Web Mercator
// (EPSG:3857) in the WKT that ArcGIS, QGIS and GDAL read.
const PRJWebMercator = `PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Mercator_Auxiliary_Sphere"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],PARAMETER["Standard_Parallel_1",0.0],PARAMETER["Auxiliary_Sphere_Type",0.0],UNIT["Meter",1.0]]`

// WorldFile is the six numbers of a world file (.pgw) for an image whose
// map, drawn for v, lies in the rectangle frame of the image: the pixel's
// width, two rotations (0), the pixel's height (negative: rows go south),
// and the Web Mercator x and y in metres of the centre of the image's
// top-left pixel. Every pixel of the frame then lies where it belongs;
// the rest of the page extends the same grid.
func WorldFile(v geo.Viewport, frame image.Rectangle) [6]float64 {
	w, h := v.PixelSize()
	nw := project.WGS84.ToMercator(v.Unproject(0, 0))
	se := project.WGS84.ToMercator(v.Unproject(float64(w), float64(h)))
	sx := (se[0] - nw[0]) / float64(w)
	sy := (nw[1] - se[1]) / float64(h)
	x := nw[0] - float64(frame.Min.X)*sx + sx/2
	y := nw[1] + float64(frame.Min.Y)*sy - sy/2
	return [6]float64{sx, 0, 0, -sy, x, y}
}

// WriteWorldFile writes wf one number a line, as GIS programs read it.
func WriteWorldFile(w io.Writer, wf [6]float64) error {
	for _, n := range wf {
		if _, err := fmt.Fprintln(w, strconv.FormatFloat(n, 'f', -1, 64)); err != nil {
			return err
		}
	}
	return nil
}
