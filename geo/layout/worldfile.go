package layout

import (
	"encoding/xml"
	"fmt"
	"image"
	"io"
	"strconv"
	"strings"

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

// wktWebMercator is EPSG:3857 in OGC WKT 1 with its authority codes, which
// GDAL reads from a PAM side file.
const wktWebMercator = `PROJCS["WGS 84 / Pseudo-Mercator",GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]],PROJECTION["Mercator_1SP"],PARAMETER["central_meridian",0],PARAMETER["scale_factor",1],PARAMETER["false_easting",0],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH],AUTHORITY["EPSG","3857"]]`

// WriteAuxXML writes the GDAL side file (PNG.aux.xml) that gives the PNG
// its coordinate system and geotransform: GDAL's PNG driver reads the
// world file but not a .prj, so without it gdalinfo and QGIS see a grid
// with no projection.
func WriteAuxXML(w io.Writer, wf [6]float64) error {
	// GDAL's geotransform is the top-left corner of the top-left pixel, the
	// world file's the centre of it.
	gt := [6]float64{wf[4] - wf[0]/2, wf[0], wf[1], wf[5] - wf[3]/2, wf[2], wf[3]}
	var b strings.Builder
	for i, n := range gt {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.FormatFloat(n, 'e', 16, 64))
	}
	var srs strings.Builder
	if err := xml.EscapeText(&srs, []byte(wktWebMercator)); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "<PAMDataset>\n  <SRS dataAxisToSRSAxisMapping=\"1,2\">%s</SRS>\n  <GeoTransform>%s</GeoTransform>\n</PAMDataset>\n", srs.String(), b.String())
	return err
}
