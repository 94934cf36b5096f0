// Package assets holds the files Sahel Atlas embeds in its binary (the
// country boundaries, the bundled dataset, the gazetteer, the icon) and,
// under gen/, the generators that were run by hand to make them.
//
// Nothing here is fetched at run time: the app opens no network connection.
package assets
